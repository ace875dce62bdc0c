"""Pinned quality floors on the labelled benchmarks that run in seconds (no model).

Each runs the real bench script and reads its last JSON line, so a change that lowers
extraction quality fails CI. Floors sit a little under the figures in BENCHMARKS.md;
raise them when quality improves, never lower them to make a change pass.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"


def bench(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def needs(name: str):
    """Marks for a check on a data set of ../shared/datasets/clusters (skipped without it)."""
    path = DATASETS / "clusters" / name
    return lambda f: pytest.mark.data(pytest.mark.skipif(
        not path.is_file(), reason="needs ../shared/datasets")(f))


def cluster_bench(name: str, label: str, *extra: str) -> dict:
    """bench/clusters.py on a data set, B3 only (summaries skipped: they do not change groups)."""
    return bench("clusters.py", "--data", str(DATASETS / "clusters" / name), "--label", label,
                 "--no-summaries", *extra)


def b3(m: dict) -> dict:
    return {k: m[k] for k in ("bcubed_p", "bcubed_r", "bcubed_f1")}


def test_quote_extraction_floor_on_the_demo_labels():
    demo = bench("quotes.py")["by_source"]["demo"]  # 52 hand-labelled quotes
    assert demo["precision"] >= 0.98 and demo["recall"] >= 0.98, demo
    assert demo["speaker_accuracy"] >= 0.95, demo


def test_actor_extraction_floor_on_the_demo_labels():
    m = bench("actors.py", "--data", "demo")  # 218 hand-labelled entity mentions
    assert m["precision"] >= 0.89 and m["recall"] >= 0.94, m  # 0.910 / 0.968 in session 12
    # the report shows places as places (0.636 before places were read from context)
    assert m["shown_place_recall"] >= 0.80 and m["shown_place_precision"] >= 0.97, m
    assert m["per_lang"]["de"]["precision"] >= 0.70, m["per_lang"]["de"]
    # one key for one entity across scripts and translations (0.70 before CLDR place names)
    assert m["cross_script_agreement"] >= 0.75, m


@needs("ml_crisis.jsonl")
def test_quote_extraction_floor_on_ml_crisis_labels():
    m = bench("quotes.py", "--data", str(DATASETS / "clusters" / "ml_crisis.jsonl"))
    crisis = m["by_source"]["ml_crisis"]  # 37 hand-labelled quotes in es/fr/it paragraphs
    assert crisis["precision"] >= 0.88 and crisis["recall"] >= 0.75, crisis
    assert crisis["speaker_accuracy"] >= 0.62, crisis


@pytest.mark.slow
@needs("ecbplus.jsonl")
def test_event_clustering_floor_on_ecbplus():
    m = cluster_bench("ecbplus.jsonl", "event")
    # 0.824 with the hand-set model, 0.853 with the default mixed one, 0.885 with content
    # terms and bars for undated pairs (session 11)
    assert m["bcubed_f1"] >= 0.87 and m["bcubed_p"] >= 0.85 and m["bcubed_r"] >= 0.88, b3(m)


@pytest.mark.slow
@needs("uci_headlines.jsonl")
def test_event_clustering_floor_on_uci_headlines():
    m = cluster_bench("uci_headlines.jsonl", "event", "--limit", "2000")
    # 0.589 before content terms (session 11: 0.768), 0.800 since a headline alone gives
    # no place to clash on (session 12); the oracle-tuned baseline gets 0.765
    assert m["bcubed_f1"] >= 0.78 and m["bcubed_p"] >= 0.84, b3(m)


@pytest.mark.slow
@needs("ml_crisis.jsonl")
def test_storyline_floor_on_ml_crisis():
    m = cluster_bench("ml_crisis.jsonl", "storyline")
    # 0.525 with connected components, 0.721 with communities and the language-pair shift,
    # 0.815 with names weighed by mentions and corpus-wide furniture lines cut
    assert m["bcubed_f1"] >= 0.78 and m["bcubed_p"] >= 0.83, b3(m)


@pytest.mark.slow
@pytest.mark.data
@pytest.mark.skipif(not (DATASETS / "dates" / "htmldate_eval" / "html").is_dir(),
                    reason="needs ../shared/datasets")
def test_few_storylines_among_unrelated_web_pages():
    m = bench("storyline_noise.py", "--data", str(DATASETS / "dates" / "htmldate_eval"),
              "--limit", "400")
    # 11 storylines (36 pages) before a storyline's headlines had to carry its thread,
    # most of them chains of names mentioned in passing; 2 since (session 31)
    assert m["pages"] == 400 and m["storylines"] <= 5, m
