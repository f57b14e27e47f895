"""Deleting a document: out of its story and statements, and the source counts it moved redone.

Cascades remove its rows (story_documents, statement_quotes, copies); what they cannot do is
update what was computed from them, so the store's delete wraps its DELETE in ``forgetting``.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from .corroboration import recount, touched
from .statements import refresh_statement
from .stories import leave_story


@contextmanager
def forgetting(store, doc_id: str) -> Iterator[None]:
    """Around the DELETE of a document, inside its transaction: before it, the document leaves its
    story and the statements and events it (or its copies) reports are noted; after it, those
    statements are recounted (removed when no quotation is left) and all their sources counted."""
    leave_story(store, doc_id)
    statements, events = touched(store, doc_id)
    yield
    kept = [s for s in statements if refresh_statement(store, s)]
    recount(store, kept, events)
