"""An event's actors and places: one entry per person, organisation or place across scripts,
inflections and languages, shown under one name ("Mike Pompeo", "State Department", "Белый
дом", "Kyiv"), with how many reports name them. Used by the JSON export, and by quote
linking for one speaker across scripts (explain.py holds the other explanations)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from .aliases import script_aliases
from .entities import _STOP as _ENTITY_STOP
from .entities import _DECLINED_NAME_LANGS, ARABIC_ARTICLE
from .gazetteer import country_abbreviation, english_demonym, english_name, place_name
from .organisations import organisation_forms, organisation_name
from .geonames import known_place
from .institutions import adjectives_after, institution_mention
from .models import Article, Event
from .morph import likeliest
from .namekeys import cyrillic, name_key
from .terms import dictionary_word

__all__ = ["actors", "display_names", "script_aliases"]


def actors(ev: Event, articles: dict[str, Article], display: dict[str, str],
           limit: int = 15) -> list[dict[str, Any]]:
    """People, organisations and places of an event under one name across scripts and
    inflections: how many reports name them, in which languages, who named them first."""
    members = sorted((articles[i] for i in ev.article_ids if i in articles),
                     key=lambda a: (a.published is None, a.published or 0, a.seq))
    mentions: Counter[str] = Counter()
    langs: dict[str, set[str]] = {}
    first: dict[str, str] = {}
    place_votes: Counter[str] = Counter()  # reports that locate something in it ("in Sochi")
    context_votes: Counter[str] = Counter()  # reports that call it a place ("piazza Tahrir")
    alias = script_aliases(members)
    holders: dict[str, set[str]] = {}
    for a in members:
        for key, count in a.names.items():
            key = alias.get(key, key)  # never both spellings in one report
            holders.setdefault(key, set()).add(a.id)
            mentions[key] += count
            langs.setdefault(key, set()).add(a.lang)
            first.setdefault(key, a.id)
        place_votes.update(alias.get(k, k) for k in a.places)
        context_votes.update(alias.get(k, k) for k in a.places_in_context)
    n_articles = Counter({k: len(ids) for k, ids in holders.items()})
    need = 2 if len(members) > 2 else 1  # a name in one report of many is a detail
    # A country's adjective that is not its key ("French", "American"; `display_names`
    # shows "Russian" as Russia) is no actor, nor anyone's given name.
    ranked = [k for k, n in n_articles.most_common()
              if n >= need and not english_demonym(display.get(k, ""))][:limit * 2]
    given, articles = _given_names(ranked, members, n_articles, alias)
    place_words = _place_word_keys(ev.place)
    out = []
    for key in ranked:
        if key in given:
            continue
        name = display.get(key, key.title())
        # given names written in another script than the surname's shown form are left
        # out: "Emmanuel Macron" or "Макрон", never "Эмманюэль Macron"
        script = cyrillic(name)
        chain = _name_chain(key, given, lambda k: cyrillic(display.get(k, k.title())) == script)
        parts = [p for p in (display.get(k, k.title()) for k in chain) if cyrillic(p) == script] + [name]
        article = articles.get((chain[-1], key)) if chain and len(parts) > 1 else None
        if article:  # "Seif al-Islam", "Muamar el Gadafi", as the reports write them
            parts[-1] = article + ("" if article.endswith("-") else " ") + name
        # "in New York" votes for "New": a place keyed by its first word
        is_place = _is_place(key, name, chain, (place_votes, context_votes), n_articles[key])
        whole = organisation_name(name) is not None  # "Security Council": a name in full
        phrase = _adjective_phrase(name, members) if len(parts) == 1 and cyrillic(name) \
            and not whole else None
        if phrase:  # "Центральный" -> "Центральное телевидение"
            parts = [phrase]
        elif len(parts) == 1 and cyrillic(name) and not is_place and _title_opening(name, members):
            continue  # "Договор" of "Договора о СНВ": no one in particular
        elif len(parts) == 1 and not is_place and not whole:  # "Department", "Consejo"
            shown = _name_phrase(name, members)
            if shown is None:
                continue  # "el Gobierno": no one in particular
            parts = [shown]
        shown = " ".join(parts)
        if place_words & {key, *chain} and all(e["name"] != ev.place for e in out):
            shown, is_place = ev.place, True  # "Karman" of the "Von Karman crater"
        out.append({"name": shown, "key": key, "kind": "place" if is_place else "name",
                    "articles": n_articles[key], "mentions": mentions[key],
                    "languages": sorted(langs[key]), "first_article": first[key],
                    "other_keys": sorted(c for c, k in alias.items() if k == key)})
    order = {a.id: i for i, a in enumerate(members)}
    return _join_acronyms(out, holders, order, members)[:limit]


def _place_word_keys(place: str | None) -> set[str]:
    """The name keys of the event's place's words, when the place is written in several
    ("Karman" of the "Von Karman crater", "Tahrir" of "Tahrir Square"): an actor under
    one of them is that place, shown as the event's place is."""
    if not place or " " not in place:
        return set()
    return {name_key(w) for w in place.split() if w[:1].isupper()}


