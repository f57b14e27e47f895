"""Documents as stored: metadata, kept body and the removed ranges with reasons."""
from __future__ import annotations

import json
from typing import Iterator

from ..store.sqlite import Store

# A document is current when no later version (read from the same source, with a new text) points at it.
CURRENT = "NOT EXISTS (SELECT 1 FROM documents n WHERE n.version_of = d.id)"


def documents(store: Store, source: str | None = None, limit: int | None = None,
              current: bool = False) -> Iterator[dict]:
    """Contract fields: source, title, author, publisher, published, published_from,
    published_to, text (the kept body), removed (list of [start, end, reason]), version_of (the
    earlier version read from the same source) and current (no later version); ``current``: only
    current versions."""
    sql = f"SELECT d.*, {CURRENT} AS current FROM documents d"
    where, params = [], []
    if source:
        where.append("d.source LIKE ?")
        params.append(f"%{source}%")
    if current:
        where.append(CURRENT)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.source, d.rowid"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    for row in store.query(sql, tuple(params)):
        text = row["text"]
        kept = json.loads(row["kept"])
        yield {
            "id": row["id"],
            "source": row["source"],
            "title": row["title"],
            "author": row["author"],
            "publisher": row["publisher"],
            "published": row["published"],
            "published_from": row["published_from"],
            "published_to": row["published_to"],
            "language": row["language"],
            "flags": json.loads(row["flags"]),
            "text": "\n\n".join(text[s:e].strip() for s, e in kept if text[s:e].strip()),
            "removed": json.loads(row["removed"]),
            "version_of": row["version_of"],
            "current": bool(row["current"]),
        }
