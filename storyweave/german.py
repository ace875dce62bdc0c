"""German capitalises every noun, so capitals alone do not mark its names. What tells a name
from a noun here: simplemma's German and English dictionaries, the gazetteers (CLDR,
GeoNames, ISO 3166-2: `geonames.known_place`) and a list of given names
(`given_names.given_name`). Used by `entities` for names and places and by `quotes` for
speakers.
"""
from __future__ import annotations

from functools import lru_cache

from .gazetteer import english_name
from .geonames import known_place
from .given_names import given_name, words_after_given_names
from .terms import dictionary_word, stopwords

__all__ = ["NOUN_CAPITALISING", "PLACE_BEFORE_BARE_NAME", "PLACE_ONLY_BEFORE", "after_given_name",
           "common_noun", "compound_head", "inflected", "no_place", "nouns_only"]

NOUN_CAPITALISING = {"de"}
# "in Sotschi", "nach Moskau", "von Mitsubishi": a name that a dictionary also knows. After
# the first three it is a place, which a gazetteer must know too: nouns go without an
# article there as well ("in Richtung", "in Zukunft", "in Kürze").
PLACE_BEFORE_BARE_NAME = {"in", "nach", "aus", "von", "bei"}
PLACE_ONLY_BEFORE = {"in", "nach", "aus"}


@lru_cache(maxsize=200_000)
def common_noun(word: str, lang: str) -> bool:
    """German capitalises every noun, so capitals do not mark names there ("Krieg",
    "Treffen" were 88 of 100 false actor keys). A word simplemma's German dictionary knows
    but its English one does not is taken for a common noun: person names are mostly
    unknown to it ("Lawrow", "Selenskyj"), and names that travel (Iran, Paris, Nissan)
    are known in English too; countries and cities named differently ("Libanon") are
    known from the gazetteer."""
    if english_name(word):
        return False
    if _place_adjective(word):
        return True
    # "Corona-Krise", "SPD-Chef" (English knows "Chef" too), "Schwarz-grün", unless it ends
    # in a given name ("Klaus-Dieter"); some proper names are lost ("Main-Tauber-Kreis").
    # Others the dictionary knows whole ("Co-Trainer", "E-Mail") fall to the test below.
    if "-" in word.strip("-") and not known_place(word) and \
            not given_name(word.rpartition("-")[2]) and _compound_of_words(word, lang):
        return True
    return dictionary_word(word, lang) and not (
        dictionary_word(word, "en") or dictionary_word(word.lower(), "en"))


def _place_adjective(word: str) -> bool:
    """An adjective of a place, "Pekinger Zeit", "Kiewer Behörden": no name of its own (the
    dictionary knows few of them). Lost with it: "Frankfurter" of "Frankfurter Allgemeine"."""
    return len(word) > 5 and word.endswith("er") and word[0].isupper() and known_place(word[:-2])


def _compound_of_words(word: str, lang: str) -> bool:
    """A hyphenated compound of dictionary words, its last part a noun or an adjective in
    lower case ("Corona-Krise", "Schwarz-grün"); one part no dictionary knows makes it a
    name ("Von-Kármán-Krater", "Ippen-Digital-Redaktionsnetzwerk")."""
    *parts, last = word.split("-")
    return all(dictionary_word(p, lang) for p in parts) and bool(last) and (
        last[0].islower() or (not last.isupper() and dictionary_word(last, lang)))


@lru_cache(maxsize=100_000)
def inflected(word: str, lang: str) -> bool:
    """A plural or case form ("nach Angaben", "nach Punkten", "von Rebellen"): place names
    after "nach" or "aus" keep their form ("nach Sotschi"), common nouns do not."""
    import simplemma

    return simplemma.lemmatize(word, lang=lang).lower() != word.lower()  # "Kurz" is "kurz"


def after_given_name(found: list[list], i: int, gap: str, lang: str) -> bool:
    """Does token `i` directly follow a person's given name ("Angela Merkel", not "Seit
    Montag", "Duisburger Polizei")? The list of given names has some function words."""
    if not found or found[-1][0] != i - 1 or gap != " ":
        return False
    _, _, surface, place, in_context = found[-1]
    return not (place or in_context or surface.lower() in stopwords(lang)) and \
        given_name(surface)


def compound_head(word: str) -> str:
    """German hyphenates a compound that starts with an abbreviation ("CDU-Spitze",
    "EZB-Präsidentin"): the abbreviation is the name. Other compounds of a dictionary noun
    are common nouns ("Corona-Krise", `common_noun`), or names where no dictionary knows
    their head ("Notre-Dame", "Germanwings-Maschine"), kept whole."""
    head, _, rest = word.partition("-")
    if rest and head.isupper() and len(head) >= 2 and common_noun(word, "de"):
        return head
    return word


def no_place(word: str, next_word: str, lang: str) -> bool:
    """A word after "in" that is no place although it stands where one does: one the
    dictionary knows or a compound of a noun it knows, that no gazetteer knows, alone or
    with the next word ("im Internet", "in Brand", "im Klinikbereich"; not "in Den Haag")."""
    if "-" in word.strip("-"):  # "Corona-Krise"; not "Von-Kármán-Krater", named by "Kármán"
        common = _compound_of_words(word, lang)
    else:
        common = dictionary_word(word, lang) or _noun_compound(word, lang)
    return common and not (known_place(word) or known_place(f"{word} {next_word}".strip()))


def _noun_compound(word: str, lang: str) -> bool:
    """A German compound the dictionary lacks, made of two words it knows ("Klinikbereich",
    "Hotelmarkt"), unless it ends like a town ("Windsbach", "Auetal", "Hirzenhain")."""
    low = word.lower()
    if "-" in word or low.endswith(_TOWN_ENDINGS):
        return False
    return any(dictionary_word(word[i].upper() + word[i + 1:], lang)
               and _head_word(word[:i], lang) for i in range(4, len(word) - 3))


def _head_word(head: str, lang: str) -> bool:
    """The first part of a compound, with or without its linking "s" ("Überbietungs-"),
    is a word of its own: "Klinik|bereich", not "Don|bass"."""
    return any(dictionary_word(h, lang) for h in (head, head[:-1]) if len(h) >= 4)


# the last parts of German place names (GeoNames lists few towns under 15,000 people)
_TOWN_ENDINGS = ("bach", "berg", "burg", "dorf", "feld", "hausen", "heim", "hain", "kirchen",
                 "stein", "tal", "stadt", "furt", "hagen", "rode", "ingen", "hofen", "brück",
                 "brücken", "au", "see", "wald", "born", "beck", "stedt", "leben", "weiler",
                 "münster", "kirch", "reuth", "ried", "loe", "nach", "kofen", "ow", "itz",
                 "viertel", "horst", "scheid", "ing")


def nouns_only(words: list[str], text: str) -> bool:
    """German words that are all common nouns ("Dienstag", "Gebieten Mobilität"), unless
    the text writes them after a given name somewhere ("Jürgen Klopp": the dictionary knows
    "Klopp" too); abbreviations are parties and firms ("CDU", "RTL")."""
    return all(common_noun(w, "de") and not compound_head(w).isupper()  # "CDU", "EZB-Rats"
               and w.lower() not in _surnames(text) for w in words)


def _surnames(text: str) -> frozenset[str]:
    """Words that follow a given name in `text` ("Angela Merkel" -> "merkel"), lowercased."""
    return words_after_given_names(text, stopwords("de")) \
        if len(text) < 100_000 else frozenset()
