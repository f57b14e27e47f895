"""The seed gold: every drop line removed, every keep line kept, metadata reproduced.

One parametrised case per seed and per gold line, so a failure names the line.
"""
from __future__ import annotations

import datetime as dt

import pytest

from .conftest import GOLD, CleaningGold, load_gold, seed_document

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared seeds not present")

GOLD_ROWS = load_gold()
SEED_GOLD = CleaningGold(GOLD_ROWS, seed_document, id_len=3)
cleaned = SEED_GOLD.cleaned


@pytest.mark.parametrize("doc_name,starts,only", SEED_GOLD.cases("drop"))
def test_drop_line_removed(doc_name, starts, only):
    SEED_GOLD.check_drop(doc_name, starts, only)


@pytest.mark.parametrize("doc_name,starts,only", SEED_GOLD.cases("keep"))
def test_keep_line_kept(doc_name, starts, only):
    SEED_GOLD.check_keep(doc_name, starts)


@pytest.mark.parametrize("doc_name,field,value", SEED_GOLD.meta_cases())
def test_metadata(doc_name, field, value):
    assert getattr(cleaned(doc_name), field) == value


# The seeds follow one story, July to September 2021 (DESIGN.md): an honest
# window must meet that period; seed 004 is bounded by its July dates.
STORY = (dt.date(2021, 7, 1), dt.date(2021, 9, 30))
MUST_BOUND = {"004": (dt.date(2021, 7, 1), dt.date(2021, 7, 31))}


@pytest.mark.parametrize(
    "doc_name", [r["doc"] for r in GOLD_ROWS if r["metadata"].get("published", "") is None]
)
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
