"""Clause structure: where a clause ends and whose subject a verb may use.

Sentences are invented; each names the word the helper is asked about.
"""
from __future__ import annotations

import pytest

from newsgraph.extract.clauses import (
    clause_head, clause_tokens, governing_verb, is_passive, is_verbal, own_subject, shared_subject,
)


def _tok(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def _text(token) -> str | None:
    return token.text if token is not None else None


@pytest.mark.parametrize("text, verb, subject", [
    # coordinated verbs share the first one's subject
    ("France condemned Kenya and criticised Brazil.", "criticised", "France"),
    # a control verb's infinitive shares its subject
    ("Kenya pledged to attack the rebels.", "attack", "Kenya"),
    ("Kenya promised to attack Somalia.", "attack", "Kenya"),
    # a purpose clause shares the main subject
    ("Kenya travelled to Nairobi to meet Uganda's president.", "meet", "Kenya"),
    ("France sent troops to Mali to attack the rebels.", "attack", "France"),
    # object control: the object does what the infinitive says
    ("France urged Kenya to withdraw from Somalia.", "withdraw", "Kenya"),
    ("France asked Kenya to attack Somalia.", "attack", "Kenya"),
    # a noun's owner is its infinitive's subject
    ("France's willingness to invest in Kenya surprised analysts.", "invest", "France"),
    # a verb's own subject comes first
    ("France attacked Kenya.", "attacked", "France"),
    ("I think Kenya attacked Somalia.", "attacked", "Kenya"),
])
def test_shared_subject(nlp, text, verb, subject):
    doc = nlp(text)
    assert _text(shared_subject(_tok(doc, verb))) == subject


def test_non_purpose_adverbial_clause_has_no_shared_subject(nlp):
    doc = nlp("France attacked Kenya, citing security concerns.")
    assert _text(shared_subject(_tok(doc, "citing"))) is None


def test_passive_subject_is_the_own_subject(nlp):
    doc = nlp("Uganda was attacked by Kenya.")
    verb = _tok(doc, "attacked")
    assert is_passive(verb)
    assert _text(own_subject(verb)) == "Uganda"
    assert _text(own_subject(verb, passive=True)) == "Uganda"
    assert own_subject(verb, passive=False) is None


def test_active_verb_is_not_passive(nlp):
    doc = nlp("Kenya attacked Uganda.")
    verb = _tok(doc, "attacked")
    assert not is_passive(verb)
    assert _text(own_subject(verb, passive=False)) == "Kenya"
    assert own_subject(verb, passive=True) is None


@pytest.mark.parametrize("text, noun", [
    ("Brazil, which attacked Kenya last week, denied the report.", "Brazil"),
    ("The group that attacked Kenya denied the report.", "group"),
])
def test_relative_clause_subject_is_the_modified_noun(nlp, text, noun):
    doc = nlp(text)
    assert _text(shared_subject(_tok(doc, "attacked"))) == noun


def test_clause_tokens_stop_at_a_coordinated_clause(nlp):
    doc = nlp("France condemned Kenya and criticised Brazil.")
    words = [t.text for t in clause_tokens(_tok(doc, "condemned"))]
    assert "Kenya" in words and "France" in words
    assert "criticised" not in words and "Brazil" not in words


def test_clause_tokens_stop_at_a_complement_clause(nlp):
    doc = nlp("Kenya said that France attacked Somalia.")
    words = [t.text for t in clause_tokens(_tok(doc, "said"))]
    assert words[:2] == ["Kenya", "said"]
    assert "attacked" not in words and "Somalia" not in words
    inner = [t.text for t in clause_tokens(_tok(doc, "attacked"))]
    assert inner == ["that", "France", "attacked", "Somalia"]


def test_clause_tokens_are_in_document_order(nlp):
    doc = nlp("The French army attacked the rebels near the border.")
    toks = clause_tokens(_tok(doc, "attacked"))
    assert [t.i for t in toks] == sorted(t.i for t in toks)
    assert [t.text for t in toks][-1] == "."


def test_clause_head_climbs_to_the_verb(nlp):
    doc = nlp("Kenya said that France attacked Somalia.")
    assert clause_head(_tok(doc, "Somalia")).text == "attacked"
    assert clause_head(_tok(doc, "Kenya")).text == "said"
    assert clause_head(_tok(doc, "attacked")).text == "attacked"


def test_clause_head_skips_auxiliaries(nlp):
    doc = nlp("Kenya will attack Somalia.")
    will = _tok(doc, "will")
    assert is_verbal(will)
    assert clause_head(will).text == "attack"


def test_governing_verb_through_a_preposition(nlp):
    doc = nlp("The president said during a visit to Kenya that trade would grow.")
    assert governing_verb(_tok(doc, "visit")).text == "said"


def test_governing_verb_of_an_object(nlp):
    doc = nlp("Kenya held talks with Brazil.")
    assert governing_verb(_tok(doc, "talks")).text == "held"


def test_governing_verb_of_a_verbless_fragment_is_none(nlp):
    doc = nlp("Talks with Brazil.")
    assert governing_verb(_tok(doc, "Brazil")) is None
