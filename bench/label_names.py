"""Do a clusters file's reports name their own gold label? A check on the gold, not on
storyweave: ML-Crisis labels each report with the crisis it was collected for ("syria"),
and a report that never names that country, or names another crisis country more, can only
be grouped with its gold storyline by luck, not by content.

    python bench/label_names.py --data ../shared/datasets/clusters/ml_crisis.jsonl

Each row is built by the product's ArticleBuilder (cleaning, language, names from title and
the first 3,000 characters); a label counts as named when the name key of the label itself
(`name_key("syria")`, which CLDR aliases join with "Siria", "Syrie", ...) is among the
article's names. Last line: one JSON object.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

from _common import build_articles, load_jsonl, split_first_line

from storyweave.namekeys import name_key


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--label", default="storyline")
    args = ap.parse_args()
    rows = load_jsonl(args.data)
    docs = []
    for r in rows:
        title, text = split_first_line(r.get("text") or "")
        docs.append({"key": r["id"], "title": r.get("title") or title, "text": text, "lang": r.get("lang")})
    arts = build_articles(docs)
    keys = {lab: name_key(lab) for lab in {str(r[args.label]) for r in rows}}
    total: Counter[str] = Counter()
    unnamed: Counter[str] = Counter()
    other_more: Counter[str] = Counter()
    for r, a in zip(rows, arts):
        lab = str(r[args.label])
        total[lab] += 1
        own = a.names.get(keys[lab], 0)
        unnamed[lab] += own == 0
        other_more[lab] += any(a.names.get(k, 0) > own for k in keys.values() if k != keys[lab])
    per = {lab: {"reports": total[lab], "own_label_never_named": unnamed[lab],
                 "another_label_named_more": other_more[lab]} for lab in sorted(total)}
    print(json.dumps({"data": args.data, "reports": sum(total.values()),
                      "own_label_never_named": sum(unnamed.values()),
                      "another_label_named_more": sum(other_more.values()), "per_label": per}))


if __name__ == "__main__":
    main()
