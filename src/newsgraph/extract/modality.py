"""PLOVER's auxiliary modes for one event: negated, future, hypothetical, historical.

Read from the trigger's own verb group (auxiliaries, negation, the verbs it is
the complement of) and from the event's date against the document's date, so
"would not threaten", "will hold", "could recognise" and "in 2003" are told
apart from plain past reports.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .times import day_of

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Verbs whose complement has not happened yet: "plans to hold", "pledged to speed up".
INTENT_VERBS = frozenset({
    "plan", "intend", "expect", "aim", "hope", "want", "seek", "prepare", "promise", "pledge", "vow",
    "agree", "threaten", "propose", "offer", "decide", "schedule", "set", "wish", "try", "attempt",
    # requests: what X urged Y to do has not been done yet
    "urge", "ask", "demand", "request", "press", "invite", "encourage", "call",
})
# Verbs of opinion: "I believe that X will..." reports a view, not an event.
OPINION_VERBS = frozenset({"believe", "think", "expect", "predict", "suggest", "suppose", "guess",
                           "speculate", "assume", "imagine", "doubt", "fear", "suspect"})
# Verbs whose complement may not happen at all: "refused to", "failed to" are negations.
NEGATING_VERBS = frozenset({"refuse", "fail", "decline", "deny", "reject"})
# Distance in days before the document's date beyond which an event is historical.
HISTORICAL_DAYS = 365


@dataclass
class Modes:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False


def _verb_group(trigger, light=None):
    """The tokens whose auxiliaries and negation apply to the event."""
    group = [trigger]
    if light is not None:
        group.append(light)
    elif trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        group.append(trigger.head)
    return group


def modes_of(trigger, light=None) -> Modes:
    """Negation, future and hypothetical modes from the trigger's verb group and its heads."""
    modes = Modes()
    for tok in _verb_group(trigger, light):
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and tok == trigger):
                modes.negated = True
            if child.dep_ in ("aux", "auxpass"):
                if low in FUTURE_AUX or (child.lemma_ == "will" and child.tag_ == "MD"):
                    modes.future = True
                elif low in HYPOTHETICAL_AUX:
                    modes.hypothetical = True
                elif low == "going" or child.lemma_ == "go" and any(g.lower_ == "to" for g in tok.children):
                    modes.future = True
            if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
                modes.hypothetical = True
    # Complements of intent or refusal verbs: "pledged to speed up", "refused to meet".
    tok, steps = _verb_group(trigger, light)[-1], 0
    while tok.dep_ in ("xcomp", "ccomp", "acl", "advcl", "conj") and steps < 4:
        head = tok.head
        lemma = head.lemma_.lower()
        if tok.dep_ in ("ccomp", "advcl", "xcomp", "conj") and any(
                c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or c.lemma_ == "will") for c in head.children):
            modes.future = True
        if tok.dep_ == "ccomp" and lemma in OPINION_VERBS:
            modes.hypothetical = True
        if lemma in INTENT_VERBS or head.pos_ == "NOUN" and lemma in INTENT_VERBS:
            modes.future = True
        if lemma in NEGATING_VERBS and tok.dep_ == "xcomp":
            modes.negated = not modes.negated
        if any(c.dep_ == "neg" for c in head.children) and tok.dep_ == "xcomp":
            modes.negated = True
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            modes.hypothetical = True
        tok, steps = head, steps + 1
    return modes


def is_historical(event_last: str | None, document_date: date | None) -> bool:
    """True when the event ended more than a year before the document was published."""
    last = day_of(event_last)
    if last is None or document_date is None:
        return False
    return (document_date - last).days > HISTORICAL_DAYS


def is_future(event_first: str | None, document_date: date | None) -> bool:
    """True when the event starts after the document's date."""
    first = day_of(event_first)
    return first is not None and document_date is not None and first > document_date
