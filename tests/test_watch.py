"""Fetcher and FeedWatcher against a real HTTP server on 127.0.0.1 (no mocking)."""
from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from storyweave.fetch import Fetcher, set_default_fetcher
from storyweave.models import RawItem, Rejected
from storyweave.watch import FeedWatcher, load_feed_list

DATA = Path(__file__).parent / "data"


class LocalServer:
    """Serves routes from a dict; records (path, monotonic time, headers) of every hit."""

    def __init__(self) -> None:
        self.routes: dict[str, dict[str, Any]] = {}
        self.hits: list[tuple[str, float, dict[str, str]]] = []
        self.counters: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:
                server.hits.append((self.path, time.monotonic(), dict(self.headers)))
                server.counters[self.path] = server.counters.get(self.path, 0) + 1
                server.respond(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def add(self, path: str, body: bytes | str = b"", *, ctype: str = "text/html; charset=utf-8",
            status: int = 200, etag: str | None = None, last_modified: str | None = None,
            fail_first: int = 0, headers: dict[str, str] | None = None, gzip_body: bool = False) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = dict(body=data, ctype=ctype, status=status, etag=etag,
                                 last_modified=last_modified, fail_first=fail_first,
                                 headers=headers or {}, gzip=gzip_body)

    def respond(self, h: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(h.path)
        if route is None:
            return self._send(h, 404, b"not found", "text/plain", {})
        if self.counters[h.path] <= route["fail_first"]:
            return self._send(h, 503, b"busy", "text/plain", {})
        extra = dict(route["headers"])
        if route["etag"]:
            extra["ETag"] = route["etag"]
            if h.headers.get("If-None-Match") == route["etag"]:
                return self._send(h, 304, b"", None, extra)
        if route["last_modified"]:
            extra["Last-Modified"] = route["last_modified"]
            if h.headers.get("If-Modified-Since") == route["last_modified"]:
                return self._send(h, 304, b"", None, extra)
        body = route["body"]
        if route["gzip"] and "gzip" in (h.headers.get("Accept-Encoding") or ""):
            body, extra["Content-Encoding"] = gzip.compress(body), "gzip"
        self._send(h, route["status"], body, route["ctype"], extra)

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str | None,
              extra: dict[str, str]) -> None:
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        for k, v in extra.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if body:
            h.wfile.write(body)

    def count(self, path: str) -> int:
        return self.counters.get(path, 0)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    yield srv
    srv.close()


def fast_fetcher(**kw: Any) -> Fetcher:
    opts: dict[str, Any] = dict(min_delay_s=0.0, backoff_s=0.01, timeout_s=5.0, use_env_proxy=False)
    opts.update(kw)
    return Fetcher(**opts)


# -- Fetcher ------------------------------------------------------------------

def test_fetch_etag_then_304(server: LocalServer) -> None:
    server.add("/page", "<html><body>hi</body></html>", etag='"v1"')
    f = fast_fetcher()
    first = f.fetch(server.base + "/page")
    assert first.ok and first.status == 200 and b"hi" in first.body
    assert f.validators[server.base + "/page"] == {"etag": '"v1"'}
    second = f.fetch(server.base + "/page")
    assert second.not_modified and second.status == 304 and second.body == b""
    assert server.hits[-1][2].get("If-None-Match") == '"v1"'
    # unconditional fetches ignore the remembered validators
    assert f.fetch(server.base + "/page", conditional=False).status == 200


def test_fetch_last_modified_and_persisted_validators(server: LocalServer) -> None:
    lm = "Tue, 04 Jun 2024 10:00:00 GMT"
    server.add("/lm", "x", last_modified=lm)
    f = fast_fetcher()
    assert f.fetch(server.base + "/lm").ok
    saved = json.loads(json.dumps(f.validators))  # what a caller would persist
    again = fast_fetcher(validators=saved).fetch(server.base + "/lm")
    assert again.not_modified


def test_fetch_retries_503_then_200(server: LocalServer) -> None:
    server.add("/flaky", "<html>ok</html>", fail_first=2)
    res = fast_fetcher(retries=3).fetch(server.base + "/flaky")
    assert res.ok and res.body == b"<html>ok</html>"
    assert server.count("/flaky") == 3


def test_fetch_gives_up_after_retries(server: LocalServer) -> None:
    server.add("/down", "x", fail_first=100)
    res = fast_fetcher(retries=2).fetch(server.base + "/down")
    assert not res.ok and res.status == 503 and res.error == "HTTP 503"
    assert server.count("/down") == 3  # first try + 2 retries


def test_fetch_per_host_delay(server: LocalServer) -> None:
    for p in ("/a", "/b", "/c"):
        server.add(p, "x")
    f = fast_fetcher(min_delay_s=0.25)
    for p in ("/a", "/b", "/c"):
        assert f.fetch(server.base + p).ok
    times = [t for path, t, _ in server.hits if path in ("/a", "/b", "/c")]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.2, gaps


def test_fetch_errors_never_raise(server: LocalServer) -> None:
    server.add("/big", b"x" * 5000)
    server.add("/gone", "no", status=410)
    f = fast_fetcher(max_bytes=1000, retries=1)
    big = f.fetch(server.base + "/big")
    assert not big.ok and "too large" in (big.error or "")
    gone = f.fetch(server.base + "/gone")
    assert gone.status == 410 and not gone.ok
    assert server.count("/gone") == 1  # 4xx is not retried
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()  # nothing listens there now
    refused = f.fetch(f"http://127.0.0.1:{port}/x")
    assert refused.status == 0 and refused.error and refused.error.startswith("connection:")
    assert f.fetch("file:///etc/passwd").error == "not an http(s) URL"


def test_fetch_gzip_redirect_user_agent_and_robots(server: LocalServer) -> None:
    server.add("/robots.txt", "User-agent: *\nDisallow: /private\n", ctype="text/plain")
    server.add("/private/x", "secret")
    server.add("/old", "", status=301, headers={"Location": "/new"})
    server.add("/new", "<html>moved here</html>" * 50, gzip_body=True)
    f = fast_fetcher()
    res = f.fetch(server.base + "/old")
    assert res.ok and res.final_url == server.base + "/new"
    assert res.body == b"<html>moved here</html>" * 50  # gunzipped
    assert all(h.get("User-Agent") == "storyweave/0.1" for _, _, h in server.hits)
    blocked = f.fetch(server.base + "/private/x")
    assert "robots" in (blocked.error or "") and server.count("/private/x") == 0
    assert server.count("/robots.txt") == 1  # cached per host


# -- FeedWatcher ---------------------------------------------------------------

def _feed(server: LocalServer, extra: str = "") -> str:
    template = (DATA / "feeds" / "watch_template.rss").read_text("utf-8")
    return template.replace("{EXTRA}", extra).replace("{BASE}", server.base)


def _setup_watch(server: LocalServer) -> str:
    server.add("/feed.rss", _feed(server), ctype="application/rss+xml", etag='"f1"')
    server.add("/article/outages", (DATA / "pages" / "article.html").read_bytes())
    return server.base + "/feed.rss"


def test_watcher_new_entries_fulltext_and_304(server: LocalServer) -> None:
    feed = _setup_watch(server)
    state: dict[str, Any] = {}
    w = FeedWatcher(fast_fetcher(), [feed], state)
    first = list(w.poll_once())
    assert all(isinstance(x, RawItem) for x in first) and len(first) == 3
    by_url = {x.fields["url"]: x for x in first}
    full = by_url[server.base + "/news/grain-talks"]
    assert full.provenance.kind == "feed" and not full.fields["summary_only"]
    page = by_url[server.base + "/article/outages"]
    assert page.provenance.kind == "html" and b"substations" in page.raw
    assert page.fields["title"] == "Rolling power outages scheduled in three regions"
    assert page.fields["feed_url"] == feed and page.fields["fetched_at"]
    teaser = by_url[server.base + "/missing-page"]  # page 404: the summary is kept
    assert teaser.provenance.kind == "feed" and "fetch-failed" in teaser.fields["full_fetch_error"]
    # second round: the server answers 304 and nothing is yielded
    assert list(w.poll_once()) == []
    assert server.hits[-1][0] == "/feed.rss" and server.hits[-1][2].get("If-None-Match") == '"f1"'
    json.dumps(state)  # must stay persistable


def test_watcher_yields_only_new_after_change_and_restart(server: LocalServer) -> None:
    feed = _setup_watch(server)
    state: dict[str, Any] = {}
    assert len(list(FeedWatcher(fast_fetcher(), [feed], state).poll_once())) == 3
    extra = (DATA / "feeds" / "extra_item.xml").read_text("utf-8").replace("{BASE}", server.base)
    server.add("/feed.rss", _feed(server, extra), ctype="application/rss+xml", etag='"f2"')
    saved = json.loads(json.dumps(state))  # a restart: state comes back from JSON
    w2 = FeedWatcher(fast_fetcher(), [feed], saved)
    new = list(w2.poll_once())
    assert [x.fields["entry_id"] for x in new if isinstance(x, RawItem)] == ["ltw-4"]
    assert list(w2.poll_once()) == []


def test_watcher_feed_failure_and_local_files(server: LocalServer, tmp_path: Path) -> None:
    local = tmp_path / "local.rss"
    local.write_bytes((DATA / "feeds" / "news.rss").read_bytes())
    w = FeedWatcher(fast_fetcher(retries=0), [server.base + "/nofeed.rss", str(local)], {},
                    fetch_full=False)
    out = list(w.poll_once())
    rejected = [x for x in out if isinstance(x, Rejected)]
    assert len(rejected) == 1 and rejected[0].reason == "fetch-failed"
    assert "404" in rejected[0].detail
    assert sum(isinstance(x, RawItem) for x in out) == 3
    out2 = list(w.poll_once())  # unchanged local file: nothing; the URL still fails
    assert [x.reason for x in out2 if isinstance(x, Rejected)] == ["fetch-failed"]
    assert not any(isinstance(x, RawItem) for x in out2)


def test_run_forever_stops(server: LocalServer) -> None:
    feed = _setup_watch(server)
    rounds: list[int] = []
    stop = threading.Event()

    def on_items(items: list[RawItem | Rejected]) -> None:
        rounds.append(len(items))
        if len(rounds) >= 3:
            stop.set()

    w = FeedWatcher(fast_fetcher(), [feed], {})
    t = threading.Thread(target=w.run_forever, args=(0.05, on_items, stop))
    t.start()
    t.join(10)
    assert not t.is_alive()
    assert rounds == [3, 0, 0]


def test_load_feed_list(tmp_path: Path) -> None:
    feeds = load_feed_list(str(DATA / "feeds" / "subscriptions.opml"))
    assert [Path(f).name for f in feeds] == ["news.rss", "world.atom", "missing.rss"]
    lst = tmp_path / "feeds.txt"
    lst.write_text("# my feeds\nhttps://example.org/rss  # main\n\nlocal.rss\n", "utf-8")
    assert load_feed_list(str(lst)) == ["https://example.org/rss", str(tmp_path / "local.rss")]
    (tmp_path / "none.txt").write_text("# nothing\n", "utf-8")
    with pytest.raises(ValueError):
        load_feed_list(str(tmp_path / "none.txt"))


@pytest.fixture(autouse=True)
def _reset_default_fetcher() -> Iterator[None]:
    yield
    set_default_fetcher(None)


def test_watch_command_adds_feed_articles_to_the_store_once(server: LocalServer, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyweave.cli import main
    from storyweave.store import Store

    feed = _setup_watch(server)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(feed + "\n", "utf-8")
    db = str(tmp_path / "w.db")
    args = ["watch", str(feeds), "--db", db, "--once", "--embedder", "hashing"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    store = Store(db)
    titles = {a.title for a in store.articles()}
    assert "Rolling power outages scheduled in three regions" in titles
    assert store.events()  # clustered too
    n = store.article_count()
    again = CliRunner().invoke(main, args)  # 304: nothing new, state persisted in the store
    assert again.exit_code == 0 and Store(db).article_count() == n
