"""Plain-text articles: the first non-empty line is the title, the rest the body."""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..entities import SENTENCE_BREAK
from ..models import Parsed, RawItem, Rejected
from . import Limits, make_item, read_capped
from .decode import DecodeError, decode_text

__all__ = ["read", "parse", "split_title"]


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    size = os.path.getsize(path)
    if size > limits.max_bytes:
        yield Rejected(path, "", "ingest", "too-large",
                       f"{size} bytes > limit {limits.max_bytes}; split the file or raise max_bytes")
        return
    yield make_item(path, "txt", read_capped(path, limits.max_bytes))


# A headline is rarely longer; a first line this long is the story itself, on one line.
MAX_TITLE = 300


def split_title(text: str) -> tuple[str, str]:
    """The first non-empty line as the title, the rest as the body. A whole article on one
    line (common in dumps and data sets) would otherwise be all title and no body (a plain
    text file of it rejected as "no-body"): then its first sentence is the title and the
    rest of the line opens the body, as a headline and its story."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            first, rest = line.strip(), "\n".join(lines[i + 1:]).strip("\n")
            if len(first) <= MAX_TITLE:
                return first, rest
            head, tail = _first_sentence(first)
            return head, (tail + "\n" + rest).strip()
    return "", ""


def _first_sentence(line: str) -> tuple[str, str]:
    """(the line's first sentence, the rest); a first sentence too long for a title is
    cut at a word, and the rest of it stays in the body."""
    parts = SENTENCE_BREAK.split(line, maxsplit=1)
    head, tail = parts[0].strip(), (parts[-1] if len(parts) > 1 else "").strip()
    if len(head) <= MAX_TITLE:
        return head, tail
    cut = head[:MAX_TITLE].rsplit(" ", 1)[0]
    return cut + "…", (head[len(cut):].strip() + " " + tail).strip()


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
    return Parsed(title=title, text=body, title_guessed=True)
