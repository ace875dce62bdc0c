"""Aspects: the sub-topics of an event (for a diplomatic meeting: arms control, Iran,
Venezuela, ...), found by clustering its sentences across languages, each with a short
label and the passages that treat it. A label leads with the name the aspect's reports
share and the rest of the event hardly names ("Iran", "Greg Kelly", "Elbistan"), then the
phrases that recur in it."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import numpy as np

from .entities import NameExtractor, Names
from .namekeys import name_key
from .models import Article, Aspect, Citation
from .quotes import TITLES
from .sentences import Sentence, site_furniture
from .terms import WORD, label_stopwords

__all__ = ["find_aspects", "outlet_keys"]


# Words with inner hyphens or apostrophes ("Notre-Dame", "Chang'e-4" stays whole).
_TOKEN = re.compile(r"[^\W_](?:[\w'’-]*\w)?", re.UNICODE)
# A sentence's runs of adjacent content words: (word, opens the sentence) each.
Runs = list[list[tuple[str, bool]]]
# A sentence's names: {key: the forms it writes them in, with counts}.
Surfaces = dict[str, Counter[str]]


def _runs(text: str, lang: str) -> Runs:
    """Runs of adjacent content words of a sentence, each word with whether it opens
    the sentence (where a capital says nothing). A run breaks at any function, calendar
    or news-telling word, and at figures."""
    stop = label_stopwords(lang)
    runs: Runs = [[]]
    for i, tok in enumerate(_TOKEN.findall(text)):
        if len(tok) >= 3 and tok.lower() not in stop and not any(c.isdigit() for c in tok):
            runs[-1].append((tok, i == 0))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _capital(word: tuple[str, bool]) -> bool:
    return word[0][:1].isupper() and not word[1]


def _phrases(runs: Runs) -> list[str]:
    """One to three adjacent content words ("deposit rate", "Notre-Dame spire"),
    lowercased. A phrase does not cut a name in two ("President Christine" of
    "ECB President Christine Lagarde"). In reading order, each once."""
    out: dict[str, None] = {}
    for run in runs:
        for n in (1, 2, 3):
            for i in range(len(run) - n + 1):
                words = run[i:i + n]
                if n == 1 and not WORD.fullmatch(words[0][0]):
                    continue  # a single word needs 4+ letters, like a content term
                if n > 1 and ((i > 0 and _capital(run[i - 1]) and _capital(words[0])) or
                              (i + n < len(run) and _capital(run[i + n]) and _capital(words[-1]))):
                    continue
                out[" ".join(w.lower() for w, _ in words)] = None
    return list(out)


def _distinct(sents: list[Sentence]) -> list[Sentence]:
    """One of each sentence text: wire copies repeat sentences word for word, which is
    one wording, not a sub-topic's recurring phrase."""
    seen: dict[str, Sentence] = {}
    for s in sents:
        seen.setdefault(" ".join(s.text.lower().split()), s)
    return list(seen.values())


def _spellings(runs_of: list[Runs]) -> dict[str, str]:
    """How to write each word in a label: its most common form where no sentence start
    capitalises it ("Governing Council", "Raumsonde", "fell"); lowercase if it only ever
    opens sentences, unless an acronym ("ECB")."""
    forms: dict[str, Counter[str]] = {}
    for runs in runs_of:
        for run in runs:
            for w, initial in run:
                low = w.lower()
                keep = not initial or (w.isupper() and len(w) <= 5)
                forms.setdefault(low, Counter())[w if keep else low] += 1 + (not initial)
    return {low: c.most_common(1)[0][0] for low, c in forms.items()}


