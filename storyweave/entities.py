"""Names (people, places, organisations) as cross-script keys, without an NER model.

No offline NER model exists for Ukrainian (see OFFLINE_STACK.md), so names are taken
from capitalisation: capitalised words not at a sentence start (or capitalised wherever
they occur), reduced to dictionary form with pymorphy3 for uk/ru ("Лавровим" -> "лавров",
preferring the surname/first-name/place parse), transliterated with anyascii and folded
to a phonetic skeleton so "Вашингтон", "Washington" and "Waszyngton" meet.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .arabic import arabic_places
from .countries import find_phrase_names
from .organisations import organisation_form
from .gazetteer import country_abbreviation, english_name, organisation_abbreviation, place_name
from .geonames import known_place
from .given_names import WORD_TOKEN as _TOKEN
from .german import (NOUN_CAPITALISING, PLACE_BEFORE_BARE_NAME, PLACE_ONLY_BEFORE,
                     after_given_name, common_noun, compound_head, inflected, no_place)
from .locatives import (after_compass, after_locative, after_locative_article, no_place_after_a,
                        places_from_context)
from .morph import morph_for as _morph_for
from .namekeys import country_key, name_key, organisation_keys
from .terms import dictionary_word as _dictionary_word
from .terms import stopwords

__all__ = ["ARABIC_ARTICLE", "NameExtractor", "Names"]

_POSSESSIVE = re.compile(r"['’ʼ]s$")
_BRAND = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z]+$")
# The Arabic article joined to a name, assimilated or not ("al-Assad", "el-Sisi",
# "ash-Sharaa"); quotes.py reads name runs with it too.
ARABIC_ARTICLE = "al|el|ad|an|ar|as|ash|at|az"
# French and Italian elide articles and prepositions onto the name that follows; Arabic
# names carry their article.
_ELISION = re.compile(rf"^(?:[a-zà-ÿ]{{1,5}}['’]|(?:{ARABIC_ARTICLE})-)(?=[^\W\d_])")
# "C'est", "J'ai", "Qu'il", "L'esercito", "Nell'incontro": a French or Italian word elided
# onto a lower-case one, capitalised only because it opens a sentence ("L'Égypte",
# "O'Brien" go on in capitals); "Don't", "I'm": an English contraction. Named words only:
# "Sana'a", "Dar'a", "Ba'ath", "Chang'e-4", "Xi'an" are names written with an apostrophe.
_ELIDED_WORDS = ("c|j|l|m|n|s|t|d|y|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu"  # French
                 "|un|nell|all|dall|sull|dell|coll|quest|quell|anch|com|quand|qual|vent|tutt"
                 "|dov|cos|bell|sant|nessun|ciascun|ognun|buon|mezz|senz|gl|v|tant|nient"
                 "|trent|quarant|cinquant|sessant|settant|ottant|novant")  # Italian
_OPENING_ELISION = re.compile(
    rf"^(?:(?i:{_ELIDED_WORDS})['’][a-zà-ÿ]|[A-Z][a-z]*['’](?:t|m|re|ve|ll|d)$)")  # not "China's"
# What opens a clause inside a sentence: a colon ("@asmaaia: Que la colère ...", "écrit :
# Cuando ..."), a quote mark ('"Ouvre la porte"'), a dash ("IL CAIRO – Sono ..."), an
# ellipsis ("…Questo"). A capital right after one says as little as a sentence's first.
# Not quotes in Ukrainian and Russian, whose guillemets enclose the names of organisations
# and places ("на «Кінгдом Арені»", «Газпром»).
_CLAUSE_OPENING = re.compile(r"[:\"«»“”„‘’'…–—]|\s-\s")
_CLAUSE_OPENING_SLAVIC = re.compile(r"[:…–—]|\s-\s")
# Turkish and Azerbaijani write a proper noun's case ending after an apostrophe, in lower
# case: "Bağdat'ta" (in Baghdad), "İspanya'nın" (Spain's), "Kani'den" (from Kani). The
# locative endings, alone or made adjectives ("Irak'taki"), put the name in a place.
_APOSTROPHE_CASE_LANGS = {"tr", "az"}
_APOSTROPHE_CASE = re.compile(r"['’]([a-zçğıöşüâîûə]+)$")
_LOCATIVE_CASE = re.compile(r"^[dt][aeə](?:ki)?$")
# "Faut-il", "Peut-on", "A-t-elle": a French verb before its subject pronoun
_FRENCH_INVERSION = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous)$")
_SENT_END = re.compile(r"[.!?…»\"“”]\s*$")

# Words that are capitalised for grammar, not because they name something ("СМИ", "ЗМІ":
# "the media", written in capitals as abbreviations are). Turkish capitalises months,
# weekdays and titles; "Kasım" (November) is left out, as it is a given name too.
_STOP = set("""
the a an and but or of in on at to for from by with as it he she they we i you this that these
those his her its their there here what when where who why how if while after before during
mr mrs ms dr president minister prime secretary foreign state chancellor said says according
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow reuters ap afp photo
у в на з із за до по від та і й а але що як це той ця цей вони він вона ми ви я його її їх
про щодо для при після через під над між
міністр президент прем'єр голова заявив сказав повідомив
в во на с со к по от и а но что как это тот эта этот они он она мы вы я его ее их
министр президент премьер глава заявил сказал сообщил
der die das ein eine und oder aber von im am zum zur mit für auf aus bei nach über unter vor
sie er es wir ich ihr minister präsident außenminister sagte
le la les un une des et ou mais du de au aux en dans par pour sur avec il elle ils nous
el los las y o pero del al por para con en su sus es
сми змі earth земля земли землю земле землёй землей землі землею
ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim aralık pazartesi salı çarşamba
perşembe cuma cumartesi pazar başbakan başbakanı bakan bakanı cumhurbaşkanı başkan başkanı
prezydent prezes
""".split())

def _word_key(word: str, lemma: str) -> str:
    """A word's name key from its lemma; an abbreviation ("l'ONU", "США") as written, as
    abbreviations are told from words by their capitals."""
    as_written = country_abbreviation(word) or organisation_abbreviation(word)
    return name_key(word if as_written else lemma)


class NameExtractor:
    def _analyzer(self, lang: str):
        return _morph_for(lang)

    def lemma(self, word: str, lang: str) -> str:
        if lang in _DECLINED_NAME_LANGS and word[:1].isupper():
            return _dictionary_lemma(word, lang).lower()
        if not _morphology_reads(word, lang):
            return word.lower()
        return _lemma_cached(self._analyzer(lang), word)

    def names(self, text: str, lang: str) -> Counter[str]:
        return self.extract(text, lang).counts

    def capitalised_keys(self, text: str, lang: str) -> set[str]:
        """Name keys of every capitalised word, sentence starts included: for short texts
        such as a headline or a dateline ("Киев." / "KYIV, May 20"), where `extract`'s test
        for a name seen mid-sentence has nothing to go on."""
        out = set()
        for tok in _TOKEN.findall(text):
            tok = _POSSESSIVE.sub("", _case_ending(_ELISION.sub("", tok), lang)[0]).strip("'’ʼ-")
            if tok[:1].isupper():
                out.add(_word_key(tok, self.lemma(tok, lang)))
        return out

    def extract(self, text: str, lang: str) -> Names:
        """Name keys with counts, display forms and place evidence.

        Sentence-initial capitals, and every capital of a title-case headline ("Titanfall
        Review Roundup"), count only if the word is also seen mid-sentence in plain prose,
        or stands as a name by itself (`_standalone_name`).
        A name right after a locative preposition ("in Sochi", "в Сочі") is a place.
        """
        out = Names()
        initial: list[tuple[str, str, bool, bool]] = []
        opening = _CLAUSE_OPENING_SLAVIC if lang in ("uk", "ru") else _CLAUSE_OPENING
        for sentence in _split_datelines(SENTENCE_BREAK.split(text)):
            spans = [(m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
            tokens = [sentence[a:b] for a, b in spans]
            lowered = [t.lower() for t in tokens]
            titled = _title_case(tokens, lang)
            found = self._sentence_names(text, sentence, spans, (tokens, lowered), lang, out)
            places_from_context(sentence, spans, lowered, found)
            for i, key, surface, place, in_context in found:
                if i == 0 or titled or opening.search(sentence[spans[i - 1][1]:spans[i][0]]):
                    initial.append((key, surface, place, in_context))
                else:
                    out.add(key, surface, place, in_context)
        if lang == "ar":  # no capitals to go by: the gazetteer's places only
            for english, surface in arabic_places(text):
                out.add(name_key(english), surface, True, False)
        for key, surface, place, in_context in initial:
            # seen mid-sentence as this word, not just under its key: "Astronomers" opening
            # a sentence is no name for "The Astrophysical Journal" sharing the key "astro"
            if any(_same_word(surface, seen) for seen in out.surfaces.get(key, ())) or \
                    _standalone_name(surface, lang):
                out.add(key, surface, place, in_context)
            else:
                out.maybe[key] += 1
        for key, surface in out.surnames.items():  # every mention of it: "Merkel sagte"
            for _ in range(out.maybe.pop(key, 0)):
                out.add(key, surface, False)
        return out

    def _sentence_names(self, text: str, sentence: str, spans: list[tuple[int, int]],
                        words: tuple[list[str], list[str]], lang: str, out: Names) -> list[list]:
        """A sentence's candidate names, as [token index, key, surface, after a locative,
        a place by context]; brand names go to `out` directly, German common nouns to
        `out.maybe`. `words`: its tokens as written and lowercased; `text`: the whole text
        (is an all-capital word written otherwise too?)."""
        tokens, lowered = words
        found: list[list] = []
        phrases = find_phrase_names(sentence, spans, tokens, lang)
        resume = 0
        for i, tok in enumerate(tokens):
            if i < resume:
                continue  # a word of a country's or organisation's name read as a whole
            if i in phrases:
                resume, code, surface = phrases[i]
                place = (after_locative(lowered, i, lang) or after_locative_article(lowered, i)
                         or after_compass(lowered, i)) and place_name(surface) is not None
                found.append([i, country_key(code), surface, place, False])  # "in the EU": no place
                continue
            tok, in_case = _case_ending(_ELISION.sub("", tok), lang)  # "l'Égypte", "d'Assad"
            if _OPENING_ELISION.match(tok):
                continue
            if not tok or len(tok) < 2 or (
                    tok.lower() in _STOP and not organisation_abbreviation(tok)):
                continue  # "the", "who", but "the WHO"
            bare = _POSSESSIVE.sub("", tok).strip("'’ʼ-")  # "China's" is China
            if _BRAND.match(bare):  # "iOS", "iPhone", "eBay": capitals inside mark a name
                out.add(name_key(bare), bare, False)
                continue
            if not tok[0].isupper():
                continue
            if tok.isupper() and len(tok) > 6:
                continue  # shouted headline words, not names
            tok = compound_head(bare) if lang in NOUN_CAPITALISING else bare
            lemma = self.lemma(tok, lang)
            key = _word_key(tok, lemma)
            if len(key) < 3:
                continue
            organisation = organisation_keys().get(key)
            if organisation:  # "в Госдепартаменте" locates nothing; "der Sicherheitsrat"
                found.append([i, key, organisation_form(organisation, lang) or tok, False, False])
                continue
            place = in_case or (_after_place_preposition(tok, lemma, i, sentence, spans, words, lang)
                                and not no_place_after_a(tok, lemma, lowered, i, lang, text))
            if lang in NOUN_CAPITALISING and i > 0 and not _acronym(tok, text) and \
                    common_noun(tok, lang) and (
                    lowered[i - 1] not in PLACE_BEFORE_BARE_NAME
                    or inflected(tok, lang)
                    or (lowered[i - 1] in PLACE_ONLY_BEFORE and not known_place(tok))):
                if after_given_name(found, i, sentence[spans[i - 1][1]:spans[i][0]], lang) \
                        and not inflected(tok, lang):
                    out.surnames.setdefault(key, tok)  # "Angela Merkel", "Friedrich Merz"
                out.maybe[key] += 1
                continue
            # the writer's own capitals ("США", "Von-Kármán-Krater") unless inflected
            keep = _shown_as_written(tok, lemma, lang)
            found.append([i, key, tok if keep else _shown_lemma(lemma, tok), place, False])
        return found


def _after_place_preposition(tok: str, lemma: str, i: int, sentence: str,
                             spans: list[tuple[int, int]], words: tuple[list[str], list[str]],
                             lang: str) -> bool:
    """Is token `i` (read as `tok`, `lemma`) a place by the preposition before it ("in
    Sochi", "in the United States") or a compass word ("на юге Турции": a known place
    only)? `words`: the sentence's tokens as written and lowercased."""
    tokens, lowered = words
    # "in 2019 Holiday donations": the preposition is the year's, not the word's
    bare_gap = i > 0 and not _GAP_BREAK.search(sentence[spans[i - 1][1]:spans[i][0]])
    place = (bare_gap and after_locative(lowered, i, lang)) or (
        after_locative_article(lowered, i) and place_name(tok) is not None) or (
        after_compass(lowered, i) and (place_name(tok) or place_name(lemma)) is not None)
    # German nouns stand after "in" as places do; not English: its dictionary knows
    # "Bavaria", "Siberia", "New" of "in New York", which no gazetteer here has
    return bool(place) and not (lang in NOUN_CAPITALISING and no_place(
        tok, tokens[i + 1] if i + 1 < len(tokens) else "", lang))


