"""Normalise English time expressions to TIMEX-style values.

Two steps, kept apart so each can be tested alone:

* parsing (``scan``, ``parse_expression``): compiled regexes turn text into a
  *form* (a yearless day range, a relative week, "three years ago", ...)
  without knowing any date;
* resolving (``Form.resolve``): a form plus a reference day (the document's
  date) gives ``(value, precision, first, last, anchored)``.

Values: ``2021-08-26``, ``2021-07-08/2021-07-09`` (ranges, of days, weeks,
months or years), ``2021-W33``, ``2021-07``, ``2021-SP`` (season),
``2021-Q3`` (quarter), ``2021``, ``199`` (the 1990s, precision decade).
``first``/``last`` are the inclusive calendar days covered.

Own regexes, not dateparser: they are fast and they know which parts the
writer gave, which is what precision is. dateparser is a last resort for odd
strings that contain a month name or a year.

Durations ("10-year war", "for years", "two decades") are not points in time:
nothing here parses them. A period that ends at the reference day ("the last
seven years", "in recent weeks") is a range ending at that day. Expressions
relative to another event ("a day after", "the following week", "two years
later") are not resolved: their anchor is not the document's date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

Result = tuple[str, str, str, str, bool]  # value, precision, first, last, anchored
D = dt.date
_DAY1 = dt.timedelta(days=1)
_SLACK = dt.timedelta(days=1)  # a document date may lag the writing by a day

# ---------------------------------------------------------------- vocabulary

_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]
_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
MONTHS = {n.lower(): i + 1 for i, n in enumerate(_FULL)}
MONTHS.update({a.lower(): MONTHS[next(f for f in _FULL if f.startswith(a[:3])).lower()] for a in _ABBR})
WEEKDAYS = {d.lower(): i for i, d in enumerate(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}  # WI: December of the year before to February
_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBERS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "couple": 2, "a couple": 2,
                 "a couple of": 2, "couple of": 2, "few": 3, "a few": 3, "several": 3})
_VAGUE = {"few", "a few", "several"}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


def _alts(words: list[str]) -> str:
    """Capitalised and upper-case variants only: 'may' the verb is not a month."""
    return "|".join(v for w in sorted(words, key=len, reverse=True) for v in (w, w.upper()))


def _month(g: str) -> str:
    return rf"(?P<{g}>{_alts(_FULL)}|(?:{_alts(_ABBR)})\.?)(?!\w)"


def _day(g: str) -> str:
    return rf"(?<![\d.,])(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"


def _year(g: str) -> str:
    return rf"(?<![\d.,$£€])(?P<{g}>1[89]\d\d|20\d\d)(?![\d])"


def _weekday(g: str) -> str:
    return rf"(?P<{g}>{_alts([d.capitalize() for d in WEEKDAYS])})\b"


def _part(g: str) -> str:
    return (rf"(?:\b(?i:the)\s+(?P<{g}>(?i:end|start|beginning|middle|rest|remainder|first\s+half|second\s+half))"
            r"\s+(?i:of)\s+)")


_NUM = (r"(?P<n>(?i:\d{1,3}|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|several|an?|one|two|three|four|five|"
        r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
        r"nineteen|twenty|thirty|forty|fifty))")
_DASH = r"\s*[-–—]\s*"
_CONN = rf"(?:{_DASH}|\s+(?i:to|through|until|till|and)\s+)"  # any range connector
# between two full dates 'and' is a range connector only after 'between'
_CONN_X = rf"(?(lead){_CONN}|(?:{_DASH}|\s+(?i:to|through|until|till)\s+))"
_LEAD = r"(?:\b(?P<lead>(?i:between|from))\s+)?"
_PREP = (r"\b(?i:in|during|since|until|till|by|from|through|throughout|before|after|on|for|over|around|circa|"
         r"as\s+(?:early|late)\s+as|as\s+of|between|at|of)")
_NOT_AMOUNT = r"(?!\s*(?:%|(?i:percent|per\s+cent)\b))"
_MOD = r"(?:\b(?P<mod>(?i:early|mid|late|this\s+past|this\s+coming|this|last|next|past|coming))[\s-]+)"
_REL_WORDS = r"(?i:this\s+past|this\s+coming|this|last|next|past|coming)"


def _opt_year(g: str) -> str:
    return r"(?:,?\s+" + _year(g) + ")?"


def _dmy(d: str, m: str, y: str) -> str:
    return _day(d) + r"\s+(?:(?i:of)\s+)?" + _month(m) + _opt_year(y)


# -------------------------------------------------------------------- forms


class Form:
    """Something parsed from text, not yet placed in time."""

    needs_tense = False  # resolution depends on whether the clause is past or future

    def resolve(self, anchor: D | None, tense: str | None = None) -> Result | None:
        raise NotImplementedError


class Skip(Form):
    """Claims a stretch of text that is not a point in time ('more than 30 years ago')."""

    def resolve(self, anchor, tense=None):
        return None


def _iso(d: D) -> str:
    return d.isoformat()


def _week(d: D) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month_end(y: int, m: int) -> D:
    return (D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)) - _DAY1


def _add_months(d: D, k: int) -> D:
    y, m = divmod(d.month - 1 + k, 12)
    y += d.year
    return D(y, m + 1, min(d.day, _month_end(y, m + 1).day))


def _date(y: int, m: int, d: int) -> D | None:
    try:
        return D(y, m, d)
    except ValueError:
        return None


def _pick(make, anchor: D, tense: str | None) -> tuple[int, D, D] | None:
    """The year for a yearless expression: ``make(year) -> (first, last) | None``.

    A past clause takes the latest occurrence not after the anchor (plus a
    little slack), a future one the earliest not before it; otherwise the
    nearest, days after the anchor counting double (news mostly reports the past).
    """
    cands = [(y, *iv) for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (iv := make(y))]
    if not cands:
        return None
    if tense == "past":
        ok = [c for c in cands if c[1] <= anchor + _SLACK]
        if ok:
            return max(ok, key=lambda c: c[1])
    elif tense == "future":
        ok = [c for c in cands if c[2] >= anchor - _SLACK]
        if ok:
            return min(ok, key=lambda c: c[1])

    def cost(c):
        _, first, last = c
        if first <= anchor <= last:
            return 0
        return (anchor - last).days if last < anchor else 2 * (first - anchor).days

    return min(cands, key=cost)


def _days_result(first: D, last: D, anchored: bool) -> Result:
    value = _iso(first) if first == last else f"{_iso(first)}/{_iso(last)}"
    return value, "day", _iso(first), _iso(last), anchored


def _months_result(first: D, last: D, anchored: bool, exact: bool = False) -> Result:
    """Months from ``first`` to ``last``; whole months unless ``exact`` keeps the days given."""
    a, b = f"{first.year}-{first.month:02d}", f"{last.year}-{last.month:02d}"
    lo, hi = (first, last) if exact else (D(first.year, first.month, 1), _month_end(last.year, last.month))
    return (a if a == b else f"{a}/{b}"), "month", _iso(lo), _iso(hi), anchored


def _years_result(y1: int, y2: int, anchored: bool, first: D | None = None, last: D | None = None) -> Result:
    value = str(y1) if y1 == y2 else f"{y1}/{y2}"
    return value, "year", _iso(first or D(y1, 1, 1)), _iso(last or D(y2, 12, 31)), anchored


def _weeks_result(first: D, last: D, anchored: bool, exact: bool = False) -> Result:
    """ISO weeks from ``first`` to ``last``; whole weeks unless ``exact`` keeps the days given."""
    a, b = _week(first), _week(last)
    lo, hi = first, last
    if not exact:
        lo, hi = first - dt.timedelta(days=first.weekday()), last + dt.timedelta(days=6 - last.weekday())
    return (a if a == b else f"{a}/{b}"), "week", _iso(lo), _iso(hi), anchored


def _resolve_yearless(form, result, anchor, tense) -> Result | None:
    """Days and months: as written when the text gives the year (the grammar then fills
    both), else the candidate year nearest the anchor, chosen with the verb's tense."""
    if form.y1 is not None:
        iv = form._span(form.y1, form.y2)
        return result(*iv, False) if iv else None
    if anchor is None:
        return None
    got = _pick(form._span, anchor, tense)
    return result(got[1], got[2], True) if got else None


