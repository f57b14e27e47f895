"""Events, actors, the actor network and the relation between two actors."""
from __future__ import annotations

import json
from typing import Literal, Optional

from fastapi import APIRouter, Depends, Query

from ..ontology.plover import quad
from ..query import relations as relation_events
from ..query import series
from ..query.events import complete, select_where
from ..query.filters import date_bound, event_types, overlapping
from ..store.sqlite import Store
from . import models
from .deps import documents_from, store
from .pages import LIKE, Paging, containing, page, paging, total, where_sql

router = APIRouter(tags=["events"])

ACTOR_HELP = "Part of a name, a country code (RUS) or COUNTRY:SECTOR (RUS:GOV, :MIL)."


def _window(where: list[str], params: list, date_from: str | None, date_to: str | None) -> None:
    overlapping(where, params, "e.date_first", "e.date_last", date_from, date_to, ("date_from", "date_to"))


def with_quad(event: dict, windows: dict[int, tuple]) -> dict:
    first, last = windows.get(event["id"], (None, None))
    return {**event, "quad": quad(event["type"]), "date_first": first, "date_last": last}


@router.get("/api/events", response_model=models.Page[models.Event],
            summary="PLOVER events with their evidence, in date order")
def list_events(actor: Optional[str] = Query(None, description=ACTOR_HELP),
                recipient: Optional[str] = Query(None, description=ACTOR_HELP),
                type: Optional[str] = Query(None, description="PLOVER types, comma-separated (CONSULT,AGREE)."),
                date_from: Optional[str] = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
                date_to: Optional[str] = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
                source: Optional[str] = Query(None, description="Part of a reporting document's source path."),
                document: Optional[str] = Query(None, description="Only events this document reports."),
                paging: Paging = Depends(paging), db: Store = Depends(store)):
    where, params = select_where(db, actor=actor, recipient=recipient, types=event_types(type))
    _window(where, params, date_from, date_to)
    if source:
        where.append("e.id IN (SELECT event_id FROM event_reports WHERE document_id IN "
                     "(SELECT value FROM json_each(?)))")
        params.append(documents_from(db, source))
    if document:
        where.append("e.id IN (SELECT event_id FROM event_reports WHERE document_id = ?)")
        params.append(document)
    found = total(db, "events e", where, params)
    rows = list(db.query("SELECT e.* FROM events e" + where_sql(where)
                         + " ORDER BY e.date_first IS NULL, e.date_first, e.date_last, e.id LIMIT ? OFFSET ?",
                         (*params, paging.limit, paging.offset)))
    windows = {r["id"]: (r["date_first"], r["date_last"]) for r in rows}
    return page(found, paging, [with_quad(e, windows) for e in complete(db, rows)])


@router.get("/api/actors", response_model=models.Page[models.Actor], summary="Coded actors, most active first")
def list_actors(name: Optional[str] = Query(None, description="Part of the actor's name."),
                country: Optional[str] = Query(None, description="Country or non-state code (RUS, IGO)."),
                sector: Optional[str] = Query(None, description="Sector code (GOV, MIL, REB, ...)."),
                paging: Paging = Depends(paging), db: Store = Depends(store)):
    where, params = [], []
    if name:
        where.append(f"a.name {LIKE}")
        params.append(containing(name))
    if country:
        where.append("a.country = ?")
        params.append(country.upper())
    if sector:
        where.append("a.sector = ?")
        params.append(sector.upper())
    found = total(db, "actors a", where, params)
    rows = db.query(
        """SELECT a.*, (SELECT COUNT(*) FROM event_actors ea WHERE ea.actor_id = a.id AND ea.role = 'actor') AS events,
                  (SELECT COUNT(*) FROM event_actors ea WHERE ea.actor_id = a.id AND ea.role = 'recipient')
                  AS as_recipient FROM actors a""" + where_sql(where)
        + " ORDER BY events + as_recipient DESC, a.name LIMIT ? OFFSET ?", (*params, paging.limit, paging.offset))
    return page(found, paging, [
        {"id": r["id"], "name": r["name"], "country": r["country"] or None, "sector": r["sector"] or None,
         "type": r["type"], "events": r["events"], "as_recipient": r["as_recipient"]} for r in rows])


