"""One pymorphy3 analyzer per language for the process (each holds its dictionary)."""
from __future__ import annotations

from functools import lru_cache

__all__ = ["likeliest", "morph_for"]


@lru_cache(maxsize=4)
def morph_for(lang: str):
    """The pymorphy3 analyzer of "uk" or "ru", loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=100_000)
def likeliest(lang: str, word: str):
    """pymorphy3's likeliest reading of a word ("uk" or "ru"), cached: a look-up costs
    ~0.1 ms, and names and their neighbours recur across the reports of an event."""
    return morph_for(lang).parse(word)[0]
