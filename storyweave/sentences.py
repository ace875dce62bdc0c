"""Sentences of an article and which of them may stand in a summary: split with exact
offsets (past a wire dateline and a caption's credit), statements told from headlines and
name lists, site furniture and sentences that only say who reported the one before."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates
from .entities import DATELINE_PREFIX, SENTENCE_BREAK
from .models import Article

__all__ = ["Sentence", "is_statement", "points_back", "site_furniture", "split_sentences",
           "summary_candidate"]

_WORDS = re.compile(r"(?<![\w'’ʼ-])[^\W\d_][\w'’ʼ-]*", re.UNICODE)


# A statement ends like a sentence: a full stop (or "!"), possibly inside closing quotes.
# Headlines and related-article links ("5 riesgos que corre el mundo tras el ataque a
# Siria", "Perché c'è la guerra in Siria?") end with a bare word or a question mark.
_SENTENCE_END = re.compile(r"(?:[.!…。]|[.!?…。]\s*[\"'»”“)]+)\s*$")


def is_statement(text: str, lang: str = "en", min_words: int = 6, min_lower: int = 2) -> bool:
    """A sentence that states something: it ends like a sentence, and has at least
    `min_words` words, of which at least `min_lower` are lowercase words of three letters or
    more once explicit dates are left out. Headlines, datelines and name lists ("19 (Kyodo)
    -- Nissan Motor Co.", "Publié le 19 novembre 2018 à 12h32 - Mis à jour le ...") are
    mostly capitalised words, numbers and dates, in any language that has case."""
    if len(text.split()) < min_words or not _SENTENCE_END.search(text):
        return False
    masked = list(text)
    for m in find_dates(text, None, lang):
        if m.offset is not None and m.text and not (m.relative or "").startswith(("weekday", "days")):
            masked[m.offset:m.offset + len(m.text)] = " " * len(m.text)
    words = _WORDS.findall("".join(masked))
    # a letter of a script without case (Arabic, Hebrew) counts as lower case; a word with a
    # capital inside is a name ("al-Islam", "l'Égypte": a name list is no statement)
    return sum(w[0].isalpha() and not any(c.isupper() for c in w) and len(w) >= 3
               for w in words) >= min_lower


@dataclass
class Sentence:
    article_id: str
    start: int
    end: int
    text: str
    lang: str
    position: int  # index of the sentence in its article


# A photo credit that a caption leaves before the sentence when a page comes as one line:
# "(Xinhua/Shan Yuqi) Chancellor Angela Merkel said ...", "(Photo by Markus Schreiber /
# POOL / AFP) - MARKUS SCHREIBER/AFP Angela Merkel has been ..."
_CREDIT_PREFIX = re.compile(
    r"^(?:\((?=[^()]*(?:/|\b(?:photo|foto|bild|image|picture)s?\b))[^()]{1,80}\)\s*(?:[-–—]\s*)?)+"
    r"(?:[A-ZÀ-Þ][A-ZÀ-Þ.'-]*(?: [A-ZÀ-Þ][A-ZÀ-Þ.'-]*){0,3}/[A-Z]{2,}(?: via [\w ]{1,20}?)?\s+)?",
    re.I)
# Site furniture left inside a one-line page: "This advertisement has not loaded yet, but
# your article continues below.", "By continuing to use this site you consent to the use
# of cookies ...", a paywall's form ("Enter your details below for immediate access."), a
# live blog's sign-off ("Hasta aquí el seguimiento al minuto de ...": it says what the page
# was, not what happened).
_FURNITURE = re.compile(
    r"\b(advertisement has not loaded|article continues below|continuing to use this site|"
    r"(use|using) (of )?cookies|cookie policy|sign up for|subscribe to our|click here|"
    r"all rights reserved|enable javascript|your browser|enter your details|immediate access|"
    r"trial request|(work|your) email address|password for your account|log ?in to|"
    r"registrieren sie sich|melden sie sich an|artikel teilen|"
    r"this live (blog|page|coverage) (is|has) (now )?(closed|ended)|"
    r"(that's|that is) (all|it) (from us|for (now|today|our live))|"
    r"hasta aquí (el|nuestro|la|nuestra) (seguimiento|directo|minuto a minuto|cobertura|crónica)|"
    r"(ce|notre) direct est (désormais |maintenant )?(terminé|clos|fini)|"
    r"fin de (ce|notre) direct|merci d'avoir suivi (ce|notre) direct|"
    r"(si chiude|finisce|termina) (qui )?(la nostra|questa) diretta|"
    r"(der|dieser|unser) (live-?ticker|liveblog|newsblog) (ist|wird) (hiermit )?beendet|"
    r"на этом (наша )?(текстовая )?трансляция (завершена|окончена)|"
    r"на цьому (наша )?(текстова )?трансляція (завершена|закінчена))\b", re.I)


def site_furniture(text: str) -> bool:
    return bool(_FURNITURE.search(text))


def summary_candidate(text: str) -> bool:
    """May the sentence stand in a summary: not site furniture, not a cut sentence's tail
    ("murder and violating the victims' rights."; "eBay said" is a name), not a line that
    only says who reported what the sentence before it said (`points_back`)."""
    first = _FIRST_WORD.search(text)
    if first and first.group(0)[0].islower() and not _BRAND_START.match(first.group(0)):
        return False
    return not site_furniture(text) and not points_back(text)


# A sentence that only names who reported what the one before it said: "Об этом сообщили
# японское агентство Kyodo и сам автопроизводитель.", "Das bestätigte der 65-Jährige in
# einer Erklärung.", "Lo ha riferito la tv di stato.", "Así lo anunció el ministro." Taken
# out of its article it says nothing: a pronoun for the story, a speech verb, a source.
_POINTS_BACK = re.compile(
    r"^(?:(?:Об этом|Про це|Это|Це)\s(?:\w+\s)?(?:сообщ|заяв|рассказ|написа|пишет|переда|"
    r"информир|объяв|сказа|подтверд|повідом|розпов|пише|інформ|оголос|йдеться|підтверд)"
    r"|(?:Das|Dies|Darüber|Davon)\s(?:\w+\s)?(?:bericht|meldete|teilte|sagte|erklärte|"
    r"bestätigte|gab|informierte|schrieb|verkündete)"
    r"|(?:This|That|It)\swas\s(?:\w+\s)?(?:reported|announced|confirmed|said|stated|disclosed)\b"
    r"|C(?:'|’|e\s)\s?(?:est|sont)\sce\squ(?:e\s|'|’)\s?(?:\w+\s){0,3}?(?:annonc|indiqu|"
    r"rapport|affirm|déclar|précis|expliqu|confirm)"
    r"|Así\slo\s(?:\w+\s)?(?:inform|anunci|confirm|asegur|dijo|indic|explic|señal|afirm|declar)"
    r"|Lo\s(?:ha|han)\s(?:informado|anunciado|confirmado|dicho|asegurado|indicado)\b"
    r"|Lo\s(?:ha|hanno)\s(?:detto|riferito|annunciato|reso noto|dichiarato|affermato|rivelato|"
    r"comunicato|confermato|scritto)\b"
    r"|Lo\s(?:riferisce|rende noto|riporta|annuncia|scrive|dice|afferma)\b)", re.I)
# Past this length the sentence goes on to say something of its own ("Lo ha riferito
# al-Jazeera, citando una fonte in Libia, secondo cui il raid è avvenuto a Bengasi.")
_POINTS_BACK_WORDS = 14


def points_back(text: str) -> bool:
    """Does the sentence only say who reported what the sentence before it said?"""
    return (len(text.split()) <= _POINTS_BACK_WORDS and not re.search(r"[:«»“”\"]", text)
            and bool(_POINTS_BACK.match(text)))


_FIRST_WORD = re.compile(r"[^\W\d_]\w*")
_BRAND_START = re.compile(r"[a-z]{1,2}[A-Z]")  # "eBay", "iPhone"


def split_sentences(article: Article) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    text = article.text
    for part in SENTENCE_BREAK.split(text):
        if part is None:
            continue
        start = text.find(part, pos)
        if start < 0:
            continue
        pos = start + len(part)
        clean = part.strip()
        if not clean:
            continue
        s0 = start + part.index(clean)
        # a dateline opens the story's first paragraph (after a headline or byline line)
        opens_line = s0 < 500 and (s0 == 0 or text[s0 - 1] == "\n")
        dateline = DATELINE_PREFIX.match(clean) if opens_line else None
        if dateline:
            clean, s0 = clean[dateline.end():], s0 + dateline.end()
        if credit := _CREDIT_PREFIX.match(clean):  # the caption's credit, not the story's
            clean, s0 = clean[credit.end():], s0 + credit.end()
        if len(clean) >= 25 and len(clean.split()) >= 5:
            out.append(Sentence(article.id, s0, s0 + len(clean), clean, article.lang, len(out)))
    return out