@router.get("/api/network", response_model=models.Network,
            summary="Who acts on whom: actors as nodes, actor-to-recipient event counts as edges")
def network(type: Optional[str] = Query(None, description="PLOVER types, comma-separated."),
            date_from: Optional[str] = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
            date_to: Optional[str] = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
            edges: int = Query(150, ge=1, le=2000, description="Keep the busiest edges only."),
            db: Store = Depends(store)):
    """Negated and hypothetical events are left out: they did not happen."""
    where, params = select_where(db, types=event_types(type))
    _window(where, params, date_from, date_to)
    where += ["e.negated = 0", "e.hypothetical = 0"]
    rows = list(db.query(
        """SELECT a.actor_id AS source, r.actor_id AS target, e.type, COUNT(*) AS n, SUM(e.score) AS total
           FROM events e JOIN event_actors a ON a.event_id = e.id AND a.role = 'actor'
           JOIN event_actors r ON r.event_id = e.id AND r.role = 'recipient'""" + where_sql(where)
        + " GROUP BY a.actor_id, r.actor_id, e.type", tuple(params)))
    pairs: dict[tuple[int, int], dict] = {}
    for r in rows:
        edge = pairs.setdefault((r["source"], r["target"]), {
            "source": r["source"], "target": r["target"], "events": 0, "cooperation": 0, "conflict": 0, "_sum": 0.0})
        edge["events"] += r["n"]
        edge["_sum"] += r["total"] or 0.0
        edge["cooperation" if quad(r["type"]) in (1, 2) else "conflict"] += r["n"]
    kept = sorted(pairs.values(), key=lambda e: (-e["events"], e["source"], e["target"]))[:edges]
    for edge in kept:
        edge["mean_score"] = round(edge.pop("_sum") / edge["events"], 3)
    ids = sorted({e["source"] for e in kept} | {e["target"] for e in kept})
    nodes = [{"id": r["id"], "name": r["name"], "country": r["country"] or None, "sector": r["sector"] or None,
              "events": sum(e["events"] for e in kept if r["id"] in (e["source"], e["target"]))}
             for r in db.query("SELECT * FROM actors WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name",
                               (json.dumps(ids),))]
    return {"nodes": nodes, "edges": kept}


@router.get("/api/relations", response_model=models.Relation,
            summary="The relation between two actors: a weekly or monthly series and a page of their events")
def relation(a: str = Query(..., min_length=1, max_length=200, description=ACTOR_HELP),
             b: str = Query(..., min_length=1, max_length=200, description=ACTOR_HELP),
             by: Literal["week", "month"] = Query("month"),
             date_from: Optional[str] = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
             date_to: Optional[str] = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
             paging: Paging = Depends(paging), db: Store = Depends(store)):
    """The series counts every event of the pair; ``events`` is the page asked for, in time order."""
    date_bound(date_from, "date_from"), date_bound(date_to, "date_to", end=True)  # bad dates named as asked
    found = list(relation_events(db, a, b, date_from=date_from, date_to=date_to, evidence=False))
    figures = series(found, by=by)
    shown = found[paging.offset:paging.offset + paging.limit]
    evidence = {e["id"]: e["evidence"] for e in complete(
        db, db.query("SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?))",
                     (json.dumps([e["id"] for e in shown]),)))}
    periods = [{k: p[k] for k in ("period", "count", "mean_score", "sum_score", "cooperation", "conflict")}
               for p in figures.periods]
    return {"a": a, "b": b, "by": by, "total": len(found), "offset": paging.offset,
            "events": [{**e, "evidence": evidence.get(e["id"], [])} for e in shown],
            "series": periods, "unplaced": figures.unplaced, "left_out": figures.left_out}
