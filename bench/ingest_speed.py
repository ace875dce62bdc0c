"""Ingest + clean throughput: how many articles per second storyweave turns into Articles (no embedding).

    python bench/ingest_speed.py --data ../shared/datasets/clusters/ml_crisis.jsonl [--n 1000] \
        [--html ../shared/datasets/extraction/scrapinghub/html]

1. Writes the first N rows (``text``, ``lang`` and ``source`` = the id's outlet prefix, so the
   per-outlet repeated-line evidence is used as in bench/boilerplate.py) to a temporary JSONL file and
   times ``Engine.ingest`` (raw bytes + provenance into a fresh SQLite DB) and ``Engine.derive``
   (parse, per-outlet line statistics, clean, language, dates, names, store). The embedder is the
   cheap ``hashing`` one and is never called.
2. Separately, per-article cost of ``ArticleBuilder``: parse, the outlet line statistics, and
   ``build`` (clean + language + dates + names), with the time of each part of ``build``.
3. With ``--html DIR`` (``*.html`` or ``*.html.gz``; gzipped pages are decompressed into a temporary
   folder first), the same ingest + derive timing for HTML pages (main-text extraction included).

Single process: the pipeline does not parallelise derive, so the second core is idle.
Last stdout line: one JSON object.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyweave.clean import LineCleaner, build_stats  # noqa: E402
from storyweave.dates import find_dates  # noqa: E402
from storyweave.derive import ArticleBuilder, outlet_of  # noqa: E402
from storyweave.embed import get_embedder  # noqa: E402
from storyweave.ingest import iter_inputs  # noqa: E402
from storyweave.models import Rejected  # noqa: E402
from storyweave.pipeline import Engine  # noqa: E402


class Quiet:
    """A progress bar that prints nothing (the Engine's default writes to stderr)."""

    def __init__(self, *a, **k) -> None:
        pass

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def outlet_prefix(row_id: str) -> str:
    return row_id.rsplit("/", 1)[-1].rsplit("_", 1)[0]


def engine_run(paths: list[str], workdir: Path, name: str) -> dict:
    """Fresh DB: time ingest and derive separately."""
    db = workdir / f"{name}.db"
    with Engine(str(db), embedder=get_embedder("hashing"), progress=Quiet) as eng:
        t0 = time.perf_counter()
        st = eng.ingest(paths)
        t1 = time.perf_counter()
        made = eng.derive(st)
        t2 = time.perf_counter()
        rejected = dict(st.rejected)
    ingest_s, derive_s = t1 - t0, t2 - t1
    total = ingest_s + derive_s
    return {"items": st.read, "articles": made, "rejected": rejected,
            "ingest_s": round(ingest_s, 3), "derive_s": round(derive_s, 3),
            "ingest_per_s": round(st.read / ingest_s, 1) if ingest_s else None,
            "derive_articles_per_s": round(made / derive_s, 1) if derive_s else None,
            "articles_per_s": round(made / total, 1) if total else None,
            "db_mb": round(db.stat().st_size / 2**20, 2)}


def builder_costs(paths: list[str]) -> dict:
    """ms per article of parse, line statistics and build, and of the parts of build."""
    items = [it for it in iter_inputs(paths) if not isinstance(it, Rejected)]
    builder = ArticleBuilder()
    t0 = time.perf_counter()
    parsed = [(i, it, builder.parse(it)) for i, it in enumerate(items)]
    t1 = time.perf_counter()
    ok = [(i, it, p) for i, it, p in parsed if not isinstance(p, Rejected)]
    builder.stats = build_stats((outlet_of(p, it), p.text) for _i, it, p in ok)
    t2 = time.perf_counter()
    arts = []
    for i, it, p in ok:
        a = builder.build(it, i, p)
        if not isinstance(a, Rejected):
            arts.append((a, p, it))
    t3 = time.perf_counter()
    n = max(len(ok), 1)
    # The parts of build(), timed again one by one on the same articles.
    cleaner = LineCleaner(builder.stats)
    parts = {"clean": 0.0, "language": 0.0, "dates": 0.0, "names": 0.0}
    for a, p, it in arts:
        s = time.perf_counter()
        cleaner.clean(p.title, p.text, outlet_of(p, it))
        e = time.perf_counter()
        builder.langid.detect(f"{a.title}\n{a.text}", p.lang)
        f = time.perf_counter()
        find_dates(a.text, a.removed, a.lang)
        g = time.perf_counter()
        builder.names.extract(f"{a.title}.\n{a.text[:3000]}", a.lang)
        h = time.perf_counter()
        parts["clean"] += e - s
        parts["language"] += f - e
        parts["dates"] += g - f
        parts["names"] += h - g
    m = max(len(arts), 1)
    return {"items": len(items), "parsed": len(ok), "built": len(arts),
            "parse_ms": round((t1 - t0) * 1000 / max(len(items), 1), 3),
            "line_stats_ms": round((t2 - t1) * 1000 / n, 3),
            "build_ms": round((t3 - t2) * 1000 / n, 3),
            "build_parts_ms": {k: round(v * 1000 / m, 3) for k, v in parts.items()},
            "parse_plus_build_per_s": round(len(arts) / ((t1 - t0) + (t3 - t2)), 1) if arts else None}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="JSONL rows with id, lang, text (ml_crisis.jsonl)")
    ap.add_argument("--n", type=int, default=1000, help="rows to use (default 1000)")
    ap.add_argument("--html", help="folder of .html / .html.gz pages to time as well")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="sw_ingest_speed_"))
    try:
        rows = []
        with open(args.data, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rows.append(json.loads(line))
                    if len(rows) >= args.n:
                        break
        jsonl = work / "rows.jsonl"
        with open(jsonl, "w", encoding="utf-8") as out:
            for r in rows:
                rec = {"text": r["text"], "lang": r.get("lang")}
                if r.get("id"):
                    rec["source"] = outlet_prefix(r["id"])
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        mb = jsonl.stat().st_size / 2**20
        res: dict = {"n_rows": len(rows), "input_mb": round(mb, 2),
                     "cpus": os.cpu_count(), "python": platform.python_version()}
        res["jsonl"] = engine_run([str(jsonl)], work, "jsonl")
        res["builder"] = builder_costs([str(jsonl)])
        print(f"JSONL {len(rows)} rows ({mb:.1f} MB): ingest {res['jsonl']['ingest_s']}s, "
              f"derive {res['jsonl']['derive_s']}s -> {res['jsonl']['articles_per_s']} articles/s "
              f"(derive alone {res['jsonl']['derive_articles_per_s']}/s); rejected {res['jsonl']['rejected']}")
        b = res["builder"]
        print(f"ArticleBuilder per article: parse {b['parse_ms']} ms, line stats {b['line_stats_ms']} ms, "
              f"build {b['build_ms']} ms = {b['build_parts_ms']}")
        if args.html:
            src = Path(args.html)
            pages = sorted(list(src.glob("*.html.gz")) + list(src.glob("*.html")) + list(src.glob("*.htm")))
            hdir = work / "html"
            hdir.mkdir()
            for p in pages:
                if p.name.endswith(".gz"):
                    with gzip.open(p, "rb") as fi, open(hdir / p.name[:-3], "wb") as fo:
                        shutil.copyfileobj(fi, fo)
                else:
                    shutil.copy(p, hdir / p.name)
            hmb = sum(f.stat().st_size for f in hdir.iterdir()) / 2**20
            res["html"] = engine_run([str(hdir)], work, "html")
            res["html"]["pages"] = len(pages)
            res["html"]["input_mb"] = round(hmb, 2)
            res["html_builder"] = builder_costs([str(hdir)])
            h = res["html"]
            print(f"HTML {len(pages)} pages ({hmb:.1f} MB): ingest {h['ingest_s']}s, derive {h['derive_s']}s "
                  f"-> {h['articles_per_s']} articles/s; rejected {h['rejected']}")
            hb = res["html_builder"]
            print(f"HTML per page: parse (extraction) {hb['parse_ms']} ms, build {hb['build_ms']} ms "
                  f"= {hb['build_parts_ms']}")
        print(json.dumps(res, ensure_ascii=False))
        return res
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
