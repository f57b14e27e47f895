"""Find calendar dates written in English text, with their offsets.

Own regexes rather than dateparser over whole texts: they are fast, and they
say which parts (year, month, day, day range) the writer actually gave, which
the window inference needs. dateparser is only a fallback for odd strings.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
                "Oct", "Nov", "Dec"]
# case-sensitive on purpose: 'may' the verb is not a month; 'AUG' and 'Aug' are
_MONTH = r"(?=[JFMASOND])(?P<{g}>" + "|".join(v for n in _MONTH_NAMES for v in (n, n.upper())) + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"
_RANGE = r"(?:\s*(?:-|–|—|to|and)\s*(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?)?"

_PATTERNS = [
    # 2021-09-07, 2021/09/07
    re.compile(r"\b" + _YEAR.format(g="y") + r"[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)\b"),
    # July 13-14, 2021 / Aug. 28 2021 / July 12
    re.compile(r"\b" + _MONTH.format(g="mn") + r"\s+" + _DAY.format(g="d") + _RANGE.format(g="d2")
               + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b(?!\s*(?:%|percent|per cent))"),
    # 13-14 July 2021 / 28 Aug, 2021 / 12 July
    re.compile(r"\b(?=\d)" + _DAY.format(g="d") + _RANGE.format(g="d2") + r"\s+(?:of\s+)?" + _MONTH.format(g="mn")
               + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b"),
    # February 2020
    re.compile(r"\b" + _MONTH.format(g="mn") + r",?\s+" + _YEAR.format(g="y") + r"\b"),
    # 07/09/2021 when unambiguous, or a day > 12 tells the order
    re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]" + _YEAR.format(g="y") + r"\b"),
]


@dataclass(frozen=True)
class DateMention:
    """A date as written: the parts the writer gave (year may be missing)."""

    start: int
    end: int
    month: int
    year: int | None = None
    day: int | None = None  # None: the whole month
    day_end: int | None = None  # last day of a range such as "July 13-14"

    def first(self, year: int | None = None) -> dt.date | None:
        """The earliest day this mention can mean, in ``year`` if it has none."""
        y = self.year or year
        if y is None:
            return None
        return _safe(y, self.month, self.day or 1)

    def last(self, year: int | None = None) -> dt.date | None:
        """The latest day this mention can mean."""
        y = self.year or year
        if y is None:
            return None
        if self.day is None:
            nxt = _safe(y + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1) if nxt else None
        return _safe(y, self.month, self.day_end or self.day)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _from_match(m: re.Match) -> DateMention | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if "a" in g and g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            month, day = b, a
        elif b > 12 >= a or a == b:
            month, day = a, b
        else:
            return None  # 03/04/2021: day-month order unknown
    elif g.get("mn"):
        month = MONTHS[g["mn"].lower()]
        day = int(g["d"]) if g.get("d") else None
    else:
        month, day = int(g["m"]), int(g["d"])
    d2 = int(g["d2"]) if g.get("d2") else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if d2 is not None and (day is None or not day < d2 <= 31):
        d2 = None
    if year and _safe(year, month, day or 1) is None:
        return None
    return DateMention(m.start(), m.end(), month, year, day, d2)


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in ``text``, longest first where patterns overlap, in order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            dm = _from_match(m)
            if dm:
                found.append(dm)
                taken.append((dm.start, dm.end))
    return sorted(found, key=lambda d: d.start)


_AMBIGUOUS = re.compile(r"\b[01]?\d[/.][01]?\d[/.]\d{4}\b")


def parse_date(s: str) -> str | None:
    """A full date (YYYY-MM-DD) from a short string such as a byline field, or None."""
    for dm in find_dates(s):
        if dm.year and dm.day:
            return dm.first().isoformat()
    if not re.search(r"\d{4}", s) or len(s) > 60 or _AMBIGUOUS.search(s):
        return None
    import dateparser  # slow to import and to run: only for strings our patterns missed

    got = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return got.date().isoformat() if got else None