def _is_place(key: str, name: str, chain: list[str], votes: tuple[Counter[str], Counter[str]],
              n_articles: int) -> bool:
    """Show a name as a place: a country or city, a name a report calls a place ("piazza
    Tahrir"), or one that reports locate something in ("in Sochi"; "in New York" locates in
    "New", the key before "York"): a third of the reports naming it, or fewer where a
    gazetteer knows it ("in Aleppo"). A person or an institution one report
    in four writes after a preposition ("у Верховній Раді", "en Gadafi") is no place."""
    located, called = votes
    if place_name(name) or any(called[k] for k in (key, *chain)):
        return True
    most = max(located[k] for k in (key, *chain))
    return bool(most) and (most * 3 >= n_articles or known_place(name))


def _name_phrase(name: str, members: list[Article], share: float = 0.6) -> str | None:
    """A one-word name with the words most of its mentions write around it (name keys are
    per word): the capitalised word before it ("Department" is the "State Department";
    "State" is no name by itself; titles and function words are no part of a name), else
    the "of" phrase after it ("Consejo de Seguridad", "Conseil de sécurité"), unless a bare
    preposition stands before it in most mentions ("(Consejo de) Seguridad de las
    Naciones": the tail of another name). Only Latin script (a Cyrillic phrase is
    inflected). French and Italian names go on in lower case ("Conseil national"). None
    when most mentions are an institution's common noun ("el Gobierno",
    `institution_mention`). One scan of the mentions for all three."""
    if cyrillic(name):
        return name
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    total = tail = common = 0
    for a in members:
        for start in _mentions(a.text, name):
            total += 1
            common += institution_mention(a.text, start, name, a.lang)
            prev = _WORD_BEFORE.search(a.text, max(0, start - 40), start)
            if prev and prev.group(1).lower() not in _NOT_A_NAME_PART:
                before[prev.group(1)] += 1
            tail += bool(_OF_BEFORE.search(a.text, max(0, start - 12), start))
            m = _OF_PHRASE.match(a.text, start + len(name))
            phrase = m.group(0) if m else adjectives_after(a.text, start + len(name), a.lang)
            if phrase:  # " de Seguridad", French " national" ("Conseil national")
                after[phrase] += 1

    def most(c: Counter[str]) -> str | None:  # in two mentions and most of them
        word, n = c.most_common(1)[0] if c else ("", 0)
        return word if n >= 2 and n >= share * total else None

    if total and common >= share * total:
        return None
    word = most(before)
    if word:
        return f"{word} {name}"
    phrase = most(after) if tail < share * total else None
    return name + phrase if phrase else name


# " de Seguridad", " de sécurité", " of Defence", " della Difesa": a preposition (with an
# article) and one word, the rest of a name written in several words
_OF = r"(?:of(?: the)?|de(?: la| las| los| l'| el)?|del|des|du|di|della|dello|dei|degli)"
_OF_PHRASE = re.compile(rf" {_OF} (?!(?:la|las|los|le|les|el|il|lo|the)\b)[^\W\d_][\w'’-]{{2,}}")
# a bare preposition before a name makes it another name's tail ("Consejo de Seguridad");
# with an article it does not ("del Consejo", "du Conseil", "of the Council")
_OF_BEFORE = re.compile(r"\b(?:de|di|of) $")


