"""Direct quotes: what was said, by whom, with which verb (the same statement across articles:
quote_links.py).

No quotation or NER model works offline for Ukrainian (OFFLINE_STACK.md), so this is rules:
a small scanner pairs quote marks (“…” "…" «…» „…“ ‚…‘ '…', nested marks kept inside the
outer quote, apostrophes such as Chang'e / обов’язкові / l'homme never opening a quote), then a
speech verb next to the quote names the speaker ("«…», – заявив Помпео", "X said: “…”",
"„…“, sagte Fury"). A pronoun or a description ("he said", "сказав російський міністр")
falls back to the subject of the sentence before, which is right in the simple cases only.
"""
from __future__ import annotations

import re

from .entities import (_OPENING_ELISION, _STOP, ARABIC_ARTICLE, NameExtractor, _standalone_name,
                       _word_key, function_word)
from .gazetteer import (country_abbreviation, english_demonym, english_name,
                        organisation_abbreviation, place_name)
from .german import NOUN_CAPITALISING, nouns_only
from .models import Quote
from .morph import likeliest
from .namekeys import cyrillic
from .quote_words import ACCORDING as _ACCORDING
from .quote_words import ALL_VERBS as _ALL_VERBS
from .quote_words import INDEFINITE as _INDEFINITE
from .quote_words import PARTICIPLE_RX as _PARTICIPLE_RX
from .quote_words import PREPOSITIONS as _PREPOSITIONS
from .quote_words import VERB_RX as _VERB_RX
from .terms import stopwords

__all__ = ["Quote", "extract_quotes", "speaker_key", "TITLES"]


# Opening mark -> marks that may close it. “ closes „ (German) and opens in English.
# Mixed pairs ("…» and «…") are common in scraped text, so they close each other too.
_PAIRS = {"“": "”", "„": "“”", "«": "»\"", "‚": "‘’", "‘": "’", '"': '"»”', "'": "'"}
_AMBIGUOUS = {'"', "'", "’"}  # straight marks and ’ are also apostrophes / inches

# Italian puts the speaker in the next sentence: "«…». Lo ha detto X." / "Così X".
_NEXT_SENTENCE = re.compile(r"\s*(Lo ha (?:detto|affermato|dichiarato|spiegato|precisato|ribadito|"
                            r"sottolineato|aggiunto)|Così)\b")
_WORD = re.compile(r"(?<!\w)[^\W\d_][\w'’ʼ.-]*", re.UNICODE)  # not "H33" of "18H33"
_SENT_START = re.compile(r"(?:[.!?…]\s+|\n)(?=[^\s])")
_NAME_PARTICLES = set("de da di del della du van von dos das la le".split())  # "Charles de Gaulle"
# "Fahd al-Masri", "Seif al-Islam": a lower-case Arabic article joined to the name
_PARTICLE_NAME = re.compile(rf"(?:{ARABIC_ARTICLE}|ibn|bin|ben|abu|ould)-[^\W\d_]", re.I)
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:who|which|der|die|qui|che|quien|который|которая|которые|який|яка|які)\b[^,]*,\s*$",
    re.I)
_CLAUSE = re.compile(r",\s*([^,]*),\s*$")
_OBJECT_VERB = re.compile(r"told|tells", re.I)  # a name after them is who was told
# "по его словам", "за його словами" (speech verbs, quote_words.py): the speaker is a
# pronoun, named in an earlier sentence
_PRONOUN_VERB = re.compile(r"\b(?:его|ее|её|их|його|її|їхніми)\b", re.I)
_INVERTED_PRONOUN = re.compile(r"-t-(?:il|elle)\b", re.I)  # "a-t-il ajouté"
_DETERMINERS = set("the a der die das dem den des ein eine einer eines einem seiner seinem ihrer "
                   "le la les l un une el los las lo il lo gli".split())
