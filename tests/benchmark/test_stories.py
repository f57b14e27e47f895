"""Story scoring on invented groupings: pairwise and B-cubed figures, spans, records from file names."""
from __future__ import annotations

import json

import pytest

from newsgraph.benchmark.stories import Scores, bcubed, pairwise, read_gold, records, spans

GOLD = {"a_2016-09-01_x": 1, "b_2016-09-02_y": 1, "c_2016-09-03_z": 1, "d_2016-09-20_w": 2}


def test_a_perfect_grouping_scores_one():
    assert pairwise(GOLD, GOLD) == (1.0, 1.0, 1.0)
    assert bcubed(GOLD, GOLD) == (1.0, 1.0, 1.0)


def test_one_story_of_everything_has_full_recall_and_poor_precision():
    everything = {n: 0 for n in GOLD}
    p, r, f = pairwise(everything, GOLD)
    assert (p, r) == (pytest.approx(3 / 6), 1.0) and f == pytest.approx(2 / 3)
    bp, br, _ = bcubed(everything, GOLD)
    assert br == 1.0 and bp == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)


def test_singletons_have_no_pairs_and_no_recall():
    alone = {n: i for i, n in enumerate(GOLD)}
    assert pairwise(alone, GOLD) == (1.0, 0.0, 0.0)


def test_spans_give_days_and_the_longest_gap():
    assert sorted(spans({n: 0 for n in GOLD})) == [(19, 17, 4)]
    figures = Scores({n: 0 for n in GOLD}, GOLD).figures()
    assert (figures["longest_span_days"], figures["longest_span_with_gap_over_14_days"], figures["largest"]) == (19, 19, 4)


def test_gold_and_records(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"story": "x", "articles": ["b_2016-09-02_y", "a_2016-09-01_x"]}\n\n{"articles": ["c_z"]}\n')
    assert read_gold(gold) == {"b_2016-09-02_y": 0, "a_2016-09-01_x": 0, "c_z": 1}
    for name in read_gold(gold):
        (tmp_path / f"{name}.txt").write_text(f"Text of {name}.\n")
    recs = records(tmp_path, list(read_gold(gold)))
    assert [r["source"] for r in recs] == ["c_z", "a_2016-09-01_x", "b_2016-09-02_y"]  # undated first, then by date
    assert recs[1] == {"source": "a_2016-09-01_x", "text": "Text of a_2016-09-01_x.\n", "publisher": "a",
                       "published": "2016-09-01"}
    assert "publisher" not in recs[0]
    json.dumps(recs)
