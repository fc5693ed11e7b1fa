"""Page data: one ``*_view`` function per page, returning the records its JSON
twin returns (``serve/schemas.py`` publishes their shape), and, where a page
draws more than the records (highlighted pieces, chart geometry, a map), a
``*_page`` function adding what the template draws.

Article text is passed as plain strings (or lists of pieces); templates
escape it. The only URLs taken from articles pass through :func:`safe_url`.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import SCHEMA_VERSION, Article, to_dict
from ..store import search
from ..store.reads import FactParams
from ..store.records import ClaimRecord, PlaceCount, QuoteRecord
from . import charts, highlight
from .corpus import Corpus
from .params import SearchParams
from .security import safe_url


def source_label(source: str | None) -> str:
    """A source as people read it: a site name, or a file's name rather than its whole path.

    >>> source_label("/data/news/text/izmail-flood.txt")
    'izmail-flood.txt'
    """
    if not source:
        return "?"
    if "://" not in source and ("/" in source or "\\" in source):
        return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return source


def home_view(corpus: Corpus) -> dict[str, Any]:
    """Corpus counts and what the UI can show."""
    stats = corpus.store.stats()
    return {"counts": stats["counts"], "features": {"stories": corpus.features.stories,
                                                     "duplicates": corpus.features.duplicates}}


def search_view(corpus: Corpus, params: SearchParams) -> dict[str, Any]:
    """A page of search results with facets and the matches per period of time."""
    page = corpus.reader.search(params.query())
    hits = []
    for hit in page.hits:
        snippet, snippet_matches = _text_and_matches(search.marked_segments(hit.snippet))
        title, title_matches = _text_and_matches(search.marked_segments(hit.title))
        hits.append({"id": hit.id, "url": safe_url(hit.url), "source": hit.source, "published": hit.published,
                     "lang": hit.lang, "snippet": snippet, "snippet_matches": snippet_matches,
                     "title": title, "title_matches": title_matches})
    stories = corpus.reader.story_labels([v for v, _ in page.facets.get("story", [])])
    facets = {key: [{"value": value, "label": _facet_label(key, value, stories), "count": count}
                    for value, count in values] for key, values in page.facets.items()}
    return {"params": to_dict(params), "hits": hits, "total": page.total, "total_exact": page.total_exact,
            "has_next": page.has_next, "facets": facets, "facets_exact": page.facets_exact,
            "histogram": [{"period": p, "count": n} for p, n in charts.periods(page.histogram)],
            "ranked_among": page.ranked_among, "facet_sample": search.FACET_CAP, "count_cap": page.count_cap}


def _quote_linked(quote: QuoteRecord) -> dict[str, Any]:
    """A quote record with the link to it on its article's page."""
    return {**quote, "link": highlight.fact_link(quote["article_id"], "quote", quote["start"], quote["end"])}


def _claim_linked(claim: ClaimRecord) -> dict[str, Any]:
    """A claim record with the link to it on its article's page."""
    return {**claim, "link": highlight.fact_link(claim["article_id"], "claim", claim["start"], claim["end"])}


def _span_link(found: str | None, kind: str, article_id: str | None = None) -> str | None:
    """A fact link from ``"article:start:end"`` (or ``"start:end"`` with ``article_id``)."""
    parts = (found or "").split(":")
    if article_id is not None:
        parts = [article_id, *parts]
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return f"/article/{article_id}" if article_id else None
    return highlight.fact_link(parts[0], kind, int(parts[1]), int(parts[2]))


def _first_mention_link(article_id: str, found: str | None) -> str:
    """The article page at an entity's first mention ``"start:end"``, else the article."""
    return _span_link(found, "mention", article_id) or f"/article/{article_id}"


def _linked_places(places: list[PlaceCount]) -> list[dict[str, Any]]:
    """Place records with a link to one of their mentions in place of the span it is at."""
    return [{**{k: v for k, v in place.items() if k != "first"}, "link": _span_link(place["first"], "place")}
            for place in places]


