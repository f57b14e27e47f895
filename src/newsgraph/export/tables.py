"""The four exported tables (documents, quotes, events, copies): an Arrow schema and the rows, in month order.

Each table reads the store with one SQL query ordered by publication month (the partition), then by
a stable key, and yields plain dicts a page at a time: nothing is collected whole. Every fact keeps
its evidence as the store holds it: the document id and (start, end) character offsets into the
document's raw text (``documents.text``), with the text of the span where the store has it.
Dates are Arrow dates, not strings; a date the store holds as a TIMEX value ('2021-08', '2021-W34')
keeps that value as a string beside the first and last day it covers.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Callable, Iterator

from ..store.sqlite import Store

# Rows of one month come together: the month of a date, NULL (no date) last.
BY_MONTH = "{0} IS NULL, substr({0}, 1, 7)"


@dataclass(frozen=True)
class Table:
    """What `export NAME` writes: its schema, its rows (ordered by month) and each row's month."""

    schema: Callable[[], object]
    rows: Callable[..., Iterator[dict]]
    count: Callable[[Store], int]
    month: Callable[[dict], str | None]


def day(value: str | None) -> dt.date | None:
    """A stored YYYY-MM-DD as a date (None for anything else)."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def moment(value: str | None) -> dt.datetime | None:
    """A stored ISO timestamp as a datetime in UTC."""
    try:
        return dt.datetime.fromisoformat(value).astimezone(dt.timezone.utc) if value else None
    except ValueError:
        return None


def month_of(field: str) -> Callable[[dict], str | None]:
    def month(row: dict) -> str | None:
        value = row[field]
        return value.isoformat()[:7] if value else None
    return month


def _count(table: str) -> Callable[[Store], int]:
    return lambda store: store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


# -- documents ------------------------------------------------------------------------------------

def documents_schema():
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    return pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("format", pa.string()), ("url", pa.string()),
        ("title", pa.string()), ("author", pa.string()), ("publisher", pa.string()),
        ("published", pa.date32()), ("published_from", pa.date32()), ("published_to", pa.date32()),
        ("language", pa.string()), ("encoding", pa.string()), ("flags", pa.list_(pa.string())),
        ("text", pa.string()), ("kept", pa.list_(span)),
        ("removed", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()), ("reason", pa.string())]))),
        ("content_hash", pa.string()), ("version_of", pa.string()), ("current", pa.bool_()),
        ("ingested_at", pa.timestamp("s", tz="UTC")),
    ])


def documents_rows(store: Store) -> Iterator[dict]:
    sql = (f"SELECT d.*, NOT EXISTS (SELECT 1 FROM documents n WHERE n.version_of = d.id) AS current "
           f"FROM documents d ORDER BY {BY_MONTH.format('d.published')}, d.source, d.id")
    for r in store.query(sql):
        yield {
            "id": r["id"], "source": r["source"], "format": r["format"], "url": r["url"], "title": r["title"],
            "author": r["author"], "publisher": r["publisher"], "published": day(r["published"]),
            "published_from": day(r["published_from"]), "published_to": day(r["published_to"]),
            "language": r["language"], "encoding": r["encoding"], "flags": json.loads(r["flags"]),
            "text": r["text"], "kept": [{"start": s, "end": e} for s, e in json.loads(r["kept"])],
            "removed": [{"start": s, "end": e, "reason": why} for s, e, why in json.loads(r["removed"])],
            "content_hash": r["content_hash"], "version_of": r["version_of"], "current": bool(r["current"]),
            "ingested_at": moment(r["ingested_at"]),
        }


# -- quotes ---------------------------------------------------------------------------------------

def quotes_schema():
    import pyarrow as pa

    return pa.schema([
        ("id", pa.int64()), ("document_id", pa.string()), ("source", pa.string()), ("publisher", pa.string()),
        ("published", pa.date32()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
        ("kind", pa.string()), ("cue", pa.string()), ("cue_start", pa.int64()), ("cue_end", pa.int64()),
        ("speaker", pa.string()), ("speaker_id", pa.int64()), ("speaker_type", pa.string()),
        ("speaker_mention", pa.string()), ("speaker_start", pa.int64()), ("speaker_end", pa.int64()),
        ("source_kind", pa.string()), ("statement_id", pa.int64()),
    ])


def quotes_rows(store: Store) -> Iterator[dict]:
    sql = f"""SELECT q.*, d.source, d.publisher, d.published, p.name AS speaker, sq.statement_id
              FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN people p ON p.id = q.speaker_id
              LEFT JOIN statement_quotes sq ON sq.quote_id = q.id
              ORDER BY {BY_MONTH.format('d.published')}, d.source, q.document_id, q.start, q.id"""
    fields = [name for name in quotes_schema().names if name != "published"]
    for r in store.query(sql):
        yield {**{name: r[name] for name in fields}, "published": day(r["published"])}


# -- copies ---------------------------------------------------------------------------------------

def copies_schema():
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("original_start", pa.int64()),
                      ("original_end", pa.int64())])
    return pa.schema([
        ("id", pa.int64()), ("document_id", pa.string()), ("source", pa.string()), ("published", pa.date32()),
        ("original_id", pa.string()), ("original", pa.string()), ("original_published", pa.date32()),
        ("kind", pa.string()), ("similarity", pa.float64()), ("direction", pa.string()), ("spans", pa.list_(span)),
    ])


def copies_rows(store: Store) -> Iterator[dict]:
    sql = f"""SELECT c.*, cd.source, cd.published, od.source AS original, od.published AS original_published
              FROM copies c JOIN documents cd ON cd.id = c.document_id JOIN documents od ON od.id = c.original_id
              ORDER BY {BY_MONTH.format('cd.published')}, cd.source, od.source, c.id"""
    for r in store.query(sql):
        yield {
            "id": r["id"], "document_id": r["document_id"], "source": r["source"], "published": day(r["published"]),
            "original_id": r["original_id"], "original": r["original"],
            "original_published": day(r["original_published"]), "kind": r["kind"],
            "similarity": r["similarity"], "direction": r["direction"],
            "spans": [{"start": a, "end": b, "original_start": c, "original_end": d}
                      for a, b, c, d in json.loads(r["spans"])],
        }


# -- events ---------------------------------------------------------------------------------------

def events_schema():
    import pyarrow as pa

    actor = pa.list_(pa.struct([("name", pa.string()), ("country", pa.string()), ("sector", pa.string())]))
    evidence = pa.list_(pa.struct([
        ("document", pa.string()), ("source", pa.string()), ("url", pa.string()), ("publisher", pa.string()),
        ("published", pa.date32()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
        ("trigger_start", pa.int64()), ("trigger_end", pa.int64()), ("trigger", pa.string()),
        ("date", pa.string()), ("date_source", pa.string()), ("location", pa.string()), ("statement", pa.bool_()),
    ]))
    return pa.schema([
        ("id", pa.int64()), ("type", pa.string()), ("mode", pa.string()), ("context", pa.list_(pa.string())),
        ("actor", actor), ("recipient", actor), ("date", pa.string()), ("date_precision", pa.string()),
        ("date_first", pa.date32()), ("date_last", pa.date32()), ("published", pa.date32()),
        ("negated", pa.bool_()), ("future", pa.bool_()), ("hypothetical", pa.bool_()), ("historical", pa.bool_()),
        ("evidence", evidence), ("reports", pa.int64()), ("publishers", pa.int64()), ("sources", pa.int64()),
        ("score", pa.float64()),
    ])


# An event's publication date: its first report's (the earliest published document reporting it).
_FIRST_PUBLISHED = ("(SELECT MIN(d.published) FROM event_reports r JOIN documents d ON d.id = r.document_id "
                    "WHERE r.event_id = e.id)")


def _event_filters(store: Store, actor=None, recipient=None, type=None, date_from=None,
                   date_to=None) -> tuple[list[str], list]:
    """The WHERE clauses of `newsgraph events`' filters (checked here: a bad one raises before writing)."""
    from ..query.events import select_where
    from ..query.filters import event_types, overlapping

    where, params = select_where(store, actor=actor, recipient=recipient, types=event_types(type))
    overlapping(where, params, "e.date_first", "e.date_last", date_from, date_to)
    return where, params