# Titles and function words that are capitalised without naming the speaker.
TITLES = _STOP | set("""mr mrs ms herr frau m mme monsieur señor sr sra president präsident
président presidente premier chancellor kanzlerin bundeskanzlerin director direktor directeur
je ich wir я ми мы i we il er он він yo nous
administrator secretary minister ministre ministro госсекретар держсекретар президент прем'єр
міністр министр премьер глава директор керівник адвокат french russian american german
chief executive representative officer spokesman spokeswoman commander general governor mayor
chairman ceo""".split()) | set(  # a minister's portfolio: "il ministro degli Esteri Franco Frattini"
    "esteri difesa interni interno affaires étrangères exteriores relaciones defensa".split())


_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,}(?:-|$)")
_MARK_OR_NL = re.compile("[" + re.escape("".join(sorted(set("".join(_PAIRS) + "".join(_PAIRS.values())))))
                         + "\n]")


def _find_marks(text: str) -> list[tuple[int, int]]:
    """Top-level (open, close) positions of paired quote marks; nested pairs stay inside."""
    spans, stack = [], []  # stack of (mark, position)
    for found in _MARK_OR_NL.finditer(text):  # only marks matter: skip the letters between
        i, ch = found.start(), found.group(0)
        if ch == "\n":
            stack = []  # a quote left open at a paragraph end was a stray mark
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        closes = [k for k, (m, _) in enumerate(stack) if ch in _PAIRS[m]]
        if closes and (ch not in _AMBIGUOUS or (not nxt.isalnum() and not prev.isspace())):
            k = closes[-1]
            if k == 0:
                spans.append((stack[0][1], i))
            del stack[k:]
        elif ch in _PAIRS and ch not in "’":
            # A straight or single mark opens only after a space/bracket and before a word:
            # "Nissan's", "l'homme", "Chang'e" are apostrophes.
            if ch in "'‘" and (prev.isalnum() or not nxt.isalnum()):
                continue
            if ch == '"' and prev.isalnum():
                continue
            stack.append((ch, i))
    return spans


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start of the sentence holding `start`, end of the one holding `end` (newline-bounded)."""
    # endpos start + 1: the look-ahead must see the mark that opens the sentence
    s = max((m.end() for m in _SENT_START.finditer(text, max(0, start - 400), start + 1)), default=0)
    nl = text.rfind("\n", 0, start)
    s = max(s, nl + 1)
    m = re.compile(r"[.!?…](?=\s|$)|\n").search(text, end + 1)
    return s, (m.end() if m else len(text))


def _name_runs(text: str, lang: str, base: int = 0, skip_initial: bool = False,
               ) -> list[tuple[int, list[str]]]:
    """Runs of capitalised words that can be names: (offset of run, words)."""
    runs: list[tuple[int, list[str]]] = []
    prev_low, last_end = "", -10
    for m in _WORD.finditer(text):
        w = m.group(0).rstrip(".")
        low = w.lower().strip("'’")
        is_name = ((w[:1].isupper() or bool(_PARTICLE_NAME.match(w))) and low not in TITLES
                   and len(w) > 1
                   and not (lang == "de" and prev_low in _DETERMINERS  # German nouns,
                            and not _ACRONYM.match(w))  # but "des EZB-Rats" is a name
                   and not (skip_initial and m.start() == 0)
                   and not _OPENING_ELISION.match(w)  # "C'est", "C'è"
                   and not function_word(w, lang))  # "Щодо Ірану", "По его словам"
        if is_name and "-" in w and w.split("-")[-1][:1].islower():
            is_name = False  # "EZB-Präsidentin", "41-Jährige": a role, not a name
        if is_name:
            gap = text[last_end:m.start()]
            # "Renault-Nissan Карлос Гон": a change of script ends a name
            # and so does an acronym before a name: "a la BBC Lina Khatib"
            prev_word = runs[-1][1][-1] if runs else ""
            if runs and last_end >= 0 and gap.strip() == "" and \
                    cyrillic(prev_word) == cyrillic(w) and \
                    not (prev_word.isupper() and len(prev_word) > 1 and not w.isupper()):
                runs[-1][1].append(w)
            else:
                runs.append((base + m.start(), [w]))
            last_end = m.end()
        prev_low = low
    return runs


def _after_preposition(text: str, offset: int, lang: str) -> bool:
    """Whether the name run at `offset` follows a preposition that does not itself follow a
    name ("de Paris", not "Charles de Gaulle")."""
    before = _WORD.findall(text[:offset])[-3:]
    preps = _PREPOSITIONS.get(lang, ())
    if len(before) >= 2 and before[-1].lower() in _DETERMINERS and before[-2].lower() in preps:
        return True  # "de la OTAN", "in the Black Sea"
    before = before[-2:]
    if not before or before[-1].lower() not in preps:
        return False
    particle = before[-1].lower() in _NAME_PARTICLES
    return not (particle and len(before) == 2 and before[0][:1].isupper()
                and not function_word(before[0], lang))


def _prefer_subjects(text: str, runs: list[tuple[int, list[str]]], lang: str, strict: bool = False
                     ) -> list[tuple[int, list[str]]]:
    """Runs that are not after a preposition; if there are none, all runs unless `strict`."""
    subjects = [r for r in runs if not _after_preposition(text, r[0], lang)]
    return subjects if subjects or strict else runs


def _speaker_near_verb(window: str, verb: re.Match[str], lang: str, text: str | None = None
                       ) -> str | None:
    """The subject before the verb ("Mr Pompeo told"), else the first name after it ("sagte
    Fury"). A subject without a name ("he told ... in Yokohama") is left to resolution.
    `text` (the whole text) is given when `window` starts a sentence: a capital there
    counts only as `_real_names` allows ("Interrogée à Beyrouth, la force … a assuré")."""
    if _PRONOUN_VERB.search(verb.group(0)) or _INVERTED_PRONOUN.search(verb.group(0)):
        # "по его словам", "a-t-il ajouté, sans préciser … de Tripoli": the pronoun is the
        # speaker, who comes from earlier sentences, never a name after the verb
        return None
    if _ACCORDING.fullmatch(verb.group(0)):  # "selon un opposant syrien, Fahd al-Masri, «…»"
        return _name_after(window[verb.end():verb.end() + 80], lang)
    head = _strip_clause(window[:verb.start()])
    cut = max(0, len(head) - 60)
    after = window[verb.end():verb.end() + 80]
    if _WORD.search(head[cut:]):
        found = _real_names(text, 0, head, lang) if text is not None else _name_runs(head, lang)
        runs = _prefer_subjects(head, [r for r in found if r[0] >= cut], lang, strict=True)
        if runs and _QUOTE_MARK.search(head, runs[-1][0]) and _name_after(after, lang):
            # 'Idlib "no debe …", dijo … Antonio Guterres': the name before the quote is
            # what the quote is about; the speaker comes after the verb
            return _name_after(after, lang)
        if runs:
            return _shown(runs[-1][1], lang)
        # "Un cessate il fuoco su carta, dice Kerry: «…»": the subject follows the verb
        # (not "told Reuters": an object)
        inverted = after.lstrip()[:1].isupper() and not _OBJECT_VERB.fullmatch(verb.group(0))
        return _name_after(after, lang) if inverted else None
    return _name_after(after, lang)


def _strip_clause(head: str) -> str:
    """The subject part before a verb without a clause between them: "Carlos Ghosn, who
    was awaiting trial …, said", "Stephen Rapp, ex Procuratore del Tribunale …, ha
    dichiarato", "Лавров, своєю чергою, заявив" (a name in apposition, "Nissan's chief
    executive, Hiroto Saikawa, said", stays)."""
    m = _RELATIVE_CLAUSE.search(head) or _CLAUSE.search(head)
    if m and (m.re is _RELATIVE_CLAUSE or m.group(1)[:1].islower()):
        return head[:m.start()]
    return head


def _name_after(text: str, lang: str) -> str | None:
    """The first name after a verb ("sagte Fury"), or the apposition when a description
    comes first ("dijo el embajador del Reino Unido ante la ONU, Mark Lyall Grant").
    "" when the speaker is someone unnamed ("Lo ha detto un ufficiale", "a dit une
    source"): no earlier name is them."""
    after = re.split(r"[.;!?\n]", text)[0]
    runs = _name_runs(after, lang)
    apposed = [r for r in runs if after[:r[0]].rstrip().endswith(",")]
    indefinite = _INDEFINITE.get(lang)
    if not apposed and indefinite and indefinite.match(after):
        # "un ufficiale dell'aviazione, citato da al-Arabiya": someone unnamed, unless
        # the description names them ("un activista que se identificó como Anwar")
        preps = _PREPOSITIONS.get(lang, set())
        named = [r for r in runs  # not in a phrase such as "a la agencia Efe"
                 if not preps & {w.lower() for w in _WORD.findall(after[:r[0]])[-3:]}]
        return _shown(named[0][1], lang) if named else ""
    if runs and after.lstrip()[:1].islower():
        runs = apposed or runs
    # "napisała na Twitterze wicepremier Jadwiga Emilewicz": one word after a preposition is
    # where, not who ("del presidente della Repubblica Giorgio Napolitano" is who)
    runs = [r for r in runs if len(r[1]) > 1 or not _after_preposition(after, r[0], lang)] or runs
    return _shown(runs[0][1], lang) if runs else None


_QUOTE_MARK = re.compile(r"[«“„\"]")
# Languages whose speech verb ends the sentence, after the quote and its speaker.
_VERB_FINAL = {"tr"}


def _attribute(text: str, qs: int, qe: int, lang: str
               ) -> tuple[str | None, str | None, bool, int]:
    """(speaker, verb, explicit, anchor): explicit is False when the speaker still needs
    resolving; speaker "" when the text says it is someone unnamed ("dijo un portavoz"); a speaker left unnamed is looked for before `anchor` (the verb, when it
    precedes the quote: "Щодо Ірану держсекретар запевнив, що Вашингтон «…»" names the
    secretary of state before the verb, not Washington after it)."""
    rx = _VERB_RX.get(lang, _ALL_VERBS)
    s0, s1 = _sentence_bounds(text, qs, qe)
    after = text[qe + 1:s1]
    lead = re.match(r"[\s,.;:!?—–-]*", after).end()  # always matches, maybe empty
    rest = after[lead:]
    # a quote that ends its sentence ("„… aufbauen.“ Bundeskanzlerin Merkel nannte …"):
    # what follows is another sentence, not its attribution
    ended = text[qs:qe].rstrip()[-1:] in ".?!" and rest[:1].isupper()
    verb = None if ended else rx.search(rest[:70])
    # "«…», – заявив X" / "“…,” X told": the verb comes within a few words after the quote.
    if verb and len(rest[:verb.start()].split()) <= 5 and not re.search(r"[«“„\"]", rest[:verb.start()]):
        speaker = _speaker_near_verb(rest, verb, lang)
        if speaker is None and lang in _VERB_FINAL:
            # 'Belediye Başkanı Abdulkadir Şahiner, "…" dedi': the subject before the quote,
            # set off by a comma ("Özdilek, … tüm Türkiye gibi … belirterek, “…”")
            prefix = text[s0:qs]
            runs = _real_names(text, s0, prefix, lang)
            subjects = [r for r in runs if prefix[r[0]:].split(r[1][-1], 1)[-1][:1] == ","]
            speaker = _shown((subjects or runs)[-1][1], lang) if runs else None
        return speaker, verb.group(0), True, qs
    prefix = text[s0:qs]
    verbs = list(rx.finditer(prefix))
    participle = _last_participle(prefix, lang)
    if participle and (not verbs or verbs[-1].start() < participle.start()):
        return None, participle.group(0), True, s0 + participle.start()
    if verbs:  # "X said: “…”", "Nissan said an inquiry had uncovered “…”"
        speaker = _speaker_near_verb(prefix, verbs[-1], lang, text)
        anchor = qs if _ACCORDING.fullmatch(verbs[-1].group(0)) else s0 + verbs[-1].start()
        return speaker, verbs[-1].group(0), True, anchor
    if not rest.strip(" .\"”»"):  # the quote ends the sentence: the next one may name
        nxt = _NEXT_SENTENCE.match(text, s1)
    else:  # … or, after "?" or ".", `rest` is that next sentence; else it comes after
        # this one ("… la "vigilanza è molto forte", "…" che … avere. Lo ha detto X")
        nxt = _NEXT_SENTENCE.match(text, qe + 1 + lead if ended else s1)
    if nxt:  # "«…». Lo ha detto il ministro Franco Frattini", "«…?» Lo ha detto X"
        return _name_after(text[nxt.end():nxt.end() + 100], lang), nxt.group(1), True, qs
    if prefix.rstrip().endswith(":"):  # "Помпео в Сочі: «…»"
        runs = _name_runs(prefix, lang)
        if len(runs) == 1 and not prefix[:runs[0][0]].strip() and \
                prefix[runs[0][0]:].split(runs[0][1][-1], 1)[-1].strip() == ":":
            # "Gentiloni: «…»": a headline that is a name, a colon and the quote
            return _shown(runs[0][1], lang), None, True, qs
        # else its subject: a confirmed name not after a preposition, else any such name
        # ("Помпео в Сочі: «…»": Pompeo, although he opens the line)
        runs = _prefer_subjects(prefix, _real_names(text, s0, prefix, lang), lang, strict=True)
        # "Manila, Bergoglio a superstiti del tifone: «…»": the dateline place is not the
        # speaker, nor where no one else is named ("Siria, portavoce Croce Rossa: «…»")
        dateline = [r for r in runs if len(r[1]) == 1 and place_name(r[1][0])
                    and prefix[r[0] + len(r[1][0]):].lstrip().startswith(",")]
        runs = [r for r in runs if len(r[1]) > 1 or not place_name(r[1][0])] or \
            [r for r in runs if r not in dateline]
        return (_shown(runs[0][1], lang) if runs else None), None, True, qs
    return None, None, False, qs


def _last_participle(prefix: str, lang: str) -> re.Match[str] | None:
    """"…, calling the landing" right before the quote (at most six words before it)."""
    rx = _PARTICIPLE_RX.get(lang)
    found = list(rx.finditer(prefix)) if rx else []
    if found and len(prefix[found[-1].end():].split()) <= 6:
        return found[-1]
    return None


def _real_names(text: str, lo: int, part: str, lang: str) -> list[tuple[int, list[str]]]:
    """Name runs of `part` (which starts at `lo` in `text`); a sentence-initial word counts
    only if the text also has it mid-sentence ("Першим", "Arrivé" are capitalised by place)."""
    out = []
    for off, words in _name_runs(part, lang):
        initial = not part[:off].strip(" «“„\"'–—-")
        seen_inside = _seen_mid_sentence(text, words[0]) or _elided_inside(text, words[0])
        speaks = _VERB_RX.get(lang, _ALL_VERBS).search(part[off + len(words[0]):][:30])
        if initial and not seen_inside and not speaks and not _standalone_name(words[0], lang):
            # "Лавров, своєю чергою, заявив" stays, and so does a word known as a name
            words = words[1:]
        if words:
            out.append((off, words))
    return out


def _elided_inside(text: str, word: str) -> bool:
    """"L'ONU" opening a sentence is a name when the text also writes "l'ONU" elsewhere."""
    m = re.match(r"\w{1,3}['’](\w+)", word)
    return bool(m) and re.search(r"(?<![^\s(])[a-zà-ÿ]{1,3}['’]" + re.escape(m.group(1)) + r"(?!\w)",
                                  text) is not None


# Marks after which a word opens a sentence or a clause ("… crainte : Selon …", "«Merci …"),
# as the name extractor reads them (entities._CLAUSE_OPENING)
_CLAUSE_END = ".!?…»«“„\":–—"


def _seen_mid_sentence(text: str, word: str) -> bool:
    """Does `word` occur after a space that follows a word, not a sentence end? (A scan for
    the word itself, then a look back: one regex starting with a negated class tried at
    every position of the text cost 1.4 ms a call on long articles.)"""
    for m in re.finditer(re.escape(word) + r"(?!\w)", text):
        j = m.start()
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        if 0 < j < m.start() and not text[j - 1].isspace() and text[j - 1] not in _CLAUSE_END:
            return True
    return False


def _subject_before(text: str, pos: int, lang: str, previous_only: bool = False,
                    sentences: int = 2) -> str | None:
    """Who "he"/"the minister" is: the first name of this sentence before `pos`, else of
    the sentences before (up to `sentences` in all; their subject, in the simple cases
    this handles); a name after a preposition ("Щодо Ірану він заявив") only when none of
    them has another."""
    bounds = [(_sentence_bounds(text, pos, pos)[0], pos)]
    while len(bounds) < sentences and bounds[-1][0] > 0:
        end = bounds[-1][0]
        bounds.append((_sentence_bounds(text, max(0, end - 2), max(0, end - 2))[0], end))
    rx = _VERB_RX.get(lang, _ALL_VERBS)
    fallback = None
    for lo, hi in bounds[1 if previous_only else 0:]:
        found = _real_names(text, lo, text[lo:hi], lang)
        runs = _prefer_subjects(text[lo:hi], found, lang, strict=True)
        if runs:
            # "Nissan's chief executive, Hiroto Saikawa, said", "Лавров, своєю чергою, заявив":
            # the name next to a speech verb; else first + last name: a person
            talking = _talking(text[lo:hi], found, runs, rx)
            people = [r for r in runs if len(r[1]) > 1]
            return _shown((talking or people or runs)[0][1], lang)
        # a place after a preposition ("dans les rues du Caire. Elle poursuit : « … »")
        # is where someone spoke, never who
        unplaced = [r for r in found if len(r[1]) > 1 or not place_name(r[1][0])]
        if unplaced and fallback is None:
            fallback = _shown(unplaced[0][1], lang)
    return fallback


def _talking(part: str, found: list[tuple[int, list[str]]], runs: list[tuple[int, list[str]]],
             rx: re.Pattern[str]) -> list[tuple[int, list[str]]]:
    """Runs followed by a speech verb within 30 characters with no other name between
    ("in the Black Sea resort of Sochi, Pompeo said": Pompeo, not the Black Sea)."""
    starts = sorted(off for off, _ in found)
    out = []
    for off, words in runs:
        end = part.find(words[-1], off) + len(words[-1])
        nxt = min((s for s in starts if s >= end), default=len(part))
        if rx.search(part[end:min(end + 30, nxt)]):
            out.append((off, words))
    return out


def _shown(words: list[str], lang: str) -> str:
    """A speaker as shown: the last three words of the name run, less a country in the
    genitive that titles it ("Президент Франции Эмманюэль Макрон": Эмманюэль Макрон)."""
    words = words[-3:]
    while len(words) > 1 and _country_genitive(words[0], lang):
        words = words[1:]
    return " ".join(words)


def _country_genitive(word: str, lang: str) -> bool:
    if lang not in ("uk", "ru"):
        return False
    lemma = likeliest(lang, word.lower()).normal_form
    return lemma != word.lower() and english_name(lemma.title()) is not None


def speaker_key(speaker: str | None, lang: str, names: NameExtractor) -> str | None:
    """The name key of a speaker as shown: its last word's ("Mike Pompeo" -> pompeo)."""
    if not speaker:
        return None
    last = re.sub(r"['’]s$", "", speaker.split()[-1]).strip("'’-.")
    head = last.split("-")[0]
    if "-" in last and (organisation_abbreviation(head) or country_abbreviation(head)):
        last = head  # "EZB-Rats": the ECB's council speaks for the ECB
    key = _word_key(last, names.lemma(last, lang))  # "ECB", "США" as written, not lemmatised
    return key or None


def extract_quotes(text: str, lang: str, names: NameExtractor | None = None) -> list[Quote]:
    """Every quote of three words or more, with its speaker where one can be told."""
    names = names or NameExtractor()
    out: list[Quote] = []
    last: str | None = None  # the last speaker named: "he" is most often still them
    last_end = 0  # where their quote ended
    prev: tuple[int, str | None] | None = None  # (end, speaker) of the previous quote
    spans = _find_marks(text)
    # Attribution reads the text with every quote blanked: a verb or a name inside a
    # quote ("Je suis au Liban…") is not the speaker's.
    masked = list(text)
    for o, c in spans:
        end = c - 1 if text[c - 1] in ".!?…" else c  # a full stop inside still ends it
        masked[o + 1:end] = " " * (end - o - 1)
    plain = "".join(masked)
    for o, c in spans:
        inner = text[o + 1:c]
        qs = o + 1 + (len(inner) - len(inner.lstrip()))
        qe = c - (len(inner) - len(inner.rstrip()))
        body = text[qs:qe].rstrip(",")
        if len(_WORD.findall(body)) < 3:
            continue  # «Цюецяо», “Chang'e 4”: names and titles, not statements
        speaker, verb, explicit, anchor = _attribute(plain, o, c, lang)
        if not explicit and len(body.split()) < 5:
            continue  # a short unattributed phrase is a title or a scare quote
        if not explicit and prev and prev[1] and _goes_on(plain[prev[0]:o], lang):
            # '"…," Ghosn said in a statement. "I can now …"': the same paragraph goes on
            # quoting the speaker just named
            speaker, explicit = prev[1], True
        prev = (c, speaker)
        if explicit and speaker is None and verb and _PRONOUN_VERB.search(verb):
            speaker = last or _subject_before(plain, o, lang, previous_only=True)
        elif explicit and speaker is None and verb and _INVERTED_PRONOUN.search(verb) and \
                last and last_end >= _previous_sentence_start(plain, o):
            # '«…», a souligné Guido Westerwelle dans le journal X. «…», a-t-il ajouté':
            # "il" is the speaker quoted in the sentence before, not the newspaper named
            # last (the subject of that sentence when it quotes no one: "le président
            # Emmanuel Macron a promis … « … », a-t-il déclaré")
            speaker = last
        elif explicit and speaker is None:  # "he said", "сказав міністр", "hieß es darin":
            # no speaker named yet, so look one sentence further back ("Der frühere
            # Automanager Carlos Ghosn … Das bestätigte der 65-Jährige. „…“, hieß es darin.")
            speaker = _subject_before(plain, anchor, lang, sentences=2 if last else 3) or last
        if speaker and _no_speaker(speaker, text, lang, verb is not None):
            speaker = None  # "sagte sie am Dienstag", "said in Vancouver", "Police said"
        if speaker:
            last, last_end = speaker, c
        speaker = speaker or None  # "": said by someone unnamed
        out.append(Quote(body, qs, qs + len(body), speaker, speaker_key(speaker, lang, names), verb, lang))
    return out


# Where a lone country or city by a speech verb was never the speaker, read on SemEval-2022
# texts (11 of 11); in es/fr/it news a country often speaks for its government.
_PLACE_NO_SPEAKER = {"en", "de"}


def _no_speaker(speaker: str, text: str, lang: str, verb: bool) -> bool:
    """A speaker that is a function word ("Vous", "Quand"), in English or German a people
    ("Hungarian") or a lone country or city next to a speech verb ("said in Berlin"; Spanish
    "Rusia respondió" is Russia's government speaking, and so may be a headline's "Siria,
    Damasco: «…»"), or in German nothing but common nouns."""
    words = speaker.split()
    if len(words) == 1:
        word = words[0]
        if len(word.rstrip("'’")) <= 1:
            return True  # "E'": Italian "È" typed without its accent ("Ue", "Tv" are names)
        if lang in _PLACE_NO_SPEAKER and ((verb and place_name(word)) or english_demonym(
                word) or english_demonym(word.rstrip("s"))):
            return True
        # a function word ("Vous", "Quand", "No"), not an abbreviation ("NATO" beside Italian
        # "nato"); not every dictionary word: "La Russa" beside "russa", "Rice" beside "rice"
        if not word.isupper() and word.lower() in stopwords(lang):
            return True
    return lang in NOUN_CAPITALISING and nouns_only(words, text)


def _previous_sentence_start(text: str, pos: int) -> int:
    """Where the sentence before the one holding `pos` starts (0 at the text's start)."""
    start = _sentence_bounds(text, pos, pos)[0]
    return _sentence_bounds(text, max(0, start - 2), max(0, start - 2))[0] if start else 0


def _goes_on(gap: str, lang: str) -> bool:
    """The text between two quotes is the first one's attribution and nothing more
    ('," Ghosn said in a statement. '): the next quote is the same speaker's."""
    return len(gap) < 120 and "\n" not in gap and bool(re.search(r"[.!?]\s*$", gap)) and \
        _VERB_RX.get(lang, _ALL_VERBS).search(gap) is not None
