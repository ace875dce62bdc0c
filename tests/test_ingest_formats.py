"""Feeds, OPML, WARC, URL lists and stdin readers (fixtures under tests/data, a real
HTTP server on 127.0.0.1 for fetching; no internet)."""
from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import storyweave.ingest as ingest
from storyweave.fetch import set_default_fetcher
from storyweave.ingest import Limits, iter_inputs, parse_item
from storyweave.ingest import feeds, stdin, warc
from storyweave.models import Parsed, RawItem, Rejected

from test_watch import LocalServer, fast_fetcher  # the shared 127.0.0.1 test server

DATA = Path(__file__).parent / "data"
FEEDS = DATA / "feeds"
ARTICLE = (DATA / "pages" / "article.html").read_bytes()
needs_html = pytest.mark.skipif("html" not in ingest.READERS, reason="HTML reader not installed")


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    set_default_fetcher(fast_fetcher())  # readers share the default fetcher; no delays here
    yield srv
    set_default_fetcher(None)
    srv.close()


def items(out: list[RawItem | Rejected]) -> list[RawItem]:
    return [x for x in out if isinstance(x, RawItem)]


def rejects(out: list[RawItem | Rejected]) -> list[Rejected]:
    return [x for x in out if isinstance(x, Rejected)]


# -- feeds ----------------------------------------------------------------------

def test_rss_entries_and_fields() -> None:
    out = list(iter_inputs([str(FEEDS / "news.rss")]))
    got = items(out)
    assert len(got) == 3 and not rejects(out)
    first = got[0]
    assert first.provenance.kind == "feed" and first.provenance.locator == "entry 1"
    assert first.fields["url"] == "https://example.org/news/grain-talks"
    assert first.fields["source"] == "Kyiv Daily Wire"
    assert first.fields["published"] == "2024-06-04T09:30:00+00:00"
    assert first.fields["summary_only"] is False and got[1].fields["summary_only"] is True
    assert json.loads(first.raw)["content"].startswith("<p>Delegations")
    assert len({x.content_hash for x in got}) == 3  # same teaser text must not collide


def test_rss_parse_full_content() -> None:
    parsed = parse_item(items(list(iter_inputs([str(FEEDS / "news.rss")])))[0])
    assert isinstance(parsed, Parsed)
    assert parsed.title == "Grain corridor talks resume in Istanbul"
    assert "Black Sea grain corridor" in parsed.text and "alert(" not in parsed.text
    assert "second round" in parsed.text
    assert parsed.published == datetime(2024, 6, 4, 9, 30, tzinfo=timezone.utc)
    assert parsed.source == "Kyiv Daily Wire" and parsed.author == "Olena Petrenko"
    assert parsed.lang == "en" and parsed.published_source == "metadata"


def test_atom_entries() -> None:
    got = items(list(iter_inputs([str(FEEDS / "world.atom")])))
    assert [x.fields["url"] for x in got] == ["https://example.de/hochwasser",
                                               "https://example.de/bahnstreik"]
    p = parse_item(got[0])
    assert isinstance(p, Parsed) and "Donau" in p.text and "Starkregen" in p.text
    assert p.published == datetime(2024, 6, 5, 5, 45, tzinfo=timezone.utc) and p.lang == "de"
    assert "<" not in p.text


def test_feed_title_only_entry_is_rejected_at_parse(tmp_path: Path) -> None:
    f = tmp_path / "t.rss"
    f.write_text('<rss version="2.0"><channel><title>T</title><item><title>Only a title</title>'
                 '<link>https://e.org/a</link></item></channel></rss>', "utf-8")
    got = items(list(iter_inputs([str(f)])))
    assert len(got) == 1 and got[0].fields["summary_only"] is True
    res = parse_item(got[0])
    assert isinstance(res, Rejected) and res.reason == "no-body"


@pytest.mark.parametrize("name,reason", [("broken.rss", "bad-feed"), ("notafeed.xml", "bad-feed"),
                                         ("empty.rss", "empty")])
def test_bad_feeds(name: str, reason: str) -> None:
    out = list(iter_inputs([str(FEEDS / name)]))
    assert len(out) == 1 and isinstance(out[0], Rejected) and out[0].reason == reason
    assert out[0].detail


