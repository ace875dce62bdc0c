"""StorylineLinker on hand-built events: links by shared core names and topic, and no
chaining of two storylines through one event that names both."""
from collections import Counter

import numpy as np

from storyweave.cluster import ArticleSignals, EventState
from storyweave.storylines import StorylineLinker

DIM = 16


def _event(seq: int, topic: np.ndarray, names: list[str] | Counter, rng: np.random.Generator
           ) -> EventState:
    v = topic + 0.05 * rng.standard_normal(DIM)
    a = ArticleSignals(f"a{seq}", seq, "en", (v / np.linalg.norm(v)).astype(np.float32),
                       names if isinstance(names, Counter) else Counter({n: 1 for n in names}))
    ev = EventState(anchor=a)
    ev.add(a)
    return ev


def _crisis(start: int, topic: np.ndarray, core: list[str], n: int, rng) -> list[EventState]:
    return [_event(start + k, topic, core + [f"x{start + k}"], rng) for k in range(n)]


def test_events_sharing_actors_and_topic_form_one_storyline():
    rng = np.random.default_rng(0)
    topic = rng.standard_normal(DIM)
    events = _crisis(0, topic, ["lavrov", "pompeo"], 4, rng)
    assert StorylineLinker().groups(events, {}) == [[0, 1, 2, 3]]


def test_one_bridging_event_does_not_chain_two_storylines():
    rng = np.random.default_rng(1)
    topic = rng.standard_normal(DIM)  # both crises read alike to the embedder
    libya = _crisis(0, topic, ["libya", "gaddafi", "tripoli"], 6, rng)
    syria = _crisis(6, topic, ["syria", "assad", "damascus"], 6, rng)
    # A summit naming both crises' actors links to every event of each.
    summit = _event(12, topic, ["libya", "gaddafi", "tripoli", "syria", "assad", "damascus"], rng)
    groups = StorylineLinker().groups(libya + syria + [summit], {})
    as_sets = [set(g) - {12} for g in groups]
    assert set(range(6)) in as_sets and set(range(6, 12)) in as_sets


def test_names_a_long_report_mentions_once_do_not_link_it():
    """Raw dumps name other stories' actors once each in a sidebar or footer: a report's
    core weighs what it dwells on, so two crises' reports sharing only the sidebar stay
    apart (by count alone, 2 of 5 names in common would link them)."""
    rng = np.random.default_rng(4)
    topic = rng.standard_normal(DIM)
    sidebar = {"obama": 1, "merkel": 1}
    libya = _event(0, topic, Counter({"libya": 4, "gaddafi": 3, "tripoli": 1, **sidebar}), rng)
    yemen = _event(1, topic, Counter({"yemen": 5, "saleh": 2, "sanaa": 1, **sidebar}), rng)
    assert StorylineLinker().groups([libya, yemen], {}) == []
    again = _event(2, topic, Counter({"libya": 2, "gaddafi": 2, "benghazi": 1}), rng)
    assert StorylineLinker().groups([libya, yemen, again], {}) == [[0, 2]]
    # a headline names each of its names once, and all of them fully
    headlines = [_event(k, topic, ["titanfall", "xbox"], rng) for k in range(3)]
    assert StorylineLinker().groups(headlines, {}) == [[0, 1, 2]]


def test_unrelated_events_have_no_storyline():
    rng = np.random.default_rng(2)
    events = [_event(k, rng.standard_normal(DIM), [f"p{k}", f"q{k}"], rng) for k in range(5)]
    assert StorylineLinker().groups(events, {}) == []


def test_groups_are_the_same_on_every_run():
    rng = np.random.default_rng(3)
    topic = rng.standard_normal(DIM)
    events = (_crisis(0, topic, ["a", "b"], 5, rng) + _crisis(5, topic, ["c", "d"], 5, rng)
              + [_event(10, topic, ["a", "b", "c", "d"], rng)])
    first = StorylineLinker().groups(events, {})
    assert all(StorylineLinker().groups(events, {}) == first for _ in range(3))


def test_language_pair_shift_lets_reports_in_two_languages_link():
    rng = np.random.default_rng(4)
    topic = rng.standard_normal(DIM)
    french = topic + 0.5 * np.linalg.norm(topic) * rng.standard_normal(DIM) / np.sqrt(DIM)
    en = _crisis(0, topic, ["assad", "damascus"], 2, rng)
    fr = _crisis(2, french, ["assad", "damascus"], 2, rng)  # same story, read less alike
    for ev in fr:
        ev.langs = type(ev.langs)({"fr": 1})
    cross = max(float(a.mean @ b.mean) for a in en for b in fr)
    assert cross < min(float(en[0].mean @ en[1].mean), float(fr[0].mean @ fr[1].mean)) - 0.03
    plain = StorylineLinker(min_cos=cross + 0.01).groups(en + fr, {})
    assert plain == [[0, 1], [2, 3]]
    shift = {("en", "fr"): 0.05, ("fr", "en"): 0.05}
    assert StorylineLinker(min_cos=cross + 0.01, lang_shift=shift).groups(en + fr, {}) == [[0, 1, 2, 3]]


