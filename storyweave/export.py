"""The JSON output (`--json`): a documented, versioned schema, built as one dict that the
HTML report and the web layer also render, so they cannot drift apart.

Schema version 1 (see README "JSON schema"): additive changes keep the major version.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .actors import actors, display_names
from .explain import corroboration, developments, framing, key_dates, timeline
from .models import Article, Event, Quote, SummarySentence, to_jsonable

if TYPE_CHECKING:
    from .pipeline import Engine

__all__ = ["export_json", "SCHEMA_VERSION", "event_dict", "article_dict"]

SCHEMA_VERSION = "1.7"


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "path": None if "://" in a.origin else a.origin,
        "url": a.url or (a.origin if "://" in a.origin else None),
        "source": a.source, "original_source": a.original_source, "lang": a.lang,
        "lang_confidence": a.lang_confidence, "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "published_source": a.published_source, "duplicate_group": a.dup_group,
        "dates": to_jsonable(a.dates), "removed_lines": to_jsonable(a.removed),
        "quotes": to_jsonable(a.quotes),
        "clean_text": a.text,
    }


def event_dict(ev: Event, articles: dict[str, Article],
               display: dict[str, str] | None = None, target_lang: str = "en") -> dict[str, Any]:
    """`display`: name key -> shown form; by default from the event's own reports."""
    arts = [articles[i] for i in ev.article_ids if i in articles]
    display = display if display is not None else display_names(arts, target_lang)
    groups = {a.dup_group or a.id for a in arts}
    shown = actors(ev, articles, display)
    speaker_of = _speaker_resolver(shown)
    speakers = [speaker_of(q) for q in ev.quotes]
    return {
        "id": ev.id, "title": ev.title, "date": ev.date.isoformat() if ev.date else None,
        "date_confidence": ev.date_confidence, "place": ev.place, "languages": ev.languages,
        "sources": ev.sources, "storyline": ev.storyline_id,
        "n_articles": len(arts), "n_independent": len(groups),
        "articles": [article_dict(a) for a in arts],
        "membership": [to_jsonable(m) for m in ev.members],
        "summary": [{"text": s.text, "lang": s.lang, "translation": s.translation,
                     "articles": list(dict.fromkeys(c.article_id for c in s.citations)),
                     "citations": to_jsonable(s.citations),
                     "corroboration": corroboration(s, articles),
                     "speaker": _quoted_in(s, articles, speaker_of)} for s in ev.summary],
        "actors": shown,
        "aspects": [{"label": x.label, "languages": x.languages,
                     "passages": to_jsonable(x.passages)} for x in ev.aspects],
        "quotes": [{**to_jsonable(q), "speaker_name": who} for q, who in zip(ev.quotes, speakers)],
        "framing": framing(ev, articles, speakers),
        "developments": developments(ev, articles),
    }


def _speaker_resolver(shown: list[dict[str, Any]]) -> Callable[[Quote], str | None]:
    """quote -> its speaker as the event's actors show them, one name across scripts and
    inflections ("Volodymyr Zelensky" for a Ukrainian report's "Зеленський", through the
    actor's `other_keys`); as quoted when the speaker is not among the actors."""
    name_of = {k: a["name"] for a in shown if a["kind"] == "name" for k in [a["key"], *a["other_keys"]]}

    def speaker_of(q: Quote) -> str | None:
        return name_of.get(q.speaker_key or "") or q.speaker
    return speaker_of


def _quoted_in(s: SummarySentence, articles: dict[str, Article],
               speaker_of: Callable[[Quote], str | None]) -> str | None:
    """Who speaks in a summary sentence that quotes someone without naming them: the
    speaker of its own passage's quote ('"We fundamentally do not seek a war with Iran,"
    he told …': Mike Pompeo); None when the sentence names them itself."""
    own = s.citations[0] if s.citations else None
    a = articles.get(own.article_id) if own else None
    for q in a.quotes if a else ():
        if own.start <= q.start and q.end <= own.end and q.speaker:
            return None if q.speaker.split()[-1] in s.text else speaker_of(q)
    return None


def export_json(engine: "Engine") -> dict[str, Any]:
    articles = {a.id: a for a in engine.articles()}
    events = engine.events()
    by_id = {ev.id: ev for ev in events}
    return {
        "schema_version": SCHEMA_VERSION,
        "events": [event_dict(ev, articles, target_lang=engine.settings.target_lang)
                   for ev in events],
        "storylines": [{"id": s.id, "title": s.title, "events": s.event_ids,
                        "links": s.links, "timeline": timeline(s, by_id),
                        "key_dates": key_dates([articles[i] for e in s.event_ids if e in by_id
                                                for i in by_id[e].article_ids if i in articles])}
                       for s in engine.storylines()],
        "rejected": [{"input": r.origin, "locator": r.locator, "stage": r.stage,
                      "reason": r.reason, "detail": r.detail} for r in engine.rejected()],
    }
