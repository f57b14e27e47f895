"""One real event, many reports: each coded Event joins the real event it reports.

Incremental at ingest: a report is looked up by its signature (type, negated
flag, the set of actor keys and the set of recipient keys) in the store's
index, then by date; it joins a real event whose date window overlaps its own,
else starts a new one. Work is proportional to the document, never a
recompute of the store.

Dates: a report's window is its own [date_first, date_last]; with no date of
its own it takes the document's (published day, else the inferred window); a
report with no date at all only joins undated events. A date that merely
repeats the publication day ("document" source, a single day) says the event
happened on or before that day, so its window is widened DOCUMENT_SLACK_DAYS
back for the comparison: the same meeting reported the next day still merges.

After a join the real event is refreshed from its reports: reports counted,
distinct publishers counted, the date narrowed to the best report's (a date
from the event's own clause over one that only repeats the publication day,
then day over week over month over year, then the earliest), the commonest mode, the union of contexts, and the
auxiliary modes kept only when every report carries them (one report saying
it happened outweighs a forecast of it).
"""
from __future__ import annotations

import calendar
import json
from collections import Counter
from datetime import date, timedelta
from typing import Protocol
from urllib.parse import urlsplit

from ..model import Document, Event
from ..ontology.plover import score

DOCUMENT_SLACK_DAYS = 7
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

Window = tuple[str, str]


class EventIndex(Protocol):
    """What the merger needs from a store (the SQLite store implements it)."""

    def actor_id(self, actor) -> int: ...
    def events_with_signature(self, signature: str, low: str | None = None, high: str | None = None) -> list: ...
    def add_event(self, signature: str, type_: str, negated: bool) -> int: ...
    def add_event_actor(self, event_id: int, actor_id: int, role: str) -> None: ...
    def add_event_report(self, values: dict) -> int: ...
    def event_type(self, event_id: int) -> str | None: ...
    def reports_of(self, event_id: int) -> list: ...
    def update_event(self, event_id: int, values: dict) -> None: ...
    def delete_event(self, event_id: int) -> None: ...


def signature(event: Event) -> str:
    """The merge key: reports of one real event share it."""
    actors = sorted({a.key for a in event.actors})
    recipients = sorted({a.key for a in event.recipients})
    # What might or will happen is not a report of what did: such reports stay apart.
    return json.dumps([event.type, int(event.negated), int(event.hypothetical), int(event.future),
                       actors, recipients], ensure_ascii=False)


def publisher_of(doc: Document) -> str:
    """Who published the document: its publisher, else its URL's host, else its id."""
    if doc.publisher and doc.publisher.strip():
        return " ".join(doc.publisher.casefold().split())
    if doc.url:
        host = (urlsplit(doc.url).hostname or "").removeprefix("www.")
        if host:
            return host
    return doc.id


def window_of(value: str) -> Window | None:
    """The calendar days a YYYY, YYYY-MM or YYYY-MM-DD value covers, or None if it is none of those."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31"
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return f"{parts[0]:04d}-{parts[1]:02d}-01", f"{parts[0]:04d}-{parts[1]:02d}-{last:02d}"
        if len(parts) == 3:
            return date(*parts).isoformat(), date(*parts).isoformat()
    except (ValueError, TypeError):
        return None
    return None


def label_of(first: str, last: str) -> tuple[str | None, str | None]:
    """(date, precision) naming a window when it is a day, a whole month or a whole year."""
    if first == last:
        return first, "day"
    if first[:7] == last[:7] and window_of(first[:7]) == (first, last):
        return first[:7], "month"
    if first[:4] == last[:4] and window_of(first[:4]) == (first, last):
        return first[:4], "year"
    return None, None


OPEN_START, OPEN_END = "0001-01-01", "9999-12-31"


def document_window(doc: Document) -> Window | None:
    """The document's date as a window: the published day, else the inferred window."""
    if doc.published:
        return window_of(doc.published)
    low, high = doc.published_from, doc.published_to
    if low or high:
        # An open end stays open: an article known only to be after 2018 may be of any later day.
        return (low or OPEN_START)[:10], (high or OPEN_END)[:10]
    return None


def report_dates(event: Event, doc: Document) -> dict:
    """The report's date fields as stored: its own, else the document's window."""
    window = None
    if event.date_first and event.date_last:
        window = (event.date_first, event.date_last)
    elif event.date:
        window = window_of(event.date)
    if window:
        label, precision = (event.date, event.date_precision) if event.date else label_of(*window)
        return {"date": label, "date_precision": precision or label_of(*window)[1], "date_first": window[0],
                "date_last": window[1], "date_source": event.date_source}
    window = document_window(doc)
    bounded = window is not None and OPEN_START not in window and OPEN_END not in window
    label, precision = label_of(*window) if bounded else (None, None)
    return {"date": label, "date_precision": precision, "date_first": window[0] if window else None,
            "date_last": window[1] if window else None, "date_source": "document"}


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return day


