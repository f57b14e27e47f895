"""Exports: PLOVER JSON lines and Parquet hold what `newsgraph events` prints."""
from __future__ import annotations

import datetime as dt
import json

import pyarrow.parquet as pq
import pytest

from newsgraph import query
from newsgraph.errors import NewsgraphError
from newsgraph.export import export_events
from newsgraph.export.tables import events_schema
from newsgraph.ontology.plover import TYPES
from newsgraph.store.sqlite import Store
from query.event_docs import build_store

REQUIRED = {"id", "date", "actor", "event"}  # the manual's required fields


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("export") / "export.db")
    with Store(path, readonly=True) as s:
        yield s


SAME = ("type", "mode", "context", "actor", "recipient", "date", "date_precision", "negated", "future",
        "hypothetical", "historical", "reports", "publishers", "sources", "score")


def test_parquet_is_a_folder_by_month_of_first_publication_with_the_contract_rows_typed(store, tmp_path):
    out = tmp_path / "events"
    assert export_events(store, out, "parquet") == 7
    # Reported first on 2021-07-09 and 2021-07-10 (fjord, baltic) or on 2021-08-20 (lake).
    assert sorted(p.name for p in out.iterdir()) == ["month=2021-07", "month=2021-08"]
    table = pq.read_table(out)
    assert table.drop_columns(["month"]).schema.equals(events_schema())
    got = {r["id"]: r for r in table.to_pylist()}
    wanted = list(query.events(store))
    assert len(got) == len(wanted) == 7
    for want in wanted:
        row = got[want["id"]]
        assert {k: row[k] for k in SAME} == {k: want[k] for k in SAME}
        assert [(e["document"], e["start"], e["end"], e["text"], e["trigger_start"], e["trigger_end"])
                for e in row["evidence"]] == [(e["document"], e["start"], e["end"], e["text"], e["trigger_start"],
                                               e["trigger_end"]) for e in want["evidence"]]
        first = min(dt.date.fromisoformat(e["published"]) for e in want["evidence"])
        assert row["published"] == first and row["month"] == first.isoformat()[:7]
        assert all(isinstance(e["published"], dt.date) for e in row["evidence"])
    drills = next(r for r in got.values() if r["type"] == "COOPERATE")
    assert (drills["date"], drills["date_first"], drills["date_last"]) == (
        "2021-08", dt.date(2021, 8, 1), dt.date(2021, 8, 31))


def test_parquet_with_filters_and_an_empty_result_keeps_the_schema(store, tmp_path):
    out = tmp_path / "accuse"
    assert export_events(store, out, "parquet", type="ACCUSE") == 1
    assert pq.read_table(out).column("type").to_pylist() == ["ACCUSE"]
    empty = tmp_path / "empty"
    assert export_events(store, empty, "parquet", actor="nobody") == 0
    table = pq.read_table(empty)
    assert table.num_rows == 0 and table.drop_columns(["month"]).schema.equals(events_schema())


def test_every_plover_line_is_a_json_record_with_the_required_fields(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export_events(store, out, "plover") == 7
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 7
    rows = {r["id"]: r for r in query.events(store)}
    for line in lines:
        rec = json.loads(line)
        assert REQUIRED <= set(rec)
        assert len(rec["event"]) == 1 and rec["event"][0] in TYPES
        assert rec["quad_code"] in (1, 2, 3, 4) and isinstance(rec["event_scale"], float)
        assert rec["date"] is None or len(rec["date"]) == 10  # YYYY-MM-DD, as the manual asks
        for entity in rec["actor"] + rec["recipient"]:
            assert {"code", "sector", "entity_text"} <= set(entity)
        row = rows[rec["id"]]
        assert rec["event_text"] == [e["text"] for e in row["evidence"]]
        assert rec["evidence"] == row["evidence"] and rec["reports"] == row["reports"]


def test_plover_dates_modes_and_auxiliary_context(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export_events(store, out, "plover")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    recs = {r["event"][0]: r for r in lines}
    drills = recs["COOPERATE"]
    assert (drills["date"], drills["enddate"], drills["date_precision"]) == ("2021-08-01", "2021-08-31", "month")
    assert "future" in drills["context"] and "military" in drills["context"]
    assert "negation" in recs["THREATEN"]["context"]
    visit = next(r for r in lines if r["mode"] == ["visit"])
    assert visit["date"] == "2021-07-08" and "enddate" not in visit
    assert visit["event_loc"] == {"extracted_place": "Helsinki"}
    assert visit["actor"] == [{"code": "NOR", "sector": "GOV", "sector_code": "GOV", "entity_text": "Norway",
                               "entity_name": "Norway"}]
    assert recs["ACCUSE"]["mode"] == []


@pytest.mark.parametrize("fmt", ["plover", "parquet"])
def test_an_unwritable_output_is_a_clear_error(store, tmp_path, fmt):
    with pytest.raises(NewsgraphError) as err:
        export_events(store, tmp_path / "no" / "such" / "folder" / "out", fmt)
    assert err.value.code == "E018"


def test_a_bad_filter_fails_before_the_file_is_created(store, tmp_path):
    out = tmp_path / "never.jsonl"
    with pytest.raises(NewsgraphError):
        export_events(store, out, "plover", date_from="soon")
    assert not out.exists()


def test_an_unknown_format_is_refused(store, tmp_path):
    with pytest.raises(NewsgraphError):
        export_events(store, tmp_path / "x", "xml")
