"""Argument tokens of event triggers: who acts (actors), on whom (recipients), where.

Sentences are invented. Each case names the trigger word and the PLOVER type the extractor
would pass; the expected values are the argument tokens' texts.
"""
from __future__ import annotations

import pytest

from newsgraph.extract.arguments import complement_recipients, locations_of, noun_arguments, verb_arguments
from newsgraph.extract.triggers import trigger_for


def _tok(doc, word: str):
    return next(t for t in doc if t.text == word)


def _texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def _args(nlp, text: str, word: str, type_: str | None = None):
    """Arguments of ``word`` as events.py computes them: type and light verb from its trigger."""
    doc = nlp(text)
    tok = _tok(doc, word)
    trigger = trigger_for(tok)
    assert trigger is not None and trigger.token == tok.i, f"{word!r} is no trigger in {text!r}"
    light = doc[trigger.light] if trigger.light is not None else None
    if trigger.kind == "noun":
        return noun_arguments(tok, type_ or trigger.type, light)
    return verb_arguments(tok, type_ or trigger.type)


# -- verbs ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, actors, recipients", [
    ("France condemned Kenya.", "condemned", ["France"], ["Kenya"]),
    # passive: the "by" agent acts, the subject receives
    ("Brazil was criticised by Kenya.", "criticised", ["Kenya"], ["Brazil"]),
    # dative and recipient prepositions
    ("France sent aid to Kenya.", "sent", ["France"], ["aid", "Kenya"]),
    ("Kenya's ministers met with Brazil in Nairobi.", "met", ["ministers"], ["Brazil"]),
    ("France invested in Kenya.", "invested", ["France"], ["Kenya"]),
    # coordinated verb shares the subject
    ("France condemned Kenya and criticised Brazil.", "criticised", ["France"], ["Brazil"]),
    # object control
    ("France urged Kenya to withdraw from Somalia.", "withdraw", ["Kenya"], []),
])
def test_verb_arguments(nlp, text, word, actors, recipients):
    args = _args(nlp, text, word)
    assert _texts(args.actors) == actors
    assert _texts(args.recipients) == recipients


def test_on_marks_a_recipient_only_for_coercive_types(nlp):
    doc = nlp("The army fired on the protesters.")
    fired = _tok(doc, "fired")
    assert _texts(verb_arguments(fired, "ASSAULT").recipients) == ["protesters"]
    assert verb_arguments(fired, "CONSULT").recipients == []


def test_passive_direct_object_is_not_a_recipient(nlp):
    doc = nlp("Kenya was attacked by Brazil.")
    args = verb_arguments(_tok(doc, "attacked"), "ASSAULT")
    assert _texts(args.actors) == ["Brazil"] and _texts(args.recipients) == ["Kenya"]


def test_verb_locations(nlp):
    args = _args(nlp, "France attacked rebels in Mali.", "attacked")
    assert _texts(args.actors) == ["France"]
    assert _texts(args.recipients) == ["rebels"]
    assert _texts(args.locations) == ["Mali"]


def test_locations_are_places_only(nlp):
    doc = nlp("Kenya attacked rebels in the evening in Somalia.")
    assert _texts(locations_of(_tok(doc, "attacked"))) == ["Somalia"]


# -- nouns -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, actors, recipients", [
    ("The visit by the French president to Kenya lasted two days.", "visit", ["president"], ["Kenya"]),
    ("Brazil's talks with Kenya ended on Friday.", "talks", ["Brazil"], ["Kenya"]),
    # the coordination's first conjunct acts, the others receive
    ("The exercises between France and Kenya began on Monday.", "exercises", ["France"], ["Kenya"]),
    # a light verb lends its subject
    ("Kenya held talks with Brazil on Tuesday.", "talks", ["Kenya"], ["Brazil"]),
    ("France gave aid to Kenya.", "aid", ["France"], ["Kenya"]),
    # through a quantifier
    ("France held a round of talks with Kenya.", "talks", ["France"], ["Kenya"]),
    # receiving: the giver acts on the receiver
    ("Brazil received assurances from France.", "assurances", ["France"], ["Brazil"]),
    # a noun in a time phrase is performed by the verb's subject
    ("The president said during a visit to Kenya that trade would grow.", "visit", ["president"], ["Kenya"]),
    # a host's guest is the recipient
    ("Kenya welcomed the Brazilian president for talks.", "talks", ["Kenya"], ["president"]),
])
def test_noun_arguments(nlp, text, word, actors, recipients):
    args = _args(nlp, text, word)
    assert _texts(args.actors) == actors
    assert _texts(args.recipients) == recipients


def test_of_phrase_acts_for_withdrawals(nlp):
    args = _args(nlp, "The withdrawal of French troops from Mali began in May.", "withdrawal")
    assert _texts(args.actors) == ["troops"]
    assert args.recipients == []


def test_of_phrase_is_acted_on_for_recognition(nlp):
    args = _args(nlp, "The recognition of Kosovo by Brazil surprised Serbia.", "recognition")
    assert _texts(args.actors) == ["Brazil"]
    assert _texts(args.recipients) == ["Kosovo"]


def test_noun_without_a_doer_has_no_actor(nlp):
    args = _args(nlp, "A round of talks with Kenya began on Monday.", "talks")
    assert args.actors == []
    assert _texts(args.recipients) == ["Kenya"]


def test_noun_with_a_national_modifier_takes_it_as_actor(nlp):
    doc = nlp("The Kenyan offensive against the rebels continued.")
    args = noun_arguments(_tok(doc, "offensive"), "ASSAULT")
    assert _texts(args.actors) == ["Kenyan"]
    assert _texts(args.recipients) == ["rebels"]


def test_complement_recipients_of_a_promise(nlp):
    doc = nlp("France gave Kenya assurances that it would not threaten Uganda.")
    assert _texts(complement_recipients(_tok(doc, "assurances"))) == ["Uganda"]


def test_complement_recipients_of_a_refusal(nlp):
    doc = nlp("Kenya refused to meet Uganda.")
    assert _texts(complement_recipients(_tok(doc, "refused"))) == ["Uganda"]


def test_complement_recipients_without_a_clause(nlp):
    doc = nlp("France gave Kenya assurances.")
    assert complement_recipients(_tok(doc, "assurances")) == []
