"""The event scorer on invented gold rows: sentence, type and actor-name matching, and the counts."""
from __future__ import annotations

import json

from newsgraph.benchmark.events import EventScores, Report, matches, read_event_gold, record_of


def gold(types=("ACCUSE",), actor="Senator Ada Quill", sentence=(10, 80)) -> dict:
    return {"article": "a", "sentence": list(sentence), "trigger": [20, 27], "actor": {"name": actor},
            "recipient": None, "types": list(types)}


def report(start=20, type_="ACCUSE", actors=("Ada Quill",), confident=True) -> Report:
    return Report("a", (start, start + 5), type_, list(actors), [], 1.0 if confident else 0.2, confident)


def test_a_report_matches_by_sentence_type_and_a_name_word():
    assert matches(gold(), report())
    assert not matches(gold(), report(start=85))  # trigger outside the sentence
    assert not matches(gold(), report(type_="ASSAULT"))
    assert not matches(gold(), report(actors=("Bo Marsh",)))
    assert matches(gold(types=("ASSAULT", "ACCUSE")), report())


def test_fillers_never_make_a_name_match():
    assert not matches(gold(actor="Mr. Quill"), report(actors=("Mr. Marsh",)))


def test_recall_over_every_candidate_and_over_the_confident():
    scores = EventScores()
    scores.add("a", [gold(), gold(types=("REQUEST",))], [report(confident=False), report(type_="REQUEST")])
    f = scores.figures()
    assert (f["gold"], f["reports"], f["confident_reports"]) == (2, 2, 1)
    assert (f["found_all"], f["found_confident"]) == (2, 1)
    assert f["recall_all"] == 1.0 and f["recall_confident"] == 0.5
    assert scores.missed == []


def test_gold_is_read_by_article_and_records_take_the_file_name(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in (gold(), gold(), {**gold(), "article": "b"})) + "\n")
    assert {k: len(v) for k, v in read_event_gold(path).items()} == {"a": 2, "b": 1}
    text = tmp_path / "wire_2016-09-30_a-slug.txt"
    text.write_text("Body.", encoding="utf-8")
    assert record_of(text) == {"text": "Body.", "url": text.stem, "publisher": "wire", "published": "2016-09-30"}
