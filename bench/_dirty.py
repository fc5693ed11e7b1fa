"""Dirtied text for the cleaning benchmark: real clean article texts with junk and glue put in at known places.

The bodies are real edited text: the Wikinews articles (CC BY 2.5, credit Wikinews) and the gold bodies of
``extraction-dev``. Into each, a seeded generator

- glues words at known places, one glue type at a time: a closing quote before the next sentence
  (``me."Kosgei``), a missing space after a full stop (``year.In``), a word before a lower-case word
  (``Greekisland``, ``Fridayin``) and a word before a capitalised one (``ofKherson``, ``KhersonRussia``);
  a glued token that is itself a word (``in`` + ``to`` = ``into``) is never made, since no reader could tell;
- sets junk lines between the paragraphs, drawn from real pages where possible: photo captions
  (``<figcaption>``) and image alt text (``<img alt>`` inside ``<figure>``) of the extraction-dev pages,
  cookie/consent notices (elements whose class or id says cookie, consent or GDPR) and subscribe boxes
  (newsletter, subscribe, paywall) of the same pages, non-English consent notices from the scraped texts
  of the SemEval-2022 Task 8 pairs (sentences with the word cookie in that language), and a few consent
  notices in other languages written as consent tools word them (marked ``written``).

Each :class:`DirtyDoc` knows the span of every junk line and every glued token in its text.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

_WS = re.compile(r"\s+")

GLUE_TYPES = ("close_quote", "full_stop", "lower_word", "capital_word")
JUNK_KINDS = ("caption", "alt_text", "cookie", "subscribe")

#: Consent notices in languages the real pages lack, worded as consent tools word them (not from pages).
WRITTEN_NOTICES = (
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad "
    "relacionada con sus preferencias mediante el análisis de sus hábitos de navegación.",
    "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site. Si vous continuez "
    "à utiliser ce dernier, nous considérerons que vous acceptez l'utilisation des cookies.",
    "Questo sito utilizza cookie tecnici e di profilazione, anche di terze parti. Proseguendo nella "
    "navigazione accetti l'utilizzo dei cookie.",
    "Este site utiliza cookies para melhorar a sua experiência de navegação. Ao continuar a navegar, "
    "concorda com a nossa Política de Privacidade.",
    "Wij gebruiken cookies om onze website en uw gebruikservaring te verbeteren. Door verder te gaan, gaat u "
    "akkoord met ons cookiebeleid.",
    "Strona korzysta z plików cookies w celu realizacji usług. Możesz określić warunki przechowywania lub "
    "dostępu do plików cookies w Twojej przeglądarce.",
    "Мы используем файлы cookie, чтобы сделать сайт удобнее. Продолжая пользоваться сайтом, вы соглашаетесь "
    "на использование cookie.",
)

_COOKIE_COGNATE = re.compile(r"cookie|çerez|ciastecz|evästei|kakor|sütik|クッキー|쿠키|куки", re.IGNORECASE)
_CONSENT_CLASS = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
_SUBSCRIBE_CLASS = re.compile(r"newsletter|subscri|paywall|signup|regwall", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]+")


@dataclass
class DirtyDoc:
    """One dirtied text, with where its junk lines and glued tokens are."""

    name: str
    text: str
    junk: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, kind, source
    glue: list[tuple[int, int, str, int]] = field(default_factory=list)  # token start, end, type, split index
    body: list[tuple[int, int]] = field(default_factory=list)  # spans of the original body text


def _one_line(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _title_case(text: str) -> bool:
    """A headline set in Title Case (a teaser's image names its story, it does not describe the picture)."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def junk_pools(shared: Path) -> dict[str, list[tuple[str, str]]]:
    """Junk lines per kind, each with where it came from."""
    import lxml.html

    pools: dict[str, dict[str, str]] = {kind: {} for kind in JUNK_KINDS}
    for path in sorted((shared / "data" / "extraction-dev" / "html").glob("*.html.gz")):
        tree = lxml.html.fromstring(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag == "figcaption":
                text = _one_line(element.text_content())
                if 4 <= len(text.split()) <= 40:
                    pools["caption"].setdefault(text, "extraction-dev figcaption")
            elif element.tag == "img" and any(a.tag == "figure" for a in element.iterancestors()):
                alt = _one_line(element.get("alt") or "")
                if 3 <= len(alt.split()) <= 20 and not _title_case(alt):
                    pools["alt_text"].setdefault(alt, "extraction-dev img alt")
            else:
                marks = f"{element.get('class') or ''} {element.get('id') or ''}"
                text = _one_line(element.text_content())
                if "{" in text:  # a script's source, not a notice
                    continue
                if _CONSENT_CLASS.search(marks) and 8 <= len(text.split()) <= 80:
                    pools["cookie"].setdefault(text, "extraction-dev consent element")
                elif _SUBSCRIBE_CLASS.search(marks) and 3 <= len(text.split()) <= 60:
                    pools["subscribe"].setdefault(text, "extraction-dev subscribe element")
    captions = set(pools["caption"])
    pools["alt_text"] = {t: s for t, s in pools["alt_text"].items() if t not in captions}
    semeval = shared / "data" / "semeval2022-task8-train" / "training_set.csv"
    if semeval.exists():
        csv.field_size_limit(10**8)
        with semeval.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for key, lang in (("text1", "lang1"), ("text2", "lang2")):
                    if row[lang] == "en" or "_" in row["pair_id"]:
                        continue
                    for m in _SENTENCE.finditer(row[key]):
                        sentence = _one_line(m.group())
                        if _COOKIE_COGNATE.search(sentence) and 6 <= len(sentence.split()) <= 60:
                            pools["cookie"].setdefault(sentence, f"SemEval-2022 scraped text ({row[lang]})")
    for notice in WRITTEN_NOTICES:
        pools["cookie"].setdefault(notice, "written")
    return {kind: sorted(pool.items()) for kind, pool in pools.items()}


def base_texts(shared: Path) -> list[tuple[str, str]]:
    """Real clean article texts: the Wikinews articles and the extraction-dev gold bodies."""
    texts = []
    wikinews = shared / "data" / "wikinews" / "articles.jsonl"
    if wikinews.exists():
        for i, line in enumerate(wikinews.read_text("utf-8").splitlines()):
            text = json.loads(line)["text"]
            if len(text.split()) >= 80:
                texts.append((f"wikinews-{i}", text))
    gold = shared / "data" / "extraction-dev" / "ground-truth.json"
    if gold.exists():
        for key, value in sorted(json.loads(gold.read_text("utf-8")).items()):
            if len(value.get("articleBody", "").split()) >= 80:
                texts.append((f"extraction-dev-{key}", value["articleBody"]))
    return texts


# Where each glue type can be made: the space between group 1 and group 2 is taken out.
_GLUE_SITES = {
    "close_quote": re.compile(r"(?:(?<=\w[.!?,])|(?<=[a-z]{2}))([\"”])( )(?=[A-Z][a-z])"),
    "full_stop": re.compile(r"(?<=\b[A-Za-z][a-z])([a-z]*[.!?])( )(?=[A-Z][a-z]+\b)"),
    "lower_word": re.compile(r"(?<=\b[A-Za-z])([a-z]{2,})( )(?=[a-z]{2,}\b)"),
    "capital_word": re.compile(r"(?<=\b[A-Za-z])([a-z]{2,})( )(?=[A-Z][a-z]{2,}\b)"),
}


def _is_word(token: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(token.lower(), "en") > 0


def _glue_paragraph(paragraph: str, rng: random.Random, rate: float) -> tuple[str, list[tuple[int, int, str, int]]]:
    """Take out a few spaces of ``paragraph``; return it with each glued token's span, type and split."""
    cuts: dict[int, str] = {}
    for glue_type in GLUE_TYPES:
        if rng.random() >= rate:
            continue
        sites = [m.start(2) for m in _GLUE_SITES[glue_type].finditer(paragraph)]
        rng.shuffle(sites)
        for at in sites[:3]:
            left = paragraph.rfind(" ", 0, at) + 1
            right_end = paragraph.find(" ", at + 1)
            right_end = len(paragraph) if right_end < 0 else right_end
            token = paragraph[left:at] + paragraph[at + 1:right_end]
            near = any(abs(at - other) < 12 for other in cuts)
            if near or "http" in token or "/" in token or _is_word(re.sub(r"\W", "", token)):
                continue
            cuts[at] = glue_type
            break
    out, glue, shift = paragraph, [], 0
    for at in sorted(cuts):
        pos = at - shift
        out = out[:pos] + out[pos + 1:]
        shift += 1
        left = out.rfind(" ", 0, pos) + 1
        right = out.find(" ", pos)
        glue.append((left, len(out) if right < 0 else right, cuts[at], pos))
    # spans were taken after each cut; later cuts are to the right, so earlier spans stay valid
    return out, glue


def dirty(name: str, text: str, pools: dict[str, list[tuple[str, str]]], *, seed: int,
          glue_rate: float = 0.25, junk_per_doc: int = 3) -> DirtyDoc:
    """One dirtied document: the body's paragraphs with glue, and junk lines between them."""
    rng = random.Random(f"{seed}:{name}")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    inserts: dict[int, list[tuple[str, str, str]]] = {}
    for _ in range(junk_per_doc):
        kind = rng.choice(JUNK_KINDS)
        line, source = rng.choice(pools[kind])
        if kind in ("caption", "alt_text"):  # inside the story, between two paragraphs
            at = rng.randint(1, max(1, len(paragraphs) - 1))
        else:  # a banner or box: at the top, the bottom or between paragraphs
            at = rng.choice([0, len(paragraphs), rng.randint(1, max(1, len(paragraphs) - 1))])
        inserts.setdefault(at, []).append((line, kind, source))
    doc = DirtyDoc(name=name, text="")
    pieces: list[str] = []
    position = 0

    def add(piece: str) -> int:
        nonlocal position
        if pieces:
            pieces.append("\n\n")
            position += 2
        start = position
        pieces.append(piece)
        position += len(piece)
        return start

    for i in range(len(paragraphs) + 1):
        for line, kind, source in inserts.get(i, []):
            start = add(line)
            doc.junk.append((start, start + len(line), kind, source))
        if i < len(paragraphs):
            glued, glue = _glue_paragraph(paragraphs[i], rng, glue_rate)
            start = add(glued)
            doc.body.append((start, start + len(glued)))
            doc.glue.extend((start + a, start + b, kind, start + split) for a, b, kind, split in glue)
    doc.text = "".join(pieces)
    return doc
