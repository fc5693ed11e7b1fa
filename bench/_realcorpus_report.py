"""What bench/realcorpus.py reads back from the ingested and linked corpus, and how it prints it.

Everything is read from the store: the articles (slimmed to what the checks
need), the failures, and the link tables (``newsprism.store.links``). The
three chaining checks are the ones of ``newsprism.link.audit``; the claim
groups drawn for a reader come with the sentence each figure was read from.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsprism.link.audit import (
    Conflict,
    claim_groups_mixing_units,
    persons_with_two_given_names,
    places_in_two_countries,
)
from newsprism.link.claims import ClaimRow
from newsprism.link.entities import CorpusEntity
from newsprism.model import Article
from newsprism.store.links import LINK_ROWS

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _realcorpus_inputs import InputSet, set_of  # noqa: E402 - the bench folder is not a package

TOP = 15
VARIANTS_SHOWN = 8
SENTENCE_CHARS = 600
_BOUNDS = {"exact": "", "about": "about ", "at_least": "at least ", "more_than": "more than ",
           "less_than": "less than ", "at_most": "at most ", "range": ""}
#: A sentence ends at ., ! or ? before white space (not after a lone capital or a common
#: abbreviation: "U.S. troops", "Mr. Roe"), at a CJK or Arabic full stop, or at a line end.
_ABBREVIATIONS = frozenset("mr mrs ms dr st gen col sen rep gov lt sgt jr sr inc corp co no vs prof rev".split())
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|[。！？؟]|\n")


# -- sentences and figures (pure) -------------------------------------------------


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if text[match.start()] != ".":
        return True
    word = re.search(r"(\w+)$", text[:match.start()])
    token = word.group(1) if word else ""
    return not ((len(token) == 1 and token.isupper()) or token.casefold() in _ABBREVIATIONS)


def sentence_around(text: str, start: int, end: int, *, limit: int = SENTENCE_CHARS) -> str:
    """The sentence (or sentences) holding ``text[start:end]``, on one line, cut to about ``limit`` characters.

    >>> sentence_around("Rain fell. Mr. Roe said 12 U.S. homes burned. Then it stopped.", 24, 26)
    'Mr. Roe said 12 U.S. homes burned.'
    """
    left = 0
    for match in _END.finditer(text, 0, start):
        if _ends_sentence(text, match):
            left = match.end()
    right = len(text)
    for match in _END.finditer(text, end):
        if _ends_sentence(text, match):
            right = match.end()
            break
    sentence = " ".join(text[left:right].split())
    if len(sentence) > limit:  # a run-on "sentence" (a list, a table): keep the figure in the middle
        at = start - left
        first = max(0, at - limit // 2)
        sentence = "…" + " ".join(text[left + first:left + first + limit].split()) + "…"
    return sentence


def figure(value: float, *, bound: str, unit: str | None, value_max: float | None = None) -> str:
    """A claim's value as a reader writes it.

    >>> figure(1500.0, bound="more_than", unit="USD"), figure(3.0, bound="range", unit="%", value_max=4.5)
    ('more than 1,500 USD', '3–4.5 %')
    """
    def number(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}"

    shown = number(value) + (f"–{number(value_max)}" if bound == "range" and value_max is not None else "")
    return f"{_BOUNDS.get(bound, bound + ' ')}{shown}" + (f" {unit}" if unit else "")


# -- reading the store ---------------------------------------------------------------


def slim(article: Article) -> Article:
    """What the report needs of an article: metadata, places and issues (the text is read again when shown)."""
    return article.replace(text="", raw_text="", removals=(), repairs=(), segments=(), paragraphs=(), mentions=(),
                           entities=(), quotes=(), times=(), media=(), related=(), claims=())


def labelled_languages(inputs: Sequence[InputSet]) -> dict[str, list[str | None]]:
    """Per JSON Lines set, the language each record is labelled with (by line), when the set labels them."""
    found: dict[str, list[str | None]] = {}
    for item in inputs:
        path = item.folder / f"{item.name}.jsonl"
        if item.records and path.exists():
            langs = [json.loads(line).get("lang") for line in path.read_text("utf-8").splitlines() if line.strip()]
            if any(langs):
                found[item.name] = langs
    return found


def _line_of(source: str) -> int | None:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _read_per_set(store: Any, names: list[str], failures: list[dict[str, Any]]) -> Counter[str]:
    """Documents read per input set: the store's ``seen`` rows, plus the failures it does not mark as seen
    (a damaged record in an archive, a time-out the next run retries)."""
    seen = store.reader().seen_sources()
    known = set(seen)
    return Counter(set_of(source, names) for source in seen + [f["source"] for f in failures
                                                                  if f["source"] not in known])


def documents(store: Any, articles: Mapping[str, Article], inputs: Sequence[InputSet]) -> dict[str, Any]:
    """Documents per input set and language, failures by code, language as labelled against as detected."""
    names = [i.name for i in inputs]
    per_set: dict[str, Counter[str]] = {name: Counter() for name in names}
    langs: dict[str, Counter[str]] = {name: Counter() for name in names}
    labelled = labelled_languages(inputs)
    as_labelled: dict[str, Counter[str]] = {}
    issues: Counter[str] = Counter()
    for article in articles.values():
        name = set_of(article.source, names)
        per_set.setdefault(name, Counter())["articles"] += 1
        langs.setdefault(name, Counter())[article.lang or "?"] += 1
        issues.update({issue.code for issue in article.issues})
        line = _line_of(article.source)
        if name in labelled and line is not None and line <= len(labelled[name]):
            given = labelled[name][line - 1] or "?"
            as_labelled.setdefault(given, Counter())["same" if given == article.lang else (article.lang or "?")] += 1
    # Every run records the failures it met; a damaged archive record met again by a second run over the
    # same work folder is one failure, not two.
    failures = list({(f["source"], f["url"], f["code"]): f for f in store.failures(limit=10_000_000)}.values())
    by_code: dict[str, Counter[str]] = {}
    examples: dict[str, list[str]] = {}
    for failure in failures:
        name = set_of(failure["source"], names)
        per_set.setdefault(name, Counter())["failed"] += 1
        by_code.setdefault(name, Counter())[failure["code"]] += 1
        examples.setdefault(failure["code"], [])
        if len(examples[failure["code"]]) < 3:
            examples[failure["code"]].append(f"{failure['url'] or failure['source']}: {failure['message']}")
    for name, n in _read_per_set(store, names, failures).items():
        per_set.setdefault(name, Counter())["read"] = n
    return {"per_set": {k: dict(v) for k, v in per_set.items()},
            "languages": {k: dict(v.most_common()) for k, v in langs.items()},
            "total_languages": dict(sum(langs.values(), Counter()).most_common()),
            "failures_by_code": {k: dict(v.most_common()) for k, v in by_code.items()},
            "failure_examples": examples, "issues_on_articles": dict(issues.most_common()),
            "labelled_vs_detected": {k: dict(v.most_common()) for k, v in sorted(as_labelled.items())}}


def read_table(store: Any, table: str) -> list[dict[str, Any]]:
    """The rows of one link table as dicts (JSON columns as Python values)."""
    kind = next(k for k in LINK_ROWS if k.TABLE == table)
    return [asdict(row) for row in store.link_rows(kind)]


def corpus_entities(db: Any) -> list[CorpusEntity]:
    """The stored corpus entities with their members."""
    members: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_table(db, "corpus_entity_members"):
        members.setdefault(row["corpus_id"], []).append((row["article_id"], row["entity_id"], row["name"]))
    return [CorpusEntity(corpus_id=row["corpus_id"], name=row["name"], label=row["label"],
                         variants=list(row["variants"]), evidence=list(row["evidence"]),
                         articles=int(row["articles"]), members=members.get(row["corpus_id"], []))
            for row in read_table(db, "corpus_entities")]


def claim_rows(db: Any) -> list[ClaimRow]:
    """The stored claim groups' rows, in their stored order."""
    return [ClaimRow(**{**row, "unit": row["unit"] or "", "note": row["note"] or "",
                        "verdict": row["verdict"] or "agree"})
            for row in read_table(db, "claim_groups")]