def test_opml_local_feeds() -> None:
    out = list(iter_inputs([str(FEEDS / "subscriptions.opml")]))
    assert len(items(out)) == 5
    assert {x.fields["source"] for x in items(out)} == {"Kyiv Daily Wire", "Weltnachrichten"}
    (missing,) = rejects(out)
    assert missing.reason == "not-found" and missing.origin.endswith("missing.rss")


def test_opml_saved_as_xml(tmp_path: Path) -> None:
    for name in ("news.rss", "world.atom"):
        (tmp_path / name).write_bytes((FEEDS / name).read_bytes())
    (tmp_path / "subs.xml").write_bytes((FEEDS / "subscriptions.opml").read_bytes())
    out = list(iter_inputs([str(tmp_path / "subs.xml")]))
    assert len(items(out)) == 5 and [r.reason for r in rejects(out)] == ["not-found"]


def test_opml_fetches_http_feeds(server: LocalServer, tmp_path: Path) -> None:
    server.add("/a.rss", (FEEDS / "news.rss").read_bytes(), ctype="application/rss+xml")
    opml = tmp_path / "subs.opml"
    opml.write_text(f'<opml version="2.0"><body><outline xmlUrl="{server.base}/a.rss"/>'
                    f'<outline xmlUrl="{server.base}/gone.rss"/>'
                    '<outline xmlUrl="ftp://e.org/x.rss"/></body></opml>', "utf-8")
    out = list(iter_inputs([str(opml)]))
    assert len(items(out)) == 3 and items(out)[0].provenance.origin == server.base + "/a.rss"
    assert sorted(r.reason for r in rejects(out)) == ["bad-url", "fetch-failed"]


def test_bad_opml(tmp_path: Path) -> None:
    (tmp_path / "x.opml").write_bytes(b"\x00\x01 not xml")
    (tmp_path / "y.opml").write_text("<opml><body><outline text='no url'/></body></opml>")
    out = list(iter_inputs([str(tmp_path)]))
    assert [r.reason for r in out] == ["bad-opml", "empty"]


# -- WARC -------------------------------------------------------------------------

