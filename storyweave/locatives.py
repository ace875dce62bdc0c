"""Where a name is a place: after a locative preposition ("in Sochi", "в Сочі", "in der
Türkei"), or by context, a word for a kind of place or a list that holds one ("the town of
Pazarcık", "in Aleppo, Hama and Latakia"). Hand-written: no offline NER tags places
(OFFLINE_STACK.md). Used by the name extractor on a sentence's lowercased tokens."""
from __future__ import annotations

import re

from .gazetteer import place_name
from .geonames import known_place
from .given_names import given_name, written_after_given_name

__all__ = ["after_compass", "after_locative", "after_locative_article", "no_place_after_a",
           "places_from_context"]

# Words for kinds of place ("the town of Pazarcık", "Idlib province", "in den Provinzen
# Aleppo, Idlib ...", "ciudades como Gaziantep"), in the languages storyweave reads most:
# no offline NER tags places (OFFLINE_STACK.md), and CLDR names only countries and large
# cities. Whole words, so "Stadtrat Müller" or "городской голова" mark no place; the
# Slavic ones as stems that only their case endings follow.
_PLACE_WORDS = frozenset("""city cities town towns village villages province provinces region
regions district districts county counties stadt städte städten dorf dörfer dörfern provinz
provinzen regionen bezirk bezirke bezirken gemeinde gemeinden ville villes région régions
département départements commune communes ciudad ciudades provincia provincias región
regiones localidad localidades pueblo municipio municipios città regione regioni comune
comuni город города городе городу район района районе районі району місто міста місті
містечко містечка
crater craters basin valley valleys island islands peninsula mountains river square insel
inseln halbinsel wüste cratère île îles péninsule presqu'île vallée fleuve cráter isla islas
península desierto valle río plaza cratere isola isole penisola deserto fiume piazza
площадь площади площа площі река реки реке""".split())
# natural features too ("the Von Karman crater", "la isla de Lampedusa", "piazza Tahrir",
# "в кратере Фон Карман"); not English "desert" (a verb) nor "delta" (an airline)
_PLACE_STEMS = ("област", "провинци", "провінці", "регион", "регіон", "деревн", "посёлк",
                "поселк", "селищ", "кратер", "остров", "острів", "острова", "полуостров",
                "пустын", "пустел", "долин")
# What may stand between a place word and its names: "of", "including", "such as" ...
_PLACE_LINK = set("of including like such as de del della di du des d darunter wie como "
                  "comme come tels telles tales quali incluse включая как включно зокрема як "
                  "among unter entre tra von фон van".split())  # "у кратері фон Кармана"
_LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|or|und|oder|et|ou|y|e|o|и|или|і|й|та|або)\s+)?")


def places_from_context(sentence: str, spans: list[tuple[int, int]], tokens: list[str],
                         found: list[list]) -> None:
    """Mark as places by context the names that a word for a kind of place introduces or
    follows ("the town of Pazarcık", "Idlib province"), and every name of a list in which
    one is a place ("in Aleppo, Hama and Latakia"): the members of a list are alike.
    `tokens`: the sentence's words, lowercased; `found`: its names, marked in place."""
    if not found:
        return

    def place_word(i: int) -> bool:
        word = tokens[i].rpartition("'")[2] if 0 <= i < len(tokens) else ""  # "sull'isola"
        return word in _PLACE_WORDS or word.startswith(_PLACE_STEMS)

    def one_name(a: list, b: list) -> bool:  # "New York"; not "Vantotene, Merkel"
        return b[0] == a[0] + 1 and not sentence[spans[a[0]][1]:spans[b[0]][0]].strip()

    # lists: runs of names joined by commas or "and" (a two-word name counts once)
    lists: list[list[list]] = [[found[0]]]
    for prev, cur in zip(found, found[1:]):
        gap = sentence[spans[prev[0]][1]:spans[cur[0]][0]]
        if one_name(prev, cur) or (gap.strip() and _LIST_GAP.fullmatch(gap)):
            lists[-1].append(cur)
        else:
            lists.append([cur])
    for names in lists:
        first, last = names[0][0], names[-1][0]
        j = first - 1
        while j >= 0 and tokens[j] in _PLACE_LINK:
            j -= 1
        introduced = place_word(j) and j >= first - 3
        units = 1 + sum(1 for a, b in zip(names, names[1:]) if not one_name(a, b))
        is_list = units >= 3 or any(
            sentence[spans[a[0]][1]:spans[b[0]][0]].strip(" ,") for a, b in zip(names, names[1:]))
        if is_list or units == 1:
            marked = names if introduced or place_word(last + 1) or (
                is_list and any(n[3] for n in names)) else []
        else:  # two names and a comma are no list: "la isla de Vantotene, Merkel defendió"
            cut = next(k for k in range(1, len(names)) if not one_name(names[k - 1], names[k]))
            marked = (names[:cut] if introduced else []) + (
                names[cut:] if place_word(last + 1) else [])
        for n in marked:
            n[4] = True


