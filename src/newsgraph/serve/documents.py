"""Documents: the list with metadata and counts, and one document whole (raw text, ranges, evidence)."""
from __future__ import annotations

import json
from typing import Optional

from fastapi import APIRouter, Depends, Query

from ..query.documents import CURRENT
from ..query.filters import overlapping
from ..store.sqlite import Store
from . import models
from .deps import not_found, require_writable, store
from .pages import LIKE, MAX_ID, Paging, containing, page, paging, total, where_sql
from .search import documents_matching

router = APIRouter(tags=["documents"])

SUMMARY = """SELECT d.id, d.source, d.url, d.title, d.author, d.publisher, d.published, d.published_from,
       d.published_to, d.language, d.flags, length(d.text) AS characters, d.version_of,
       (SELECT n.id FROM documents n WHERE n.version_of = d.id) AS superseded_by,
       (SELECT COUNT(*) FROM quotes q WHERE q.document_id = d.id) AS quotes,
       (SELECT COUNT(*) FROM event_reports r WHERE r.document_id = d.id) AS events,
       (SELECT sd.story_id FROM story_documents sd WHERE sd.document_id = d.id) AS story,
       (SELECT json_group_array(json_object('document_id', c.original_id, 'source', o.source, 'kind', c.kind,
               'similarity', c.similarity))
        FROM copies c JOIN documents o ON o.id = c.original_id WHERE c.document_id = d.id) AS copy_of
FROM documents d"""
ORDER = " ORDER BY d.published DESC, d.source"  # NULLs sort last under DESC; the documents_listing index


def summary(row) -> dict:
    return {
        **{k: row[k] for k in ("id", "source", "url", "title", "author", "publisher", "published",
                               "published_from", "published_to", "language", "characters", "quotes",
                               "events", "story", "version_of", "superseded_by")},
        "current": row["superseded_by"] is None,
        "flags": json.loads(row["flags"]),
        "copy_of": json.loads(row["copy_of"] or "[]"),
    }


def summaries(store: Store, where: list[str], params: list, paging: Paging | None = None) -> list[dict]:
    """Summaries of the matching documents (a page of them): the page's ids are chosen first, so
    the counts are computed for the rows shown, not for every row the sort passes."""
    ids = "SELECT d.id FROM documents d" + where_sql(where) + ORDER
    if paging:
        ids += " LIMIT ? OFFSET ?"
        params = [*params, paging.limit, paging.offset]
    sql = f"WITH chosen AS ({ids}) " + SUMMARY + " WHERE d.id IN (SELECT id FROM chosen)" + ORDER
    return [summary(r) for r in store.query(sql, tuple(params))]


def quote_rows(store: Store, where: list[str], params: list, paging: Paging | None = None,
               order: str = "q.id") -> list[dict]:
    """Quotations in their API shape; ``where`` on aliases q (quotes), d (documents), p (people)."""
    tables = "FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN people p ON p.id = q.speaker_id"
    ids = f"SELECT q.id {tables}" + where_sql(where) + f" ORDER BY {order}"
    if paging:  # the page's ids first: the other columns are read for the rows shown only
        ids += " LIMIT ? OFFSET ?"
        params = [*params, paging.limit, paging.offset]
    sql = f"""WITH chosen AS ({ids})
              SELECT q.*, d.source, d.title, d.publisher, d.published, p.name AS speaker_name,
                     (SELECT statement_id FROM statement_quotes sq WHERE sq.quote_id = q.id) AS statement
              {tables} WHERE q.id IN (SELECT id FROM chosen) ORDER BY {order}"""
    return [quote(r) for r in store.query(sql, tuple(params))]


def quote(row) -> dict:
    keys = ("id", "document_id", "source", "title", "publisher", "published", "start", "end", "text", "kind",
            "cue", "cue_start", "cue_end", "speaker_id", "speaker_mention", "speaker_start", "speaker_end",
            "source_kind", "statement")
    return {**{k: row[k] for k in keys}, "speaker": row["speaker_name"]}


@router.get("/api/documents", response_model=models.Page[models.DocumentSummary],
            summary="Documents, newest first")
