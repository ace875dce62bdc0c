"""SQLite store: raw input and provenance (kept forever), derived results (rebuildable).

One connection, WAL mode, writes inside `BEGIN IMMEDIATE` transactions so a crash at
any point leaves either all or none of a batch. The schema is SQL text in numbered
files under `migrations/`, applied in order and recorded in `PRAGMA user_version`.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import DTypeLike

from .models import (Article, Aspect, EventQuote, Quote, Citation, DateMention, Event, Membership, Provenance, RawItem,
                     Rejected,
                     RemovedLine, Storyline, SummarySentence, to_jsonable)

__all__ = ["Store", "article_from_json", "event_from_json"]

DERIVED_TABLES = ("event_members", "events", "storylines", "articles")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str, str]]:
    files = resources.files("storyweave").joinpath("migrations")
    out = []
    for f in files.iterdir():
        if f.name.endswith(".sql"):
            out.append((int(f.name.split("_", 1)[0]), f.name, f.read_text("utf-8")))
    return sorted(out)


class Store:
    def __init__(self, path: str = "storyweave.db"):
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        current = self.db.execute("PRAGMA user_version").fetchone()[0]
        for version, _name, sql in _migrations():
            if version > current:  # one script = one transaction: all of it or none
                self.db.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version={version};"
                                      "\nCOMMIT;")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.db.in_transaction:  # nested use joins the outer transaction
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- raw input -----------------------------------------------------------
    def has_raw(self, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM raw_items WHERE content_hash=?", (content_hash,))
        return row.fetchone() is not None

    def add_raw(self, item: RawItem) -> tuple[int, bool]:
        """Store the bytes (once) and this provenance; returns (seq, was_new)."""
        p = item.provenance
        row = self.db.execute("SELECT seq FROM raw_items WHERE content_hash=?",
                              (item.content_hash,)).fetchone()
        new = row is None
        if new:
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM raw_items").fetchone()[0]
            self.db.execute(
                "INSERT INTO raw_items(content_hash, kind, raw, fields, seq, ingested_at) "
                "VALUES (?,?,?,?,?,?)",
                (item.content_hash, p.kind, item.raw, json.dumps(to_jsonable(item.fields)),
                 seq, (p.ingested_at or datetime.now(timezone.utc)).isoformat()))
        else:
            seq = row[0]
        self.db.execute("INSERT OR IGNORE INTO provenance VALUES (?,?,?,?,?)",
                        (item.content_hash, p.origin, p.locator, p.kind, _now()))
        return seq, new

    def raw_items(self, hashes: Iterable[str] | None = None) -> Iterator[tuple[int, RawItem]]:
        sql = ("SELECT r.content_hash, r.kind, r.raw, r.fields, r.seq, p.origin, p.locator "
               "FROM raw_items r JOIN provenance p ON p.rowid = (SELECT MIN(rowid) FROM "
               "provenance WHERE content_hash = r.content_hash)")
        rows = self.db.execute(sql + " ORDER BY r.seq").fetchall()
        wanted = set(hashes) if hashes is not None else None
        for h, kind, raw, fields, seq, origin, locator in rows:
            if wanted is None or h in wanted:
                yield seq, RawItem(Provenance(origin, kind, locator), raw, h, json.loads(fields))

    def origins(self, content_hash: str) -> list[tuple[str, str]]:
        return self.db.execute("SELECT origin, locator FROM provenance WHERE content_hash=? "
                               "ORDER BY rowid", (content_hash,)).fetchall()

    def add_rejected(self, rej: Rejected) -> None:
        self.db.execute("INSERT OR REPLACE INTO rejected VALUES (?,?,?,?,?,?,?)",
                        (rej.origin, rej.locator, rej.stage, rej.reason, rej.detail,
                         rej.content_hash, _now()))

    def rejected(self) -> list[Rejected]:
        rows = self.db.execute("SELECT origin, locator, stage, reason, detail, content_hash "
                               "FROM rejected").fetchall()
        # file by file, records in their order ("line 61" before "line 203")
        rows.sort(key=lambda r: (r[0], [int(t) if t.isdigit() else t
                                        for t in re.split(r"(\d+)", r[1] or "")]))
        return [Rejected(*r) for r in rows]

    # --- articles -------------------------------------------------------------
    def underived_hashes(self) -> list[str]:
        """Raw items with neither an article nor a rejection yet (work left by a crash)."""
        rows = self.db.execute(
            "SELECT content_hash FROM raw_items r WHERE NOT EXISTS (SELECT 1 FROM articles a "
            "WHERE a.content_hash=r.content_hash) AND NOT EXISTS (SELECT 1 FROM rejected j "
            "WHERE j.content_hash=r.content_hash) ORDER BY seq").fetchall()
        return [r[0] for r in rows]

    def put_article(self, a: Article) -> None:
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?)",
                        (a.id, a.content_hash, a.seq, a.lang,
                         a.published.isoformat() if a.published else None,
                         json.dumps(to_jsonable(a), ensure_ascii=False)))

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        rows = self.db.execute("SELECT id, data FROM articles ORDER BY seq").fetchall()
        wanted = set(ids) if ids is not None else None
        return [article_from_json(json.loads(d)) for i, d in rows if wanted is None or i in wanted]

    def article_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def derived_hashes(self) -> set[str]:
        """Raw items that have an article."""
        return {r[0] for r in self.db.execute("SELECT content_hash FROM articles")}

    # --- embeddings cache (also holds MinHash signatures: any per-text array) -----
    def get_vectors(self, text_hashes: list[str], model: str,
                    dtype: DTypeLike = np.float32) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(text_hashes), 500):
            chunk = text_hashes[i:i + 500]
            q = ("SELECT text_hash, vector FROM embeddings WHERE model=? AND text_hash IN (%s)"
                 % ",".join("?" * len(chunk)))
            for h, blob in self.db.execute(q, [model, *chunk]):
                out[h] = np.frombuffer(blob, dtype=dtype)
        return out

    def put_vectors(self, vectors: dict[str, np.ndarray], model: str,
                    dtype: DTypeLike = np.float32) -> None:
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?)",
                                [(h, model, np.asarray(v, dtype).tobytes())
                                 for h, v in vectors.items()])

    # --- events and storylines ------------------------------------------------
    def replace_events(self, events: list[Event], storylines: list[Storyline]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM event_members")
            self.db.execute("DELETE FROM events")
            self.db.execute("DELETE FROM storylines")
            for ev in events:
                self.db.execute("INSERT INTO events VALUES (?,?,?)",
                                (ev.id, ev.date.isoformat() if ev.date else None,
                                 json.dumps(to_jsonable(ev), ensure_ascii=False)))
                self.db.executemany("INSERT INTO event_members VALUES (?,?)",
                                    [(ev.id, m.article_id) for m in ev.members])
            for sl in storylines:
                self.db.execute("INSERT INTO storylines VALUES (?,?)",
                                (sl.id, json.dumps(to_jsonable(sl), ensure_ascii=False)))

    def events(self) -> list[Event]:
        rows = self.db.execute("SELECT data FROM events ORDER BY date, id").fetchall()
        return [event_from_json(json.loads(r[0])) for r in rows]

    def event(self, event_id: str) -> Event | None:
        row = self.db.execute("SELECT data FROM events WHERE id=?", (event_id,)).fetchone()
        return event_from_json(json.loads(row[0])) if row else None

    def storylines(self) -> list[Storyline]:
        rows = self.db.execute("SELECT data FROM storylines ORDER BY id").fetchall()
        return [Storyline(**json.loads(r[0])) for r in rows]

    # --- user overrides and bookkeeping ---------------------------------------
    def add_override(self, action: str, payload: dict[str, Any]) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO overrides(action, payload, created_at) VALUES (?,?,?)",
                            (action, json.dumps(payload), _now()))

    def overrides(self) -> list[tuple[str, dict[str, Any]]]:
        rows = self.db.execute("SELECT action, payload FROM overrides ORDER BY id").fetchall()
        return [(a, json.loads(p)) for a, p in rows]

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))

    def clear_derived(self) -> None:
        """Forget everything derived (articles, events, ...); raw input and overrides stay."""
        with self.transaction():
            for table in DERIVED_TABLES:
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("DELETE FROM rejected WHERE content_hash IS NOT NULL")

    def snapshot(self) -> dict[str, list[tuple]]:
        """Every row of every table except timestamps: to compare two stores in tests."""
        out = {}
        for table, cols in [("raw_items", "content_hash, kind, raw, fields, seq"),
                            ("provenance", "content_hash, origin, locator, kind"),
                            ("rejected", "origin, locator, stage, reason, detail, content_hash"),
                            ("articles", "id, content_hash, seq, lang, published, data"),
                            ("events", "id, date, data"), ("event_members", "*"),
                            ("storylines", "*")]:
            out[table] = sorted(self.db.execute(f"SELECT {cols} FROM {table}").fetchall())
        return out


def _d(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def _dt(v: str | None) -> datetime | None:
    return datetime.fromisoformat(v) if v else None


def article_from_json(d: dict[str, Any]) -> Article:
    d = dict(d)
    d["published"] = _dt(d.get("published"))
    d["dates"] = [DateMention(**{**m, "value": _d(m.get("value"))}) for m in d.get("dates", [])]
    d["removed"] = [RemovedLine(**r) for r in d.get("removed", [])]
    d["quotes"] = [Quote(**q) for q in d.get("quotes", [])]
    return Article(**d)


def event_from_json(d: dict[str, Any]) -> Event:
    d = dict(d)
    d.pop("article_ids", None)
    d["date"] = _d(d.get("date"))
    d["members"] = [Membership(**m) for m in d.get("members", [])]
    d["aspects"] = [Aspect(label=x["label"], languages=x.get("languages", []),
                           passages=[Citation(**c) for c in x.get("passages", [])])
                    for x in d.get("aspects", [])]
    d["quotes"] = [EventQuote(**{**q, "citations": [Citation(**c) for c in q.get("citations", [])]})
                   for q in d.get("quotes", [])]
    d["summary"] = [SummarySentence(text=s["text"], lang=s["lang"],
                                    citations=[Citation(**c) for c in s.get("citations", [])],
                                    conflicts=[Citation(**c) for c in s.get("conflicts", [])],
                                    translation=s.get("translation"))
                    for s in d.get("summary", [])]
    return Event(**d)
