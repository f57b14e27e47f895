"""Quotation extraction and in-document speaker resolution.

``extract_quotes(doc)`` reads ``doc.spacy`` (one parse over ``doc.body_view()``,
so token offsets are raw-text offsets) and fills ``doc.quotes`` and
``doc.people``. No second parse: marks are paired with one regex pass and the
rest walks the existing parse.
"""
from __future__ import annotations

from ..model import Document
from .contents import DEFAULT_MODEL, load_model
from .quotes import QuoteFinder

__all__ = ["extract_quotes"]


def extract_quotes(doc: Document, model: str | None = DEFAULT_MODEL) -> Document:
    """Fill ``doc.quotes`` and ``doc.people`` from ``doc.spacy``; returns ``doc``.

    ``model`` names the learned content model (see contents.py); None or "none": rules only."""
    sdoc = doc.spacy
    if sdoc is None or not len(sdoc):
        doc.quotes, doc.people = [], []
        return doc
    quotes, people = QuoteFinder(sdoc, load_model(model)).run()
    doc.quotes = quotes
    doc.people = people
    return doc
