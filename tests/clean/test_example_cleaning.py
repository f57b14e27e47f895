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

from newsgraph.clean import clean
from newsgraph.model import Document

from .conftest import REPO, covered, line_ranges

CORPUS = REPO / "src" / "newsgraph" / "examples" / "corpus"
EXAMPLE_GOLD = REPO / "tests" / "data" / "example_cleaning.jsonl"
ROWS = [json.loads(line) for line in EXAMPLE_GOLD.read_text("utf-8").splitlines() if line.strip()]
_CACHE: dict[str, Document] = {}


def cleaned(name: str) -> Document:
    if name not in _CACHE:
        path = CORPUS / name
        _CACHE[name] = clean(Document(id=name, source=str(path), text=path.read_text("utf-8")))
    return _CACHE[name]


def _cases(key: str):
    for row in ROWS:
        for item in row[key]:
            starts = item["starts"] if isinstance(item, dict) else item
            yield pytest.param(row["doc"], starts, id=f"{row['doc'][:12]}-{starts.strip()[:40]}")


def test_gold_is_not_empty():
    assert sum(len(r["drop"]) for r in ROWS) >= 30 and sum(len(r["keep"]) for r in ROWS) >= 10


@pytest.mark.parametrize("doc_name,starts", list(_cases("drop")))
def test_drop_line_removed(doc_name, starts):
    doc = cleaned(doc_name)
    lines = line_ranges(doc.text, starts)
    assert lines, f"gold line not found in {doc_name}: {starts!r}"
    removed = [(r.start, r.end) for r in doc.removed]
    for s, e in lines:
        assert covered(removed, s, e, doc.text), f"not removed: {doc.text[s:e][:80]!r}"


@pytest.mark.parametrize("doc_name,starts", list(_cases("keep")))
def test_keep_line_kept(doc_name, starts):
    doc = cleaned(doc_name)
    lines = line_ranges(doc.text, starts)
    assert lines, f"gold line not found in {doc_name}: {starts!r}"
    kept = [(k.start, k.end) for k in doc.kept]
    removed = [(r.start, r.end) for r in doc.removed]
    for s, e in lines:
        assert covered(kept, s, e, doc.text), f"not kept: {doc.text[s:e][:80]!r}"
        assert not any(a < e and s < b for a, b in removed), f"partly removed: {doc.text[s:e][:80]!r}"


def _meta_cases():
    for row in ROWS:
        for field, value in row["metadata"].items():
            yield pytest.param(row["doc"], field, value, id=f"{row['doc'][:12]}-{field}")


@pytest.mark.parametrize("doc_name,field,value", list(_meta_cases()))
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
