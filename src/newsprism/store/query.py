"""The search query language, parsed here and written out for each store's full-text index.

::

    kherson bridge            both words (AND is implied; it may be written)
    "troop withdrawal"        these words next to each other, in this order
    evac*                     words starting with "evac"
    kyiv OR kiev              either
    flood NOT rain            without the word; also "flood AND NOT rain" and "flood -rain"
    (kyiv OR kiev) bridge     a group

Operators are upper case (``or`` is a word), and AND binds tighter than OR:
``a b OR c`` is ``(a b) OR c``. Punctuation is not searched: ``covid-19`` is
both of ``covid`` and ``19``, as the index reads it. The query is parsed once, into
:class:`Term`, :class:`AllOf` and :class:`AnyOf`, and each store writes that
tree in its own syntax (FTS5 for SQLite, ``tsquery`` for PostgreSQL), with
every word quoted. User text never reaches either parser as syntax: a query
that cannot be read raises :class:`~newsprism.errors.QueryError` saying what
is wrong, where ``flood AND NOT rain`` or ``a OR OR b`` used to reach FTS5 and
come back as a raw "fts5: syntax error" or an HTTP 500 (issue #16).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QueryError

_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'"([^"]*)"|(")|([()])|([^\s()"]+)')
_OPERATORS = ("AND", "OR", "NOT")
HELP = 'write words, "exact phrases", prefix*, OR, NOT (or -word) and (groups)'


@dataclass(frozen=True, slots=True)
class Term:
    """Words to find: a quoted phrase (next to each other), or the words of one unquoted token (all of them)."""

    words: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every one of ``include`` and none of ``exclude`` (``include`` is never empty)."""

    include: tuple[Node, ...]
    exclude: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one of ``options``."""

    options: tuple[Node, ...]


Node = Term | AllOf | AnyOf


def parse_query(text: str) -> Node | None:
    """The query tree of ``text``, or ``None`` when it holds no word (list everything).

    Raises:
        QueryError: when the query cannot be read (an operator without its operands, a quote or a
            parenthesis not closed, only words to exclude).

    >>> parse_query('flood -rain')
    AllOf(include=(Term(words=('flood',), phrase=False, prefix=False),), exclude=(Term(words=('rain',), phrase=False, prefix=False),))
    """
    return _Parser(text).parse()


class _Parser:
    """Recursive descent: ``any := all (OR all)*``, ``all := [NOT] unit ([AND] [NOT] unit)*``,
    ``unit := term | ( any )``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str]] = []
        for m in _TOKEN.finditer(text):
            phrase, stray, paren, bare = m.groups()
            if stray:
                self._fail('a quote (") is not closed')
            elif phrase is not None:
                self.tokens.append(("phrase", phrase))
            elif paren:
                self.tokens.append((paren, paren))
            elif bare in _OPERATORS:
                self.tokens.append((bare, bare))
            elif bare == "-" and text[m.end():m.end() + 1] == "(":  # -(rain OR snow)
                self.tokens.append(("NOT", "-"))
            elif bare.startswith("-") and _WORD.search(bare):
                self.tokens += [("NOT", "-"), ("word", bare[1:])]
            else:
                self.tokens.append(("word", bare))
        self.at = 0

    def _fail(self, why: str) -> None:
        shown = self.text if len(self.text) <= 100 else self.text[:100] + "…"
        raise QueryError(f"cannot read the search query {shown!r}: {why}; {HELP}")

    def _peek(self) -> str | None:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else None

    def parse(self) -> Node | None:
        node = self._any()
        if self._peek() == ")":
            self._fail("a ')' has no '(' before it")
        return node

    def _any(self) -> Node | None:
        options = [self._all()]
        while self._peek() == "OR":
            self.at += 1
            options.append(self._all())
        if len(options) > 1 and any(option is None for option in options):
            self._fail("OR needs a word or a group on each side")
        found = [option for option in options if option is not None]
        return None if not found else found[0] if len(found) == 1 else AnyOf(tuple(found))

    def _all(self) -> Node | None:
        include: list[Node] = []
        exclude: list[Node] = []
        while (kind := self._peek()) not in (None, "OR", ")"):
            if kind == "AND":
                self.at += 1
                if self._peek() in (None, "OR", ")", "AND") or not (include or exclude):
                    self._fail("AND needs a word or a group on each side")
                continue
            negated = kind == "NOT"
            if negated:
                self.at += 1
                if self._peek() in (None, "OR", ")", "AND", "NOT"):
                    self._fail("NOT needs a word or a group after it")
            unit = self._unit()
            if unit is not None:
                (exclude if negated else include).append(unit)
        if exclude and not include:
            self._fail("NOT needs something to exclude from, as in 'flood NOT rain'")
        if not include:
            return None
        return include[0] if len(include) == 1 and not exclude else AllOf(tuple(include), tuple(exclude))

    def _unit(self) -> Node | None:
        kind, value = self.tokens[self.at]
        self.at += 1
        if kind == "(":
            node = self._any()
            if self._peek() != ")":
                self._fail("a '(' is not closed")
            self.at += 1
            if node is None:
                self._fail("a group '( )' holds no word")
            return node
        words = tuple(_WORD.findall(value))
        if not words:  # punctuation alone: nothing to find, as the index ignores it too
            return None
        return Term(words, phrase=kind == "phrase", prefix=kind == "word" and value.endswith("*"))


def to_fts5(node: Node, *, top: bool = True) -> str:
    """The tree as an SQLite FTS5 query, every word a quoted string.

    >>> to_fts5(parse_query('kherson "troop withdrawal" evac* NOT (rain OR snow)'))
    '("kherson" AND "troop withdrawal" AND "evac"*) NOT ("rain" OR "snow")'
    """
    if isinstance(node, Term):
        if node.phrase:
            return '"' + " ".join(node.words) + '"'
        words = [f'"{word}"' for word in node.words]
        words[-1] += "*" if node.prefix else ""
        return words[0] if len(words) == 1 else "(" + " AND ".join(words) + ")"
    if isinstance(node, AnyOf):
        text = " OR ".join(to_fts5(option, top=False) for option in node.options)
        return text if top else f"({text})"
    # FTS5's NOT is binary ("a NOT b"), so the words to keep come first, then each one to drop
    text = " AND ".join(to_fts5(part, top=False) for part in node.include)
    for part in node.exclude:
        text = f"({text}) NOT {to_fts5(part, top=False)}"
    return text if top or not node.exclude and len(node.include) == 1 else f"({text})"


def to_tsquery(node: Node, *, top: bool = True) -> str:
    """The tree as a PostgreSQL ``tsquery`` (for ``to_tsquery('simple', ...)``), words lower case and quoted.

    >>> to_tsquery(parse_query('kherson "troop withdrawal" evac* NOT (rain OR snow)'))
    "'kherson' & 'troop' <-> 'withdrawal' & 'evac':* & !('rain' | 'snow')"
    """
    if isinstance(node, Term):
        words = [f"'{word.lower()}'" for word in node.words]
        words[-1] += ":*" if node.prefix else ""
        if node.phrase:
            return " <-> ".join(words)
        return words[0] if len(words) == 1 else "(" + " & ".join(words) + ")"
    if isinstance(node, AnyOf):
        text = " | ".join(to_tsquery(option, top=False) for option in node.options)
        return text if top else f"({text})"
    parts = [to_tsquery(part, top=False) for part in node.include]  # <-> binds tighter than &: no brackets
    parts += [f"!({to_tsquery(part)})" for part in node.exclude]
    text = " & ".join(parts)
    return text if top or len(parts) == 1 else f"({text})"

