"""The clean stage: which character ranges of the raw text are article body.

Nothing is rewritten. Every unit (paragraph) judged not to be body becomes a
``Removal`` with a reason code; ``kept`` lists the remaining units, trimmed.
A wire dateline heading the lead paragraph ("LIMA, 10 April 2025 (Andes
Wire) —") is removed on its own, so the paragraph is kept from the word after
it. Metadata found on the way (title, author, publisher, date) fills only the
Document fields still empty, and a publication window is inferred from the
dates the body mentions when no publication date is known.

    clean(doc) -> doc
"""
from __future__ import annotations

import datetime as dt

from ..model import Document, Removal, Span
from .appended import appended_start
from .boilerplate import REGISTRY, classify, detector
from .datelines import Dateline, source_meta, wire_line, wire_prefix, year_of
from .dates import infer_window
from .lines import Unit, units
from .metadata import Meta, looks_like_title, norm_title, parse_byline, parse_dateline, title_text
from .runs import spread_player_runs

__all__ = ["clean", "classify", "detector", "REGISTRY", "infer_window", "appended_start"]

_TITLE_SEARCH = 3  # the title, if any, is among the first body units
_META_PARSERS = {"byline": parse_byline, "dateline": parse_dateline, "source-line": source_meta}
_LEAD = 5  # a dateline heads one of the first body paragraphs (a standfirst may come before it)
_STANDFIRST_WORDS = 40


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


def _lead(us: list[Unit], reasons: list[str | None]) -> list[int]:
    """The body units up to the first full paragraph (a few at most): where a dateline may stand.

    Short ones (a standfirst, a kicker, "ABSTRACT.") may come first; a
    dateline after a full paragraph heads another story, or is not one.
    """
    out = []
    for i, r in enumerate(reasons):
        if r is None:
            out.append(i)
            if us[i].words > _STANDFIRST_WORDS or len(out) == _LEAD:
                break
    return out


def _lead_dateline(us: list[Unit], lead: list[int]) -> tuple[int, Dateline] | None:
    """(unit index, dateline) of the first lead paragraph that a dateline heads, if any."""
    for i in lead:
        dl = wire_prefix(us[i].text)
        if dl:
            return i, dl
    return None


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
    wire_lines: list[tuple[int, Meta]] = []  # datelines alone on a line: they count only in the article's head
    for i, u in enumerate(us):
        if _covered(u, prior):
            reasons.append("prior")
            continue
        reason = classify(u.text)
        reasons.append(reason)
        if reason not in _META_PARSERS:
            continue
        meta = _META_PARSERS[reason](u.text)
        if meta:
            found.append((reason, meta))
        elif reason == "dateline" and (meta := wire_line(u.text)):
            wire_lines.append((i, meta))
    spread_player_runs(doc.text, us, reasons)
    _mark_title(doc, us, reasons)
    body = [i for i, r in enumerate(reasons) if r is None]
    cut = appended_start([us[i].text for i in body])
    for i in body[cut:]:
        reasons[i] = "appended-unrelated"
    lead = _lead(us, reasons)
    found += [("dateline", meta) for i, meta in wire_lines if lead and i < lead[-1]]
    starts: dict[int, int] = {}  # unit index -> where its body starts, after a dateline heading it
    heading = _lead_dateline(us, lead)
    if heading:
        i, dl = heading
        starts[i] = us[i].start + dl.end
        found.append(("dateline", dl.meta()))
    _fill_metadata(doc, found)
    removed = []
    for i, (u, r) in enumerate(zip(us, reasons)):
        if r is None and i in starts:
            removed.append(Removal(u.raw_start, starts[i], "dateline"))
        elif r not in (None, "prior"):
            removed.append(Removal(u.raw_start, u.raw_end, r))
    doc.removed = prior + removed
    doc.kept = [Span(starts.get(i, u.start), u.end) for i, (u, r) in enumerate(zip(us, reasons)) if r is None]
    if doc.published is None and doc.published_from is None and doc.published_to is None:
        doc.published_from, doc.published_to = infer_window("\n".join(doc.text[k.start:k.end] for k in doc.kept))
    if doc.published is None:
        _date_from_month_day(doc, found)
    if doc.published is not None:
        day = _day(doc.published)  # a known date is its own window, so every document can be queried by date
        doc.published_from = doc.published_from or day
        doc.published_to = doc.published_to or day
    return doc


def _date_from_month_day(doc: Document, found: list[tuple[str, Meta]]) -> None:
    """Date the document by a yearless dateline ("March 3") when its year is known from elsewhere."""
    md = next((meta.month_day for _, meta in found if meta.month_day), None)
    if md is None:
        return
    year = year_of(*md, doc.url, doc.published_from, doc.published_to)
    if year is not None:
        doc.published = dt.date(year, *md).isoformat()
        doc.published_from = doc.published_to = None


def _day(published: str) -> str | None:
    """The YYYY-MM-DD part of an ISO date or timestamp, or None if it is not one."""
    head = published.strip()[:10]
    try:
        return dt.date.fromisoformat(head).isoformat()
    except ValueError:
        return None
