"""Spanish, French, Italian and Portuguese capitalise institutions by their common noun:
"el Gobierno", "l'Etat", "il Paese", "le Conseil", "el Ejército", and offices by a role and
an institution: "jefe de Estado", "ministro degli Esteri", "chef d'État". Such a word names
no one in particular, so it is no actor of an event.

Hand-written because no offline tagger tells these from names (OFFLINE_STACK.md): the
test is the word's neighbours in the text. Clustering keeps these words as name keys
(dropping them from the keys lowered ML-Crisis storyline B3 0.826 -> 0.790: they tie reports
of one country's affairs together); only the actor lists leave them out.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .entities import ARABIC_ARTICLE
from .gazetteer import english_name, organisation_abbreviation
from .terms import dictionary_word

__all__ = ["adjectives_after", "institution_mention"]

# Articles, and the determiners that stand where they do ("su Gobierno", "il nostro Paese").
_DETERMINERS = {lang: frozenset(words.split()) for lang, words in {
    "es": """el la los las lo del al un una unos unas su sus nuestro nuestra vuestro este esta
             ese esa aquel aquella""",
    "fr": "le la les du des au aux un une ce cet cette son sa ses notre votre leur nos vos",
    "it": """il lo la i gli le del dello della dei degli delle nel nello nella sul sulla al allo
             alla dal dallo dalla un uno una quel quello quella questo questa suo sua nostro
             nostra vostro vostra loro""",
    "pt": """o a os as do da dos das no na nos nas ao um uma seu sua nosso nossa este esta
             esse essa""",
}.items()}
_ELIDED = frozenset("l dell all nell sull dall un quell quest".split())
_LINKS = frozenset("de di du des del della do da dos das d".split())
_ARABIC = frozenset(ARABIC_ARTICLE.split("|"))
# The role before "de" in an office's title ("secretaria de Estado", "golpe de Estado").
_ROLES = frozenset("""secretario secretaria secretarios subsecretario jefe jefa jefes ministro
ministra ministros consejero titular cartera golpe ministre ministres secrétaire chef chefs coup
conseiller segretario sottosegretario capo capi colpo secretário chefe""".split())

# up to two words before the mention, and what parts the last from it (a space or an elision)
_BEFORE = re.compile(r"(?:([^\W\d_]+)[ \t]+)?([^\W\d_]+)([ \t]+|['’])$")
# more of a name after it: "Consejo de Seguridad", "Unión Africana", "Ministère de l'Intérieur"
_NAME_GOES_ON = re.compile(r"[ \t]+(?:(?:de|di|du|des|del|della|dello|delle|degli|dei|do|da)"
                           r"[ \t]+(?:(?:la|el|los|las|le|les)[ \t]+)?)?(?:[ld]['’]|dell['’])?[A-ZÀ-Þ]")

# French and Italian write only a name's first word in capitals: "Conseil de sécurité",
# "Consiglio di sicurezza", "Cour de cassation" go on after a bare "de" (not "du pays"),
# and "Conseil national", "Ligue arabe", "Cour pénale internationale" with adjectives.
_LOWER_CASE_NAMES = {"fr", "it"}
_LOWER_OF_PHRASE = re.compile(r"[ \t]+(?:de|di)[ \t]+(?!(?:la|le|les|il|lo|gli)\b)[a-zà-ÿ]{3,}")
_ADJECTIVES = re.compile(r"(?:[ \t]+[a-zà-ÿ]{2,}(?:al|ale|ales|aux|el|elle|ien|ienne|éen|éenne|"
                         r"ique|aire|ais|aise|ain|aine|if|ive|ano|ana|ico|ica|ese|ario|aria|ivo|iva|"
                         r"ali|abe|abo|aba)\b){1,2}")

_MID_SENTENCE = re.compile(r"[^\W\d_][ \t]+[\"“«'‘]?$")


def adjectives_after(text: str, end: int, lang: str) -> str | None:
    """The lower-case adjectives that go on a French or Italian name ending at `end`
    (" national", " pénale internationale"), or None."""
    m = _ADJECTIVES.match(text, end) if lang in _LOWER_CASE_NAMES else None
    return m.group(0).replace("\t", " ") if m else None


def institution_mention(text: str, start: int, word: str, lang: str) -> bool:
    """Whether `word` at `start` of `text` is an institution's common noun: a dictionary word
    after a determiner or an office's role, not followed by more of a name, not inside an
    Arabic name ("Seif el Islam"), not an abbreviation or a known place."""
    determiners = _DETERMINERS.get(lang)
    if determiners is None or word.isupper() or not _common_word(word, lang):
        return False
    m = _BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    earlier, prev, gap = (m.group(1) or ""), m.group(2), m.group(3)
    low, elided = prev.lower(), gap in ("'", "’")
    if prev[:1].isupper() and _MID_SENTENCE.search(text, max(0, m.start(2) - 4), m.start(2)):
        return False  # "el Tribunal de La Haya", "il giornalista de Il Giornale"
    if elided:
        det = low in _ELIDED or (low == "d" and earlier.lower() in _ROLES)
    else:
        det = low in determiners or (low in _LINKS and earlier.lower() in _ROLES)
        if low in _ARABIC and earlier[:1].isupper() and not _common_word(earlier, lang):
            return False  # "Seif el Islam", but "Ayer el Gobierno"
    end = start + len(word)
    if not det or _NAME_GOES_ON.match(text, end):
        return False
    return lang not in _LOWER_CASE_NAMES or not (
        _LOWER_OF_PHRASE.match(text, end) or adjectives_after(text, end, lang))


@lru_cache(maxsize=50_000)
def _common_word(word: str, lang: str) -> bool:
    if english_name(word) or organisation_abbreviation(word):
        return False  # "Trípoli"; Italian "la Nato" ("nato": born)
    return dictionary_word(word.lower(), lang)
