"""`newsgraph times`: the time expressions of the stored articles, with values and offsets."""
from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from newsgraph import api

    folder = tmp_path_factory.mktemp("times")
    (folder / "a.jsonl").write_text(json.dumps({
        "id": "a", "published": "2024-03-15", "title": "Talks resume",
        "text": "Talks resume\n\nKenya and Tanzania met on March 3 and again last week. "
                "The two ministers will meet in May.",
    }) + "\n")
    db = folder / "t.db"
    api.ingest([folder / "a.jsonl"], db=db, workers=1, progress=False)
    return db


def test_times_jsonl_gives_values_precisions_and_offsets(db, run_cli):
    code, out, _ = run_cli("times", "--db", db, "--format", "jsonl")
    assert code == 0
    rows = {r["text"]: r for r in map(json.loads, out.splitlines())}
    assert rows["March 3"]["value"] == "2024-03-03" and rows["March 3"]["precision"] == "day"
    assert rows["last week"]["precision"] == "week" and rows["last week"]["anchored"] is True
    assert rows["May"]["value"] == "2024-05"
    for row in rows.values():
        assert row["end"] - row["start"] == len(row["text"])


def test_times_table_and_empty_result(db, run_cli):
    code, out, _ = run_cli("times", "--db", db)
    assert code == 0 and "March 3" in out and "last week" in out
    code, out, err = run_cli("times", "--db", db, "--source", "nothing-like-this")
    assert code == 0 and "no time expressions" in err
