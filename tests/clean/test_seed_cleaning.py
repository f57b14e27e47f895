"""The seed gold: every drop line removed, every keep line kept, metadata reproduced.

One parametrised case per seed and per gold line, so a failure names the line.
"""
from __future__ import annotations

import datetime as dt
import functools

import pytest

from conftest import shared_params

from .conftest import CleaningGold, load_gold, seed_document

pytestmark = pytest.mark.shared("seeds", "eval")


@functools.cache
def seed_gold() -> CleaningGold:
    """Read at collection, and only where ../shared is (never at import)."""
    return CleaningGold(load_gold(), seed_document, id_len=3)


def cleaned(name: str):
    return seed_gold().cleaned(name)


@shared_params("doc_name,starts,only", lambda: seed_gold().cases("drop"))
def test_drop_line_removed(doc_name, starts, only):
    seed_gold().check_drop(doc_name, starts, only)


@shared_params("doc_name,starts,only", lambda: seed_gold().cases("keep"))
def test_keep_line_kept(doc_name, starts, only):
    seed_gold().check_keep(doc_name, starts)


@shared_params("doc_name,field,value", lambda: seed_gold().meta_cases())
def test_metadata(doc_name, field, value):
    assert getattr(cleaned(doc_name), field) == value


# The seeds follow one story, July to September 2021 (DESIGN.md): an honest
# window must meet that period; seed 004 is bounded by its July dates.
STORY = (dt.date(2021, 7, 1), dt.date(2021, 9, 30))
MUST_BOUND = {"004": (dt.date(2021, 7, 1), dt.date(2021, 7, 31))}


@shared_params("doc_name", lambda: [r["doc"] for r in seed_gold().rows if r["metadata"].get("published", "") is None])
def test_window_honest(doc_name):
    doc = cleaned(doc_name)
    assert doc.published is None
    lo = dt.date.fromisoformat(doc.published_from) if doc.published_from else dt.date.min
    hi = dt.date.fromisoformat(doc.published_to) if doc.published_to else dt.date.max
    assert lo <= hi
    first, last = MUST_BOUND.get(doc_name[:3], STORY)
    assert max(lo, first) <= min(hi, last), f"window {lo}..{hi} misses {first}..{last}"
    if doc_name[:3] in MUST_BOUND:
        assert doc.published_from or doc.published_to, "the text bounds the date: a window is expected"
