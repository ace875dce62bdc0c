"""Watch feeds: poll RSS/Atom feeds, yield entries not seen before, fetch full pages
for teaser-only feeds.

All memory lives in `state`, a JSON-serialisable dict the caller persists between
runs (after each `on_items` call is a good moment):

    {"seen": {feed: [entry keys...]},       # entry id, else link, else content hash
     "http": {url: {"etag": ..., "last_modified": ...}},  # shared with the Fetcher
     "files": {path: [mtime_ns, size]}}      # local feed files, our "304"
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

from .fetch import Fetcher
from .ingest import Limits
from .ingest.feeds import feed_entries, opml_feed_urls
from .ingest.urls import page_items, read_url_list
from .models import RawItem, Rejected

__all__ = ["FeedWatcher", "load_feed_list"]

log = logging.getLogger(__name__)

Item: TypeAlias = RawItem | Rejected


class FeedWatcher:
    def __init__(self, fetcher: Fetcher, feeds: list[str], state: dict[str, Any] | None = None,
                 *, limits: Limits = Limits(), fetch_full: bool = True,
                 max_seen: int = 5000) -> None:
        self.fetcher = fetcher
        self.feeds = list(feeds)
        self.state: dict[str, Any] = state if state is not None else {}
        self.limits = limits
        self.fetch_full = fetch_full
        self.max_seen = max_seen  # per feed; bounded so months of polling stay small
        self.state.setdefault("seen", {})
        self.state.setdefault("files", {})
        # One persisted dict for the HTTP validators: saved state wins over the fetcher's.
        http: dict[str, dict[str, str]] = self.state.setdefault("http", {})
        for url, v in fetcher.validators.items():
            http.setdefault(url, v)
        fetcher.validators = http

    def poll_once(self) -> Iterator[Item]:
        """One round over all feeds: new entries (or their full pages) and rejections."""
        for feed in self.feeds:
            data = self._load(feed)
            if isinstance(data, Rejected):
                yield data
            elif data is not None:
                yield from self._new_entries(feed, data)

    def run_forever(self, interval_s: float, on_items: Callable[[list[Item]], None],
                    stop_event: threading.Event) -> None:
        """Poll every `interval_s` seconds until `stop_event` is set. `on_items` gets each
        round's items (possibly an empty list) and is the place to persist `state`."""
        while not stop_event.is_set():
            started = time.monotonic()
            try:
                items = list(self.poll_once())
            except Exception:  # a bug in one round must not end weeks of watching
                log.exception("feed polling round failed")
                items = []
            on_items(items)
            stop_event.wait(max(0.0, interval_s - (time.monotonic() - started)))

    # -- internals ----------------------------------------------------------
    def _load(self, feed: str) -> bytes | Rejected | None:
        """Feed bytes, None when unchanged since the last poll, or a Rejected."""
        if feed.startswith(("http://", "https://")):
            res = self.fetcher.fetch(feed, conditional=True)
            if res.not_modified:
                return None
            if not res.ok:
                return Rejected(feed, "", "ingest", "fetch-failed", f"status {res.status}: {res.error}")
            return res.body
        try:
            st = os.stat(feed)
            stamp = [st.st_mtime_ns, st.st_size]
            if self.state["files"].get(feed) == stamp:
                return None
            with open(feed, "rb") as fh:
                data = fh.read(self.limits.max_bytes * 5 + 1)
        except OSError as exc:
            return Rejected(feed, "", "ingest", "not-found", str(exc))
        self.state["files"][feed] = stamp
        return data

    def _new_entries(self, feed: str, data: bytes) -> Iterator[Item]:
        seen_list: list[str] = self.state["seen"].setdefault(feed, [])
        seen = set(seen_list)
        current = 0
        for out in feed_entries(feed, data, reject_empty=False):
            if isinstance(out, Rejected):
                yield out
                continue
            current += 1
            key = str(out.fields.get("entry_id") or out.fields.get("url") or out.content_hash)
            if key in seen:
                continue
            seen.add(key)
            seen_list.append(key)
            if self.fetch_full and out.fields.get("summary_only") and out.fields.get("url"):
                yield self._full_page(feed, out)
            else:
                yield out
        # Keep at least twice what the feed shows now, so entries still listed are never
        # forgotten (and re-yielded) when the list is trimmed.
        keep = max(self.max_seen, 2 * current)
        del seen_list[:-keep]

    def _full_page(self, feed: str, entry: RawItem) -> RawItem:
        """The article page for a teaser entry; the teaser itself if the page can't be had."""
        url = str(entry.fields["url"])
        res = self.fetcher.fetch(url, conditional=False)
        extra = {k: entry.fields.get(k) for k in ("title", "published", "source", "entry_id")}
        for out in page_items(url, res, self.limits, feed_url=feed, **extra):
            if isinstance(out, RawItem) and out.provenance.kind in ("html", "txt"):
                return out
            detail = out.reason + ": " + out.detail if isinstance(out, Rejected) else "not a page"
            break
        else:
            detail = "no page"
        # Better a short article than none: keep the summary, noting why.
        entry.fields["full_fetch_error"] = detail
        return entry


def load_feed_list(path: str) -> list[str]:
    """Feeds to watch from an OPML file or a text list (one URL/path per line, # comments).

    Relative paths are taken relative to the list's folder. Raises OSError if the file
    can't be read and ValueError if it holds no feeds: the watcher has nothing to do then.
    """
    with open(path, "rb") as fh:
        data = fh.read()
    base = os.path.dirname(path)
    if path.lower().endswith((".opml", ".xml")) or data.lstrip().startswith(b"<"):
        found = opml_feed_urls(data)
        if found is None:
            raise ValueError(f"{path}: not a readable OPML file")
        refs = found
    else:
        refs = [url for _, url in read_url_list(path)]
    feeds = [r if "://" in r or os.path.isabs(r) else os.path.join(base, r) for r in refs]
    if not feeds:
        raise ValueError(f"{path}: no feeds listed")
    return feeds