def _mentions(text: str, word: str) -> list[int]:
    """Where `word` stands as a whole word in `text` (a plain scan: a regex per name,
    compiled for every actor of every event, cost more than the scan)."""
    out, i = [], text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")) and \
                (j == len(text) or not (text[j].isalnum() or text[j] == "-")):
            out.append(i)
        i = text.find(word, j)
    return out


def _adjective_phrase(name: str, members: list[Article], share: float = 0.6) -> str | None:
    """A Russian or Ukrainian adjective shown as a name ("Белый", "Центральный") with the
    lowercase noun most of its mentions go on with, in the nominative: "Белый дом" from
    "в Белом доме", "Центральное телевидение" from "Центральное телевидение Китая". Only
    the adjective is capitalised, so it alone got a name key."""
    if not _ADJECTIVE_ENDING.search(name):
        return None  # most names: no dictionary look-up
    first = {lang: likeliest(lang, name.lower()) for lang in ("ru", "uk")}
    # where pymorphy3 reads the name as an adjective (its Ukrainian dictionary reads the
    # Russian lemma "центральный" as a verb)
    first = {lang: p for lang, p in first.items() if "ADJF" in p.tag}
    if not first or len(name) < 5:
        return None
    nouns: Counter[tuple[str, str, str]] = Counter()
    total: Counter[str] = Counter()  # mentions per language
    for lang, word in _words_after(name[:-2], 1, members):
        total[lang] += 1
        word = word if lang in first else ""
        noun = likeliest(lang, word) if word[:1].islower() else None
        if noun is not None and "NOUN" in noun.tag:  # its likeliest reading: not "в", "и"
            nouns[(lang, noun.normal_form, noun.tag.gender or "masc")] += 1
    if not nouns:
        return None
    (lang, noun, gender), n = nouns.most_common(1)[0]
    if sum(total.values()) < 2 or n < share * total[lang]:
        return None
    agreed = first[lang].inflect({gender, "nomn", "sing"})
    if agreed is None:
        return None
    return f"{agreed.word[:1].upper()}{agreed.word[1:]} {noun}"


_ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ой|ій|ая|яя|ое|ее|ые|ие)$")
# pymorphy3's tags of a proper name or an abbreviation: a word without them is a common noun
_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def _title_opening(name: str, members: list[Article], share: float = 0.6) -> bool:
    """A Russian or Ukrainian common noun that is capitalised only as the first word of a
    title that goes on with a preposition: "Договора о СНВ" (the New START treaty), "Закону
    про мову". The dictionary knows it as a plain noun in every report's language, and most
    of its mentions are followed by a preposition ("Конгресс одобрил" is the Congress).
    Such a word names no one by itself."""
    langs = {a.lang for a in members if a.lang in ("ru", "uk")}
    if not langs or not all(_common_noun(likeliest(lang, name.lower())) for lang in langs):
        return False
    after = _words_after(name[:-1], 0, members)
    prepositions = sum(w[:1].islower() and "PREP" in likeliest(lang, w).tag for lang, w in after)
    return bool(after) and prepositions >= share * len(after)


def _words_after(stem: str, least: int, members: list[Article]) -> list[tuple[str, str]]:
    """(language, the word after it, "" if none) for each mention of a Cyrillic name in the
    Russian and Ukrainian reports, matched by its `stem` and an inflected ending of `least`
    to three letters ("Белом доме", "Договора о")."""
    mention = re.compile(rf"(?<![\w-]){re.escape(stem)}\w{{{least},3}}(?![\w-])(?:\s+([^\W\d_]+))?")
    return [(a.lang, m.group(1) or "") for a in members if a.lang in ("ru", "uk")
            for m in mention.finditer(a.text)]


def _common_noun(parse) -> bool:
    """pymorphy3's reading is a dictionary noun, not a name, place, organisation or
    abbreviation."""
    return parse.is_known and "NOUN" in parse.tag and not _PROPER_TAGS & set(parse.tag.grammemes)


_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \u00a0]$")
# Function words and titles (entities' stop list) and the like; "State" and "Foreign"
# are parts of names ("State Department", "Foreign Office") though never names alone.
_NOT_A_NAME_PART = (_ENTITY_STOP - {"state", "foreign"}) | set(
    "ex former new mister deputy sheriff governor senator judge coach officer detective "
    "sergeant lieutenant captain capt mayor ambassador general".split())


