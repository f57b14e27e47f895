"""Infer a publication window from the dates an article mentions.

Used only when the text states no publication date. Each date mention is read
in its local context: a past event ("said on July 12", "since 2003") was before
publication, so it raises the lower bound; an upcoming one ("ahead of a July
13-14 meeting", "will be held on 5 May 2022") was after it, so it lowers the
upper bound. A date written without a year follows the news convention that
the year is omitted for the current year: its year is taken from a nearby
full date when one exists, else only the earliest year the text allows (the
latest past year it mentions) is assumed, which yields a lower bound only.
When yearless past and upcoming events fit in one calendar year ("said on
July 12", "ahead of a July 13-14 meeting"), publication lies between them in
that unknown year Y; Y is bounded by the years the text pins (a past year
below, an upcoming dated event above), and the window is the hull over every
Y that fits. With no upper year bound that hull is open above: a date window
cannot say "mid-July of some year from 2020 on", so only the lower bound is kept.
The window is meant to be wide and right: a contradiction drops the upper bound.
"""
from __future__ import annotations

import datetime as dt
import re

from .datefmt import DateMention, find_dates

_FUTURE_LEAD = re.compile(
    r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|upcoming|forthcoming|scheduled\s+(?:for|on)|slated\s+for|"
    r"set\s+for|planned\s+for|due\s+(?:on|by)|next)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+)?$",
    re.I,
)
_AMBIGUOUS_LEAD = re.compile(r"\b(?:until|till|by|before|through|from)\s+(?:the\s+)?$", re.I)
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+due|are\s+due|(?:is|are)\s+expected|(?:is|are)\s+scheduled|"
    r"plans?\s+to|intends?\s+to|(?:is|are)\s+set\s+to|(?:is|are)\s+going\s+to|would\s+be\s+held)\b|\w+['’]ll\b"
)
_PAST = re.compile(
    r"\b(?:said|told|was|were|had|did|met|held|took|came|went|began|left|led|made|gave|sent|won|lost|fell|"
    r"rose|saw|spoke|wrote|became|fought|ran|paid|sought|struck|thought|felt|kept|brought|bought|"
    r"(?:has|have)\s+\w+|[a-z]{2,}ed)\b"
)
_BARE_YEAR = re.compile(r"\b(?:in|since|during|from|after|of|early|late|mid-?)\s+(?P<y>1[89]\d\d|20\d\d)\b(?![-/]\d)")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z“\"‘'(])|\n")
_LEFT, _RIGHT = 160, 60
_SAME_PERIOD_DAYS = 92


