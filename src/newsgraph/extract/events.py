"""Events: who did what to whom, when, coded in PLOVER, with evidence offsets.

``extract_events(doc)`` walks each sentence of the existing parse: a trigger
from the lexicon (triggers.py), its arguments from the same clause
(arguments.py) resolved to actors (referents.py), a date from the clause's own
time expression else the document's (flagged), the auxiliary modes
(modality.py) and the location. No event is kept without a trigger word and an
actor from its clause. Merging reports across documents happens at storage.
"""
from __future__ import annotations

from datetime import timedelta

from ..model import Actor, Document, Event, Span, TimeExpression
from ..ontology.plover import NEEDS_RECIPIENT
from .arguments import Arguments, complement_recipients, locations_of, noun_arguments, verb_arguments
from .modality import is_future, is_historical, modes_of
from .referents import Referents
from .times import day_of, find_times
from .triggers import Trigger, trigger_for

# Types that, with no recipient, take the foreign country they happen in as one:
# exercises held in a neighbour's territory are done with that neighbour.
HOSTED_TYPES = frozenset({"MOBILIZE", "COOPERATE"})
# A press or news conference announces; it is not a consultation with anyone.
ANNOUNCEMENTS = frozenset({"press", "news", "media"})
# Statement-like types coded from a noun ("Russia's recognition", "calls for") need a
# recipient: without one the noun is usually a topic, not an act.
NOUN_NEEDS_RECIPIENT = frozenset({
    "AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "SANCTION", "CONSULT",
})
# Promises and refusals take their recipient from what they promise or refuse:
# "assurances that they would not threaten Russia" are given to Russia.
PROMISES = frozenset({"AGREE", "REJECT", "THREATEN"})
# Determiners that make a noun point back at an event already told: "those drills".
ANAPHORIC = frozenset({"those", "these", "this", "that", "such"})
# How far back (in sentences) an anaphoric event noun looks for its antecedent.
ANAPHORA_SENTENCES = 2
# A report dated only by its document covers this many days up to that date.
DOCUMENT_WINDOW_DAYS = 31
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}


class EventCoder:
    """Codes the events of one parsed document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.published = day_of(doc.published)
        self.earliest = self.published or day_of(doc.published_from)
        self.latest = self.published or day_of(doc.published_to)
        self.referents = Referents(doc, doc.published or doc.published_to)
        self.times = doc.times
        self._events: list[Event] = []
        # (type, context, actors, sentence index) of every trigger that had actors, kept or
        # not, for event nouns that refer back ("those drills").
        self._told: list[tuple] = []

    def run(self) -> list[Event]:
        events: list[Event] = self._events
        sents = list(self.doc.spacy.sents)
        self._sentence_index = {s.start_char: i for i, s in enumerate(sents)}
        self._sentence_index.update({_trimmed(s).start: i for i, s in enumerate(sents)})
        for sent in sents:
            seen: set[tuple] = set()
            done: set[int] = set()
            for token in sent:
                trigger = trigger_for(token)
                if trigger is None or trigger.token in done:
                    continue
                done.add(trigger.token)
                event = self._event(trigger, sent)
                if event is None:
                    continue
                key = (event.type, tuple(a.key for a in event.actors), tuple(r.key for r in event.recipients))
                if key in seen:
                    continue
                seen.add(key)
                events.append(event)
        return events

    # -- one event --------------------------------------------------------------
    def _event(self, trigger: Trigger, sent) -> Event | None:
        sdoc = self.doc.spacy
        head = sdoc[trigger.token]
        light = sdoc[trigger.light] if trigger.light is not None else None
        if trigger.kind == "noun":
            args = noun_arguments(head, trigger.type, light)
        else:
            args = verb_arguments(head, trigger.type)
        if trigger.type == "CONSULT" and _announcement(head):
            return None
        actors = self._actors(args.actors)
        if not actors and trigger.kind == "noun" and _anaphoric(head):
            actors = self._antecedent_actors(trigger, sent)
        if not actors:
            return None
        self._told.append((trigger.type, trigger.context, actors, self._sentence_index[sent.start_char]))
        recipients = self._actors(args.recipients)
        if not recipients and trigger.type in PROMISES:
            recipients = self._actors(complement_recipients(head))
        # "exercises between Russia and China": the coordination gave China to both sides.
        taken = {r.key for r in recipients}
        if any(a.key not in taken for a in actors):
            actors = [a for a in actors if a.key not in taken]
        # A named thing with no country beside coded actors is a label, not a party
        # ("the Sea Breeze exercises between Russia and China").
        if any(a.country for a in actors):
            actors = [a for a in actors if a.country or a.type == "person"]
        recipients = [r for r in recipients if not _same_side(r, actors)]
        if trigger.kind == "noun" and not args.locations:
            host_verb = _host_verb(head)
            if host_verb is not None:
                args.locations.extend(locations_of(host_verb))
        location = self._location(args)
        if not recipients and trigger.type in HOSTED_TYPES and "military" in trigger.context \
                and location is not None:
            host = self.referents.actor(location)
            if host is not None and host.country and all(host.country != a.country for a in actors):
                recipients = [host]
        if not recipients and (trigger.type in NEEDS_RECIPIENT
                               or trigger.kind == "noun" and trigger.type in NOUN_NEEDS_RECIPIENT):
            return None
        modes = modes_of(head, light)
        when = self._time(head, light, sent)
        event = Event(
            type=trigger.type, mode=trigger.mode, context=list(trigger.context),
            trigger=Span(head.idx, head.idx + len(head.text)),
            sentence=_trimmed(sent),
            actors=actors, recipients=recipients,
            location=location.text if location is not None else None,
            negated=modes.negated, future=modes.future, hypothetical=modes.hypothetical,
            statement=self.referents.in_quote(head.idx),
        )
        self._date(event, when)
        return event

    def _antecedent_actors(self, trigger: Trigger, sent) -> list[Actor]:
        """The actors of the latest event of the same type in the previous sentences."""
        here = self._sentence_index[sent.start_char]
        for told_type, context, actors, where in reversed(self._told):
            if where < here - ANAPHORA_SENTENCES:
                break
            if told_type == trigger.type or set(context) & set(trigger.context):
                return list(actors)
        return []

    def _actors(self, tokens) -> list[Actor]:
        found: list[Actor] = []
        for token in tokens:
            for actor in self.referents.actors(token):
                if all(actor.key != a.key for a in found):
                    found.append(actor)
        return found

    def _location(self, args: Arguments):
        return args.locations[0] if args.locations else None

    # -- time -------------------------------------------------------------------
    def _time(self, head, light, sent) -> TimeExpression | None:
        """The time expression of the trigger's own clause, nearest the trigger."""
        if not self.times:
            return None
        # The trigger's phrase without its subject, whose relative clause may carry a date
        # of its own ("Brazil, which attacked Kenya last week, denied ...").
        ranges = [(head.idx, head.idx + len(head.text))] + [
            _subtree_range(c) for c in head.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "relcl")]
        verb = light if light is not None else (head if head.pos_ in ("VERB", "AUX") else None)
        if verb is None:
            verb = _host_verb(head)
        if verb is not None:
            for child in verb.children:
                if child.dep_ in ("prep", "npadvmod", "advmod", "pobj", "tmod", "obl"):
                    ranges.append(_subtree_range(child))
            ranges.append((verb.idx, verb.idx + len(verb.text)))
        best = self._nearest(head, sent, ranges)
        if best is None:
            # A clause embedded in another takes the date of the one it depends on:
            # "On August 25, X declared Russia's willingness to invest".
            tok = verb if verb is not None else head
            for _ in range(3):
                if tok.dep_ not in ("xcomp", "ccomp", "acl", "dobj", "pobj", "prep", "advcl", "conj") or tok.head == tok:
                    break
                tok = tok.head
                if tok.pos_ in ("VERB", "AUX"):
                    outer = [_subtree_range(c) for c in tok.children
                             if c.dep_ in ("prep", "npadvmod", "advmod", "tmod") and c.i < head.i]
                    best = self._nearest(head, sent, outer)
                    if best is not None:
                        break
        return best

    def _nearest(self, head, sent, ranges) -> TimeExpression | None:
        best, best_distance = None, None
        for tx in self.times:
            if not (sent.start_char <= tx.span.start < sent.end_char):
                continue
            if not any(lo <= tx.span.start and tx.span.end <= hi for lo, hi in ranges):
                continue
            distance = abs(tx.span.start - head.idx)
            if best is None or distance < best_distance:
                best, best_distance = tx, distance
        return best

    def _date(self, event: Event, when: TimeExpression | None) -> None:
        if when is not None:
            event.date_source = "clause"
            event.date, event.date_precision = _calendar_value(when), when.precision
            event.date_first, event.date_last = when.first, when.last
            if is_historical(when.last, self.earliest):
                event.historical = True
            if is_future(when.first, self.latest):
                event.future = True
            return
        event.date_source = "document"
        if self.published is not None:
            event.date, event.date_precision = self.published.isoformat(), "day"
            if event.future:
                first, last = self.published, self.published + timedelta(days=DOCUMENT_WINDOW_DAYS)
            else:
                first, last = self.published - timedelta(days=DOCUMENT_WINDOW_DAYS), self.published
            event.date_first, event.date_last = first.isoformat(), last.isoformat()