# Words an acronym skips: "Unidad Militar de Emergencias" is UME.
_ACRONYM_SKIP = set("of the and for de del la las los des du et für der die das und di e y".split())


def _join_acronyms(entries: list[dict[str, Any]], holders: dict[str, set[str]],
                   order: dict[str, int], members: list[Article] = ()) -> list[dict[str, Any]]:
    """An acronym and the name it abbreviates, both among an event's actors ("ECB" and
    "European Central Bank", "EHT" and "Event Horizon Telescope"), become one entry,
    "European Central Bank (ECB)": the initials of the name's words, less "of", "de" and
    the like, spell the acronym; or a report writes the acronym in brackets right after
    the name ("Центральное телевидение Китая (CCTV)", `_bracketed_acronyms`). A name in
    another script than its Latin acronym is shown as the acronym ("CCTV")."""
    full_by_initials: dict[str, dict[str, Any]] = {}
    for e in entries:
        # an organisation's forms in every language, whatever their case: "CNT" is the
        # "Conseil national de transition" shown as the National Transitional Council
        known = organisation_forms(e["name"])
        for form in known or [e["name"]]:
            words = [w for w in (re.split(r"[\s-]+", form) if known else form.split())
                     if w.lower() not in _ACRONYM_SKIP]
            if len(words) >= 2 and (known or all(w[:1].isupper() for w in words)):
                full_by_initials.setdefault("".join(w[0] for w in words).upper(), e)
    for acronym, e in _bracketed_acronyms(entries, members).items():
        full_by_initials.setdefault(acronym, e)
    out = []
    for e in entries:
        full = full_by_initials.get(e["name"]) if e["name"].isupper() and \
            2 <= len(e["name"]) <= 6 else None
        if full is None or full is e:
            out.append(e)
            continue
        ids = holders[full["key"]] | holders[e["key"]]
        shown = e["name"] if cyrillic(full["name"]) else f"{full['name']} ({e['name']})"
        full.update(name=shown, articles=len(ids),
                    mentions=full["mentions"] + e["mentions"],
                    languages=sorted(set(full["languages"]) | set(e["languages"])),
                    first_article=min(ids, key=order.__getitem__),
                    other_keys=sorted({*full["other_keys"], e["key"], *e["other_keys"]}))
        holders[full["key"]] = ids
    return sorted(out, key=lambda e: -e["articles"])  # stable: ties keep their order


# A name's last two to six words before an acronym in brackets: "Центральное телевидение
# Китая (CCTV)".
_WORDS_BEFORE_BRACKET = re.compile(r"(?:[^\W\d_][\w'’-]*[ \u00a0]+){2,6}$")


def _bracketed_acronyms(entries: list[dict[str, Any]], members: list[Article]
                        ) -> dict[str, dict[str, Any]]:
    """{acronym: the entry of the name a report writes it after}: of the two to six words
    before "(CCTV)" ("Istanbul (AFP)" is a dateline, not a name and its acronym), the
    capitalised Cyrillic one nearest the bracket that keys an actor other than a place
    ("Китая", China, is where the name's owner is). Latin names are left to their
    initials, which are surer; a Cyrillic name's Latin acronym has no initials to match."""
    acronyms = {e["name"] for e in entries if e["name"].isupper() and 2 <= len(e["name"]) <= 6}
    by_key = {k: e for e in entries if e["kind"] != "place" and e["name"] not in acronyms
              for k in (e["key"], *e["other_keys"])}
    out: dict[str, dict[str, Any]] = {}
    for acronym in acronyms:
        for a in members:
            at = a.text.find(f"({acronym})")
            words = _WORDS_BEFORE_BRACKET.search(a.text, max(0, at - 120), at) if at > 0 else None
            nearest_first = reversed(words.group(0).split()) if words else ()
            keys = (name_key(w) for w in nearest_first if w[:1].isupper() and cyrillic(w))
            full = next((by_key[k] for k in keys if k in by_key), None)
            if full is not None:
                out[acronym] = full
                break
    return out


