"""Documents as stored: metadata, kept body and the removed ranges with reasons."""
from __future__ import annotations

import json
from typing import Iterator

from ..store.sqlite import Store


def documents(store: Store, source: str | None = None, limit: int | None = None) -> Iterator[dict]:
    """Contract fields: source, title, author, publisher, published, published_from,
    published_to, text (the kept body), removed (list of [start, end, reason])."""
    sql = "SELECT * FROM documents"
    params: list = []
    if source:
        sql += " WHERE source LIKE ?"
        params.append(f"%{source}%")
    sql += " ORDER BY source"
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
        }
