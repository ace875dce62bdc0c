"""Line-level boilerplate benchmark on real plain-text dumps: storyweave's LineCleaner vs baselines.

    python bench/boilerplate.py --data ../shared/datasets/clusters/ml_crisis.jsonl \
        [--labels bench/data/boilerplate_labels.jsonl] [--no-trafilatura] [--show-errors]

What is measured
----------------
Every non-empty line of 40 ML-Crisis documents (es/fr/it, stratified over language, outlet prefix
``gv``/``ext`` and crisis; 1,541 lines) was read and labelled by hand as ``keep`` or ``junk``.
The labels file holds only ``id``, the 0-based line index over ``text.split("\\n")`` and the label
(plus a short reason) -- never the dataset's text. Junk is the positive class: precision, recall
and F1 of junk, plus ``keep_recall`` = share of real article lines that survive.

storyweave is run the way the pipeline runs it: the outlet is the id's prefix (``gv_30`` -> ``gv``),
``OutletLineStats`` is built over ALL rows of the file grouped by that prefix (the pipeline's
corpus evidence), the title is the first non-empty line (``split_title``, as the text/JSONL readers
do) and ``LineCleaner(stats).clean_with_title(title, text, outlet)`` decides, as the article
builder does: a junk first line (a site's teaser, a crawl banner) is dropped and the first clean
line becomes the title; otherwise the title line is kept. Baselines in the same run:
"keep everything", justext (each line a ``<p>``, the row language's stop list; a line is junk
when justext marks its paragraph boilerplate) and trafilatura (same ``<p>`` wrapping; a line is
kept when its text appears in trafilatura's output).

Labelling rules (applied by reading, never with the cleaner)
------------------------------------------------------------
keep
  - the article's headline, standfirst/subtitle and crossheads inside the article (a repeated
    crosshead such as "Derechos humanos y libertades" stays keep);
  - body sentences, however short ("Todo resulta sumamente extraño."), list items and bullets,
    month headers of a chronology ("= MARS =");
  - quoted tweets/posts the story cites, *including* the original-language (e.g. Arabic) version of
    a quote that the article then translates (reason ``quote-original``);
  - captions that describe the story's scene, even when a credit is appended to them
    ("Manifestazione al Cairo. Immagine di ... su Flickr (CC BY-NC-SA 2.0).");
  - a fragment line of a hard-wrapped paragraph, and footnotes of the article.
junk
  - site names, slogans, section labels/kickers, breadcrumbs and navigation menus;
  - headlines/teasers of OTHER articles (related, most read, "more from"), "read more"/"follow our
    coverage"/"click here" lines, and lines whose only role is to send the reader elsewhere
    ("Para más información ..., sigan los hashtags ...");
  - share/print/font-size widgets, login/subscription/newsletter/paywall prompts, donation appeals;
  - reader comments and the comment UI, even when the comments are long well-formed prose;
  - bylines, author bios, translator lines, standalone dates/times and "reading time" lines
    (a dateline that *opens* a body sentence stays with that sentence: keep);
  - photo credits standing alone ("Crédito de las fotos:", "SUSANNAH GEORGE / AP");
  - copyright, legal, privacy and cookie notices; CSS/JavaScript leaking into the text;
  - series banners repeated at the top and bottom of Global Voices posts ("Este post es parte de
    nuestra cobertura especial ..."), "[liens en anglais]" notes standing alone, print-edition and
    "updated on" notes;
  - stray lines in another language that are not part of the story (none of the sampled Arabic
    lines was stray: all were quoted originals).

Last stdout line: one JSON object (precision, recall, f1, keep_recall, n_lines, per_lang, baselines).
"""
from __future__ import annotations

import argparse
import html
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyweave.clean import LineCleaner, build_stats  # noqa: E402
from storyweave.ingest.text import split_title  # noqa: E402

DEFAULT_LABELS = ROOT / "bench" / "data" / "boilerplate_labels.jsonl"
JUSTEXT_LANG = {"es": "Spanish", "fr": "French", "it": "Italian", "en": "English", "de": "German",
                "uk": "Ukrainian", "ru": "Russian", "pt": "Portuguese"}


def outlet_prefix(row_id: str) -> str:
    """'es/egypt/2011-01-26/gv_30' -> 'gv'."""
    return row_id.rsplit("/", 1)[-1].rsplit("_", 1)[0]


