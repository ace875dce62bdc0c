"""RSS/Atom feeds (kind "feed") and OPML feed lists (kind "opml").

One `RawItem` per feed entry. Its `raw` is a canonical JSON serialisation of the entry
as feedparser read it (id, link, title, dates, summary and content strings unchanged),
so an item is self-contained and can be re-parsed without the feed, and two entries
with the same teaser text still get different content hashes.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from html.parser import HTMLParser
from typing import Any

from ..models import Parsed, RawItem, Rejected
from . import Limits, kind_for_path, make_item, read_capped
from .jsonl import parse_published

__all__ = ["read", "parse", "feed_entries", "opml_feed_urls", "strip_tags", "SUMMARY_ONLY_CHARS"]

# An entry without <content> whose summary is shorter than this (as text) is a teaser:
# the watcher then fetches the article page for the full text.
SUMMARY_ONLY_CHARS = 1000
# feedparser holds a whole feed in memory, so feeds get a smaller cap than WARC/JSONL.
_FEED_SIZE_FACTOR = 5


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    size = os.path.getsize(path)
    cap = limits.max_bytes * _FEED_SIZE_FACTOR
    if size > cap:
        yield Rejected(path, "", "ingest", "too-large", f"{size} bytes > feed limit {cap}")
        return
    data = read_capped(path, cap)
    # OPML lists are often saved as .xml (the feed extension): sniff the root element.
    if kind_for_path(path) == "opml" or b"<opml" in data[:2048].lower():
        yield from _read_opml(path, data, limits)
    else:
        yield from feed_entries(path, data)


def feed_entries(origin: str, data: bytes, *, reject_empty: bool = True) -> Iterator[RawItem | Rejected]:
    """Feed bytes -> one item per entry; a feed that cannot be read -> one Rejected."""
    import feedparser  # imported lazily: it is slow to import and only feeds need it

    try:  # bytes, never a string: given a string feedparser would fetch URLs or open files
        doc = feedparser.parse(data)
    except Exception as exc:  # feedparser is lenient but has crashed on odd input before
        yield Rejected(origin, "", "ingest", "bad-feed", f"{type(exc).__name__}: {exc}")
        return
    entries = list(doc.get("entries") or [])
    if not entries:
        if doc.get("bozo"):
            why = doc.get("bozo_exception")
            yield Rejected(origin, "", "ingest", "bad-feed",
                           f"not a readable RSS/Atom feed: {type(why).__name__}: {why}"[:300])
        elif reject_empty:
            reason = "empty" if doc.get("version") else "bad-feed"
            yield Rejected(origin, "", "ingest", reason, "feed has no entries" if doc.get("version")
                           else "no RSS/Atom structure found")
        return
    feed = doc.get("feed") or {}
    source = _clean(feed.get("title")) or None
    lang = feed.get("language") or None
    for i, entry in enumerate(entries, start=1):
        yield _entry_item(origin, f"entry {i}", entry, source, lang)


def _entry_item(origin: str, locator: str, entry: Any, source: str | None,
                lang: str | None) -> RawItem | Rejected:
    content = _best_content(entry.get("content") or [])
    summary = str(entry.get("summary") or "")
    record = {
        "id": entry.get("id") or None, "link": entry.get("link") or None,
        "title": _clean(entry.get("title")), "published": _iso(entry),
        "author": entry.get("author") or None, "summary": summary, "content": content,
        "source": source, "lang": (entry.get("language") or lang),
    }
    if not (record["title"] or summary.strip() or content.strip()):
        return Rejected(origin, locator, "ingest", "empty", "feed entry has no title, summary or content")
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    teaser = not content.strip() and len(strip_tags(summary)) < SUMMARY_ONLY_CHARS
    return make_item(origin, "feed", raw, locator, url=record["link"], title=record["title"],
                     published=record["published"], source=source, entry_id=record["id"],
                     summary_only=teaser)


def _best_content(contents: list[Any]) -> str:
    """Feeds may carry several <content> variants (text and html): keep the longest."""
    values = [str(c.get("value") or "") for c in contents if isinstance(c, dict)]
    return max(values, key=len, default="")


def _iso(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                y, mo, d, h, mi, sec = t[:6]
                return datetime(y, mo, d, h, mi, min(sec, 59), tzinfo=timezone.utc).isoformat()
            except (TypeError, ValueError):
                continue
    # feedparser could not normalise the date: keep the feed's own string for dateparser.
    text = entry.get("published") or entry.get("updated")
    return str(text) if text else None


def _clean(value: Any) -> str:
    return " ".join(strip_tags(str(value or "")).split())


def parse(item: RawItem) -> Parsed | Rejected:
    prov = item.provenance

    def reject(reason: str, detail: str) -> Rejected:
        return Rejected(prov.origin, prov.locator, "parse", reason, detail, item.content_hash)

    try:
        record = json.loads(item.raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return reject("bad-feed", f"feed entry is not the JSON the feed reader writes: {exc}")
    if not isinstance(record, dict):
        return reject("bad-feed", "feed entry is not a JSON object")
    body = str(record.get("content") or "") or str(record.get("summary") or "")
    title = str(record.get("title") or "")
    text, html = _body_text(item, body, record.get("link"))
    if not text.strip():
        if title:
            return reject("no-body", "feed entry has only a title; fetch its link for the text")
        return reject("empty", "feed entry has no text")
    published = parse_published(record.get("published"))
    return Parsed(title=title or text.split("\n", 1)[0][:200], text=text, html=html,
                  url=record.get("link"), source=record.get("source"), published=published,
                  published_source="metadata" if published else None,
                  lang=record.get("lang"), author=record.get("author"), title_guessed=not title)


def _body_text(item: RawItem, body: str, url: str | None) -> tuple[str, str | None]:
    """Plain text of an entry body; HTML goes through the HTML reader when there is one."""
    if "<" not in body or ">" not in body:
        return body.strip(), None
    stripped = strip_tags(body)
    from . import READERS  # late: the HTML reader is optional and registered after us

    reader = READERS.get("html")
    if reader is not None:
        inner = reader.parse(make_item(item.provenance.origin, "html", body.encode("utf-8"),
                                       item.provenance.locator, url=url))
        # Boilerplate removal is tuned for whole pages; on a short entry it can eat the
        # article itself, so keep its result only if most of the text survived.
        if isinstance(inner, Parsed) and len(inner.text) >= 0.5 * len(stripped):
            return inner.text.strip(), body
    return stripped, body


class _TextCollector(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "tr", "table", "section", "article", "figure", "pre", "hr"}
    _SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def strip_tags(html: str) -> str:
    """HTML fragment -> text with paragraph breaks (stdlib parser: tolerant, never raises)."""
    if "<" not in html and "&" not in html:
        return html.strip()
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # HTMLParser is lenient; this only guards against parser bugs
        pass
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# -- OPML ------------------------------------------------------------------

def opml_feed_urls(data: bytes) -> list[str] | None:
    """Feed URLs/paths in an OPML document (xmlUrl of each outline); None if not XML."""
    from lxml import etree

    # No entity resolution and no network: an OPML file from elsewhere must not read
    # local files or make requests through XML entities.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    urls: list[str] = []
    for el in root.iter("{*}outline"):
        url = (el.get("xmlUrl") or el.get("xmlurl") or "").strip()
        if not url and (el.get("type") or "").lower() in ("rss", "atom", "feed"):
            url = (el.get("url") or "").strip()
        if url and url not in urls:
            urls.append(url)
    return urls


def _read_opml(path: str, data: bytes, limits: Limits) -> Iterator[RawItem | Rejected]:
    urls = opml_feed_urls(data)
    if urls is None:
        yield Rejected(path, "", "ingest", "bad-opml", "not an XML/OPML document")
        return
    if not urls:
        yield Rejected(path, "", "ingest", "empty", "OPML has no outline with an xmlUrl")
        return
    base = os.path.dirname(path)
    for ref in urls:
        if ref.startswith(("http://", "https://")):
            yield from _fetch_feed(ref, limits)
        elif "://" in ref:
            yield Rejected(path, ref, "ingest", "bad-url", "only http(s) URLs and local paths")
        else:
            local = ref if os.path.isabs(ref) else os.path.join(base, ref)
            if not os.path.isfile(local):
                yield Rejected(local, "", "ingest", "not-found", f"feed listed in {path} not found")
                continue
            yield from read(local, limits)


def _fetch_feed(url: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    from ..fetch import default_fetcher

    res = default_fetcher().fetch(url, conditional=False)
    if not res.ok:
        yield Rejected(url, "", "ingest", "fetch-failed", f"status {res.status}: {res.error}")
        return
    yield from feed_entries(res.final_url or url, res.body)
