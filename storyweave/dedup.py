"""Exact and near-duplicate groups (wire copies, syndication) with MinHash LSH (datasketch).

A group counts once as evidence; every outlet in it is kept. The group id is the id of
its earliest-ingested article, so it is stable when more copies arrive later.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

from ._disjoint import DisjointSets

__all__ = ["Deduplicator", "shingles"]

_WORDS = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = 4) -> set[str]:
    words = _WORDS.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _datasketch():
    """datasketch, imported on first use: it brings scipy (about a second), which commands
    that never deduplicate (`storyweave events`, `show`, `--help`) should not wait for."""
    import datasketch

    return datasketch


@lru_cache(maxsize=1)
def _reference() -> MinHash:
    return _datasketch().MinHash(num_perm=1, seed=7)


def _scheme() -> str | None:
    """The datasketch version's permutation scheme (datasketch >= 2; None before)."""
    return getattr(_reference(), "scheme", None)


def _from_values(num_perm: int, values: np.ndarray) -> MinHash:
    """A MinHash from stored values; datasketch >= 2 wants their scheme named."""
    extra = {"scheme": _scheme()} if _scheme() else {}
    return _datasketch().MinHash(num_perm=num_perm, seed=7, hashvalues=values, **extra)


@dataclass
class Deduplicator:
    threshold: float = 0.6  # Jaccard of 4-word shingles; wire copies with new headlines sit > 0.7
    num_perm: int = 128

    @property
    def signature_dtype(self) -> np.dtype:
        return _reference().hashvalues.dtype  # the datasketch version's

    @property
    def signature_name(self) -> str:
        """What a stored signature was made with: another setting makes another one."""
        return f"minhash-{self.num_perm}-seed7-shingle4-{_scheme() or 'legacy'}-{self.signature_dtype}"

    def signature(self, text: str) -> np.ndarray | None:
        """MinHash values of a text's 4-word shingles; None for texts too short to compare."""
        if len(_WORDS.findall(text)) < 8:
            return None  # headlines alone are too short to call copies
        m = _datasketch().MinHash(num_perm=self.num_perm, seed=7)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        return m.hashvalues

    def groups(self, docs: list[tuple[str, str]],
               signatures: Mapping[str, np.ndarray | None] | None = None) -> dict[str, str]:
        """docs: (article id, clean text) in ingest order -> {article id: group id}.
        `signatures` (by article id) spares recomputing what an earlier run stored."""
        lsh = _datasketch().MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        sets: DisjointSets[str] = DisjointSets(doc_id for doc_id, _ in docs)
        for doc_id, text in docs:
            sig = signatures[doc_id] if signatures is not None and doc_id in signatures \
                else self.signature(text)
            if sig is None:
                continue
            mh = _from_values(self.num_perm, sig)
            for other in lsh.query(mh):
                sets.union(doc_id, other)  # the earlier article stays the root
            lsh.insert(doc_id, mh)
        return {doc_id: sets.find(doc_id) for doc_id, _ in docs}
