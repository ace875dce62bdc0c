"""Exact and near-duplicate groups (wire copies, syndication) with MinHash LSH (datasketch).

A group counts once as evidence; every outlet in it is kept. The group id is the id of
its earliest-ingested article, so it is stable when more copies arrive later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from ._disjoint import DisjointSets

__all__ = ["Deduplicator", "shingles"]

_WORDS = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = 4) -> set[str]:
    words = _WORDS.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


@dataclass
class Deduplicator:
    threshold: float = 0.6  # Jaccard of 4-word shingles; wire copies with new headlines sit > 0.7
    num_perm: int = 128

    def _minhash(self, text: str) -> MinHash:
        m = MinHash(num_perm=self.num_perm, seed=7)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        return m

    def groups(self, docs: list[tuple[str, str]]) -> dict[str, str]:
        """docs: (article id, clean text) in ingest order -> {article id: group id}."""
        lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        sets: DisjointSets[str] = DisjointSets(doc_id for doc_id, _ in docs)
        for doc_id, text in docs:
            if len(_WORDS.findall(text)) < 8:
                continue  # headlines alone are too short to call copies
            mh = self._minhash(text)
            for other in lsh.query(mh):
                sets.union(doc_id, other)  # the earlier article stays the root
            lsh.insert(doc_id, mh)
        return {doc_id: sets.find(doc_id) for doc_id, _ in docs}
