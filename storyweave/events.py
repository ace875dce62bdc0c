"""From clusters to `Event`s: user overrides, event date by consensus, title, place, languages.

Overrides (merge / split / move) are stored by article ids, not event ids, so they keep
their meaning when a rebuild or a bigger corpus renames or reshapes events.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from .cluster import ArticleSignals, EventState
from .dates import article_event_date, consensus_date, resolve
from .entities import SENTENCE_BREAK, NameExtractor
from .gazetteer import place_name
from .geonames import known_place
from .actors import display_names
from .models import Article, Event, Membership

__all__ = ["apply_overrides", "EventBuilder", "event_id", "majority", "name_phrase"]

_NAMES = NameExtractor()


def _lead_keys(a: Article) -> set[str]:
    """Name keys of the headline and first sentence (a dateline is a sentence of its own)."""
    lead = SENTENCE_BREAK.split(a.text.lstrip(), maxsplit=1)[0]
    return _NAMES.capitalised_keys(f"{a.title}\n{lead}", a.lang)


def _place_phrase(shown: str, members: list[Article]) -> str:
    """A place keyed by its first word shown whole ("in New York" names "New", see
    `name_phrase`), unless the place is known by itself ("Detroit" in "Detroit Police")."""
    if place_name(shown):
        return shown
    # headlines too: ECB+'s "New Bedford" was in three headlines and no text
    texts = [f"{a.title}\n{a.text}" for a in members]
    return _with_feature(_with_particle(name_phrase(shown, texts), texts), texts)


# The capitalised particle a place's name may open with ("Von Karman", "La Paz", "El
# Paso"): the name extractor keys the place by the word after it. (quotes._NAME_PARTICLES
# are people's, in lower case: "Charles de Gaulle".)
_PARTICLES = "Von|Van|De|Di|Da|Del|Della|La|Le|Las|Los|El|Al|Den|Der"
# English words for a natural feature or a square written after its name ("the Von Karman
# crater", "Tahrir square"; other languages write them before it: "piazza Tahrir")
_FEATURES = "crater|basin|valley|island|peninsula|mountains|river|square"


def _with_particle(phrase: str, texts: list[str]) -> str:
    """"Von Karman" for "Karman" when most of the texts' mentions of it follow "Von"."""
    word = _word_around(phrase, texts, _PARTICLES, before=True)
    return f"{word} {phrase}" if word else phrase


def _with_feature(phrase: str, texts: list[str]) -> str:
    """"Von Karman crater" when most of the texts' mentions of the place go on with the
    English word for a natural feature or a square ("the Von Karman crater")."""
    word = _word_around(phrase, texts, _FEATURES, before=False)
    return f"{phrase} {word}" if word else phrase


def _word_around(name: str, texts: list[str], word: str, before: bool) -> str | None:
    """The word (matching the pattern `word`) that most of the texts' mentions of `name`
    write right before it (or after it); None when no one word has most of them (a
    mention with none counts for none)."""
    core = re.escape(name)
    pattern = re.compile(rf"(?<![\w.-])(?:({word}) )?{core}(?![\w-])" if before
                         else rf"(?<![\w-]){core}(?: ({word}))?(?![\w-])")
    return majority(Counter(m.group(1) for t in texts for m in pattern.finditer(t)))


def name_phrase(shown: str, texts: list[str]) -> str:
    """A name keyed by its first word shown whole: "in New York" and "in Hong Kong" name
    the place after "in" ("New", "Hong"; keys are per word), which reads as "New York"
    where most of the texts' mentions of "New" go on that way (two words more at most,
    and none past a known place: "Rock Hill", not "Rock Hill Police"). The gazetteer is
    asked only where a longer phrase could be read: most names never load it."""
    phrase = _abbreviation_before(shown, texts) or shown
    for _ in range(2):
        word = _next_word(phrase, texts)
        if word is None or known_place(phrase):
            break
        phrase = f"{phrase} {word}"
    return phrase


# "Mt. Gox", "St. Louis", "Ft. Hood": the name extractor ends a name at a full stop, so the
# abbreviation before it is lost. Titles before a name ("Mr.", "Dr.", "Gen.") are no part
# of it ("Lavrov", not "Mr. Lavrov").
_TITLE_ABBREVIATIONS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Sr.", "Jr.", "Gen.", "Col.", "Sen.",
                        "Rep.", "Gov.", "Lt.", "Sgt.", "Capt.", "Prof.", "Rev.", "Cpl.",
                        "Maj.", "Adm.", "Pres.", "Atty.", "Det.", "Supt.", "Insp.", "No."}


def _abbreviation_before(name: str, texts: list[str]) -> str | None:
    """"Mt. Gox" for "Gox" when most of the texts' mentions of it follow "Mt."."""
    word = _word_around(name, texts, r"[A-Z][a-z]{0,3}\.", before=True)
    return None if word is None or word in _TITLE_ABBREVIATIONS else f"{word} {name}"


def _next_word(phrase: str, texts: list[str]) -> str | None:
    """The capitalised word that most of the texts' mentions of `phrase` go on with."""
    return _word_around(phrase, texts, r"[A-Z][\w.-]*\w", before=False)


def majority(counts: Counter):
    """The commonest key when it has 60 % of the counts or more, else None (a mention with
    no word before or after counts under the key None or "", and wins as nothing)."""
    word, n = counts.most_common(1)[0] if counts else (None, 0)
    return word if n and n * 5 >= 3 * sum(counts.values()) else None


