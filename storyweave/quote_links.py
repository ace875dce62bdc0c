"""One statement across articles and languages: quotes linked by speaker and meaning, and an
event's quotes as entries that cite every report quoting them (extraction: quotes.py)."""
from __future__ import annotations

import numpy as np

from ._disjoint import DisjointSets
from .actors import script_aliases
from .entities import number_keys
from .models import Article, Citation, EventQuote, Quote

__all__ = ["link_quotes", "event_quotes"]


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


def link_quotes(quotes_by_article: dict[str, list[Quote]], embedder, min_sim: float = 0.80,
                anonymous_sim: float = 0.95,
                speaker_alias: dict[str, str] | None = None) -> list[list[tuple[str, int]]]:
    """Groups of one statement across articles and languages: (article id, quote index).

    Two quotes link when they are the mutual best match between their two articles, have the
    same speaker key and a (calibrated) similarity of at least `min_sim`; quotes without a
    speaker need `anonymous_sim`. Mutual best matters because one speaker says several
    things per event and cross-language cosines are compressed (OFFLINE_STACK.md).
    `speaker_alias` maps a key to the one it stands for in this event ("braid" for
    Брайденстайн -> "bride" for Bridenstine), as the event's actors join them."""
    alias = speaker_alias or {}
    items = [(aid, i, q) for aid, qs in quotes_by_article.items() for i, q in enumerate(qs)]
    if len(items) < 2:
        return []
    vecs = np.asarray(embedder.embed([q.text for _, _, q in items]), dtype=np.float32)
    a, b = getattr(embedder, "calibration", (0.0, 1.0))
    sims = a + b * (vecs @ vecs.T)
    nums = [number_keys(q.text) for _, _, q in items]
    speakers = [alias.get(q.speaker_key, q.speaker_key) for _, _, q in items]
    ok = np.zeros_like(sims, dtype=bool)
    for i, (ai, _, _) in enumerate(items):
        for j, (aj, _, _) in enumerate(items):
            if ai == aj or speakers[i] != speakers[j] or (nums[i] and nums[j] and not nums[i] & nums[j]):
                continue
            ok[i, j] = sims[i, j] >= (min_sim if speakers[i] else anonymous_sim)
    masked = np.where(ok, sims, -np.inf)
    edges = []
    for i, (ai, _, _) in enumerate(items):
        for j, (aj, _, _) in enumerate(items):
            if i < j and ok[i, j]:
                # best in j's article for i, and best in i's article for j
                row = [k for k, it in enumerate(items) if it[0] == aj]
                col = [k for k, it in enumerate(items) if it[0] == ai]
                if max(row, key=lambda k: masked[i, k]) == j and max(col, key=lambda k: masked[j, k]) == i:
                    edges.append((float(sims[i, j]), i, j))
    groups = _groups([aid for aid, _, _ in items], edges)
    groups.sort(key=lambda g: (-len(g), g[0]))
    return [[(items[k][0], items[k][1]) for k in g] for g in groups]


def event_quotes(members: list[Article], embedder, target_lang: str = "en") -> list[EventQuote]:
    """The statements quoted in an event: linked quotes as one entry (shown in the target
    language when a member quotes it so), then the others; each cites every passage."""
    by_article = {a.id: a.quotes for a in members if a.quotes}
    groups = (link_quotes(by_article, embedder, speaker_alias=script_aliases(members))
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
