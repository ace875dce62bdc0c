"""Bytes to text: BOMs, UTF-8, then charset-normalizer; binary and undecodable input rejected."""
from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

__all__ = ["decode_text", "DecodeError", "looks_binary", "repair_mojibake"]


class DecodeError(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


_BOMS = [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]


def looks_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def decode_text(raw: bytes) -> str:
    """Decode to NFC text, or raise DecodeError(reason) with reason empty|binary|undecodable."""
    if not raw.strip():
        raise DecodeError("empty", "no content")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return _finish(raw[len(bom):].decode(enc, errors="replace"))
    if looks_binary(raw):
        raise DecodeError("binary", "content is binary, not text")
    try:
        return _finish(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise DecodeError("undecodable", "no text encoding fits these bytes")
    text = raw.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 100):
        raise DecodeError("undecodable", f"too many invalid bytes for {best.encoding}")
    return _finish(text)


def _finish(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DecodeError("empty", "no text after decoding")
    return text


def repair_mojibake(text: str) -> str:
    """Undo text that was decoded with the wrong codec before it reached us ("iniciÃ³" ->
    "inició", "Doğu\x92nun" -> "Doğu’nun"): valid bytes, so no decoder can see it. Crawls
    and JSON dumps carry it (20 of 1,671 ML-Crisis texts). ftfy's encoding fix only, so
    quotes, widths and ligatures stay as written; the raw bytes are kept as they came."""
    import ftfy  # on first use: 0.1 s of tables that commands reading no input skip

    return ftfy.fix_encoding(text)
