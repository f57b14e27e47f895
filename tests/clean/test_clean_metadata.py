"""Byline, dateline, source-line and title parsing on made-up lines."""
from __future__ import annotations

import pytest

from newsgraph.clean.metadata import (
    Meta, looks_like_title, norm_title, parse_byline, parse_dateline, parse_source_line, title_text,
)


@pytest.mark.parametrize("line,meta", [
    ("By Jane Alvarez", Meta(author="Jane Alvarez")),
    ("By JANE ALVAREZ", Meta(author="Jane Alvarez")),
    ("By Jane Alvarez, Harbour Gazette", Meta(author="Jane Alvarez", publisher="Harbour Gazette")),
    ("By Jane Alvarez for The Valley Courier", Meta(author="Jane Alvarez", publisher="The Valley Courier")),
    ("Originally published by Lena Fischer – The Valley Courier – MAR 3, 2019",
     Meta(author="Lena Fischer", publisher="The Valley Courier", published="2019-03-03")),
    ("Written by Northline News senior correspondent Omar Haddad, with reporting by agencies",
     Meta(author="Omar Haddad", publisher="Northline News")),
    ("Written by staff writer Omar van der Berg", Meta(author="Omar van der Berg")),
    ("Posted by Kim Larsen on 12 May 2020", Meta(author="Kim Larsen", published="2020-05-12")),
    ("By Kim Larsen, Courts Reporter | Harbour Gazette | 3 May 2020",
     Meta(author="Kim Larsen", publisher="Harbour Gazette", published="2020-05-03")),  # the desk is not the outlet
    ("By Kim Larsen, Staff Writer", Meta(author="Kim Larsen")),
])
def test_byline(line, meta):
    assert parse_byline(line) == meta


@pytest.mark.parametrize("line", [
    "By contrast, the figures show a fall.",
    "By Monday, the river had risen another metre.",
    "By the time police arrived, the crowd had gone.",
    "Written by hand, the letter reached the embassy.",
    "Published by the ministry on Friday, the report blames the contractor for the delays and asks for an inquiry into "
    "the award of the contract, which critics say was rushed.",
])
def test_not_byline(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line,publisher", [
    ("Source: Harbour Gazette", "Harbour Gazette"),
    ("SOURCE: Northline News", "Northline News"),
    ("Via Northline News", "Northline News"),
    ("This story originally appeared in The Valley Courier.", "The Valley Courier"),
    ("Source: https://example.org/story", None),
])
def test_source_line(line, publisher):
    meta = parse_source_line(line)
    assert meta is not None and meta.publisher == publisher


@pytest.mark.parametrize("line", [
    "Sources said the talks had stalled.",
    "Source of the leak remains unknown, officials said on Thursday after a long meeting.",
    "Via ferrata routes were closed after the storm, the park said.",
])
def test_not_source_line(line):
    assert parse_source_line(line) is None


@pytest.mark.parametrize("line,date", [
    (" date 2019-11-05 ", "2019-11-05"),
    ("Published: 14 February 2022", "2022-02-14"),
    ("Tuesday, March 3, 2020 10:45 am", "2020-03-03"),
    ("Posted on Aug. 28, 2021 at 9:15 p.m. EDT", "2021-08-28"),
    ("13/07/2021", "2021-07-13"),
    ("Updated Oct. 9, 2018", None),  # a dateline, but not the publication date
])
def test_dateline(line, date):
    meta = parse_dateline(line)
    assert meta is not None and meta.published == date


@pytest.mark.parametrize("line", [
    "The election was held on March 3, 2020.",
    "March 3, 2020 was a turning point.",
    "07/09/2021",  # day and month order unknown
    "Between 2019-01-01 and 2020-01-01",
])
def test_not_dateline(line):
    assert parse_dateline(line) is None


def test_title_shapes():
    assert looks_like_title("Council approves new tram line after year of debate")
    assert looks_like_title("Will the tram line ever be built?")
    assert looks_like_title("Council approves tram line – .")
    assert title_text("Council approves tram line – .") == "Council approves tram line"
    assert not looks_like_title("The council approved the tram line on Tuesday.")
    assert not looks_like_title("World")
    assert not looks_like_title("“We waited a long time for this,” said a student.")
    assert norm_title("Council Approves  Tram Line – .") == norm_title("council approves tram line")
