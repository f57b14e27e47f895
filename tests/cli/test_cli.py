"""The newsgraph command: help everywhere, output formats with their contract fields, filters, errors."""
from __future__ import annotations

import csv
import io
import json

import click
import pytest

from newsgraph import __version__
from newsgraph.cli.main import cli

CONTRACT = {
    "quotes": {"source", "start", "end", "text", "kind", "cue", "speaker", "speaker_mention", "speaker_start",
               "speaker_end"},
    "documents": {"source", "title", "author", "publisher", "published", "published_from", "published_to", "text",
                  "removed"},
    "people": {"name", "aliases", "roles", "country", "quote_count", "sources"},
}


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += command_paths(command, prefix + (name,))
        else:
            paths.append(prefix + (name,))
    return paths


ALL_COMMANDS = command_paths(cli)


def test_the_walk_finds_every_command():
    assert {"ingest", "documents", "quotes", "people", "demo"} <= {p[0] for p in ALL_COMMANDS if p}
    assert ("benchmark", "speed") in ALL_COMMANDS


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "newsgraph")
def test_help_works_for_every_command(path, run_cli):
    code, out, err = run_cli(*path, "--help")
    assert code == 0, err
    assert out.startswith("Usage: newsgraph"), out
    assert " ".join(("newsgraph",) + path) in out.splitlines()[0]
    assert err == ""


def test_version(run_cli):
    code, out, err = run_cli("--version")
    assert code == 0
    assert out.strip() == f"newsgraph, version {__version__}"


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("command", ["quotes", "documents", "people"])
def test_jsonl_rows_carry_the_contract_fields(command, cli_db, run_cli):
    code, out, err = run_cli(command, "--db", cli_db, "--format", "jsonl")
    assert code == 0, err
    found = jsonl(out)
    assert found, out
    for row in found:
        assert CONTRACT[command] <= set(row), CONTRACT[command] - set(row)


