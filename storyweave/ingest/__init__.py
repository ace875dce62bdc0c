"""Ingest: turn paths (files, directories, URLs, stdin) into `RawItem`s, then `Parsed` texts.

Each input kind is a reader module with two functions:

- ``read(path, limits) -> Iterator[RawItem | Rejected]`` splits one file into items
  (one for a text file, one per line of JSONL, one per WARC record, ...);
- ``parse(item) -> Parsed | Rejected`` decodes one item into title/text/metadata.

Nothing raises out of here for bad input: a bad file or record becomes a `Rejected`
with a reason, and the run goes on.
"""
from __future__ import annotations

import bz2
import gzip
import hashlib
import lzma
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

from ..models import Parsed, Provenance, RawItem, Rejected
from .decode import repair_mojibake

__all__ = ["Limits", "iter_inputs", "parse_item", "kind_for_path", "make_item", "READERS",
           "open_input", "read_capped", "TooLarge"]


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024  # one article larger than this is not news text
    max_container_bytes: int = 4 * 1024 ** 3  # JSONL/WARC files are streamed, so may be big


def make_item(origin: str, kind: str, raw: bytes, locator: str = "", **fields) -> RawItem:
    prov = Provenance(origin=origin, kind=kind, locator=locator,
                      ingested_at=datetime.now(timezone.utc))
    return RawItem(provenance=prov, raw=raw, content_hash=hashlib.sha256(raw).hexdigest(),
                   fields={k: v for k, v in fields.items() if v is not None})


_EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".opml": "opml",
    ".warc": "warc", ".warc.gz": "warc",
    ".urls": "urls",
}


# Crawls and archives are often saved compressed (page.html.gz, dump.jsonl.xz): read
# through, the same reader for the inner kind. WARC readers decompress .warc.gz themselves.
_COMPRESSED: dict[str, Callable[..., BinaryIO]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
# What a broken or truncated compressed file raises while it is read.
DECOMPRESSION_ERRORS = (OSError, EOFError, lzma.LZMAError)


def kind_for_path(path: str) -> str | None:
    name = path.lower()
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if name.endswith(ext):
            return _EXTENSIONS[ext]
    for suffix in _COMPRESSED:
        if name.endswith(suffix):
            return kind_for_path(name[:-len(suffix)])
    return None


def open_input(path: str) -> BinaryIO:
    """The file for reading, decompressed on the fly when its name says so."""
    name = path.lower()
    opener = next((o for suffix, o in _COMPRESSED.items() if name.endswith(suffix)), None)
    return opener(path, "rb") if opener else open(path, "rb")


class TooLarge(Exception):
    """More bytes than the limit: the file (or its decompressed content) is not one article."""


def read_capped(path: str, cap: int) -> bytes:
    """All of a file's bytes, decompressed; TooLarge past `cap` bytes, checked as it is read
    so that a small compressed file that expands without end is never held whole."""
    with open_input(path) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        compressed = path.lower().endswith(tuple(_COMPRESSED))
        raise TooLarge(f"more than {cap} bytes{' once decompressed' if compressed else ''}")
    return data


def _readers() -> dict[str, ModuleType]:
    from . import jsonl, text
    readers: dict[str, ModuleType] = {"txt": text, "jsonl": jsonl}
    try:  # optional readers live in their own modules; each registers its kinds
        from . import extra
        readers.update(extra.READERS)
    except ImportError:
        pass
    return readers


READERS = _readers()


def _walk(paths: Iterable[str]) -> Iterator[str]:
    """Files under the given paths, in a stable (sorted) order so reruns see the same order."""
    for p in paths:
        if p == "-" or "://" in p:
            yield p
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield os.path.join(root, f)
        else:
            yield p


def iter_inputs(paths: Iterable[str], limits: Limits = Limits()) -> Iterator[RawItem | Rejected]:
    for path in _walk(paths):
        kind = "stdin" if path == "-" else ("url" if "://" in path else kind_for_path(path))
        if kind not in ("stdin", "url") and not os.path.exists(path):
            yield Rejected(path, "", "ingest", "not-found", "no such file or directory")
            continue
        reader = READERS.get(kind or "")
        if reader is None:
            yield Rejected(path, "", "ingest", "unsupported-type",
                           f"no reader for {Path(path).suffix or 'files without extension'}; "
                           f"supported: {', '.join(sorted(READERS))}")
            continue
        try:
            yield from reader.read(path, limits)
        except TooLarge as exc:
            yield Rejected(path, "", "ingest", "too-large", f"{exc}; raise max_bytes if this is one article")
        except DECOMPRESSION_ERRORS as exc:
            yield Rejected(path, "", "ingest", "unreadable", f"{type(exc).__name__}: {exc}")


def parse_item(item: RawItem) -> Parsed | Rejected:
    reader = READERS.get(item.provenance.kind)
    if reader is None:
        return Rejected(item.provenance.origin, item.provenance.locator, "parse",
                        "unsupported-type", item.provenance.kind, item.content_hash)
    try:
        parsed = reader.parse(item)
    except Exception as exc:  # a parser bug must not stop the run: report it as a rejection
        return Rejected(item.provenance.origin, item.provenance.locator, "parse",
                        "parser-error", f"{type(exc).__name__}: {exc}", item.content_hash)
    if isinstance(parsed, Parsed):
        parsed.title, parsed.text = repair_mojibake(parsed.title), repair_mojibake(parsed.text)
    return parsed