def _label(members: list[Sentence], event_df: Counter[str], target_lang: str,
           lead: str | None = None) -> str:
    """The phrases that recur in this aspect and are rarer in the rest of the event,
    longer ones first among equals: "inflation projections, price growth" says more than
    three loose words. `event_df`: in how many of the event's distinct sentences each is.
    `lead`: a name to open the label with (`_lead_name`); its words are not repeated."""
    pool = _distinct([s for s in members if s.lang == target_lang] or members)
    runs_of = [_runs(s.text, s.lang) for s in pool]
    df: Counter[str] = Counter()
    order: dict[str, int] = {}
    for runs in runs_of:
        for k in _phrases(runs):
            df[k] += 1
            order.setdefault(k, len(order))

    def score(k: str) -> float:
        n = k.count(" ") + 1
        if n > 1 and df[k] < 2:
            return 0.0  # a phrase that does not recur is one sentence's wording
        return df[k] / (1 + event_df[k] - df[k]) * (1 + 0.5 * (n - 1))

    ranked = sorted((k for k in df if score(k) > 0),
                    key=lambda k: (-round(score(k), 3), order[k]))
    used = set(lead.lower().split()) if lead else set()
    chosen: list[str] = []
    for k in ranked:
        if len(used) >= 3:
            break
        if not set(k.split()) & used:
            chosen.append(k)
            used |= set(k.split())
    chosen.sort(key=order.__getitem__)  # as a reader meets them
    spell = _spellings(runs_of)
    phrases = [" ".join(spell.get(w, w) for w in k.split()) for k in _join_adjacent(chosen, runs_of)]
    return ", ".join(([lead] if lead else []) + phrases)


def _join_adjacent(chosen: list[str], runs_of: list[Runs]) -> list[str]:
    """Chosen phrases that a sentence writes one after the other become one
    ("Governing", "Council" -> "Governing Council")."""
    out = list(chosen)
    for runs in runs_of:
        words = [" ".join(w for w, _ in run) for run in runs]
        text = f" {' | '.join(words).lower()} "
        i = 0
        while i < len(out) - 1:
            if f" {out[i]} {out[i + 1]} " in text:
                out[i:i + 2] = [f"{out[i]} {out[i + 1]}"]
            else:
                i += 1
    return out


def _lead_name(idx: list[int], sents: list[Sentence], found: list[Surfaces], target_lang: str,
               skip: frozenset[str] = frozenset()) -> str | None:
    """The name most of the aspect's reports give and the event's other sentences hardly
    do: named by two reports or more, and in more of the aspect's reports than in other
    sentences of the event (distinct wordings); never an outlet's own name (`skip`: "Як
    повідомляє Укрінформ"). Written as the label's sentences write it (the target
    language's when the aspect has any, so no other script slips in), with the names
    next to it ("Hiroto Saikawa", "Carlos Ghosn"); None when no name stands out."""
    inside = set(idx)
    holders: dict[str, set[str]] = {}
    for i in idx:
        for k in found[i]:
            holders.setdefault(k, set()).add(sents[i].article_id)
    elsewhere: dict[str, set[str]] = {}
    for i, s in enumerate(sents):
        if i not in inside:
            for k in found[i]:
                elsewhere.setdefault(k, set()).add(" ".join(s.text.lower().split()))
    pool = [i for i in idx if sents[i].lang == target_lang] or idx

    def score(k: str) -> float:
        return len(holders[k]) / (1 + len(elsewhere.get(k, ())))

    good = [k for k in holders if len(holders[k]) >= 2 and score(k) > 1.0 and k not in skip
            and any(k in found[i] for i in pool)]
    if not good:
        return None
    best = max(good, key=lambda k: (score(k), len(holders[k]), -min(idx)))
    at = next(i for i in pool if best in found[i])
    return _name_run(sents[at].text, found[at], best)


