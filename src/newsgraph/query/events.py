"""Real events in their contract shape: PLOVER coding, actors, date, evidence, counts.

Events are selected with SQL on indexed columns, then completed with their
actors and evidence a page at a time, so exporting a large store never loads
it whole nor asks one query per event.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable, Iterator

from ..store.sqlite import Store
from .filters import actor_ids, as_json, event_types, events_with, finish, overlapping

PAGE = 500


def events(store: Store, actor: str | None = None, recipient: str | None = None, type: str | None = None,
           date_from: str | None = None, date_to: str | None = None, source: str | None = None,
           limit: int | None = None) -> Iterator[dict]:
    """Contract fields: id, type, mode, context, actor, recipient (lists of {name, country,
    sector}), date, date_precision, negated, future, hypothetical, historical, evidence (list
    of {source, document, start, end, text, trigger_start, trigger_end, date_source, ...}),
    reports, publishers, sources (independent documents: copies of one another count once),
    score. In date order, undated last.

    ``actor``/``recipient`` are actor specs (a name part, a country code or COUNTRY:SECTOR);
    ``type`` one type or a comma list; ``date_from``/``date_to`` keep events whose date window
    overlaps [from, to]; ``source`` keeps events with a report from a matching document path.
    """
    where, params = select_where(store, actor=actor, recipient=recipient, types=event_types(type))
    overlapping(where, params, "e.date_first", "e.date_last", date_from, date_to)
    if source:
        where.append("e.id IN (SELECT r.event_id FROM event_reports r JOIN documents d ON d.id = r.document_id "
                     "WHERE d.source LIKE ?)")
        params.append(f"%{source}%")
    sql = "SELECT e.* FROM events e"
    sql = finish(sql, where, "ORDER BY e.date_first IS NULL, e.date_first, e.date_last, e.id", limit, params)
    return complete(store, store.query(sql, tuple(params)))  # filters checked now, rows read lazily


def select_where(store: Store, actor: str | None = None, recipient: str | None = None,
                 types: list[str] | None = None) -> tuple[list[str], list]:
    """WHERE clauses (on alias ``e``) and parameters for actor, recipient and type filters."""
    where: list[str] = []
    params: list = []
    for role, spec in (("actor", actor), ("recipient", recipient)):
        if spec:
            where.append(f"e.id IN ({events_with(role)})")
            params.append(as_json(actor_ids(store, spec)))
    if types:
        where.append(f"e.type IN ({','.join('?' * len(types))})")
        params.extend(types)
    return where, params


def complete(store: Store, rows: Iterable, evidence: bool = True) -> Iterator[dict]:
    """Event rows with their actors and (unless not wanted) evidence, fetched a page of events at a time."""
    page: list = []
    for row in rows:
        page.append(row)
        if len(page) >= PAGE:
            yield from _page(store, page, evidence)
            page = []
    if page:
        yield from _page(store, page, evidence)


def _page(store: Store, rows: list, with_evidence: bool = True) -> Iterator[dict]:
    ids = as_json([r["id"] for r in rows])
    actors: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for a in store.query(
        """SELECT ea.event_id, ea.role, a.name, a.country, a.sector FROM event_actors ea
           JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN (SELECT value FROM json_each(?))
           ORDER BY a.name, a.country, a.sector""", (ids,)):
        actors[(a["event_id"], a["role"])].append(
            {"name": a["name"], "country": a["country"] or None, "sector": a["sector"] or None})
    evidence: dict[int, list[dict]] = defaultdict(list)
    for r in [] if not with_evidence else store.query(
        """SELECT r.*, d.source, d.url, d.published, d.publisher AS document_publisher
           FROM event_reports r JOIN documents d ON d.id = r.document_id
           WHERE r.event_id IN (SELECT value FROM json_each(?)) ORDER BY d.source, r.sentence_start, r.id""",
            (ids,)):
        evidence[r["event_id"]].append({
            "source": r["source"],
            "url": r["url"],
            "document": r["document_id"],
            "start": r["sentence_start"],
            "end": r["sentence_end"],
            "text": r["text"],
            "trigger_start": r["trigger_start"],
            "trigger_end": r["trigger_end"],
            "trigger": r["trigger"],
            "date": r["date"],
            "date_source": r["date_source"],
            "location": r["location"],
            "statement": bool(r["statement"]),
            "publisher": r["document_publisher"],  # the report's own column is a merge key, not a name
            "published": r["published"],
        })
    for row in rows:
        yield {
            "id": row["id"],
            "type": row["type"],
            "mode": row["mode"],
            "context": json.loads(row["context"]),
            "actor": actors.get((row["id"], "actor"), []),
            "recipient": actors.get((row["id"], "recipient"), []),
            "date": row["date"],
            "date_precision": row["date_precision"],
            "negated": bool(row["negated"]),
            "future": bool(row["future"]),
            "hypothetical": bool(row["hypothetical"]),
            "historical": bool(row["historical"]),
            "evidence": evidence.get(row["id"], []),
            "reports": row["reports"],
            "publishers": row["publishers"],
            "sources": row["sources"],
            "score": row["score"],
        }