def _calendar_value(tx: TimeExpression) -> str:
    """The contract's date (YYYY, YYYY-MM or YYYY-MM-DD): a day's first day, a week's
    or month's month, a season's or year's year."""
    if tx.precision == "day":
        return tx.first
    if tx.precision in ("week", "month"):
        return tx.first[:7]
    return tx.first[:4]


def _announcement(head) -> bool:
    """"hosted a press conference", "a news briefing": the event is an announcement."""
    nouns = [head] + [c for c in head.children if c.dep_ in ("dobj", "pobj")]
    return any(c.dep_ == "compound" and c.lower_ in ANNOUNCEMENTS for n in nouns for c in n.children)


def _host_verb(noun):
    """The verb a noun trigger is an argument of ("exercises were held", "those drills began"),
    through a counting "of" ("the latest of those drills")."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    if tok.head != tok and tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in (
            "nsubj", "nsubjpass", "dobj", "attr", "pobj"):
        return tok.head
    return None


def _anaphoric(noun) -> bool:
    """"those drills", "the latest of those drills": the noun refers back to told events."""
    for tok in (noun, noun.head):
        if any(c.dep_ == "det" and c.lower_ in ANAPHORIC for c in tok.children):
            return True
        if tok.dep_ != "pobj":
            break
    return False


def _same_side(recipient: Actor, actors: list[Actor]) -> bool:
    """A recipient that is one of the actors (or the same state organ) is no recipient."""
    for actor in actors:
        if recipient.key == actor.key:
            return True
        if recipient.country and recipient.country == actor.country and recipient.sector == actor.sector \
                and "person" not in (recipient.type, actor.type):
            return True
    return False


def _subtree_range(token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _trimmed(sent) -> Span:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Span(start, max(start, end))


def extract_events(doc: Document) -> Document:
    """Fill ``doc.times`` and ``doc.events`` from ``doc.spacy``; returns ``doc``."""
    if doc.spacy is None or not len(doc.spacy):
        doc.times, doc.events = [], []
        return doc
    find_times(doc)
    doc.events = EventCoder(doc).run()
    return doc
