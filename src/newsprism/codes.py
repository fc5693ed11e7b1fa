"""The catalogue of newsprism's codes: every error and warning code, defined once, with its meaning and fix.

Code refers to a code by name (``Code.FEED_UNREADABLE``); its value is the code itself (``"E141"``), so
messages, stored failures and JSON output carry the same short strings users filter on
(``newsprism failures --code E141``). A code never means two things, and a code once published keeps its
meaning: a new kind of problem gets a new code. A test fails on a duplicate code, on a code written as a
literal outside this module and on a code nothing uses; ``docs/errors.md`` lists the catalogue.

Families (the first digit, then the second):

====  ====================================================================================
E0    the root of the exception tree
E10x  input: files, folders, standard input
E11x  fetching URLs
E12x  JSON Lines
E13x  WARC archives
E14x  feeds (and an unknown article id)
E15x  what a command needs besides its input (a Dask scheduler, the sample news)
E16x  search queries
E17x  values given as options, parameters or arguments
E18x  HTML pages
E2xx  settings and configuration
E3xx  the corpus store
E4xx  stages and plugins
E5xx  optional dependencies
E9xx  processing that failed for one document (the batch goes on)
W1xx  warnings while reading; W14x HTML cut
W3xx  warnings on dates
====  ====================================================================================

>>> Code.FEED_UNREADABLE
'E141'
>>> CATALOGUE["E141"].meaning
'a feed file or fetched feed is not a readable RSS or Atom feed'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CATALOGUE", "Code", "CodeInfo", "catalogue"]

#: (code, meaning, fix) in the order :class:`Code` defines them; read through :func:`catalogue`.
_DEFINED: list[tuple[str, str, str]] = []


def _define(code: str, meaning: str, fix: str) -> str:
    _DEFINED.append((code, meaning, fix))
    return code


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One entry of the catalogue.

    Attributes:
        code: The code as messages and records carry it (``"E141"``).
        name: Its name in :class:`Code` (``"FEED_UNREADABLE"``).
        meaning: What it means.
        fix: What usually fixes it.
    """

    code: str
    name: str
    meaning: str
    fix: str