@dataclass(frozen=True)
class Days(Form):
    """One day or a range of days, with both years or none (yearless)."""

    m1: int
    d1: int
    m2: int
    d2: int
    y1: int | None = None
    y2: int | None = None

    @property
    def needs_tense(self):
        return self.y1 is None

    def _span(self, y1: int, y2: int | None = None) -> tuple[D, D] | None:
        first = _date(y1, self.m1, self.d1)
        if first is None:
            return None
        if y2 is None:
            y2 = y1 + (1 if (self.m2, self.d2) < (self.m1, self.d1) else 0)
        last = _date(y2, self.m2, self.d2)
        if last is None or last < first:
            return None
        return first, last

    def resolve(self, anchor, tense=None):
        return _resolve_yearless(self, _days_result, anchor, tense)


@dataclass(frozen=True)
class Months(Form):
    """One month or a range of months, with both years or none (yearless)."""

    m1: int
    m2: int
    y1: int | None = None
    y2: int | None = None

    @property
    def needs_tense(self):
        return self.y1 is None

    def _span(self, y1: int, y2: int | None = None) -> tuple[D, D] | None:
        if y2 is None:
            y2 = y1 + (1 if self.m2 < self.m1 else 0)
        first, last = D(y1, self.m1, 1), _month_end(y2, self.m2)
        return (first, last) if first <= last else None

    def resolve(self, anchor, tense=None):
        return _resolve_yearless(self, _months_result, anchor, tense)


@dataclass(frozen=True)
class MonthRel(Form):
    """'last July', 'next March', 'this June': a month named relative to the anchor's month."""

    month: int
    rel: str  # last | next | this

    def resolve(self, anchor, tense=None):
        if anchor is None:
            return None
        y = anchor.year
        if self.rel == "last":
            y -= 1 if self.month >= anchor.month else 0
        elif self.rel == "next":
            y += 1 if self.month <= anchor.month else 0
        return _months_result(D(y, self.month, 1), D(y, self.month, 1), True)


