"""Clustering metrics shared by tests and benchmarks: BCubed P/R/F1 and pairwise F1."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping

__all__ = ["bcubed", "pairwise_f1", "cluster_scores"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """BCubed precision, recall, F1 over the items present in both mappings."""
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0, 0.0
    joint = Counter((pred[i], gold[i]) for i in items)
    psize, gsize = Counter(pred[i] for i in items), Counter(gold[i] for i in items)
    p = sum(joint[(pred[i], gold[i])] / psize[pred[i]] for i in items) / len(items)
    r = sum(joint[(pred[i], gold[i])] / gsize[gold[i]] for i in items) / len(items)
    return p, r, _f1(p, r)


def pairwise_f1(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    items = [i for i in gold if i in pred]
    joint = Counter((pred[i], gold[i]) for i in items)
    pairs = lambda n: n * (n - 1) / 2  # noqa: E731
    tp = sum(pairs(n) for n in joint.values())
    pp = sum(pairs(n) for n in Counter(pred[i] for i in items).values())
    gp = sum(pairs(n) for n in Counter(gold[i] for i in items).values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return p, r, _f1(p, r)


def cluster_scores(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise_f1(pred, gold)
    return {"bcubed_p": round(bp, 4), "bcubed_r": round(br, 4), "bcubed_f1": round(bf, 4),
            "pairwise_p": round(pp, 4), "pairwise_r": round(pr, 4), "pairwise_f1": round(pf, 4)}


def groups_of(mapping: Mapping[str, Hashable]) -> list[set[str]]:
    out: dict[Hashable, set[str]] = defaultdict(set)
    for k, v in mapping.items():
        out[v].add(k)
    return sorted(out.values(), key=lambda s: sorted(s))
