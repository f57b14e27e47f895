"""Stories (documents about one thing), the copies between documents, and statements."""
from __future__ import annotations

import json
from typing import Optional

from fastapi import APIRouter, Depends, Path, Query

from ..query.copies import PAIRS, copy_kinds, pair
from ..store.sqlite import Store
from . import models
from .deps import documents_from, not_found, store
from .documents import summaries
from .pages import MAX_ID, Paging, page, paging, total, where_sql

router = APIRouter(tags=["stories"])


# The columns shown: never the centroid vector, which would be carried through every sort.
STORY = "s.id, s.label, s.title, s.actors, s.documents, s.first, s.last"


def story(row) -> dict:
    return {"id": row["id"], "label": row["label"], "title": row["title"], "actors": json.loads(row["actors"]),
            "documents": row["documents"], "first": row["first"], "last": row["last"]}


@router.get("/api/stories", response_model=models.Page[models.Story], summary="Stories, largest first")
def list_stories(source: Optional[str] = Query(None, description="Stories with a document from this source path."),
                 paging: Paging = Depends(paging), db: Store = Depends(store)):
    where, params = [], []
    if source:
        where.append("s.id IN (SELECT story_id FROM story_documents WHERE document_id IN "
                     "(SELECT value FROM json_each(?)))")
        params.append(documents_from(db, source))
    found = total(db, "stories s", where, params)
    rows = db.query(f"SELECT {STORY} FROM stories s" + where_sql(where)
                    + " ORDER BY s.documents DESC, s.last IS NULL, s.last DESC, s.id LIMIT ? OFFSET ?",
                    (*params, paging.limit, paging.offset))
    return page(found, paging, [story(r) for r in rows])


@router.get("/api/stories/{story_id}", response_model=models.StoryDetail,
            summary="One story: its documents, publishers and which document copies which")
def get_story(story_id: int = Path(..., ge=0, le=MAX_ID), db: Store = Depends(store)):
    from ..cluster.corroboration import copy_groups

    row = db.db.execute(f"SELECT {STORY} FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
    if row is None:
        raise not_found("stories", story_id)
    members = summaries(db, ["d.id IN (SELECT document_id FROM story_documents WHERE story_id = ?)"], [story_id])
    members.sort(key=lambda d: (d["published"] is None, d["published"] or "", d["source"]))
    ids = json.dumps([d["id"] for d in members])
    pairs = [pair(r) for r in db.query(
        PAIRS + " WHERE c.document_id IN (SELECT value FROM json_each(?)) OR c.original_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY o_doc.source, c_doc.source", (ids, ids))]
    countries = [r["name"] for r in db.query(
        "SELECT name FROM story_entities WHERE story_id = ? AND key LIKE 'c:%' ORDER BY documents DESC, name",
        (story_id,))]
    groups = copy_groups(db, [d["id"] for d in members])
    return {**story(row), "countries": countries, "independent": len({groups[d["id"]] for d in members}),
            "members": members, "copies": pairs,
            "publishers": sorted({d["publisher"] for d in members if d["publisher"]})}


@router.get("/api/copies", response_model=models.Page[models.CopyPair],
            summary="Which documents copy which, how, and why that one is the original")
def list_copies(kind: Optional[str] = Query(None, description="exact, near, partial, spun, translated (comma list)."),
                source: Optional[str] = Query(None, description="Part of either side's source path."),
                document: Optional[str] = Query(None, description="Pairs with this document on either side."),
                paging: Paging = Depends(paging), db: Store = Depends(store)):
    where, params = [], []
    kinds = copy_kinds(kind)
    if kinds:
        where.append(f"c.kind IN ({','.join('?' * len(kinds))})")
        params += kinds
    if source:
        where.append("(c.document_id IN (SELECT value FROM json_each(?)) OR "
                     "c.original_id IN (SELECT value FROM json_each(?)))")
        params += [documents_from(db, source)] * 2
    if document:
        where.append("(c.document_id = ? OR c.original_id = ?)")
        params += [document] * 2
    rows = db.query(PAIRS + where_sql(where) + " ORDER BY c.id DESC LIMIT ? OFFSET ?",
                    (*params, paging.limit, paging.offset))
    return page(total(db, "copies c", where, params), paging, [pair(r) for r in rows])


@router.get("/api/statements", response_model=models.Page[models.Statement],
            summary="One speaker's quotations that say the same thing, with independent sources")
def list_statements(speaker_id: Optional[int] = Query(None, ge=0, le=MAX_ID, description="The speaker's id (from /api/people)."),
                    min_sources: int = Query(1, ge=1, le=10_000, description="Independent sources at least."),
                    paging: Paging = Depends(paging), db: Store = Depends(store)):
    where, params = ["s.sources >= ?"], [min_sources]
    if speaker_id is not None:
        where.append("s.speaker_id = ?")
        params.append(speaker_id)
    found = total(db, "statements s", where, params)
    rows = list(db.query("SELECT s.*, p.name AS speaker FROM statements s LEFT JOIN people p ON p.id = s.speaker_id"
                         + where_sql(where) + " ORDER BY s.sources DESC, s.reports DESC, s.id LIMIT ? OFFSET ?",
                         (*params, paging.limit, paging.offset)))
    quotes: dict[int, list] = {}
    for q in db.query(
        """SELECT sq.statement_id, q.id, q.document_id, d.source, q.start, q.end, q.text, d.publisher, d.published
           FROM statement_quotes sq JOIN quotes q ON q.id = sq.quote_id JOIN documents d ON d.id = q.document_id
           WHERE sq.statement_id IN (SELECT value FROM json_each(?)) ORDER BY d.published, d.source""",
            (json.dumps([r["id"] for r in rows]),)):
        quotes.setdefault(q["statement_id"], []).append({k: q[k] for k in (
            "id", "document_id", "source", "start", "end", "text", "publisher", "published")})
    return page(found, paging, [
        {"id": r["id"], "speaker": r["speaker"], "speaker_id": r["speaker_id"], "text": r["text"],
         "reports": r["reports"], "sources": r["sources"], "quotes": quotes.get(r["id"], [])} for r in rows])
