"""`newsgraph stories` and `newsgraph statements` on a small store clustered with a fake encoder."""
from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph.cluster import assign_story, link_statements, refresh_sources
from newsgraph.store.sqlite import Store

from cluster.helpers import FakeEncoder, add_copy, add_document

STORIES = {"id", "label", "title", "actors", "documents", "first", "last", "sources"}
STATEMENTS = {"id", "speaker", "text", "reports", "sources", "quotes"}

REOPEN = "the ferry line to the northern islands will reopen in April"
FERRY = "The ferry line to the northern islands will reopen in April after both vessels were repaired over the winter."
FERRY_2 = "Ferry tickets for the northern islands go on sale in March, and the line will reopen in April."
BUDGET = "The town council of Harlow approved a smaller budget on Thursday after a four-hour debate on libraries."


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-stories") / "stories.db"
    enc = FakeEncoder()
    with Store(path) as store:
        docs = [
            add_document(store, "ferry-1", f"{FERRY} Idris Vantongeren said {REOPEN}.",
                         title="Island ferry to reopen in April",
                         people=[("Idris Vantongeren", "NOR")], quotes=[("Idris Vantongeren", REOPEN)]),
            add_document(store, "ferry-2", f"{FERRY_2} Idris Vantongeren said {REOPEN}.", published="2024-03-02",
                         people=[("Idris Vantongeren", "NOR")], quotes=[("Idris Vantongeren", REOPEN)]),
            add_document(store, "ferry-copy", f"{FERRY} Idris Vantongeren said {REOPEN}.", published="2024-03-02",
                         people=[("Idris Vantongeren", "NOR")], quotes=[("Idris Vantongeren", REOPEN)]),
            add_document(store, "budget", f"{BUDGET} Mirela Soltanova said the cuts were fair to all.",
                         published="2024-05-09", people=[("Mirela Soltanova", None)],
                         quotes=[("Mirela Soltanova", "the cuts were fair to all")]),
        ]
        add_copy(store, "ferry-copy", "ferry-1", "exact", 1.0)
        for doc in docs:
            with store.transaction():
                assign_story(store, doc, enc)
                link_statements(store, doc, enc)
                refresh_sources(store, doc.id)
    return path


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_stories_jsonl_carries_the_contract(db, run_cli):
    code, out, err = run_cli("stories", "--db", db, "--format", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    assert [r["documents"] for r in rows] == [3, 1] and all(STORIES <= set(r) for r in rows)
    ferry = rows[0]
    assert ferry["title"] == "Island ferry to reopen in April"
    assert ferry["actors"] == ["Idris Vantongeren"] and "Idris Vantongeren" in ferry["label"]
    assert (ferry["first"], ferry["last"]) == ("2024-03-01", "2024-03-02")
    assert ferry["sources"][0] == "/news/ferry-1.txt" and len(ferry["sources"]) == 3
    assert ferry["independent"] == 2  # the exact copy counts once


def test_stories_csv_and_table(db, run_cli, monkeypatch):
    code, out, err = run_cli("stories", "--db", db, "--format", "csv")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 2 and STORIES <= set(table[0])
    assert table[0]["sources"].split("; ")[0] == "/news/ferry-1.txt"
    assert table[0]["actors"] == "Idris Vantongeren"
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no title is folded
    code, out, err = run_cli("stories", "--db", db)
    assert code == 0 and "Island ferry to reopen" in out and "3/2" in out


def test_stories_limit_and_source_filter(db, run_cli):
    _, out, _ = run_cli("stories", "--db", db, "--format", "jsonl", "--source", "budget")
    assert [r["documents"] for r in jsonl(out)] == [1]
    _, out, _ = run_cli("stories", "--db", db, "--format", "jsonl", "--limit", "1")
    assert len(jsonl(out)) == 1


def test_statements_count_independent_sources(db, run_cli):
    code, out, err = run_cli("statements", "--db", db, "--format", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    assert all(STATEMENTS <= set(r) for r in rows)
    top = rows[0]
    assert (top["speaker"], top["text"], top["reports"], top["sources"]) == ("Idris Vantongeren", REOPEN, 3, 2)
    assert {q["source"] for q in top["quotes"]} == {"/news/ferry-1.txt", "/news/ferry-2.txt", "/news/ferry-copy.txt"}


def test_statements_filters(db, run_cli):
    _, out, _ = run_cli("statements", "--db", db, "--format", "jsonl", "--min-sources", "2")
    assert [r["speaker"] for r in jsonl(out)] == ["Idris Vantongeren"]
    _, out, _ = run_cli("statements", "--db", db, "--format", "jsonl", "--speaker", "soltanova")
    assert [r["text"] for r in jsonl(out)] == ["the cuts were fair to all"]
    code, out, err = run_cli("statements", "--db", db, "--min-sources", "5")
    assert code == 0 and "nothing matches" in err
    code, out, err = run_cli("statements", "--db", db, "--min-sources", "0")
    assert code == 2 and "--min-sources" in err


def test_statements_table_shows_reports_and_sources(db, run_cli):
    code, out, err = run_cli("statements", "--db", db)
    assert code == 0, err
    assert "3/2" in out and "Vantongeren" in out


def test_an_empty_database_is_not_an_error(tmp_path, run_cli):
    with Store(tmp_path / "empty.db"):
        pass
    for command in ("stories", "statements"):
        code, out, err = run_cli(command, "--db", tmp_path / "empty.db")
        assert code == 0 and "holds no documents" in err