@dataclass(frozen=True)
class Years(Form):
    """A year or a range of years, always written in full."""

    y1: int
    y2: int

    def resolve(self, anchor, tense=None):
        return _years_result(self.y1, self.y2, False) if self.y1 <= self.y2 else None


@dataclass(frozen=True)
class Decade(Form):
    """'the 1990s': TIMEX value 199, precision decade."""

    start: int

    def resolve(self, anchor, tense=None):
        return str(self.start // 10), "decade", _iso(D(self.start, 1, 1)), _iso(D(self.start + 9, 12, 31)), False


def _season_span(code: str, y: int) -> tuple[D, D]:
    """Meteorological seasons; YYYY-WI is the winter whose January falls in YYYY."""
    if code == "WI":
        return D(y - 1, 12, 1), _month_end(y, 2)
    a, b = _SEASON_MONTHS[code]
    return D(y, a, 1), _month_end(y, b)


@dataclass(frozen=True)
class Season(Form):
    """'this spring', 'last summer', 'winter 2020', 'in the autumn'."""

    code: str
    year: int | None = None
    rel: str | None = None  # this | last | next | None

    @property
    def needs_tense(self):
        return self.year is None and self.rel is None

    def resolve(self, anchor, tense=None):
        if self.year is not None:
            return self._result(self.year, False)
        if anchor is None:
            return None
        spans = [(y, *_season_span(self.code, y)) for y in range(anchor.year - 2, anchor.year + 3)]
        if self.rel == "last":  # the latest one already over
            y = max(c[0] for c in spans if c[2] < anchor)
        elif self.rel == "next":  # the first one not yet begun
            y = min(c[0] for c in spans if c[1] > anchor)
        elif self.rel == "this":
            inside = [c[0] for c in spans if c[1] <= anchor <= c[2]]
            if inside:
                y = inside[0]
            elif self.code == "WI":  # the coming winter from late summer on, else the one just past
                y = anchor.year + (1 if anchor.month >= 7 else 0)
            else:
                y = anchor.year
        else:
            got = _pick(lambda yy: _season_span(self.code, yy), anchor, tense)
            y = got[0]
        return self._result(y, True)

    def _result(self, y: int, anchored: bool) -> Result:
        first, last = _season_span(self.code, y)
        return f"{y}-{self.code}", "season", _iso(first), _iso(last), anchored


@dataclass(frozen=True)
class Quarter(Form):
    """'the first quarter of 2021', 'Q3 2020', 'the second quarter' (anchored)."""

    q: int
    year: int | None = None
    year_offset: int | None = None  # 'of last year' -> -1

    @property
    def needs_tense(self):
        return self.year is None and self.year_offset is None

    def _span(self, y: int) -> tuple[D, D]:
        return D(y, 3 * self.q - 2, 1), _month_end(y, 3 * self.q)

    def resolve(self, anchor, tense=None):
        anchored = self.year is None
        if self.year is not None:
            y = self.year
        elif anchor is None:
            return None
        elif self.year_offset is not None:
            y = anchor.year + self.year_offset
        else:
            y = _pick(self._span, anchor, tense)[0]
        first, last = self._span(y)
        return f"{y}-Q{self.q}", "quarter", _iso(first), _iso(last), anchored


@dataclass(frozen=True)
class Weekday(Form):
    """'Monday', 'on Thursday', 'last Friday', 'next Tuesday', 'this Monday'."""

    wd: int
    rel: str | None = None  # last | next | this | None

    @property
    def needs_tense(self):
        return self.rel is None

    def resolve(self, anchor, tense=None):
        if anchor is None:
            return None
        back = (anchor.weekday() - self.wd) % 7
        if self.rel == "last":
            day = anchor - dt.timedelta(days=back or 7)
        elif self.rel == "next":
            day = anchor + dt.timedelta(days=(self.wd - anchor.weekday()) % 7 or 7)
        elif self.rel == "this":
            day = anchor + dt.timedelta(days=self.wd - anchor.weekday())
        elif tense == "future":
            day = anchor + dt.timedelta(days=(self.wd - anchor.weekday()) % 7)
        else:
            day = anchor - dt.timedelta(days=back)
        return _days_result(day, day, True)


@dataclass(frozen=True)
class Deictic(Form):
    """'today', 'yesterday', 'tomorrow', 'last night': a day offset from the anchor."""

    offset: int

    def resolve(self, anchor, tense=None):
        if anchor is None:
            return None
        day = anchor + dt.timedelta(days=self.offset)
        return _days_result(day, day, True)


def _weekend(anchor: D, weeks: int) -> tuple[D, D]:
    sat = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=5 + 7 * weeks)
    return sat, sat + _DAY1


