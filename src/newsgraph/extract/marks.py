"""Pair quotation marks paragraph by paragraph, tolerating the marks real news gets wrong.

Why a state machine and not a regex: scraped articles mix straight and curly
marks, write a closing mark as an opening one (``“...,“``), leave quotations
open, and nest ‘single’ marks inside “double” ones. Each mark is classified by
its surroundings first (a mark after a letter and before a space closes,
whatever its glyph) and by its glyph only when the context is ambiguous. The
state is reset at every paragraph break, so a bad pair never spoils the rest
of the document; a paragraph that ends inside a quotation and is followed by a
paragraph opening a quotation is the multi-paragraph convention, and is
recorded as such.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..spans import line_spans, trim

DOUBLE = '"“”„‟«»'
SINGLE = "'‘’‚‛"
_MARK = re.compile(r"[\"“”„‟«»'‘’‚‛]")
_OPEN_GLYPH = set("“„‟«‘‚‛")
_CLOSE_GLYPH = set("”»’")
# Characters after which a mark is an opening one (besides whitespace).
_OPENERS_BEFORE = set("([{—–-/:;")
_PUNCT_AFTER = set(".,;:!?)]}—–-…")


@dataclass
class Region:
    """One quotation between marks: content offsets exclude the marks themselves."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None when never closed
    start: int  # content start
    end: int  # content end (exclusive), whitespace trimmed
    para: int  # paragraph index
    single: bool = False  # delimited by single marks
    continues: bool = False  # unclosed, and the next paragraph reopens a quotation

    @property
    def closed(self) -> bool:
        return self.close is not None


def _role(text: str, pos: int, n: int) -> str:
    """'open', 'close', 'apos' or 'either' for the mark at ``pos``, from its neighbours."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < n else "\n"
    ch = text[pos]
    if ch in SINGLE and before.isalnum() and after.isalnum():
        return "apos"  # don’t, council’s
    if ch in "'’" and before.isalpha() and after in " \n" and before in "sS":
        return "either"  # plural possessive (countries’) or a real closing mark
    left_open = before.isspace() or before in _OPENERS_BEFORE or before in DOUBLE or before in SINGLE
    right_space = after.isspace()
    if left_open and not right_space and after not in _PUNCT_AFTER:
        return "open"
    if not left_open and (right_space or after in _PUNCT_AFTER or after in DOUBLE or after in SINGLE):
        return "close"
    if left_open and (after == "\n" or after.isspace() and _rest_of_line_blank(text, pos + 1)):
        return "close"  # “ written at the very end of a paragraph closes it
    if ch in _OPEN_GLYPH:
        return "open_glyph"
    if ch in _CLOSE_GLYPH:
        return "close_glyph"
    return "either"


def _rest_of_line_blank(text: str, pos: int) -> bool:
    nl = text.find("\n", pos)
    return not text[pos:nl if nl >= 0 else len(text)].strip()


def _pair(text: str, marks: list[tuple[int, str]], para: int, pend: int, single: bool) -> list[Region]:
    """Run the open/close state machine over one paragraph's marks of one kind."""
    regions: list[Region] = []
    open_at: int | None = None
    for k, (pos, role) in enumerate(marks):
        if open_at is None:
            if role in ("open", "open_glyph") or (role == "either" and not single):
                open_at = pos
            continue
        if role in ("close", "close_glyph", "either"):
            s, e = trim(text, open_at + 1, pos)
            regions.append(Region(open_at, pos, s, e, para, single))
            open_at = None
        elif role in ("open", "open_glyph"):
            nxt = marks[k + 1][1] if k + 1 < len(marks) else None
            if nxt is None or nxt in ("open", "open_glyph"):
                # A closing mark written as an opening one.
                s, e = trim(text, open_at + 1, pos)
                regions.append(Region(open_at, pos, s, e, para, single))
                open_at = None
            else:
                s, e = trim(text, open_at + 1, pos)
                regions.append(Region(open_at, None, s, e, para, single))
                open_at = pos
    if open_at is not None:
        s, e = trim(text, open_at + 1, pend)
        regions.append(Region(open_at, None, s, e, para, single))
    return regions


def find_regions(text: str) -> list[Region]:
    """All quotation regions of ``text`` in document order.

    Double marks are paired first; single marks count only outside double
    regions (inside they are nested quotations or apostrophes).
    """
    n = len(text)
    paras = line_spans(text)
    by_para: list[list[tuple[int, str]]] = [[] for _ in paras]
    p = 0
    for m in _MARK.finditer(text):
        pos = m.start()
        while p < len(paras) and paras[p][1] <= pos:
            p += 1
        if p >= len(paras):
            break
        if pos < paras[p][0]:
            continue
        role = _role(text, pos, n)
        if role != "apos":
            by_para[p].append((pos, role))
    regions: list[Region] = []
    for i, marks in enumerate(by_para):
        if not marks:
            continue
        pend = paras[i][1]
        doubles = [(pos, r) for pos, r in marks if text[pos] in DOUBLE]
        found = _pair(text, doubles, i, pend, single=False)
        covered = [(r.open, r.close if r.close is not None else pend) for r in found]
        singles = [
            (pos, r) for pos, r in marks
            if text[pos] in SINGLE and not any(a <= pos <= b for a, b in covered)
        ]
        if singles:
            found += [r for r in _pair(text, singles, i, pend, single=True) if r.closed]
        found.sort(key=lambda r: r.open)
        regions.extend(r for r in found if r.end > r.start)
    # Multi-paragraph quotations: an unclosed region followed by a paragraph that reopens.
    for r in regions:
        if not r.closed and r.para + 1 < len(paras):
            ps, pe = paras[r.para + 1]
            first = text[ps:pe].lstrip()[:1]
            if first and first in DOUBLE + SINGLE and _role(text, ps + text[ps:pe].index(first), n) in (
                "open", "open_glyph", "either"
            ):
                r.continues = True
    return regions


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every non-blank line, in order."""
    return line_spans(text)