def test_a_storyline_says_why_its_events_belong_together():
    rng = np.random.default_rng(5)
    topic = rng.standard_normal(DIM)
    events = _crisis(0, topic, ["lavrov", "pompeo", "sochi"], 4, rng)
    ids = [f"ev-{k}" for k in range(4)]
    (sl,) = StorylineLinker().build(events, ids, {}, {"lavrov": "Lavrov", "pompeo": "Pompeo"})
    assert len(sl.links) == 3  # the strongest links that join all four events
    joined = {e for link in sl.links for e in link["events"]}
    assert joined == set(ids)
    for link in sl.links:
        assert {"Lavrov", "Pompeo"} <= set(link["names"])
        assert link["cos"] >= 0.82 and link["name_overlap"] >= 0.3


def test_headline_events_with_one_core_name_link_when_they_share_it():
    rng = np.random.default_rng(6)
    topic = rng.standard_normal(DIM)
    # headlines name one thing ("Titanfall review...", "Titanfall servers..."): sharing all of
    # it is enough; a richer event still needs two names in common with another
    game = [_event(k, topic, ["titanfall"], rng) for k in range(3)]
    assert StorylineLinker().groups(game, {}) == [[0, 1, 2]]
    rich = _crisis(3, topic, ["titanfall", "respawn", "microsoft"], 1, rng)
    other = _crisis(4, topic, ["titanfall", "xbox", "ea"], 1, rng)
    assert StorylineLinker().groups(rich + other, {}) == []


def test_a_storyline_needs_headlines_that_carry_its_thread():
    """Events tied only by names their bodies mention (a share bar's "Google", a country
    every page names) make no storyline; where most events' titles share a name with
    another's, the body-only ones stay with them."""
    rng = np.random.default_rng(7)
    topic = rng.standard_normal(DIM)
    pages = _crisis(0, topic, ["google", "germany"], 3, rng)
    crisis = _crisis(3, topic, ["assad", "damascus", "homs"], 5, rng)
    titles = {"a0": set(), "a1": {"google"}, "a2": set(),
              "a3": {"assad"}, "a4": {"assad", "homs"}, "a5": {"damascus"}, "a6": {"damascus"},
              "a7": set()}
    linker = StorylineLinker()
    assert linker.groups(pages + crisis, {}) == [[0, 1, 2], [3, 4, 5, 6, 7]]
    assert linker.groups(pages + crisis, {}, headline_names=titles.__getitem__) == \
        [[3, 4, 5, 6, 7]]
    # the storyline's links say which names both titles carry
    (sl,) = linker.build(pages + crisis, [f"ev-{k}" for k in range(8)], {}, {"assad": "Assad"},
                         headline_names=titles.__getitem__)
    assert any("Assad" in link["headline_names"] for link in sl.links)
    # two of three titled events keep the third; two of five keep only themselves
    titles.update({"a0": {"google"}, "a5": set(), "a6": set()})
    assert linker.groups(pages + crisis, {}, headline_names=titles.__getitem__) == \
        [[0, 1, 2], [3, 4]]


def test_titles_write_a_given_name_with_its_surname():
    from storyweave.storylines import _full_names

    texts = ["Carlos Ghosn fled Japan in a box.", "Japan wants Carlos Ghosn back.",
             "Ghosn, whose first name is Carlos, spoke in Beirut."]
    assert _full_names(["Ghosn", "Japan", "Carlos"], texts) == ["Carlos Ghosn", "Japan"]
    # two surnames side by side in one report only are two names
    assert _full_names(["Lavrov", "Pompeo"], ["Lavrov Pompeo talks", "Lavrov and Pompeo met",
                                              "Pompeo and Lavrov"]) == ["Lavrov", "Pompeo"]
    assert _full_names(["Lavrov", "Sergei", "Mike", "Pompeo"],
                       ["Sergei Lavrov met Mike Pompeo"]) == ["Sergei Lavrov", "Mike Pompeo"]


