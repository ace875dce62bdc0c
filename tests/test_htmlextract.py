"""HTML extraction: articles in, error/index/junk pages rejected with a reason, never an exception."""
from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave.htmlextract import decode_html, extract, html_lang
from storyweave.ingest import READERS, Limits, iter_inputs, make_item, parse_item
from storyweave.models import Parsed, Rejected

DATA = os.path.join(os.path.dirname(__file__), "data", "html")


def page(name: str) -> bytes:
    with open(os.path.join(DATA, name), "rb") as fh:
        return fh.read()


def test_article_text_and_metadata():
    res = extract(page("article.html"), url="https://ledger.example.com/x")
    assert isinstance(res, Parsed), res
    assert res.title == "Flood barriers hold as river peaks in Riverton"
    assert "highest level in forty years" in res.text
    assert "further showers could cause localised flooding" in res.text  # last paragraph kept
    for junk in ("Accept all cookies", "Share on Twitter", "All rights reserved", "Privacy policy",
                 "Related stories"):
        assert junk not in res.text
    assert res.source == "The Daily Ledger"
    assert res.author == "Maria Kovalenko"
    assert res.url == "https://ledger.example.com/2024/03/14/flood-barriers-hold"  # canonical
    assert res.lang == "en"
    assert res.published is not None and res.published.tzinfo is not None
    assert res.published.date().isoformat() == "2024-03-14"
    assert res.published_source == "html"
    removed = {r.text for r in res.removed}
    assert any("cookies" in t for t in removed)  # the audit trail keeps what was cut


def test_index_page_rejected():
    res = extract(page("index.html"))
    assert isinstance(res, Rejected)
    assert (res.stage, res.reason) == ("parse", "not-an-article")


def test_404_page_rejected():
    res = extract(page("notfound.html"), url="https://ledger.example.com/missing")
    assert isinstance(res, Rejected)
    assert res.reason == "not-an-article"
    assert res.origin == "https://ledger.example.com/missing"


def test_windows_1251_meta_charset():
    res = extract(page("cp1251.html"))
    assert isinstance(res, Parsed), res
    assert "Паводок" in res.title
    assert "противопаводковые заграждения" in res.text
    assert res.lang == "ru"
    assert res.published == datetime(2024, 3, 15, tzinfo=timezone.utc)


def test_decode_prefers_valid_utf8_over_a_lying_meta():
    raw = '<meta charset="iso-8859-1"><p>Київ — столиця</p>'.encode("utf-8")
    assert "Київ — столиця" in decode_html(raw)
    raw = '<meta charset="iso-8859-1"><p>“quoted” café</p>'.encode("cp1252")
    assert "“quoted” café" in decode_html(raw)  # latin-1 label means windows-1252


def test_truncated_html_still_extracted():
    res = extract(page("truncated.html"))
    assert isinstance(res, Parsed), res
    assert "höchsten Stand seit vierzig Jahren" in res.text
    assert res.lang == "de"


@pytest.mark.parametrize("name,reason", [("empty.html", "empty"), ("binary.html", "binary")])
def test_empty_and_binary_rejected(name, reason):
    res = extract(page(name))
    assert isinstance(res, Rejected)
    assert (res.stage, res.reason) == ("parse", reason)


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><body><p>Hi</p></body></html>",
                                  "<<<>>>", "\x00\x00", "<title>404 Not Found</title>"])
def test_tiny_inputs_rejected_not_raised(html):
    assert isinstance(extract(html), Rejected)


def test_html_lang_variants():
    from lxml import html as lh

    assert html_lang(lh.fromstring('<html lang="uk-UA"><body>x</body></html>')) == "uk"
    tree = lh.fromstring('<html><head><meta property="og:locale" content="ru_RU"></head>'
                         '<body>x</body></html>')
    assert html_lang(tree) == "ru"
    assert html_lang(lh.fromstring("<html><body>x</body></html>")) is None


def test_reader_reads_and_parses(tmp_path):
    assert "html" in READERS
    src = tmp_path / "story.html"
    src.write_bytes(page("article.html"))
    items = list(iter_inputs([str(src)]))
    assert len(items) == 1 and not isinstance(items[0], Rejected)
    assert items[0].provenance.kind == "html"
    parsed = parse_item(items[0])
    assert isinstance(parsed, Parsed) and "Riverton" in parsed.text


def test_reader_too_large_and_rejection_provenance(tmp_path):
    src = tmp_path / "big.htm"
    src.write_bytes(page("article.html"))
    out = list(iter_inputs([str(src)], Limits(max_bytes=100)))
    assert isinstance(out[0], Rejected) and out[0].reason == "too-large"
    item = make_item("feed.jsonl", "html", page("notfound.html"), "line 3", url="https://x.test/a")
    res = READERS["html"].parse(item)
    assert isinstance(res, Rejected)
    assert (res.origin, res.locator, res.content_hash) == ("feed.jsonl", "line 3", item.content_hash)


def test_jsonl_html_record(tmp_path):
    import json

    src = tmp_path / "a.jsonl"
    html = page("article.html").decode("utf-8")
    src.write_text(json.dumps({"html": html, "url": "https://ledger.example.com/y"}) + "\n")
    items = list(iter_inputs([str(src)]))
    parsed = parse_item(items[0])
    assert isinstance(parsed, Parsed), parsed
    assert parsed.title.startswith("Flood barriers") and "forty years" in parsed.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000),
                 st.lists(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div>", "<a href='x'>",
                                           "</a>", "<meta charset='koi8-r'>", "<title>", "</title>",
                                           "\x00", "404", "Текст новини. ", "word " * 20, "<!--",
                                           "<script>", "&amp;", "&#0;", "\ufeff", "<?xml?>"]),
                          max_size=60).map("".join)))
def test_extract_never_raises(data):
    res = extract(data)
    assert isinstance(res, (Parsed, Rejected))
    if isinstance(res, Parsed):
        assert res.text.strip()
