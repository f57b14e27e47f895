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
