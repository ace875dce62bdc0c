"""Web pages by URL: kind "url" (one http(s) URL on the command line) and kind "urls"
(a .urls text file, one URL per line, `#` comments).

Pages are fetched with the shared polite fetcher and come out as items of kind "html"
(or "txt" for text/plain, or feed entries when the URL is a feed), so the matching
reader parses them and a page reads the same whether saved to disk or fetched.
"""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..fetch import FetchResult, default_fetcher
from ..models import Parsed, RawItem, Rejected
from . import Limits, make_item, open_input

__all__ = ["read", "parse", "fetch_page", "read_url_list"]

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json"}


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    if "://" in path:
        yield from fetch_page(path, limits)
        return
    size = os.path.getsize(path)
    if size > limits.max_bytes:
        yield Rejected(path, "", "ingest", "too-large", f"{size} bytes > limit {limits.max_bytes}")
        return
    for lineno, url in read_url_list(path):
        if not url.startswith(("http://", "https://")):
            yield Rejected(path, f"line {lineno}", "ingest", "bad-url",
                           f"{url[:100]!r} is not an http(s) URL")
            continue
        yield from fetch_page(url, limits, listed_in=f"{path}:{lineno}")


def read_url_list(path: str) -> list[tuple[int, str]]:
    """(line number, URL) for each non-blank, non-comment line of a text list."""
    out: list[tuple[int, str]] = []
    with open_input(path) as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
            if line and not line.startswith("#"):
                out.append((lineno, line.split()[0]))  # allow "URL  # note" style lines
    return out


def fetch_page(url: str, limits: Limits, listed_in: str | None = None,
               **extra: object) -> Iterator[RawItem | Rejected]:
    """Fetch one page; yield an html/txt item, feed entries, or a Rejected."""
    if not url.startswith(("http://", "https://")):
        yield Rejected(url, "", "ingest", "bad-url", "only http(s) URLs can be fetched")
        return
    res = default_fetcher().fetch(url, conditional=False)
    yield from page_items(url, res, limits, listed_in=listed_in, **extra)


def page_items(url: str, res: FetchResult, limits: Limits,
               **extra: object) -> Iterator[RawItem | Rejected]:
    """A FetchResult -> items, shared with the watcher (which has its own fetcher)."""
    if not res.ok:
        yield Rejected(url, "", "ingest", "fetch-failed", f"status {res.status}: {res.error}")
        return
    if len(res.body) > limits.max_bytes:
        yield Rejected(url, "", "ingest", "too-large", f"{len(res.body)} bytes > {limits.max_bytes}")
        return
    mime = res.content_type
    fields = dict(url=res.final_url, fetched_at=res.fetched_at,
                  content_type=res.headers.get("content-type"), **extra)
    if mime in _HTML_TYPES or (not mime and _looks_html(res.body)):
        yield make_item(url, "html", res.body, **fields)
    elif mime == "text/plain":
        yield make_item(url, "txt", res.body, **fields)
    elif mime in _FEED_TYPES or mime.endswith(("+xml", "/xml")):
        from .feeds import feed_entries  # a feed URL given where a page was expected

        yield from feed_entries(res.final_url, res.body)
    else:
        yield Rejected(url, "", "ingest", "not-html", f"{mime or 'unknown type'} at {res.final_url}")


def _looks_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def parse(item: RawItem) -> Parsed | Rejected:
    """Items of kind url/urls are not produced by `read` (it emits html/txt); kept for the
    reader contract: parse as HTML."""
    from . import READERS

    prov = item.provenance
    if "html" not in READERS:
        return Rejected(prov.origin, prov.locator, "parse", "unsupported-type",
                        "web pages need the HTML reader", item.content_hash)
    return READERS["html"].parse(make_item(prov.origin, "html", item.raw, prov.locator,
                                           **item.fields))