def _matching(first: str, last: str, source: str | None) -> Window:
    """The window used to compare dates: a bare publication day reaches back DOCUMENT_SLACK_DAYS
    (a window the extractor already widened is taken as it is)."""
    return (_shift(first, -DOCUMENT_SLACK_DAYS) if source == "document" and first == last else first), last


def _overlap(a: Window, b: Window) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _find(store: EventIndex, sig: str, dates: dict) -> int | None:
    """The real event this report joins, or None: same signature and compatible dates."""
    if dates["date_first"] is None:
        undated = store.events_with_signature(sig)
        return undated[0]["id"] if undated else None
    own = (dates["date_first"], dates["date_last"])
    mine = _matching(*own, dates["date_source"])
    # Ask only for events near in time; theirs may reach back DOCUMENT_SLACK_DAYS, so look that far ahead.
    best, best_key = None, None
    for c in store.events_with_signature(sig, mine[0], _shift(mine[1], DOCUMENT_SLACK_DAYS)):
        theirs = (c["date_first"], c["date_last"])
        if not _overlap(mine, _matching(*theirs, c["date_source"])):
            continue
        key = (not _overlap(own, theirs), -c["reports"], c["id"])  # a plain overlap first, then the bigger event
        if best_key is None or key < best_key:
            best, best_key = c["id"], key
    return best


def _report_values(event_id: int, doc: Document, event: Event, publisher: str, dates: dict) -> dict:
    mentions = [[role, a.name, a.span.start if a.span else None, a.span.end if a.span else None]
                for role, group in (("actor", event.actors), ("recipient", event.recipients)) for a in group]
    return {
        "event_id": event_id, "document_id": doc.id, "publisher": publisher,
        "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
        "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
        "text": event.sentence.of(doc.text), "trigger": event.trigger.of(doc.text),
        "mode": event.mode, "context": json.dumps(event.context), **dates,
        "location": event.location, "statement": int(event.statement), "negated": int(event.negated),
        "future": int(event.future), "hypothetical": int(event.hypothetical), "historical": int(event.historical),
        "actors": json.dumps(mentions, ensure_ascii=False),
    }


def link_events(store: EventIndex, doc: Document) -> list[int]:
    """Store each of the document's events as a report of a real event; the real-event ids, in order.

    Call inside the document's transaction (save_document does).
    """
    publisher = publisher_of(doc)
    ids: list[int] = []
    for event in doc.events:
        sig = signature(event)
        dates = report_dates(event, doc)
        event_id = _find(store, sig, dates)
        if event_id is None:
            event_id = store.add_event(sig, event.type, event.negated)
            for role, group in (("actor", event.actors), ("recipient", event.recipients)):
                for actor in group:
                    store.add_event_actor(event_id, store.actor_id(actor), role)
        store.add_event_report(_report_values(event_id, doc, event, publisher, dates))
        refresh_event(store, event_id)
        ids.append(event_id)
    return ids


def _best_date(reports: list) -> object | None:
    dated = [r for r in reports if r["date"]]
    if not dated:
        return None
    return min(dated, key=lambda r: (r["date_source"] != "clause",
                                     PRECISION_RANK.get(r["date_precision"], len(PRECISION_RANK)),
                                     r["date_first"], r["id"]))


def refresh_event(store: EventIndex, event_id: int) -> None:
    """Recompute a real event from its reports; remove it when none is left."""
    reports = store.reports_of(event_id)
    if not reports:
        store.delete_event(event_id)
        return
    modes = Counter(r["mode"] for r in reports if r["mode"])
    mode = max(modes, key=lambda m: modes[m]) if modes else None  # ties: the first report's (Counter keeps order)
    context: list[str] = []
    for r in reports:
        context += [c for c in json.loads(r["context"]) if c not in context]
    best = _best_date(reports)
    type_ = store.event_type(event_id)
    store.update_event(event_id, {
        "mode": mode,
        "context": json.dumps(context),
        "date": best["date"] if best else None,
        "date_precision": best["date_precision"] if best else None,
        "date_first": best["date_first"] if best else None,
        "date_last": best["date_last"] if best else None,
        "date_source": best["date_source"] if best else None,
        "future": int(all(r["future"] for r in reports)),
        "hypothetical": int(all(r["hypothetical"] for r in reports)),
        "historical": int(all(r["historical"] for r in reports)),
        "score": score(type_, mode) if type_ else None,
        "reports": len(reports),
        "publishers": len({r["publisher"] for r in reports}),
    })
