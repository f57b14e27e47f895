"""The example-corpus gold: every drop line removed, every keep line kept, metadata reproduced.

A second gold, written independently of the seeds' one, over the project's own
example corpus (src/newsgraph/examples/corpus/*.txt). It checks that the
cleaner generalises beyond the texts it was first written against. One
parametrised case per gold line, so a failure names the line.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from newsgraph.model import Document

from .conftest import REPO, CleaningGold

CORPUS = REPO / "src" / "newsgraph" / "examples" / "corpus"
EXAMPLE_GOLD = REPO / "tests" / "data" / "example_cleaning.jsonl"
ROWS = [json.loads(line) for line in EXAMPLE_GOLD.read_text("utf-8").splitlines() if line.strip()]


def _load(name: str) -> Document:
    path = CORPUS / name
    return Document(id=name, source=str(path), text=path.read_text("utf-8"))


EXAMPLE = CleaningGold(ROWS, _load, id_len=12)
cleaned = EXAMPLE.cleaned


def test_gold_is_not_empty():
    assert sum(len(r["drop"]) for r in ROWS) >= 30 and sum(len(r["keep"]) for r in ROWS) >= 10


@pytest.mark.parametrize("doc_name,starts,only", EXAMPLE.cases("drop"))
def test_drop_line_removed(doc_name, starts, only):
    EXAMPLE.check_drop(doc_name, starts, only)


@pytest.mark.parametrize("doc_name,starts,only", EXAMPLE.cases("keep"))
def test_keep_line_kept(doc_name, starts, only):
    EXAMPLE.check_keep(doc_name, starts)


@pytest.mark.parametrize("doc_name,field,value", EXAMPLE.meta_cases())
def test_metadata(doc_name, field, value):
    assert getattr(cleaned(doc_name), field) == value


@pytest.mark.parametrize("doc_name", [r["doc"] for r in ROWS if r["metadata"].get("published")])
def test_known_date_is_its_own_window(doc_name):
    doc = cleaned(doc_name)
    assert doc.published_from == doc.published_to == doc.published


@pytest.mark.parametrize("doc_name", [r["doc"] for r in ROWS if r["metadata"].get("published", "") is None])
def test_unknown_date_window_is_ordered(doc_name):
    doc = cleaned(doc_name)
    lo = dt.date.fromisoformat(doc.published_from) if doc.published_from else dt.date.min
    hi = dt.date.fromisoformat(doc.published_to) if doc.published_to else dt.date.max
    assert lo <= hi
