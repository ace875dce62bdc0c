"""Exact and near-duplicate groups (wire copies, syndication) with MinHash LSH (datasketch).

A group counts once as evidence; every outlet in it is kept. The group id is the id of
its earliest-ingested article, so it is stable when more copies arrive later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

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
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        order = {doc_id: i for i, (doc_id, _) in enumerate(docs)}
        for doc_id, text in docs:
            parent[doc_id] = doc_id
            if len(_WORDS.findall(text)) < 8:
                continue  # headlines alone are too short to call copies
            mh = self._minhash(text)
            for other in lsh.query(mh):
                a, b = find(doc_id), find(other)
                if a != b:  # the earlier article stays the root
                    first, second = sorted((a, b), key=order.__getitem__)
                    parent[second] = first
            lsh.insert(doc_id, mh)
        return {doc_id: find(doc_id) for doc_id, _ in docs}
