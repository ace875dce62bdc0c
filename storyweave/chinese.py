"""Chinese names written in Cyrillic, read back into pinyin.

Russian and Ukrainian news write Chinese names by the Palladius system ("Цзиньпин",
"Цюэцяо", "Чанъэ"), English and German news in pinyin ("Jinping", "Queqiao", "Chang'e"), and
no letter-by-letter transliteration meets the two: "Цзиньпин" is "Tszin'pin". Read
syllable by syllable, the Palladius form gives the pinyin back ("цзинь" = jin, "цяо" =
qiao), so both writings share one name key. Written by hand because no package offers it
(pinyin libraries read Chinese characters, not Palladius).

Only a word with a mark of Palladius ("цз", "чж", "цю", "юэ", "ъэ", ...) that reads as
Palladius syllables to its end (a case ending aside: "Цзиньпином") is converted: a Russian
or Ukrainian word ("Лена", "Сюжет", "Місяця") never is.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["pinyin"]

# Sequences only Palladius writes: a Russian or Ukrainian word has none of them.
_MARK = re.compile(r"цз|чж|цю|сяо|юэ|юй|юань|ъэ|['’ʼ]е", re.I)
# Case endings a syllable cannot be ("Цзиньпином"); other endings are syllables ("-а").
_ENDINGS = {"", "ом", "ем", "ой", "ою", "ові", "ым", "им", "ам", "ах", "ях"}

# Finals after an initial (Russian letters), longest first within each group.
_FINALS = {
    "ань": "an", "ан": "ang", "ай": "ai", "ао": "ao", "а": "a",
    "энь": "en", "эн": "eng", "эй": "ei", "эр": "er", "э": "e",
    "оу": "ou", "о": "o",
    "уань": "uan", "уан": "uang", "уай": "uai", "уа": "ua", "унь": "un", "ун": "ong",
    "уй": "ui", "у": "u",
    "янь": "ian", "ян": "iang", "яо": "iao", "я": "ia",
    "инь": "in", "ин": "ing", "и": "i", "ы": "i",
    "юань": "uan", "юнь": "un", "юэ": "ue", "юй": "u", "юн": "iong", "ю": "iu",
    "е": "ie",
}
# Finals with no initial, as pinyin writes them ("я" = ya, "юй" = yu, "вэй" = wei).
_ALONE = {
    "вань": "wan", "ван": "wang", "вай": "wai", "ва": "wa", "вэнь": "wen", "вэн": "weng",
    "вэй": "wei", "во": "wo",
    "янь": "yan", "ян": "yang", "яо": "yao", "я": "ya", "инь": "yin", "ин": "ying", "и": "yi",
    "юань": "yuan", "юнь": "yun", "юэ": "yue", "юй": "yu", "юн": "yong", "ю": "you", "е": "ye",
    "ань": "an", "ан": "ang", "ай": "ai", "ао": "ao", "а": "a", "энь": "en", "эн": "eng",
    "эй": "ei", "эр": "er", "э": "e", "оу": "ou", "у": "wu",
}
# Initials; "цз", "ц", "с" are j, q, x before i and ü (the finals that start with и, я, е, ю).
_INITIALS = {"цз": ("j", "z"), "чж": ("zh", "zh"), "ч": ("ch", "ch"), "ш": ("sh", "sh"),
             "ж": ("r", "r"), "ц": ("q", "c"), "с": ("x", "s"), "б": ("b", "b"), "п": ("p", "p"),
             "м": ("m", "m"), "ф": ("f", "f"), "д": ("d", "d"), "т": ("t", "t"), "н": ("n", "n"),
             "л": ("l", "l"), "г": ("g", "g"), "к": ("k", "k"), "х": ("h", "h")}
# Longest first, so "цз" is read before "ц" and "юань" before "ю".
_FINAL_ORDER, _ALONE_ORDER, _INITIAL_ORDER = (sorted(d, key=len, reverse=True)
                                              for d in (_FINALS, _ALONE, _INITIALS))
# Ukrainian writes Palladius with its own letters: "Цзіньпін", "Цюецяо", "Чан’е".
_UKRAINIAN = str.maketrans({"і": "и", "е": "э", "є": "е", "’": "ъ", "'": "ъ", "ʼ": "ъ"})


@lru_cache(maxsize=50_000)
def pinyin(word: str) -> str | None:
    """The pinyin of a Chinese name in Palladius Cyrillic ("Цзиньпин" -> "Jinping",
    "Цюэцяо" / "Цюецяо" -> "Queqiao", "Чанъэ" -> "Change"); None for any other word."""
    if not _MARK.search(word):
        return None
    lower = word.lower()
    # "Чан’е", "Цзіньпін" are Ukrainian, "Чанъэ" Russian; "Цюецяо" may be either
    ukrainian, russian = any(c in lower for c in "іїє'’ʼ"), any(c in lower for c in "ъыэ")
    readings = ([] if ukrainian else [_read(lower)]) + \
        ([] if russian else [_read(lower.translate(_UKRAINIAN))])
    found = [r for r in readings if r is not None]
    if not found:
        return None
    best = min(found, key=lambda r: r[1])  # the reading of fewer syllables: "цюе-цяо", not "цю-е-цяо"
    return best[0][:1].upper() + best[0][1:]


def _read(text: str) -> tuple[str, int] | None:
    """(pinyin, syllables) of a whole word, allowing a case ending (`_ENDINGS`)."""
    out, i, n = [], 0, 0
    while i < len(text):
        if text[i] in "ъь-":
            i += 1
            continue
        syllable = _syllable(text, i)
        if syllable is None:
            return ("".join(out), n) if n and text[i:] in _ENDINGS else None
        py, i = syllable
        out.append(py)
        n += 1
    return ("".join(out), n) if n else None


def _syllable(text: str, i: int) -> tuple[str, int] | None:
    for initial in _INITIAL_ORDER:
        if text.startswith(initial, i):
            k = i + len(initial)
            for final in _FINAL_ORDER:
                if text.startswith(final, k):
                    palatal, plain = _INITIALS[initial]
                    head = palatal if final[0] in "иеяю" and initial in ("цз", "ц", "с") else plain
                    return head + _FINALS[final], k + len(final)
            return None
    for final in _ALONE_ORDER:
        if text.startswith(final, i):
            return _ALONE[final], i + len(final)
    return None