def _shown_lemma(lemma: str, written: str) -> str:
    """A lemma with the writer's capitals on each hyphenated part ("Kędzierzyn-Koźle")."""
    parts, caps = lemma.split("-"), written.split("-")
    if len(parts) != len(caps):
        caps = caps[:1] * len(parts)
    return "-".join(p[:1].upper() + p[1:] if c[:1].isupper() else p for p, c in zip(parts, caps))


def _case_ending(tok: str, lang: str) -> tuple[str, bool]:
    """A Turkish name without its case ending, and whether that ending is the locative
    ("Bağdat'ta" -> "Bağdat", True); other words and languages as they are."""
    m = _APOSTROPHE_CASE.search(tok) if lang in _APOSTROPHE_CASE_LANGS else None
    if m is None:
        return tok, False
    return tok[:m.start()], bool(_LOCATIVE_CASE.match(m.group(1)))


def _title_case(tokens: list[str], lang: str) -> bool:
    """An English-style headline that capitalises every longer word ("Titanfall Review
    Roundup", "Mt. Gox Seeks US Bankruptcy Relief"): there a capital marks no name. Told
    from a sentence dense with names ("Later, Sergei Lavrov met Mike Pompeo in Sochi") by
    its capitalised words being mostly ordinary dictionary words."""
    if lang in NOUN_CAPITALISING:
        return False
    long = [t for t in tokens[1:] if len(t) >= 4]
    caps = [t for t in long if t[0].isupper()]
    return len(long) >= 2 and len(caps) >= 0.8 * len(long) and \
        sum(_dictionary_word(t.lower(), lang) for t in caps) >= 0.5 * len(caps)


