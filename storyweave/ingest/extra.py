"""Readers beyond plain text and JSONL, each in its own module, registered by kind."""
from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["READERS"]

_MODULES = {"html": "html", "feed": "feeds", "opml": "feeds", "warc": "warc",
            "urls": "urls", "url": "urls", "stdin": "stdin"}


def _load() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for kind, mod in _MODULES.items():
        try:
            found[kind] = importlib.import_module(f"{__package__}.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{mod}":
                raise  # a missing dependency is a real error, not an absent reader
    return found


READERS = _load()
