"""Disjoint sets (union-find), shared by dedup, storylines and quote linking."""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

__all__ = ["DisjointSets"]

K = TypeVar("K", bound=Hashable)


class DisjointSets(Generic[K]):
    """Items join sets; the root of a set is its first-added item (stable group ids)."""

    def __init__(self, items: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {}
        self.order: dict[K, int] = {}
        for x in items:
            self.add(x)

    def add(self, x: K) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self.order[x] = len(self.order)

    def find(self, x: K) -> K:
        self.add(x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=self.order.__getitem__)
            self.parent[second] = first

    def groups(self, min_size: int = 1) -> list[list[K]]:
        """Sets in the order their first items were added, members in adding order."""
        out: dict[K, list[K]] = {}
        for x in self.order:
            out.setdefault(self.find(x), []).append(x)
        return [g for g in out.values() if len(g) >= min_size]
