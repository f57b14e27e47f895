"""The Python API mirrors the event commands."""
from __future__ import annotations

from newsgraph import api

from .event_docs import build_store


def test_api_events_actors_relations_export_and_delete(tmp_path):
    db = build_store(tmp_path / "api.db")
    assert [e["type"] for e in api.events(db=db, actor="EST")] == ["COOPERATE"]
    assert {a["name"] for a in api.actors(db=db, country="NOR")} == {"Norway"}
    assert [r["direction"] for r in api.relations("Finland", "Norway", db=db, limit=2)] == ["B->A", "B->A"]
    series = api.relation_series("Norway", "Finland", db=db, by="month")
    assert [p["count"] for p in series.periods] == [2, 2]
    assert api.plot_relation("Norway", "Finland", tmp_path / "r.svg", db=db).stat().st_size > 0
    assert api.export_events(tmp_path / "e.parquet", "parquet", db=db, type="CONSULT") == 2
    assert api.delete_document("baltic-1", db=db) is True
    visit = next(e for e in api.events(db=db, type="CONSULT") if e["recipient"])
    assert (visit["reports"], visit["publishers"]) == (1, 1)
    assert [e["type"] for e in api.events(db=db, actor="EST")] == []
