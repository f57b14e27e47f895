"""Split raw text into units (paragraphs) that keep their offsets.

Cleaning judges text unit by unit and must never rewrite it, so a unit is
only a pair of offsets plus a view of the text. Scraped news usually holds
one paragraph per line; hard-wrapped text (e-mail, wire copy) holds one
paragraph per blank-line separated block, so wrapped lines are joined.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..spans import line_spans, trim

_LINE = re.compile(r"[^\n]*")
_MIN_WRAP, _WRAP_WIDTH = 40, 90  # inner lines of wrapped paragraphs are about this long


@dataclass(frozen=True)
class Unit:
    """A paragraph: [start, end) trimmed of whitespace, inside [raw_start, raw_end)."""

    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str  # text[start:end]

    @property
    def words(self) -> int:
        return len(self.text.split())


def _hard_wrapped(blocks: list[list[tuple[int, int]]], text: str) -> bool:
    """True when multi-line blocks look like wrapped prose.

    Wrapped lines (all but a paragraph's last) fill most of a fixed width and
    seldom end a sentence; one-paragraph-per-line text has neither property.
    """
    inner = [ln for b in blocks if len(b) > 1 for ln in b[:-1]]
    if len(inner) < 2:
        return False
    lines = [ln for b in blocks for ln in b]
    if sum(1 for s, e in lines if e - s > _WRAP_WIDTH + 10) > 0.05 * len(lines):
        return False  # wrapped text has no long lines; a header block above long paragraphs is not wrapping
    filled = sum(1 for s, e in inner if _MIN_WRAP <= e - s <= _WRAP_WIDTH)
    open_end = sum(1 for s, e in inner if not text[s:e].rstrip().endswith((".", "!", "?", "\"", "”", ":")))
    return filled >= 0.8 * len(inner) and open_end >= 0.5 * len(inner)


def units(text: str) -> list[Unit]:
    """The non-blank paragraphs of ``text`` with offsets, in order."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in line_spans(text, blank=True):
        if text[s:e].strip():
            blocks[-1].append((s, e))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    spans = [(b[0][0], b[-1][1]) for b in blocks] if _hard_wrapped(blocks, text) else [ln for b in blocks for ln in b]
    out = []
    for rs, re_ in spans:
        s, e = trim(text, rs, re_)
        out.append(Unit(s, e, rs, re_, text[s:e]))
    return out
