"""Standard input (path "-"): JSONL when the first non-blank character is "{", else one
plain-text article. Items get kind "jsonl"/"txt" so those readers parse them."""
from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..models import Parsed, RawItem, Rejected
from . import Limits, make_item

__all__ = ["read", "read_stream", "parse", "ORIGIN"]

ORIGIN = "<stdin>"
_BLANK = b" \t\r\n\x0b\x0c"


def read(path: str, limits: Limits) -> Iterator[RawItem | Rejected]:
    yield from read_stream(sys.stdin.buffer, limits)


def read_stream(stream: BinaryIO, limits: Limits, origin: str = ORIGIN) -> Iterator[RawItem | Rejected]:
    """Split a byte stream into items; streamed, so a long JSONL pipe is never held whole."""
    head = _read_to_first_char(stream, limits.max_bytes)
    body = head.lstrip(_BLANK)
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:].lstrip(_BLANK)
    if not body:
        yield Rejected(origin, "", "ingest", "empty", "nothing on standard input")
    elif body.startswith(b"{"):
        yield from _jsonl(head, stream, limits, origin)
    else:
        rest = stream.read(max(0, limits.max_bytes + 1 - len(head)))
        data = head + rest
        if len(data) > limits.max_bytes:
            yield Rejected(origin, "", "ingest", "too-large",
                           f"more than {limits.max_bytes} bytes of text on standard input")
            return
        yield make_item(origin, "txt", data)


def _read_to_first_char(stream: BinaryIO, cap: int) -> bytes:
    """Read until something other than blanks/BOM arrives (or EOF, or `cap` bytes)."""
    buf = bytearray()
    while len(buf) <= cap:
        chunk = stream.read1(4096) if hasattr(stream, "read1") else stream.read(4096)
        if not chunk:
            break
        buf += chunk
        if bytes(buf).lstrip(_BLANK).lstrip(b"\xef\xbb\xbf").lstrip(_BLANK):
            break
    return bytes(buf)


class _Prepend(io.RawIOBase):
    """The bytes already peeked at, then the rest of the stream, as one readable stream."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head = head
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        if self.head:
            n = min(len(buf), len(self.head))
            buf[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        reader = getattr(self.stream, "read1", self.stream.read)
        data = reader(len(buf))
        buf[:len(data)] = data
        return len(data)


def _jsonl(head: bytes, stream: BinaryIO, limits: Limits, origin: str) -> Iterator[RawItem | Rejected]:
    reader = io.BufferedReader(_Prepend(head, stream))
    cap = limits.max_bytes + 2  # never hold more than one record's worth of a line
    lineno = 0
    while True:
        line = reader.readline(cap)
        if not line:
            return
        lineno += 1
        if not line.endswith(b"\n") and len(line) >= cap:
            while (more := reader.readline(cap)) and not more.endswith(b"\n"):
                pass  # skip the rest of an over-long line
            yield Rejected(origin, f"line {lineno}", "ingest", "too-large",
                           f"record over {limits.max_bytes} bytes")
            continue
        yield from _jsonl_line(line, lineno, limits, origin)


def _jsonl_line(piece: bytes, lineno: int, limits: Limits, origin: str) -> Iterator[RawItem | Rejected]:
    if not piece.strip():
        return
    loc = f"line {lineno}"
    if len(piece) > limits.max_bytes:
        yield Rejected(origin, loc, "ingest", "too-large", f"record over {limits.max_bytes} bytes")
        return
    yield make_item(origin, "jsonl", piece.rstrip(b"\r\n").lstrip(b"\xef\xbb\xbf"), loc)


def parse(item: RawItem) -> Parsed | Rejected:
    """Items from `read` carry kind jsonl/txt; a kind "stdin" item is sniffed the same way."""
    from . import jsonl, text

    prov = item.provenance
    if item.raw.lstrip(_BLANK).lstrip(b"\xef\xbb\xbf").startswith(b"{"):
        return jsonl.parse(make_item(prov.origin, "jsonl", item.raw, prov.locator))
    return text.parse(make_item(prov.origin, "txt", item.raw, prov.locator))
