"""Cleaning never rewrites the text, and kept and removed ranges partition it."""
from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.lines import units
from newsgraph.model import Document

from conftest import seed_names, shared_params

from .conftest import PRESS_RELEASE, seed_document


def _check_partition(doc: Document, original: str) -> None:
    assert doc.text == original
    owner = [None] * len(doc.text)
    for r in doc.removed:
        assert 0 <= r.start < r.end <= len(doc.text) and r.reason
        for p in range(r.start, r.end):
            assert owner[p] is None, "removals overlap"
            owner[p] = "removed"
    for k in doc.kept:
        assert 0 <= k.start < k.end <= len(doc.text)
        assert doc.text[k.start] .strip() and doc.text[k.end - 1].strip(), "kept spans are trimmed"
        for p in range(k.start, k.end):
            assert owner[p] is None, "kept overlaps removed or kept"
            owner[p] = "kept"
    stray = [p for p, o in enumerate(owner) if o is None and not doc.text[p].isspace()]
    assert not stray, f"characters neither kept nor removed: {doc.text[stray[0]:stray[0] + 40]!r}"


@pytest.mark.shared("seeds")
@shared_params("name", seed_names)
def test_seed_partition(name):
    doc = seed_document(name)
    original = doc.text
    _check_partition(clean(doc), original)


def test_made_up_partition(article_text):
    text = "  By Jane Alvarez  \n" + article_text + "\nLeave a Reply\n\n" + "\n\n".join(PRESS_RELEASE)
    doc = clean(Document(id="t", source="t", text=text))
    _check_partition(doc, text)
    assert doc.author == "Jane Alvarez"
    assert doc.title == "Riverton council approves new tram line after year of debate"
    assert len(doc.body_view()) == len(text)


def test_reader_metadata_is_not_overwritten(article_text):
    text = "By Jane Alvarez\n" + article_text
    doc = Document(id="t", source="t", text=text, author="J. Alvarez", title="Tram line approved")
    clean(doc)
    assert doc.author == "J. Alvarez" and doc.title == "Tram line approved"


def test_known_title_line_is_removed(article_text):
    title = article_text.split("\n")[0]
    doc = clean(Document(id="t", source="t", text=article_text + "\n" + title + "\n", title=title))
    reasons = [r.reason for r in doc.removed]
    assert reasons == ["title", "duplicate-title"]


def test_empty_text():
    doc = clean(Document(id="t", source="t", text=""))
    assert doc.kept == [] and doc.removed == []


def test_units_offsets_and_hard_wrap():
    text = ("The council voted on Tuesday to approve a tram line linking the\nharbour with the campus, ending a year of debate over its cost.\n\n"
            "Opponents argued that the tram would disrupt traffic on the main\nstreet and that buses could serve the district more cheaply.\n")
    us = units(text)
    assert len(us) == 2 and us[0].text.startswith("The council") and us[0].text.endswith("its cost.")
    assert all(text[u.start:u.end] == u.text for u in us)
    one_per_line = "Para one is long enough.\nPara two too.\n\nPara three.\n"
    assert [u.text for u in units(one_per_line)] == ["Para one is long enough.", "Para two too.", "Para three."]


def test_cleaning_is_cheap(article_text):
    """Cleaning must cost far less than parsing: a few ms per article (generous bound)."""
    import time

    docs = [seed_document(n).text for n in seed_names()] or [article_text]
    clean(Document(id="w", source="w", text=docs[0]))  # warm regex caches
    t0 = time.perf_counter()
    for text in docs * 5:
        clean(Document(id="t", source="t", text=text))
    per_doc_ms = (time.perf_counter() - t0) / (len(docs) * 5) * 1000
    assert per_doc_ms < 25, f"{per_doc_ms:.1f} ms per document"
