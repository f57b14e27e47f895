"""Cluster documents already stored: for a database ingested before stories and statements
existed, or to rebuild them. Documents go in publication order, as they would have arrived."""
from __future__ import annotations

import json

from ..model import Document, Span


def stored_document(row) -> Document:
    """The stored fields of a document row that clustering reads (text, kept ranges, dates, title)."""
    return Document(
        id=row["id"], source=row["source"], text=row["text"], format=row["format"], url=row["url"],
        title=row["title"], publisher=row["publisher"], published=row["published"],
        published_from=row["published_from"], published_to=row["published_to"], language=row["language"],
        flags=json.loads(row["flags"]), kept=[Span(a, b) for a, b in json.loads(row["kept"])],
    )


def unclustered(store) -> list[Document]:
    """Stored documents not yet in a story, oldest publication first (undated last). The anti-join reads
    two indexes only (every run asks this), then the rows of the documents it finds."""
    rows = store.query(
        """SELECT * FROM documents WHERE id IN (SELECT k.document_id FROM document_keys k
             WHERE NOT EXISTS (SELECT 1 FROM story_documents s WHERE s.document_id = k.document_id))
           ORDER BY COALESCE(published, published_from) IS NULL, COALESCE(published, published_from), source, id""")
    return [stored_document(r) for r in rows]


def cluster_stored(store, encoder) -> int:
    """Assign every unclustered document to a story, link its quotations into statements and
    recount sources, one transaction per document; the number of documents done."""
    from . import assign_story, link_statements, refresh_sources

    done = 0
    for doc in unclustered(store):
        with store.transaction():
            assign_story(store, doc, encoder)
            link_statements(store, doc, encoder)
            refresh_sources(store, doc.id)
        done += 1
    return done
