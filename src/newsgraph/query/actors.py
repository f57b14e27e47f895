"""Actors as events code them, with how often each acts and is acted upon."""
from __future__ import annotations

from typing import Iterator

from ..store.sqlite import Store
from .filters import actor_ids, as_json, finish


def actors(store: Store, country: str | None = None, sector: str | None = None, name: str | None = None,
           limit: int | None = None) -> Iterator[dict]:
    """Contract fields: name, country, sector, type, events (real events as actor),
    as_recipient (as recipient). Most active first; actors in no event are left out.
    ``name`` is any actor spec (a name part, a country code or COUNTRY:SECTOR)."""
    where, params = [], []
    if country:
        where.append("a.country = ?")
        params.append(country.strip().upper())
    if sector:
        where.append("a.sector = ?")
        params.append(sector.strip().upper())
    if name:
        where.append("a.id IN (SELECT value FROM json_each(?))")
        params.append(as_json(actor_ids(store, name)))
    sql = """SELECT a.*, SUM(ea.role = 'actor') AS events, SUM(ea.role = 'recipient') AS as_recipient
             FROM actors a JOIN event_actors ea ON ea.actor_id = a.id"""
    sql = finish(sql, where, "GROUP BY a.id ORDER BY events + as_recipient DESC, events DESC, a.name, a.country, "
                 "a.sector", limit, params)
    for row in store.query(sql, tuple(params)):
        yield {
            "name": row["name"],
            "country": row["country"] or None,
            "sector": row["sector"] or None,
            "type": row["type"],
            "events": row["events"],
            "as_recipient": row["as_recipient"],
        }

