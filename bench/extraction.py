"""Main-text extraction benchmark: storyweave's HTML extractor vs plain trafilatura, same run.

    python bench/extraction.py --data ../shared/datasets/extraction/scrapinghub [--limit N]

The folder format is recognised by itself, and each format is scored with its own standard metric:

- scrapinghub (``ground-truth.json`` + ``html/<id>.html.gz``): article-extraction-benchmark's
  ``evaluate.py`` -- 4-word shingles of ``\\w+`` tokens, per-page TP/FP/FN normalised to sum 1,
  precision and recall averaged over pages, F1 from the averages.
- wcxb (``ground-truth/<id>.json`` + ``html/<id>.html.gz``, or its parent with ``dev/``): word F1
  of ``main_content`` (lower-cased ``\\w+`` bag of words), P/R/F1 averaged over pages.
- trafilatura_eval (``evaldata.json`` + ``html/<file>.gz``): trafilatura's own evaluation -- each
  ``with`` snippet found is a TP, each ``without`` snippet found a FP (whitespace-normalised substring
  match), counts summed over the corpus, P/R/F1/accuracy from the totals.

The baseline is ``trafilatura.extract(html)`` with its defaults. Both get the same raw bytes.
Progress goes to stderr; the last stdout line is one JSON object.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


@dataclass
class Doc:
    id: str
    html: bytes
    url: str | None
    gold: Any  # str for scrapinghub/wcxb, {"with": [...], "without": [...]} for trafilatura_eval
    meta: dict[str, Any] = field(default_factory=dict)


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        raw = fh.read()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def detect_format(path: str) -> tuple[str, str]:
    """(format, folder) for a dataset path; wcxb's parent folder resolves to its dev/ split."""
    if os.path.isfile(os.path.join(path, "ground-truth.json")):
        return "scrapinghub", path
    if os.path.isfile(os.path.join(path, "evaldata.json")):
        return "trafilatura_eval", path
    if os.path.isdir(os.path.join(path, "ground-truth")):
        return "wcxb", path
    if os.path.isdir(os.path.join(path, "dev", "ground-truth")):
        return "wcxb", os.path.join(path, "dev")
    raise SystemExit(f"{path}: not a scrapinghub, wcxb or trafilatura_eval folder")


