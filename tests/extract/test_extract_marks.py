"""Quotation-mark pairing on hand-written text: wrong-direction marks, straight marks,
nesting, apostrophes, unclosed quotations and multi-paragraph quotations."""
from __future__ import annotations

from newsgraph.extract.marks import find_regions


def contents(text):
    return [text[r.start:r.end] for r in find_regions(text)]


def test_curly_pair():
    assert contents("He said “we will win the vote,” and left.") == ["we will win the vote,"]


def test_straight_pair():
    assert contents('She said "prices will fall soon" on Monday.') == ["prices will fall soon"]


def test_closing_mark_written_as_opening_one():
    text = "“The harvest was poor this year,“ the farmer said."
    assert contents(text) == ["The harvest was poor this year,"]


def test_closing_opening_mark_at_paragraph_end():
    text = "“First part,” she said. “Second part was longer than the first. “\nNext paragraph."
    assert contents(text) == ["First part,", "Second part was longer than the first."]


def test_apostrophes_are_not_marks():
    text = "The mayor’s aide didn’t say ‘no’ and the councillors’ vote stood."
    got = find_regions(text)
    assert [text[r.start:r.end] for r in got] == ["no"]


def test_single_nested_inside_double_is_one_region():
    text = "“He called it a ‘new era’ for the town,” the mayor said."
    got = find_regions(text)
    assert len(got) == 1 and text[got[0].start:got[0].end] == "He called it a ‘new era’ for the town,"


def test_unclosed_quotation_stays_in_its_paragraph():
    text = "“An unclosed start of something\nLater a reporter wrote “the bridge reopened today,” officials said."
    got = find_regions(text)
    assert not got[0].closed and got[0].para == 0
    assert text[got[1].start:got[1].end] == "the bridge reopened today,"
    assert got[1].closed


def test_stray_mark_does_not_shift_later_pairs():
    text = 'Intro with a stray " mark here.\n“One quote here,” he said.\n“Another one there,” she said.'
    got = [text[r.start:r.end] for r in find_regions(text) if r.closed]
    assert got[-2:] == ["One quote here,", "Another one there,"]


def test_multi_paragraph_quotation_marked_as_continuing():
    text = "“The first paragraph of the speech goes on.\n“The second paragraph ends it,” he said."
    got = find_regions(text)
    assert got[0].continues and not got[0].closed
    assert got[1].closed and not got[1].continues


def test_unclosed_at_end_not_continuing_when_next_paragraph_does_not_open():
    text = "“Never closed here\nPlain paragraph."
    got = find_regions(text)
    assert not got[0].closed and not got[0].continues


def test_title_in_single_quotes_is_a_region():
    text = "WATCH: ‘The River Ran Dry’: a film about farmers"
    assert contents(text) == ["The River Ran Dry"]