def test_quote_offsets_point_into_the_raw_text(cli_db, run_cli):
    from newsgraph.store.sqlite import Store

    code, out, _ = run_cli("quotes", "--db", cli_db, "--format", "jsonl")
    with Store(cli_db, readonly=True) as store:
        texts = {r["source"]: r["text"] for r in store.query("SELECT source, text FROM documents")}
    for q in jsonl(out):
        assert texts[q["source"]][q["start"]:q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert texts[q["source"]][q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"]


@pytest.mark.parametrize("command", ["quotes", "documents", "people"])
def test_csv_has_a_header_and_one_row_per_jsonl_row(command, cli_db, run_cli):
    _, as_jsonl, _ = run_cli(command, "--db", cli_db, "--format", "jsonl")
    code, out, err = run_cli(command, "--db", cli_db, "--format", "csv")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert CONTRACT[command] <= set(table[0])
    assert len(table) == len(jsonl(as_jsonl))


@pytest.mark.parametrize("command", ["quotes", "documents", "people"])
def test_table_format_prints_rows(command, cli_db, run_cli):
    code, out, err = run_cli(command, "--db", cli_db)
    assert code == 0, err
    assert "(nothing found)" not in out
    assert "Soltanova" in out or command == "documents"


def test_speaker_filter(cli_db, run_cli):
    _, out, _ = run_cli("quotes", "--db", cli_db, "--format", "jsonl", "--speaker", "soltanova")
    found = jsonl(out)
    assert len(found) >= 2 and {q["speaker"] for q in found} == {"Mirela Soltanova"}
    _, out, _ = run_cli("people", "--db", cli_db, "--format", "jsonl", "--speaker", "Vantongeren")
    assert [p["name"] for p in jsonl(out)] == ["Idris Vantongeren"]
    _, out, _ = run_cli("quotes", "--db", cli_db, "--speaker", "Nobody Atall")
    assert "(nothing found)" in out


def test_source_filter(cli_db, run_cli):
    _, out, _ = run_cli("quotes", "--db", cli_db, "--format", "jsonl", "--source", "harbour")
    found = jsonl(out)
    assert found and all("harbour" in q["source"] for q in found)
    _, out, _ = run_cli("documents", "--db", cli_db, "--format", "jsonl", "--source", "council")
    assert [d["source"].rsplit("/", 1)[-1] for d in jsonl(out)] == ["budget.txt"]
    _, out, _ = run_cli("people", "--db", cli_db, "--format", "jsonl", "--source", "council")
    assert all(any("council" in s for s in p["sources"]) for p in jsonl(out))


def test_limit(cli_db, run_cli):
    _, out, _ = run_cli("quotes", "--db", cli_db, "--format", "jsonl", "--limit", "1")
    assert len(jsonl(out)) == 1


@pytest.mark.parametrize("command", ["quotes", "documents", "people"])
def test_a_missing_database_is_one_line_e001_and_exit_2(command, tmp_path, run_cli):
    code, out, err = run_cli(command, "--db", tmp_path / "missing.db")
    assert code == 2
    assert err.startswith("newsgraph: E001 ") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "missing.db").exists()  # a read command never creates a database


def test_no_db_option_and_no_default_database(tmp_path, run_cli):
    code, _, err = run_cli("people")  # run_cli works in tmp_path: no ./newsgraph.db there
    assert code == 2 and err.startswith("newsgraph: E001 ")
    assert not (tmp_path / "newsgraph.db").exists()


def test_a_file_that_is_not_a_database_is_e013(tmp_path, run_cli):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list: bread, milk, eggs\n" * 50)
    code, out, err = run_cli("quotes", "--db", notes)
    assert code == 2
    assert err.startswith("newsgraph: E013 ") and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert notes.read_text().startswith("shopping list")


def test_another_programs_sqlite_database_is_e013_and_left_alone(tmp_path, run_cli):
    import sqlite3

    other = tmp_path / "invoices.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    con.commit()
    con.close()
    code, _, err = run_cli("people", "--db", other)
    assert code == 2 and err.startswith("newsgraph: E013 ")
    con = sqlite3.connect(other)
    tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    con.close()
    assert tables == ["invoices"]


def test_bad_option_value_is_a_usage_error_not_a_traceback(cli_db, run_cli):
    code, out, err = run_cli("quotes", "--db", cli_db, "--format", "xml")
    assert code == 2 and "Traceback" not in err and "xml" in err


def test_ingest_summary_and_exit_code(tmp_path, run_cli):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text('"It will rain tomorrow," said Oskar Lindqvist, the forecaster.\n')
    code, out, err = run_cli("ingest", folder, "--db", tmp_path / "s.db", "--workers", "1", "--no-progress")
    assert code == 0, err
    assert out == ""  # stdout stays clean for pipes; the summary goes to stderr
    assert err.startswith("added 1 document (0 flagged") and "1 quotation," in err
    assert "0 problems" in err and "holds 1 document, 1 quotation, 1 person, 0 events" in err


def test_counts_agree_with_their_nouns():
    from newsgraph.cli.output import counted

    assert [counted(n, "problem") for n in (0, 1, 2)] == ["0 problems", "1 problem", "2 problems"]
    assert [counted(n, "story") for n in (1, 3)] == ["1 story", "3 stories"]
    assert [counted(n, "day") for n in (1, 3)] == ["1 day", "3 days"]
    assert [counted(n, "person", "people") for n in (1, 15)] == ["1 person", "15 people"]


def test_ingest_of_paths_that_do_not_exist_creates_no_database(run_cli, tmp_path):
    db = tmp_path / "x.db"
    code, out, err = run_cli("ingest", tmp_path / "nowhere", tmp_path / "neither.txt", "--db", db, "--no-progress")
    assert code == 2 and out == ""
    assert err.startswith("newsgraph: E001 no such file or folder: ") and "nowhere" in err and "neither.txt" in err
    assert len(err.strip().splitlines()) == 1 and not db.exists()


def test_ingest_with_one_good_path_goes_on_past_a_missing_one(run_cli, tmp_path):
    (tmp_path / "good.txt").write_text("The mayor said on Monday that the bridge would reopen in the spring.\n")
    db = tmp_path / "y.db"
    code, _, err = run_cli("ingest", tmp_path / "nowhere", tmp_path / "good.txt", "--db", db, "--no-progress",
                           "--workers", "1")
    assert code == 0 and "E001" in err and "added 1 document " in err and "1 problem." in err and db.exists()


def test_ingest_exits_1_when_every_input_failed_and_0_when_something_was_stored(run_cli, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run_cli("ingest", tmp_path / "empty.txt", "--db", tmp_path / "e.db", "--no-progress")
    assert code == 1 and "E002" in err
    (tmp_path / "good.txt").write_text("The mayor said on Monday that the bridge would reopen in the spring.\n")
    code, _, _ = run_cli("ingest", tmp_path / "empty.txt", tmp_path / "good.txt", "--db", tmp_path / "e.db",
                         "--no-progress", "--workers", "1")
    assert code == 0


def test_an_unknown_stage_is_refused_before_the_database_is_created(run_cli, tmp_path):
    (tmp_path / "ng.toml").write_text('pipeline = ["clean", "nope"]\n')
    (tmp_path / "a.txt").write_text("Some text.\n")
    code, _, err = run_cli("--config", tmp_path / "ng.toml", "ingest", tmp_path / "a.txt", "--db", tmp_path / "n.db")
    assert code == 2 and "E014" in err
    assert not (tmp_path / "n.db").exists()