def _facet_label(key: str, value: str, stories: dict[str, str]) -> str:
    if key == "story":
        return stories.get(value) or value
    return source_label(value) if key == "source" else value


def _text_and_matches(segments: list[tuple[str, bool]]) -> tuple[str, list[tuple[int, int]]]:
    text, matches, position = "", [], 0
    for part, hit in segments:
        if hit:
            matches.append((position, position + len(part)))
        text += part
        position += len(part)
    return text, matches


def _segments(text: str, matches: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    out, position = [], 0
    for start, end in matches:
        out += [(text[position:start], False), (text[start:end], True)]
        position = end
    return [(part, hit) for part, hit in [*out, (text[position:], False)] if part]


def search_page(data: dict[str, Any]) -> dict[str, Any]:
    """What the search page draws besides the records: marked snippets and the histogram's bars."""
    hits = [{**hit, "snippet_text": hit["snippet"], "title_text": hit["title"],
             "snippet": _segments(hit["snippet"], hit["snippet_matches"]),
             "title": _segments(hit["title"], hit["title_matches"])} for hit in data["hits"]]
    series = [(p["period"], p["count"]) for p in data["histogram"]]
    # a chosen filter reads as its facet does: a story's title, a file's name
    chosen = {key: f["label"] for key, values in data["facets"].items() for f in values
              if f["value"] == data["params"].get(key)}
    if data["params"].get("source"):
        chosen.setdefault("source", source_label(data["params"]["source"]))
    return {**data, "hits": hits, "chart": charts.histogram(series), "chosen": chosen}


def _fact_summary(fact: highlight.Fact) -> dict[str, Any]:
    return {**fact.data, "id": fact.id, "fact": fact.kind}


def article_view(corpus: Corpus, article: Article) -> dict[str, Any]:
    """An article in its JSON form, the story it belongs to and its duplicates."""
    return {"schema_version": SCHEMA_VERSION, "article": article,
            "story": corpus.reader.story_of(article.id),
            "duplicates": corpus.reader.duplicates_of(article.id)}


def article_page(corpus: Corpus, article: Article) -> dict[str, Any]:
    """What the article page draws: paragraphs of highlighted pieces, each fact's evidence, the cleaning record."""
    groups = corpus.groups()
    facts = highlight.facts_of(article)
    names = {entity.id: entity for entity in article.entities}
    first: dict[str, str] = {}  # entity id -> its first mention, for the list of entities
    for mention in sorted(article.mentions, key=lambda m: m.start):
        if mention.entity:
            first.setdefault(mention.entity, highlight.fact_anchor("mention", mention.start, mention.end))
    summaries = {}
    for fact in facts:
        summary = _fact_summary(fact)
        summary["context"] = _context(article.text, fact.start, fact.end)
        summary["anchor"] = fact.anchor
        for key in ("entity", "speaker", "claimant"):
            entity = names.get(str(summary.get(key) or ""))
            if entity is not None:
                summary[key + "_name"] = groups.canonical(entity.name)
                summary[key + "_label"] = entity.label
        summaries[fact.id] = summary
    return {
        **article_view(corpus, article),
        "article": _metadata(article),
        "paragraphs": highlight.paragraphs(article.text, facts),
        "facts": summaries,
        "entities": [{"id": e.id, "name": groups.canonical(e.name), "label": e.label, "variants": list(e.variants),
                      "mentions": e.mentions, "anchor": first.get(e.id)} for e in article.entities],
        "place_list": _place_list(article),
        "time_list": [{"text": t.text, "value": t.value, "anchor": highlight.fact_anchor("time", t.start, t.end)}
                      for t in article.times],
        "removals": highlight.removal_pieces(article),
        "repairs": article.repairs,
        "removal_list": article.removals,
        "features": {"stories": corpus.features.stories, "duplicates": corpus.features.duplicates},
    }


def _place_list(article: Article) -> list[dict[str, Any]]:
    """The article's places, each once (in order of first mention) with a link to every mention."""
    found: dict[str, dict[str, Any]] = {}
    for place in sorted(article.places, key=lambda p: p.start):
        name = place.name or place.text
        entry = found.setdefault(name, {"name": name, "country": place.country, "located": place.lat is not None,
                                        "anchors": []})
        entry["anchors"].append(highlight.fact_anchor("place", place.start, place.end))
    return list(found.values())


def _context(text: str, start: int, end: int, *, width: int = 120) -> dict[str, str]:
    return {"before": text[max(0, start - width):start], "match": text[start:end], "after": text[end:end + width]}


def _metadata(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "title": article.title, "url": safe_url(article.url),
        "url_text": article.url, "canonical_url": article.canonical_url, "source": article.site or article.source,
        "published": article.published, "fetched": article.fetched, "lang": article.lang,
        "authors": list(article.authors), "description": article.description, "tags": list(article.tags),
        "issues": [to_dict(i) for i in article.issues], "stages": list(article.stages),
        "media": [{"kind": m.kind, "text": m.text, "url_text": m.url} for m in article.media],
        "related": [{"text": link.text, "url": safe_url(link.url), "url_text": link.url, "lang": link.lang}
                    for link in article.related],
        "paragraphs": len(article.paragraphs), "chars": len(article.text),
        "foreign_paragraphs": sum(1 for p in article.paragraphs if p.foreign),
    }


def entity_view(corpus: Corpus, name: str, label: str | None) -> dict[str, Any]:
    """An entity keyed by canonical name (and label), with manual merges applied."""
    reader = corpus.reader
    groups = corpus.groups()
    members = sorted(groups.members(name))
    rows = reader.entity_rows(members, label=label)
    variants: dict[str, int] = {}
    months: dict[str, int] = {}
    pairs: list[tuple[str, str]] = []
    for article_id, entity_id, row_name, _label, variant_json, mentions, published, _source, _title, _first in rows:
        pairs.append((article_id, entity_id))
        for variant in [row_name, *json.loads(variant_json or "[]")]:
            variants[variant] = variants.get(variant, 0) + 1
        if published:
            months[published[:10]] = months.get(published[:10], 0) + int(mentions or 1)
    article_ids = list(dict.fromkeys(r[0] for r in rows))
    labels = sorted({str(r[3]) for r in rows if r[3]})
    places = _linked_places(reader.places_of(article_ids, limit=20))
    quotes_by, _ = reader.quotes(FactParams(speaker=name, per_page=50))
    return {
        "name": groups.canonical(name), "label": label, "labels": labels, "members": members,
        "articles": [{"id": r[0], "published": r[6], "source": r[7], "title": r[8],
                      "link": _first_mention_link(r[0], r[9])} for r in rows[:100]],
        "article_count": len(article_ids),
        "variants": [{"name": v, "articles": n} for v, n in sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))],
        "evidence": reader.merge_evidence(pairs),
        "decisions": [to_dict(d) for d in groups.decisions_for(set(members))],
        "timeline": [{"period": p, "count": n} for p, n in charts.periods(sorted(months.items()))],
        "quotes_by": [_quote_linked(q) for q in quotes_by],
        "quotes_about": [_quote_linked(q) for q in reader.quotes_about(pairs) if q["speaker"] not in members],
        "co_mentions": [{"name": n, "label": lab, "articles": c}
                        for n, lab, c in reader.co_mentions(article_ids, members)],
        "places": places,
    }