@dataclass(frozen=True)
class Unit(Form):
    """'this week', 'last month', 'next year', 'earlier this week', 'the weekend'.

    ``offset`` counts units from the anchor's; ``part`` 'earlier'/'later' clips
    the covered days at the anchor. ``offset`` None (only 'the weekend') means
    the nearest one in the clause's direction.
    """

    unit: str  # week | weekend | month | year | quarter | decade
    offset: int | None
    part: str | None = None

    @property
    def needs_tense(self):
        return self.offset is None

    def resolve(self, anchor, tense=None):
        if anchor is None:
            return None
        k, u = self.offset, self.unit
        if u == "weekend":
            if k is None:
                k = 0 if anchor.weekday() >= 5 or tense == "future" else -1
            return _days_result(*_weekend(anchor, k), True)
        if u == "week":
            day = anchor + dt.timedelta(days=7 * k)
            res = _weeks_result(day, day, True)
        elif u == "month":
            day = _add_months(anchor, k)
            res = _months_result(day, day, True)
        elif u == "year":
            res = _years_result(anchor.year + k, anchor.year + k, True)
        elif u == "quarter":
            qi = (anchor.month - 1) // 3 + k
            y, q = anchor.year + qi // 4, qi % 4 + 1
            return Quarter(q, y).resolve(anchor)[:4] + (True,)
        else:  # decade
            start = (anchor.year // 10 + k) * 10
            res = Decade(start).resolve(anchor)[:4] + (True,)
        if self.part == "earlier" and k == 0:
            res = res[:3] + (_iso(anchor),) + res[4:]
        elif self.part == "later" and k == 0:
            res = res[:2] + (_iso(anchor),) + res[3:]
        return res


@dataclass(frozen=True)
class Recent(Form):
    """'the last seven years', 'in recent weeks', 'the coming months': a period ending
    (or, forward, starting) at the anchor, as a range of the unit's values."""

    unit: str  # day | week | month | quarter | year | decade
    n: int
    forward: bool = False

    def resolve(self, anchor, tense=None):
        if anchor is None:
            return None
        sign = 1 if self.forward else -1
        u, n = self.unit, self.n
        if u == "decade":
            u, n = "year", 10 * n
        elif u == "quarter":
            u, n = "month", 3 * n
        if u == "day":
            other = anchor + dt.timedelta(days=sign * n)
        elif u == "week":
            other = anchor + dt.timedelta(days=7 * sign * n)
        elif u == "month":
            other = _add_months(anchor, sign * n)
        else:
            other = _add_months(anchor, 12 * sign * n)
        first, last = sorted((anchor, other))
        if u == "day":
            return _days_result(first, last, True)
        if u == "week":
            return _weeks_result(first, last, True, exact=True)
        if u == "month":
            return _months_result(first, last, True, exact=True)
        return _years_result(first.year, last.year, True, first, last)


@dataclass(frozen=True)
class Ago(Form):
    """'two days ago', 'a week ago', 'three years ago': the unit containing that point."""

    unit: str  # day | week | month | year | decade
    n: int

    def resolve(self, anchor, tense=None):
        if anchor is None:
            return None
        if self.unit == "day":
            day = anchor - dt.timedelta(days=self.n)
            return _days_result(day, day, True)
        if self.unit == "week":
            day = anchor - dt.timedelta(days=7 * self.n)
            return _weeks_result(day, day, True)
        if self.unit == "month":
            day = _add_months(anchor, -self.n)
            return _months_result(day, day, True)
        y = anchor.year - self.n * (10 if self.unit == "decade" else 1)
        return _years_result(y, y, True)


@dataclass(frozen=True)
class Fallback(Form):
    """An odd string with a month name ('the 26th day of August'), left to dateparser.

    Its answer is kept only if it agrees with the month (and year) written.
    """

    text: str

    def resolve(self, anchor, tense=None):
        years = {int(y) for y in _YEAR_RX.findall(self.text)}
        if anchor is None and not years:
            return None
        months = {MONTHS[m.rstrip(".").lower()] for m in _MONTH_RX.findall(self.text)}
        got = _dateparser(self.text, anchor)
        if got is None or got[0].month not in months or (years and got[0].year not in years):
            return None
        d, period = got
        anchored = not years
        if period in ("day", "time"):
            return _days_result(d, d, anchored)
        if period == "month":
            return _months_result(d, d, anchored)
        return None


@functools.lru_cache(maxsize=64)
def _parser(anchor: D | None):
    from dateparser.date import DateDataParser  # slow: only for strings the patterns missed

    base = dt.datetime.combine(anchor or D(2000, 1, 1), dt.time())
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})


def _dateparser(text: str, anchor: D | None) -> tuple[D, str] | None:
    try:
        got = _parser(anchor).get_date_data(text)
    except Exception:  # dateparser raises on some odd inputs; an unparsed string is not an error
        return None
    if got is None or got.date_obj is None:
        return None
    return got.date_obj.date(), got.period


# ------------------------------------------------------------------ grammar


def _g(m: re.Match, name: str) -> str | None:
    """A group's text, or None when the group is absent or did not take part."""
    try:
        return m.group(name)
    except IndexError:
        return None


def _int(m: re.Match, name: str) -> int | None:
    v = _g(m, name)
    return int(v) if v else None


def _mon(m: re.Match, name: str) -> int | None:
    v = _g(m, name)
    return MONTHS[v.rstrip(".").lower()] if v else None