def _conflicts(found: Iterable[Conflict]) -> list[dict[str, Any]]:
    return [asdict(c) for c in found]


def _grouped(rows: Iterable[Mapping[str, Any]], key: str, value: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row[key], []).append(row[value])
    return found


class _Tally:
    """Languages and input sets of groups of article ids."""

    def __init__(self, articles: Mapping[str, Article], names: list[str]) -> None:
        self.articles, self.names = articles, names

    def langs(self, ids: Iterable[str]) -> Counter[str]:
        return Counter(self.articles[i].lang or "?" for i in ids if i in self.articles)

    def sets(self, ids: Iterable[str]) -> Counter[str]:
        return Counter(set_of(self.articles[i].source, self.names) for i in ids if i in self.articles)


def _duplicates(db: Any, tally: _Tally) -> dict[str, Any]:
    groups = _grouped(read_table(db, "duplicate_groups"), "group_id", "article_id")
    return {"duplicate_groups": len(groups), "duplicate_articles": sum(len(g) - 1 for g in groups.values()),
            "duplicate_groups_across_sets": sum(len(tally.sets(g)) > 1 for g in groups.values()),
            "duplicate_groups_detail": [{"group": k, "sets": dict(tally.sets(g)),
                                         "titles": [tally.articles[i].title for i in g if i in tally.articles]}
                                        for k, g in sorted(groups.items())]}


