"""The gate on the project's own example corpus, whose gold was written apart from the rules.

A second, unseen-style check: the seeds are not the only text the rules see.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TEST_DATA, read_jsonl
from gate.scoring import find_quote, speaker_right
from newsgraph import api
from newsgraph.cli.main import example_corpus

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())
GOLD = read_jsonl(TEST_DATA / "example_quotes.jsonl")


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    db = tmp_path_factory.mktemp("example") / "example.db"
    api.ingest([example_corpus()], db=db, workers=1, progress=False)
    return [{**q, "doc": Path(q["source"]).name} for q in api.quotes(db=db)]


def test_example_quotes_meet_the_floors(found):
    hits = [(g, find_quote(g, found)) for g in GOLD]
    missing = [g["quote"] for g, q in hits if q is None]
    wrong = [(g["quote"][:40], g["speaker"], q["speaker"]) for g, q in hits if q and not speaker_right(g, q)]
    found_ratio = 1 - len(missing) / len(GOLD)
    right_ratio = sum(1 for g, q in hits if q and speaker_right(g, q)) / len(GOLD)
    assert found_ratio >= FLOORS["example_quotes_found_ratio"], f"found {found_ratio:.2f}; missing {missing}"
    assert right_ratio >= FLOORS["example_speakers_right_ratio"], f"right speakers {right_ratio:.2f}; wrong {wrong}"


def test_no_example_quote_comes_from_the_appended_press_release(found):
    gold_docs = {g["doc"] for g in GOLD}
    assert {q["doc"] for q in found} <= gold_docs
    for q in found:
        assert q["speaker"] is None or any(
            speaker_right({"speaker": g["speaker"], "aliases": g.get("aliases", [])}, q) for g in GOLD
        ) or q["speaker_type"] == "org", f"unexpected speaker {q['speaker']!r}: {q['text'][:60]!r}"