def _words(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _num(s: str | None) -> int | None:
    s = _words(s)
    return int(s) if s.isdigit() else _NUMBERS.get(s)


_AMOUNT_AFTER = re.compile(r"\s*(?:(?:[-–—]|to\b|and\b)\s*\d|(?:%|percent|per\s+cent|people|troops|soldiers|men|"
                           r"km|kilometres|kilometers|miles|metres|meters|tons|tonnes|dollars|euros|votes|years?|"
                           r"months?|weeks?|days?)\b)", re.I)


def _start(m: re.Match, conn: str | None) -> int:
    """'between' and 'from' belong to a range only when paired with 'and' / 'to'."""
    lead, c = _words(_g(m, "lead")), _words(conn)
    if (lead == "between" and c == "and") or (lead == "from" and c in ("to", "through", "until", "till")):
        return m.start("lead")
    return m.start("x")


def _years_of(m1: int, d1: int, y1: int | None, m2: int, d2: int, y2: int | None) -> tuple[int | None, int | None]:
    """A year written once serves both ends of a range; a range may run into the next year."""
    wraps = (m2, d2) < (m1, d1)
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if wraps else y2
    elif y2 is None and y1 is not None:
        y2 = y1 + 1 if wraps else y1
    return y1, y2


def _h_mdy(m: re.Match, bare: bool):
    m1, d1, y1 = _mon(m, "m1"), _int(m, "d1"), _int(m, "y1")
    if _g(m, "d2") is not None:  # July 8-9
        conn, m2, d2, y2 = _g(m, "c"), m1, _int(m, "d2"), _int(m, "y2")
    elif _g(m, "d3") is not None:  # July 30 to August 2
        conn, m2, d2, y2 = _g(m, "cx"), _mon(m, "m3"), _int(m, "d3"), _int(m, "y3")
    else:
        conn, m2, d2, y2 = None, m1, d1, y1
    y1, y2 = _years_of(m1, d1, y1, m2, d2, y2)
    return _start(m, conn), m.end("x"), Days(m1, d1, m2, d2, y1, y2)


def _h_dmy(m: re.Match, bare: bool):
    d2, m2, y2 = _int(m, "d2"), _mon(m, "m2"), _int(m, "y2")
    if _g(m, "d1") is not None:  # 30 July to 2 August
        d1, m1, y1, conn = _int(m, "d1"), _mon(m, "m1"), _int(m, "y1"), _g(m, "cx")
    elif _g(m, "d0") is not None:  # 8-9 July, between 3 and 5 May
        d1, m1, y1, conn = _int(m, "d0"), m2, None, _g(m, "c")
    else:
        d1, m1, y1, conn = d2, m2, y2, None
    y1, y2 = _years_of(m1, d1, y1, m2, d2, y2)
    return _start(m, conn), m.end("x"), Days(m1, d1, m2, d2, y1, y2)


def _h_iso(m: re.Match, bare: bool):
    y, mo, d = int(m.group("y1")), int(m.group("mm")), int(m.group("dd"))
    return m.start("x"), m.end("x"), Days(mo, d, mo, d, y, y)


def _h_numeric(m: re.Match, bare: bool):
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y1"))
    if a > 12 >= b:
        mo, d = b, a
    elif b > 12 >= a or a == b:
        mo, d = a, b
    else:
        return None  # 03/04/2021: the order of day and month is unknown
    if not 1 <= mo <= 12 or d < 1:
        return None
    return m.start("x"), m.end("x"), Days(mo, d, mo, d, y, y)


def _h_month_range(m: re.Match, bare: bool):
    m1, m2, y1, y2 = _mon(m, "m1"), _mon(m, "m2"), _int(m, "y1"), _int(m, "y2")
    y1, y2 = _years_of(m1, 1, y1, m2, 1, y2)
    return _start(m, _g(m, "cx")), m.end("x"), Months(m1, m2, y1, y2)


_REL = {"this": "this", "current": "this", "last": "last", "past": "last", "this past": "last", "next": "next",
        "coming": "next", "this coming": "next"}


def _h_month(m: re.Match, bare: bool):
    month, y = _mon(m, "m1"), _int(m, "y1")
    mod = _words(_g(m, "mod"))
    if y is None and not (bare or _g(m, "prep") or mod or _g(m, "part")):
        return None  # a bare 'May' or 'June' in running text may be a name
    if y is None and mod in _REL:
        return m.start("x"), m.end("x"), MonthRel(month, _REL[mod])
    return m.start("x"), m.end("x"), Months(month, month, y, y)


def _h_year(m: re.Match, bare: bool):
    y1, y2 = int(m.group("y1")), _int(m, "y2")
    if y2 is None and _g(m, "yy"):
        y2 = (y1 // 100) * 100 + int(m.group("yy"))
    if y2 is not None and y2 < y1:
        return None
    prep = _words(_g(m, "prep"))
    if not (bare or prep or _g(m, "mod") or _g(m, "part") or _g(m, "theyear")):
        return None  # a bare number in running text: a year only when spaCy says so
    if y2 is None and _AMOUNT_AFTER.match(m.string, m.end()):
        return None  # 'from 2000 to 3000 troops', 'by 2000 votes'
    start = m.start("prep") if prep in ("between", "from") and y2 is not None else m.start("x")
    return start, m.end("x"), Years(y1, y2 if y2 is not None else y1)


def _h_decade(m: re.Match, bare: bool):
    return m.start("x"), m.end("x"), Decade(int(m.group("dec")))


def _h_season(m: re.Match, bare: bool):
    name, y, rel = m.group("s").lower(), _int(m, "y1"), _REL.get(_words(_g(m, "rel")))
    if y is None and rel is None and (name == "fall" or not (bare or _g(m, "prep") or _g(m, "mod"))):
        return None  # 'the fall of Kabul', 'a spring'
    return m.start("x"), m.end("x"), Season(SEASONS[name], y, None if y is not None else rel)


def _h_quarter(m: re.Match, bare: bool):
    if _g(m, "qn"):
        return m.start("x"), m.end("x"), Quarter(int(m.group("qn")), int(m.group("y2")))
    off = {"this": 0, "last": -1, "next": 1}.get(_words(_g(m, "qrel")))
    return m.start("x"), m.end("x"), Quarter(_ORDINAL[m.group("q").lower()], _int(m, "y1"), off)


def _h_weekday(m: re.Match, bare: bool):
    return m.start("x"), m.end("x"), Weekday(WEEKDAYS[m.group("wd").lower()], _REL.get(_words(_g(m, "rel"))))


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this morning": 0, "this afternoon": 0,
            "this evening": 0, "last night": -1, "last evening": -1, "the day before yesterday": -2,
            "the day after tomorrow": 2}


def _h_deictic(m: re.Match, bare: bool):
    return m.start("x"), m.end("x"), Deictic(_DEICTIC[_words(m.group("w"))])


def _h_unit(m: re.Match, bare: bool):
    rel, u, the = _words(m.group("rel")), m.group("u").lower(), bool(_g(m, "the"))
    if rel in ("previous", "following"):
        return None  # anaphoric: relative to an event, not to the document
    if u != "weekend" and ((the and rel in ("past", "last")) or rel == "past"):
        form: Form = Recent(u, 1)  # 'the past week': the seven days up to the anchor
    elif u != "weekend" and the and rel in ("next", "coming"):
        form = Recent(u, 1, forward=True)
    else:
        off = {"this": 0, "last": -1, "next": 1}[_REL[rel]]
        form = Unit(u, off, _words(_g(m, "clip")) or None if off == 0 else None)
    return m.start("x"), m.end("x"), form


def _h_the_unit(m: re.Match, bare: bool):
    u = m.group("u").lower()
    if not (bare or _g(m, "prep") or _g(m, "part")):
        return None  # 'the year' alone in running text is usually not this year
    return m.start("x"), m.end("x"), Unit(u, None if u == "weekend" else 0)


def _h_recent(m: re.Match, bare: bool):
    rel = m.group("rel").lower()
    if rel in ("previous", "following"):
        return None
    n = _num(_g(m, "n")) if _g(m, "n") else 3
    if not n:
        return None
    return m.start("x"), m.end("x"), Recent(m.group("u").lower().rstrip("s"), n, forward=rel in ("coming", "next"))


_EXACT_Q = {"", "about", "some", "around", "roughly", "just", "only", "almost exactly", "exactly"}


def _h_ago(m: re.Match, bare: bool):
    n_text = _words(_g(m, "n"))
    n = _num(n_text)
    if _words(_g(m, "q")) not in _EXACT_Q or n is None or n_text in _VAGUE:
        return m.start("x"), m.end("x"), Skip()  # 'more than 30 years ago', 'years ago': no point to give
    return m.start("x"), m.end("x"), Ago(m.group("u").lower(), n)


_PATTERNS = [
    # Thursday, August 26, 2021 / July 8-9 / July 30 to August 2, 2021 / between July 3 and 5
    (_LEAD + r"(?P<x>(?:\b" + _weekday("wdx") + r",?\s+(?:(?i:the)\s+)?)?\b" + _month("m1") + r"\s+" + _day("d1")
     + _opt_year("y1") + r"(?:(?P<c>" + _CONN + r")" + _day("d2") + _opt_year("y2")
     + r"|(?P<cx>" + _CONN_X + r")" + _month("m3") + r"\s+" + _day("d3") + _opt_year("y3") + r")?)" + _NOT_AMOUNT,
     _h_mdy),
    # 26 August 2021 / the 8th of July / 8-9 July / between 3 and 5 May / 30 July to 2 August 2021
    (_LEAD + r"(?P<x>(?:\b" + _weekday("wdx") + r",?\s+)?(?:\b(?i:the)\s+)?"
     + r"(?:" + _dmy("d1", "m1", "y1") + r"(?P<cx>" + _CONN_X + r")(?:(?i:the)\s+)?|"
     + _day("d0") + r"(?P<c>" + _CONN + r")(?:(?i:the)\s+)?)?" + _dmy("d2", "m2", "y2") + r")", _h_dmy),
    # 2021-08-26, 2021/08/26
    (r"(?P<x>\b" + _year("y1") + r"(?P<sep>[-/])(?P<mm>0[1-9]|1[0-2])(?P=sep)(?P<dd>0[1-9]|[12]\d|3[01]))(?![\d])",
     _h_iso),
    # 26/08/2021, 8.26.2021 (only when the order of day and month is clear)
    (r"(?<![\d/.])(?P<x>(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)" + _year("y1") + r")(?![\d]|[/.]\d)",
     _h_numeric),
    # July-August 2021 / from July to September / between March and May 2020
    (_LEAD + r"(?P<x>\b" + _month("m1") + _opt_year("y1") + r"(?P<cx>" + _CONN_X + r")" + _month("m2")
     + _opt_year("y2") + r")(?!\s*\d)", _h_month_range),
    # July 2021 / in July / mid-July / last July / the end of July / this past March
    (r"(?:(?P<prep>" + _PREP + r")\s+)?(?P<x>" + _part("part") + r"?" + _MOD + r"?\b" + _month("m1")
     + r"(?:,?\s+(?:(?i:of)\s+)?" + _year("y1") + r")?)(?!\s*\d)", _h_month),
    # in 2003 / since 2018 / 2019-2021 / from 2019 to 2021 / early 2020 / the end of 2020 / the year 2000
    (r"(?:(?P<prep>" + _PREP + r")\s+)?(?P<x>(?:(?P<theyear>(?i:the\s+year))\s+)?" + _part("part") + r"?"
     + r"(?:\b(?P<mod>(?i:early|mid|late))[\s-]+)?" + _year("y1")
     + r"(?:(?:" + _DASH + r"|\s+(?i:to|through|until|and)\s+)(?:" + _year("y2") + r"|(?P<yy>\d\d)(?!\d)))?)"
     + r"(?![-/–]\d|,\d|\.\d|\s*%)", _h_year),
    # the 1990s / the early 2000s
    (r"(?:\b(?i:the)\s+)?(?P<x>(?:\b(?i:early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s)\b", _h_decade),
    # this spring / last summer / in the autumn / winter 2020 / the summer of 2019
    (r"(?:\b(?P<prep>(?i:in|during|since|by|until|till|through|throughout|over|before|after|for|of))\s+)?"
     r"(?:\b(?i:the)\s+)?(?P<x>(?:\b(?P<rel>" + _REL_WORDS + r")\s+)?(?:\b(?P<mod>(?i:early|mid|late))[\s-]+)?"
     r"(?P<s>(?i:spring|summer|autumn|fall|winter))\b(?:,?\s+(?:(?i:of)\s+)?" + _year("y1") + r")?)", _h_season),
    # the first quarter of 2021 / Q3 2020 / the second quarter of last year
    (r"(?P<x>(?:\b(?i:the)\s+)?\b(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))\s+(?i:quarter)\b"
     r"(?:\s+(?i:of)\s+(?:(?i:the\s+year\s+)?" + _year("y1") + r"|(?P<qrel>(?i:this|last|next))\s+(?i:year)))?"
     r"|\bQ(?P<qn>[1-4])\s+" + _year("y2") + r")", _h_quarter),
    # Monday / last Friday / next Tuesday / Thursday morning
    (r"(?P<x>(?:\b(?P<rel>" + _REL_WORDS + r")\s+)?\b" + _weekday("wd")
     + r"(?:\s+(?i:morning|afternoon|evening|night))?)", _h_weekday),
    # today / yesterday / last night / the day before yesterday
    (r"\b(?P<x>(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|"
     r"tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night|last\s+evening))"
     r"(?:\s+(?i:morning|afternoon|evening|night))?)\b", _h_deictic),
    # this week / last month / next year / earlier this week / the end of this month / this past weekend
    (r"\b(?P<x>(?:(?P<clip>(?i:earlier|later))\s+)?" + _part("part") + r"?(?:(?P<the>(?i:the))\s+)?"
     r"(?P<rel>" + _REL_WORDS[:-1] + r"|previous|current|following))\s+"
     r"(?P<u>(?i:week|weekend|month|year|quarter|decade)))\b", _h_unit),
    # over the weekend / by the end of the year
    (r"(?:\b(?P<prep>(?i:over|during|at|on|by|until|for))\s+)?(?P<x>" + _part("part") + r"?(?i:the)\s+"
     r"(?P<u>(?i:weekend|year|month)))\b", _h_the_unit),
    # the last seven years / in recent weeks / the past few days / the coming months
    (r"\b(?P<x>(?:(?i:the)\s+)?(?P<rel>(?i:past|last|recent|previous|coming|next|following))\s+"
     r"(?:" + _NUM + r"\s+)?(?P<u>(?i:days|weeks|months|years|decades)))\b", _h_recent),
    # two days ago / a week ago / three years ago (more than 30 years ago: claimed, not resolved)
    (r"\b(?P<x>(?:(?P<q>(?i:more\s+than|less\s+than|fewer\s+than|over|under|nearly|almost\s+exactly|almost|"
     r"at\s+least|about|some|around|roughly|just|only|exactly))\s+)?(?:" + _NUM + r"\s+)?"
     r"(?P<u>(?i:day|week|month|year|decade))s?\s+(?i:ago))\b", _h_ago),
]
# Each rule runs only near words it cannot match without: see _windows.
_KINDS = {_h_mdy: "month", _h_dmy: "month", _h_iso: "year", _h_numeric: "year", _h_month_range: "month",
          _h_month: "month", _h_year: "year", _h_decade: "year", _h_season: "season", _h_quarter: "unit year",
          _h_weekday: "weekday", _h_deictic: "deictic", _h_unit: "unit", _h_the_unit: "unit", _h_recent: "unit",
          _h_ago: "unit"}
_RULES = [(re.compile(p), h, frozenset(_KINDS[h].split())) for p, h in _PATTERNS]
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_TRIGGERS: dict[str, str] = {}
for _w in list(MONTHS) + list(WEEKDAYS):
    for _v in (_w.capitalize(), _w.upper()):
        _TRIGGERS[_v] = "weekday" if _w in WEEKDAYS else "month"
_LOWER_TRIGGERS = {**{w: "season" for w in SEASONS},
                   **{w: "unit" for w in ("day", "days", "week", "weeks", "weekend", "month", "months", "year",
                                          "years", "quarter", "decade", "decades", "q")},
                   **{w: "deictic" for w in ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon",
                                             "evening", "night")}}