class Code:
    """Every code newsprism uses, by name. The value of each name is the code string."""

    # E0: the root
    NEWSPRISM_ERROR = _define(
        "E000", "an error newsprism raised on purpose, with no more precise code", "read the message")

    # E10x: input
    BAD_INPUT = _define(
        "E100", "a file, URL or option given cannot be used", "read the message; it names the input")
    NO_DOCUMENT = _define(
        "E101", "the input holds no document (an empty folder, or only files of unknown types)",
        "give a file, URL or '-' that holds a document")
    READER_FAILED = _define(
        "E102", "a reader failed on an input in a way nobody foresaw; the rest of the run goes on",
        "report it, with the input")
    NO_TEXT = _define(
        "E103", "no text could be read from the document, or none was left after cleaning",
        "check that the document holds article text and not only page furniture")
    INPUT_NOT_FOUND = _define(
        "E104", "the input does not exist or cannot be opened",
        "check the path and its permissions; URLs start with http:// or https://, standard input is '-'")
    EMPTY_INPUT = _define(
        "E105", "empty input (no bytes, or only whitespace)", "check that the file was written completely")
    BINARY_INPUT = _define(
        "E106", "binary input (NUL, control or undecodable bytes), not text, HTML, JSON Lines, a feed or a WARC",
        "give HTML, text, JSON Lines, feeds or WARC only; for a URL, check the content type its server sends")
    INPUT_TOO_LARGE = _define(
        "E107", "an input larger than the max_bytes setting", "raise max_bytes if the input is genuine")
    BAD_COMPRESSION = _define(
        "E108", "truncated or corrupt gzip data", "download or compress the file again")
    UNSUPPORTED_INPUT = _define(
        "E109", "an unsupported format (ARC, images, WARC on standard input) or not a regular file "
        "(a named pipe, socket or device)",
        "convert it, or pass the file's path; give standard input as '-'")

    # E11x: fetching URLs
    FETCH_FAILED = _define(
        "E110", "a URL was refused or could not be fetched", "read the message; it names the URL and the reason")
    PRIVATE_ADDRESS = _define(
        "E111", "a URL refused: its host is a private, loopback, link-local or shared address",
        "pass --allow-private (setting allow_private), or list the address in allow_addresses")
    NOT_HTTP_URL = _define(
        "E112", "a URL refused: not http or https, or malformed",
        "check the URL; download other schemes yourself and pass the file's path")
    ROBOTS_DISALLOWED = _define(
        "E113", "a URL refused by the site's robots.txt (or robots.txt could not be read)",
        "respect it, or set respect_robots = false if you may fetch the page")
    FETCH_TIMEOUT = _define(
        "E114", "fetching took longer than the fetch_timeout setting", "retry later, or raise fetch_timeout")
    FETCH_TOO_LARGE = _define(
        "E115", "a fetched body larger than the max_bytes setting", "raise max_bytes if the page is genuine")
    HTTP_ERROR = _define(
        "E116", "the server answered with an HTTP error status", "check the URL, or retry later")
    TOO_MANY_REDIRECTS = _define(
        "E117", "more redirects than newsprism follows (5)", "fetch the final URL instead")
    HOST_UNRESOLVED = _define(
        "E118", "the URL's host name does not resolve to an address", "check the host name and the network")
    NETWORK_ERROR = _define(
        "E119", "a network error while fetching", "check the network, or retry later")

    # E12x: JSON Lines
    JSONL_NOT_OBJECT = _define(
        "E121", "JSON Lines: a line (or a file's first lines) is not a JSON object",
        "fix the line; give one JSON object per line")
    JSONL_NO_BODY = _define(
        "E122", "JSON Lines: an object has no non-empty 'text' or 'html' string", "add the body to the line")

    # E13x: WARC archives
    WARC_DAMAGED_RECORD = _define(
        "E131", "WARC: a record is damaged or cut short; reading goes on at the next record",
        "download or write the archive again")
    WARC_UNREADABLE = _define(
        "E132", "WARC: the archive cannot be read (not a WARC, corrupt gzip, or unreadable bytes at its start)",
        "download or write the archive again")
    WARC_RECORD_TOO_LARGE = _define(
        "E133", "WARC: a record larger than the max_bytes setting", "raise max_bytes if the record is genuine")
    WARC_UNDECODABLE = _define(
        "E134", "WARC: a payload whose transfer or content encoding cannot be undone",
        "download or write the archive again")

    # E14x: feeds, and an unknown article id
    NO_SUCH_ARTICLE = _define(
        "E140", "no article has this id (or id prefix)", "find ids with 'newsprism search'")
    FEED_UNREADABLE = _define(
        "E141", "a feed file or fetched feed is not a readable RSS or Atom feed", "check the feed's URL or file")
    FEED_DECLARES_ENTITIES = _define(
        "E142", "a feed refused because it declares XML entities (a possible XML bomb)",
        "use another feed of the site; newsprism does not expand entities")
    FEED_ITEM_EMPTY = _define(
        "E143", "a feed item has no content or summary, and its link was not fetched",
        "ingest the feed with link fetching on, or ingest the item's page")

    # E15x: what a command needs besides its input
    DASK_UNREACHABLE = _define(
        "E150", "the Dask scheduler given cannot be reached", "check its address and that it runs")
    NO_EXAMPLES = _define(
        "E151", "the demo's sample news (the examples/ folder) was not found",
        "run the demo from a clone of the project, or pass --examples FOLDER")

    # E16x: search queries
    BAD_QUERY = _define(
        "E160", "a search query cannot be read (an operator without operands, an unclosed quote or group)",
        "fix the query; put -- before a query that starts with '-'")
    NEGATIVE_PAGE = _define(
        "E161", "a search's limit or offset is below 0", "give a limit and an offset of 0 or more")

    # E17x: values given as options, parameters or arguments
    BAD_DATE = _define(
        "E170", "not an ISO 8601 date, or a day that does not exist", "use 2022-11-09, 2022-11-09T14:30 or "
        "2022-11-09T14:30+02:00")
    BAD_LANGUAGE = _define(
        "E171", "not a supported language, or not a language code", "use an ISO 639-1 code such as en; the message "
        "lists the supported ones")
    BAD_OUTPUT_PATH = _define(
        "E172", "an output path that cannot be written (a folder, or in a folder that does not exist)",
        "give a file in an existing, writable folder")
    AMBIGUOUS_ID = _define(
        "E173", "an id prefix that starts several ids", "give more characters of the id; the message names a few")
    NO_SUCH_STORY = _define(
        "E174", "no story has this id (or id prefix)", "'newsprism stories' lists them")
    UNKNOWN_PARAMETER = _define(
        "E175", "an unknown web API parameter", "check the spelling; the message names the parameters taken")
    UNKNOWN_CODE = _define(
        "E176", "not one of newsprism's codes (failures --code)", "give a code listed in docs/errors.md, e.g. E104")
    BAD_SORT = _define(
        "E177", "not a sort order", "use 'relevance' or 'date'")
    PARQUET_NEEDS_FILE = _define(
        "E178", "Parquet export cannot write to standard output", "name a file: -o corpus.parquet")
    BAD_DECISION = _define(
        "E179", "not an entity decision: an action other than merge or split, no name, or a merge of one name",
        "merge two names or more (the first is kept), or split one name or more off their entities")

    # E18x: HTML pages
    NO_HTML_STRUCTURE = _define(
        "E180", "no HTML structure found in a page given as HTML (plain text or a fragment?)",
        "check the source's content type, or give the document as text")
    NO_MAIN_TEXT = _define(
        "E181", "no main text found in an HTML page (only navigation, scripts or furniture)",
        "check that the page holds an article; a page built by JavaScript has no text to read")
    HTML_EXTRACTION_FAILED = _define(
        "E182", "HTML extraction failed with an unexpected error", "report it, with the page")

    # E2xx: settings and configuration
    BAD_CONFIG = _define(
        "E200", "a setting is unknown or has a bad value", "read the message; it names the setting")
    BAD_SETTING_VALUE = _define(
        "E201", "a setting has a bad value", "give a value of the type the message names; see docs/configuration.md")
    CONFIG_FILE_UNREADABLE = _define(
        "E202", "the config file cannot be read or is not valid TOML", "check the file's path and its TOML")
    UNKNOWN_SETTING = _define(
        "E203", "an unknown setting", "check the spelling; the message lists the known settings")
    WEB_TOKEN_TOO_SHORT = _define(
        "E204", "the web token's environment variable is unset or holds fewer than 16 characters",
        "set the variable named by --token-env to a token of at least 16 characters")
    SPACY_MODEL_MISSING = _define(
        "E210", "the spaCy model is not installed", "install it, or set spacy_model; see docs/models.md")

    # E3xx: the corpus store
    STORE_FAILED = _define(
        "E300", "the corpus database cannot be opened, migrated or written", "read the message; it names the corpus")
    NO_CORPUS = _define(
        "E301", "no corpus at this path", "create one with 'newsprism ingest SOURCE --db PATH'")
    NOT_A_CORPUS = _define(
        "E302", "the file cannot be opened as a corpus (not a newsprism database)",
        "check the path; give a corpus made by newsprism")
    CORPUS_TOO_NEW = _define(
        "E303", "the corpus has a schema version newer than this newsprism", "upgrade newsprism")
    CORPUS_NEEDS_MIGRATING = _define(
        "E304", "the corpus needs migrating but was opened read-only", "open it once without --readonly")
    CORPUS_DAMAGED = _define(
        "E305", "the corpus file is damaged", "recover it with sqlite3's .recover (the message gives the command), "
        "or ingest the sources into a new corpus")
    SEARCH_FAILED = _define(
        "E310", "the database refused a search", "report it, with the query")
    POSTGRES_UNREACHABLE = _define(
        "E320", "cannot connect to PostgreSQL", "check the URL and that the server runs")
    BAD_SCHEMA_NAME = _define(
        "E321", "an unusable schema name in PostgreSQL's search_path", "name a schema of letters, digits and _")
    POSTGRES_NO_RUN_ID = _define(
        "E322", "PostgreSQL returned no id for a new ingest run", "report it, with the server's version")
    NO_DECISION_ID = _define(
        "E323", "the corpus returned no id for a new entity decision", "report it, with the database and its version")
    NO_LINK_TABLES = _define(
        "E340", "the store keeps no link tables", "use a SQLite or PostgreSQL corpus")

    # E4xx: stages and plugins
    PLUGIN_FAILED = _define(
        "E400", "a registered stage is unknown or fails to load", "read the message; it names the stage")
    UNKNOWN_STAGE = _define(
        "E401", "no stage is registered under this name", "check the spelling; install the package "
        "(pip install -e . also refreshes entry points)")
    STAGE_LOAD_FAILED = _define(
        "E402", "a stage's entry point failed to import", "fix the import in the package that provides it")
    STAGE_OUT_OF_ORDER = _define(
        "E403", "a stage requires a field that no earlier stage assigns",
        "put it after the stage that assigns the field in the stages setting")
    UNDECLARED_WRITE = _define(
        "E404", "a stage changed a field it does not assign, or dropped issues (with the setting check_assigns)",
        "add the field to the stage's assigns, or leave the field as it was")

    # E5xx: optional dependencies
    MISSING_EXTRA = _define(
        "E500", "an optional dependency is not installed", "pip install the extra the message names")

    # E9xx: processing that failed for one document
    PROCESSING_FAILED = _define(
        "E900", "a stage or the processing of one document failed with an unexpected error",
        "report it, with the document; the rest of the batch went on")
    OVER_TIME_BUDGET = _define(
        "E901", "processing one document took longer than the time_budget setting (tried again by the next run)",
        "raise time_budget if the document is genuine")
    WORKER_DIED = _define(
        "E902", "the worker process processing the document died (a crash in a library, out of memory, or killed)",
        "report it, with the document; the next run tries it again")
    NOT_STORED = _define(
        "E903", "the corpus could not store the article (tried again by the next run)",
        "report it, with the document")

    # W1xx: warnings while reading
    ENCODING_GUESSED = _define(
        "W101", "the text's encoding had to be guessed", "check the text; declare the encoding at the source")
    TEXT_CUT = _define(
        "W102", "the text was cut to the max_text_chars setting", "raise max_text_chars if the document is genuine")
    LANGUAGE_NOT_DECLARED_ONE = _define(
        "W103", "the language the source declared is not the one its text is written in, or not a language "
                "at all (\"UTF-8\"); the text's language is used and the declared value kept in the message",
        "declare the page's language as it is written (<html lang>, Content-Language)")
    NOT_NEWS = _define(
        "W104", "a shop, product or listing page, not news (declared by og:type or a schema.org Product or "
                "Offer, or cart words and prices around a product description): stored, but left out of "
                "stories and claims side by side",
        "none; if the page is news, report the page with this code")
    HTML_CUT = _define(
        "W140", "an HTML page cut to its first 5,000,000 characters before parsing; the end is lost",
        "none needed for news; split the page if its end matters")
    HTML_TAGS_CUT = _define(
        "W141", "an HTML page cut to its first 50,000 start tags before parsing; the end is lost",
        "none needed for news; split the page if its end matters")
    MARKUP_TOO_DEEP = _define(
        "W142", "markup nested more than 255 levels deep; the deeper content is lost", "none; the page is malformed")
    READ_BUDGET_SPENT = _define(
        "W143", "an HTML page took longer than the read_budget setting to read; its slower second candidates were "
        "skipped and the first text kept", "raise read_budget if the page matters")
    CLEAN_BUDGET_SPENT = _define(
        "W144", "glued-word repair took longer than the clean_budget setting on a document; glued words were not "
        "looked for in its remaining lines", "raise clean_budget if the document matters")

    # W3xx: warnings on dates
    PUBLISHED_IN_FUTURE = _define(
        "W301", "the publication date is after the fetch time (or now) by more than a day",
        "check the source's date; the article keeps it")
    PUBLISHED_BEFORE_EVENTS = _define(
        "W302", "the text reports, in the past tense, a dated event more than a day after publication",
        "check the source's date; the article keeps it")
    URL_DATE_DISAGREES = _define(
        "W303", "a date in the URL disagrees with the publication date", "check the source's date")
    PUBLISHED_UNREADABLE = _define(
        "W304", "the publication date cannot be read; relative dates are not resolved",
        "give dates in ISO 8601 at the source")


def catalogue() -> list[CodeInfo]:
    """Every code with its name, meaning and fix, in the order :class:`Code` defines them.

    >>> catalogue()[0].name
    'NEWSPRISM_ERROR'
    """
    names = {value: name for name, value in vars(Code).items() if name.isupper()}
    return [CodeInfo(code=code, name=names[code], meaning=meaning, fix=fix) for code, meaning, fix in _DEFINED]


#: Every code, by its string (``CATALOGUE["E104"].meaning``).
CATALOGUE: dict[str, CodeInfo] = {info.code: info for info in catalogue()}