def _same_word(a: str, b: str) -> bool:
    """Two forms of one word: equal but for an inflected ending of up to 3 letters
    ("Лавров"/"Лаврова", "Sotschi"/"Sotschis")."""
    return len(os.path.commonprefix([a.lower(), b.lower()])) >= min(len(a), len(b)) - 3


def _split_datelines(sentences: list[str]) -> Iterator[str]:
    """A dateline apart from the sentence it opens: "(AFP) - Astronomers on Wednesday ..."
    starts a sentence with "Astronomers", which is no name."""
    for sentence in sentences:
        m = DATELINE_PREFIX.match(sentence.lstrip()) if sentence else None
        if m:
            cut = len(sentence) - len(sentence.lstrip()) + m.end()
            yield sentence[:cut]
            yield sentence[cut:]
        elif sentence:
            yield sentence


@lru_cache(maxsize=200_000)
def _standalone_name(word: str, lang: str) -> bool:
    """A capitalised word that is a name wherever it stands, even first in a sentence or in a
    title-case headline, where only a headline may name it ("Titanfall getting live-action
    content?"): a known country or city, a word pymorphy3 parses as a name (uk/ru), or a
    word the language's dictionary does not know at all. Dictionary words ("Review", "Why",
    "Apple") still need to be seen mid-sentence; so do elided forms ("L'annonce")."""
    if english_name(word):
        return True
    if re.match(r"\w{1,3}['’]", word) or word.lower() in stopwords(lang) or (
            lang == "fr" and _FRENCH_INVERSION.search(word)):
        return False  # "Plusieurs", "Purtroppo", "Faut-il": no name, though no dictionary word
    if _morphology_reads(word, lang):
        parses = _morph_for(lang).parse(word.lower())
        return bool(parses) and bool(_NAME_GRAMMEMES & set(parses[0].tag.grammemes))
    return lang in _DICTIONARY_LANGS and not (
        _dictionary_word(word, lang) or _dictionary_word(word.lower(), lang))