_MARGIN = 64  # wider than any expression reaches from its trigger word


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger word, the merged stretches of text around its occurrences."""
    spots: dict[str, list[tuple[int, int]]] = {}
    for m in _TOKEN.finditer(text):
        w = m.group()
        if w[0].isdigit():
            kind = "year" if len(w) == 4 and w[:2] in ("18", "19", "20") else None
        else:
            kind = _TRIGGERS.get(w) or _LOWER_TRIGGERS.get(w.lower())
        if kind:
            spots.setdefault(kind, []).append((max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)))
    return spots


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Found:
    """A parsed expression: its span in the scanned text and its form."""

    start: int
    end: int
    form: Form
    outer: tuple[int, int]  # the whole match, leading preposition included


def _candidates(text: str, bare: bool) -> list[Found]:
    """Every rule's matches, each rule run only around its trigger words."""
    spots = _windows(text)
    out = []
    for rx, handler, kinds in _RULES:
        for lo, hi in _merge([w for k in kinds for w in spots.get(k, ())]):
            for m in rx.finditer(text, lo, hi):
                got = handler(m, bare)
                if got is None:
                    continue
                s, e, form = got
                while e > s and text[e - 1] in " \t\n,":
                    e -= 1
                if e > s:
                    out.append(Found(s, e, form, (min(m.start(), s), max(m.end(), e))))
    return out