def build_warc(path: Path, gz: bool) -> None:
    """warcinfo, request, 2 HTML responses, an image, text/plain, a 404 and an HTML resource."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "pytest"}))

        def response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                http_headers=http))

        req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "e.org")], is_http_request=True)
        w.write_record(w.create_warc_record("https://e.org/a", "request", payload=io.BytesIO(b""),
                                            http_headers=req))
        response("https://e.org/a", ARTICLE, "text/html; charset=utf-8")
        response("https://e.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        response("https://e.org/notes.txt", b"Plain headline\n\nPlain body text here.", "text/plain")
        response("https://e.org/missing", b"<html>nope</html>", "text/html", "404 Not Found")
        response("https://e.org/b", ARTICLE.replace(b"three regions", b"four regions"), "text/html")
        w.write_record(w.create_warc_record("https://e.org/c", "resource", payload=io.BytesIO(ARTICLE),
                                            warc_content_type="text/html"))


@pytest.mark.parametrize("gz", [True, False])
def test_warc_records(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    build_warc(path, gz)
    out = list(iter_inputs([str(path)]))
    got = items(out)
    assert [x.fields["url"] for x in got] == ["https://e.org/a", "https://e.org/notes.txt",
                                              "https://e.org/b", "https://e.org/c"]
    assert got[0].raw == ARTICLE and got[0].fields["content_type"] == "text/html"
    assert got[0].fields["fetched_at"] and got[0].provenance.kind == "warc"
    assert [(r.reason, r.locator) for r in rejects(out)] == [("not-html", "record 4"),
                                                             ("http-status", "record 6")]
    text = parse_item(got[1])
    assert isinstance(text, Parsed) and text.title == "Plain headline"
    assert text.url == "https://e.org/notes.txt"


@needs_html
def test_warc_html_parse(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_warc(path, True)
    page = items(list(iter_inputs([str(path)])))[0]
    parsed = parse_item(page)
    assert isinstance(parsed, Parsed), parsed
    assert "substations" in parsed.text and parsed.url == "https://e.org/a"


def test_truncated_warc_gz_keeps_earlier_records(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    build_warc(full, True)
    data = full.read_bytes()
    complete = items(list(iter_inputs([str(full)])))
    assert len(complete) == 4
    for cut, kept in ((len(data) - 40, 3), (len(data) // 2, None), (30, 0)):
        part = tmp_path / f"cut{cut}.warc.gz"
        part.write_bytes(data[:cut])
        out = list(iter_inputs([str(part)]))
        assert isinstance(out[-1], Rejected) and out[-1].reason == "truncated-warc", out[-1]
        got = items(out)
        # what was read before the cut is kept, byte for byte
        assert [x.raw for x in got] == [x.raw for x in complete[:len(got)]]
        assert len(got) == kept if kept is not None else 0 < len(got) < 4


def test_truncated_and_corrupt_plain_warc(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    build_warc(full, False)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 500])
    out = list(iter_inputs([str(cut)]))
    assert out[-1].reason == "truncated-warc" and len(items(out)) == 3  # type: ignore[union-attr]
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data[:3000] + b"GARBAGE HEADER\r\n\r\n" + b"\xff" * 200)
    out = list(iter_inputs([str(bad)]))
    assert isinstance(out[-1], Rejected) and out[-1].reason == "bad-warc"
    assert "records before it kept" in out[-1].detail
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"this is not a warc at all\n" * 3)
    out = list(iter_inputs([str(junk)]))
    assert len(out) == 1 and out[0].reason == "bad-warc"  # type: ignore[union-attr]


# -- URLs -------------------------------------------------------------------------

def test_urls_file(server: LocalServer, tmp_path: Path) -> None:
    server.add("/a", ARTICLE)
    server.add("/old", "", status=301, headers={"Location": "/a"})
    server.add("/t", "Title\n\nBody text", ctype="text/plain; charset=utf-8")
    server.add("/img", b"\x89PNG", ctype="image/png")
    lst = tmp_path / "list.urls"
    lst.write_text(f"# reading list\n{server.base}/a\n\n{server.base}/old  # moved\n"
                   f"{server.base}/t\n{server.base}/404\n{server.base}/img\nnot a url\n", "utf-8")
    out = list(iter_inputs([str(lst)]))
    got = items(out)
    assert [x.provenance.kind for x in got] == ["html", "html", "txt"]
    assert got[1].provenance.origin == server.base + "/old"
    assert got[1].fields["url"] == server.base + "/a" and got[1].fields["fetched_at"]
    assert got[0].raw == ARTICLE
    assert [r.reason for r in rejects(out)] == ["fetch-failed", "not-html", "bad-url"]
    assert "404" in rejects(out)[0].detail and rejects(out)[2].locator == "line 8"


def test_single_url_and_feed_url(server: LocalServer) -> None:
    server.add("/page", ARTICLE)
    server.add("/feed", (FEEDS / "news.rss").read_bytes(), ctype="application/rss+xml")
    (page,) = list(iter_inputs([server.base + "/page"]))
    assert isinstance(page, RawItem) and page.provenance.kind == "html"
    assert page.provenance.origin == server.base + "/page"
    assert len(items(list(iter_inputs([server.base + "/feed"])))) == 3
    (fail,) = list(iter_inputs(["http://127.0.0.1:9/x"]))
    assert isinstance(fail, Rejected) and fail.reason == "fetch-failed"


@needs_html
def test_fetched_page_parses_as_html(server: LocalServer) -> None:
    server.add("/page", ARTICLE)
    (page,) = list(iter_inputs([server.base + "/page"]))
    parsed = parse_item(page)
    assert isinstance(parsed, Parsed) and "substations" in parsed.text


# -- stdin ------------------------------------------------------------------------

def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ['{"title": "One", "text": "First body."}', "", '{"title": "Two", "text": "Second."}',
             "not json"]
    raw = ("\n  \n" + "\n".join(lines) + "\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = list(iter_inputs(["-"]))
    assert [x.provenance.kind for x in items(out)] == ["jsonl", "jsonl", "jsonl"]
    assert [x.provenance.locator for x in items(out)] == ["line 3", "line 5", "line 6"]
    parsed = [parse_item(x) for x in items(out)]
    assert [p.title for p in parsed if isinstance(p, Parsed)] == ["One", "Two"]
    assert isinstance(parsed[2], Rejected) and parsed[2].reason == "bad-json"


def test_stdin_text_empty_and_limits() -> None:
    (item,) = list(stdin.read_stream(io.BytesIO(b"\n\nHeadline\n\nBody of the story."), Limits()))
    assert isinstance(item, RawItem) and item.provenance.kind == "txt"
    p = parse_item(item)
    assert isinstance(p, Parsed) and p.title == "Headline"
    (empty,) = list(stdin.read_stream(io.BytesIO(b" \n\t\n"), Limits()))
    assert isinstance(empty, Rejected) and empty.reason == "empty"
    small = Limits(max_bytes=50)
    (big,) = list(stdin.read_stream(io.BytesIO(b"x" * 200), small))
    assert isinstance(big, Rejected) and big.reason == "too-large"
    long_line = b'{"text": "' + b"y" * 100 + b'"}\n{"text": "ok"}\n'
    out = list(stdin.read_stream(io.BytesIO(long_line), small))
    assert [getattr(x, "reason", "item") for x in out] == ["too-large", "item"]


# -- fuzz: readers never raise --------------------------------------------------------

FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
XMLISH = st.one_of(st.binary(max_size=2000),
                   st.text(alphabet='<>/="&;! ?abcdeilmnorstx\n', max_size=400).map(str.encode),
                   st.binary(max_size=300).map(lambda b: (FEEDS / "news.rss").read_bytes()[:700] + b))


@FUZZ
@given(data=XMLISH)
def test_fuzz_feed_read_parse(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "fuzz.rss"
    f.write_bytes(data)
    for out in feeds.read(str(f), Limits()):
        if isinstance(out, RawItem):
            assert isinstance(parse_item(out), (Parsed, Rejected))
    feeds.opml_feed_urls(data)
    raw_item = ingest.make_item("fuzz", "feed", data)
    assert isinstance(feeds.parse(raw_item), (Parsed, Rejected))


WARC_HEAD = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n"


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), st.binary(max_size=500).map(lambda b: WARC_HEAD + b),
                      st.binary(max_size=300).map(lambda b: b"\x1f\x8b\x08\x00" + b)),
       gz=st.booleans())
def test_fuzz_warc_read(tmp_path: Path, data: bytes, gz: bool) -> None:
    f = tmp_path / ("fuzz.warc.gz" if gz else "fuzz.warc")
    f.write_bytes(data)
    out = list(warc.read(str(f), Limits()))
    assert all(isinstance(x, (RawItem, Rejected)) for x in out)


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000),
                      st.text(max_size=300).map(lambda s: ("{" + s).encode("utf-8", "replace"))))
def test_fuzz_stdin(data: bytes) -> None:
    for out in stdin.read_stream(io.BytesIO(data), Limits(max_bytes=500)):
        if isinstance(out, RawItem):
            assert isinstance(parse_item(out), (Parsed, Rejected))
    assert isinstance(stdin.parse(ingest.make_item("-", "stdin", data)), (Parsed, Rejected))


def test_a_story_on_one_line_is_a_title_and_a_body(tmp_path: Path) -> None:
    """A text file (or a JSONL record without a title) holding a whole story on one line
    is not rejected as title-only: its first sentence is the title, the rest the body."""
    line = ("Five men were acquitted of rape by a court in Barcelona on Thursday. " * 3 +
            "The ruling drew protests across Spain, and the government promised a new law. " * 3)
    f = tmp_path / "one_line.txt"
    f.write_text(line + "\n", "utf-8")
    (item,) = items(list(iter_inputs([str(f)])))
    p = parse_item(item)
    assert isinstance(p, Parsed)
    assert p.title == "Five men were acquitted of rape by a court in Barcelona on Thursday."
    assert p.text.startswith("Five men were acquitted") and p.text.endswith("a new law.")
    assert len(p.title) + len(p.text) + 1 == len(line.strip())
    j = tmp_path / "one.jsonl"
    j.write_text('{"text": "%s"}\n' % line.strip(), "utf-8")
    (item,) = items(list(iter_inputs([str(j)])))
    assert parse_item(item).title == p.title


@needs_html
def test_compressed_files_are_read_through(tmp_path: Path) -> None:
    """page.html.gz, dump.jsonl.xz, story.txt.bz2: the reader of the inner kind, on the
    decompressed bytes; provenance names the compressed file."""
    import bz2
    import gzip
    import lzma

    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(ARTICLE))
    dump = tmp_path / "dump.jsonl.xz"
    dump.write_bytes(lzma.compress(b'{"title": "A", "text": "First story."}\n'
                                   b'{"title": "B", "text": "Second story."}\n'))
    story = tmp_path / "story.txt.bz2"
    story.write_bytes(bz2.compress("Заголовок\nТекст статті.\n".encode("utf-8")))
    got = list(iter_inputs([str(page), str(dump), str(story)]))
    assert all(isinstance(x, RawItem) for x in got), got
    assert [x.provenance.kind for x in got] == ["html", "jsonl", "jsonl", "txt"]
    assert got[0].raw == ARTICLE and got[0].provenance.origin == str(page)
    assert [parse_item(x).title for x in got[1:3]] == ["A", "B"]
    assert parse_item(got[3]).text == "Текст статті."


def test_broken_or_bomb_compressed_files_are_rejected_with_a_reason(tmp_path: Path) -> None:
    import gzip

    lines = [json.dumps({"title": f"Story {i}", "text": f"Text {i * 7919 % 100003} " * 20})
             for i in range(2000)]
    whole = gzip.compress("\n".join(lines).encode("utf-8"))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])  # truncated mid-stream
    junk = tmp_path / "junk.txt.gz"
    junk.write_bytes(b"this is not gzip at all")
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 3_000_000))  # ~3 KB that expand to 3 MB
    out = list(iter_inputs([str(cut), str(junk), str(bomb)], Limits(max_bytes=1_000_000)))
    rejected = {Path(r.origin).name: r for r in out if isinstance(r, Rejected)}
    assert any(isinstance(x, RawItem) and x.provenance.origin == str(cut) for x in out)  # kept
    assert rejected["cut.jsonl.gz"].reason == "unreadable"
    assert rejected["junk.txt.gz"].reason == "unreadable" and "gzip" in rejected["junk.txt.gz"].detail.lower()
    assert rejected["bomb.html.gz"].reason == "too-large"
    assert "decompressed" in rejected["bomb.html.gz"].detail


def test_mojibake_is_repaired_in_every_reader_and_clean_text_is_left_alone(tmp_path: Path) -> None:
    """UTF-8 read as Latin-1 upstream arrives as valid text ("iniciÃ³"): repaired at parse
    time, whatever the reader; the raw bytes stay as they came."""
    broken = "Egipto iniciÃ³ oficialmente este sÃ¡bado el proceso. Orta Doğu\x92nun."
    fine = "Зеленський заявив «ми готові», — сказав він. L’été à Paris: “ça va”."
    record = json.dumps({"title": "RebeliÃ³n", "text": broken}, ensure_ascii=False)
    (tmp_path / "a.jsonl").write_text(record + "\n", "utf-8")
    (tmp_path / "b.txt").write_text("Una rebeliÃ³n\n" + broken + "\n", "utf-8")
    (tmp_path / "c.txt").write_text("Заголовок\n" + fine + "\n", "utf-8")
    raw = items(list(iter_inputs([str(tmp_path)])))
    parsed = {Path(i.provenance.origin).name: (i, parse_item(i)) for i in raw}
    for name in ("a.jsonl", "b.txt"):
        item, p = parsed[name]
        assert p.text == "Egipto inició oficialmente este sábado el proceso. Orta Doğu’nun."
        assert "Ã³" in item.raw.decode("utf-8")
    assert parsed["a.jsonl"][1].title == "Rebelión" and parsed["b.txt"][1].title == "Una rebelión"
    assert parsed["c.txt"][1].text == fine
