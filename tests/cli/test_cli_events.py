"""The event commands on a small store built from hand-made Documents: events, actors, relations, export."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from query.event_docs import build_store

CONTRACT = {"id", "type", "mode", "context", "actor", "recipient", "date", "date_precision", "negated", "future",
            "hypothetical", "historical", "evidence", "reports", "publishers", "sources", "score"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("cli-events") / "events.db")


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def one_error_line(err: str, code: str) -> bool:
    return err.startswith(f"newsgraph: {code} ") and len(err.strip().splitlines()) == 1


def test_events_jsonl_carries_the_contract(db, run_cli):
    code, out, err = run_cli("events", "--db", db, "--format", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    assert len(rows) == 7 and all(set(r) == CONTRACT for r in rows)


def test_events_csv_has_one_row_per_event_with_lists_joined_by_semicolons(db, run_cli):
    code, out, err = run_cli("events", "--db", db, "--format", "csv")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    _, as_jsonl, _ = run_cli("events", "--db", db, "--format", "jsonl")
    assert len(table) == 7 and CONTRACT <= set(table[0])
    assert table[0]["actor"] == "Norway (NOR:GOV)"
    for row, event in zip(table, jsonl(as_jsonl)):
        assert row["recipient"] == "; ".join(
            f"{a['name']} ({':'.join(x for x in (a['country'], a['sector']) if x)})" for a in event["recipient"])
        assert row["evidence"] == "; ".join(f"{x['source']} [{x['start']}:{x['end']}]" for x in event["evidence"])
        assert row["context"] == "; ".join(event["context"]) and not row["context"].startswith("[")


def test_events_table_shows_actors_types_and_evidence(db, run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # wide enough that no cell is folded
    code, out, err = run_cli("events", "--db", db)
    assert code == 0, err
    for text in ("Norway (NOR:GOV)", "CONSULT visit", "fjord-1.txt", "negated", "Events"):
        assert text in out, text


def test_events_filters(db, run_cli):
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--actor", "finland", "--recipient", "NOR",
                        "--type", "reject,threaten", "--from", "2021-08", "--to", "2021-08-31")
    assert sorted(r["type"] for r in jsonl(out)) == ["REJECT", "THREATEN"]
    _, out, _ = run_cli("events", "--db", db, "--format", "jsonl", "--limit", "1")
    assert len(jsonl(out)) == 1


def test_an_empty_result_exits_0_with_a_note(db, run_cli):
    code, out, err = run_cli("events", "--db", db, "--format", "jsonl", "--actor", "Nobody Atall")
    assert code == 0 and out == ""
    assert "no events found" in err


@pytest.mark.parametrize("args, code", [
    (("--from", "last week"), "E019"),
    (("--to", "2021-02-30"), "E019"),
    (("--type", "GOSSIP"), "E020"),
])
def test_bad_filters_are_one_line_errors(db, run_cli, args, code):
    rc, out, err = run_cli("events", "--db", db, *args)
    assert rc == 2 and out == ""
    assert one_error_line(err, code), err
    assert "{" not in err  # every placeholder of the message and of its hint filled


def test_a_bad_type_lists_the_types_there_are(db, run_cli):
    from newsgraph.ontology.plover import TYPES

    rc, _, err = run_cli("events", "--db", db, "--type", "CONSULT,FOO")
    assert rc == 2 and "not a PLOVER event type: FOO" in err
    assert f"(one or more of {', '.join(TYPES)}, comma-separated)" in err


def test_actors(db, run_cli):
    code, out, err = run_cli("actors", "--db", db, "--format", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    assert {"name", "country", "sector", "type", "events", "as_recipient"} <= set(rows[0])
    assert {r["name"] for r in rows} == {"Norway", "Finland", "Estonian army", "Sauli Niinistö"}
    _, out, _ = run_cli("actors", "--db", db, "--country", "EST", "--sector", "mil")
    assert "Estonian army" in out and "Norway" not in out
    code, out, err = run_cli("actors", "--db", db, "--country", "XYZ")
    assert code == 0 and out == "" and "no actors found" in err  # one message: the note


def test_relations_table_prints_events_and_the_series(db, run_cli):
    code, out, err = run_cli("relations", "Norway", "Finland", "--db", db)
    assert code == 0, err
    assert "Events between Norway and Finland" in out and "Norway and Finland, by month" in out
    assert "A->B" in out and "B->A" in out and "2021-07" in out
    assert "negated or hypothetical" in err


def test_relations_jsonl_and_series_csv(db, run_cli):
    _, out, _ = run_cli("relations", "Norway", "Finland", "--db", db, "--format", "jsonl")
    rows = jsonl(out)
    assert [r["direction"] for r in rows] == ["A->B", "A->B", "B->A", "B->A", "A+B"]
    assert {"date", "type", "mode", "direction", "score", "reports"} <= set(rows[0])
    code, out, err = run_cli("relations", "Norway", "Finland", "--db", db, "--series", "--format", "csv",
                             "--by", "week")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert table[0]["period"] == "2021-W27" and len(table) == 7
    assert {"count", "mean_score", "sum_score", "cooperation", "conflict"} <= set(table[0])


@pytest.mark.parametrize("name", ["relation.png", "relation.svg"])
def test_relations_plot(db, run_cli, tmp_path, name):
    out_file = tmp_path / name
    code, _, err = run_cli("relations", "NOR", "FIN", "--db", db, "--plot", out_file, "--plot-value", "mean")
    assert code == 0, err
    assert out_file.stat().st_size > 1000 and "chart written" in err


def test_relations_plot_errors(db, run_cli, tmp_path):
    code, _, err = run_cli("relations", "NOR", "FIN", "--db", db, "--plot", tmp_path / "chart.gif")
    assert code == 2 and one_error_line(err, "E021")
    code, _, err = run_cli("relations", "NOR", "FIN", "--db", db, "--plot", tmp_path / "no" / "chart.png")
    assert code == 2 and "E018" in err


def test_relations_between_strangers_is_empty_not_an_error(db, run_cli):
    code, out, err = run_cli("relations", "Norway", "Atlantis", "--db", db)
    assert code == 0 and out == "" and "no events between Norway and Atlantis" in err


def test_export_plover_and_parquet(db, run_cli, tmp_path):
    plover = tmp_path / "events.jsonl"
    code, _, err = run_cli("export", "events", "--db", db, "--out", plover)
    assert code == 0 and "wrote 7 events" in err
    assert all({"id", "date", "actor", "event"} <= set(r) for r in jsonl(plover.read_text(encoding="utf-8")))
    parquet = tmp_path / "events.parquet"
    code, _, err = run_cli("export", "events", "--db", db, "--format", "parquet", "--out", parquet,
                           "--actor", "NOR")
    assert code == 0, err
    assert sorted(pq.read_table(parquet).column("type").to_pylist()) == ["ACCUSE", "CONSULT", "CONSULT"]


def test_export_errors(db, run_cli, tmp_path):
    code, _, err = run_cli("export", "events", "--db", db, "--format", "xml", "--out", tmp_path / "x")
    assert code == 2 and "xml" in err
    code, _, err = run_cli("export", "events", "--db", db, "--out", tmp_path / "missing" / "x.jsonl")
    assert code == 2 and one_error_line(err, "E018")
    code, _, err = run_cli("export", "events", "--db", db, "--out", tmp_path / "none.jsonl", "--type", "AID")
    assert code == 0 and "no events found" in err and (tmp_path / "none.jsonl").read_text() == ""


def test_a_missing_database_is_e001(run_cli, tmp_path):
    for command in (("events",), ("actors",), ("relations", "A", "B"), ("export", "events", "--out", "x")):
        code, _, err = run_cli(*command, "--db", tmp_path / "missing.db")
        assert code == 2 and one_error_line(err, "E001"), command
