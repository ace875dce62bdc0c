"""DayIndex against a plain dict after random puts, moves and removes."""
import random

import numpy as np

from storyweave.dayindex import DayIndex


class Item:
    def __init__(self, n: int):
        self.n = n


def test_scores_match_brute_force_after_random_operations():
    rng = random.Random(0)
    idx: DayIndex[Item] = DayIndex()
    items = [Item(i) for i in range(60)]
    truth: dict[int, tuple[int | None, np.ndarray]] = {}
    for step in range(2000):
        it = rng.choice(items)
        if rng.random() < 0.2:
            idx.remove(it)
            truth.pop(it.n, None)
        else:
            day = rng.choice([None, 1, 2, 3, 7])
            vec = np.random.default_rng(step).standard_normal(8).astype(np.float32)
            idx.put(it, day, vec)
            truth[it.n] = (day, vec)
    assert len(idx) == len(truth)
    q = np.random.default_rng(99).standard_normal(8).astype(np.float32)
    for days in ([None], [1, 2], [3, 7, None], idx.days()):
        got, scores = idx.scores(days, q)
        want = {n: float(v @ q) for n, (d, v) in truth.items() if d in days}
        assert {i.n for i in got} == set(want) and len(got) == len(want)
        for i, s in zip(got, scores):
            assert abs(s - want[i.n]) < 1e-4
    for n, (d, _) in truth.items():
        assert idx.day_of(items[n]) == d


def test_removing_an_unfiled_item_is_a_no_op():
    idx: DayIndex[Item] = DayIndex()
    idx.remove(Item(1))
    assert len(idx) == 0 and idx.scores([None], np.ones(3, np.float32))[1].shape == (0,)