def _name_run(text: str, surfaces: Surfaces, key: str, longest: int = 3) -> str:
    """`key` as this sentence writes it, with the names written next to it (only spaces
    between: "Hiroto Saikawa", "Federal Reserve", not a list "Brüssel, Washington"),
    less the titles before them ("Chief Executive"), up to `longest` words."""
    key_of = {form: k for k, forms in surfaces.items() for form in forms}
    tokens = list(_TOKEN.finditer(text))
    at = next((i for i, t in enumerate(tokens) if key_of.get(t.group(0)) == key), None)
    if at is None:
        return surfaces[key].most_common(1)[0][0]

    def joined(i: int, j: int) -> bool:  # tokens i < j = i + 1 are one name run
        return tokens[i].group(0) in key_of and tokens[j].group(0) in key_of and \
            not text[tokens[i].end():tokens[j].start()].strip()

    lo = hi = at
    while lo > 0 and joined(lo - 1, lo):
        lo -= 1
    while hi + 1 < len(tokens) and joined(hi, hi + 1):
        hi += 1
    while lo < at and tokens[lo].group(0).lower() in TITLES:
        lo += 1
    lo = max(lo, min(at, hi - longest + 1))
    return " ".join(t.group(0) for t in tokens[lo:hi + 1])


def find_aspects(sents: list[Sentence], vecs: np.ndarray, sim: Callable[[np.ndarray], np.ndarray],
                 target_lang: str = "en", min_sim: float = 0.86, max_aspects: int = 6,
                 lang_shift: dict[tuple[str, str], float] | None = None,
                 names: NameExtractor | None = None, aliases: dict[str, str] | None = None,
                 outlets: frozenset[str] = frozenset()) -> list[Aspect]:
    """Average-link clusters of sentences whose calibrated similarity is >= `min_sim`;
    an aspect needs sentences from two articles at least. `lang_shift`: the clusterer's
    per-language-pair cosine shift, so that a sub-topic is not split by language.
    `names`: to lead labels with a name (`_lead_name`); `aliases`: the event's
    cross-script name keys (aliases.script_aliases); `outlets`: name keys of the reports'
    outlets, never a label's name."""
    keep = [i for i, s in enumerate(sents) if not site_furniture(s.text)]  # paywall forms
    sents, vecs = [sents[i] for i in keep], vecs[keep]
    if len(sents) < 4:
        return []
    from sklearn.cluster import AgglomerativeClustering

    raw = vecs @ vecs.T
    if lang_shift:
        langs = [s.lang for s in sents]
        raw = raw + np.array([[lang_shift.get((a, b), 0.0) for b in langs] for a in langs])
    dist = np.clip(1.0 - sim(raw), 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=1.0 - min_sim).fit(dist).labels_
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    event_df: Counter[str] = Counter()
    for s in _distinct(sents):
        event_df.update(_phrases(_runs(s.text, s.lang)))
    found = [_surfaces(names.extract(s.text, s.lang), aliases or {}) for s in sents] if names else []
    out = []
    for idx in sorted(groups.values(), key=lambda g: (-len({sents[i].article_id for i in g}), g[0])):
        if len({sents[i].article_id for i in idx}) < 2:
            continue
        members = [sents[i] for i in idx]
        label = _label(members, event_df, target_lang)
        lead = _lead_name(idx, sents, found, target_lang, outlets) if found else None
        if lead and not set(lead.lower().split()) & set(re.split(r"[,\s]+", label.lower())):
            label = _label(members, event_df, target_lang, lead)  # not already in its phrases
        out.append(Aspect(label=label,
                          passages=[Citation(s.article_id, s.start, s.end) for s in members],
                          languages=sorted({s.lang for s in members})))
        if len(out) == max_aspects:
            break
    return out


def _surfaces(found: Names, aliases: dict[str, str]) -> Surfaces:
    """A sentence's names, {key: how it writes them}, keys read through the event's
    cross-script aliases."""
    out: Surfaces = {}
    for k, forms in found.surfaces.items():
        out.setdefault(aliases.get(k, k), Counter()).update(forms)
    return out


def outlet_keys(members: list[Article]) -> frozenset[str]:
    """Name keys of the reports' outlets ("Kyodo News", "ukrinform"): who reports, not
    what an aspect is about."""
    return frozenset(name_key(w) for a in members for w in re.split(r"[\s/-]+", a.source or "")
                     if len(w) >= 3)
