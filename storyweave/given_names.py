"""Is a word a person's given name? From gender-guesser's dictionary of about 48,000
first names across Europe and beyond (Jörg Michael's list), loaded on first use (0.2 s).

German capitalises nouns, and simplemma's German dictionary knows surnames such as
"Merkel", "Scholz" and "Merz" as words, so they were left out as common nouns; written
right after a given name ("Angela Merkel") they are names.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["WORD_TOKEN", "given_name", "words_after_given_names", "written_after_given_name"]

# A word as the name extractor reads it: letters first, then letters, digits, hyphens and
# apostrophes ("Chang'e-4", "O’Brien")
WORD_TOKEN = re.compile(r"[^\W\d_][\w'’ʼ-]*", re.UNICODE)


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


@lru_cache(maxsize=50_000)
def given_name(word: str) -> bool:
    """'Angela', 'Friedrich', 'Jürgen' -> True; 'Region', 'Landrat', 'Euro' -> False."""
    return _detector().get_gender(word) != "unknown"


@lru_cache(maxsize=16)
def words_after_given_names(text: str, not_given: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words a text writes right after a given name, one space between ("Hosni
    Mubarak", "Osama bin Laden" -> "mubarak", "bin"), lowercased: its people's surnames
    and their particles. `not_given`: lowercased words never taken for given names
    (German "Im", "Seit", "Am" are given names too)."""
    tokens = [(m.group(0), m.start(), m.end()) for m in WORD_TOKEN.finditer(text)]
    return frozenset(b.lower() for (a, _, end), (b, start, _) in zip(tokens, tokens[1:])
                     if a[0].isupper() and text[end:start] == " " and given_name(a)
                     and a.lower() not in not_given)


def written_after_given_name(text: str, word: str) -> bool:
    """Does `text` write `word` (in any case) right after a given name, one space between
    ("Ali Abdullah Saleh" for "Saleh")? One word's question: looks only at its mentions,
    where `words_after_given_names` reads every word of the text."""
    low, needle = text.lower(), " " + word.lower()
    at = low.find(needle)
    while at >= 0:
        end = at + len(needle)
        if end == len(low) or not _WORD_CHAR.match(low, end):
            before = _LAST_WORD.search(text, max(0, at - 40), at)
            if before and before.group(0)[0].isupper() and given_name(before.group(0)):
                return True
        at = low.find(needle, at + 1)
    return False


_WORD_CHAR = re.compile(r"[\w'’ʼ-]")
_LAST_WORD = re.compile(r"(?<![\w'’ʼ-])[^\W\d_][\w'’ʼ-]*$")
