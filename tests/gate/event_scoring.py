"""Scoring coded events against gold events (../shared/eval/seed_events.jsonl).

A gold event is found by a real event whose type is allowed, whose actor and
recipient sides each match one of the gold's terms (an actor's name, a word of
it, or its country code), whose date lies in the gold's window, and which has
evidence in a document that reports the gold event.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path


def _side_matches(actors: list[dict], terms: list[str]) -> bool:
    for actor in actors:
        name = (actor.get("name") or "").lower()
        country = (actor.get("country") or "").lower()
        words = set(name.replace(".", "").split()) | {name}
        for term in terms:
            term = term.lower()
            if term == country or term in words or (" " in term and term in name):
                return True
    return False


def date_interval(value: str | None) -> tuple[date, date] | None:
    """The calendar days a contract date (YYYY, YYYY-MM or YYYY-MM-DD) covers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def date_in_window(value: str | None, gold: dict) -> bool:
    """The event's date overlaps the gold window and is no wider than it (a month at most more)."""
    interval = date_interval(value)
    if interval is None:
        return False
    lo, hi = date.fromisoformat(gold["date_from"]), date.fromisoformat(gold["date_to"])
    first, last = interval
    if last < lo or first > hi:
        return False
    return (last - first).days <= max((hi - lo).days, 31)


def reciprocal(event: dict) -> bool:
    """Meetings, calls and joint action have no direction (PLOVER lists all parties as actors):
    either side may be written first."""
    return event["type"] == "COOPERATE" or (event["type"] == "CONSULT" and event["mode"] != "visit")


def matches(gold: dict, event: dict) -> bool:
    if event["type"] not in gold["types_any"]:
        return False
    forward = _side_matches(event["actor"], gold["actor_any"]) and _side_matches(event["recipient"], gold["recipient_any"])
    backward = _side_matches(event["recipient"], gold["actor_any"]) and _side_matches(event["actor"], gold["recipient_any"])
    if not (forward or (reciprocal(event) and backward)):
        return False
    if not date_in_window(event["date"], gold):
        return False
    sources = {Path(e["source"]).name for e in event["evidence"]}
    return bool(sources & set(gold["reported_in_any"]))


def find_event(gold: dict, events: list[dict]) -> dict | None:
    return next((e for e in events if matches(gold, e)), None)