def events_rows(store: Store, limit: int | None = None, **filters) -> Iterator[dict]:
    """The events ``filters`` keep (as `newsgraph events` takes them), by month of first publication."""
    from ..query.filters import finish

    where, params = _event_filters(store, **filters)
    sql = finish(f"SELECT e.*, {_FIRST_PUBLISHED} AS first_published FROM events e", where,
                 f"ORDER BY {BY_MONTH.format('first_published')}, e.date_first IS NULL, e.date_first, e.id",
                 limit, params)
    return _events(store, store.query(sql, tuple(params)))  # filters checked now, rows read lazily


def _events(store: Store, rows) -> Iterator[dict]:
    from ..query.events import complete

    held: dict[int, tuple] = {}  # the columns complete() drops, for the events of the page in hand

    def tap():
        for r in rows:
            held[r["id"]] = (r["date_first"], r["date_last"], r["first_published"])
            yield r

    for event in complete(store, tap()):
        first, last, published = held.pop(event["id"])
        evidence = [{**{k: e[k] for k in ("document", "source", "url", "publisher", "start", "end", "text",
                                          "trigger_start", "trigger_end", "trigger", "date", "date_source",
                                          "location", "statement")}, "published": day(e["published"])}
                    for e in event["evidence"]]
        yield {**event, "evidence": evidence, "date_first": day(first), "date_last": day(last),
               "published": day(published)}


def events_count(store: Store, limit: int | None = None, **filters) -> int:
    where, params = _event_filters(store, **filters)
    sql = "SELECT COUNT(*) FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
    found = store.db.execute(sql, tuple(params)).fetchone()[0]
    return min(found, limit) if limit else found


TABLES: dict[str, Table] = {
    "documents": Table(documents_schema, documents_rows, _count("documents"), month_of("published")),
    "quotes": Table(quotes_schema, quotes_rows, _count("quotes"), month_of("published")),
    "events": Table(events_schema, events_rows, events_count, month_of("published")),
    "copies": Table(copies_schema, copies_rows, _count("copies"), month_of("published")),
}