def _stories(db: Any, tally: _Tally) -> list[dict[str, Any]]:
    members = _grouped(read_table(db, "story_articles"), "story_id", "article_id")
    return [{"story_id": s["story_id"], "label": s["label"], "size": s["size"], "start": s["start"],
             "end": s["end"], "sources": s["sources"],
             "languages": dict(tally.langs(members.get(s["story_id"], [])).most_common()),
             "sets": dict(tally.sets(members.get(s["story_id"], [])).most_common())}
            for s in read_table(db, "stories")]


def link_summary(db: Any, articles: Mapping[str, Article], names: list[str]
                 ) -> tuple[dict[str, Any], dict[tuple[str, str], list[ClaimRow]], dict[str, str]]:
    """Duplicate groups, stories, corpus entities and claim groups, with the three chaining checks;
    also the claim groups by (story, quantity) and the story labels, for the sample."""
    tally = _Tally(articles, names)
    stories = _stories(db, tally)
    entities = corpus_entities(db)
    rows = claim_rows(db)
    claim_groups: dict[tuple[str, str], list[ClaimRow]] = {}
    for claim in rows:
        claim_groups.setdefault((claim.story_id, claim.quantity), []).append(claim)
    summary = {
        **_duplicates(db, tally),
        "stories": len(stories), "stories_articles": sum(r["size"] for r in stories),
        "stories_two_sources": sum(len(r["sources"]) >= 2 for r in stories),
        "stories_mixed_languages": sum(len(set(r["languages"]) - {"?"}) >= 2 for r in stories),
        "stories_across_sets": sum(len(r["sets"]) >= 2 for r in stories),
        "corpus_entities": len(entities),
        "entities_by_label": dict(Counter(e.label for e in entities).most_common()),
        "entities_in_two_articles": sum(e.articles >= 2 for e in entities),
        "claim_rows": len(rows), "claim_groups": len(claim_groups),
        "claim_verdicts": dict(Counter(g[0].verdict for g in claim_groups.values()).most_common()),
        "audit": {"persons_with_two_given_names": _conflicts(persons_with_two_given_names(entities)),
                  "places_in_two_countries": _conflicts(places_in_two_countries(entities, articles)),
                  "claim_groups_mixing_units": _conflicts(claim_groups_mixing_units(rows))},
        "top_entities": [{"name": e.name, "label": e.label, "articles": e.articles, "variants": e.variants}
                         for e in sorted(entities, key=lambda e: (-e.articles, e.name))[:TOP]],
        "top_stories": sorted(stories, key=lambda r: (-r["size"], r["label"]))[:TOP],
    }
    return summary, claim_groups, {r["story_id"]: r["label"] for r in stories}


