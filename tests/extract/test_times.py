"""Time expressions: the pure normaliser (timex) and find_times over documents.

Every case is invented, with a fixed anchor; one test reads the seeds at run
time and checks spans and value formats only.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from newsgraph.extract.timex import normalise, scan
from newsgraph.extract.times import find_times, times_in
from newsgraph.model import Document, Removal, Span, TimeExpression

SAT = dt.date(2021, 8, 28)  # a Saturday, ISO week 2021-W34
NEW_YEAR = dt.date(2021, 1, 3)  # a Sunday, ISO week 2020-W53


def _n(text, anchor=SAT, window=None, tense=None):
    return normalise(text, anchor, window, tense=tense)


# ------------------------------------------------------------- absolute dates

@pytest.mark.parametrize("text, value", [
    ("26 August 2021", "2021-08-26"),
    ("Aug. 26, 2021", "2021-08-26"),
    ("August 26 2021", "2021-08-26"),
    ("AUG 26, 2021", "2021-08-26"),
    ("2021-08-26", "2021-08-26"),
    ("2021/08/26", "2021-08-26"),
    ("26/08/2021", "2021-08-26"),
    ("8/26/2021", "2021-08-26"),
    ("the 26th of August 2021", "2021-08-26"),
    ("Thursday, August 26, 2021", "2021-08-26"),
    ("on 1st March 2020", "2020-03-01"),
    ("Sept. 7, 2021", "2021-09-07"),
    ("February 29, 2020", "2020-02-29"),
])
def test_full_dates_need_no_anchor(text, value):
    for anchor in (SAT, None):
        assert _n(text, anchor) == (value, "day", value, value, False)


@pytest.mark.parametrize("text", ["03/04/2021", "February 30, 2021", "2021-13-01", "the primary day", "10-year",
                                  "two decades", "for years", "a 12 months", "30 years"])
def test_not_dates(text):
    assert _n(text) is None


# ------------------------------------------------------------ yearless dates

@pytest.mark.parametrize("text, anchor, value", [
    ("August 26", SAT, "2021-08-26"),
    ("on August 26", SAT, "2021-08-26"),
    ("26 August", SAT, "2021-08-26"),
    ("the 8th of July", SAT, "2021-07-08"),
    ("July 12", SAT, "2021-07-12"),
    ("August 30", SAT, "2021-08-30"),  # just after the anchor: still this year
    ("December 30", NEW_YEAR, "2020-12-30"),
    ("December 30", dt.date(2021, 12, 31), "2021-12-30"),
    ("January 5", dt.date(2021, 12, 20), "2022-01-05"),
    ("March 3", SAT, "2021-03-03"),
    ("may 5", SAT, "2021-05-05"),
])
def test_yearless_day_takes_the_nearest_year(text, anchor, value):
    assert _n(text, anchor) == (value, "day", value, value, True)


@pytest.mark.parametrize("text, anchor, tense, value", [
    ("December 5", dt.date(2021, 3, 1), None, "2020-12-05"),
    ("December 5", dt.date(2021, 3, 1), "future", "2021-12-05"),
    ("February 10", dt.date(2021, 12, 20), None, "2022-02-10"),
    ("February 10", dt.date(2021, 12, 20), "past", "2021-02-10"),
    ("September 3", SAT, "past", "2020-09-03"),
    ("September 3", SAT, "future", "2021-09-03"),
])
def test_tense_picks_the_year(text, anchor, tense, value):
    assert _n(text, anchor, tense=tense)[0] == value


# -------------------------------------------------------------------- ranges

@pytest.mark.parametrize("text, value, first, last", [
    ("July 8-9", "2021-07-08/2021-07-09", "2021-07-08", "2021-07-09"),
    ("July 8–9", "2021-07-08/2021-07-09", "2021-07-08", "2021-07-09"),
    ("July 8 and 9", "2021-07-08/2021-07-09", "2021-07-08", "2021-07-09"),
    ("from September 7-9", "2021-09-07/2021-09-09", "2021-09-07", "2021-09-09"),
    ("between 3 and 5 May", "2021-05-03/2021-05-05", "2021-05-03", "2021-05-05"),
    ("8-9 July", "2021-07-08/2021-07-09", "2021-07-08", "2021-07-09"),
    ("July 30 to August 2", "2021-07-30/2021-08-02", "2021-07-30", "2021-08-02"),
    ("30 July to 2 August", "2021-07-30/2021-08-02", "2021-07-30", "2021-08-02"),
    ("between July 3 and 5", "2021-07-03/2021-07-05", "2021-07-03", "2021-07-05"),
    ("from July 30 through August 2", "2021-07-30/2021-08-02", "2021-07-30", "2021-08-02"),
])
def test_yearless_day_ranges(text, value, first, last):
    assert _n(text) == (value, "day", first, last, True)


@pytest.mark.parametrize("text, value", [
    ("July 13-14, 2021", "2021-07-13/2021-07-14"),
    ("30 July to 2 August 2021", "2021-07-30/2021-08-02"),
    ("December 30, 2020 to January 2, 2021", "2020-12-30/2021-01-02"),
    ("December 30 to January 2, 2021", "2020-12-30/2021-01-02"),
])
def test_dated_day_ranges(text, value):
    got = _n(text, None)
    assert got[:2] == (value, "day") and got[4] is False


def test_yearless_range_across_new_year():
    assert _n("December 30 to January 2", NEW_YEAR)[:4] == (
        "2020-12-30/2021-01-02", "day", "2020-12-30", "2021-01-02")


@pytest.mark.parametrize("text, value, precision, first, last", [
    ("from 2019 to 2021", "2019/2021", "year", "2019-01-01", "2021-12-31"),
    ("between 2019 and 2021", "2019/2021", "year", "2019-01-01", "2021-12-31"),
    ("1979-1989", "1979/1989", "year", "1979-01-01", "1989-12-31"),
    ("2020-21", "2020/2021", "year", "2020-01-01", "2021-12-31"),
    ("July-August 2021", "2021-07/2021-08", "month", "2021-07-01", "2021-08-31"),
    ("between March and May 2020", "2020-03/2020-05", "month", "2020-03-01", "2020-05-31"),
    ("November 2020 to February 2021", "2020-11/2021-02", "month", "2020-11-01", "2021-02-28"),
])
def test_month_and_year_ranges(text, value, precision, first, last):
    assert _n(text, None) == (value, precision, first, last, False)


# -------------------------------------------------------- months and years

@pytest.mark.parametrize("text, anchor, value, anchored", [
    ("in July", SAT, "2021-07", True),
    ("July", SAT, "2021-07", True),
    ("mid-July", SAT, "2021-07", True),
    ("the end of July", SAT, "2021-07", True),
    ("in November", dt.date(2021, 2, 10), "2020-11", True),
    ("in January", dt.date(2020, 12, 20), "2021-01", True),
    ("last July", SAT, "2021-07", True),
    ("last August", SAT, "2020-08", True),
    ("next July", SAT, "2022-07", True),
    ("this past March", SAT, "2021-03", True),
    ("July 2021", None, "2021-07", False),
    ("in July of 2021", None, "2021-07", False),
    ("February 2020", SAT, "2020-02", False),
])
def test_months(text, anchor, value, anchored):
    got = _n(text, anchor)
    assert got[0] == value and got[1] == "month" and got[4] is anchored
    y, m = map(int, value.split("-"))
    assert got[2] == f"{value}-01" and dt.date.fromisoformat(got[3]).month == m


@pytest.mark.parametrize("text, value", [("in 2003", "2003"), ("since 2018", "2018"), ("2003", "2003"),
                                         ("early 2020", "2020"), ("the end of 2020", "2020"),
                                         ("the year 2000", "2000")])
def test_years(text, value):
    assert _n(text, None) == (value, "year", f"{value}-01-01", f"{value}-12-31", False)


def test_decade():
    assert _n("the 1990s", None) == ("199", "decade", "1990-01-01", "1999-12-31", False)


@pytest.mark.parametrize("text, anchor, value", [
    ("the first quarter of 2021", None, "2021-Q1"),
    ("Q3 2020", None, "2020-Q3"),
    ("the second quarter", SAT, "2021-Q2"),
    ("the fourth quarter", dt.date(2021, 2, 1), "2020-Q4"),
    ("the third quarter of last year", SAT, "2020-Q3"),
])
def test_quarters(text, anchor, value):
    assert _n(text, anchor)[:2] == (value, "quarter")


# ------------------------------------------------------------------ seasons

@pytest.mark.parametrize("text, anchor, value, first, last", [
    ("this spring", SAT, "2021-SP", "2021-03-01", "2021-05-31"),
    ("this summer", SAT, "2021-SU", "2021-06-01", "2021-08-31"),
    ("this summer", dt.date(2021, 3, 10), "2021-SU", "2021-06-01", "2021-08-31"),
    ("last summer", SAT, "2020-SU", "2020-06-01", "2020-08-31"),
    ("next spring", SAT, "2022-SP", "2022-03-01", "2022-05-31"),
    ("this winter", SAT, "2022-WI", "2021-12-01", "2022-02-28"),
    ("this winter", dt.date(2021, 1, 15), "2021-WI", "2020-12-01", "2021-02-28"),
    ("last autumn", SAT, "2020-FA", "2020-09-01", "2020-11-30"),
    ("this fall", dt.date(2021, 10, 1), "2021-FA", "2021-09-01", "2021-11-30"),
    ("in the spring", SAT, "2021-SP", "2021-03-01", "2021-05-31"),
    ("the summer of 2019", None, "2019-SU", "2019-06-01", "2019-08-31"),
])
def test_seasons(text, anchor, value, first, last):
    assert _n(text, anchor)[:4] == (value, "season", first, last)


def test_fall_needs_a_marker():
    assert _n("the fall of the capital") is None
    assert scan("After the fall of the city, in the fall of the year") == []


# ------------------------------------------------------------ relative days

@pytest.mark.parametrize("text, anchor, value", [
    ("today", SAT, "2021-08-28"),
    ("yesterday", SAT, "2021-08-27"),
    ("tomorrow", SAT, "2021-08-29"),
    ("last night", SAT, "2021-08-27"),
    ("yesterday morning", SAT, "2021-08-27"),
    ("the day before yesterday", SAT, "2021-08-26"),
    ("yesterday", dt.date(2021, 1, 1), "2020-12-31"),
    ("two days ago", SAT, "2021-08-26"),
    ("a day ago", SAT, "2021-08-27"),
    ("on Monday", SAT, "2021-08-23"),
    ("Saturday", SAT, "2021-08-28"),
    ("Thursday morning", SAT, "2021-08-26"),
    ("last Friday", SAT, "2021-08-27"),
    ("last Saturday", SAT, "2021-08-21"),
    ("next Monday", SAT, "2021-08-30"),
    ("this Monday", SAT, "2021-08-23"),
    ("Friday", NEW_YEAR, "2021-01-01"),
    ("Wednesday", NEW_YEAR, "2020-12-30"),
])
def test_relative_days(text, anchor, value):
    assert _n(text, anchor) == (value, "day", value, value, True)


def test_weekday_in_a_future_clause_looks_ahead():
    assert _n("Monday", SAT, tense="future")[0] == "2021-08-30"
    assert _n("Saturday", SAT, tense="future")[0] == "2021-08-28"


@pytest.mark.parametrize("text, value, first, last", [
    ("this weekend", "2021-08-28/2021-08-29", "2021-08-28", "2021-08-29"),
    ("last weekend", "2021-08-21/2021-08-22", "2021-08-21", "2021-08-22"),
    ("over the weekend", "2021-08-28/2021-08-29", "2021-08-28", "2021-08-29"),
])
def test_weekends(text, value, first, last):
    assert _n(text) == (value, "day", first, last, True)


# ----------------------------------------------------------- weeks (ISO 8601)

@pytest.mark.parametrize("text, anchor, value, first, last", [
    ("this week", SAT, "2021-W34", "2021-08-23", "2021-08-29"),
    ("last week", SAT, "2021-W33", "2021-08-16", "2021-08-22"),
    ("next week", SAT, "2021-W35", "2021-08-30", "2021-09-05"),
    ("earlier this week", SAT, "2021-W34", "2021-08-23", "2021-08-28"),
    ("later this week", dt.date(2021, 8, 25), "2021-W34", "2021-08-25", "2021-08-29"),
    ("two weeks ago", SAT, "2021-W32", "2021-08-09", "2021-08-15"),
    ("this week", NEW_YEAR, "2020-W53", "2020-12-28", "2021-01-03"),
    ("last week", NEW_YEAR, "2020-W52", "2020-12-21", "2020-12-27"),
    ("next week", NEW_YEAR, "2021-W01", "2021-01-04", "2021-01-10"),
    ("this week", dt.date(2019, 12, 31), "2020-W01", "2019-12-30", "2020-01-05"),
])
def test_weeks(text, anchor, value, first, last):
    assert _n(text, anchor) == (value, "week", first, last, True)


@pytest.mark.parametrize("text, value, first, last", [
    ("in recent weeks", "2021-W31/2021-W34", "2021-08-07", "2021-08-28"),
    ("the past two weeks", "2021-W32/2021-W34", "2021-08-14", "2021-08-28"),
    ("the past week", "2021-W33/2021-W34", "2021-08-21", "2021-08-28"),
    ("the coming weeks", "2021-W34/2021-W37", "2021-08-28", "2021-09-18"),
])
def test_week_ranges_end_at_the_anchor(text, value, first, last):
    assert _n(text) == (value, "week", first, last, True)


# ------------------------------------------------- relative months and years

@pytest.mark.parametrize("text, anchor, value, precision, first, last", [
    ("this month", SAT, "2021-08", "month", "2021-08-01", "2021-08-31"),
    ("last month", SAT, "2021-07", "month", "2021-07-01", "2021-07-31"),
    ("next month", SAT, "2021-09", "month", "2021-09-01", "2021-09-30"),
    ("earlier this month", SAT, "2021-08", "month", "2021-08-01", "2021-08-28"),
    ("last month", NEW_YEAR, "2020-12", "month", "2020-12-01", "2020-12-31"),
    ("next month", dt.date(2021, 12, 15), "2022-01", "month", "2022-01-01", "2022-01-31"),
    ("last month", dt.date(2021, 3, 31), "2021-02", "month", "2021-02-01", "2021-02-28"),
    ("two months ago", SAT, "2021-06", "month", "2021-06-01", "2021-06-30"),
    ("this year", SAT, "2021", "year", "2021-01-01", "2021-12-31"),
    ("last year", NEW_YEAR, "2020", "year", "2020-01-01", "2020-12-31"),
    ("next year", SAT, "2022", "year", "2022-01-01", "2022-12-31"),
    ("later this year", SAT, "2021", "year", "2021-08-28", "2021-12-31"),
    ("three years ago", SAT, "2018", "year", "2018-01-01", "2018-12-31"),
    ("a decade ago", SAT, "2011", "year", "2011-01-01", "2011-12-31"),
    ("the last seven years", SAT, "2014/2021", "year", "2014-08-28", "2021-08-28"),
    ("in recent years", SAT, "2018/2021", "year", "2018-08-28", "2021-08-28"),
    ("over the past two decades", SAT, "2001/2021", "year", "2001-08-28", "2021-08-28"),
    ("the past three months", SAT, "2021-05/2021-08", "month", "2021-05-28", "2021-08-28"),
    ("in recent days", SAT, "2021-08-25/2021-08-28", "day", "2021-08-25", "2021-08-28"),
    ("this quarter", SAT, "2021-Q3", "quarter", "2021-07-01", "2021-09-30"),
    ("last quarter", dt.date(2021, 2, 1), "2020-Q4", "quarter", "2020-10-01", "2020-12-31"),
])
def test_relative_months_and_years(text, anchor, value, precision, first, last):
    assert _n(text, anchor) == (value, precision, first, last, True)


@pytest.mark.parametrize("text", [
    "a day after", "a day after the vote", "two years later", "the following week", "the previous month",
    "the previous three years", "more than 30 years ago", "a few days ago", "years ago", "over two decades ago",
])
def test_event_relative_and_vague_expressions_are_not_resolved(text):
    assert _n(text) is None


# ------------------------------------------------------- no anchor, windows

@pytest.mark.parametrize("text", ["August 26", "July 8-9", "in July", "this week", "last month", "yesterday",
                                  "on Monday", "this spring", "two days ago", "the last seven years",
                                  "the second quarter", "the 26th day of August"])
def test_without_anchor_relative_and_yearless_return_none(text):
    assert _n(text, None) is None
    assert _n(text, None, window=(None, None)) is None


def test_window_end_stands_in_for_the_anchor():
    window = (dt.date(2021, 8, 1), SAT)
    assert _n("this week", None, window) == ("2021-W34", "week", "2021-08-23", "2021-08-29", True)
    assert _n("July 8-9", None, window)[0] == "2021-07-08/2021-07-09"
    assert _n("last month", None, (None, NEW_YEAR))[0] == "2020-12"


def test_window_open_above_gives_no_anchor():
    """A lower bound only says 'after 2018': resolving against it would guess."""
    assert _n("this week", None, (dt.date(2018, 1, 1), None)) is None
    assert _n("in 2003", None, (dt.date(2018, 1, 1), None))[0] == "2003"


def test_the_document_date_beats_the_window():
    assert _n("today", SAT, (dt.date(2020, 1, 1), dt.date(2020, 2, 1)))[0] == "2021-08-28"


def test_dateparser_fallback_is_checked_against_the_written_month():
    assert _n("the 26th day of August", SAT) == ("2021-08-26", "day", "2021-08-26", "2021-08-26", True)
    assert _n("the 26th day of August 2020", None)[0] == "2020-08-26"


# ------------------------------------------------------ scanning running text

RUNNING = ("Officials met on July 8 and August 2. You May go. The Zapad 2021 drills. He won by 2000 votes. "
           "On Mondays he rests. A 10-year war lasted for years. Talks were held between 3 and 5 May, "
           "and again from 2019 to 2021. The group said on Thursday, August 26, 2021 that it would return "
           "next week.")


def test_scan_spans_in_running_text():
    got = [RUNNING[f.start:f.end] for f in scan(RUNNING)]
    assert got == ["July 8", "August 2", "between 3 and 5 May", "from 2019 to 2021", "Thursday, August 26, 2021",
                   "next week"]


@pytest.fixture(scope="module")
def parsed(nlp):
    def run(text: str, published: str | None = "2021-08-28", window=(None, None)) -> Document:
        doc = Document(id="t", source="t", text=text, published=published,
                       published_from=window[0], published_to=window[1])
        doc.spacy = nlp(doc.body_view())
        return doc
    return run


def test_find_times_over_a_document(parsed):
    doc = parsed("Kabul, August 27. The envoy said earlier this week that talks held on July 8-9 went well. "
                 "The talks will resume on Monday, and a summit is planned for the 2022 season.")
    times = find_times(doc)
    assert doc.times is times
    by_text = {t.text: t for t in times}
    assert by_text["earlier this week"].value == "2021-W34"
    assert by_text["July 8-9"].value == "2021-07-08/2021-07-09"
    assert by_text["Monday"].value == "2021-08-30"  # 'will resume': the coming Monday
    assert by_text["August 27"].value == "2021-08-27"
    for t in times:
        assert doc.text[t.span.start:t.span.end] == t.text


def test_find_times_uses_spacy_for_bare_years(parsed):
    doc = parsed("The 2020 election was close.")
    assert [(t.text, t.value) for t in find_times(doc)] == [("2020", "2020")]


def test_find_times_skips_durations(parsed):
    doc = parsed("The Soviet Union fought a 10-year war. It lasted for two decades, and more than 30 years ago "
                 "it ended. For years, a couple weeks, nine years.")
    assert find_times(doc) == []


def test_find_times_keeps_only_the_body():
    text = "Menu: Home | News | 12 March 2020\nThe minister spoke on Tuesday.\n"
    doc = Document(id="t", source="t", text=text, published="2021-08-28")
    doc.removed = [Removal(0, text.index("\n") + 1, "menu")]
    assert [t.text for t in find_times(doc)] == ["Tuesday"]


def test_find_times_without_any_date(parsed):
    doc = parsed("He spoke on Monday about the July 8-9 talks and the events of 26 August 2021.", published=None)
    assert [(t.text, t.value) for t in find_times(doc)] == [("26 August 2021", "2021-08-26")]


def test_find_times_with_a_window(parsed):
    doc = parsed("He spoke last month.", published=None, window=("2021-08-01", "2021-08-28"))
    assert [(t.text, t.value, t.anchored) for t in find_times(doc)] == [("last month", "2021-07", True)]


def test_times_in():
    t = lambda s, e: TimeExpression(Span(s, e), "x" * (e - s), "2021", "year", "2021-01-01", "2021-12-31")
    times = [t(0, 4), t(10, 20), t(18, 30)]
    assert times_in(times, 5, 25) == [times[1]]
    assert times_in(times, 0, 30) == times
    assert times_in(times, 0, 3) == []


# ------------------------------------------------------------------- seeds

_VALUE = re.compile(
    r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-W\d{2}|\d{4}-(?:SP|SU|FA|WI)|\d{4}-Q[1-4]|\d{3})$")
_PRECISIONS = {"day", "week", "month", "season", "quarter", "year", "decade"}


def _well_formed(t: TimeExpression) -> bool:
    parts = t.value.split("/")
    if len(parts) > 2 or not all(_VALUE.match(p) for p in parts):
        return False
    first, last = dt.date.fromisoformat(t.first), dt.date.fromisoformat(t.last)
    return t.precision in _PRECISIONS and first <= last


def test_seed_times_have_exact_spans_and_well_formed_values(nlp, seeds_dir):
    from newsgraph.clean import clean

    total = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = clean(Document(id=path.name, source=str(path), text=path.read_text(encoding="utf-8")))
        doc.spacy = nlp(doc.body_view())
        times = find_times(doc)
        total += len(times)
        for t in times:
            assert doc.text[t.span.start:t.span.end] == t.text, (path.name, t)
            assert t.text == t.text.strip() and t.text, (path.name, t)
            assert _well_formed(t), (path.name, t)
            assert any(k.start <= t.span.start and t.span.end <= k.end for k in doc.kept), (path.name, t)
        spans = sorted(t.span for t in times)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:])), path.name
    assert total >= 20
