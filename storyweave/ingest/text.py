"""Plain-text articles: the first non-empty line is the title, the rest the body."""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..models import Parsed, RawItem, Rejected
from . import Limits, make_item
from .decode import DecodeError, decode_text

__all__ = ["read", "parse", "split_title"]


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    size = os.path.getsize(path)
    if size > limits.max_bytes:
        yield Rejected(path, "", "ingest", "too-large",
                       f"{size} bytes > limit {limits.max_bytes}; split the file or raise max_bytes")
        return
    with open(path, "rb") as fh:
        yield make_item(path, "txt", fh.read())


def split_title(text: str) -> tuple[str, str]:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1:]).strip("\n")
    return "", ""


def parse(item: RawItem) -> Parsed | Rejected:
    prov = item.provenance
    try:
        text = decode_text(item.raw)
    except DecodeError as exc:
        return Rejected(prov.origin, prov.locator, "decode", exc.reason, str(exc), item.content_hash)
    title, body = split_title(text)
    if not body.strip():
        return Rejected(prov.origin, prov.locator, "parse", "no-body",
                        "only a title line, no article text", item.content_hash)
    return Parsed(title=title, text=body)