def _select(cands: list[Found]) -> list[Found]:
    """Longest first, then earliest; no two kept spans overlap."""
    kept: list[Found] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def scan(text: str) -> list[Found]:
    """Every time expression in running text, by the patterns alone.

    In running text a bare month ('May'), year ('2021') or season ('spring')
    counts only after a preposition or modifier ('in May', 'since 2021').
    """
    return _select(_candidates(text, bare=False))


_STRIP = re.compile(r"^(?:(?:on|in|at|since|during|from|by|until|till|for|over|through|throughout|around|"
                    r"about|before|after|as\s+of)\s+)+", re.I)
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted([*MONTHS, *WEEKDAYS], key=len, reverse=True)) + r")\b", re.I)
_MONTH_RX = re.compile(_month("m"))
_YEAR_RX = re.compile(_year("y"))


def parse_expression(text: str) -> tuple[int, int, Form] | None:
    """The form of a string that is (believed to be) one time expression.

    Returns (start, end, form) with offsets into ``text``: the expression
    without a leading preposition. Unlike ``scan``, a bare month, year or
    season is accepted. Falls back to dateparser for strings with a month
    name or a year that the patterns do not cover.
    """
    lead = len(text) - len(text.lstrip())
    stripped = _STRIP.match(text, lead)
    # the text as given first: 'over two decades ago' is not 'two decades ago'
    for off in dict.fromkeys((lead, stripped.end() if stripped else lead)):
        body = text[off:].rstrip(" \t\n.,;:")
        if not body:
            return None
        capitalised = _MONTH_WORD.sub(lambda m: m.group(0).capitalize(), body)  # 'july 8' -> 'July 8'
        for attempt in dict.fromkeys((body, capitalised)):
            whole = [c for c in _select(_candidates(attempt, bare=True))
                     if c.outer[0] <= 0 and c.outer[1] >= len(attempt)]
            if whole:
                return off + whole[0].start, off + whole[0].end, whole[0].form
    if _MONTH_RX.search(capitalised):
        return off, off + len(body), Fallback(capitalised)
    return None


def reference(anchor: D | None, window: tuple[D | None, D | None] | None) -> D | None:
    """The day relative expressions resolve against: the document's date, else
    the end of its inferred publication window.

    A window open above (only 'published after 2018-01-01') gives no anchor:
    its lower bound comes from the latest past year the text mentions, often
    years before publication, and 'this week' read against it would be a
    confident wrong date.
    """
    if anchor is not None:
        return anchor
    if window:
        return window[1]
    return None


def normalise(text: str, anchor: D | None, window: tuple[D | None, D | None] | None = None,
              tense: str | None = None) -> Result | None:
    """``(value, precision, first, last, anchored)`` for one time expression, or None.

    ``anchor`` is the document's date; without it the end of ``window`` (the
    inferred publication window) stands in, never its start (see
    ``reference``). Without either, only expressions that carry their own
    year resolve: a yearless or relative one returns None rather than a guess.
    ``tense`` ('past' | 'future') picks the year of a yearless date and the
    direction of a bare weekday.
    """
    got = parse_expression(text)
    if got is None:
        return None
    return got[2].resolve(reference(anchor, window), tense)