# Languages whose simplemma dictionary is large enough that an unknown word is likely a name.
_DICTIONARY_LANGS = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "uk", "ru"}


# Sentence ends: . ! ? … (Arabic ؟) before a capital, or any letter of a script without
# capitals (Arabic, Hebrew), except after abbreviations ("U.S.", "Mr.", "Mt.", initials)
# where the next capital starts a name, not a sentence; line breaks always. One definition
# for name extraction and for summaries.
_SENTENCE_OPENER = ("A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
                    "А-ЯЁІЇЄҐΑ-Ω0-9\u0621-\u064a\u05d0-\u05ea")
SENTENCE_BREAK = re.compile(r"(?<!\b[A-ZА-Я]\.[A-ZА-Я]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Mt|No|vs)\.)(?<!\b[A-ZА-Я]\.)"
                            rf"(?<=[.!?…؟])[\"'»“”]?\s+(?=[\"'«„“(]?[{_SENTENCE_OPENER}])|\n+")

# "SOCHI, Russia (Reuters) - ", "WASHINGTON (AP) — ", "BEIRUT/TOKYO (Reuters) - ": where and by
# whom a wire story was filed, not part of what its first sentence says. A summary line or a
# timeline entry starts after it (the offsets still point into the article).
_CAPS = r"[A-ZÀ-ÞА-ЯІЇЄҐ][A-ZÀ-ÞА-ЯІЇЄҐ'’./ -]{2,40}"
_PLACE_WORDS_TITLED = r"[A-ZÀ-ÞА-ЯІЇЄҐ][^\s(),]{1,30}(?: [A-ZÀ-ÞА-ЯІЇЄҐ][^\s(),]{1,30}){0,2}"
DATELINE_PREFIX = re.compile(
    # with the agency: "SOCHI, Russia (Reuters) - ", "Brussels (AFP) - ", "(Reuters) - "
    rf"^(?:(?:(?:{_CAPS}|{_PLACE_WORDS_TITLED})(?:,[^()\n—–-]{{1,40}}?)?\s*)?"
    rf"\([A-Z][A-Za-z. ]{{1,25}}\)\s*[-–—]{{1,2}}"
    # without: "KYIV, May 20 – ", "WASHINGTON — " (not "U.S. - China talks", "NATO - the ...")
    rf"|{_CAPS},[^()\n—–-]{{1,40}}?\s*[-–—]{{1,2}}|[A-ZÀ-ÞА-ЯІЇЄҐ]{{4,}}(?:/[A-ZÀ-ÞА-ЯІЇЄҐ]{{4,}})?\s*[–—])"
    r"\s+(?=[A-ZÀ-ÞА-ЯІЇЄҐ\"“«])")