def sample_claim_groups(store: Any, claim_groups: Mapping[tuple[str, str], list[ClaimRow]],
                        labels: Mapping[str, str], names: list[str], *, n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` claim groups drawn at random, each figure with its source, date and sentence."""
    keys = sorted(claim_groups)
    chosen = random.Random(seed).sample(keys, min(n, len(keys)))
    drawn = []
    for story_id, quantity in chosen:
        figures = []
        for row in claim_groups[(story_id, quantity)]:
            article = store.get(row.article_id)
            claim = article.claims[row.claim_index] if article and row.claim_index < len(article.claims) else None
            figures.append({
                "article_id": row.article_id, "set": set_of(article.source, names) if article else "?",
                "source": row.site or (article.site if article else None) or "(no outlet)",
                "title": article.title if article else None, "published": article.published if article else None,
                "as_of": row.as_of, "figure": figure(row.value, bound=row.bound, unit=row.unit or None,
                                                     value_max=claim.value_max if claim else None),
                "counted": row.counted, "claimant": row.claimant_name, "note": row.note,
                "claim_text": claim.text if claim else None,
                "sentence": sentence_around(article.text, claim.start, claim.end) if article and claim
                else "(claim not found in the stored article)"})
        drawn.append({"story": labels.get(story_id, story_id), "story_id": story_id, "quantity": quantity,
                      "verdict": claim_groups[(story_id, quantity)][0].verdict, "figures": figures})
    return drawn


# -- markdown ------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    print("| " + " | ".join(header) + " |\n|" + " --- |" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell).replace("|", "\\|").replace("\n", " ") for cell in row) + " |")


def _counts(counter: Mapping[str, int], *, most: int = 8) -> str:
    items = list(counter.items())
    shown = ", ".join(f"{k} {v}" for k, v in items[:most])
    return shown + (f", +{len(items) - most} more" if len(items) > most else "")


def _set_row(item: dict[str, Any], docs: dict[str, Any]) -> list[Any]:
    counts = docs["per_set"].get(item["name"], {})
    read, articles, failed = counts.get("read"), counts.get("articles", 0), counts.get("failed", 0)
    merged = read - articles - failed if read is not None else "?"
    return [item["name"], item["given"], read if read is not None else "?", articles, failed, merged,
            _counts(docs["languages"].get(item["name"], {}))]


def print_documents(summary: dict[str, Any]) -> None:
    """Documents per input set and language, failures, issues."""
    docs = summary["documents"]
    print("\n## Documents\n")
    _table(["input set", "given", "read", "articles", "failed", "kept as duplicate of another", "languages"],
           (_set_row(s, docs) for s in summary["sets"]))
    print("\nGiven: files, or JSON Lines records. Read: documents the readers produced (a WARC holds many). "
          "Kept as duplicate: read, not failed, but stored as an article already in the corpus (same URL or text).\n")
    print("Articles per detected language (articles.lang): " + _counts(docs["total_languages"], most=40) + "\n")
    if docs["labelled_vs_detected"]:
        print("Labelled language (SemEval) against detected:\n")
        _table(["labelled", "texts", "detected the same", "detected otherwise"],
               ([lang, sum(c.values()), c.get("same", 0), _counts({k: v for k, v in c.items() if k != "same"})]
                for lang, c in docs["labelled_vs_detected"].items()))
    print("\nFailures by code:\n")
    _table(["input set", "failures"], ((k, _counts(v)) for k, v in docs["failures_by_code"].items()))
    for code, examples in sorted(docs["failure_examples"].items()):
        for example in examples:
            print(f"- {code}: {example}")
    print("\nIssues recorded on stored articles (articles with each code): " + _counts(docs["issues_on_articles"], most=30))


def print_links(summary: dict[str, Any]) -> None:
    """Link summary, audits, samples and the largest groups."""
    link = summary["links"]
    print("\n## Link summary\n")
    print(f"- duplicate groups: {link['duplicate_groups']} ({link['duplicate_articles']} copies; "
          f"{link['duplicate_groups_across_sets']} groups span two input sets)")
    print(f"- stories: {link['stories']} ({link['stories_articles']} articles); with 2+ sources (outlets): "
          f"{link['stories_two_sources']}; mixing languages: {link['stories_mixed_languages']}; "
          f"spanning 2+ input sets: {link['stories_across_sets']}")
    print(f"- corpus entities: {link['corpus_entities']} ({link['entities_in_two_articles']} in 2+ articles; "
          f"{_counts(link['entities_by_label'])})")
    print(f"- claim rows: {link['claim_rows']} in {link['claim_groups']} claim groups; verdicts: "
          f"{_counts(link['claim_verdicts'])}")
    print("\nDuplicate groups:\n")
    for group in link["duplicate_groups_detail"]:
        titles = Counter(group["titles"])
        print(f"- {len(group['titles'])} articles ({_counts(group['sets'])}): "
              + "; ".join(f"{t!r}" + (f" x{k}" if k > 1 else "") for t, k in titles.most_common(3))
              + (f"; +{len(titles) - 3} other titles" if len(titles) > 3 else ""))
    print("\n## Chaining checks (newsprism.link.audit)\n")
    for check, found in link["audit"].items():
        print(f"### {check}: {len(found)}\n")
        for conflict in found:
            print(f"- {conflict['name']} [{conflict['group']}]: {', '.join(conflict['values'])}")
        print()
    _print_samples(summary["sample"])
    print(f"\n## The {TOP} largest corpus entities\n")
    _table(["name", "label", "articles", "variants"],
           ([e["name"], e["label"], e["articles"], ", ".join(e["variants"][:VARIANTS_SHOWN])
             + (f" (+{len(e['variants']) - VARIANTS_SHOWN})" if len(e["variants"]) > VARIANTS_SHOWN else "")]
            for e in link["top_entities"]))
    print(f"\n## The {TOP} largest stories\n")
    _table(["label", "size", "days", "sources", "languages", "input sets"],
           ([s["label"], s["size"], f"{s['start'] or '?'} .. {s['end'] or '?'}",
             f"{len(s['sources'])}: " + ", ".join(s["sources"][:5]), _counts(s["languages"]), _counts(s["sets"])]
            for s in link["top_stories"]))


def _print_samples(sample: list[dict[str, Any]]) -> None:
    print(f"## {len(sample)} claim groups drawn at random, for a reader to check\n")
    for n, group in enumerate(sample, 1):
        print(f"### {n}. {group['quantity']} — verdict: {group['verdict']}\n\nStory: {group['story']} "
              f"(`{group['story_id']}`)\n")
        for f in group["figures"]:
            claimant = f", says {f['claimant']}" if f["claimant"] else ""
            title = f" “{f['title'][:90]}”" if f["title"] else ""
            print(f"- **{f['figure']}** ({f['counted'] or '?'}{claimant}) — {f['source']} [{f['set']}]{title}, "
                  f"published {f['published'] or '?'}, as of {f['as_of'] or '?'}; note: {f['note'] or '-'}\n"
                  f"  > {f['sentence']}")
        print()
