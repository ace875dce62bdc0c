"""One HTML page to a `Parsed` article (main text + metadata), or a `Rejected` saying why not.

Main text comes from trafilatura, run in the mode that measured best on the extraction benchmarks
(see bench/RESULTS_extraction.md), with a recall-oriented retry when the precise mode cut too much.
Metadata (title, outlet, author, canonical URL) comes from trafilatura's metadata pass, the
publication date from htmldate, the language hint from ``<html lang>`` and meta tags.

Pages that are not articles (error pages, index pages full of links, pages with no main text) are
rejected with a reason rather than passed on as junk text: downstream clustering would otherwise
group every "404 Not Found" of the crawl into one event.
"""
from __future__ import annotations

import codecs
import logging
import re
from datetime import datetime, timezone
from typing import Any


from .ingest.decode import DecodeError, decode_text, looks_binary
from .models import Parsed, Rejected, RemovedLine

__all__ = ["extract", "decode_html", "find_published", "html_lang"]

# trafilatura and htmldate log every unparseable page at ERROR/WARNING level: that is our
# rejection path, reported as a `Rejected`, so their log lines would only be noise.
for _name in ("trafilatura", "htmldate", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

MIN_TEXT_CHARS = 25  # below this nothing is an article body, however short the news
# Each less strict trafilatura pass replaces the stricter one's text when it is this much longer:
# then the stricter pass cut real paragraphs. Measured (bench/RESULTS_extraction.md) on all three
# datasets: 1.5 sits on a plateau (1.2-2 move F1 by < 0.3 points), it is not a tuned optimum.
LONGER_RATIO = 1.5
_MAX_REMOVED = 200  # cap the audit trail: an index page can have thousands of lines

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_ERROR_TITLE = re.compile(
    r"^\W*(?:error\W*)?(?:40[0-4]|410|429|50[0-4])\b"  # "404", "404 - Not Found", "Error 500"
    r"|\b(?:page|file|article|document|story)\s+(?:was\s+)?not\s+found\b"
    r"|^\W*not\s+found\W*$|\bpage\s+(?:does\s+not|doesn'?t)\s+exist|\baccess\s+denied\b"
    r"|\bseite\s+nicht\s+gefunden|\bpage\s+introuvable|\bстраница\s+не\s+найдена"
    r"|\bсторінк\w*\s+не\s+знайден|\bсторінка\s+не\s+існує|\bpágina\s+no\s+encontrada",
    re.I)
_ARTICLE_TYPES = re.compile(r'"@type"\s*:\s*"(?:News|Blog|Report|Scholarly|Tech)?Article"'
                            r'|property=["\']og:type["\'][^>]*content=["\']article'
                            r'|content=["\']article["\'][^>]*property=["\']og:type'
                            r'|article:published_time', re.I)


def decode_html(raw: bytes) -> str:
    """Bytes to text. Order matters (why, step by step):

    1. a BOM or strict UTF-8 wins: a page that decodes as UTF-8 *is* UTF-8 in practice, and
       meta charsets often lie (templates copied from latin-1 sites);
    2. the declared ``<meta charset>`` (first 4 KB, as browsers do), if Python knows it;
    3. charset-normalizer's guess via ``decode_text``.
    Raises DecodeError(empty|binary|undecodable).
    """
    if not raw.strip():
        raise DecodeError("empty", "no content")
    if looks_binary(raw) and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("binary", "content is binary, not HTML")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    else:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    m = _META_CHARSET.search(raw[:4096])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        # WHATWG: latin-1 and ascii labels mean windows-1252 (curly quotes in 0x80-0x9f)
        name = "cp1252" if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else name
        try:
            codecs.lookup(name)
            return raw.decode(name, errors="replace")
        except LookupError:
            pass
    return decode_text(raw)


def _parse_tree(text: str) -> Any | None:
    """lxml tree of the page; None for pages lxml cannot make sense of."""
    from trafilatura.utils import load_html

    try:
        return load_html(text)
    except Exception:  # lxml raises a zoo of errors on broken markup; treat all as "no tree"
        return None


def html_lang(tree: Any) -> str | None:
    """Primary language subtag from <html lang>, Content-Language or og:locale ("uk-UA" -> "uk")."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", value or "")
        if m:
            return m.group(1).lower()
    return None


def find_published(text: str, url: str | None) -> datetime | None:
    """Publication date via htmldate: structured markup first, its extensive text search as
    the fallback (one call: extensive_search only runs when the markup gave nothing).
    The URL helps: "/2019/06/28/" in it is a strong signal htmldate knows how to use."""
    from htmldate import find_date

    try:
        found = find_date(text, url=url, original_date=True, extensive_search=True,
                          outputformat="%Y-%m-%dT%H:%M:%S%z")
    except Exception:  # htmldate/dateparser raise on odd inputs; no date is the honest answer
        return None
    if not found:
        return None
    try:
        dt = datetime.fromisoformat(found)
    except ValueError:
        return None
    # htmldate gives a day (midnight, no zone) unless the page stated a time; UTC is the
    # convention for naive times throughout storyweave (see ingest/jsonl.parse_published).
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def url_date(url: str | None) -> datetime | None:
    """The day a URL's path gives ("/2019/11/17/", "-2019-11-17"), by htmldate's URL rules
    (an empty page, so nothing but the URL is read), else None."""
    if not url:
        return None
    return find_published("<html><body></body></html>", url)


def _trafilatura(tree: Any, url: str | None, **opts: Any) -> Any | None:
    from trafilatura import bare_extraction

    try:
        return bare_extraction(tree, url=url, include_comments=False, include_tables=True,
                               **opts)
    except Exception:  # a trafilatura bug on one page must not cost the whole run
        return None


def _main_text(tree: Any, url: str | None) -> tuple[str, Any | None]:
    """(body text, trafilatura Document with metadata).

    Three passes, strictest first. favor_precision drops share bars, teasers and captions
    (scrapinghub F1 0.960 -> 0.964) but sometimes cuts half an article (wcxb 0.935 -> 0.912);
    the default and favor_recall passes catch those pages. The chain beat every single mode
    on scrapinghub, wcxb and trafilatura_eval alike. Comments are never article text.
    """
    doc = _trafilatura(tree, url, favor_precision=True, with_metadata=True)
    text = (doc.text or "") if doc is not None else ""
    for opts in ({}, {"favor_recall": True}):
        other = _trafilatura(tree, url, **opts)
        other_text = (other.text or "") if other is not None else ""
        if len(other_text) > LONGER_RATIO * len(text):
            text = other_text
    return text.strip(), doc


def _page_stats(tree: Any) -> tuple[int, int, int]:
    """(visible text chars, chars inside links, number of links) of the page's body."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    total = linked = links = 0
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template"):
            continue
        n = len((el.text or "").strip())
        if el.tag == "a":
            links += 1
            linked += len(el.text_content().strip())
        total += n + len((el.tail or "").strip())
    return total, linked, links


def _not_article(raw_html: str, tree: Any, text: str) -> str | None:
    """A detail string when the page is an index page, else None."""
    if _ARTICLE_TYPES.search(raw_html[:300_000]):
        return None  # the page says it is an article; a short one is still an article
    total, linked, links = _page_stats(tree)
    if links < 30 or not total:
        return None
    # An index page, seen two ways: (a) the page is mostly link text and what trafilatura kept
    # is a sliver of it; (b) what it kept is itself mostly lines that are link texts
    # (a list of headlines), which no article body is.
    # (a) also needs the kept text to hold no paragraph of prose: a short news item on a
    # portal page full of links is still an article (seen on scrapinghub).
    prose = any(len(line) >= 150 for line in text.split("\n"))
    if not prose and linked / total > 0.5 and len(text) < 0.15 * total:
        return (f"index page: {links} links, {linked * 100 // total}% of the text is links, "
                f"main text {len(text)} of {total} chars")
    anchors = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    anchors.discard("")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    in_links = sum(len(line) for line in lines if line in anchors)
    if in_links > 0.5 * sum(len(line) for line in lines):
        return f"index page: {in_links * 100 // max(1, len(text))}% of the main text is link titles"
    return None


_BLOCKS = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br",
           "section", "article", "header", "footer", "nav", "aside", "ul", "ol", "table",
           "blockquote", "figcaption", "dd", "dt", "form", "pre", "main"}


