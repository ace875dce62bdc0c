"""Country and city names across languages, from the Unicode CLDR data that Babel ships.

Name keys are transliterated skeletons, so "Вашингтон" and "Washington" meet by
themselves; translated names do not: "Ливан", "Libanon", "Liban" and "Lebanon" are one
country in four spellings, "Kiew" and "Київ" one city. CLDR (via Babel, already installed
with trafilatura) has every country's name in every locale and the names of the cities
that give time zones their names (capitals and large cities): a maintained gazetteer,
so none is written here. Only single-word names are used: name keys are per word.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

__all__ = ["ABBREVIATIONS", "LOCALES", "arabic_place_names", "city_name", "country_abbreviation",
           "country_name", "country_phrases", "english_name", "organisation_abbreviation",
           "phrase_form", "place_aliases", "place_name"]

# The languages storyweave reads most; each extra locale adds names that could collide
# with someone's surname (Polish "Holandia" has the key of "Golan"), so no more than these.
LOCALES = ("en", "de", "fr", "es", "it", "pt", "ru", "uk")
# A city counts when at least three of the locales list a name for it. CLDR lists a
# city in a locale only where its name there differs from the English one, so Paris,
# Istanbul or Beirut, written alike across Latin scripts, are listed by few Latin
# locales but by ru and uk and some other; Antarctic stations ("Дейвис", "Кейси") and
# Siberian towns, listed in ru/uk only, look like surnames and stay out.
_MIN_CITY_LOCALES = 3


def _single_word(name: str) -> bool:
    """One word, or a short article joined by a hyphen ("Эр-Рияд"): a key holds five
    letters, so "Петропавловск-Камчатский" would be read as "Petro"."""
    if not name or len(name.split()) != 1 or any(ch.isdigit() for ch in name):
        return False
    head, _, tail = name.partition("-")
    return not tail or len(head) <= 3


@lru_cache(maxsize=1)
def _names_by_place() -> dict[str, dict[str, str]]:
    """{place id: {locale: name}} for countries (two-letter codes) and time-zone cities."""
    from babel import Locale

    out: dict[str, dict[str, str]] = {}
    for code in LOCALES:
        loc = Locale.parse(code)
        for tid, name in loc.territories.items():
            if len(tid) == 2 and tid.isalpha():
                out.setdefault(tid, {})[code] = name
        for zone, data in loc.time_zones.items():
            city = data.get("city")
            if city and "/" in zone and not zone.startswith("Etc/"):
                out.setdefault(zone, {})[code] = city
    cities = [z for z in out if "/" in z]
    for zone in cities:
        if len(out[zone]) < _MIN_CITY_LOCALES or zone.startswith(("Antarctica/", "Arctic/")):
            del out[zone]
        elif "en" not in out[zone]:  # English city names are the zone ids themselves
            out[zone]["en"] = zone.rsplit("/", 1)[1].replace("_", " ")
    return out


# "Le Caire", "El Cairo", "La Havane": a city's name with its article; news writes the
# name alone after a preposition that absorbs the article ("au Caire", "du Caire").
_ARTICLE = re.compile(r"^(?:le|la|el|il)\s+(\S+)$", re.I)


def _forms(names: dict[str, str]) -> Iterator[str]:
    """A place's names in every locale, and those written with an article without it when
    what is left is a spelling of the English name ("Caire" / "Cairo", not "Riunione" /
    "Réunion", which is a meeting too). Told by the first four letters, not by a dictionary:
    loading three (fr, es, it) to ask cost 1.1 s at every start."""
    english = names.get("en", "").lower()
    for name in names.values():
        yield name
        m = _ARTICLE.match(name)
        if m and m.group(1)[:4].lower() == english[:4]:
            yield m.group(1)


@lru_cache(maxsize=4)
def place_aliases(skeleton: Callable[[str], str]) -> dict[str, str]:
    """{skeleton of a place's name in any locale: skeleton of its English name}.

    A skeleton that two places share ("Niger"/"Nigeria" cut to five letters) or that is
    too short to be safe is left out: it stays its own key, as before."""
    target: dict[str, set[str]] = {}
    for names in _names_by_place().values():
        english = names.get("en", "")
        if not _single_word(english):
            continue
        canon = skeleton(english)
        for name in _forms(names):
            if _single_word(name) and len(skeleton(name)) >= 4:
                target.setdefault(skeleton(name), set()).add(canon)
    return {k: next(iter(v)) for k, v in target.items() if len(v) == 1 and next(iter(v)) != k}


@lru_cache(maxsize=1)
def _english_by_name() -> dict[str, str]:
    """{phrase_form of a name in any locale: English name}: one-word places, and the
    countries of `country_phrases` in all their forms."""
    out: dict[str, str] = {}
    for names in _names_by_place().values():
        english = names.get("en", "")
        if _single_word(english):
            for name in _forms(names):
                out.setdefault(phrase_form(name), english)
    for form, code in country_phrases().items():
        out.setdefault(form, _names_by_place()[code]["en"])
    for form, code in _ENGLISH_VARIANTS.items():
        out.setdefault(phrase_form(form), _names_by_place()[code]["en"])
    return out


# Names English news still writes where CLDR's English name is another ("Türkiye",
# "Myanmar (Burma)", "Eswatini", "North Macedonia"): Babel does not ship CLDR's variants.
_ENGLISH_VARIANTS = {"Turkey": "TR", "Burma": "MM", "Swaziland": "SZ", "Macedonia": "MK"}


def english_name(surface: str) -> str | None:
    """'Ливан' / 'Libanon' / 'kiew' -> 'Lebanon' / 'Kyiv', 'США' / 'Vereinigte Staaten' ->
    'United States'; None for a word that is not a country's or city's name in any of the
    locales (a surname keeps its own spelling)."""
    code = country_abbreviation(surface)
    return _names_by_place()[code]["en"] if code else _english_by_name().get(phrase_form(surface))


@lru_cache(maxsize=1)
def arabic_place_names() -> dict[str, str]:
    """{Arabic name: English name} of the countries and cities above, for arabic.py (not a
    locale of `LOCALES`: Arabic keys would not meet other names by their skeletons). A
    name two places share ("عمان": Oman and Amman) is left out."""
    from babel import Locale

    loc = Locale.parse("ar")
    arabic: dict[str, set[str]] = {}
    for pid, names in _names_by_place().items():
        name = loc.territories.get(pid) if "/" not in pid else loc.time_zones.get(pid, {}).get("city")
        if name and names.get("en") not in _ORGANISATIONS:
            arabic.setdefault(name, set()).add(names["en"])
    return {name: next(iter(en)) for name, en in arabic.items() if len(en) == 1}


# CLDR's territories include these unions; they are names, not places.
_ORGANISATIONS = {"United Nations", "European Union", "Eurozone"}


def place_name(surface: str) -> str | None:
    """`english_name`, for countries and cities only (not "ООН" / "l'UE")."""
    name = english_name(surface)
    return None if name in _ORGANISATIONS else name


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """English names of the CLDR cities, less those that are also a country's
    ("Singapore", "Kuwait", "Panama")."""
    places = _names_by_place()
    countries = {names.get("en") for pid, names in places.items() if "/" not in pid}
    return frozenset(n["en"] for pid, n in places.items() if "/" in pid and n["en"] not in countries)


def city_name(surface: str) -> str | None:
    """`english_name` for a city only ('Токио' -> 'Tokyo'; 'Japan' -> None)."""
    name = english_name(surface)
    return name if name in _city_names() else None


# How news abbreviates the countries it names most. CLDR has these as "short" names, but
# Babel does not ship them; without them "США", "USA", "U.S." and "EE.UU." are four
# unrelated words. Matched as written (capitals and dots): "us" and "Us" are words.
_ABBREVIATIONS = {"US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "США": "US",
                  "ЗША": "US", "EE.UU.": "US", "EEUU": "US", "EUA": "US", "UK": "GB",
                  "U.K.": "GB", "UAE": "AE", "VAE": "AE", "EAU": "AE", "ОАЕ": "AE",
                  # CLDR lists the UN and the EU among its territories
                  "UN": "UN", "U.N.": "UN", "UNO": "UN", "ONU": "UN", "Onu": "UN", "ООН": "UN",
                  "EU": "EU", "UE": "EU", "Ue": "EU", "ЕС": "EU", "ЄС": "EU"}


ABBREVIATIONS = tuple(_ABBREVIATIONS)
# Everyday names CLDR lists only as variants, which Babel does not ship either; and the
# everyday one-word names of two multi-word ones ("Евросоюз" for "Европейский союз", "the
# Vatican" for "Vatican City", which ru and uk write "Ватикан" as CLDR does).
_VARIANTS = {"GB": ("Great Britain", "Großbritannien", "Grande-Bretagne", "Gran Bretaña",
                    "Gran Bretagna", "Grã-Bretanha"),
             "EU": ("Евросоюз", "Євросоюз"),
             "VA": ("Vatican", "Vatikan", "Vaticano")}


def country_name(code: str, locale: str = "en") -> str | None:
    """The country's name in a locale ('US', 'ru' -> 'Соединенные Штаты')."""
    return _names_by_place().get(code, {}).get(locale)


# International organisations news names by abbreviation, written differently in each
# language ("OTAN", "Nato", "НАТО"; "EZB", "BCE", "ЄЦБ"): transliteration cannot join
# them, and CLDR lists none but the UN and the EU. Matched as written; Italian writes
# them in title case. Left out: abbreviations another language uses for something else
# ("МКС" is the ISS in Russian, the ICC in Ukrainian).
_ORGANISATION_FORMS = {
    "NATO": "Nato OTAN НАТО", "ECB": "EZB BCE Bce ЄЦБ ЕЦБ", "IMF": "IWF FMI Fmi МВФ",
    "WHO": "OMS Oms ВОЗ ВООЗ", "IAEA": "IAEO AIEA OIEA Aiea МАГАТЭ МАГАТЕ",
    "OSCE": "OSZE Osce ОБСЕ ОБСЄ", "OPEC": "OPEP Opec ОПЕК", "ICRC": "IKRK CICR Cicr МККК",
    "OPCW": "OIAC Opac ОЗХО", "ICC": "CPI Cpi IStGH МУС", "PLO": "OLP", "CIA": "ЦРУ",
    "FBI": "ФБР", "WTO": "OMC ВТО"}
_ORGANISATIONS_BY_FORM = {form: org for org, forms in _ORGANISATION_FORMS.items()
                          for form in [org, *forms.split()]}


def organisation_abbreviation(surface: str) -> str | None:
    """'OTAN' / 'Nato' / 'НАТО' -> 'NATO' (its English abbreviation), else None."""
    return _ORGANISATIONS_BY_FORM.get(surface)


def country_abbreviation(surface: str) -> str | None:
    """'США' / 'U.S.' -> 'US' (the country code), else None."""
    return _ABBREVIATIONS.get(surface)


def phrase_form(name: str) -> str:
    """Lowercase words, hyphens read as spaces and ё as е: how `country_phrases` are keyed."""
    return " ".join(name.lower().replace("ё", "е").replace("-", " ").split())


@lru_cache(maxsize=1)
def country_phrases() -> dict[str, str]:
    """{phrase_form of a name: country code} for the countries whose English name is more
    than one word ("United States", "Saudi Arabia", "South Korea"): their names in every
    locale, one word or several ("Соединенные Штаты", "États-Unis", "Великобритания").
    Per-word keys cannot hold these, so the name extractor reads them as one name."""
    out: dict[str, str] = {}
    for code, names in _names_by_place().items():
        if "/" in code or _single_word(names.get("en", "")):
            continue
        for name in (*names.values(), *_VARIANTS.get(code, ()), *_phrase_demonyms(names["en"])):
            out.setdefault(phrase_form(name), code)
    return out


def _phrase_demonyms(english: str) -> list[str]:
    """"North Korea" -> "North Korean(s)", "South Africa" -> "South African(s)": the regular
    suffixes of `_demonyms` on the last word (forms no text uses, "United Statesn", are
    harmless: they never match)."""
    head, _, last = english.rpartition(" ")
    if not head or len(last) < 4:
        return []
    stem = last[:-1] if last[-1] in "aeoy" else last
    forms = {stem + "an", stem + "ian", last + "n", stem + "i"}
    return [f"{head} {f}{plural}" for f in forms for plural in ("", "s")]


# English adjectives of countries that no suffix rule makes from CLDR's English names.
_IRREGULAR_DEMONYMS = {"American": "United States", "British": "United Kingdom",
                       "French": "France", "Dutch": "Netherlands", "Swiss": "Switzerland",
                       "Greek": "Greece", "Spanish": "Spain", "Danish": "Denmark",
                       "Portuguese": "Portugal", "Czech": "Czechia", "Thai": "Thailand",
                       "Afghan": "Afghanistan", "Saudi": "Saudi Arabia", "Emirati":
                       "United Arab Emirates", "Filipino": "Philippines", "Argentine": "Argentina",
                       "Peruvian": "Peru", "Belgian": "Belgium", "Norwegian": "Norway",
                       "Icelandic": "Iceland", "Irish": "Ireland", "Finnish": "Finland",
                       "Turkish": "Türkiye", "Korean": "South Korea"}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """{adjective: country} for English: "Syrian", "Chinese", "Israeli", "Lebanese", ... by
    the regular suffixes on CLDR's English country names, and the irregular ones above.
    No maintained offline list of demonyms exists (CLDR has none); the rules may make
    non-words ("Italyese"), which no text contains."""
    out: dict[str, str] = {}
    for pid, names in _names_by_place().items():
        c = names.get("en", "")
        if len(pid) != 2 or not _single_word(c) or len(c) < 4:
            continue  # countries only: "Roman" is no demonym of a country
        stem = c[:-1] if c[-1] in "aeoy" else c
        forms = {stem + "an", stem + "ian", stem + "ese", stem + "i", stem + "ish", c + "n"}
        if c.endswith("y"):
            forms.add(stem)  # Germany -> German
        if c.endswith(("on", "en", "and")):
            cut = c[:-2] if not c.endswith("and") else c[:-3]
            forms |= {cut + "ese", cut + "ish"}  # Lebanese, Swedish, Polish
        for f in forms:
            out.setdefault(f, c)
    out.update(_IRREGULAR_DEMONYMS)
    return out


def english_demonym(word: str) -> str | None:
    """'French' -> 'France', 'Syrian' -> 'Syria'; None for any other word."""
    return _demonyms().get(word)
