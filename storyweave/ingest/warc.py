"""WARC archives (kind "warc", .warc and .warc.gz): one item per HTML/text response.

Crawls are big and often cut short (a crawler killed mid-write leaves a truncated
gzip member), so records are streamed, and damage ends the file with a `Rejected`
for "the rest of the file" while everything read before it is kept.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from ..models import Parsed, RawItem, Rejected
from . import Limits, make_item

__all__ = ["read", "parse", "ARTICLE_TYPES"]

ARTICLE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
# Records that never hold a page we fetched: skipped silently (they are bookkeeping).
_SKIP_RECORDS = {"request", "metadata", "warcinfo", "revisit", "continuation", "conversion"}
_CHUNK = 1 << 16


def _iterator(fh: Any) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    class _Iter(ArchiveIterator):
        """warcio ends quietly at a truncated gzip member; remember whether it was complete."""

        complete = True

        def close(self) -> None:
            # Relies on warcio internals (reader.decompressor is a zlib object with .eof);
            # getattr keeps this harmless if a later warcio changes them.
            reader = getattr(self, "reader", None)
            decomp = getattr(reader, "decompressor", None) if reader is not None else None
            if decomp is not None and getattr(decomp, "eof", True) is False:
                self.complete = False
            super().close()

    return _Iter(fh, arc2warc=False)


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    size = os.path.getsize(path)
    if size > limits.max_container_bytes:
        yield Rejected(path, "", "ingest", "too-large", f"{size} bytes > {limits.max_container_bytes}")
        return
    if size == 0:
        yield Rejected(path, "", "ingest", "empty", "empty WARC file")
        return
    with open(path, "rb") as fh:
        yield from _records(path, fh, limits)


def _records(path: str, fh: Any, limits: Limits) -> Iterator[RawItem | Rejected]:
    it = _iterator(fh)
    n = 0
    try:
        for n, record in enumerate(it, start=1):
            loc = f"record {n}"
            problem = _malformed(record)
            if problem:
                yield Rejected(path, loc, "ingest", "bad-warc",
                               f"{problem}; rest of file skipped, {n - 1} records before it kept")
                return
            out = _record_item(path, loc, record, limits)
            if _drain_truncated(record):
                yield Rejected(path, loc, "ingest", "truncated-warc",
                               f"file ends inside record {n}; {n - 1} records before it kept")
                return
            if out is not None:
                yield out
    except Exception as exc:  # warcio raises many types (ArchiveLoadFailed, ValueError, ...)
        msg = "".join(c if c.isprintable() else "?" for c in str(exc))[:200]  # junk bytes
        yield Rejected(path, f"record {n + 1}", "ingest", "bad-warc",
                       f"{type(exc).__name__}: {msg}; {n} records before it kept")
        return
    if not it.complete:
        yield Rejected(path, f"record {n + 1}", "ingest", "truncated-warc",
                       f"gzip stream cut off after record {n}; the records before it were kept")
    elif n == 0:
        yield Rejected(path, "", "ingest", "bad-warc", "no WARC records found")


def _malformed(record: Any) -> str:
    """Why a record cannot be trusted; warcio hands back junk as a header-less record."""
    if getattr(record, "format", "warc") != "warc":
        return f"not a WARC record (found {record.format})"
    if not record.rec_type or record.rec_headers.get_header("Content-Length") is None:
        line = str(getattr(record.rec_headers, "statusline", ""))[:60]
        return f"corrupt record header {line!r}"
    return ""


def _drain_truncated(record: Any) -> bool:
    """Read what is left of the record; True if the file ended before its Content-Length."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return getattr(stream, "limit", 0) > 0


def _record_item(path: str, loc: str, record: Any, limits: Limits) -> RawItem | Rejected | None:
    rtype = record.rec_type
    if rtype in _SKIP_RECORDS or rtype not in ("response", "resource"):
        return None
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    http = record.http_headers
    status = http.get_statuscode() if (rtype == "response" and http is not None) else "200"
    ctype = (http.get_header("Content-Type") if http is not None
             else headers.get_header("Content-Type")) or ""
    mime = ctype.split(";")[0].strip().lower()
    if not str(status).startswith("2"):
        return Rejected(path, loc, "ingest", "http-status", f"HTTP {status} for {uri}")
    if mime and mime not in ARTICLE_TYPES:
        return Rejected(path, loc, "ingest", "not-html", f"{mime} for {uri}")
    try:  # content_stream undoes chunking and Content-Encoding, which can be broken
        body = record.content_stream().read(limits.max_bytes + 1)
    except Exception as exc:
        return Rejected(path, loc, "ingest", "bad-record", f"{uri}: {type(exc).__name__}: {exc}"[:300])
    if len(body) > limits.max_bytes:
        return Rejected(path, loc, "ingest", "too-large",
                        f"payload over {limits.max_bytes} bytes for {uri}")
    if not mime and not _sniff_html(body):  # servers often omit the type; peek at the bytes
        return Rejected(path, loc, "ingest", "not-html", f"no content type, not HTML: {uri}")
    return make_item(path, "warc", body, loc, url=uri or None,
                     fetched_at=headers.get_header("WARC-Date"),
                     content_type=mime or "text/html", content_type_header=ctype or None,
                     record_id=headers.get_header("WARC-Record-ID"))


def _sniff_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml"))


def parse(item: RawItem) -> Parsed | Rejected:
    prov = item.provenance
    url = item.fields.get("url")
    if item.fields.get("content_type") == "text/plain":
        from . import text  # a plain-text page reads like a .txt file

        inner = text.parse(make_item(prov.origin, "txt", item.raw, prov.locator))
    else:
        from . import READERS  # late: the HTML reader is optional

        if "html" not in READERS:
            return Rejected(prov.origin, prov.locator, "parse", "unsupported-type",
                            "WARC pages need the HTML reader", item.content_hash)
        # The header charset matters for legacy pages without a <meta charset>.
        inner = READERS["html"].parse(make_item(prov.origin, "html", item.raw, prov.locator,
                                                url=url, fetched_at=item.fields.get("fetched_at"),
                                                content_type=item.fields.get("content_type_header")))
    if isinstance(inner, Parsed) and not inner.url:
        inner.url = url
    return inner