def entity_page(corpus: Corpus, data: dict[str, Any]) -> dict[str, Any]:
    """What the entity page draws besides the records: the mentions chart, the map, the merge form."""
    series = [(p["period"], p["count"]) for p in data["timeline"]]
    merges: dict[tuple[str, str], dict[str, Any]] = {}
    for ev in data["evidence"]:  # one row per variant and rule, not one per article
        row = merges.setdefault((str(ev.get("variant")), str(ev.get("rule"))),
                                {"variant": ev.get("variant"), "rule": ev.get("rule"), "score": ev.get("score"),
                                 "articles": 0, "article_id": ev["article_id"]})
        row["articles"] += 1
    return {**data, "chart": charts.histogram(series), "map": map_data(data["places"]),
            "merges": sorted(merges.values(), key=lambda r: -r["articles"]), "writable": corpus.token is not None}


def story_view(corpus: Corpus, story_id: str) -> dict[str, Any] | None:
    """A story: articles on a timeline, claims side by side by source, quotes, places on a map."""
    reader = corpus.reader
    story = reader.story(story_id)
    if story is None:
        return None
    ids = [a["id"] for a in story["articles"]]
    claims = [_claim_linked(claim) for claim in reader.claims_in(ids)]
    sources = sorted({str(c["source"]) for c in claims} | {str(a["source"]) for a in story["articles"]})
    quantities = reader.claim_quantities(story_id)
    by_what: dict[str, dict[str, list[dict[str, Any]]]] = {}
    index: dict[str, int] = {}
    for claim in claims:  # claims come in article order, so the position is the claim's index in its article
        position = index[claim["article_id"]] = index.get(claim["article_id"], -1) + 1
        linked = quantities.get((claim["article_id"], position))
        claim["verdict"], claim["note"] = (linked[1], linked[2]) if linked else ("", "")
        what = linked[0] if linked else str(claim["counted"] or claim["unit"] or "other")
        by_what.setdefault(what, {}).setdefault(str(claim["source"]), []).append(claim)
    quotes = [_quote_linked(quote) for quote in reader.quotes_in(ids)]
    return {**story, "sources": sources, "claim_groups": claim_groups(by_what), "quotes": quotes,
            "places": _linked_places(reader.places_of(ids))}


