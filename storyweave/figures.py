"""Figures that identify a story (casualties, sums, magnitudes), compared across
languages: a claim and a passage that share "1,200" or "6.2" likely report one fact."""
from __future__ import annotations

import re

__all__ = ["number_keys"]

_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)")


def number_keys(text: str) -> set[str]:
    """Numbers that identify a story (casualties, sums, magnitudes), normalised across
    languages ("1,200" = "1 200", "6.2" = "6,2"); years and single digits are left out."""
    out = set()
    for m in _NUMBER.finditer(text):
        tok = m.group(0)
        if re.fullmatch(r"\d{1,3}(?:[ ,.\u00a0]\d{3})+", tok):
            value = re.sub(r"\D", "", tok)
        elif re.fullmatch(r"\d+[.,]\d+", tok):
            value = tok.replace(",", ".")
        else:
            value = tok
        if len(value) >= 2 and not re.fullmatch(r"(19|20)\d\d", value):
            out.add(value)
    return out
