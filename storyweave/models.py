"""The data model: every stage takes and returns these dataclasses.

Raw input is kept as `RawItem` (bytes + provenance) and never changes; everything
else (`Article`, `Event`, `Storyline`, ...) is derived and can be rebuilt from it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = [
    "Aspect", "EventQuote", "Quote", "Provenance", "RawItem", "Parsed", "Rejected", "DateMention", "RemovedLine",
    "Article", "Citation", "SummarySentence", "Membership", "Event", "Storyline",
    "RunStats", "to_jsonable",
]


@dataclass(frozen=True)
class Provenance:
    """Where a raw item came from: a file path or URL, plus a locator inside it."""

    origin: str  # file path (as given) or URL
    kind: str  # txt | jsonl | html | feed | warc | url | stdin
    locator: str = ""  # e.g. "line 12" of a JSONL file, "record 3" of a WARC
    ingested_at: datetime | None = None


@dataclass
class RawItem:
    """One input document, exactly as read. `content_hash` is sha256 of `raw`."""

    provenance: Provenance
    raw: bytes
    content_hash: str
    # Structured fields a reader could already see (JSONL keys, feed entry
    # metadata, WARC target URI, HTTP headers). Never guessed here.
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Parsed:
    """A raw item decoded into text, before cleaning. `html` is kept when present."""

    title: str
    text: str
    html: str | None = None
    url: str | None = None
    source: str | None = None
    published: datetime | None = None
    published_source: str | None = None  # metadata | html | url | text
    lang: str | None = None
    author: str | None = None
    # The title is the text's first line (a plain-text dump), not one the source gave
    # (a feed's, a page's or a record's title): a guess that evidence may overrule.
    title_guessed: bool = False
    # Lines a reader already removed (HTML boilerplate), for audit.
    removed: list[RemovedLine] = field(default_factory=list)


@dataclass
class Rejected:
    """An input that could not become an article, and why (never silently dropped)."""

    origin: str
    locator: str
    stage: str  # ingest | decode | parse | clean | ...
    reason: str  # short machine-readable code, e.g. "empty", "binary", "too-large"
    detail: str = ""
    content_hash: str | None = None


@dataclass
class DateMention:
    """A date found for an article, with its role, where it came from, and how sure we are.

    `value` is None while a relative expression ("on Tuesday") has not been resolved;
    `relative` then holds it in a normalised form ("weekday:1", "days:-1").
    """

    role: str  # published | event | crawl | caption | copyright | other
    source: str  # metadata | html | text | inferred
    confidence: float
    value: date | None = None
    relative: str | None = None
    text: str = ""  # the words it was read from
    offset: int = -1  # character offset in the clean text, -1 if not from text


@dataclass
class RemovedLine:
    text: str
    reason: str  # e.g. "navigation", "crawl-banner", "repeated-in-outlet"


@dataclass
class Quote:
    """A direct quote in an article's clean text, with its speaker and speech verb."""

    text: str  # the quote without its marks
    start: int  # offsets of `text` inside the article's clean text
    end: int
    speaker: str | None  # surface form as written (or as resolved for a pronoun)
    speaker_key: str | None  # cross-script key of the speaker's surname (entities.name_key)
    verb: str | None  # the speech verb as written
    lang: str


@dataclass
class EventQuote:
    """One statement as quoted by one or more members, in any language."""

    text: str  # as quoted in the target language when a member does, else the first
    lang: str
    speaker: str | None
    speaker_key: str | None
    citations: list[Citation] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


@dataclass
class Article:
    id: str
    content_hash: str
    origin: str
    title: str
    text: str
    seq: int = 0  # ingest order, assigned by the store; makes IDs and ties stable
    url: str | None = None
    source: str | None = None  # outlet
    original_source: str | None = None  # agency the outlet cites ("citing Interfax")
    author: str | None = None
    lang: str = "und"
    lang_confidence: float = 0.0
    published: datetime | None = None
    published_source: str | None = None
    published_confidence: float = 0.0
    dates: list[DateMention] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    dup_group: str | None = None  # id of the first article of its near-duplicate group
    # Names (people, places, organisations) as cross-script keys -> count, and a
    # display form per key; `places` are the keys seen after a locative preposition.
    names: dict[str, int] = field(default_factory=dict)
    name_forms: dict[str, str] = field(default_factory=dict)
    # The keys its title alone names (read at ingest, once): what a storyline's
    # headlines must share (storylines.headline_threads).
    title_names: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    # Keys that a word for a kind of place or a list with a place marks as places ("the
    # town of Pazarcık", "in Aleppo, Hama and Latakia"): shown as places in reports, not
    # compared by clustering (it lost ML-Crisis storylines: BENCHMARKS.md, session 12).
    places_in_context: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Citation:
    article_id: str
    start: int  # character offsets into the article's clean text
    end: int
    score: float = 0.0


@dataclass
class SummarySentence:
    text: str
    lang: str
    citations: list[Citation] = field(default_factory=list)
    # passages on the same thing that give other numbers: flagged, never counted as support
    conflicts: list[Citation] = field(default_factory=list)
    translation: str | None = None  # into the target language, by an optional backend


@dataclass
class Aspect:
    """A sub-topic of an event: a short label and the passages, in any language, on it."""

    label: str
    passages: list[Citation] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


@dataclass
class Membership:
    article_id: str
    score: float
    why: dict[str, float] = field(default_factory=dict)  # top signals and their values
    date_conflict: bool = False  # its own date disagrees with the event's consensus
    pinned: bool = False  # placed by a user (move/split/merge), respected by later runs


@dataclass
class Event:
    id: str
    title: str
    members: list[Membership] = field(default_factory=list)
    date: date | None = None
    date_confidence: float = 0.0
    place: str | None = None
    languages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    aspects: list[Aspect] = field(default_factory=list)
    quotes: list[EventQuote] = field(default_factory=list)
    storyline_id: str | None = None

    @property
    def article_ids(self) -> list[str]:
        return [m.article_id for m in self.members]


@dataclass
class Storyline:
    id: str
    title: str
    event_ids: list[str] = field(default_factory=list)
    # why its events belong together: {"events": [a, b], "names", "headline_names",
    # "name_overlap", "cos"}
    links: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RunStats:
    read: int = 0
    added: int = 0
    unchanged: int = 0
    rederived: int = 0  # stored articles derived again (a newer storyweave reads them anew)
    rejected: dict[str, int] = field(default_factory=dict)
    events: int = 0
    storylines: int = 0
    seconds: float = 0.0

    def summary_line(self) -> str:
        rej = sum(self.rejected.values())
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(self.rejected.items()))
        rej_txt = f"{rej} rejected" + (f" ({reasons})" if reasons else "")
        again = f", {self.rederived} derived again by this version" if self.rederived else ""
        return (f"{self.read} articles read, {self.added} added, {self.unchanged} unchanged{again}, "
                f"{rej_txt}; {self.events} events, {self.storylines} storylines; "
                f"{self.seconds:.1f}s")


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates and containers to plain JSON types (ISO dates)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj
