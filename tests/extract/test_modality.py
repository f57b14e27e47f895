"""PLOVER's auxiliary modes: negated, future and hypothetical from the parse, historical and
future from dates. Sentences are invented; each names the trigger word.
"""
from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.modality import HISTORICAL_DAYS, Modes, is_future, is_historical, modes_of


def _modes(nlp, text: str, word: str, light: str | None = None) -> Modes:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    support = next(t for t in doc if t.text == light) if light else None
    return modes_of(tok, support)


def _flags(m: Modes) -> tuple[bool, bool, bool]:
    return m.negated, m.future, m.hypothetical


@pytest.mark.parametrize("text, word, flags", [
    # (negated, future, hypothetical)
    ("Kenya attacked Somalia.", "attacked", (False, False, False)),
    ("Kenya will attack Somalia.", "attack", (False, True, False)),
    ("They'll attack Somalia.", "attack", (False, True, False)),
    ("Kenya did not attack Somalia.", "attack", (True, False, False)),
    ("Kenya never attacked Somalia.", "attacked", (True, False, False)),
    ("Kenya won't attack Somalia.", "attack", (True, True, False)),
    ("Kenya might attack Somalia.", "attack", (False, False, True)),
    ("Kenya would not attack Somalia.", "attack", (True, False, True)),
    ("Kenya should attack Somalia.", "attack", (False, False, True)),
    # the complement of an intent verb has not happened yet
    ("Kenya plans to attack Somalia.", "attack", (False, True, False)),
    ("Kenya promised to attack Somalia.", "attack", (False, True, False)),
    # refusal negates its complement; a negated head negates its complement
    ("Kenya refused to attack Somalia.", "attack", (True, False, False)),
    ("Kenya failed to attack Somalia.", "attack", (True, False, False)),
    ("Kenya did not agree to meet Uganda.", "meet", (True, True, False)),
    # a conditional clause is hypothetical
    ("If Kenya attacks Somalia, France will respond.", "attacks", (False, True, True)),
    # an opinion's complement is hypothetical
    ("I think Kenya attacked Somalia.", "attacked", (False, False, True)),
])
def test_modes_of_verbs(nlp, text, word, flags):
    assert _flags(_modes(nlp, text, word)) == flags


@pytest.mark.parametrize("text, noun, light, flags", [
    ("Kenya held no talks with Uganda.", "talks", "held", (True, False, False)),
    ("Kenya may hold talks with Uganda.", "talks", "hold", (False, False, True)),
    ("Kenya will hold talks with Uganda.", "talks", "hold", (False, True, False)),
    ("Kenya plans to hold talks with Uganda.", "talks", "hold", (False, True, False)),
    ("Kenya held talks with Uganda.", "talks", "held", (False, False, False)),
])
def test_modes_of_nouns_read_their_light_verb(nlp, text, noun, light, flags):
    assert _flags(_modes(nlp, text, noun, light)) == flags


def test_noun_object_of_a_verb_reads_that_verb_without_light(nlp):
    assert _modes(nlp, "Kenya will not resume talks with Uganda.", "talks").negated is True


def test_modes_of_never_sets_historical(nlp):
    assert _modes(nlp, "Kenya attacked Somalia in 1990.", "attacked").historical is False


@pytest.mark.xfail(reason="'is going to attack' parses with 'going' as head and 'attack' as its xcomp; the "
                          "climb over heads does not treat 'go' as a future marker", strict=True)
def test_going_to_is_future(nlp):
    assert _modes(nlp, "Kenya is going to attack Somalia.", "attack").future is True


# -- dates ----------------------------------------------------------------------------------

DOC = date(2024, 3, 15)


@pytest.mark.parametrize("last, expected", [
    ("2019-12-31", True),
    ("2023-03-15", True),    # 366 days before (2024 is a leap year)
    ("2023-03-16", False),   # exactly 365 days before: not more than a year
    ("2023-12-31", False),
    ("2024-03-15", False),
    ("2024-04-01", False),
])
def test_is_historical(last, expected):
    assert is_historical(last, DOC) is expected


def test_historical_threshold_is_a_year():
    assert HISTORICAL_DAYS == 365


@pytest.mark.parametrize("first, expected", [
    ("2024-03-16", True),
    ("2025-01-01", True),
    ("2024-03-15", False),   # the same day is not the future
    ("2024-03-14", False),
])
def test_is_future(first, expected):
    assert is_future(first, DOC) is expected


@pytest.mark.parametrize("fn", [is_historical, is_future])
@pytest.mark.parametrize("value, on", [(None, DOC), ("", DOC), ("2019-12-31", None), ("2019-12", DOC),
                                       ("not a date", DOC)])
def test_missing_or_partial_dates_are_neither(fn, value, on):
    assert fn(value, on) is False