def list_documents(
    source: Optional[str] = Query(None, description="Part of the source path."),
    publisher: Optional[str] = Query(None, description="The publisher, exactly."),
    story: Optional[int] = Query(None, ge=0, le=MAX_ID, description="Only documents of this story."),
    date_from: Optional[str] = Query(None, description="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD."),
    date_to: Optional[str] = Query(None, description="Published on or before: YYYY, YYYY-MM or YYYY-MM-DD."),
    q: Optional[str] = Query(None, description="Words the title or kept body must contain (full-text search)."),
    current: Optional[bool] = Query(None, description="true: only current versions; false: only superseded ones."),
    paging: Paging = Depends(paging), db: Store = Depends(store),
):
    where, params = [], []
    if current is not None:
        where.append(CURRENT if current else f"NOT {CURRENT}")
    if source:
        where.append(f"d.source {LIKE}")
        params.append(containing(source))
    if publisher:
        where.append("d.publisher = ?")
        params.append(publisher)
    if story is not None:
        where.append("d.id IN (SELECT document_id FROM story_documents WHERE story_id = ?)")
        params.append(story)
    overlapping(where, params, "d.published", "d.published", date_from, date_to, ("date_from", "date_to"))
    if q:  # "+": tested row by row while the listing index gives the order, not looked up id by id
        where.append("+d.id IN (SELECT value FROM json_each(?))")
        params.append(documents_matching(db, q))
    return page(total(db, "documents d", where, params), paging, summaries(db, where, params, paging))


@router.get("/api/documents/{document_id}", response_model=models.Document,
            summary="One document: raw text, kept and removed ranges, its quotations, events and copies")
def get_document(document_id: str, db: Store = Depends(store)):
    found = summaries(db, ["d.id = ?"], [document_id])
    if not found:
        raise not_found("document", document_id)
    row = db.db.execute("SELECT text, kept, removed FROM documents WHERE id = ?", (document_id,)).fetchone()
    copied_by = [
        {"document_id": r["document_id"], "source": r["source"], "kind": r["kind"], "similarity": r["similarity"]}
        for r in db.query("""SELECT c.document_id, d.source, c.kind, c.similarity FROM copies c
                             JOIN documents d ON d.id = c.document_id WHERE c.original_id = ?
                             ORDER BY d.source""", (document_id,))]
    reports = []
    for r in db.query("""SELECT r.*, e.type FROM event_reports r JOIN events e ON e.id = r.event_id
                         WHERE r.document_id = ? ORDER BY r.sentence_start, r.id""", (document_id,)):
        reports.append({
            "event_id": r["event_id"], "type": r["type"], "start": r["sentence_start"], "end": r["sentence_end"],
            "trigger_start": r["trigger_start"], "trigger_end": r["trigger_end"], "trigger": r["trigger"],
            "text": r["text"], "actors": _who(json.loads(r["actors"] or "[]"), r["type"]),
        })
    return {
        **found[0],
        "text": row["text"],
        "kept": json.loads(row["kept"]),
        "removed": json.loads(row["removed"]),
        "copied_by": copied_by,
        "quotations": quote_rows(db, ["q.document_id = ?"], [document_id], order="q.start"),
        "event_reports": reports,
    }


def _who(mentions, type_: str) -> str:
    """'Kenya CONSULT Tanzania' from a report's stored mentions ([role, words, start, end] each)."""
    names: dict[str, list[str]] = {"actor": [], "recipient": []}
    for m in mentions if isinstance(mentions, list) else []:
        if isinstance(m, list) and len(m) >= 2 and m[0] in names:
            names[m[0]].append(str(m[1]))
    left = ", ".join(names["actor"]) or "?"
    return f"{left} {type_} {', '.join(names['recipient'])}".strip()


@router.delete("/api/documents/{document_id}", status_code=204, responses={403: {"model": models.Problem}},
               summary="Remove a document and all derived from it (only on a server started --writable)")
def delete_document(document_id: str, db: Store = Depends(store), _: None = Depends(require_writable)):
    if not db.delete_document(document_id):
        raise not_found("document", document_id)
