"""Filters the event, actor and relation queries share: actor specs, dates, types.

An actor spec is what a user types for an actor: part of a name ("petrov",
case and accents ignored), a country code ("RUS") or country and sector
("RUS:GOV", either side may be left empty). It resolves to the ids of the
stored actors it matches, so event queries join on an index, never scan.
"""
from __future__ import annotations

import json
import re

from ..errors import E, NewsgraphError
from ..link.events import window_of
from ..link.names import fold
from ..ontology.plover import TYPES
from ..store.sqlite import Store


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def actor_ids(store: Store, spec: str) -> list[int]:
    """Ids of the actors ``spec`` names (see the module docstring)."""
    spec = spec.strip()
    if ":" in spec:
        country, _, sector = (p.strip().upper() for p in spec.partition(":"))
        sql, params = "SELECT id FROM actors WHERE (? = '' OR country = ?) AND (? = '' OR sector = ?)", \
            (country, country, sector, sector)
        return [r[0] for r in store.query(sql, params)]
    wanted = fold(spec)
    code = spec.upper()
    found = []
    for row in store.query("SELECT id, name, country FROM actors"):
        if row["country"] == code or (wanted and wanted in fold(row["name"])):
            found.append(row["id"])
    return found


def events_with(role: str) -> str:
    """SQL: event ids having, in ``role``, one of the actor ids in a JSON list parameter."""
    return ("SELECT event_id FROM event_actors WHERE role = '" + role + "' AND actor_id IN "
            "(SELECT value FROM json_each(?))")


def finish(sql: str, where: list[str], order: str, limit: int | None, params: list) -> str:
    """``sql`` with its WHERE clauses, ORDER BY and LIMIT (appending the limit to ``params``)."""
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " " + order
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return sql


def as_json(ids: list[int]) -> str:
    return json.dumps(ids)


def date_bound(value: str | None, option: str, end: bool = False) -> str | None:
    """The first (or, with ``end``, last) day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    if value is None:
        return None
    window = window_of(value.strip()) if _DATE.fullmatch(value.strip()) else None
    if window is None:
        raise NewsgraphError(E.BAD_DATE, option=option, value=value)
    return window[1] if end else window[0]


def overlapping(where: list[str], params: list, first: str, last: str, date_from: str | None,
                date_to: str | None, options: tuple[str, str] = ("--from", "--to")) -> None:
    """Add the clauses keeping rows whose [``first``, ``last``] columns overlap [date_from, date_to];
    ``options`` name the two values in the error a bad one raises."""
    low, high = date_bound(date_from, options[0]), date_bound(date_to, options[1], end=True)
    if low:
        where.append(f"{last} >= ?")
        params.append(low)
    if high:
        where.append(f"{first} <= ?")
        params.append(high)


def choices(value: str | None, allowed: tuple[str, ...], case, error: E, listed: str) -> list[str]:
    """The items of a comma list, put in ``case`` (str.upper, str.lower) and each checked against
    ``allowed``; an unknown one raises ``error`` naming it and listing ``allowed`` as ``listed``."""
    if not value:
        return []
    items = [case(v.strip()) for v in value.split(",") if v.strip()]
    for item in items:
        if item not in allowed:
            raise NewsgraphError(error, value=item, **{listed: ", ".join(allowed)})
    return items


def event_types(value: str | None) -> list[str]:
    """The PLOVER types in a comma list, upper-cased and checked."""
    return choices(value, TYPES, str.upper, E.BAD_EVENT_TYPE, "types")