def event_id(anchor_article_id: str) -> str:
    return "ev-" + anchor_article_id.removeprefix("a")


def apply_overrides(groups: list[list[str]], overrides: list[tuple[str, dict[str, Any]]]
                    ) -> tuple[list[list[str]], set[str]]:
    """Replay user decisions in order on article-id groups; returns (groups, pinned ids)."""
    where = {a: i for i, g in enumerate(groups) for a in g}
    sets = [set(g) for g in groups]
    pinned: set[str] = set()
    for action, p in overrides:
        if action == "merge":
            targets = sorted({where[a] for a in p["articles"] if a in where})
            for t in targets[1:]:
                for a in sets[t]:
                    where[a] = targets[0]
                sets[targets[0]] |= sets[t]
                sets[t] = set()
            pinned.update(a for t in targets[:1] for a in sets[t])
        elif action in ("split", "move"):
            moving = [a for a in p["articles"] if a in where]
            dest = where.get(p.get("to", ""), None)
            if dest is None:
                sets.append(set())
                dest = len(sets) - 1
            for a in moving:
                sets[where[a]].discard(a)
                sets[dest].add(a)
                where[a] = dest
            pinned.update(moving)
    return [sorted(s) for s in sets if s], pinned


def _resolve_against_event(a: Article, ev_date: date) -> None:
    """An undated article's "on Tuesday" / "14 May" read against its event's date: the
    cross-article resolution one article alone cannot do. Marked as inferred."""
    for m in a.dates:
        if m.relative and (m.value is None or m.source == "inferred"):
            m.value = resolve(m.relative, ev_date, near=True)
            m.source, m.confidence = "inferred", min(m.confidence, 0.5)


@dataclass
class EventBuilder:
    target_lang: str = "en"
    conflict_days: int = 2

    def build(self, members: list[Article], signals: dict[str, ArticleSignals],
              why: dict[str, dict[str, float]], pinned: set[str]) -> tuple[Event, EventState]:
        members = sorted(members, key=lambda a: a.seq)
        state = EventState(anchor=signals[members[0].id])
        for a in members:
            state.add(signals[a.id], why.get(a.id))
        ev_date, conf = self._date(members)
        ev = Event(id=event_id(members[0].id), title=self._title(members, state, signals),
                   date=ev_date, date_confidence=conf, place=self._place(members),
                   languages=[lang for lang, _ in Counter(a.lang for a in members).most_common()],
                   sources=sorted({a.source for a in members if a.source}))
        for a in members:
            if ev_date is not None and a.published is None:
                _resolve_against_event(a, ev_date)
            own, own_conf, how = article_event_date(a, ev_date)
            conflict = bool(ev_date and own and how in ("explicit", "published")
                            and abs((own - ev_date).days) > self.conflict_days)
            score = why.get(a.id, {}).get("p", 1.0)
            ev.members.append(Membership(a.id, float(score), why.get(a.id, {}), conflict,
                                         a.id in pinned))
        return ev, state

    def _date(self, members: list[Article]) -> tuple[date | None, float]:
        votes = []
        for a in members:
            d, conf, _how = article_event_date(a)
            if d is not None:
                votes.append((d, conf))
        first, conf = consensus_date(votes)
        if first is None:
            return None, 0.0
        # Second pass: relative dates ("on Tuesday") of undated members resolved near it.
        votes = [(d, c) for a in members
                 for d, c, _ in [article_event_date(a, first)] if d is not None]
        return consensus_date(votes)

    def _title(self, members: list[Article], state: EventState,
               signals: dict[str, ArticleSignals]) -> str:
        centroid = state.centroid
        pool = [a for a in members if a.lang == self.target_lang and a.title] or \
               [a for a in members if a.title] or members
        # a headline, where a report has one: a title that ends like a sentence is a dump's
        # first line, a lead or a site's note ("Este post es parte de nuestra cobertura …")
        pool = [a for a in pool if not a.title.rstrip().endswith((".", ":", "…"))] or pool
        best = max(pool, key=lambda a: float(np.dot(signals[a.id].vector, centroid)))
        return best.title or best.text[:80]

    def _place(self, members: list[Article]) -> str | None:
        """The place most reports locate something in ("in Sochi", "в Сочі"), a report's
        headline or first sentence (its dateline) counting once more: that is where news
        says the event happened; the war "in Donbass" a speech mentions is background."""
        votes: Counter[str] = Counter()
        rank: Counter[str] = Counter()  # how high reports rank it among their places
        for a in members:
            # a crater, an island, a square a report locates it at ("в кратере Фон Карман")
            located = a.places + [k for k in a.places_in_context if k not in a.places]
            votes.update(located)
            rank.update({k: len(located) - i for i, k in enumerate(located)})
        if not votes:
            return None
        for a in members:
            votes.update(set(votes) & _lead_keys(a))
        # a tie ("Turkey-Syria earthquake": both in every report) goes to the place the
        # reports name most, not to the one last in the alphabet
        key = max(votes, key=lambda k: (votes[k], rank[k], k))
        # shown as this event's reports write it: a key two places share store-wide
        # ("Frankfurt"/"France") reads right within one event
        shown = display_names(members, self.target_lang).get(key) or key.title()
        return _place_phrase(shown, members)
