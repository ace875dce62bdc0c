"""Event explanations derived from stored results: corroboration, storyline timelines, key
dates, developments and framing (actors and places: actors.py). Pure functions over
`Event`/`Article`, used by the JSON export (and so by the HTML report, which renders the
same dict)."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Any

from .dates import article_event_date
from .figures import is_clock, number_keys
from .models import Article, Event, Storyline, SummarySentence
from .sentences import is_statement, split_sentences

__all__ = ["corroboration", "timeline", "key_dates", "developments", "framing"]


def corroboration(s: SummarySentence, articles: dict[str, Article]) -> dict[str, Any]:
    """How many independent outlets (duplicate groups once) and languages report a sentence."""
    cited = [articles[c.article_id] for c in s.citations if c.article_id in articles]
    groups = {a.dup_group or a.id for a in cited}
    outlets = sorted({a.source or a.id for a in cited})
    return {"independent_sources": len(groups), "outlets": outlets,
            "languages": sorted({a.lang for a in cited}),
            "single_source": len(groups) <= 1,
            "contradicted_by": [{"article_id": c.article_id, "start": c.start, "end": c.end,
                                 "text": articles[c.article_id].text[c.start:c.end]}
                                for c in s.conflicts if c.article_id in articles]}


def timeline(sl: Storyline, events: dict[str, Event]) -> list[dict[str, Any]]:
    """One dated entry per event of a storyline, with its first summary sentence."""
    entries = []
    for eid in sl.event_ids:
        ev = events.get(eid)
        if ev is None:
            continue
        entries.append({"date": ev.date.isoformat() if ev.date else None, "event": ev.id,
                        "title": ev.title, "place": ev.place,
                        "summary": ev.summary[0].text if ev.summary else ev.title})
    return sorted(entries, key=lambda e: (e["date"] is None, e["date"] or ""))


def key_dates(articles: list[Article], limit: int | None = 10,
              span_margin: int | None = 30) -> list[dict[str, Any]]:
    """The days a set of reports keeps referring to, most referred first: each report (a
    wire story and its copies once) votes once for every day it names as an event date
    ("on 25 January protesters...") and, half, for its own event date. Reports cite
    earlier turning points long after them, so this finds the key dates of a storyline
    better than counting when reports were published (ML-Crisis timelines,
    bench/timelines.py: date F1 0.249 vs 0.171); days more than `span_margin` days
    outside the reports' publication span are background (0.258 -> 0.268)."""
    votes: Counter = Counter()
    refs: dict[Any, list[dict[str, Any]]] = {}
    ids = {a.id for a in articles}
    for a in sorted(articles, key=lambda x: x.seq):
        if a.dup_group and a.dup_group != a.id and a.dup_group in ids:
            continue  # a wire copy is the same evidence as its original: one vote
        own, _conf, _how = article_event_date(a)
        named = {}
        for m in a.dates:
            if m.value is not None and m.role == "event":
                named.setdefault(m.value, m)
        sentences = split_sentences(a) if named else []
        for day, m in named.items():
            votes[day] += 1.0
            ref = {"article_id": a.id, "start": m.offset,
                   "end": m.offset + len(m.text) if m.offset >= 0 else -1, "text": m.text}
            # the sentence naming the day: what happened then, in the report's own words
            around = [s for s in sentences if s.start <= m.offset < s.end]
            if around:
                ref["sentence"] = {"start": around[0].start, "end": around[0].end,
                                   "text": around[0].text}
            refs.setdefault(day, []).append(ref)
        if own is not None:
            votes[own] += 0.5
            refs.setdefault(own, [])
    span = _span(articles, span_margin)
    ranked = sorted((d for d in votes if span is None or span[0] <= d <= span[1]),
                    key=lambda d: (-votes[d], d))[:limit]
    return [{"date": d.isoformat(), "votes": votes[d], "mentions": refs[d]} for d in ranked]


def _span(articles: list[Article], margin: int | None) -> tuple[date, date] | None:
    """The reports' publication span, widened by `margin` days on each side: a day they
    name outside it is background ("in power since 1981"), not one of the storyline's
    events. None (no limit) without a margin or without any publication date."""
    pubs = [a.published.date() for a in articles if a.published is not None]
    if margin is None or not pubs:
        return None
    return min(pubs) - timedelta(days=margin), max(pubs) + timedelta(days=margin)


