"""HTML files: one article per .html/.htm file, main text and metadata via `htmlextract`."""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..models import Parsed, RawItem, Rejected
from . import Limits, make_item, read_capped

__all__ = ["read", "parse"]


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    size = os.path.getsize(path)
    if size > limits.max_bytes:
        yield Rejected(path, "", "ingest", "too-large",
                       f"{size} bytes > limit {limits.max_bytes}; raise max_bytes if this is one article")
        return
    yield make_item(path, "html", read_capped(path, limits.max_bytes))


def parse(item: RawItem) -> Parsed | Rejected:
    # imported here so that listing readers does not pay for trafilatura/lxml at start-up
    from ..htmlextract import extract

    prov = item.provenance
    url = item.fields.get("url")
    result = extract(item.raw, url=str(url) if url else None)
    if isinstance(result, Rejected):
        # extract() only knows the URL; report the file (or JSONL line) the item came from
        result.origin, result.locator = prov.origin, prov.locator
        result.content_hash = item.content_hash
        if url and url != prov.origin:
            result.detail = f"{result.detail} (url {url})"
    return result
