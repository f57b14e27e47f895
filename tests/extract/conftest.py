"""Fixtures for extraction tests: a helper that parses a text the way the pipeline
does (over the body view, with the session's ``nlp`` from tests/conftest.py) and
extracts quotes."""
from __future__ import annotations

import re

import pytest

from newsgraph.model import Document

_MARKS = re.compile(r"[\"“”„‟«»'‘’‚‛`]")


def norm(s: str) -> str:
    """Quote marks unified, whitespace collapsed, lower-cased: for matching gold text."""
    return " ".join(_MARKS.sub("'", s).split()).lower()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text) -> Document with quotes and people filled; ``model=None``: the rules alone."""
    from newsgraph.extract import extract_quotes
    from newsgraph.extract.contents import DEFAULT_MODEL

    def run(text: str, doc_id: str = "t", model: str | None = DEFAULT_MODEL) -> Document:
        doc = Document(id=doc_id, source=doc_id, text=text)
        doc.spacy = nlp(doc.body_view())
        return extract_quotes(doc, model)

    return run


def _find(doc: Document, opening: str):
    key = norm(opening)
    return [q for q in doc.quotes if key in norm(q.content.of(doc.text))]


@pytest.fixture(scope="session")
def find():
    """find(doc, words) -> quotes whose content starts with or contains ``words``."""
    return _find


@pytest.fixture(scope="session")
def one(extract):
    """one(text, words) -> the single quote holding ``words`` (fails otherwise)."""
    def run(text: str, words: str):
        doc = extract(text)
        hits = _find(doc, words)
        assert len(hits) == 1, f"expected one quote with {words!r}, got {[q.content.of(doc.text) for q in doc.quotes]}"
        return hits[0], doc
    return run
