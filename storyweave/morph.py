"""One pymorphy3 analyzer per language for the process (each holds its dictionary)."""
from __future__ import annotations

from functools import lru_cache

__all__ = ["morph_for"]


@lru_cache(maxsize=4)
def morph_for(lang: str):
    """The pymorphy3 analyzer of "uk" or "ru", loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)