def load_rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_labels(path: str | Path) -> dict[str, dict[int, tuple[str, str]]]:
    out: dict[str, dict[int, tuple[str, str]]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                out[doc["id"]] = {int(i): (lab, rest[0] if rest else "") for i, lab, *rest in doc["labels"]}
    return out


def title_and_body(text: str) -> tuple[int | None, str, str]:
    """Index of the title line and (title, body) as the text/JSONL readers split them."""
    lines = text.split("\n")
    idx = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    title, body = split_title(text)
    return idx, title, body.strip()


# --- systems: each returns {line_index: "keep"|"junk"} for the labelled lines of a row ------------
def storyweave_predict(row: dict, cleaner: LineCleaner, outlet: str | None,
                       indices: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    lines = row["text"].split("\n")
    t_idx, title, body = title_and_body(row["text"])
    shown, out = cleaner.clean_with_title(title, body, outlet)  # as ArticleBuilder does
    removed = {r.text: r.reason for r in out.removed}
    if shown != title:  # the first line was junk (a teaser, a crawl banner) and was dropped
        removed.pop(shown.strip(), None)  # the body line that became the title is kept
    # classify() depends only on the line, the outlet and the document's script, so identical
    # lines get identical decisions: membership in the removed set is an exact per-line mapping.
    pred, reasons = {}, {}
    for i in indices:
        s = lines[i].strip()
        if i == t_idx and s not in removed:
            pred[i] = "keep"
        elif s in removed:
            pred[i], reasons[i] = "junk", removed[s]
        else:
            pred[i] = "keep"
    return pred, reasons


def _as_html(lines: list[str], indices: list[int]) -> str:
    paras = "".join(f"<p>{html.escape(lines[i].strip())}</p>\n" for i in indices)
    return f"<html><head><meta charset='utf-8'></head><body><article>\n{paras}</article></body></html>"


def justext_predict(row: dict, indices: list[int]) -> dict[int, str]:
    import justext

    lines = row["text"].split("\n")
    stop = justext.get_stoplist(JUSTEXT_LANG.get(row.get("lang", ""), "English"))
    paras = justext.justext(_as_html(lines, indices).encode("utf-8"), stop, encoding="utf-8")
    verdict: dict[str, bool] = {}
    for p in paras:
        verdict.setdefault(" ".join(p.text.split()), p.is_boilerplate)
    pred = {}
    for i in indices:
        key = " ".join(lines[i].split())
        pred[i] = "junk" if verdict.get(key, True) else "keep"
    return pred


def trafilatura_predict(row: dict, indices: list[int]) -> dict[int, str]:
    import trafilatura

    lines = row["text"].split("\n")
    text = trafilatura.extract(_as_html(lines, indices), include_comments=False,
                               include_tables=True, favor_recall=False) or ""
    flat = " ".join(text.split())
    return {i: "keep" if " ".join(lines[i].split()) in flat else "junk" for i in indices}


# --- scoring ----------------------------------------------------------------------------------
def scores(pairs: list[tuple[str, str]]) -> dict:
    tp = sum(g == "junk" and p == "junk" for g, p in pairs)
    fp = sum(g == "keep" and p == "junk" for g, p in pairs)
    fn = sum(g == "junk" and p == "keep" for g, p in pairs)
    kk = sum(g == "keep" and p == "keep" for g, p in pairs)
    n_keep = sum(g == "keep" for g, _ in pairs)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "keep_recall": round(kk / n_keep, 4) if n_keep else 0.0,
            "n_lines": len(pairs), "n_junk": tp + fn, "tp": tp, "fp": fp, "fn": fn}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="ml_crisis.jsonl (id, lang, text)")
    ap.add_argument("--labels", default=str(DEFAULT_LABELS))
    ap.add_argument("--no-justext", action="store_true")
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--show-errors", action="store_true", help="print the cleaner's wrong lines")
    ap.add_argument("--no-outlet", action="store_true",
                    help="no outlet for any row, as the pipeline sees rows without `source`/`url` "
                         "(bench/clusters.py's ML-Crisis run): one anonymous pool of corpus evidence")
    args = ap.parse_args(argv)
    outlet_of_row = (lambda _rid: None) if args.no_outlet else outlet_prefix

    rows = load_rows(args.data)
    labels = load_labels(args.labels)
    by_id = {r["id"]: r for r in rows}
    missing = [i for i in labels if i not in by_id]
    if missing:
        raise SystemExit(f"{len(missing)} labelled ids not in {args.data}, e.g. {missing[0]}")

    t0 = time.perf_counter()
    # Corpus evidence exactly as Engine._line_stats builds it: (outlet, title and body) of every row.
    stats = build_stats((outlet_of_row(r["id"]), "\n".join(title_and_body(r["text"])[1:])) for r in rows)
    cleaner = LineCleaner(stats)
    stats_s = time.perf_counter() - t0

    systems = ["storyweave", "keep_all"]
    if not args.no_justext:
        systems.append("justext")
    if not args.no_trafilatura:
        systems.append("trafilatura")
    pairs: dict[str, dict[str, list[tuple[str, str]]]] = {s: defaultdict(list) for s in systems}
    missed: Counter[str] = Counter()      # gold junk reason of junk the cleaner kept
    wrong_cut: Counter[str] = Counter()   # cleaner reason of real lines it removed
    caught: Counter[str] = Counter()      # cleaner reason of junk it removed
    title_junk = 0
    errors: list[str] = []
    t_clean = 0.0
    for rid, lab in sorted(labels.items()):
        row = by_id[rid]
        lang = row.get("lang", "?")
        idx = sorted(lab)
        lines = row["text"].split("\n")
        t1 = time.perf_counter()
        sw, why = storyweave_predict(row, cleaner, outlet_of_row(rid), idx)
        t_clean += time.perf_counter() - t1
        preds = {"storyweave": sw, "keep_all": {i: "keep" for i in idx}}
        if "justext" in systems:
            preds["justext"] = justext_predict(row, idx)
        if "trafilatura" in systems:
            preds["trafilatura"] = trafilatura_predict(row, idx)
        t_idx = title_and_body(row["text"])[0]
        for i in idx:
            gold, gwhy = lab[i]
            for s in systems:
                pairs[s][lang].append((gold, preds[s][i]))
            p = sw[i]
            if gold == "junk" and p == "keep":
                missed[gwhy] += 1
                title_junk += i == t_idx
            elif gold == "keep" and p == "junk":
                wrong_cut[why[i]] += 1
            elif gold == "junk":
                caught[why[i]] += 1
            if args.show_errors and gold != p:
                errors.append(f"{'MISS' if gold == 'junk' else 'CUT '} {rid}:{i} [{gwhy}|{why.get(i, '')}] "
                              f"{lines[i].strip()[:110]}")

    result: dict = {}
    for s in systems:
        allp = [x for lst in pairs[s].values() for x in lst]
        res = scores(allp)
        res["per_lang"] = {lang: scores(lst) for lang, lst in sorted(pairs[s].items())}
        result[s] = res
    if errors:
        print("\n".join(errors))
    print(f"labelled: {len(labels)} documents, {result['storyweave']['n_lines']} lines, "
          f"{result['storyweave']['n_junk']} junk; stats over {len(rows)} rows in {stats_s:.2f}s; "
          f"cleaning the labelled docs {t_clean * 1000:.0f} ms")
    head = f"{'system':12} {'lang':4} {'P':>6} {'R':>6} {'F1':>6} {'keepR':>6} {'lines':>6}"
    print(head)
    for s in systems:
        for lang, r in [("all", result[s])] + list(result[s]["per_lang"].items()):
            print(f"{s:12} {lang:4} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                  f"{r['keep_recall']:6.3f} {r['n_lines']:6d}")
    print("storyweave junk caught, by cleaner reason:", dict(caught.most_common()))
    print("storyweave junk missed, by gold reason:", dict(missed.most_common()),
          f"(of which title line: {title_junk})")
    print("storyweave real lines removed, by cleaner reason:", dict(wrong_cut.most_common()))
    sw = result["storyweave"]
    final = {"precision": sw["precision"], "recall": sw["recall"], "f1": sw["f1"],
             "keep_recall": sw["keep_recall"], "n_lines": sw["n_lines"], "n_junk": sw["n_junk"],
             "n_docs": len(labels), "outlets": "none" if args.no_outlet else "id prefix",
             "per_lang": sw["per_lang"],
             "baselines": {s: {k: result[s][k] for k in ("precision", "recall", "f1", "keep_recall")}
                           for s in systems if s != "storyweave"}}
    print(json.dumps(final, ensure_ascii=False))
    return final


if __name__ == "__main__":
    main()
