"""Who acts and on whom: the argument tokens of an event trigger.

Verb triggers take their actor from the subject (or the "by" agent of a
passive) and their recipient from the object, dative or a recipient
preposition. Noun triggers ("the visit by X to Y", "X's talks with Y",
"exercises between X and Y") take them from their own modifiers, and, when
they have no actor of their own, from the verb they hang from ("Russia held
exercises", "X said during a visit to Y"). Only tokens of the trigger's own
clause, or of clauses grammar says share its subject, are ever used.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import governing_verb, is_passive, is_verbal, shared_subject
from .triggers import trigger_for

# Prepositions whose object receives the action, for any event type.
RECIPIENT_PREPS = frozenset({"with", "to", "against", "toward", "towards", "into"})
# Further prepositions that mark a recipient for coercive and critical types only:
# "sanctions on X", "a crackdown on X", "an attack at X" is a place, not a recipient.
ON_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "ACCUSE", "THREATEN", "PROTEST"})
# Nouns that only count or group the real trigger: "a round of talks", "a series of drills".
QUANTIFIERS = frozenset({"round", "series", "wave", "number", "set", "couple", "spate", "string", "host"})
# Verbs whose "in" object is acted on: "invest in X", "intervene in X".
IN_RECIPIENT_VERBS = frozenset({"invest", "intervene", "interfere", "meddle", "participate"})
# Types whose event noun takes its doer in an "of" phrase ("the withdrawal of U.S. forces");
# for the others the "of" phrase is what is acted on ("the recognition of X").
OF_IS_ACTOR = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "CONSULT"})
# Verbs of receiving: "Russia received assurances from X" is X's act towards Russia.
RECEIVING = frozenset({"receive", "get", "obtain", "win", "secure", "gain", "accept", "seek"})
# Verbs whose object event is seen, told or judged, not done, by their subject.
STANCE_VERBS = frozenset({
    "see", "view", "consider", "describe", "call", "regard", "discuss", "mention", "note", "recall",
    "remember", "expect", "fear", "watch", "follow", "report", "study", "analyse", "analyze",
    "question", "doubt", "predict", "forecast", "welcome", "condemn", "criticise", "criticize",
})
# Prepositions through which a noun trigger hangs from the verb whose subject performs it.
# ("after the attack, Russia pledged" names another event, not what Russia did).
PERFORMED_DURING = frozenset({"during", "in", "for", "at", "on"})


@dataclass
class Arguments:
    """Argument tokens: the actor side and the recipient side."""

    actors: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    locations: list = field(default_factory=list)


def _pobjs(prep) -> list:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _recipient_children(head, type_: str) -> list:
    out = []
    for child in head.children:
        if child.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
            out.append(child)
        elif child.dep_ == "dative":
            out.extend(_pobjs(child) or [child])
        elif child.dep_ == "prep":
            word = child.lower_
            if word in RECIPIENT_PREPS or (word == "on" and type_ in ON_TYPES) \
                    or (word == "in" and head.lemma_.lower() in IN_RECIPIENT_VERBS):
                out.extend(_pobjs(child))
    return out


def locations_of(head) -> list:
    out = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "inside"):
            out.extend(p for p in _pobjs(child) if p.ent_type_ in ("GPE", "LOC", "FAC"))
    return out


def verb_arguments(verb, type_: str) -> Arguments:
    """Arguments of a verb trigger: subject acts on object, dative or recipient prepositions."""
    args = Arguments(locations=locations_of(verb))
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                args.actors.extend(_pobjs(child))
            elif child.dep_ == "nsubjpass":
                args.recipients.append(child)
        args.recipients.extend(c for c in _recipient_children(verb, type_) if c.dep_ != "dobj")
        return args
    subject = shared_subject(verb)
    if subject is not None:
        args.actors.append(subject)
    args.recipients.extend(_recipient_children(verb, type_))
    # "negotiating a corridor with Tanzania", "imposed sanctions on Kenya": the other side
    # hangs from the object.
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        for child in obj.children:
            if child.dep_ == "prep" and (child.lower_ in ("with", "between", "against")
                                         or child.lower_ == "on" and type_ in ON_TYPES):
                args.recipients.extend(_pobjs(child))
    return args


def noun_arguments(noun, type_: str, light=None) -> Arguments:
    """Arguments of a noun trigger, from its modifiers, else from the verb it hangs from."""
    args = Arguments(locations=locations_of(noun))
    heads = [noun]
    of_side: list = []
    from_side: list = []
    # "a round of talks": the counted noun's modifiers belong to the trigger too.
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTIFIERS:
        heads.append(noun.head.head)
    for head in heads:
        for child in head.children:
            dep = child.dep_
            if dep == "poss":
                args.actors.append(child)
            elif dep in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
                args.actors.append(child)
            elif dep == "prep":
                word = child.lower_
                if word == "by":
                    args.actors.extend(_pobjs(child))
                elif word == "between":
                    for pobj in _pobjs(child):
                        args.actors.append(pobj)
                        args.recipients.extend(c for c in pobj.children if c.dep_ == "conj")
                elif word in RECIPIENT_PREPS or (word == "on" and type_ in ON_TYPES):
                    args.recipients.extend(_pobjs(child))
                elif word == "of" and head == noun:
                    of_side.extend(_pobjs(child))
                elif word == "from" and head == noun:
                    from_side.extend(_pobjs(child))
    if of_side:
        if type_ in OF_IS_ACTOR and not args.actors:
            args.actors.extend(of_side)
        elif type_ not in OF_IS_ACTOR:
            args.recipients.extend(of_side)
    verb = light if light is not None else _performing_verb(noun if len(heads) == 1 else heads[-1])
    if verb is not None and verb.lemma_.lower() in RECEIVING and light is None:
        # "Russia received assurances from the Hamas": the giver acts on the receiver.
        givers = from_side + [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in _pobjs(c)]
        if givers and not args.actors:
            subject = shared_subject(verb)
            args.actors.extend(givers)
            if subject is not None:
                args.recipients.append(subject)
            return args
    if verb is not None:
        args.locations.extend(locations_of(verb))
        if not args.actors:
            if is_passive(verb):
                for child in verb.children:
                    if child.dep_ == "agent":
                        args.actors.extend(_pobjs(child))
            else:
                subject = shared_subject(verb)
                if subject is not None:
                    args.actors.append(subject)
            if not args.recipients:
                for child in verb.children:
                    if child.dep_ == "dative":
                        args.recipients.extend(_pobjs(child) or [child])
                    elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
                        args.recipients.extend(_pobjs(child))
                    elif child.dep_ == "dobj" and child != noun and noun.dep_ == "pobj":
                        # "welcomed X for talks": the host's guest is the recipient.
                        args.recipients.append(child)
    return args


def _performing_verb(noun):
    """The verb whose subject performs ``noun``: its object ("held exercises"), or a verb it
    hangs from through a preposition of time or purpose ("said during a visit"). A verb that
    is an event of its own or a view of the noun ("condemned the attack", "saw the visit")
    only talks about it: its subject did not do it."""
    if noun.dep_ in ("dobj", "attr") and is_verbal(noun.head):
        verb = noun.head
        if verb.lemma_.lower() in STANCE_VERBS:
            return None
        own = trigger_for(verb)
        if own is not None and own.token != noun.i:
            return None
        return verb
    if noun.dep_ == "pobj" and noun.head.lower_ in PERFORMED_DURING:
        verb = governing_verb(noun)
        if verb is not None and noun.head.head == verb:
            return verb
    return None


def complement_recipients(head) -> list:
    """Recipients of the clause a promise or refusal carries: "assurances that they would not
    threaten the interests of Russia" -> the interests of Russia."""
    for child in head.children:
        if child.dep_ in ("acl", "ccomp", "xcomp") and is_verbal(child):
            found = _recipient_children(child, "THREATEN")
            if found:
                return found
    return []