def display_names(arts: list[Article], target_lang: str = "en") -> dict[str, str]:
    """One display form per name key: a place's or organisation's English name, else the
    commonest spelling in reports in the target language ("Zelensky", not German
    "Selenskyj"), else the commonest Latin-script one (the report's lingua franca), else
    the commonest."""
    scores: dict[str, Counter[str]] = {}
    places: dict[str, Counter[str]] = {}  # English names of places, organisations
    reports: Counter[str] = Counter()
    for a in arts:
        for k, f in a.name_forms.items():
            scores.setdefault(k, Counter())[f] += (
                (1_000_000 if a.lang == target_lang else 0) + (1000 if _latin(f) else 1))
            reports[k] += 1
            if english := english_name(f) or organisation_name(f) or _country_of_adjective(f, k):
                places.setdefault(k, Counter())[english] += 1
    out = {k: c.most_common(1)[0][0] for k, c in scores.items()}
    # A country or city is shown under its English name whatever language named it
    # ("Kiew", "Київ" -> "Kyiv"), also when its adjective shares the key and is
    # commoner ("Russian", "Russian forces"), unless the place is a rare reading of the
    # key ("George"). Target-language reports' own spelling of that place stays ("Turkey",
    # not CLDR's "Türkiye"), unless it is an abbreviation ("U.S.": "United States").
    for k, c in places.items():
        if sum(c.values()) * 3 >= reports[k]:
            english = c.most_common(1)[0][0]
            written = out[k] if scores[k][out[k]] >= 1_000_000 else None
            own = written and english_name(written) == english and not country_abbreviation(written)
            out[k] = written if own else english
    return out


def _country_of_adjective(form: str, key: str) -> str | None:
    """'Russian' under the key of Russia -> 'Russia' (English adjectives of countries)."""
    country = english_demonym(form)
    return country if country and name_key(country) == key else None


def _latin(text: str) -> bool:
    """Latin script, accents included ("Erdoğan", "Kahramanmaraş")."""
    return all(ord(ch) < 0x250 for ch in text)


