"""The acceptance gate on ../shared/seeds: quotations, speakers and cleaning, end to end.

Everything runs through the public API over a store built once from the seeds
(tests/conftest.py), exactly as a user's ``newsgraph ingest`` would.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import api

from conftest import eval_rows, shared_params
from gate.scoring import covered, find_quote, line_spans, norm, speaker_right

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())

pytestmark = pytest.mark.shared("seeds", "eval")


def gold_quotes() -> list[dict]:
    return eval_rows("seed_quotes.jsonl")


def gold_cleaning() -> list[dict]:
    return eval_rows("seed_cleaning.jsonl")


@pytest.fixture(scope="module")
def found(seed_db):
    return [{**q, "doc": Path(q["source"]).name} for q in api.quotes(db=seed_db)]


@pytest.fixture(scope="module")
def docs(seed_db):
    from newsgraph.store.sqlite import Store

    with Store(seed_db, readonly=True) as store:
        rows = {r["source"]: dict(r) for r in store.query("SELECT * FROM documents")}
    return {Path(src).name: {**row, "kept": json.loads(row["kept"]), "removed": json.loads(row["removed"])}
            for src, row in rows.items()}


@shared_params("gold", gold_quotes, ids=lambda g: f"{g['doc'][:3]}:{g['quote'][:30]}")
def test_seed_quote_found(gold, found):
    assert find_quote(gold, found) is not None, f"not found: {gold['quote']!r} ({gold['note']})"


def test_seed_quote_figures_meet_the_floors(found):
    hits = [(g, find_quote(g, found)) for g in gold_quotes()]
    n_found = sum(q is not None for _, q in hits)
    wrong = [(g["quote"][:40], g["speaker"], q["speaker"]) for g, q in hits if q and not speaker_right(g, q)]
    n_right = sum(1 for g, q in hits if q and speaker_right(g, q))
    assert n_found >= FLOORS["seed_quotes_found"], f"quotes found {n_found}/35 < floor"
    assert n_right >= FLOORS["seed_speakers_right"], f"right speakers {n_right}/35 < floor; wrong: {wrong}"


def test_quote_offsets_point_at_the_raw_text(found, docs):
    for q in found:
        text = docs[q["doc"]]["text"]
        assert text[q["start"]:q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"]:q["cue_end"]] == q["cue"]


def test_no_quote_is_taken_from_removed_text(found, docs):
    for q in found:
        removed = [(s, e) for s, e, _ in docs[q["doc"]]["removed"]]
        overlap = [r for r in removed if r[0] < q["end"] and q["start"] < r[1]]
        assert not overlap, f"{q['doc']}: quote {q['text'][:50]!r} overlaps removed text"


def drops() -> list[tuple[str, dict]]:
    return [(g["doc"], d) for g in gold_cleaning() for d in g["drop"]]


def keeps() -> list[tuple[str, str]]:
    return [(g["doc"], k) for g in gold_cleaning() for k in g["keep"]]


@shared_params("doc, drop", drops, ids=lambda x: x if isinstance(x, str) else x["starts"][:30])
def test_seed_noise_line_removed(doc, drop, docs):
    d = docs[doc]
    spans = line_spans(d["text"], drop["starts"])
    assert spans, f"gold line not in seed: {drop['starts']!r}"
    removed = [(s, e) for s, e, _ in d["removed"]]
    for span in spans:
        assert covered(span, removed, d["text"]), f"{doc}: not removed ({drop['what']}): {drop['starts']!r}"


@shared_params("doc, keep", keeps, ids=lambda x: x[:30])
def test_seed_body_line_kept(doc, keep, docs):
    d = docs[doc]
    spans = line_spans(d["text"], keep)
    assert spans, f"gold line not in seed: {keep!r}"
    kept = [(s, e) for s, e in d["kept"]]
    for span in spans:
        assert covered(span, kept, d["text"]), f"{doc}: body line removed: {keep!r}"


@shared_params("gold", gold_cleaning, ids=lambda g: g["doc"][:3])
def test_seed_metadata_reproduced(gold, docs):
    d = docs[gold["doc"]]
    for field, want in gold["metadata"].items():
        got = d[field]
        if want is None:
            assert got is None, f"{gold['doc']}: {field} should be unknown, got {got!r}"
        else:
            assert got is not None and norm(got) == norm(want), f"{gold['doc']}: {field} {got!r} != {want!r}"


def test_every_seed_is_stored_with_raw_text_verbatim(docs, seeds_dir):
    for name, d in docs.items():
        assert d["text"] == (seeds_dir / name).read_text(encoding="utf-8").replace("\r\n", "\n")