def story_page(data: dict[str, Any]) -> dict[str, Any]:
    """What the story page draws besides the records: the timeline and the map."""
    return {**data, "timeline": charts.timeline(data["articles"]), "map": map_data(data["places"]),
            "shared_groups": sum(1 for g in data["claim_groups"] if g["sources"] > 1)}


def claim_groups(by_what: dict[str, dict[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Claims about one quantity, in date order; quantities reported by more sources first.

    A group is flagged only when the link stage found a real disagreement between sources
    (not a later figure, a rounding or claims it could not tell apart).
    """
    groups = []
    for what, by_source in by_what.items():
        claims = sorted((c for cs in by_source.values() for c in cs), key=lambda c: (c["published"] or "", c["source"]))
        values = [c["value"] for c in claims if c["value"] is not None]
        verdict = next((c["verdict"] for c in claims if c.get("verdict")), "")
        groups.append({"what": what, "sources": len(by_source), "claims": claims, "verdict": verdict,
                       "low": min(values, default=None), "high": max(values, default=None),
                       "differs": verdict == "disagreement"})
    return sorted(groups, key=lambda g: (-g["sources"], -len(g["claims"]), g["what"]))


def map_data(places: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything the map template draws."""
    points = charts.map_points(places)
    box = charts.viewbox(points)
    return {"width": charts.MAP_WIDTH, "height": charts.MAP_HEIGHT, "viewbox": box, "graticule": charts.graticule(),
            "points": charts.place_labels(points, viewbox_width=float(box.split()[2]))}


def stories_view(corpus: Corpus) -> dict[str, Any]:
    """The list of stories (empty when the corpus has no story tables)."""
    if not corpus.features.stories:
        return {"stories": [], "available": False}
    return {"stories": corpus.reader.stories(), "available": True}


def quotes_view(corpus: Corpus, params: FactParams) -> dict[str, Any]:
    """The quotes explorer."""
    rows, has_next = corpus.reader.quotes(params)
    return {"params": to_dict(params), "quotes": [_quote_linked(r) for r in rows], "has_next": has_next}


def claims_view(corpus: Corpus, params: FactParams) -> dict[str, Any]:
    """The claims explorer."""
    rows, has_next = corpus.reader.claims(params)
    return {"params": to_dict(params), "claims": [_claim_linked(r) for r in rows], "has_next": has_next}


def facts_page(corpus: Corpus, data: dict[str, Any]) -> dict[str, Any]:
    """What the quotes and claims explorers draw besides the records: the stories to filter by, by title."""
    options = corpus.reader.stories()
    return {**data, "story_options": options}
