"""Sentence vectors computed in the worker processes, before storage.

Stories need each document's lead sentences and statements its quotations'
pieces; encoding them where the document was parsed spreads the work over the
workers instead of the one process that writes the store. The vectors travel
back with the document (``Document.vectors``) and are written to the store's
sentence vectors, where the clustering finds them.
"""
from __future__ import annotations

from ..model import Document


def wanted_spans(doc: Document) -> list[tuple[int, int, str]]:
    """The lead sentences and the attributed quotations' pieces of an in-flight document."""
    from ..cluster.profile import lead_spans
    from ..cluster.statements import pieces

    spans = {(a, b): t for a, b, t in lead_spans(doc)}
    for quote in doc.quotes:
        if quote.speaker_name:
            for a, b, t in pieces(quote.content.start, quote.content.of(doc.text)):
                spans.setdefault((a, b), t)
    return [(a, b, t) for (a, b), t in sorted(spans.items())]


def embed_document(doc: Document, encoder) -> Document:
    """Fill ``doc.vectors`` for the spans storage will ask for; English documents only (the
    default model reads English)."""
    if encoder is None or not doc.analysable or doc.language not in (None, "en"):
        return doc
    spans = wanted_spans(doc)
    if spans:
        vectors = encoder.encode([t for _, _, t in spans])
        doc.vectors = [(a, b, vectors[i]) for i, (a, b, _) in enumerate(spans)]
    return doc
