"""One pymorphy3 analyzer per language for the process (each holds its dictionary)."""
from __future__ import annotations

from functools import lru_cache

__all__ = ["likeliest", "morph_for"]

# pymorphy3's Ukrainian dictionary writes the apostrophe as ASCII "'"; news writes "’" or
# "ʼ" ("Ф’юрі", "В’ячеслав", "Слов’янськ"), which it would read as unknown words and guess
# wrong lemmas for ("Ф’юрі" -> "ф’юра", a dative of a feminine noun).
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


class _Analyzer:
    """A pymorphy3 analyzer that reads every apostrophe as its dictionary writes it."""

    def __init__(self, lang: str):
        import pymorphy3

        self._morph = pymorphy3.MorphAnalyzer(lang=lang)

    def parse(self, word: str):
        return self._morph.parse(word.translate(_APOSTROPHES))


@lru_cache(maxsize=4)
def morph_for(lang: str) -> _Analyzer:
    """The pymorphy3 analyzer of "uk" or "ru", loaded once."""
    return _Analyzer(lang)


@lru_cache(maxsize=100_000)
def likeliest(lang: str, word: str):
    """pymorphy3's likeliest reading of a word ("uk" or "ru"), cached: a look-up costs
    ~0.1 ms, and names and their neighbours recur across the reports of an event."""
    return morph_for(lang).parse(word)[0]
