"""Canonical people (and speaking organisations) with how often and where they are quoted."""
from __future__ import annotations

import json
from typing import Iterator

from ..link.names import fold
from ..store.sqlite import Store


def people(store: Store, speaker: str | None = None, source: str | None = None,
           limit: int | None = None) -> Iterator[dict]:
    """Contract fields: name, aliases, roles, country, quote_count, sources.
    Ordered by quote count, most quoted first."""
    sql = """SELECT p.*, COUNT(q.id) AS quote_count,
                    (SELECT json_group_array(DISTINCT d.source) FROM person_documents pd
                     JOIN documents d ON d.id = pd.document_id WHERE pd.person_id = p.id) AS sources
             FROM people p LEFT JOIN quotes q ON q.speaker_id = p.id
             GROUP BY p.id ORDER BY quote_count DESC, p.name"""
    wanted = fold(speaker) if speaker else None
    count = 0
    for row in store.query(sql):
        aliases = json.loads(row["aliases"])
        sources = sorted(json.loads(row["sources"] or "[]"))
        if wanted and not any(wanted in fold(n) for n in [row["name"], *aliases]):
            continue
        if source and not any(source in s for s in sources):
            continue
        yield {
            "name": row["name"],
            "type": row["type"],
            "aliases": aliases,
            "roles": json.loads(row["roles"]),
            "country": row["country"],
            "quote_count": row["quote_count"],
            "sources": sources,
        }
        count += 1
        if limit and count >= limit:
            return