# between a preposition and its word: a figure or a stop ends the phrase; "#", "(" do not
_GAP_BREAK = re.compile(r"[\d,.;:!?]")


_FUNCTION_POS = {"PREP", "CONJ", "PRCL", "NPRO"}
_NAME_GRAMMEMES = {"Surn", "Name", "Geox", "Orgn"}
_VERB_POS = {"VERB", "INFN", "GRND", "PRTF", "PRTS"}


# "Lo ha detto il ministro", "Gli ha risposto": a pronoun before the verb, never a name
_ITALIAN_CLITICS = {"lo", "gli", "ne", "ci"}


@lru_cache(maxsize=100_000)
def function_word(word: str, lang: str) -> bool:
    """A preposition, conjunction, particle or pronoun, capitalised only because it starts a
    sentence ("Щодо Ірану ...", "По его словам ..."): not part of a name."""
    low = word.lower()
    if low in _STOP or (lang == "it" and low in _ITALIAN_CLITICS):
        return True
    if lang in ("uk", "ru") and re.search("[а-яіїєґ]", low):
        parses = _morph_for(lang).parse(low)
        return any(p.tag.POS in _FUNCTION_POS for p in parses[:3]) or (
            bool(parses) and parses[0].tag.POS == "ADVB")
    return False


def _morphology_reads(word: str, lang: str) -> bool:
    """Ukrainian or Russian written in Cyrillic: pymorphy3 has its dictionary."""
    return lang in ("uk", "ru") and bool(re.search("[а-яіїєґ]", word.lower()))