def load_scrapinghub(folder: str) -> Iterator[Doc]:
    with open(os.path.join(folder, "ground-truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    for key in sorted(truth):
        yield Doc(key, _read(os.path.join(folder, "html", f"{key}.html.gz")),
                  truth[key].get("url"), truth[key].get("articleBody", ""))


def load_wcxb(folder: str) -> Iterator[Doc]:
    gt_dir = os.path.join(folder, "ground-truth")
    for name in sorted(os.listdir(gt_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(gt_dir, name), encoding="utf-8") as fh:
            data = json.load(fh)
        stem = name[:-5]
        gt = data["ground_truth"]
        yield Doc(stem, _read(os.path.join(folder, "html", f"{stem}.html.gz")), data.get("url"),
                  gt.get("main_content") or "",
                  {k: gt.get(k) for k in ("title", "author", "publish_date")})


def load_trafilatura_eval(folder: str) -> Iterator[Doc]:
    with open(os.path.join(folder, "evaldata.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    for url, item in data.items():
        path = os.path.join(folder, "html", item["file"] + ".gz")
        if not os.path.exists(path):
            path = os.path.join(folder, "html", item["file"])
        yield Doc(item["file"], _read(path), url,
                  {"with": item["with"], "without": item["without"]})


LOADERS: dict[str, Callable[[str], Iterator[Doc]]] = {
    "scrapinghub": load_scrapinghub, "wcxb": load_wcxb, "trafilatura_eval": load_trafilatura_eval}

# ---------------------------------------------------------------- metrics

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def shingle_tp_fp_fn(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """article-extraction-benchmark's string_shingle_matching (normalised per page)."""
    def shingles(text: str) -> Counter:
        toks = _TOKEN_RE.findall(text or "")
        return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1))
                       if toks[i:i + n])
    ts, ps = shingles(true), shingles(pred)
    tp = sum((ts & ps).values())
    fp = sum((ps - ts).values())
    fn = sum((ts - ps).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _prec(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _rec(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def word_prf(pred: str, ref: str) -> tuple[float, float, float]:
    """WCXB word-level P/R/F1 (lower-cased \\w+ bags)."""
    p = Counter(_TOKEN_RE.findall(pred.lower()))
    r = Counter(_TOKEN_RE.findall(ref.lower()))
    if not r:
        return (1.0, 1.0, 1.0) if not p else (0.0, 1.0, 0.0)
    if not p:
        return 0.0, 0.0, 0.0
    overlap = sum((p & r).values())
    prec, rec = overlap / sum(p.values()), overlap / sum(r.values())
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_counts(gold: dict[str, list[str]], pred: str | None) -> tuple[int, int, int, int]:
    """trafilatura eval_common.count_item: (tp, fp, fn, tn)."""
    resn = _norm(pred) if pred else ""
    tp = sum(1 for w in gold["with"] if pred and _norm(w) in resn)
    fp = sum(1 for w in gold["without"] if pred and _norm(w) in resn)
    return tp, fp, len(gold["with"]) - tp, len(gold["without"]) - fp


class Scorer:
    """Accumulates one system's per-document scores in the dataset's own metric."""

    def __init__(self, fmt: str):
        self.fmt, self.rows = fmt, []

    def add(self, doc: Doc, pred: str | None) -> float:
        """Adds a document; returns its own F1 (for the per-page comparison)."""
        pred = pred or ""
        if self.fmt == "scrapinghub":
            row = shingle_tp_fp_fn(doc.gold, pred)
            tp, fp, fn = row
            p, r = _prec(*row), _rec(*row)
            self.rows.append(row)
            return 2 * p * r / (p + r) if p + r else 0.0
        if self.fmt == "wcxb":
            row = word_prf(pred, doc.gold)
            self.rows.append(row)
            return row[2]
        row = snippet_counts(doc.gold, pred)
        self.rows.append(row)
        tp, fp, fn, _ = row
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0

    def result(self) -> dict[str, float]:
        rows = self.rows
        if not rows:
            return {"f1": 0.0, "precision": 0.0, "recall": 0.0}
        if self.fmt == "scrapinghub":
            ps = [_prec(*r) for r in rows if r[0] + r[1] > 0]
            rs = [_rec(*r) for r in rows if r[0] + r[2] > 0]
            p, r = sum(ps) / max(1, len(ps)), sum(rs) / max(1, len(rs))
            return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}
        if self.fmt == "wcxb":
            n = len(rows)
            return {"f1": sum(x[2] for x in rows) / n, "precision": sum(x[0] for x in rows) / n,
                    "recall": sum(x[1] for x in rows) / n}
        tp, fp, fn, tn = (sum(x[i] for x in rows) for i in range(4))
        return {"f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
                "precision": tp / (tp + fp) if tp + fp else 0.0,
                "recall": tp / (tp + fn) if tp + fn else 0.0,
                "accuracy": (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0}

# ---------------------------------------------------------------- systems


def run_ours(doc: Doc) -> tuple[str, Any]:
    """storyweave's extractor; a rejected page counts as empty output (a miss)."""
    from storyweave.htmlextract import extract
    from storyweave.models import Rejected

    res = extract(doc.html, url=doc.url)
    if isinstance(res, Rejected):
        return "", res
    # title is part of the gold body in none of the formats, so score the body only
    return res.text, res


def run_baseline(doc: Doc) -> str:
    import trafilatura

    return trafilatura.extract(doc.html, url=doc.url) or ""


def _same_date(parsed: Any, gold: str | None) -> bool | None:
    if not gold or parsed is None or not hasattr(parsed, "published"):
        return None
    return bool(parsed.published) and parsed.published.date().isoformat() == str(gold)[:10]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="dataset folder (format recognised by itself)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--worst", type=int, default=0, help="print the N pages where we lose most")
    args = ap.parse_args(argv)
    fmt, folder = detect_format(args.data)
    ours, base = Scorer(fmt), Scorer(fmt)
    rejected: Counter = Counter()
    deltas: list[tuple[float, str]] = []
    dates_ok = dates_n = 0
    t0 = time.perf_counter()
    secs_ours = secs_base = 0.0
    n = 0
    for doc in LOADERS[fmt](folder):
        if args.limit and n >= args.limit:
            break
        n += 1
        t = time.perf_counter()
        text, res = run_ours(doc)
        secs_ours += time.perf_counter() - t
        if not text:
            rejected[getattr(res, "reason", "empty")] += 1
        t = time.perf_counter()
        btext = run_baseline(doc)
        secs_base += time.perf_counter() - t
        deltas.append((ours.add(doc, text) - base.add(doc, btext), doc.id))
        same = _same_date(res, doc.meta.get("publish_date"))
        if same is not None:
            dates_n, dates_ok = dates_n + 1, dates_ok + int(same)
        if n % 25 == 0:
            print(f"[{fmt}] {n} docs, ours F1 {ours.result()['f1']:.4f}, "
                  f"trafilatura F1 {base.result()['f1']:.4f}, {time.perf_counter() - t0:.0f}s",
                  file=sys.stderr, flush=True)
    for d, key in sorted(deltas)[:args.worst]:
        print(f"worst: {key} {d:+.3f}", file=sys.stderr)
    mo, mb = ours.result(), base.result()
    out: dict[str, Any] = {"dataset": fmt, "data": args.data, "n": n}
    out.update({k: round(v, 4) for k, v in mo.items()})
    out.update({f"baseline_{k}": round(v, 4) for k, v in mb.items()})
    out.update({"baseline": "trafilatura.extract (defaults)", "rejected": dict(rejected),
                "pages_better": sum(1 for d, _ in deltas if d > 1e-9),
                "pages_worse": sum(1 for d, _ in deltas if d < -1e-9),
                "seconds_ours": round(secs_ours, 1), "seconds_baseline": round(secs_base, 1),
                "seconds": round(time.perf_counter() - t0, 1)})
    if dates_n:
        out["date_accuracy"] = round(dates_ok / dates_n, 4)
        out["date_n"] = dates_n
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