def after_locative(lowered: list[str], i: int, lang: str) -> bool:
    """Token i follows a locative preposition ("in Sochi", "в Сочі"), not "shares in"."""
    if i == 0:
        return False
    before = lowered[i - 1]
    return (before in _LOCATIVE or before in _LOCATIVE_OF.get(lang, ())) and (
        before not in _NOT_LOCATIVE.get(lang, ())) and not (i > 1 and lowered[i - 2] in _HOLDINGS)


def after_locative_article(lowered: list[str], i: int) -> bool:
    """Token i follows a locative preposition and an article: "in the United States",
    "in der Türkei", "in den USA", "dans la Drôme". Callers ask for a country's or a
    listed city's name after it, as "in the Verkhovna Rada" or "en el Consejo" name no
    place; "à la Syrie" / "a la ONU" are datives, not locatives, so "à"/"a" do not count."""
    return i > 1 and lowered[i - 1] in _ARTICLES and lowered[i - 2] in _LOCATIVE_WITH_ARTICLE


_ARTICLES = frozenset("the der den dem die la le les el los las il lo".split())
_LOCATIVE_WITH_ARTICLE = frozenset("in dans en".split())



# "shares in Renault", "a stake in Nissan": "in" after these names a company, not a place.
_HOLDINGS = set("share shares stake stakes holding holdings investment investments".split())
# Russian "у" + genitive is "at someone's", "X has" ("у Зеленского", "у Лукойла"); in
# Ukrainian it is "in" ("у Києві").
_NOT_LOCATIVE = {"ru": frozenset({"у"})}
# Prepositions of one language only: Polish "w Warszawie" (an English "W" is George W. Bush's)
_LOCATIVE_OF = {"pl": frozenset({"w", "we", "pod", "przy", "koło"})}
_LOCATIVE = set("in at near outside inside в у во на під біля поблизу под около возле "
                "in im bei nahe à au en près a cerca".split())


def after_compass(lowered: list[str], i: int) -> bool:
    """Token i names a place by a compass word before it: "struck southern Turkey", "im
    Südosten der Türkei", "el norte de Siria", "dans l'est de l'Ukraine", "на юге Турции".
    News places a happening so without a preposition of place right before the name.
    Callers ask for a country's or a listed city's name after it."""
    if i > 0 and lowered[i - 1] in _COMPASS_ADJECTIVES:
        return True  # "southern Turkey", "на юге Турции", "im Norden Syriens"
    j = i - 1
    if j > 0 and lowered[j] in _ARTICLES:
        j -= 1  # "le nord de la Syrie", "den Südosten der Türkei"
        if lowered[j] in _COMPASS_ADJECTIVES:
            return True
    if j < 1 or lowered[j] not in _COMPASS_OF:
        return False
    word, before = lowered[j - 1], lowered[j - 2] if j > 1 else ""
    # Spanish "este" is also "this": only "el este de ..." is the east
    return word in _COMPASS_NOUNS or (word == "este" and before in ("el", "al", "del"))


# Compass words that stand right before a place's name, in the languages storyweave reads
# most (a Slavic or German genitive follows its noun: "на юге Турции", "im Norden Syriens").
_COMPASS_ADJECTIVES = frozenset("""southern northern eastern western central southeastern
south-eastern northeastern north-eastern southwestern south-western northwestern
north-western süden norden osten westen südosten nordosten südwesten nordwesten юге севере
востоке западе юго-востоке юго-западе северо-востоке северо-западе півдні півночі сході
заході південному північному""".split())
# ... and the nouns an "of" joins to it ("el sureste de Turquía", "il nord della Siria").
_COMPASS_NOUNS = frozenset("""sur norte oeste sureste noreste suroeste noroeste sud nord ovest
ouest sud-est nord-est sud-ouest nord-ouest sud-ovest nord-ovest l'est l'ouest süden norden
osten westen südosten nordosten südwesten nordwesten""".split())
_COMPASS_OF = frozenset("de del du des di della dello dei d".split())


def no_place_after_a(tok: str, lemma: str, lowered: list[str], i: int, lang: str,
                     text: str) -> bool:
    """Is a word after "a"/"à" no place though they mark places ("a Madrid", "à Paris")?
    Spanish "exigieron a Saleh", "culpa a Bin Laden", French "a écrit à Hollande": a dative
    before a person, when the word is a given name or `text` (the whole text) writes it
    right after one ("Ali Abdullah Saleh"); English "a White House aide", "a Waitrose store"
    (and Portuguese "a Petrobras"): an article, before any word no gazetteer knows ("a
    Vancouver man" stays placed)."""
    if i == 0 or lowered[i - 1] not in _DATIVE_TOO:
        return False
    person = lang in _ARTICLE_A or given_name(tok) or written_after_given_name(text, tok)
    # the gazetteers last: GeoNames loads in 0.7 s, and most words after "a" are no person
    return person and not (place_name(tok) or place_name(lemma) or known_place(tok))


_DATIVE_TOO = frozenset({"a", "à"})
_ARTICLE_A = frozenset({"en", "pt"})  # languages whose "a" is an article
