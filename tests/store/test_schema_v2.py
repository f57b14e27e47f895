"""Schema version 2: actors, time expressions and events; a version 1 file upgrades on open."""
from __future__ import annotations

import sqlite3

from newsgraph.model import Actor
from newsgraph.pipeline.ingest import save_document
from newsgraph.store.schema import MIGRATIONS, SCHEMA_VERSION
from newsgraph.store.sqlite import Store
from query.event_docs import FIN, NOR, make_doc, on, report


def v1_database(path) -> None:
    """A database as version 1 of newsgraph left it, with a document and a quotation."""
    con = sqlite3.connect(path)
    con.executescript("BEGIN;" + MIGRATIONS[0] + ";PRAGMA user_version = 1;COMMIT;")
    con.execute("INSERT INTO documents (id, source, format, text, ingested_at) VALUES "
                "('old', 'old.txt', 'txt', 'Lee said: \"All is well.\"', '2026-01-01')")
    con.execute("INSERT INTO quotes (document_id, start, end, text, kind) "
                "VALUES ('old', 11, 23, 'All is well.', 'direct')")
    con.commit()
    con.close()


def tables(store: Store, kind: str = "table") -> set[str]:
    return {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_a_version_1_file_upgrades_on_open_and_keeps_its_data(tmp_path):
    path = tmp_path / "v1.db"
    v1_database(path)
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION >= 2
        assert {"actors", "time_expressions", "events", "event_reports", "event_actors"} <= tables(store)
        assert store.counts() == {"documents": 1, "quotes": 1, "people": 0, "events": 0}
        assert next(store.query("SELECT text FROM quotes"))["text"] == "All is well."
        save_document(store, make_doc("new", [report("Norway met Finland.", "met", "CONSULT", [NOR], [FIN],
                                                     **on("2021-07-08"))]))
        assert store.counts()["events"] == 1
    with Store(path, readonly=True) as store:  # reopening migrates nothing more
        assert store.version == SCHEMA_VERSION and store.counts()["documents"] == 2


def test_the_indexes_for_actor_type_and_date_queries_exist(tmp_path):
    with Store(tmp_path / "a.db") as store:
        assert {"events_signature", "events_type", "events_date", "event_actors_actor", "event_reports_event",
                "event_reports_document", "time_expressions_document"} <= tables(store, "index")


def test_time_expressions_are_stored_with_the_document_and_go_with_it(tmp_path):
    doc = make_doc("t", [report("Norway met Finland on Thursday.", "met", "CONSULT", [NOR], [FIN])],
                   times=["on Thursday"])
    with Store(tmp_path / "t.db") as store:
        save_document(store, doc)
        [row] = store.query("SELECT * FROM time_expressions")
        assert doc.text[row["start"]:row["end"]] == row["text"] == "on Thursday"
        assert (row["value"], row["precision"], row["first"], row["last"], row["anchored"]) == \
            ("2021-07-08", "day", "2021-07-08", "2021-07-08", 1)
        store.delete_document("t")
        assert list(store.query("SELECT * FROM time_expressions")) == []


def test_an_actor_is_stored_once_even_without_country_or_sector(tmp_path):
    with Store(tmp_path / "a.db") as store:
        first = store.actor_id(Actor("Harbour workers"))
        assert store.actor_id(Actor("Harbour workers", type="group")) == first
        assert store.actor_id(Actor("Harbour workers", country="KEN")) != first
        assert [r["country"] for r in store.query("SELECT country FROM actors WHERE id = ?", (first,))] == [""]


def test_deleting_a_document_removes_its_quotes_and_the_people_only_it_quoted(tmp_path):
    from newsgraph.model import Mention, Person, Quote, Span

    text = 'Ada Varnholt said: "The bridge opens in May."'
    doc = make_doc("q", [])
    doc.text = text
    doc.people = [Person(name="Ada Varnholt")]
    doc.quotes = [Quote(content=Span(20, 44), kind="direct", cue=Span(13, 17), speaker=Mention(0, 12, "Ada Varnholt"),
                        speaker_name="Ada Varnholt")]
    with Store(tmp_path / "q.db") as store:
        save_document(store, doc)
        assert store.counts()["people"] == 1 and store.counts()["quotes"] == 1
        assert store.delete_document("q")
        assert store.counts() == {"documents": 0, "quotes": 0, "people": 0, "events": 0}
        assert list(store.query("SELECT * FROM ingest_log")) == []
