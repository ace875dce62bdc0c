"""Publication-date benchmark: storyweave's HTML date vs htmldate alone, same run.

    python bench/dates.py --data ../shared/datasets/dates/htmldate_eval [--limit N]

Data: htmldate's evaluation corpus -- ``eval_*.json`` map a page URL to ``{"file", "date"}`` (gold
publication day, YYYY-MM-DD), pages in ``html/<file>.gz``. Scoring follows htmldate's
``tests/evaluation.py``: a found date equal to the gold day is a TP, a different one a FP, no date
a FN (TN+FN when the gold is null); accuracy = (TP+TN)/all, F1 = 2TP/(2TP+FP+FN).
The documented anchor: ``find_date(extensive_search=True, original_date=True)`` accuracy 0.903.

Ours is ``storyweave.htmlextract.extract(raw_bytes, url=page_url).published`` -- the full HTML
pipeline, as an HTML file ingested with its URL gets it. Also reported: ours without the URL
(only what the page itself says, e.g. its canonical link), and htmldate given the URL too, so
the gain from the URL and the gain from storyweave can be told apart.
Progress goes to stderr; the last stdout line is one JSON object.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def load_pages(folder: str) -> list[tuple[str, str, Any]]:
    """(url, file path, gold date) for every page of every eval_*.json, in htmldate's order."""
    pages: dict[str, dict[str, Any]] = {}
    names = sorted(f for f in os.listdir(folder) if f.startswith("eval_") and f.endswith(".json"))
    # htmldate loads eval_mediacloud_2020.json, then eval_default.json (a dict update)
    names.sort(key=lambda n: (n != "eval_mediacloud_2020.json", n))
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            pages.update(json.load(fh))
    out = []
    for url, item in pages.items():
        path = os.path.join(folder, "html", item["file"] + ".gz")
        if not os.path.exists(path):
            path = os.path.join(folder, "html", item["file"])
        out.append((url, path, item.get("date")))
    return out


def read_page(path: str) -> bytes:
    with open(path, "rb") as fh:
        raw = fh.read()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def evaluate_result(result: str | None, gold: Any) -> tuple[int, int, int, int]:
    """htmldate's rule: (tp, fp, tn, fn). A NaN gold (absent in the JSON) never matches."""
    if result is None:
        return (0, 0, 1, 1) if gold is None else (0, 0, 0, 1)
    return (1, 0, 0, 0) if result == gold else (0, 1, 0, 0)


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.tn = self.fn = 0
        self.seconds = 0.0

    def add(self, counts: tuple[int, int, int, int]) -> None:
        tp, fp, tn, fn = counts
        self.tp, self.fp, self.tn, self.fn = self.tp + tp, self.fp + fp, self.tn + tn, self.fn + fn

    def scores(self) -> dict[str, float]:
        total = self.tp + self.fp + self.tn + self.fn
        prec = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        rec = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        return {"accuracy": round((self.tp + self.tn) / total, 4) if total else 0.0,
                "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                "seconds": round(self.seconds, 1)}


REJECTED: dict[str, int] = {}


def ours(url: str | None) -> Callable[[bytes], str | None]:
    """A page the pipeline rejects (error/index page, no text) gets no date: a miss here."""
    from storyweave.htmlextract import extract
    from storyweave.models import Parsed

    def run(raw: bytes) -> str | None:
        res = extract(raw, url=url)
        if not isinstance(res, Parsed):
            key = f"{'url' if url else 'no_url'}:{res.reason}"
            REJECTED[key] = REJECTED.get(key, 0) + 1
            return None
        return res.published.date().isoformat() if res.published else None
    return run


def htmldate_alone(url: str | None) -> Callable[[bytes], str | None]:
    from htmldate import find_date
    from htmldate.utils import decode_file

    def run(raw: bytes) -> str | None:
        try:
            return find_date(decode_file(raw), extensive_search=True, original_date=True, url=url)
        except Exception:
            return None
    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="folder with eval_*.json and html/")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--no-variants", action="store_true",
                    help="only ours (with URL) and the documented baseline")
    args = ap.parse_args(argv)
    pages = load_pages(args.data)[: args.limit or None]
    systems: dict[str, Callable[[str], Callable[[bytes], str | None]]] = {
        "ours": lambda u: ours(u), "baseline": lambda u: htmldate_alone(None)}
    if not args.no_variants:
        systems.update({"ours_no_url": lambda u: ours(None),
                        "baseline_with_url": lambda u: htmldate_alone(u)})
    tallies = {name: Tally() for name in systems}
    t0 = time.perf_counter()
    for i, (url, path, gold) in enumerate(pages, 1):
        raw = read_page(path)
        for name, make in systems.items():
            t = time.perf_counter()
            result = make(url)(raw)
            tallies[name].seconds += time.perf_counter() - t
            tallies[name].add(evaluate_result(result, gold))
        if i % 50 == 0:
            acc = {k: v.scores()["accuracy"] for k, v in tallies.items()}
            print(f"{i}/{len(pages)} {acc} {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
    out: dict[str, Any] = {"dataset": "htmldate_eval", "data": args.data, "n": len(pages)}
    mine, base = tallies["ours"].scores(), tallies["baseline"].scores()
    out.update(mine)
    out.update({f"baseline_{k}": v for k, v in base.items()})
    out["baseline"] = "htmldate.find_date(extensive_search=True, original_date=True), no URL"
    for name in systems:
        if name not in ("ours", "baseline"):
            out[name] = tallies[name].scores()
    out["rejected_pages"] = REJECTED
    out["total_seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
