"""The events gate on ../shared/seeds: recall of the gold events and precision of what is output.

Recall: each gold event of ../shared/eval/seed_events.jsonl is found when a real
event has an allowed type, the dyad (either way round for meetings and joint
action), a date inside the gold window and evidence in a seed that reports it.

Precision: every event report the engine outputs on the seeds was judged once by
hand (tests/data/seed_events_judged.jsonl: accepted or not, and why). A report
that was never judged counts as not accepted, so a change in output shows up
here and must be judged before the floor can hold again.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import api

from conftest import TEST_DATA, eval_rows, read_jsonl
from gate.event_scoring import find_event

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())
JUDGED = read_jsonl(TEST_DATA / "seed_events_judged.jsonl")


def _key(doc: str, trigger_start: int, type_: str, actors: list[str], recipients: list[str]) -> tuple:
    return doc, trigger_start, type_, tuple(actors), tuple(recipients)


@pytest.fixture(scope="module")
def events(seed_db):
    return list(api.events(db=seed_db))


@pytest.fixture(scope="module")
def reports(events):
    return [
        _key(Path(x["source"]).name, x["trigger_start"], e["type"],
             [a["name"] for a in e["actor"]], [a["name"] for a in e["recipient"]])
        for e in events for x in e["evidence"]
    ]


@pytest.mark.shared("eval")
def test_seed_gold_events_found(events):
    gold = eval_rows("seed_events.jsonl")
    found = {g["event"]: find_event(g, events) for g in gold}
    missed = [name for name, hit in found.items() if hit is None]
    hits = len(gold) - len(missed)
    assert hits >= FLOORS["seed_events_found"], f"{hits}/{len(gold)} gold events found; missed: {missed}"


def test_seed_event_precision_against_the_judged_list(reports):
    verdicts = {_key(j["doc"], j["trigger_start"], j["type"], j["actor"], j["recipient"]): j["accept"]
                for j in JUDGED}
    accepted = sum(1 for r in reports if verdicts.get(r) is True)
    unjudged = [r for r in reports if r not in verdicts]
    precision = accepted / len(reports) if reports else 0.0
    assert precision >= FLOORS["seed_event_precision"], (
        f"precision {precision:.2f} ({accepted}/{len(reports)}); unjudged reports: {unjudged[:10]}")


def test_every_judged_event_is_still_found_or_rejected(reports):
    """Accepted judgements are a regression list: losing one is a change to look at."""
    produced = set(reports)
    lost = [j for j in JUDGED if j["accept"]
            and _key(j["doc"], j["trigger_start"], j["type"], j["actor"], j["recipient"]) not in produced]
    assert len(lost) <= FLOORS["seed_events_accepted_lost"], [(j["doc"], j["trigger"], j["type"]) for j in lost]


def test_event_evidence_points_at_the_raw_text(events, seed_db):
    from newsgraph.store.sqlite import Store

    with Store(seed_db, readonly=True) as store:
        texts = {r["source"]: r["text"] for r in store.query("SELECT source, text FROM documents")}
    for event in events:
        for x in event["evidence"]:
            text = texts[x["source"]]
            assert text[x["start"]:x["end"]] == x["text"]
            assert x["start"] <= x["trigger_start"] < x["trigger_end"] <= x["end"]
            assert text[x["trigger_start"]:x["trigger_end"]] == x["trigger"]
