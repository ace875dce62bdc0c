"""Places in Arabic text, from CLDR's Arabic names of the gazetteer's countries and cities.

Arabic has no capitals, so entities.py's name test finds nothing in it, and no Arabic NER
model installs offline (see ../shared/OFFLINE_STACK.md). What can be found without one is
the places a gazetteer lists, under the same keys as their names in other languages, so an
Arabic report of a Cairo event shares "Cairo" and "Egypt" with the English and French ones.
Written by hand because the lookup must see through Arabic's clitics: "and", "so", "in",
"for" and the article are written onto the word ("وبالقاهرة" = and in Cairo,
"للعراق" = for Iraq).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import arabic_place_names

__all__ = ["arabic_places", "normalise"]

_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3]+")
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # short vowels, shadda, tatweel
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
# Country names CLDR gives only in their formal form, in the form news writes them.
_SHORT_FORMS = {"السعودية": "Saudi Arabia", "امريكا": "United States", "الامارات": "United Arab Emirates",
                "فلسطين": "Palestinian Territories", "بريطانيا": "United Kingdom"}
# Places whose Arabic name is also a common word: "مالي" (Mali) is "financial", "ترك" (Chuuk)
# "left".
_COMMON_WORDS = {"مالي", "ترك"}


def normalise(word: str) -> str:
    """Without short vowels and tatweel, one letter for the alef forms and for ى/ي."""
    return _MARKS.sub("", word).translate(_ALEF)


def _bare_forms(word: str) -> list[str]:
    """The word and its forms without conjunction, preposition and article prefixes."""
    forms = [word]
    if len(word) > 3 and word[0] in "وف":
        forms.append(word[1:])
    for w in list(forms):
        if w.startswith("لل") and len(w) > 4:
            forms.append("ال" + w[2:])  # ل + ال is written "لل"
        elif len(w) > 3 and w[0] in "بل":  # not ك "like": "كواليس" is backstage, not Wallis
            forms.append(w[1:])
    return forms


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, ...], str], int]:
    """{normalised words of a place's Arabic name: its English name}, longest name length."""
    table = {tuple(normalise(w) for w in name.split()): english
             for name, english in {**arabic_place_names(), **_SHORT_FORMS}.items()
             if name not in _COMMON_WORDS}
    return table, max(len(k) for k in table)


def arabic_places(text: str) -> list[tuple[str, str]]:
    """(English name, Arabic name as the gazetteer writes it) of each place named in
    `text`, in order; a name of several words ("الولايات المتحدة") counts once."""
    table, longest = _table()
    words = [normalise(w) for w in _WORD.findall(text)]
    out, i = [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            rest = tuple(words[i + 1:i + n])
            bare = next((f for f in _bare_forms(words[i]) if (f, *rest) in table), None)
            if bare:
                out.append((table[(bare, *rest)], " ".join((bare, *rest))))
                i += n
                break
        else:
            i += 1
    return out
