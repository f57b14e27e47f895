"""Sentence alignment between two documents: which sentence of one is which of the other.

Each sentence of the shorter document gets its best partner in the longer one,
scored by the words they share in order (2 x longest common subsequence over
both lengths) and, when vectors are given, by the cosine of their sentence
embeddings. The pairs that keep the text order (a longest increasing run of
partners) are what a copy shares with its original: a spun or translated copy
keeps the order of its sentences, independent reports of one event do not.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

LEXICAL = 0.5  # shared words in order: a sentence copied, edited or spun
COSINE = 0.8  # embedding cosine alone: the same sentence in other words
COSINE_WITH_WORDS = 0.7  # a lower cosine is enough with LEXICAL shared words


@dataclass(frozen=True)
class Link:
    """Sentence ``i`` of the shorter document matches sentence ``j`` of the longer."""

    i: int
    j: int
    lexical: float
    cosine: float | None = None

    @property
    def score(self) -> float:
        return self.lexical if self.cosine is None else max(self.cosine, self.lexical)


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two word lists (bit-parallel, Hyyrö 2004:
    one big-integer step per word of ``a`` instead of a row of the dynamic programme)."""
    if not a or not b:
        return 0
    positions: dict[str, int] = {}
    for k, word in enumerate(b):
        positions[word] = positions.get(word, 0) | (1 << k)
    full = (1 << len(b)) - 1
    v = full
    for word in a:
        u = v & positions.get(word, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def _bag(words: list[str]) -> frozenset[tuple[str, int]]:
    """A word list as a set of (word, occurrence): set intersection is multiset intersection."""
    seen: dict[str, int] = {}
    out = []
    for word in words:
        seen[word] = seen.get(word, 0) + 1
        out.append((word, seen[word]))
    return frozenset(out)


def lexical(a: list[str], b: list[str]) -> float:
    return 2 * lcs_length(a, b) / (len(a) + len(b)) if a and b else 0.0


def align(short: list[list[str]], long: list[list[str]], cosines: np.ndarray | None = None) -> list[Link]:
    """The best partner of each sentence of ``short`` that passes the match rule, in ``short`` order.

    Without ``cosines`` the rule is lexical (LEXICAL); with a (len(short), len(long))
    cosine matrix a pair matches on COSINE alone or on COSINE_WITH_WORDS plus LEXICAL.
    """
    bags_long = [_bag(words) for words in long]
    same: dict[tuple[str, ...], int] = {}
    for j, words in enumerate(long):
        same.setdefault(tuple(words), j)
    links: list[Link] = []
    for i, words in enumerate(short):
        if not words:
            continue
        j = same.get(tuple(words))
        if j is not None:  # the same sentence: nothing scores higher
            links.append(Link(i, j, 1.0, float(cosines[i, j]) if cosines is not None else None))
            continue
        bag = _bag(words)
        best: Link | None = None
        for j, other in enumerate(long):
            if not other:
                continue
            cos = float(cosines[i, j]) if cosines is not None else None
            if cos is not None and cos < COSINE_WITH_WORDS:
                continue
            bound = 2 * len(bag & bags_long[j]) / (len(words) + len(other))  # multiset Dice >= lexical
            lex = lexical(words, other) if bound >= LEXICAL else bound  # below LEXICAL: the bound will do
            if not _matches(lex, cos):
                continue
            link = Link(i, j, lex, cos)
            if best is None or link.score > best.score:
                best = link
        if best is not None:
            links.append(best)
    return links


def _matches(lex: float, cos: float | None) -> bool:
    if cos is None:
        return lex >= LEXICAL
    return cos >= COSINE or (cos >= COSINE_WITH_WORDS and lex >= LEXICAL)


def in_order(links: list[Link], weights: list[int]) -> list[Link]:
    """The heaviest subset of ``links`` whose partners never go backwards (``j`` non-decreasing)."""
    if not links:
        return []
    best = [weights[link.i] for link in links]
    back = [-1] * len(links)
    for k, link in enumerate(links):
        for p in range(k):
            if links[p].j <= link.j and best[p] + weights[link.i] > best[k]:
                best[k], back[k] = best[p] + weights[link.i], p
    k = max(range(len(links)), key=best.__getitem__)
    chain = []
    while k >= 0:
        chain.append(links[k])
        k = back[k]
    return chain[::-1]


def coverage(links: list[Link], weights: list[int]) -> float:
    """Share of the shorter document's words in linked sentences."""
    total = sum(weights)
    return sum(weights[link.i] for link in links) / total if total else 0.0


def substitution_share(links: list[Link], short: list[list[str]], long: list[list[str]]) -> float:
    """Of the words that differ in linked sentences, the share swapped one for one in place.

    A spinner replaces words with synonyms where they stand; a translation
    reorders, adds and drops words. 1.0 means every change was an in-place swap.
    """
    swapped = other = 0
    for link in links:
        ops = SequenceMatcher(None, short[link.i], long[link.j], autojunk=False).get_opcodes()
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                swapped += i2 - i1
            else:
                other += max(i2 - i1, j2 - j1)
    return swapped / (swapped + other) if swapped + other else 1.0