def _given_names(keys: list[str], members: list[Article], n_articles: Counter[str],
                 alias: dict[str, str]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """{key: the key it precedes} for names that are the first part of a longer name
    ("Recep" -> "Tayyip" -> "Erdoğan", "Sergei" -> "Lavrov"): in most reports naming them,
    the written form is followed directly by the next name's form. `alias`: a report's
    keys that the event shows under another (`script_aliases`). Also {(given, next): the
    Arabic article written between them, as most reports write it} ("Seif" "al-" "Islam")."""
    follows: Counter[tuple[str, str]] = Counter()
    between: dict[tuple[str, str], Counter[str]] = {}
    common_tail: set[tuple[str, str]] = set()  # across an article to a dictionary word
    for a in members:
        key_of = {a.name_forms[r]: alias.get(r, r) for r in a.names
                  if alias.get(r, r) in keys and a.name_forms.get(r)
                  and not _pair_of_names(a.name_forms[r], keys)}
        if len(key_of) < 2:
            continue
        # where each name's written form occurs, one scan in all: (key, Cyrillic?)
        starts: dict[int, tuple[str, bool, str]] = {}  # (key, Cyrillic?, written form)
        ends: list[tuple[int, str, bool, bool]] = []  # (end, key, Cyrillic?, abbreviation?)
        # Cyrillic and Polish forms are lemmas, which the text inflects: "Тайсона Фьюри",
        # "Lecha Kaczyńskiego", and an adjective's ending changes ("Верховний" -> "Верховна
        # Рада"): matched by its stem
        declined = a.lang in _DECLINED_NAME_LANGS  # Polish names are shown as nominatives
        stem_of = {(_cyrillic_stem(f) if cyrillic(f) else _polish_stem(f) if declined else f): f
                   for f in key_of}
        alternation = "|".join(re.escape(f) for f in sorted(stem_of, key=len, reverse=True))
        # not "-Nissan", but "el-Assad" (an Arabic article carried by the name)
        for m in re.finditer(rf"(?:(?<![\w-])|(?<=\b[eEaA]l-))({alternation})(\w{{0,4}})(?![\w-])",
                             a.text):
            form = stem_of[m.group(1)]
            if m.group(2) and not (declined or (cyrillic(form) and len(m.group(2)) <= 3)):
                continue
            starts[m.start()] = (key_of[form], cyrillic(form), form)
            ends.append((m.end(), key_of[form], cyrillic(form), form.isupper()))
        # a country or city opens no longer name: "президента Франции Эммануэля Макрона"
        places = {key_of[f] for f in key_of if place_name(f) is not None}
        pairs = set()
        for end, k, script, abbreviation in ends:
            if k in places:
                continue
            # "Recep Tayyip", "Muamar     Gadafi": spaces on one line; "Muamar el Gadafi",
            # "Bachar el-Assad": and the Arabic article the surname carries
            gap = _GIVEN_GAP.match(a.text, end)
            nxt = starts.get(gap.end()) if gap and not abbreviation else None
            # a given name is written in its surname's script: not "Nissan Карлоса Гона"
            if nxt and nxt[0] != k and nxt[1] == script:
                pairs.add((k, nxt[0]))
                between.setdefault((k, nxt[0]), Counter())[gap.group(0).strip()] += 1
                if gap.group(0).strip() and dictionary_word(nxt[2].lower(), a.lang):
                    common_tail.add((k, nxt[0]))  # "Camp David el Estado", "Seif el Islam"
        follows.update(pairs)
    given: dict[str, str] = {}
    # ties go to the more reported name, then the alphabet: never to set order, which
    # changes with Python's string hashing from run to run ("Volodymyr" before Zelensky
    # or before Groysman)
    for (k, s), n in sorted(follows.items(), key=lambda x: (-x[1], -n_articles[x[0][1]], x[0])):
        # across an article ("Muamar el Gadafi") in two reports at least where the event
        # has more, or where the next word is also a dictionary word: Spanish "el" is also
        # its own article ("Camp David el Estado")
        across = any(between.get((k, s), {}))
        least = 2 if across and (len(members) > 2 or (k, s) in common_tail) else 1
        if k not in given and n >= max(least, 0.6 * n_articles[k]) and given.get(s) != k:
            given[k] = s
    articles = {pair: c.most_common(1)[0][0] for pair, c in between.items()
                if given.get(pair[0]) == pair[1] and c.most_common(1)[0][0]}
    return given, articles


_GIVEN_GAP = re.compile(rf"[ \u00a0]+(?:(?:{ARABIC_ARTICLE})(?:[ \u00a0]|-))?", re.I)


def _cyrillic_stem(form: str) -> str:
    """A Cyrillic lemma without the ending its inflected forms replace: an adjective's
    ("Верховний" -> "Верховн"), a final vowel ("Рада" -> "Рад"); endings added to a
    consonant ("Путина") are matched after the form as it is."""
    for ending in ("ний", "ный", "ський", "ский", "ий", "ый", "ой"):
        if form.endswith(ending) and len(form) - len(ending) >= 4:
            return form[:-len(ending)] + ("н" if ending in ("ний", "ный") else "")
    if len(form) >= 4 and form[-1].lower() in "аяоеьйіи":  # "Рада" -> "Раде", "Ради", "Раду"
        return form[:-1]
    return form


def _polish_stem(form: str) -> str:
    """A Polish nominative without its final vowel, which the cases replace ("Komisja" ->
    "Komisj" in "Komisji", "Kaczyński" -> "Kaczyńsk" in "Kaczyńskiego"); endings added to a
    consonant ("Lech" -> "Lecha") are matched after the form as it is."""
    return form[:-1] if len(form) >= 4 and form[-1].lower() in "aeioyąę" else form


def _pair_of_names(form: str, keys: list[str]) -> bool:
    """"Renault-Nissan" (both halves names of the event) is an alliance or a company, not a
    given name, even where it stands before "Carlos Ghosn"; "Jean-Claude" is a given name."""
    head, _, tail = form.partition("-")
    return bool(tail[:1].isupper()) and name_key(tail) in keys and name_key(head) in keys


def _name_chain(key: str, given: dict[str, str], fits: Callable[[str], bool] = lambda k: True
                ) -> list[str]:
    """The given names before `key`, in order ("Recep", "Tayyip" before "Erdoğan"); of
    several before one name ("Mike" and "Майк" before "Pompeo"), the most followed one that
    `fits` (is written in the surname's script), else the most followed one."""
    before: dict[str, list[str]] = {}
    for k, s in given.items():  # most-followed first
        before.setdefault(s, []).append(k)
    chain: list[str] = []
    while key in before:
        options = [k for k in before[key] if k not in chain]
        if not options:
            break
        key = next((k for k in options if fits(k)), options[0])
        chain.insert(0, key)
    return chain
