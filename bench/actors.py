"""How well does the model-free name extractor find the people, organisations and places
of an article, and does it give one entity the same key across scripts?

Gold: bench/data/actor_labels.jsonl, hand-labelled articles of demo/corpus, one line per
article: {"path" (relative to demo/corpus), "lang", "entities": [{"name" (canonical
English), "kind" (person|org|place), "surface" (the forms as written in the article)}]}.
Only the article's own text was labelled (title and body), not menus, share bars,
"read more" links, tag lists, photo credits or footers. Demonyms/adjectives ("Russian",
"japonais") are not entities.

Each article is built by the product's ArticleBuilder (clean, language, names) with the
outlet line statistics of the whole demo corpus, as the pipeline would. Then:

* an entity's keys K(e) = name_key of each surface form, plus for a person the key of the
  English surname (last word of "name"), for a one-word non-person the key of "name".
  It is *found* if K(e) meets Article.names.  recall = found / gold entities.
  (`recall_lemma` also admits name_key of the product's own lemma of each surface form.)
* precision (mention level): an extracted key is correct if it belongs to some gold
  entity's mention: K(e), the lemma keys of its surface forms, the keys of the words of
  its English name, or for a person the capitalised word right before a surface form in
  the text (the first name: "Майк Помпео", "Wladimir Putin").
* cross_script_agreement: entities labelled in >= 2 languages whose matched keys (surface
  or lemma keys found in Article.names) share one key in every language (an entity not found in one of its languages fails).
  `cross_script_agreement_found` only over those found in all their languages;
  `gold_key_agreement` is name_key alone on the first surface form (lemmatised as the
  product does), no extraction involved.
* shown_place_recall / shown_place_precision: over found gold entities, is the kind the
  report shows (place when a key is in Article.places or Article.places_in_context or its
  form is a CLDR country/city name) "place" exactly for the gold places?
* place_recall: of gold places found, share whose key is in Article.places or
  places_in_context (the locative and context evidence behind actors' kind="place").

Usage: python bench/actors.py [--data demo] [--labels bench/data/actor_labels.jsonl] [-v]
Last stdout line: one JSON object.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyweave.clean import build_stats  # noqa: E402
from storyweave.derive import ArticleBuilder  # noqa: E402
from storyweave.namekeys import name_key  # noqa: E402
from storyweave.gazetteer import country_phrases, phrase_form, place_name  # noqa: E402
from storyweave.ingest import make_item  # noqa: E402
from storyweave.models import Article, Parsed  # noqa: E402

_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*", re.UNICODE)


def _share(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_keys(ent: dict) -> set[str]:
    keys = {name_key(s) for s in ent["surface"]}
    words = ent["name"].split()
    if ent["kind"] == "person":
        keys.add(name_key(words[-1]))
    elif len(words) == 1 or country_phrases().get(phrase_form(ent["name"])):
        keys.add(name_key(ent["name"]))  # "European Union" is one key, as "United States"
    return {k for k in keys if k}


def mention_keys(ent: dict, text: str, lang: str, lemma) -> set[str]:
    """Every key that may legitimately come out of a mention of this entity."""
    keys = gold_keys(ent) | {name_key(lemma(s.strip("'’ʼ-"), lang)) for s in ent["surface"]}
    keys |= {name_key(w) for w in re.split(r"[\s-]+", ent["name"]) if w}
    if ent["kind"] == "person":
        for s in ent["surface"]:
            for m in re.finditer(r"([^\W\d_][\w'’ʼ-]*)\s+" + re.escape(s) + r"(?!\w)", text):
                if m.group(1)[0].isupper():
                    keys.add(name_key(lemma(m.group(1), lang)))
    return {k for k in keys if k}


def build(builder: ArticleBuilder, path: Path, outlet: str, seq: int, lang: str) -> Article:
    raw = path.read_bytes()
    title, _, text = raw.decode("utf-8").partition("\n")
    item = make_item(str(path), "txt", raw, "")
    art = builder.build(item, seq, Parsed(title=title.strip(), text=text, lang=lang, source=outlet))
    if not isinstance(art, Article):
        raise SystemExit(f"{path}: rejected by ArticleBuilder: {art}")
    return art


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="demo", choices=["demo"], help="corpus the labels refer to")
    ap.add_argument("--labels", default=str(ROOT / "bench" / "data" / "actor_labels.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true", help="print every article's errors")
    args = ap.parse_args()
    corpus = ROOT / "demo" / "corpus"
    rows = [json.loads(ln) for ln in open(args.labels, encoding="utf-8") if ln.strip()]

    # Outlet line statistics from the whole demo corpus, as the pipeline builds them.
    files = sorted(corpus.glob("*/*.txt"))
    builder = ArticleBuilder(stats=build_stats((f.parent.name, f.read_text(encoding="utf-8"))
                                               for f in files))
    lemma = builder.names.lemma

    per = defaultdict(lambda: defaultdict(int))
    # entity name -> lang -> set of matched keys (None entry when labelled but not found)
    seen_in: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    first_surface: dict[str, dict[str, str]] = defaultdict(dict)
    places_found = places_kind = 0
    kind_counts: dict[tuple[bool, bool], int] = defaultdict(int)  # (gold place, shown as place)
    place_keys_total = place_keys_gold = 0
    misses, false_pos, lang_mismatch = [], [], []
    for seq, row in enumerate(rows, start=1):
        path, lang = corpus / row["path"], row["lang"]
        art = build(builder, path, path.parent.name, seq, lang)
        if art.lang != lang:
            lang_mismatch.append((row["path"], lang, art.lang))
        text = f"{art.title}\n{art.text}"
        extracted = set(art.names)
        allowed: set[str] = set()
        place_gold: set[str] = set()
        c = per[lang]
        c["articles"] += 1
        for ent in row["entities"]:
            keys = gold_keys(ent)
            hit = keys & extracted
            hit_lemma = hit | ({name_key(lemma(s.strip("'’ʼ-"), lang)) for s in ent["surface"]} & extracted)
            ekeys = mention_keys(ent, text, lang, lemma)
            allowed |= ekeys
            c["gold"] += 1
            c["found"] += bool(hit)
            c["found_lemma"] += bool(hit_lemma)
            seen_in[ent["name"]][lang] |= hit_lemma
            first_surface[ent["name"]].setdefault(lang, ent["surface"][0])
            if not hit:
                misses.append((lang, row["path"], ent["name"], sorted(keys)))
            if hit:  # the kind the report shows: a place by locative evidence or by CLDR name
                shown = any(k in art.places or k in art.places_in_context or
                            place_name(art.name_forms.get(k, "")) for k in hit)
                kind_counts[(ent["kind"] == "place", shown)] += 1
                if args.verbose and ent["kind"] != "place" and shown:
                    print("   shown as a place, gold not:", art.lang, ent["name"])
            if ent["kind"] == "place":
                place_gold |= ekeys
                if hit:
                    places_found += 1
                    places_kind += bool(hit & set(art.places + art.places_in_context))
        wrong = sorted(k for k in extracted if k not in allowed)
        c["extracted"] += len(extracted)
        c["correct"] += len(extracted) - len(wrong)
        false_pos += [(lang, row["path"], k, art.name_forms.get(k, k)) for k in wrong]
        place_keys_total += len(art.places + art.places_in_context)
        place_keys_gold += sum(1 for k in art.places + art.places_in_context if k in place_gold)

    multi = {n: ls for n, ls in seen_in.items() if len(ls) >= 2}
    agree = [n for n, ls in multi.items() if set.intersection(*ls.values())]
    found_all = [n for n, ls in multi.items() if all(ls.values())]
    gold_agree = [n for n in multi if len({name_key(lemma(s.strip("'’ʼ-"), l))
                                           for l, s in first_surface[n].items()}) == 1]

    per_lang = {}
    for lang in sorted(per):
        c = per[lang]
        p, r, f = prf(c["correct"], c["extracted"], c["found"], c["gold"])
        per_lang[lang] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                          "recall_lemma": round(c["found_lemma"] / c["gold"], 3),
                          "n_entities": c["gold"], "n_extracted": c["extracted"],
                          "n_articles": c["articles"]}
    tot = defaultdict(int)
    for c in per.values():
        for k, v in c.items():
            tot[k] += v
    p, r, f = prf(tot["correct"], tot["extracted"], tot["found"], tot["gold"])

    print(f"labelled articles: {tot['articles']}, gold entity mentions: {tot['gold']} "
          f"({len(seen_in)} distinct), extracted keys: {tot['extracted']}")
    if lang_mismatch:
        print("language identified differently from the label:", lang_mismatch)
    print(f"\nmissed gold entities ({len(misses)}):")
    for m in misses if args.verbose else misses[:60]:
        print("  ", *m)
    print(f"\nextracted keys matching no gold entity ({len(false_pos)}):")
    by_lang = defaultdict(list)
    for lang, _, k, form in false_pos:
        by_lang[lang].append(form)
    for lang, forms in sorted(by_lang.items()):
        print(f"  {lang}: {', '.join(forms)}")
    print(f"\ncross-script ({len(multi)} entities in >=2 languages):")
    for n, ls in sorted(multi.items()):
        mark = "same" if n in agree else "DIFF"
        print(f"  {mark} {n}: " + "; ".join(f"{l}={sorted(k) or '-'}" for l, k in sorted(ls.items())))

    out = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
           "recall_lemma": round(tot["found_lemma"] / tot["gold"], 3),
           "cross_script_agreement": round(len(agree) / len(multi), 3) if multi else None,
           "cross_script_agreement_found": round(sum(n in agree for n in found_all) / len(found_all), 3)
           if found_all else None,
           "gold_key_agreement": round(len(gold_agree) / len(multi), 3) if multi else None,
           "n_cross_script_entities": len(multi),
           "place_recall": round(places_kind / places_found, 3) if places_found else None,
           "n_places_found": places_found,
           "shown_place_recall": _share(kind_counts[(True, True)], kind_counts[(True, True)] + kind_counts[(True, False)]),
           "shown_place_precision": _share(kind_counts[(True, True)], kind_counts[(True, True)] + kind_counts[(False, True)]),
           "place_precision": round(place_keys_gold / place_keys_total, 3) if place_keys_total else None,
           "n_entities": tot["gold"], "n_distinct_entities": len(seen_in),
           "n_articles": tot["articles"], "n_extracted": tot["extracted"], "per_lang": per_lang}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
