"""A small, polite HTTP fetcher on the standard library (no extra dependency).

Politeness matters because the watcher polls the same outlets every few minutes for
weeks: we send conditional requests (so unchanged feeds cost a 304), wait between two
requests to one host, honour robots.txt, back off on overload (5xx/429) and cap sizes.

`Fetcher.fetch` never raises for network or HTTP trouble: the result says what went
wrong (`error`, `status`), because callers turn failures into `Rejected` records.
"""
from __future__ import annotations

import email.utils
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Fetcher", "FetchResult", "USER_AGENT", "default_fetcher", "set_default_fetcher"]

USER_AGENT = "storyweave/0.1"
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int  # 0 when no HTTP response arrived (DNS, refused, timeout, robots)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    not_modified: bool = False
    error: str | None = None  # short text for Rejected.detail; None on success
    fetched_at: str = ""  # ISO-8601 UTC time of the response

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class _TooLarge(Exception):
    pass


class Fetcher:
    """HTTP GET with conditional requests, per-host delay, retries, timeout and size cap.

    `validators` maps URL -> {"etag": ..., "last_modified": ...}; it is a plain dict so
    the caller can persist it as JSON between runs (the watcher keeps it in its state).
    """

    def __init__(self, *, min_delay_s: float = 1.0, timeout_s: float = 20.0,
                 retries: int = 3, backoff_s: float = 1.0, max_bytes: int = 20 * 1024 * 1024,
                 user_agent: str = USER_AGENT, respect_robots: bool = True,
                 validators: dict[str, dict[str, str]] | None = None,
                 use_env_proxy: bool = True) -> None:
        self.min_delay_s = min_delay_s
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self.validators: dict[str, dict[str, str]] = validators if validators is not None else {}
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        # Only http(s): a feed list or OPML from elsewhere must not make us read file:// URLs.
        # (the error processor/handler turn non-2xx into HTTPError, which drives redirects)
        handlers: list[Any] = [urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                               urllib.request.HTTPRedirectHandler(),
                               urllib.request.HTTPErrorProcessor(),
                               urllib.request.HTTPDefaultErrorHandler()]
        handlers.append(urllib.request.ProxyHandler(None if use_env_proxy else {}))
        self._opener = urllib.request.OpenerDirector()
        for h in handlers:
            self._opener.add_handler(h)

    # -- public -------------------------------------------------------------
    def fetch(self, url: str, *, conditional: bool = True) -> FetchResult:
        """GET `url`; with `conditional`, send the remembered ETag/Last-Modified."""
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            return FetchResult(url, url, 0, error="not an http(s) URL")
        if self.respect_robots and not self._allowed(url):
            return FetchResult(url, url, 0, error="disallowed by robots.txt")
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip"}
        known = self.validators.get(url, {}) if conditional else {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        result = self._with_retries(url, headers)
        if conditional and result.ok:
            self._remember(url, result.headers)
        return result

    # -- internals ----------------------------------------------------------
    def _with_retries(self, url: str, headers: dict[str, str]) -> FetchResult:
        attempt = 0
        while True:
            result = self._once(url, headers)
            transient = result.status in _RETRY_STATUSES or (
                result.status == 0 and (result.error or "").startswith(("connection:", "read failed:")))
            if not transient or attempt >= self.retries:
                return result
            # Exponential backoff; a server's Retry-After is honoured when it asks for longer,
            # capped so one bad host cannot stall a whole polling round.
            delay = self.backoff_s * (2 ** attempt)
            delay = max(delay, min(_retry_after(result.headers.get("retry-after")), 60.0))
            time.sleep(delay)
            attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> FetchResult:
        self._wait_for_host(url)
        req = urllib.request.Request(url, headers=headers, method="GET")
        try:
            resp = self._opener.open(req, timeout=self.timeout_s)
        except urllib.error.HTTPError as exc:  # 304 and 4xx/5xx arrive as HTTPError
            with exc:
                return self._from_response(url, exc, exc.code, exc.url or url)
        except (urllib.error.URLError, socket.timeout, http.client.HTTPException,
                OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return FetchResult(url, url, 0, error=f"connection: {type(exc).__name__}: {reason}")
        with resp:
            return self._from_response(url, resp, resp.status, resp.geturl())

    def _from_response(self, url: str, resp: Any, status: int, final_url: str) -> FetchResult:
        hdrs = {k.lower(): v for k, v in (resp.headers.items() if resp.headers else [])}
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        res = FetchResult(url, final_url, status, hdrs, fetched_at=now)
        if status == 304:
            res.not_modified = True
            return res
        try:
            res.body = self._read_body(resp, hdrs.get("content-encoding", ""))
        except _TooLarge:
            res.error = f"too large: more than {self.max_bytes} bytes"
        except (OSError, http.client.HTTPException, zlib.error, ValueError, AttributeError) as exc:
            res.error = f"read failed: {type(exc).__name__}: {exc}"
            res.status = 0 if status < 400 else status  # a cut-off body is a transient error
        if res.error is None and not 200 <= status < 300:
            res.error = f"HTTP {status}"
        return res

    def _read_body(self, resp: Any, encoding: str) -> bytes:
        """Read at most max_bytes (after gunzip) so a huge or hostile page cannot fill memory."""
        gz = zlib.decompressobj(16 + zlib.MAX_WBITS) if "gzip" in encoding.lower() else None
        out = bytearray()
        while True:
            chunk = resp.read(65536)
            if not chunk:
                break
            if gz is not None:
                chunk = gz.decompress(chunk, self.max_bytes + 1 - len(out))
            out += chunk
            if len(out) > self.max_bytes:
                raise _TooLarge()
        return bytes(out)

    def _wait_for_host(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:  # reserve the slot under the lock so threads also space out
            now = time.monotonic()
            start = max(now, self._last_hit.get(host, float("-inf")) + self.min_delay_s)
            self._last_hit[host] = start
        if start > now:
            time.sleep(start - now)

    def _remember(self, url: str, headers: dict[str, str]) -> None:
        entry = {k: headers[h] for k, h in (("etag", "etag"), ("last_modified", "last-modified"))
                 if headers.get(h)}
        if entry:
            self.validators[url] = entry
        else:
            self.validators.pop(url, None)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            self._robots[key] = self._load_robots(key)
        robots = self._robots[key]
        return robots is None or robots.can_fetch(self.user_agent, url)

    def _load_robots(self, base: str) -> urllib.robotparser.RobotFileParser | None:
        """robots.txt once per host; if it is missing or unreadable we treat all as allowed."""
        res = self._once(base + "/robots.txt", {"User-Agent": self.user_agent})
        if res.status != 200 or not res.body:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(res.body.decode("utf-8", errors="replace").splitlines())
        return parser


def _retry_after(value: str | None) -> float:
    """Retry-After as seconds (either a number or an HTTP date); 0 when absent/unparseable."""
    if not value:
        return 0.0
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0


_DEFAULT: Fetcher | None = None
_DEFAULT_LOCK = threading.Lock()


def default_fetcher() -> Fetcher:
    """One process-wide fetcher, so per-host delays hold across all readers of a run."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Fetcher()
        return _DEFAULT


def set_default_fetcher(fetcher: Fetcher | None) -> None:
    """Replace the shared fetcher (the CLI may configure delays; tests use fast settings)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        _DEFAULT = fetcher
