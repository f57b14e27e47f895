"""Copy pairs: which document copies which, how, and why that one is the original."""
from __future__ import annotations

import json
from typing import Iterator

from ..errors import E
from ..store.sqlite import Store
from .filters import choices, finish

KINDS = ("exact", "near", "partial", "spun", "translated")


# Copy pairs with both documents' paths, titles and dates (aliases c, c_doc and o_doc for filters).
PAIRS = """SELECT c.*, c_doc.source AS copy_source, c_doc.title AS copy_title, c_doc.published AS copy_published,
       o_doc.source AS original_source, o_doc.title AS original_title, o_doc.published AS original_published
FROM copies c JOIN documents c_doc ON c_doc.id = c.document_id JOIN documents o_doc ON o_doc.id = c.original_id"""


def copy_kinds(value: str | None) -> list[str]:
    """The kinds in a comma list, lower-cased and checked."""
    return choices(value, KINDS, str.lower, E.BAD_COPY_KIND, "kinds")


def pair(row) -> dict:
    """A row of PAIRS in the contract shape."""
    return {
        "id": row["id"],
        "source": row["copy_source"],
        "original": row["original_source"],
        "kind": row["kind"],
        "similarity": row["similarity"],
        "direction": row["direction"],
        "spans": json.loads(row["spans"]),
        "document_id": row["document_id"],
        "original_id": row["original_id"],
        "title": row["copy_title"],
        "original_title": row["original_title"],
        "published": row["copy_published"],
        "original_published": row["original_published"],
    }


def copies(store: Store, source: str | None = None, kind: str | None = None,
           limit: int | None = None) -> Iterator[dict]:
    """Contract fields: source (the copy's path), original (the original's path), kind,
    similarity, direction (why that one is the original: published, longer, cleaner,
    first-stored) and spans ([copy_start, copy_end, original_start, original_end] of each
    aligned sentence, offsets into each raw text). ``source`` matches either side's path."""
    where, params = [], []
    if source:
        where.append("(c_doc.source LIKE ? OR o_doc.source LIKE ?)")
        params += [f"%{source}%", f"%{source}%"]
    kinds = copy_kinds(kind)
    if kinds:
        where.append(f"c.kind IN ({','.join('?' * len(kinds))})")
        params += kinds
    sql = finish(PAIRS, where, "ORDER BY o_doc.source, c.similarity DESC, c_doc.source", limit, params)
    for row in store.query(sql, tuple(params)):
        yield pair(row)
