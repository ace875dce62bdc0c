"""One name under several keys within an event: a Cyrillic and a Latin transliteration of
one name ("Трамп"/"Trump", "Юйту-2"/"Yutu-2"), and Latin spellings that transliteration
from Arabic varies by language ("Gadafi", "Kadhafi", "Gheddafi"). Actors, summaries, quote
links and aspects read an event's names through these aliases."""
from __future__ import annotations

import re

from anyascii import anyascii

from .namekeys import cyrillic
from .gazetteer import english_name
from .models import Article

__all__ = ["script_aliases"]


def script_aliases(members: list[Article]) -> dict[str, str]:
    """{name key: the key it is one name with} within one event: across scripts
    (`_cyrillic_aliases`) and across Latin spellings of one transliterated name
    (`_spelling_aliases`: "Gadafi", "Kadhafi", "Gheddafi")."""
    written = _Written(members)  # read once for both
    out = _cyrillic_aliases(written)
    spelled = _spelling_aliases(written)
    for k, v in spelled.items():
        out.setdefault(k, v)
    return {k: spelled.get(v, v) for k, v in out.items() if spelled.get(v, v) != k}


class _Written:
    """How an event's reports write each name key: who holds it, its written forms
    (one per report, in report order), whether they are Cyrillic, and the keys that are
    translated, not transliterated (abbreviations, countries, cities)."""

    def __init__(self, members: list[Article]):
        self.holders: dict[str, set[str]] = {}
        self.forms: dict[str, list[str]] = {}
        self.scripts: dict[str, set[bool]] = {}  # is each written form Cyrillic
        self.translated: set[str] = set()
        for a in members:
            for k in a.names:
                form = a.name_forms.get(k, k)
                if form.isupper() or english_name(form):
                    self.translated.add(k)
                self.holders.setdefault(k, set()).add(a.id)
                self.forms.setdefault(k, []).append(form)
                self.scripts.setdefault(k, set()).add(cyrillic(form))

    def keys(self, script: bool) -> list[str]:
        """Keys written in one script only (Cyrillic when `script`), not translated."""
        return [k for k in self.holders if k not in self.translated and self.scripts[k] == {script}]


def _spelling_aliases(written: _Written) -> dict[str, str]:
    """{key: key} for Latin spellings of one name that transliteration from Arabic and
    other scripts varies by language ("Gadafi" es, "Kadhafi" fr, "Gheddafi" it, "Qaddafi";
    "Muamar", "Mouammar"): the same consonants once g/k/q and s/z are one sound and h, w,
    y and vowels are dropped (three at least), letters no more than a third apart, in
    three reports together and both in few of them (a report may quote another's
    spelling; two people would share most reports). Countries, cities and abbreviations
    are translated, not spelled, and keep their own keys."""
    holders = written.holders
    forms = {k: written.forms[k][0] for k in written.keys(script=False)}
    groups: dict[str, list[str]] = {}
    for k, form in forms.items():
        skeleton = _consonants(form)
        if len(skeleton) >= 3:
            groups.setdefault(skeleton, []).append(k)
    out: dict[str, str] = {}
    for keys in groups.values():
        keys.sort(key=lambda k: (-len(holders[k]), k))  # the commonest spelling stays
        head = keys[0]
        for k in keys[1:]:
            a, b = (re.sub(r"(.)\1", r"\1", forms[x].lower()) for x in (head, k))
            both, either = holders[k] & holders[head], holders[k] | holders[head]
            if len(either) >= 3 and len(both) <= 0.2 * len(either) and \
                    _edits(a, b) <= max(len(a), len(b)) / 3:
                out[k] = head
    return out


def _consonants(form: str) -> str:
    """'Kadhafi', 'Gaddafi', 'Gheddafi', 'Qaddafi' -> 'kdf'; 'Mouammar', 'Muamar' -> 'mmr'."""
    word = re.sub(r"(.)\1", r"\1", anyascii(form).lower())  # doubled letters once
    word = word.translate(_SOUNDS)
    return re.sub(r"[^a-z]|[aeiouhwy]", "", word)


_SOUNDS = str.maketrans("gqcz", "kkks")


def _cyrillic_aliases(written: _Written) -> dict[str, str]:
    """{Cyrillic-script key: Latin-script key} for names of one event that transliteration
    leaves a letter or two apart ("Гон"/"Ghosn", "Трамп"/"Trump", "Льюис"/"Lewis",
    "Нотр-Дам"/"Notre-Dame"): named in three reports at least, never both in one report
    (a report that writes both means two things), and neither an abbreviation nor a
    country or city: those are translated, not transliterated ("США" is no "Sea",
    "Франция" no "French"), and the gazetteer joins the places."""
    holders = written.holders
    cyrillic_keys = written.keys(script=True)
    if not cyrillic_keys:
        return {}  # one script: nothing to join (and no index to build)
    latin = _deletion_index(written.keys(script=False))
    out: dict[str, str] = {}
    for c in cyrillic_keys:
        candidates = {k for v in _deletions(c) for k in latin.get(v, ())}
        near = [k for k in sorted(candidates) if not holders[k] & holders[c]
                and len(holders[k]) + len(holders[c]) >= 3 and _close_keys(c, k)
                and _digits(written.forms[k]) & _digits(written.forms[c])]
        closest = [k for k in near if _edits(c, k) == min(_edits(c, n) for n in near)]
        if len(closest) == 1:  # two equally close Latin keys: no telling which
            out[c] = closest[0]
    return out


def _digits(forms: list[str]) -> set[str]:
    """The figures a name is written with, one string per form: "Чанъэ-4" is no "Kraters",
    "Юйту-2" may be "Yutu-2" or "Yutu 2" ("Yutu" of "Yutu 2" has none)."""
    return {"".join(ch for ch in form if ch.isdigit()) for form in forms}


def _deletions(key: str, depth: int = 2) -> set[str]:
    """The key with up to `depth` letters deleted: two keys within `depth` edits share
    one of these (the symmetric-deletion trick), so a Cyrillic key is compared with the
    few Latin keys that can be close, not all of them (3 s -> ms on a 313-report event)."""
    out, frontier = {key}, {key}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _deletion_index(keys) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for k in keys:
        for v in _deletions(k):
            index.setdefault(v, []).append(k)
    return index


def _close_keys(a: str, b: str) -> bool:
    """One edit apart, or two for five-letter keys with the same first letter."""
    d = _edits(a, b)
    shorter = min(len(a), len(b))
    return (d <= 1 and shorter >= 3) or (d <= 2 and shorter >= 5 and a[0] == b[0])


def _edits(a: str, b: str) -> int:
    # Levenshtein distance of two five-letter keys: a few lines, not a dependency
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
