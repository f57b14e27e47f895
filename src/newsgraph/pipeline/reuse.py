"""Store an exact copy of a stored text with the analysis of the document that holds it.

The copy has its own row (source, URL, publisher, dates, title) and its own ingest log line; its
quotations, people, time expressions, sentence vectors and event reports are the original's rows
under its id (event reports under its own publisher), it joins the original's story and
statements, and it is linked to the original as an ``exact`` copy, so independent-source counts
count the two once. Nothing is parsed again.

The analysis is reused only when it fits: the copy's cleaning gave the same kept and removed
ranges and the same dates as the original's (a record title can cut another line; another
publication date moves relative dates). Otherwise the copy is parsed like any document.
"""
from __future__ import annotations

from ..model import Document


def fits(store, doc: Document) -> bool:
    """Whether the stored analysis of ``doc.reuse_of`` is what parsing ``doc`` would give."""
    inputs = store.analysis_inputs(doc.reuse_of) if doc.reuse_of else None
    mine = ([[s.start, s.end] for s in doc.kept], [[r.start, r.end, r.reason] for r in doc.removed],
            doc.published, doc.published_from, doc.published_to, doc.language, doc.flags)
    return inputs is not None and inputs == mine


def save_copy(store, doc: Document, settings) -> tuple[int, int]:
    """Store ``doc`` with the analysis of ``doc.reuse_of`` (see ``fits``), atomically;
    (quotations, event reports) it received."""
    from ..cluster import refresh_sources
    from ..cluster.statements import join_statements_of
    from ..cluster.stories import assign_story, join_story_of
    from ..dedupe.copies import ENCODERS, link_copies
    from ..link.events import publisher_of, refresh_event

    original = doc.reuse_of
    source = store.source_of(original)
    with store.transaction():
        store.insert_document(doc)
        quotes, events = store.copy_analysis(original, doc.id, publisher_of(doc))
        for event_id in events:
            refresh_event(store, event_id)
        link_copies(store, doc, model=settings.embedding_model)
        if join_story_of(store, doc.id, original) is None:
            assign_story(store, doc, ENCODERS.get(settings.embedding_model))
        join_statements_of(store, quotes)
        refresh_sources(store, doc.id)
        store.log(doc.source, "ok", document_id=doc.id,
                  message=f"exact copy of {source}: analysis reused" + (f"; {','.join(doc.flags)}" if doc.flags else ""))
    return len(quotes), store.count_reports(doc.id)