def _context(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None for the event a date at [start, end) names."""
    left = text[max(0, start - _LEFT):start]
    cut = [m.end() for m in _SENTENCE_END.finditer(left)]
    if cut:
        left = left[cut[-1]:]
    right = text[end:end + _RIGHT]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[:stop.start()]
    if _FUTURE_LEAD.search(left):
        return "future"
    ambiguous = bool(_AMBIGUOUS_LEAD.search(left))
    # the verb nearest to the date decides
    best: tuple[int, str] | None = None
    for kind, rx in (("future", _FUTURE), ("past", _PAST)):
        for m in rx.finditer(left):
            d = len(left) - m.end()
            if best is None or d < best[0]:
                best = (d, kind)
        m = rx.search(right)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    if best is None:
        return None
    if ambiguous and best[1] == "past":
        return None  # "left before July 3": the deadline may still lie ahead of publication
    return best[1]


def _year_for_unyeared(mentions: list[DateMention]) -> int | None:
    """The year of the latest full date, if every yearless date falls close to it."""
    full = [m for m in mentions if m.year and m.day]
    if not full:
        return None
    years = [m.year for m in mentions if m.year]
    anchor = max(full, key=lambda m: m.first())
    if anchor.year != max(years):
        return None
    ref = anchor.first()
    for m in mentions:
        if m.year is None:
            d = m.first(anchor.year)
            if d is None or abs((d - ref).days) > _SAME_PERIOD_DAYS:
                return None
    return anchor.year


def infer_window(text: str) -> tuple[str | None, str | None]:
    """(published_from, published_to) as YYYY-MM-DD, either None where unbounded."""
    mentions = find_dates(text)
    lower: list[dt.date] = []
    upper: list[dt.date] = []
    for m in mentions:
        if m.year is None:
            continue
        ctx = _context(text, m.start, m.end)
        if ctx == "past":
            lower.append(m.first())
        elif ctx == "future":
            upper.append(m.last())
    taken = [(m.start, m.end) for m in mentions]
    for b in _BARE_YEAR.finditer(text):
        if any(s <= b.start("y") < e for s, e in taken):
            continue
        if _context(text, b.start(), b.end()) == "past":
            lower.append(dt.date(int(b.group("y")), 1, 1))
    year = _year_for_unyeared(mentions)
    past: list[DateMention] = []
    future: list[DateMention] = []
    for m in mentions:
        if m.year is not None:
            continue
        ctx = _context(text, m.start, m.end)
        if year is not None:
            first, last = m.first(year), m.last(year)
            if ctx == "past" and first:
                lower.append(first)
            elif ctx == "future" and last:
                upper.append(last)
        elif ctx == "past":
            past.append(m)
        elif ctx == "future":
            future.append(m)
    lo = max(lower) if lower else None
    hi = min(upper) if upper else None
    if lo and hi and lo > hi:
        hi = None
    lo, hi = _unknown_year_bounds(past, future, lo, hi)
    return (lo.isoformat() if lo else None, hi.isoformat() if hi else None)


def _in_year(past: list[DateMention], future: list[DateMention], y: int) -> tuple[dt.date | None, dt.date | None]:
    """[latest past day, earliest upcoming day] of the yearless mentions read in year ``y``."""
    firsts = [d for d in (m.first(y) for m in past) if d]
    lasts = [d for d in (m.last(y) for m in future) if d]
    return (max(firsts) if firsts else None, min(lasts) if lasts else None)


def _fit(past, future, y: int, lo: dt.date | None, hi: dt.date | None) -> tuple[dt.date | None, dt.date | None] | None:
    """The window if the unknown year is ``y``, or None if ``y`` contradicts the bounds."""
    a, b = _in_year(past, future, y)
    first = max(d for d in (a, lo) if d) if (a or lo) else None
    last = min(d for d in (b, hi) if d) if (b or hi) else None
    if first and last and first > last:
        return None
    return first, last


def _unknown_year_bounds(past: list[DateMention], future: list[DateMention], lo: dt.date | None, hi: dt.date | None):
    """Tighten (lo, hi) with yearless mentions whose shared year Y is unknown.

    Y is at least lo's year (publication follows lo) and at most hi's year.
    The earliest Y that fits gives the lower bound; the latest gives the upper
    bound, and only if hi bounds Y at all. Mentions that cannot share one year
    (a past "December 28" with an upcoming "January 3") leave the upcoming
    ones out; bounds that no Y satisfies leave the window as it was.
    """
    if not (past or future) or (lo is None and hi is None):
        return lo, hi
    probe = (lo or hi).year
    a, b = _in_year(past, future, probe)
    if a and b and a > b:
        future = []  # they straddle a new year: the upcoming event is in Y+1
        if not past:
            return lo, hi
    new_lo, new_hi = lo, hi
    if lo is not None:
        fits = [w for y in (lo.year, lo.year + 1) if not hi or y <= hi.year for w in [_fit(past, future, y, lo, hi)] if w]
        if not fits:
            return lo, hi
        new_lo = fits[0][0]
    if hi is not None:
        floor = lo.year if lo else hi.year - 1
        fits = [w for y in (hi.year, hi.year - 1) if y >= floor for w in [_fit(past, future, y, lo, hi)] if w]
        if not fits:
            return lo, hi
        new_hi = fits[0][1]
    return new_lo, new_hi
