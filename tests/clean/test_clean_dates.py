"""Publication-window inference and date finding, on made-up sentences."""
from __future__ import annotations

import pytest

from newsgraph.clean.datefmt import find_dates, parse_date
from newsgraph.clean.dates import infer_window


def test_find_dates_parts():
    (d,) = find_dates("ahead of a March 13-14 summit")
    assert (d.year, d.month, d.day, d.day_end) == (None, 3, 13, 14)
    (d,) = find_dates("signed on 5 June 2019 in Oslo")
    assert (d.year, d.month, d.day) == (2019, 6, 5)
    (d,) = find_dates("agreed in February 2020")
    assert (d.year, d.month, d.day) == (2020, 2, None)
    assert find_dates("prices may 5 times exceed") == []
    assert find_dates("it rose 12 percent in March 12 percent") == []


def test_parse_date():
    assert parse_date("SEP 28, 2021") == "2021-09-28"
    assert parse_date("no date here") is None


@pytest.mark.parametrize("text,window", [
    # past event, year given by a nearby full date: lower bound
    ("The deal was signed on March 2, 2020. The minister said on March 9 that talks would go on.",
     ("2020-03-09", None)),
    # upcoming event with a known year: upper bound at its last day
    ("On May 3, 2022, the envoy arrived. He spoke ahead of a May 12-13 summit in Oslo.",
     ("2022-05-03", "2022-05-13")),
    # no year anywhere near: only the earliest possible date, from the latest past year
    ("The accord was reached in February 2018. The minister said on July 12 that it held.",
     ("2018-07-12", None)),
    # future intentions are not past events
    ("The plant will close in 2030, the company said.", (None, None)),
    # nothing datable
    ("The minister said the talks were useful.", (None, None)),
    # no year at all: month-days alone bound nothing
    ("He said on July 12 that he would attend the July 20 meeting.", (None, None)),
])
def test_infer_window(text, window):
    assert infer_window(text) == window


def test_contradiction_keeps_the_lower_bound():
    text = "The minister said on June 9, 2021 that it was over. It came ahead of the May 2, 2021 vote."
    lo, hi = infer_window(text)
    assert lo == "2021-06-09" and hi is None


# Yearless past and upcoming events in one unknown year Y: publication lies
# between them in Y, and Y is bounded by the years the text pins.
_PAIR = "The envoy said on March 3 that progress was slow. He spoke ahead of a March 10 summit. "


@pytest.mark.parametrize("text,window", [
    # Y in 2019..2020: the hull of both years' windows
    ("Talks began in 2019. " + _PAIR + "A final round is scheduled for November 2020.", ("2019-03-03", "2020-03-10")),
    # Y pinned to 2020: the exact window
    ("Talks began in 2020. " + _PAIR + "A final round is scheduled for November 2020.", ("2020-03-03", "2020-03-10")),
    # Y = 2021 would put publication after the February 2021 round: only 2020 fits
    ("Talks began in 2020. " + _PAIR + "A final round is scheduled for February 2021.", ("2020-03-03", "2020-03-10")),
    # a dated past event after March 2019 rules Y = 2019 out
    ("The firm said in April 2019 that it would expand. " + _PAIR, ("2020-03-03", None)),
    # only an upper year bound: upper bound only
    (_PAIR + "A final round is scheduled for November 2020.", (None, "2020-03-10")),
])
def test_unknown_year_window(text, window):
    assert infer_window(text) == window


def test_unknown_year_without_upper_year_stays_open():
    # Y >= 2019 only: "early March of some year from 2019 on" is no date window, so no upper bound
    assert infer_window("Talks began in 2019. " + _PAIR) == ("2019-03-03", None)


def test_events_that_cannot_share_a_year_bound_nothing_above():
    # past March 12, upcoming March 10: not one year, so the upcoming one is dropped
    text = "Talks began in 2019. The envoy said on March 12 that progress was slow. He spoke ahead of a March 10 summit."
    assert infer_window(text) == ("2019-03-12", None)
    # a new year between them: same
    text = "Talks began in 2019. The envoy said on December 28 that it was slow. He spoke ahead of a January 3 summit."
    assert infer_window(text) == ("2019-12-28", None)
