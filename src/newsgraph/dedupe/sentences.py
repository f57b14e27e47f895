"""Sentences of the kept body with raw-text offsets, as copy detection reads them.

Stored documents keep no parse, so both sides of a comparison are split by the
same rule splitter the story clusterer uses (cluster/sentences.py): the same
spans mean the same cached sentence vectors, encoded once for both.
"""
from __future__ import annotations

from typing import NamedTuple

from ..cluster.sentences import split
from ..model import Document, Span


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


def kept_spans(doc: Document) -> list[Span]:
    """The cleaner's kept ranges, or the whole text when no cleaner ran (nothing kept or removed)."""
    if doc.kept:
        return sorted(doc.kept)
    return [] if doc.removed else [Span(0, len(doc.text))]


def document_sentences(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    for span in kept_spans(doc):
        out.extend(Sentence(*s) for s in split(doc.text[span.start:span.end], span.start))
    return out
