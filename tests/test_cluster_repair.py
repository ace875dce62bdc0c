"""Repair steps of the online clusterer, on synthetic vectors (no model needed)."""
from collections import Counter
from datetime import date

import numpy as np

from storyweave.cluster import ArticleSignals, EventState, OnlineClusterer


def unit(v):
    v = np.asarray(v, np.float32)
    return v / np.linalg.norm(v)


def art(i, vec, names, day):
    return ArticleSignals(f"a{i}", i, "en", unit(vec), Counter(names), set(), day, 0.8)


def test_member_the_event_no_longer_accepts_is_split_out():
    rng = np.random.default_rng(1)
    base = rng.normal(size=64)
    same = [art(i, base + rng.normal(scale=0.05, size=64), {"lavro": 1, "pompe": 1, "sokhi": 1},
                date(2019, 5, 14)) for i in range(1, 4)]
    odd = art(4, rng.normal(size=64), {"merke": 1, "berli": 1}, date(2019, 5, 14))
    c = OnlineClusterer()
    c.fit_idf(same + [odd])
    ev = EventState(anchor=same[0])
    for m in same + [odd]:  # as if an early mistake had put `odd` in
        ev.add(m)
    c.events = [ev]
    c._index(ev)
    assert c.split_incoherent() == 1
    groups = sorted(sorted(m.id for m in e.members) for e in c.events)
    assert groups == [["a1", "a2", "a3"], ["a4"]]


def test_events_found_apart_are_merged_by_repair():
    rng = np.random.default_rng(2)
    base = rng.normal(size=64)
    names = {"lavro": 1, "pompe": 1, "sokhi": 1}
    arts = [art(i, base + rng.normal(scale=0.05, size=64), names, date(2019, 5, 14))
            for i in range(1, 5)]
    c = OnlineClusterer()
    c.fit_idf(arts)
    for half in (arts[:2], arts[2:]):
        ev = EventState(anchor=half[0])
        for m in half:
            ev.add(m)
        c.events.append(ev)
        c._index(ev)
    c.repair()
    assert [sorted(m.id for m in e.members) for e in c.events] == [["a1", "a2", "a3", "a4"]]
