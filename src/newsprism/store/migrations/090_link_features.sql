-- The story features of each article as the last link run computed them (word and title vectors, names,
-- places, day, site, title, headline), beside the hash of what they are made of, so a link run scores a
-- new article against its candidate stories without computing their features again (#17).
ALTER TABLE link_articles ADD COLUMN data TEXT
