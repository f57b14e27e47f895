"""Shared line spans and trimming: offsets into the raw text, blank lines on request."""
from __future__ import annotations

from newsgraph.spans import line_spans, trim


def test_line_spans_skip_blank_lines_by_default():
    text = "one\n\n  two  \nthree"
    assert [text[s:e] for s, e in line_spans(text)] == ["one", "  two  ", "three"]


def test_line_spans_keep_blank_lines_when_asked():
    text = "a\n\nb\n"
    assert line_spans(text, blank=True) == [(0, 1), (2, 2), (3, 4), (5, 5)]


def test_trim_narrows_to_non_space():
    text = "  hello world \n"
    s, e = trim(text, 0, len(text))
    assert text[s:e] == "hello world"
    assert trim("   ", 0, 3)[0] == trim("   ", 0, 3)[1]
