-- Story edges keep their scores exactly: SQLite's REAL is already a double, so only the schema version moves,
-- with PostgreSQL's migration of the same number (#17).
SELECT 1
