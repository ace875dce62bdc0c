"""Quote extraction benchmark: storyweave.quotes.extract_quotes against a hand-labelled set.

    python bench/quotes.py --data ../shared/datasets/clusters/ml_crisis.jsonl [--gold tests/data/quotes_gold.jsonl]

Gold (tests/data/quotes_gold.jsonl, labelled by hand, one JSON object per document or paragraph):
- `source: demo` -- whole demo-corpus articles (`doc` = path under the repo; the text is ours);
- `source: ml_crisis` -- paragraphs of ML-Crisis rows: `doc` = row id, `start`/`end` = the
  paragraph's offsets; the text is read from --data (the data set is never copied here).
A gold quote is quoted speech or writing of three words or more (titles, names and one- or
two-word scare quotes are not quotes); offsets are those of the text inside the marks; `speaker`
is the person or body the text attributes it to (resolved through "he"/"the minister" when the
document names them), null when the speaker is unnamed (crowds, "someone", a bare headline).

Scoring: extract_quotes runs on the whole text (ml_crisis: whole row, predictions starting inside
the labelled paragraph). A prediction matches a gold quote when their overlap is at least 50 % of
both spans (one-to-one, greedy). Speaker accuracy is over matched quotes: the surname keys agree
(`quotes.speaker_key`, the product's own, prefix-tolerant for bodies: "EZB" ~ "EZB-Rat"), or both
are null. The last stdout line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyweave.entities import NameExtractor  # noqa: E402
from storyweave.quotes import extract_quotes, speaker_key  # noqa: E402


def same_speaker(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    short, long_ = sorted((gold, pred), key=len)
    return gold == pred or (len(short) >= 3 and long_.startswith(short))


def overlap_ok(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * (a[1] - a[0]) and inter >= 0.5 * (b[1] - b[0])


def load_texts(gold: list[dict], data: str | None) -> dict[str, str]:
    texts: dict[str, str] = {}
    for g in gold:
        if g["source"] == "demo":
            texts[g["doc"]] = (ROOT / g["doc"]).read_text(encoding="utf-8")
    wanted = {g["doc"] for g in gold if g["source"] == "ml_crisis"}
    if wanted and data:
        with open(data, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in wanted:
                    texts[row["id"]] = row["text"]
    return texts


def score_doc(g: dict, text: str, names: NameExtractor, counts: dict, errors: list) -> None:
    lo, hi = g.get("start", 0), g.get("end", len(text))
    preds = [q for q in extract_quotes(text, g["lang"], names) if lo <= q.start < hi]
    free = list(range(len(preds)))
    c = counts[(g["source"], g["lang"])]
    c["n_gold"] += len(g["quotes"])
    c["n_pred"] += len(preds)
    for gq in g["quotes"]:
        hit = next((k for k in free if overlap_ok((gq["start"], gq["end"]),
                                                   (preds[k].start, preds[k].end))), None)
        if hit is None:
            errors.append({"doc": g["doc"], "miss": text[gq["start"]:gq["end"]][:60]})
            continue
        free.remove(hit)
        c["tp"] += 1
        ok = same_speaker(speaker_key(gq["speaker"], g["lang"], names), preds[hit].speaker_key)
        c["speaker_ok"] += ok
        if not ok:
            errors.append({"doc": g["doc"], "quote": preds[hit].text[:40],
                           "gold_speaker": gq["speaker"], "speaker": preds[hit].speaker})
    for k in free:
        errors.append({"doc": g["doc"], "false": preds[k].text[:60]})


def metrics(c: dict) -> dict:
    p = c["tp"] / c["n_pred"] if c["n_pred"] else 0.0
    r = c["tp"] / c["n_gold"] if c["n_gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = c["speaker_ok"] / c["tp"] if c["tp"] else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "speaker_accuracy": round(acc, 3), "n_gold": c["n_gold"], "n_pred": c["n_pred"],
            "matched": c["tp"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="clusters/ml_crisis.jsonl (the ml_crisis labels need it)")
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "quotes_gold.jsonl"))
    ap.add_argument("--errors", action="store_true", help="print every miss / false / wrong speaker")
    args = ap.parse_args()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    texts = load_texts(gold, args.data)
    names = NameExtractor()
    counts: dict = defaultdict(lambda: defaultdict(int))
    errors: list = []
    t0 = time.monotonic()
    skipped = 0
    for g in gold:
        if g["doc"] not in texts:
            skipped += 1  # ml_crisis labels without --data
            continue
        score_doc(g, texts[g["doc"]], names, counts, errors)
    seconds = time.monotonic() - t0
    if args.errors:
        for e in errors:
            print(json.dumps(e, ensure_ascii=False), file=sys.stderr)
    total: dict = defaultdict(int)
    by_source: dict = defaultdict(lambda: defaultdict(int))
    for (source, lang), c in counts.items():
        for k, v in c.items():
            total[k] += v
            by_source[source][k] += v
    out = metrics(total)
    out["by_source"] = {s: metrics(c) for s, c in sorted(by_source.items())}
    out["by_source_lang"] = {f"{s}/{lang}": metrics(c) for (s, lang), c in sorted(counts.items())}
    out.update({"n_docs": len(gold) - skipped, "skipped_docs": skipped,
                "seconds": round(seconds, 2)})
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
