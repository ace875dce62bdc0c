"""Optional machine translation of summary sentences into the target language.

No translation model installs offline from PyPI alone (OFFLINE_STACK.md: argostranslate has
no models without its index), so storyweave ships none and never needs one: citations are
found across languages without translating. A user with a local model plugs it in with the
`translator` setting, "package.module:factory", where the factory returns a callable
`(texts, source_lang, target_lang) -> list of translations` (or an object with such a
`translate` method). Shown next to the original, never instead of it.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Protocol

__all__ = ["Translator", "get_translator", "translate_summary"]


class Translator(Protocol):
    def __call__(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[str]: ...


def get_translator(spec: str) -> Callable[[Sequence[str], str, str], list[str]] | None:
    """The translator named by the `translator` setting; None when the setting is empty."""
    if not spec:
        return None
    module, sep, attr = spec.partition(":")
    if not sep or not module or not attr:
        raise ValueError(f"E301 translator {spec!r}: expected 'package.module:factory'")
    try:
        factory = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"E302 translator {spec!r} cannot be loaded: {exc}") from exc
    made = factory()
    fn = getattr(made, "translate", made)
    if not callable(fn):
        raise ValueError(f"E303 translator {spec!r} gave {type(made).__name__}, not a callable")
    return fn


def translate_summary(sentences, target_lang: str, translator) -> None:
    """Fill `translation` of the summary sentences not in the target language, one call per
    source language. A failing backend leaves them untranslated: a summary is never lost
    for want of a translation."""
    if translator is None:
        return
    by_lang: dict[str, list] = {}
    for s in sentences:
        if s.lang != target_lang and s.translation is None:
            by_lang.setdefault(s.lang, []).append(s)
    for lang, group in by_lang.items():
        try:
            out = translator([s.text for s in group], lang, target_lang)
        except Exception:  # noqa: BLE001 - a user's backend may fail in any way
            continue
        if len(out) == len(group):
            for s, t in zip(group, out):
                s.translation = str(t) if t else None
