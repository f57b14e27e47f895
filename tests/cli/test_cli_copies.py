"""`newsgraph copies` and `newsgraph benchmark copies` on a small store of invented articles."""
from __future__ import annotations

import csv
import io
import json

import pytest

from dedupe.builders import write_jsonl
from dedupe.texts import ARTICLE, INDEPENDENT, spin

CONTRACT = {"source", "original", "kind", "similarity", "direction", "spans"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from newsgraph import api

    root = tmp_path_factory.mktemp("cli-copies")
    feed = write_jsonl(root / "feed.jsonl", [
        {"text": ARTICLE, "title": "Tram approved", "published": "2024-05-01", "publisher": "Velmora Post"},
        {"text": spin(ARTICLE), "title": "Tram line approved", "published": "2024-05-02"},
        {"text": "\n".join(ARTICLE.splitlines()[:5]), "title": "Tram (short)", "published": "2024-05-03"},
        {"text": INDEPENDENT, "title": "Tram goes ahead", "published": "2024-05-01"},
    ])
    db = root / "copies.db"
    report = api.ingest([feed], db=db, pipeline="clean,language", workers=1, progress=False)
    assert report.added == 4, report
    return db


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_copies_jsonl_carries_the_contract(db, run_cli):
    code, out, err = run_cli("copies", "--db", db, "--format", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    assert all(CONTRACT <= set(r) for r in rows)
    found = {(r["source"].rsplit("#", 1)[1], r["original"].rsplit("#", 1)[1], r["kind"], r["direction"])
             for r in rows}
    assert ("L2", "L1", "spun", "published") in found and ("L3", "L1", "partial", "published") in found
    assert not [r for r in rows if r["source"].endswith("#L4") or r["original"].endswith("#L4")]


def test_copies_kind_and_source_filters(db, run_cli):
    _, out, _ = run_cli("copies", "--db", db, "--format", "jsonl", "--kind", "SPUN")
    assert {r["kind"] for r in jsonl(out)} == {"spun"}
    _, out, _ = run_cli("copies", "--db", db, "--format", "jsonl", "--source", "#L3")
    assert jsonl(out) and all("#L3" in r["source"] + r["original"] for r in jsonl(out))
    _, out, _ = run_cli("copies", "--db", db, "--format", "jsonl", "--limit", "1")
    assert len(jsonl(out)) == 1


def test_copies_csv_gives_aligned_spans_as_ranges_joined_with_semicolons(db, run_cli):
    code, out, err = run_cli("copies", "--db", db, "--format", "csv")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    _, as_jsonl, _ = run_cli("copies", "--db", db, "--format", "jsonl")
    assert table and CONTRACT <= set(table[0])
    for row, full in zip(table, jsonl(as_jsonl)):  # same order, same pairs
        assert row["spans"] == "; ".join(f"[{a}:{b}]->[{c}:{d}]" for a, b, c, d in full["spans"])


def test_copies_table_names_both_sides(db, run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    code, out, err = run_cli("copies", "--db", db)
    assert code == 0, err
    for text in ("Copies", "Tram line approved", "Tram approved", "spun", "published"):
        assert text in out, text


def test_a_bad_kind_is_one_error_line(db, run_cli):
    code, _, err = run_cli("copies", "--db", db, "--kind", "spun,copied")
    assert code == 2 and err.startswith("newsgraph: E") and "not a copy kind: copied" in err
    assert len(err.strip().splitlines()) == 1


def test_no_copies_is_a_note_not_an_error(tmp_path, run_cli):
    from newsgraph import api

    write_jsonl(tmp_path / "one.jsonl", [{"text": ARTICLE}])
    api.ingest([tmp_path / "one.jsonl"], db=tmp_path / "one.db", pipeline="clean,language", workers=1,
               progress=False)
    code, out, err = run_cli("copies", "--db", tmp_path / "one.db")
    assert code == 0 and out == ""  # one message, on stderr: no "(nothing found)" besides it
    assert err == "newsgraph: no copies found; the database holds one document (a copy takes two)\n"
    code, out, err = run_cli("copies", "--db", tmp_path / "one.db", "--kind", "exact")
    assert code == 0 and out == "" and err == "newsgraph: no copies found; nothing matches those filters\n"


def test_benchmark_copies_reports_rates_and_index_size(db, tmp_path, run_cli):
    write_jsonl(tmp_path / "set.jsonl", [{"text": ARTICLE}, {"text": spin(ARTICLE)}, {"text": INDEPENDENT}])
    code, out, err = run_cli("benchmark", "copies", tmp_path / "set.jsonl", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert figures["documents"] == 3
    assert figures["baseline_docs_per_s"] > 0 and figures["index_docs_per_s"] > 0 and figures["link_docs_per_s"] > 0
    assert 1000 < figures["index_bytes_per_doc"] < 20000
