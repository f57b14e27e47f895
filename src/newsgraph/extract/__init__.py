"""Quotation extraction and in-document speaker resolution.

``extract_quotes(doc)`` reads ``doc.spacy`` (one parse over ``doc.body_view()``,
so token offsets are raw-text offsets) and fills ``doc.quotes`` and
``doc.people``. No second parse: marks are paired with one regex pass and the
rest walks the existing parse.
"""
from __future__ import annotations

from ..model import Document
from .quotes import QuoteFinder

__all__ = ["extract_quotes"]


def extract_quotes(doc: Document) -> Document:
    """Fill ``doc.quotes`` and ``doc.people`` from ``doc.spacy``; returns ``doc``."""
    sdoc = doc.spacy
    if sdoc is None or not len(sdoc):
        doc.quotes, doc.people = [], []
        return doc
    quotes, people = QuoteFinder(sdoc).run()
    doc.quotes = quotes
    doc.people = people
    return doc