def test_a_loose_fringe_of_a_big_storyline_is_folded_back_into_it():
    import itertools

    import networkx as nx

    from storyweave.storylines import fold_weak_communities

    graph = nx.Graph()
    big, other, fringe = range(0, 30), range(30, 40), range(40, 46)
    for group, w in ((big, 1.0), (other, 1.0), (fringe, 0.3)):
        graph.add_edges_from(itertools.combinations(group, 2), weight=w)
    graph.add_edge(0, 30, weight=1.0)  # one link between two real storylines
    for i, f in enumerate(fringe):  # each fringe event is more tied to the big storyline
        graph.add_edges_from(((f, (3 * i + k) % 30) for k in range(3)), weight=0.9)
    louvain = nx.community.louvain_communities(graph, weight="weight", seed=0)
    assert set(fringe) in louvain  # modularity cuts the fringe off (the big group's size)
    folded = sorted(map(sorted, fold_weak_communities(graph, louvain)))
    assert folded == [sorted([*big, *fringe]), list(other)]


def test_key_dates_leave_out_days_long_before_the_reports():
    from datetime import date, datetime

    from storyweave.explain import key_dates
    from storyweave.models import Article, DateMention

    def report(i: int, pub: date, named: list[date]) -> Article:
        a = Article(f"a{i}", f"h{i}", "x", f"T{i}", "Protesters marched again.", seq=i, lang="en",
                    published=datetime(pub.year, pub.month, pub.day))
        a.dates = [DateMention("event", "text", 0.7, d, None, d.isoformat(), -1) for d in named]
        return a

    power, march = date(1981, 10, 14), date(2011, 1, 25)  # "in power since 1981"
    arts = [report(i, date(2011, 2, 1 + i), [power, march]) for i in range(3)]
    days = [k["date"] for k in key_dates(arts)]
    assert march.isoformat() in days and power.isoformat() not in days
    assert power.isoformat() in [k["date"] for k in key_dates(arts, span_margin=None)]


def test_titles_write_a_place_of_several_words_whole():
    from storyweave.storylines import _title_names

    texts = ["Floods hit New York on Monday.", "In New York, the subway closed.",
             "New York City officials said the York Avenue tunnel was shut."]
    assert _title_names(["New", "Subway", "York"], texts) == ["New York", "Subway"]
    # a name most mentions do not go on from stays as it is
    assert _title_names(["Lavrov", "Moscow"], ["Lavrov Said", "Lavrov said", "Moscow"]) == \
        ["Lavrov", "Moscow"]
    # an abbreviation before the name is part of it, a title is not
    gox = ["Mt. Gox files for bankruptcy.", "Bitcoin exchange Mt. Gox shut.", "Mt. Gox, in Tokyo"]
    assert _title_names(["Gox", "Tokyo"], gox) == ["Mt. Gox", "Tokyo"]
    assert _title_names(["Lavrov"], ["Mr. Lavrov said.", "Mr. Lavrov met Mr. Kerry."]) == ["Lavrov"]
    # a given name and a surname with a middle name between them are one name
    yemen = ["Ali Abdullah Saleh quit.", "President Ali Abdullah Saleh left Yemen.", "Saleh spoke."]
    assert _title_names(["Yemen", "Saleh", "Ali"], yemen) == ["Yemen", "Ali Abdullah Saleh"]
    mixed = ["Ali Abdullah Saleh quit.", "Ali Abdallah Saleh left.", "Ali Saleh spoke."]
    assert _title_names(["Saleh", "Ali"], mixed) == ["Ali Saleh"]


def test_titles_leave_out_common_words_and_read_names_with_or_without_accents():
    from storyweave.storylines import _title_names

    italy = ["Secondo i Servizi Segreti italiani, Roma teme.", "I Servizi Segreti e il governo.",
             "Mario Monti ha detto che i Servizi Segreti sanno."]
    assert _title_names(["Italia", "Segreti", "Monti"], italy, "it") == ["Italia", "Monti"]
    # not in a language that does not capitalise institutions, nor a word written in lower
    # case less often than as a name
    assert _title_names(["Cosmos", "Fox"], ["Cosmos on Fox.", "Fox airs Cosmos."], "en") == \
        ["Cosmos", "Fox"]
    police = ["La policía detuvo a dos.", "La Policía dijo que la policía no sabe."]
    assert _title_names(["Policía", "Madrid"], police + ["en Madrid"], "es") == ["Madrid"]
    yemen = ["Alí Abdalá Saleh dimite.", "El presidente Alí Abdalá Saleh y Ali Mohsen.",
             "Saleh habló."]
    assert _title_names(["Yemen", "Saleh", "Ali"], yemen, "es") == ["Yemen", "Ali Abdalá Saleh"]