def _acronym(word: str, text: str) -> bool:
    """"CDU", "SPD", "ÖVP", "EZB", "BKA": an abbreviation, so a name, though German's
    dictionary knows it; not when the text also writes the word in lower case ("IST" and
    "ist"), nor a longer word with vowels ("LESEN", "EINER": shouted teaser lines)."""
    return word.isupper() and (len(word) <= 4 or not re.search("[AEIOUÄÖÜY]", word)) and \
        word.lower() not in _lower_words(text)


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """Words a text writes in lower or mixed case (read once per text, and only when an
    all-capital word asks: "ZEIT" beside "Zeit" is shouted)."""
    return frozenset(t.lower() for t in _TOKEN.findall(text) if not t.isupper())


@dataclass
class Names:
    counts: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)  # after a locative preposition
    # marked as places by a word for a kind of place or a list with a place in it
    places_in_context: Counter[str] = field(default_factory=Counter)
    surfaces: dict[str, Counter[str]] = field(default_factory=dict)
    # Capitalised words left out that may still be names: German words simplemma's German
    # dictionary knows (it knows "Merkel", "Notre-Dame" too) and sentence-opening words not
    # seen mid-sentence ("Nissan bestätigte ..."). Not names; the citation check accepts a
    # match on them for the name another language's sentence gives.
    maybe: Counter[str] = field(default_factory=Counter)
    # German words the dictionary knows written right after a given name in this text:
    # {key: word}, surnames ("Angela Merkel", "Friedrich Merz") wherever they stand
    surnames: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, surface: str, place: bool, in_context: bool = False) -> None:
        self.counts[key] += 1
        self.surfaces.setdefault(key, Counter())[surface] += 1
        if place:
            self.places[key] += 1
        elif in_context:
            self.places_in_context[key] += 1


# Polish declines names as Ukrainian does ("w Polsce", "Trumpa", "w Krośnie"), and no
# pymorphy3 dictionary exists for it; simplemma's Polish one holds their nominatives
# ("Polska", "Trump", "Krosno"), so every case of a name meets under one key.
_DECLINED_NAME_LANGS = {"pl"}


@lru_cache(maxsize=100_000)
def _dictionary_lemma(word: str, lang: str) -> str:
    """The nominative as the dictionary writes it: capitalised for a proper noun
    ("Polsce" -> "Polska"), in lower case for a common word ("Ministerstwa" ->
    "ministerstwo")."""
    import simplemma

    lemma = simplemma.lemmatize(word, lang=lang)
    # a verb's infinitive ("Zlatana" -> "zlatać", "Instagram" -> "instagrać") is no name's
    return word if lemma.endswith("ć") else lemma


def _shown_as_written(word: str, lemma: str, lang: str) -> bool:
    """Show the word as written, not as its lemma: a capitalised word written so by the
    author ("США"), one in its dictionary form already, or a Polish common word, whose
    nominative would break the phrase it stands in ("Ministerstwa Zdrowia" is no
    "Ministerstwo Zdrowie", "Centralnej Komisji" no "Centralny Komisja")."""
    return word.isupper() or word.lower() == lemma or (
        lang in _DECLINED_NAME_LANGS and not _dictionary_lemma(word, lang)[:1].isupper())


@lru_cache(maxsize=200_000)
def _lemma_cached(morph, word: str) -> str:
    lemma = _likeliest_lemma(morph, word)
    # the analyzer reads "’" as its dictionary's "'": show the lemma with the writer's own
    mark = next((c for c in "’ʼ" if c in word), "")
    return lemma.replace("'", mark) if mark else lemma


def _likeliest_lemma(morph, word: str) -> str:
    parses = morph.parse(word)
    for p in parses:  # a known place beats a namesake: "Києві" is Kyiv, not Kyi
        if english_name(p.normal_form):
            return p.normal_form
    for p in parses:  # a name reading beats a common-noun reading of the same word
        if _NAME_GRAMMEMES & set(p.tag.grammemes):
            return p.normal_form
    for p in parses:  # a capitalised word is not a verb form: "Нотр-Дам" is no "нотр-дать"
        if p.tag.POS not in _VERB_POS:
            return p.normal_form
    return word.lower()
