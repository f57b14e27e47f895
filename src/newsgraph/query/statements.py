"""Statements in their contract shape: one speaker's quotations that say the same thing."""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterator

from ..link.names import fold
from ..store.sqlite import Store

PAGE = 500


def statements(store: Store, speaker: str | None = None, min_sources: int | None = None,
               limit: int | None = None) -> Iterator[dict]:
    """Contract fields: id, speaker, text (its shortest full quotation), reports (quotations),
    sources (independent documents: copies of one another count once), quotes (each with source,
    document, start, end, text, kind, publisher, published). Most sources first.

    ``speaker`` matches the canonical name or any alias (case and accents ignored);
    ``min_sources`` keeps statements with at least that many independent sources.
    """
    sql = """SELECT s.*, p.name AS speaker_name, p.aliases AS speaker_aliases FROM statements s
             LEFT JOIN people p ON p.id = s.speaker_id"""
    params: list = []
    if min_sources:
        sql += " WHERE s.sources >= ?"
        params.append(min_sources)
    sql += " ORDER BY s.sources DESC, s.reports DESC, s.id"
    wanted = fold(speaker) if speaker else None
    page: list = []
    count = 0
    for row in store.query(sql, tuple(params)):
        if wanted and not _matches(wanted, row):
            continue
        page.append(row)
        count += 1
        if len(page) >= PAGE:
            yield from _page(store, page)
            page = []
        if limit and count >= limit:
            break
    if page:
        yield from _page(store, page)


def _matches(wanted: str, row) -> bool:
    names = [row["speaker_name"] or ""] + json.loads(row["speaker_aliases"] or "[]")
    return any(wanted in fold(n) for n in names if n)


def _page(store: Store, rows: list) -> Iterator[dict]:
    ids = json.dumps([r["id"] for r in rows])
    quotes: dict[int, list[dict]] = defaultdict(list)
    for q in store.query(
        """SELECT sq.statement_id, q.document_id, q.start, q.end, q.text, q.kind, d.source, d.publisher,
                  d.published FROM statement_quotes sq JOIN quotes q ON q.id = sq.quote_id
           JOIN documents d ON d.id = q.document_id WHERE sq.statement_id IN (SELECT value FROM json_each(?))
           ORDER BY d.source, q.start""", (ids,)):
        quotes[q["statement_id"]].append({
            "source": q["source"], "document": q["document_id"], "start": q["start"], "end": q["end"],
            "text": q["text"], "kind": q["kind"], "publisher": q["publisher"], "published": q["published"],
        })
    for row in rows:
        yield {
            "id": row["id"],
            "speaker": row["speaker_name"],
            "text": row["text"],
            "reports": row["reports"],
            "sources": row["sources"],
            "quotes": quotes.get(row["id"], []),
        }
