"""An unseen-style mini corpus of invented articles: different names, verbs and orders,
to check the rules generalise beyond the seeds. Scored as a whole (recall and
speaker accuracy floors) and per article for the quotes that must not appear."""
from __future__ import annotations

import pytest

ARTICLES = {
    "flood": (
        "Heavy rain flooded the lower town of Arden on Sunday, forcing hundreds of families from their homes.\n\n"
        "“We lost everything in two hours,” said Mirela Dobos, a baker whose shop stood by the river. "
        "“The water came through the back door and never stopped.”\n\n"
        "Regional governor Stefan Halloran declared that emergency funds would be released within days. "
        "He insisted that no family would be left without shelter.\n\n"
        "The governor also promised an inquiry into the so-called “flood wall” that failed, which engineers had "
        "called “adequate” last year.\n\n"
        "\"The warning system worked, but people had nowhere to go,\" hydrologist Tomasz Wrona told the Arden Herald.\n\n"
        "According to the fire brigade, at least forty people were rescued from rooftops overnight."
    ),
    "election": (
        "Voters in the northern provinces go to the polls next month in what observers call a “test of trust”.\n\n"
        "Opposition leader Amara Nwosu accused the government of delaying the count. "
        "“They are afraid of the result,” Nwosu said at a rally in the capital. \"They know the people have changed.\"\n\n"
        "Interior minister Paul Kessler rejected the claim. The count, Kessler told state radio, would begin "
        "the moment the polls closed.\n\n"
        "Kessler: We have nothing to hide and every ballot will be counted in public view.\n\n"
        "Election monitors noted that turnout in the first round had been unusually low.\n\n"
        "Political scientist Yara Haddad reckoned the opposition could win as many as twelve seats."
    ),
    "tech": (
        "A start-up that builds batteries from sea salt has raised fresh capital.\n\n"
        "Chief executive Lin Zhao explained that the cells would cost half as much as lithium ones. "
        "She cautioned that production would not begin before next spring.\n\n"
        "“Our first factory will be small, but it will be ours,” Zhao wrote on LinkedIn.\n\n"
        "Investor Rahul Mehta was blunter: \"If this works, the whole industry changes overnight.\"\n\n"
        "The company’s rivals didn’t comment, and the firm’s own press release spoke only of a “milestone”."
    ),
}

# (article, opening words of the content, expected speaker name)
GOLD = [
    ("flood", "We lost everything in two hours", "Mirela Dobos"),
    ("flood", "The water came through the back door", "Mirela Dobos"),
    ("flood", "emergency funds would be released", "Stefan Halloran"),
    ("flood", "no family would be left without shelter", "Stefan Halloran"),
    ("flood", "The warning system worked", "Tomasz Wrona"),
    ("election", "They are afraid of the result", "Amara Nwosu"),
    ("election", "They know the people have changed", "Amara Nwosu"),
    ("election", "would begin the moment the polls closed", "Paul Kessler"),
    ("election", "We have nothing to hide", "Paul Kessler"),
    ("election", "the opposition could win as many as twelve seats", "Yara Haddad"),
    ("tech", "the cells would cost half as much", "Lin Zhao"),
    ("tech", "production would not begin before next spring", "Lin Zhao"),
    ("tech", "Our first factory will be small", "Lin Zhao"),
    ("tech", "If this works, the whole industry changes", "Rahul Mehta"),
]

# Fragments that must not come out as quotations of anyone.
NOT_QUOTES = [("flood", "flood wall"), ("flood", "adequate"), ("election", "test of trust"), ("tech", "milestone")]


@pytest.fixture(scope="module")
def corpus(extract):
    return {name: extract(text, name) for name, text in ARTICLES.items()}


def test_recall_and_speaker_accuracy(corpus, find):
    found = right = 0
    misses = []
    for art, words, speaker in GOLD:
        hits = find(corpus[art], words)
        found += bool(hits)
        ok = any(q.speaker_name == speaker for q in hits)
        right += ok
        if not ok:
            misses.append((art, words, [q.speaker_name for q in hits]))
    assert found == len(GOLD), misses
    assert right >= len(GOLD) - 1, misses


@pytest.mark.parametrize("art,words", NOT_QUOTES)
def test_scare_quotes_not_emitted(corpus, find, art, words):
    assert not find(corpus[art], words) or all(
        len(q.content.of(corpus[art].text).split()) > 3 for q in find(corpus[art], words))


def test_no_quote_without_speaker_is_a_short_fragment(corpus):
    for doc in corpus.values():
        for q in doc.quotes:
            if q.speaker is None:
                assert len(q.content.of(doc.text).split()) >= 6


def test_according_to_organisation(corpus, find):
    hits = find(corpus["flood"], "at least forty people were rescued")
    assert hits and hits[0].speaker.text.endswith("fire brigade")
