"""The relation between two actors: their events in time order and a weekly or monthly series.

Direction is from the coding: 'A->B' when A acts on B, 'B->A' the other way,
'A+B' when both act together (joint exercises, a joint statement). The series
sums PLOVER's cooperation/conflict scores per period; events that did not
happen (negated) or might not (hypothetical) are listed but left out of it, and
so are events whose date is coarser than the period (a year-dated event has no
month), which are counted as ``unplaced``. An event goes in the period of its
date (see ``place``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterator

from ..ontology.plover import quad
from ..store.sqlite import Store
from .filters import actor_ids, as_json, date_bound

PERIODS = ("week", "month")


def _roles(store: Store, event_ids: list[int]) -> dict[int, dict[str, set[int]]]:
    roles: dict[int, dict[str, set[int]]] = defaultdict(lambda: {"actor": set(), "recipient": set()})
    for r in store.query("SELECT event_id, actor_id, role FROM event_actors "
                         "WHERE event_id IN (SELECT value FROM json_each(?))", (as_json(event_ids),)):
        roles[r["event_id"]][r["role"]].add(r["actor_id"])
    return roles


def _direction(roles: dict[str, set[int]], a: set[int], b: set[int]) -> str | None:
    actors, recipients = roles["actor"], roles["recipient"]
    if actors & a and recipients & b:
        return "A->B"
    if actors & b and recipients & a:
        return "B->A"
    if actors & a and actors & b and len(actors & (a | b)) > 1:
        return "A+B"
    return None


def relations(store: Store, a: str, b: str, date_from: str | None = None, date_to: str | None = None,
              limit: int | None = None, evidence: bool = True) -> Iterator[dict]:
    """Events between the actors named by specs ``a`` and ``b`` (see query.filters), in time order.

    Fields: id, date, date_precision, date_first, date_last, type, mode, quad, direction, score,
    reports, publishers, negated, future, hypothetical, historical, actor, recipient, evidence
    (an empty list when ``evidence`` is False: a series needs none)."""
    from .events import complete

    low, high = date_bound(date_from, "--from"), date_bound(date_to, "--to", end=True)
    a_ids, b_ids = set(actor_ids(store, a)), set(actor_ids(store, b))
    if not a_ids or not b_ids:
        return
    touching = "SELECT DISTINCT event_id FROM event_actors WHERE actor_id IN (SELECT value FROM json_each(?))"
    both = [r[0] for r in store.query(f"{touching} INTERSECT {touching}",
                                      (as_json(sorted(a_ids)), as_json(sorted(b_ids))))]
    roles = _roles(store, both)
    direction = {e: d for e in both if (d := _direction(roles[e], a_ids, b_ids))}
    sql = "SELECT e.* FROM events e WHERE e.id IN (SELECT value FROM json_each(?))"
    params: list = [as_json(sorted(direction))]
    if low:
        sql += " AND e.date_last >= ?"
        params.append(low)
    if high:
        sql += " AND e.date_first <= ?"
        params.append(high)
    sql += " ORDER BY e.date_first IS NULL, e.date_first, e.date_last, e.id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = list(store.query(sql, tuple(params)))
    windows = {r["id"]: (r["date_first"], r["date_last"]) for r in rows}
    for event in complete(store, rows, evidence=evidence):
        first, last = windows[event["id"]]
        yield {
            "id": event["id"], "date": event["date"], "date_precision": event["date_precision"],
            "date_first": first, "date_last": last, "type": event["type"], "mode": event["mode"],
            "quad": quad(event["type"]), "direction": direction[event["id"]], "score": event["score"],
            "reports": event["reports"], "publishers": event["publishers"], "negated": event["negated"],
            "future": event["future"], "hypothetical": event["hypothetical"], "historical": event["historical"],
            "actor": event["actor"], "recipient": event["recipient"], "evidence": event["evidence"],
        }


def period_of(first: str | None, last: str | None, by: str) -> str | None:
    """The week (YYYY-Www) or month (YYYY-MM) holding the whole window, or None."""
    if not first or not last:
        return None
    if by == "month":
        return first[:7] if first[:7] == last[:7] else None
    one, two = date.fromisoformat(first).isocalendar(), date.fromisoformat(last).isocalendar()
    return f"{one.year}-W{one.week:02d}" if one[:2] == two[:2] else None


def place(event: dict, by: str) -> str | None:
    """The period of an event: by its date when that is a day (a date taken from the
    publication day may carry a wider window, but it is the day it was reported), or
    a month for a monthly series; else by its window."""
    day, precision = event.get("date"), event.get("date_precision")
    if day and precision == "day" and len(day) == 10:
        return period_of(day, day, by)
    if day and precision == "month" and len(day) == 7:
        return day if by == "month" else None
    return period_of(event.get("date_first"), event.get("date_last"), by)


def _next(period: str, by: str) -> str:
    if by == "month":
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12}-{month % 12 + 1:02d}"
    monday = date.fromisocalendar(int(period[:4]), int(period[6:]), 1) + timedelta(days=7)
    iso = monday.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


@dataclass
class Series:
    """Per-period figures, gaps filled with zeros, and how many events had no period."""

    by: str
    periods: list[dict] = field(default_factory=list)
    unplaced: int = 0
    left_out: int = 0  # negated or hypothetical


def series(events: list[dict], by: str = "month") -> Series:
    """Per period: count, mean_score, sum_score, cooperation (quad 1-2), conflict (quad 3-4)."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {PERIODS}, not {by!r}")
    out = Series(by=by)
    buckets: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        if e["negated"] or e["hypothetical"]:
            out.left_out += 1
            continue
        period = place(e, by)
        if period is None:
            out.unplaced += 1
            continue
        buckets[period].append(e)
    if not buckets:
        return out
    period, end = min(buckets), max(buckets)
    while True:
        group = buckets.get(period, [])
        scores = [e["score"] or 0.0 for e in group]
        out.periods.append({
            "period": period,
            "count": len(group),
            "mean_score": round(sum(scores) / len(scores), 3) if scores else None,  # no events, no mean
            "sum_score": round(sum(scores, 0.0), 3),
            "cooperation": sum(1 for e in group if e["quad"] in (1, 2)),
            "conflict": sum(1 for e in group if e["quad"] in (3, 4)),
            "cooperation_score": round(sum((s for s in scores if s > 0), 0.0), 3),
            "conflict_score": round(sum((s for s in scores if s < 0), 0.0), 3),
        })
        if period == end:
            break
        period = _next(period, by)
    return out
