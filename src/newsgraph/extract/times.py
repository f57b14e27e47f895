"""Time expressions of a document, normalised against its date.

``find_times(doc)`` runs the patterns of ``timex`` over the kept body (the
body view, so offsets are raw-text offsets) and adds the DATE/TIME entities
of the existing spaCy parse that the patterns did not cover (a bare year the
tagger calls a date, an odd wording). Where both see an expression the
pattern span wins: it holds whole ranges ("July 8-9") that the tagger splits.

Spans cover the expression itself: "August 26", not "on August 26"; a range
keeps its "between"/"from" ("between 3 and 5 May"). Durations ("a 10-year
war", "for years", "two decades") are skipped: they are not points in time.
"""
from __future__ import annotations

import datetime as dt
import re

from ..model import Document, Span, TimeExpression
from .timex import Found, parse_expression, reference, scan

__all__ = ["find_times", "times_in", "anchor_of"]

_LABELS = {"DATE", "TIME"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
_PERFECT_AUX = {"has", "have", "had", "'ve", "’ve"}
_FUTURE_HEADS = {"plan", "expect", "intend", "schedule", "set", "due", "hope", "aim", "prepare", "agree",
                 "promise", "pledge", "vow", "threaten", "want", "seek"}
_FUTURE_LEFT = re.compile(
    r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|upcoming|forthcoming|scheduled\s+(?:for|on)|slated\s+for|"
    r"set\s+for|planned\s+for|due\s+(?:on|by|in)|next)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+)?$",
    re.I,
)


def day_of(s: str | None) -> dt.date | None:
    """A YYYY-MM-DD string as a date; None for nothing or anything else."""
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def anchor_of(doc: Document) -> dt.date | None:
    """The day a document's relative expressions resolve against: its date, else
    the end of its publication window (see ``timex.reference``)."""
    return reference(day_of(doc.published), (day_of(doc.published_from), day_of(doc.published_to)))


def _tense(sdoc, start: int, end: int) -> str | None:
    """'past', 'future' or None for the clause governing the expression at [start, end).

    Read off the parse: the nearest verb above the expression, its auxiliaries
    and tag; a lead such as 'ahead of' or 'upcoming' marks a future event.
    """
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    left_from = span[0].sent.start_char if sdoc.has_annotation("SENT_START") else max(0, start - 60)
    if _FUTURE_LEFT.search(sdoc.text[max(left_from, start - 60):start]):
        return "future"
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head == tok:
            return None
        tok = tok.head
    else:
        return None
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return "future"
    if tok.tag_ == "VBD" or (aux & _PERFECT_AUX) or any(
            c.tag_ == "VBD" for c in tok.children if c.dep_ in ("aux", "auxpass")):
        return "past"
    if "to" in aux and tok.head != tok and tok.head.lemma_.lower() in _FUTURE_HEADS:
        return "future"
    return None


def _entity_finds(doc: Document, found: list[Found]) -> list[Found]:
    """DATE/TIME entities no pattern match overlaps, parsed as whole expressions."""
    sdoc = doc.spacy
    if sdoc is None:
        return []
    out: list[Found] = []
    for ent in sdoc.ents:
        if ent.label_ not in _LABELS:
            continue
        s, e = ent.start_char, ent.end_char
        if any(f.start < e and s < f.end for f in found):
            continue
        got = parse_expression(doc.text[s:e])
        if got is None:
            continue
        a, b, form = got
        out.append(Found(s + a, s + b, form, (s, e)))
    return out


def find_times(doc: Document) -> list[TimeExpression]:
    """Every time expression in the kept body, normalised; also sets ``doc.times``."""
    if not doc.analysable:
        doc.times = []
        return doc.times
    found = scan(doc.body_view())
    found = sorted(found + _entity_finds(doc, found), key=lambda f: f.start)
    anchor = anchor_of(doc)
    out: list[TimeExpression] = []
    for f in found:
        tense = _tense(doc.spacy, f.start, f.end) if f.form.needs_tense and doc.spacy is not None else None
        got = f.form.resolve(anchor, tense)
        if got is None:
            continue
        value, precision, first, last, anchored = got
        out.append(TimeExpression(Span(f.start, f.end), doc.text[f.start:f.end], value, precision, first, last,
                                  anchored))
    doc.times = out
    return out


def times_in(times: list[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    """The time expressions whose span lies inside [start, end), in text order."""
    return [t for t in times if start <= t.span.start and t.span.end <= end]
