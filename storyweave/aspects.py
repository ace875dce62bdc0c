"""Aspects: the sub-topics of an event (for a diplomatic meeting: arms control, Iran,
Venezuela, ...), found by clustering its sentences across languages, each with a short
label and the passages that treat it."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from .models import Aspect, Citation
from .summarize import Sentence

__all__ = ["find_aspects"]

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
# Words frequent in any news sentence: they would label every aspect.
_COMMON = set("""said says would could also after before their there which where while about
with from that this these those have been were will into over under more than other against
told added according during since year years week people according told reporters
заявив сказав також після який яка яке були було буде щодо через року років
заявил сказал также после который которая было будет через года лет
sagte sagten auch nach dieser diese wurde wurden werden sich eine einen einem nicht
selon après avait était sont dans pour avec cette leurs""".split())


@lru_cache(maxsize=64)
def _stopwords(lang: str) -> frozenset[str]:
    """Function words of a language (stopwords-iso lists, 50+ languages) plus the news
    words above: "darunter", "zehn" or "however" would otherwise label aspects."""
    import stopwordsiso

    extra = stopwordsiso.stopwords(lang) if stopwordsiso.has_lang(lang) else set()
    return frozenset(_COMMON | {w.lower() for w in extra} | _calendar_words(lang))


def _calendar_words(lang: str) -> set[str]:
    """Weekday and month names (CLDR via Babel): "monday" is when, never what, an aspect is."""
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        return set()
    words: set[str] = set()
    for table in (loc.days, loc.months):
        for context in table.values():
            for width in ("wide", "abbreviated"):
                words |= {w.lower().strip(".") for w in context.get(width, {}).values()}
    return words


def _content_words(s: Sentence) -> set[str]:
    stop = _stopwords(s.lang)
    return {w.lower() for w in _WORD.findall(s.text)} - stop


def _label(members: list[Sentence], all_counts: Counter[str], target_lang: str) -> str:
    pool = [s for s in members if s.lang == target_lang] or members
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for s in pool:
        words = _content_words(s)
        for w in _WORD.findall(s.text):
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
        all_counts.update(_content_words(s))
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
