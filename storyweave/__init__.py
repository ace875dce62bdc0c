"""storyweave: a self-hosted, multilingual news story engine.

Articles in (text, HTML, JSONL, feeds, WARC, URLs); events and storylines out, each
explained with a cited summary. The Python API is `Engine`; see README.md.
"""
from .models import (Article, Citation, DateMention, Event, Membership, Parsed, Provenance,
                     RawItem, Rejected, RemovedLine, RunStats, Storyline, SummarySentence)
from .pipeline import Engine
from .settings import Settings

__version__ = "0.1.0"
__all__ = ["Engine", "Settings", "Article", "Citation", "DateMention", "Event", "Membership",
           "Parsed", "Provenance", "RawItem", "Rejected", "RemovedLine", "RunStats",
           "Storyline", "SummarySentence", "__version__"]
