"""Name keys: one key per name across scripts, languages and inflections ("Вашингтон",
"Washington", "Waszyngton" -> one skeleton; "США", "États-Unis", "American" -> the United
States' key; "Госдепартамент" -> the State Department's). The extractor (entities.py)
finds the names; this module only says which key a written word or lemma has, so the
many readers of keys (actors, aspects, quotes, summaries, the benchmarks) need not load
the extractor.
"""
from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from .chinese import pinyin
from .gazetteer import (country_abbreviation, country_name, country_phrases, english_demonym,
                        organisation_abbreviation, phrase_form, place_aliases)
from .organisations import organisation_codes

__all__ = ["country_key", "cyrillic", "name_key", "organisation_keys"]

_SKELETON_RULES = [("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("ph", "f"), ("th", "t"), ("kh", "h"), ("ck", "k"), ("q", "k"),
                   ("x", "ks"), ("z", "s"), ("c", "k"), ("y", "i"), ("j", "i"), ("ie", "i"), ("ee", "i"),
                   ("ou", "u"), ("oo", "u")]


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """'Вашингтон' / 'Washington' -> 'vashington'-like skeleton shared across scripts;
    a country or city's name in another language ('Ливан', 'Libanon') -> its English one's,
    and every form of a country whose English name is several words ('США', 'États-Unis')
    -> that country's key (`country_key`); an organisation's abbreviation in any language
    ('OTAN', 'ЄЦБ', 'ECB') -> its English one in lower case (a skeleton would cut "ICC"
    to two letters); an organisation of organisations.py written as one word
    ('Госдепартамент', 'Sicherheitsrat', 'Croix-Rouge') -> that organisation's key; a
    Chinese name in Palladius Cyrillic ('Цзиньпин') -> its pinyin's ('Jinping')."""
    org = organisation_abbreviation(word)
    if org:
        return org.lower()
    form = phrase_form(word)
    code = country_abbreviation(word) or country_phrases().get(form) or \
        country_phrases().get(phrase_form(_demonym_country(word))) or organisation_codes().get(form)
    if code:  # "США", "Великобритания", "États-Unis", "American": one key with "United States"
        return country_key(code)
    key = _skeleton(pinyin(word) or word)  # "Цзиньпин" is "Jinping", see chinese.py
    return place_aliases(_skeleton).get(key, key)


def _demonym_country(word: str) -> str:
    """'American(s)' / 'saudi' -> the country's English name ('' for other words)."""
    cap = word[:1].upper() + word[1:]
    return english_demonym(cap) or (cap.endswith("s") and english_demonym(cap[:-1])) or ""


# The keys of two countries news names most, set so their commonest one-word English forms
# ("USA", "Britain") already carry them.
_COUNTRY_KEYS = {"US": "usa", "GB": "brita"}


def country_key(code: str) -> str:
    """The name key of a country whose English name is several words (or of an
    organisation, code `organisations.ORGANISATION` + English name): the whole name's
    skeleton, not cut to five letters ("United Nations" and "United Arab Emirates" are
    not one key), as the per-word keys would split it into two names."""
    return _COUNTRY_KEYS.get(code) or _skeleton((country_name(code) or code).replace(" ", ""), 40)


@lru_cache(maxsize=200_000)
def _skeleton(word: str, length: int = 5) -> str:
    s = re.sub(r"[^a-z]", "", anyascii(word).lower())
    for a, b in _SKELETON_RULES:
        s = s.replace(a, b)
    # Cyrillic writes Latin h with г ("Тегеран", "Гройсман"): one letter for both
    s = s.replace("h", "g")
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled letters: "Pompeo"/"Помпео" either way
    # Five letters: endings differ across languages and cases (Italy/Италия, Amatrice/
    # Аматриче, Венесуэла/Venezuela); the stem carries the identity.
    return s[:length]


@lru_cache(maxsize=1)
def organisation_keys() -> dict[str, str]:
    """{name key: code} of the organisations of organisations.py: a body, never a place,
    and a German one ("Sicherheitsrat") a name though a common noun."""
    return {country_key(code): code for code in set(organisation_codes().values())}


def cyrillic(text: str) -> bool:
    """Any Cyrillic letter: names in two scripts are two names to show or to join."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