def _removed_lines(tree: Any, text: str) -> list[RemovedLine]:
    """Page lines that did not make it into the body, for audit. Cheap: one walk of the tree
    (which trafilatura copied, so we may mutate it), newline after each block, text_content."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template"):
            if el.getparent() is not None:
                el.drop_tree()
        elif el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    kept = " ".join(text.split())
    out: list[RemovedLine] = []
    for line in root.text_content().split("\n"):
        line = " ".join(line.split())
        if line and line not in kept:
            out.append(RemovedLine(text=line[:300], reason="boilerplate"))
            if len(out) >= _MAX_REMOVED:
                break
    return out


def _titles(doc: Any, tree: Any) -> tuple[str, str]:
    """(headline, <title> text): trafilatura's pick (og:title, h1, ...) and the raw tag."""
    el = tree.find(".//title")
    tag = " ".join(el.text_content().split()) if el is not None else ""
    headline = str(doc.title).strip() if doc is not None and doc.title else tag
    return headline, tag


def extract(html: str | bytes, url: str | None = None) -> Parsed | Rejected:
    """HTML page -> Parsed (main text, title, source, author, date, canonical URL, lang).

    Never raises: undecodable, empty, error and index pages become `Rejected` (stage "parse")
    with a machine-readable reason, and so does a bug in a library we call ("parser-error").
    """
    try:
        return _extract(html, url)
    except Exception as exc:  # lxml/trafilatura/htmldate on pathological markup
        return Rejected(url or "<html>", "", "parse", "parser-error", f"{type(exc).__name__}: {exc}")


def _extract(html: str | bytes, url: str | None) -> Parsed | Rejected:
    def reject(reason: str, detail: str) -> Rejected:
        return Rejected(url or "<html>", "", "parse", reason, detail)

    try:
        text = decode_html(html) if isinstance(html, (bytes, bytearray)) else str(html)
    except DecodeError as exc:
        return reject(exc.reason, str(exc))
    text = text.replace("\x00", "")  # lxml refuses NUL characters in strings
    if not text.strip():
        return reject("empty", "no content")
    tree = _parse_tree(text)
    if tree is None:
        return reject("no-article-text", "not parseable as HTML")
    body, doc = _main_text(tree, url)
    title, title_tag = _titles(doc, tree)
    error_title = next((t for t in (title_tag, title) if _ERROR_TITLE.search(t)), None)
    if error_title is not None and len(body) < 2000:
        return reject("not-an-article", f"error page (title {error_title[:80]!r})")
    if len(body) < MIN_TEXT_CHARS:
        return reject("no-article-text", f"main text has {len(body)} characters")
    why = _not_article(text, tree, body)
    if why:
        return reject("not-an-article", why)
    canonical = (doc.url if doc is not None else None) or url
    published = find_published(text, url or canonical)
    return Parsed(
        title=title, text=body, html=text, url=canonical,
        source=(doc.sitename or doc.hostname) if doc is not None else None,
        published=published, published_source="html" if published else None,
        lang=html_lang(tree), author=doc.author if doc is not None else None,
        removed=_removed_lines(tree, body))