# Numbers that are not the news: ages ("the 64-year-old", "der 41-Jährige"), the hex runs
# of file names and ids (times of day are told apart by `number_keys` itself)
_NOT_FIGURES = re.compile(
    r"\b[0-9a-f]*\d[0-9a-f]*(?:-[0-9a-f]{3,}){2,}\b"
    r"|\b\d{1,3}(?:[- ]?(?:year|years)[- ]old|-?(?:jährige|Jährige|летн|річн)\w*|\s(?:ans|años|anni)\b)",
    re.I)


def _without_dates(article: Article) -> str:
    """The article text with its dates ("21 April", "16 avril 2019") blanked, same length."""
    chars = list(article.text)
    for m in article.dates:
        if 0 <= m.offset < len(chars):
            end = min(m.offset + len(m.text), len(chars))
            chars[m.offset:end] = " " * (end - m.offset)
    return "".join(chars)


def _figures(text: str) -> set[str]:
    """The figures of a (date-blanked) sentence: its numbers less times and ages."""
    return {k for k in number_keys(_NOT_FIGURES.sub(" ", text)) if not is_clock(k)}


def developments(ev: Event, articles: dict[str, Article], limit: int = 12) -> list[dict[str, Any]]:
    """How an event developed as reports came in: reports in publication order, each entry
    the first statement of a report that gives a figure no earlier report gave (a death toll
    rising, a sum, a score), with the figures. Copies of a wire story add nothing new.
    Content-based and checkable: every entry points at its sentence."""
    members = sorted((articles[i] for i in ev.article_ids if i in articles),
                     key=lambda a: (a.published is None, a.published or 0, a.seq))
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for a in members:
        if a.dup_group and a.dup_group != a.id:
            continue
        blanked = _without_dates(a)
        sentences = split_sentences(a)
        figures = [_figures(blanked[x.start:x.end]) for x in sentences]
        for sent, figs in zip(sentences, figures):
            new = sorted(figs - seen)
            if new and is_statement(sent.text, a.lang):
                out.append({"published": a.published.isoformat() if a.published else None,
                            "article_id": a.id, "outlet": a.source, "lang": a.lang,
                            "new_figures": new, "start": sent.start, "end": sent.end,
                            "text": sent.text})
                break
        for figs in figures:
            seen |= figs
    return out[:limit]


def framing(ev: Event, articles: dict[str, Article],
            speakers: list[str | None] | None = None) -> list[dict[str, Any]]:
    """Per outlet, from content: which aspects it covers and omits, and its own wording of
    the facts in the summary (the passage of its article each summary sentence cites).
    `speakers`: how to show each of `ev.quotes`' speakers (default: as quoted)."""
    speakers = speakers or [q.speaker for q in ev.quotes]
    members = [articles[i] for i in ev.article_ids if i in articles]
    outlets: dict[str, list[Article]] = {}
    for a in members:
        outlets.setdefault(a.source or a.id, []).append(a)
    out = []
    for outlet, arts in sorted(outlets.items()):
        ids = {a.id for a in arts}
        covered = [x.label for x in ev.aspects if any(p.article_id in ids for p in x.passages)]
        wording = []
        for i, s in enumerate(ev.summary):
            for c in s.citations:
                if c.article_id in ids:
                    wording.append({"summary_index": i, "article_id": c.article_id,
                                    "text": articles[c.article_id].text[c.start:c.end]})
                    break
        quoted = []
        for q, who in zip(ev.quotes, speakers):
            own = next((c for c in q.citations if c.article_id in ids), None)
            if own:  # the statement, and how this outlet words it (its own language)
                quoted.append({"speaker": who, "text": q.text, "article_id": own.article_id,
                               "start": own.start, "end": own.end,
                               "wording": articles[own.article_id].text[own.start:own.end]})
        out.append({"outlet": outlet, "articles": sorted(ids), "quotes_used": quoted,
                    "languages": sorted({a.lang for a in arts}),
                    "aspects_covered": covered,
                    "aspects_omitted": [x.label for x in ev.aspects if x.label not in covered],
                    "wording": wording})
    return out
