"""Every document gets a publication window: a known date is its own window."""
from __future__ import annotations

from newsgraph.clean import clean
from newsgraph.model import Document

from .conftest import ARTICLE_PARAGRAPHS


def _doc(text: str, **meta) -> Document:
    return Document(id="x", source="made-up", text=text, **meta)


def test_date_from_metadata_is_the_window(article_text):
    doc = clean(_doc(article_text, published="2024-05-06"))
    assert (doc.published_from, doc.published_to) == ("2024-05-06", "2024-05-06")


def test_timestamp_gives_its_day(article_text):
    doc = clean(_doc(article_text, published="2024-05-06T21:40:00+02:00"))
    assert (doc.published_from, doc.published_to) == ("2024-05-06", "2024-05-06")


def test_date_from_the_text_is_the_window():
    text = "\n\n".join(ARTICLE_PARAGRAPHS[:1] + ["By Jane Alvarez | Riverton Gazette | June 2, 2023"] + ARTICLE_PARAGRAPHS[1:])
    doc = clean(_doc(text))
    assert doc.published == "2023-06-02"
    assert (doc.published_from, doc.published_to) == ("2023-06-02", "2023-06-02")


def test_a_window_already_given_is_kept(article_text):
    doc = clean(_doc(article_text, published="2024-05-06", published_from="2024-05-01"))
    assert (doc.published_from, doc.published_to) == ("2024-05-01", "2024-05-06")


def test_no_date_no_window(article_text):
    # the made-up article mentions no datable past event: nothing to bound
    doc = clean(_doc(article_text))
    assert doc.published is None and doc.published_from is None and doc.published_to is None


def test_unparseable_date_gives_no_window(article_text):
    doc = clean(_doc(article_text, published="last Tuesday"))
    assert doc.published_from is None and doc.published_to is None
