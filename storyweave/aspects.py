"""Aspects: the sub-topics of an event (for a diplomatic meeting: arms control, Iran,
Venezuela, ...), found by clustering its sentences across languages, each with a short
label and the passages that treat it."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

from .models import Aspect, Citation
from .summarize import Sentence
from .terms import WORD, content_words

__all__ = ["find_aspects"]


def _label(members: list[Sentence], all_counts: Counter[str], target_lang: str) -> str:
    pool = [s for s in members if s.lang == target_lang] or members
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for s in pool:
        words = content_words(s.text, s.lang)
        for w in WORD.findall(s.text):
            if w.lower() in words:
                first_seen.setdefault(w.lower(), len(first_seen))
        counts.update(words)
    # distinctive (frequent here, rarer in the event's other sentences), then in the
    # order a reader meets them, which keeps a label like "fire, engulfed, cathedral"
    ranked = sorted(counts, key=lambda w: (-round(counts[w] / (1 + all_counts[w] - counts[w]), 2),
                                           first_seen[w]))
    return ", ".join(ranked[:3])


def find_aspects(sents: list[Sentence], vecs: np.ndarray, sim: Callable[[np.ndarray], np.ndarray],
                 target_lang: str = "en", min_sim: float = 0.86, max_aspects: int = 6,
                 lang_shift: dict[tuple[str, str], float] | None = None) -> list[Aspect]:
    """Average-link clusters of sentences whose calibrated similarity is >= `min_sim`;
    an aspect needs sentences from two articles at least. `lang_shift`: the clusterer's
    per-language-pair cosine shift, so that a sub-topic is not split by language."""
    if len(sents) < 4:
        return []
    from sklearn.cluster import AgglomerativeClustering

    raw = vecs @ vecs.T
    if lang_shift:
        langs = [s.lang for s in sents]
        raw = raw + np.array([[lang_shift.get((a, b), 0.0) for b in langs] for a in langs])
    dist = np.clip(1.0 - sim(raw), 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=1.0 - min_sim).fit(dist).labels_
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    all_counts: Counter[str] = Counter()
    for s in sents:
        all_counts.update(content_words(s.text, s.lang))
    out = []
    for idx in sorted(groups.values(), key=lambda g: (-len({sents[i].article_id for i in g}), g[0])):
        if len({sents[i].article_id for i in idx}) < 2:
            continue
        members = [sents[i] for i in idx]
        out.append(Aspect(label=_label(members, all_counts, target_lang),
                          passages=[Citation(s.article_id, s.start, s.end) for s in members],
                          languages=sorted({s.lang for s in members})))
        if len(out) == max_aspects:
            break
    return out
