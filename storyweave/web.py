"""REST API and web UI over one store: a thin layer on `Engine` (FastAPI).

Every view builds its data from the same export dict as `--json`; `/api/...` returns it as
JSON and the HTML pages render it with the report's templates, so API, UI and the static
report cannot drift apart. Curation (merge/split/move) is available over HTTP too.

    storyweave serve --db news.db --port 8000
"""
from __future__ import annotations

import threading
from typing import Any

from fastapi import Body, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse

from .export import export_json
from .pipeline import Engine
from .report import Renderer, stylesheet

__all__ = ["create_app"]


class _Data:
    """The export dict, rebuilt only when the store's events changed (or after curation)."""

    def __init__(self, engine: Engine):
        self.engine, self.lock = engine, threading.Lock()
        self.key: str | None = None
        self.data: dict[str, Any] = {}

    def get(self) -> dict[str, Any]:
        with self.lock:
            key = self.engine.store.get_meta("events_state", "")
            if key != self.key or not self.data:
                self.data, self.key = export_json(self.engine), key
            return self.data


def _find(items: list[dict[str, Any]], key: str, what: str) -> dict[str, Any]:
    for item in items:
        if item["id"] == key:
            return item
    raise HTTPException(404, f"no {what} {key!r}")


def create_app(db: str = "storyweave.db", engine: Engine | None = None) -> FastAPI:
    engine = engine or Engine(db)
    data = _Data(engine)
    app = FastAPI(title="storyweave", version="1", description=__doc__)
    app.state.engine = engine
    _api(app, data)
    _curation(app, engine, data)
    _pages(app, data, engine.settings.target_lang)
    return app


def _api(app: FastAPI, data: _Data) -> None:
    @app.get("/api/events")
    def events(q: str | None = None, lang: str | None = None,
               limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict:
        """Events, newest first; `q` searches titles and summaries, `lang` filters."""
        evs = sorted(data.get()["events"], key=lambda e: e["date"] or "", reverse=True)
        if q:
            ql = q.lower()
            evs = [e for e in evs if ql in e["title"].lower()
                   or any(ql in s["text"].lower() for s in e["summary"])]
        if lang:
            evs = [e for e in evs if lang in e["languages"]]
        rows = [{k: e[k] for k in ("id", "title", "date", "place", "languages", "sources",
                                   "storyline", "n_articles", "n_independent")} for e in evs]
        return {"total": len(rows), "events": rows[offset:offset + limit]}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict:
        return _find(data.get()["events"], event_id, "event")

    @app.get("/api/storylines")
    def storylines() -> dict:
        return {"storylines": data.get()["storylines"]}

    @app.get("/api/storylines/{storyline_id}")
    def storyline(storyline_id: str) -> dict:
        return _find(data.get()["storylines"], storyline_id, "storyline")

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict:
        for ev in data.get()["events"]:
            for a in ev["articles"]:
                if a["id"] == article_id:
                    return {**a, "event": ev["id"]}
        raise HTTPException(404, f"no article {article_id!r}")

    @app.get("/api/rejected")
    def rejected() -> dict:
        return {"rejected": data.get()["rejected"]}

    @app.get("/api/export")
    def export() -> dict:
        return data.get()


def _curation(app: FastAPI, engine: Engine, data: _Data) -> None:
    def run(action, *args) -> dict:
        try:
            with data.lock:
                action(*args)
        except KeyError as exc:
            raise HTTPException(404, str(exc.args[0])) from None
        return {"events": len(engine.store.events())}

    @app.post("/api/events/{event_id}/merge")
    def merge(event_id: str, other: str = Body(..., embed=True)) -> dict:
        """Merge `other` into this event; kept by later runs."""
        return run(engine.merge, event_id, other)

    @app.post("/api/events/{event_id}/split")
    def split(event_id: str, articles: list[str] = Body(..., embed=True)) -> dict:
        """Move `articles` out of this event into one of their own; kept by later runs."""
        return run(engine.split, event_id, articles)

    @app.post("/api/articles/{article_id}/move")
    def move(article_id: str, event: str = Body(..., embed=True)) -> dict:
        """Move an article into `event`; kept by later runs."""
        return run(engine.move, article_id, event)


def _pages(app: FastAPI, data: _Data, target_lang: str) -> None:
    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/index.html")

    @app.get("/style.css", include_in_schema=False)
    def css() -> PlainTextResponse:
        return PlainTextResponse(stylesheet(), media_type="text/css")

    @app.get("/{path:path}", include_in_schema=False)
    def page(path: str) -> HTMLResponse:
        html = Renderer(data.get(), target_lang).page(path)
        if html is None:
            raise HTTPException(404, f"no page {path!r}")
        return HTMLResponse(html)
