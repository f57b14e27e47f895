"""The gate on the held-out corpus (tests/data/heldout): news-style articles and gold written by
people who did not write the rules. Dev files may be studied; blind files are reported only as
aggregate figures, so nobody tunes on them (see tests/data/heldout/README.md)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TEST_DATA, read_jsonl
from gate.scoring import body_kept, covered, find_quote, line_spans, speaker_right
from newsgraph import api
from newsgraph.store.sqlite import Store

HELDOUT = TEST_DATA / "heldout"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())
BLIND = ("01_", "02_", "11_", "12_")
GOLD = read_jsonl(HELDOUT / "quotes.jsonl")
CLEANING = read_jsonl(HELDOUT / "cleaning.jsonl")


@pytest.fixture(scope="module")
def heldout_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("heldout") / "heldout.db"
    api.ingest([HELDOUT / "articles"], db=db, workers=2, progress=False)
    return db


def quote_scores(db: Path, blind: bool) -> tuple[float, float]:
    """(share of gold quotations found, share found with the right speaker) on one split."""
    gold = [g for g in GOLD if g["doc"].startswith(BLIND) == blind]
    found = [{**q, "doc": Path(q["source"]).name} for q in api.quotes(db=db)]
    hits = [(g, find_quote(g, found)) for g in gold]
    n_found = sum(q is not None for _, q in hits)
    n_right = sum(1 for g, q in hits if q and speaker_right(g, q))
    return n_found / len(gold), n_right / len(gold)


@pytest.mark.parametrize("split", ["dev", "blind"])
def test_heldout_quotes_meet_the_floors(heldout_db, split):
    found, right = quote_scores(heldout_db, split == "blind")
    print(f"\nheld-out {split}: quotations found {found:.3f}, right speakers {right:.3f}")
    assert found >= FLOORS[f"heldout_{split}_quotes_found_ratio"], f"{split}: quotations found {found:.3f}"
    assert right >= FLOORS[f"heldout_{split}_speakers_right_ratio"], f"{split}: right speakers {right:.3f}"


def test_heldout_cleaning_meets_the_floors(heldout_db):
    with Store(heldout_db, readonly=True) as store:
        docs = {Path(r["source"]).name: (r["text"], json.loads(r["kept"]), json.loads(r["removed"]))
                for r in store.query("SELECT source, text, kept, removed FROM documents")}
    drops = keeps = dropped = kept = 0
    for gold in CLEANING:
        text, kept_ranges, removed = docs[gold["doc"]]
        for d in gold["drop"]:
            for span in line_spans(text, d["starts"])[:1]:
                drops += 1
                dropped += covered(span, [(s, e) for s, e, _ in removed], text)
        for k in gold["keep"]:
            for span in line_spans(text, k)[:1]:
                keeps += 1
                kept += body_kept(span, [tuple(r) for r in kept_ranges], removed, text)
    assert dropped / drops >= FLOORS["heldout_drop_lines_removed_ratio"], f"noise removed {dropped}/{drops}"
    assert kept / keeps >= FLOORS["heldout_keep_lines_kept_ratio"], f"body kept {kept}/{keeps}"
