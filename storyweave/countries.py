"""Country names of several words, and abbreviations, found as one name in a sentence;
and so the organisations of organisations.py ("Security Council", "Белого дома").

Name keys are per word (entities.py), so "United States", "Соединенных Штатов" or "U.S."
would be two names or none; the gazetteer's CLDR names (`country_phrases`) and its short
abbreviation table are matched here over a sentence's tokens, inflected forms through
their lemmas. A one-word name ("Великобритания", "États-Unis") needs no phrase: `name_key`
maps it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import ABBREVIATIONS, country_abbreviation, country_name, country_phrases, phrase_form
from .morph import likeliest
from .organisations import organisation_codes, organisation_form

__all__ = ["find_phrase_names"]

_TWO_CAPITALS = re.compile(r"[A-ZА-ЯІЄ]\.?[A-ZА-ЯІЄ]")  # a cheap test before `_ABBREVIATION`
_ABBREVIATION = re.compile(r"(?<![\w.])(?:%s)(?!\w|\.\w)" % "|".join(
    re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)))
# Languages whose country names change form ("Соединенных Штатов", "den Vereinigten Staaten").
_INFLECTING = {"uk", "ru", "de"}


def find_phrase_names(sentence: str, spans: list[tuple[int, int]], tokens: list[str],
                      lang: str) -> dict[int, tuple[int, str, str]]:
    """{index of a country name's first token: (index after its last, country code,
    surface)} for abbreviations ("U.S.", "США") and names of two to five words ("United
    States", "Соединенных Штатов", "Corée du Sud"; "Consejo de Seguridad", an organisation's
    code of organisations.py). `spans`: the tokens' offsets."""
    out: dict[int, tuple[int, str, str]] = {}
    for m in _ABBREVIATION.finditer(sentence) if _TWO_CAPITALS.search(sentence) else ():
        i = next((k for k, (a, _b) in enumerate(spans) if a == m.start()), None)
        if i is not None:
            end = next((k for k in range(i, len(spans)) if spans[k][0] >= m.end()), len(spans))
            out[i] = (end, country_abbreviation(m.group(0)) or "", m.group(0))
    first_words = _first_words(lang)
    inflecting = lang in _INFLECTING
    for i, tok in enumerate(tokens):
        # most words open no country's name: one set lookup each (a hot loop)
        if not tok[:1].isupper() or i in out or (tok.lower() not in first_words and not (
                inflecting and _phrase_lemma(tok, lang) in first_words)):
            continue
        for n in (5, 4, 3, 2):
            found = _phrase_at(sentence, spans, tokens, i, n, lang)
            if found:
                out[i] = found
                break
    return out


def _phrase_at(sentence: str, spans: list[tuple[int, int]], tokens: list[str], i: int, n: int,
               lang: str) -> tuple[int, str, str] | None:
    """The country (or organisation) named by tokens i..i+n-1 (only spaces between them),
    as written or through the words' lemmas; the surface is the locale's own name for an
    inflected form."""
    words = tokens[i:i + n]
    if len(words) < n or any(sentence[spans[k][1]:spans[k + 1][0]].strip() for k in range(i, i + n - 1)):
        return None
    written = " ".join(words)
    code = _phrases().get(phrase_form(written))
    if code:
        return i + n, code, organisation_form(code, lang) or written
    code = _lemma_phrases(lang).get(" ".join(_phrase_lemma(w, lang) for w in words))
    return (i + n, code, country_name(code, lang) or organisation_form(code, lang) or written
            ) if code else None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    """{phrase_form: code} of the names of several words: countries' of up to three words
    (longer ones, "Democratic Republic of the Congo", are read word by word), organisations'
    of up to five."""
    return {**organisation_codes(), **{p: code for p, code in country_phrases().items()
                                       if len(p.split()) <= 3}}


@lru_cache(maxsize=16)
def _lemma_phrases(lang: str) -> dict[str, str]:
    """`_phrases` of two to five words with each word in dictionary form, for inflected
    names ("Соединенных Штатов", "Сполученими Штатами", "den Vereinigten Staaten")."""
    return {" ".join(_phrase_lemma(w, lang) for w in p.split()): code
            for p, code in _phrases().items() if 1 < len(p.split()) <= 5}


@lru_cache(maxsize=16)
def _first_words(lang: str) -> frozenset[str]:
    """The first words of the names of `_phrases`, as written and as lemmas."""
    many = [p.split() for p in _phrases() if 1 < len(p.split()) <= 5]
    return frozenset([w[0] for w in many] + [_phrase_lemma(w[0], lang) for w in many])


@lru_cache(maxsize=100_000)
def _phrase_lemma(word: str, lang: str) -> str:
    """A word's dictionary form, lowercase: pymorphy3's first reading for uk/ru, simplemma's
    for other languages (lowercased first: simplemma reads "Vereinigten" and "Vereinigte"
    differently when capitalised)."""
    import simplemma

    word = word.lower().replace("ё", "е")
    if lang in ("uk", "ru"):
        return likeliest(lang, word).normal_form.replace("ё", "е")
    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except ValueError:  # no dictionary for the language
        return word
