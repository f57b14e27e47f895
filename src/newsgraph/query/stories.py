"""Stories in their contract shape: label, title, main actors, size, days and documents."""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterator

from ..store.sqlite import Store
from .filters import finish


def stories(store: Store, source: str | None = None, limit: int | None = None) -> Iterator[dict]:
    """Contract fields: id, label, title, actors (main people and organisations), documents (count),
    first, last (dated days, None when no document is dated), sources (document paths, earliest
    published first, undated last). Also: countries, independent (the documents left when copies of one another
    count once). Largest stories first. ``source`` keeps stories with a document from a matching path.
    """
    from ..cluster.corroboration import copy_groups

    where, params = [], []
    if source:
        where.append("s.id IN (SELECT sd.story_id FROM story_documents sd JOIN documents d ON d.id = sd.document_id "
                     "WHERE d.source LIKE ?)")
        params.append(f"%{source}%")
    sql = finish("SELECT s.* FROM stories s", where, "ORDER BY s.documents DESC, s.last IS NULL, s.last DESC, s.id",
                 limit, params)
    rows = list(store.query(sql, tuple(params)))
    if not rows:
        return
    ids = json.dumps([r["id"] for r in rows])
    members: dict[int, list] = defaultdict(list)
    for m in store.query(
        """SELECT sd.story_id, d.id, d.source FROM story_documents sd JOIN documents d ON d.id = sd.document_id
           WHERE sd.story_id IN (SELECT value FROM json_each(?))
           ORDER BY d.published IS NULL, d.published, d.source""", (ids,)):
        members[m["story_id"]].append(m)
    countries: dict[int, list[str]] = defaultdict(list)
    for c in store.query(
        """SELECT story_id, name FROM story_entities WHERE key LIKE 'c:%'
           AND story_id IN (SELECT value FROM json_each(?)) ORDER BY documents DESC, name""", (ids,)):
        countries[c["story_id"]].append(c["name"])
    for row in rows:
        docs = members.get(row["id"], [])
        groups = copy_groups(store, [d["id"] for d in docs])
        yield {
            "id": row["id"],
            "label": row["label"],
            "title": row["title"],
            "actors": json.loads(row["actors"]),
            "documents": row["documents"],
            "first": row["first"],
            "last": row["last"],
            "sources": [d["source"] for d in docs],
            "countries": countries.get(row["id"], []),
            "independent": len({groups[d["id"]] for d in docs}),
        }
