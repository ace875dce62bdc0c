"""JSONL: one article per line with optional title, text, html, url, source, published, lang."""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from ..models import Parsed, RawItem, Rejected
from . import Limits, make_item, open_input
from .decode import DecodeError, decode_text
from .text import split_title

__all__ = ["read", "parse", "parse_published"]


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    size = os.path.getsize(path)
    if size > limits.max_container_bytes:
        yield Rejected(path, "", "ingest", "too-large", f"{size} bytes > {limits.max_container_bytes}")
        return
    with open_input(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            loc = f"line {lineno}"
            if len(line) > limits.max_bytes:
                yield Rejected(path, loc, "ingest", "too-large",
                               f"record of {len(line)} bytes > limit {limits.max_bytes}")
                continue
            yield make_item(path, "jsonl", line.rstrip(b"\r\n"), loc)


def parse_published(value: Any) -> datetime | None:
    """ISO-8601 strings or Unix seconds/milliseconds; naive times are taken as UTC."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, (int, float)):
            secs = value / 1000 if value > 1e11 else value
            return datetime.fromtimestamp(secs, tz=timezone.utc)
        dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        import dateparser  # slower, only for the odd formats feeds and scrapers produce

        dt = dateparser.parse(str(value), languages=None, settings={"RETURN_AS_TIMEZONE_AWARE": True})
        if dt is None:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def parse(item: RawItem) -> Parsed | Rejected:
    prov = item.provenance

    def reject(reason: str, detail: str) -> Rejected:
        return Rejected(prov.origin, prov.locator, "parse", reason, detail, item.content_hash)

    try:
        record = json.loads(decode_text(item.raw))
    except DecodeError as exc:
        return reject(exc.reason, str(exc))
    except json.JSONDecodeError as exc:
        return reject("bad-json", f"{exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return reject("bad-json", f"expected an object per line, got {type(record).__name__}")
    title, text = str(record.get("title") or ""), str(record.get("text") or "")
    html = record.get("html")
    if html and not text:
        from . import READERS  # HTML records are cleaned like HTML files

        if "html" not in READERS:
            return reject("unsupported-type", "HTML records need the HTML reader")
        inner = READERS["html"].parse(make_item(prov.origin, "html", str(html).encode("utf-8"),
                                                prov.locator, url=record.get("url")))
        if isinstance(inner, Rejected):
            return inner
        title, text = title or inner.title, inner.text
    guessed = not title and bool(text)
    if guessed:
        title, text = split_title(text)
    if not text.strip() and not title.strip():
        return reject("empty", "record has neither title nor text")
    return Parsed(title=title.strip(), text=text.strip(), html=html,
                  url=record.get("url"), source=record.get("source"),
                  published=parse_published(record.get("published")),
                  published_source="metadata" if record.get("published") else None,
                  lang=record.get("lang"), title_guessed=guessed)
