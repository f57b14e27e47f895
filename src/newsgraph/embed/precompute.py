"""Sentence vectors computed in the worker processes, before storage.

Every document's lead sentences are compared (story assignment), so they are encoded where the
document was parsed, spreading the work over the workers instead of the one process that writes
the store. The vectors travel back with the document (``Document.vectors``) and are written to
the store's sentence vectors, where the clustering finds them.

Quotations' pieces are not encoded here: statements compare them only when their speaker is
quoted in another document, which the writer alone knows, and fewer than half of them ever are
(628 of 1,399 attributed quotations on PolNeAR dev). The writer encodes those on demand
(``document_vectors``), once each.
"""
from __future__ import annotations

from ..model import Document


def wanted_spans(doc: Document) -> list[tuple[int, int, str]]:
    """The lead sentences of an in-flight document."""
    from ..cluster.profile import lead_spans

    return sorted(lead_spans(doc))


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
