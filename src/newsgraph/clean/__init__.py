"""The clean stage: which character ranges of the raw text are article body.

Nothing is rewritten. Every unit (paragraph) judged not to be body becomes a
``Removal`` with a reason code; ``kept`` lists the remaining units, trimmed.
Metadata found on the way (title, author, publisher, date) fills only the
Document fields still empty, and a publication window is inferred from the
dates the body mentions when no publication date is known.

    clean(doc) -> doc
"""
from __future__ import annotations

import datetime as dt

from ..model import Document, Removal, Span
from .appended import appended_start
from .boilerplate import REGISTRY, classify, detector
from .dates import infer_window
from .lines import Unit, units
from .metadata import Meta, looks_like_title, norm_title, parse_byline, parse_dateline, parse_source_line, title_text
from .runs import spread_player_runs

__all__ = ["clean", "classify", "detector", "REGISTRY", "infer_window", "appended_start"]

_TITLE_SEARCH = 3  # the title, if any, is among the first body units
_META_PARSERS = {"byline": parse_byline, "dateline": parse_dateline, "source-line": parse_source_line}


def _covered(u: Unit, removed: list[Removal]) -> bool:
    return any(r.start <= u.start and u.end <= r.end for r in removed)


def _fill_metadata(doc: Document, found: list[tuple[str, Meta]]) -> None:
    """Fill empty fields; bylines beat datelines beat source lines, then text order."""
    order = {"byline": 0, "dateline": 1, "source-line": 2}
    for field in ("author", "publisher", "published"):
        if getattr(doc, field) is not None:
            continue
        for _, meta in sorted(found, key=lambda kv: order[kv[0]]):
            value = getattr(meta, field)
            if value:
                setattr(doc, field, value)
                break


def _mark_title(doc: Document, us: list[Unit], reasons: list[str | None]) -> None:
    """Drop the title line (setting doc.title if empty) and every line repeating it."""
    body = [i for i, r in enumerate(reasons) if r is None]
    key = norm_title(doc.title) if doc.title else None
    if key is None and body:
        first = body[0]
        text = us[first].text
        repeated = any(us[j].words <= 40 and norm_title(us[j].text) == norm_title(text) for j in body[1:])
        longer_follows = any(us[j].words > us[first].words for j in body[1:])
        if first in body[:_TITLE_SEARCH] and longer_follows and (looks_like_title(text) or (repeated and len(text.split()) <= 25)):
            doc.title = title_text(text)
            key = norm_title(text)
    if not key:
        return
    seen = False
    for i in body:
        if us[i].words <= 40 and norm_title(us[i].text) == key:
            reasons[i] = "duplicate-title" if seen else "title"
            seen = True


def clean(doc: Document) -> Document:
    """Fill ``doc.removed``, ``doc.kept`` and empty metadata fields; return ``doc``."""
    us = units(doc.text)
    prior = list(doc.removed)
    reasons: list[str | None] = []
    found: list[tuple[str, Meta]] = []
    for u in us:
        if _covered(u, prior):
            reasons.append("prior")
            continue
        reason = classify(u.text)
        reasons.append(reason)
        if reason in _META_PARSERS:
            meta = _META_PARSERS[reason](u.text)
            if meta:
                found.append((reason, meta))
    spread_player_runs(doc.text, us, reasons)
    _fill_metadata(doc, found)
    _mark_title(doc, us, reasons)
    body = [i for i, r in enumerate(reasons) if r is None]
    cut = appended_start([us[i].text for i in body])
    for i in body[cut:]:
        reasons[i] = "appended-unrelated"
    doc.removed = prior + [Removal(u.raw_start, u.raw_end, r) for u, r in zip(us, reasons) if r not in (None, "prior")]
    doc.kept = [Span(u.start, u.end) for u, r in zip(us, reasons) if r is None]
    if doc.published is None and doc.published_from is None and doc.published_to is None:
        doc.published_from, doc.published_to = infer_window("\n".join(us[i].text for i, r in enumerate(reasons) if r is None))
    elif doc.published is not None:
        day = _day(doc.published)  # a known date is its own window, so every document can be queried by date
        doc.published_from = doc.published_from or day
        doc.published_to = doc.published_to or day
    return doc


def _day(published: str) -> str | None:
    """The YYYY-MM-DD part of an ISO date or timestamp, or None if it is not one."""
    head = published.strip()[:10]
    try:
        return dt.date.fromisoformat(head).isoformat()
    except ValueError:
        return None
