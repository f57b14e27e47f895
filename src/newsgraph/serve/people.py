"""People and quotations: who is quoted, how often, and every quotation with its offsets."""
from __future__ import annotations

import json
from typing import Literal, Optional

from fastapi import APIRouter, Depends, Path, Query

from ..link.names import fold
from ..store.sqlite import Store
from . import models
from .deps import documents_from, not_found, store
from .documents import quote_rows
from .pages import LIKE, MAX_ID, Paging, containing, page, paging, total, where_sql
from .search import fts_query

router = APIRouter(tags=["people"])

PERSON = """SELECT p.*, (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = p.id) AS quote_count,
       (SELECT COUNT(*) FROM person_documents pd WHERE pd.person_id = p.id) AS documents
FROM people p"""


def person(row) -> dict:
    keys = row.keys()
    return {"id": row["id"], "name": row["name"], "type": row["type"], "aliases": json.loads(row["aliases"]),
            "roles": json.loads(row["roles"]), "country": row["country"],
            "party": row["party"] if "party" in keys else None, "office": row["office"] if "office" in keys else None,
            "gender": row["gender"] if "gender" in keys else None, "quote_count": row["quote_count"],
            "documents": row["documents"]}


def person_sources(db: Store, person_id: int) -> list[dict]:
    """The documents naming a person, oldest first, with the name, roles, country, party and office each used."""
    rows = db.db.execute(
        """SELECT pd.*, d.source, d.title, d.publisher, d.published FROM person_documents pd
           JOIN documents d ON d.id = pd.document_id WHERE pd.person_id = ?
           ORDER BY d.published IS NULL, d.published, d.source""", (person_id,)).fetchall()
    return [{"document_id": r["document_id"], "source": r["source"], "title": r["title"], "publisher": r["publisher"],
             "published": r["published"], "name": r["name"], "roles": json.loads(r["roles"]), "country": r["country"],
             "party": r["party"], "office": r["office"]} for r in rows]


def _name_filter(name: str | None, where: list[str], params: list, alias: str = "p") -> None:
    """Canonical name or any alias containing ``name`` (case-insensitive), or a surname or
    organisation key the linker made containing its folded form (so "Sokolov" finds "Sokolóv")."""
    if name:
        where.append(f"({alias}.name {LIKE} OR {alias}.aliases {LIKE} OR {alias}.id IN "
                     f"(SELECT person_id FROM person_keys WHERE key {LIKE}))")
        params += [containing(name)] * 2 + [containing(fold(name) or name)]


@router.get("/api/people", response_model=models.Page[models.Person], summary="People, most quoted first")
def list_people(name: Optional[str] = Query(None, description="Part of the canonical name or of an alias."),
                country: Optional[str] = Query(None, description="ISO 3166 alpha-3 country code."),
                quoted: bool = Query(False, description="Only people with at least one quotation."),
                paging: Paging = Depends(paging), db: Store = Depends(store)):
    where, params = [], []
    _name_filter(name, where, params)
    if country:
        where.append("p.country = ?")
        params.append(country.upper())
    if quoted:
        where.append("EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = p.id)")
    found = total(db, "people p", where, params)
    rows = db.query(PERSON + where_sql(where) + " ORDER BY quote_count DESC, p.name LIMIT ? OFFSET ?",
                    (*params, paging.limit, paging.offset))
    return page(found, paging, [person(r) for r in rows])


@router.get("/api/people/{person_id}", response_model=models.PersonDetail,
            summary="One person with all their quotations")
def get_person(person_id: int = Path(..., ge=0, le=MAX_ID), db: Store = Depends(store)):
    row = db.db.execute(PERSON + " WHERE p.id = ?", (person_id,)).fetchone()
    if row is None:
        raise not_found("people", person_id)
    return {**person(row), "sources": person_sources(db, person_id),
            "quotes": quote_rows(db, ["q.speaker_id = ?"], [person_id],
                                 order="d.published IS NULL, d.published, d.source, q.start")}


@router.get("/api/quotes", response_model=models.Page[models.Quote], summary="Quotations with speakers and offsets")
def list_quotes(speaker: Optional[str] = Query(None, description="Part of the speaker's name or of an alias."),
                speaker_id: Optional[int] = Query(None, ge=0, le=MAX_ID, description="The speaker's id (from /api/people)."),
                document: Optional[str] = Query(None, description="Only this document's quotations."),
                source: Optional[str] = Query(None, description="Part of the source path."),
                kind: Optional[Literal["direct", "indirect", "mixed"]] = Query(None),
                q: Optional[str] = Query(None, description="Words the quotation must contain (full-text search)."),
                paging: Paging = Depends(paging), db: Store = Depends(store)):
    where, params = [], []
    if speaker:
        named: list[str] = []
        _name_filter(speaker, named, params)
        where.append(f"q.speaker_id IN (SELECT p.id FROM people p WHERE {named[0]})")
    if speaker_id is not None:
        where.append("q.speaker_id = ?")
        params.append(speaker_id)
    if document:
        where.append("q.document_id = ?")
        params.append(document)
    if source:
        where.append("q.document_id IN (SELECT value FROM json_each(?))")
        params.append(documents_from(db, source))
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    if q:
        fts = fts_query(q)
        if fts is None:
            return page(0, paging, [])
        where.append("q.id IN (SELECT rowid FROM search_quotes WHERE search_quotes MATCH ?)")
        params.append(fts)
    found = total(db, "quotes q", where, params)
    return page(found, paging, quote_rows(db, where, params, paging))
