"""Unrelated text appended after an article, recognised by what it is about.

Scrapers and content farms glue press releases, ads or another story after
an article. No word list can catch them; their vocabulary can: an appended
block shares few content words with the article before it, far fewer than
the article's own paragraphs share with each other. The test compares the
trailing block as a whole (a short closing line alone never decides) and
scales its threshold by how much the article's paragraphs overlap among
themselves, so terse articles are not cut.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from .words import content_words

MAX_TAIL = 15  # paragraphs examined from the end
MIN_HEAD_WORDS = 80  # the article before the block must say enough to compare with
MIN_HEAD_PARAS = 3
MIN_TAIL_WORDS = 20  # a block shorter than this is a closing line, not an appendix
RATIO = 0.4  # block overlap must be below this share of the article's own overlap
CEILING = 0.15  # and below this absolute share of its words
PARA_RATIO = 0.6  # every substantial paragraph of the block must be off-topic too
MIN_PARA_WORDS = 8


def _self_overlap(bags: list[list[str]]) -> float:
    """Mean share of a paragraph's words found in the other paragraphs (leave-one-out)."""
    df = Counter(w for b in bags for w in set(b))
    scores = []
    for b in bags:
        if len(b) < MIN_PARA_WORDS:
            continue
        mine = set(b)
        scores.append(sum(1 for w in b if df[w] - (w in mine) > 0) / len(b))
    return sum(scores) / len(scores) if scores else 0.0


def _closer_to_tail(tail: list[list[str]], head_cov: list[float]) -> bool:
    """Every paragraph of a multi-paragraph block shares more with the block than with the article.

    This keeps an article's own last paragraph out of an appendix that
    follows it: it is nearer the article than the appended piece.
    """
    if len(tail) < 2:
        return True
    df = Counter(w for b in tail for w in set(b))
    for b, cov in zip(tail, head_cov):
        if not b:
            continue
        mine = set(b)
        own = sum(1 for w in b if df[w] - (w in mine) > 0) / len(b)
        if own < cov:
            return False
    return True


def appended_start(paragraphs: list[str]) -> int:
    """Index of the first paragraph of an off-topic trailing block (len(paragraphs) if none)."""
    bags = [content_words(p) for p in paragraphs]
    n = len(bags)
    lo = max(MIN_HEAD_PARAS, n - MAX_TAIL)
    if n <= lo:
        return n
    # a word is "in the head before k" iff the first paragraph using it is < k
    first: dict[str, int] = {}
    for i, b in enumerate(bags):
        for w in b:
            first.setdefault(w, i)
    firsts = [sorted(first[w] for w in b) for b in bags]
    head_words = [0]
    for b in bags:
        head_words.append(head_words[-1] + len(b))
    best = n
    for k in range(n - 1, lo - 1, -1):
        tail_len = head_words[n] - head_words[k]
        if head_words[k] < MIN_HEAD_WORDS or tail_len < MIN_TAIL_WORDS:
            continue
        seen = [bisect_left(firsts[j], k) for j in range(k, n)]
        block = sum(seen) / tail_len
        if block >= CEILING:
            continue
        reference = _self_overlap(bags[:k])
        if block >= RATIO * reference:
            continue
        if any(len(bags[j]) >= MIN_PARA_WORDS and seen[j - k] / len(bags[j]) >= PARA_RATIO * reference for j in range(k, n)):
            continue
        if not _closer_to_tail(bags[k:], [s / max(1, len(b)) for s, b in zip(seen, bags[k:])]):
            continue
        best = k
    return best
