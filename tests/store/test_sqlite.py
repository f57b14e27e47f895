import sqlite3

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.model import Document, Mention, Quote, Removal, Span
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.sqlite import Store


def test_new_database_is_at_the_current_schema_version(tmp_path):
    with Store(tmp_path / "a.db") as store:
        assert store.version == SCHEMA_VERSION
    with Store(tmp_path / "a.db") as store:  # reopening migrates nothing
        assert store.version == SCHEMA_VERSION


def test_a_newer_database_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "future.db"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.close()
    with pytest.raises(NewsgraphError) as err:
        Store(path)
    assert err.value.code == "E012"


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not sqlite " * 100)
    with pytest.raises(NewsgraphError) as err:
        Store(path)
    assert err.value.code == "E013"


def test_readonly_open_of_a_missing_database_is_not_found(tmp_path):
    with pytest.raises(NewsgraphError) as err:
        Store(tmp_path / "missing.db", readonly=True)
    assert err.value.code == "E001"


def test_a_failed_transaction_leaves_no_half_written_record(tmp_path):
    doc = Document(id="abc", source="a.txt", text="Lee said: “All is well.”",
                   removed=[Removal(0, 0, "none")], kept=[Span(0, 24)])
    quote = Quote(content=Span(11, 23), kind="direct", cue=Span(4, 8), speaker=Mention(0, 3, "Lee"))
    with Store(tmp_path / "t.db") as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.insert_document(doc)
                store.insert_quote(doc, quote, None)
                raise RuntimeError("killed midway")
        assert store.counts() == {"documents": 0, "quotes": 0, "people": 0, "events": 0}
        with store.transaction():
            store.insert_document(doc)
            store.insert_quote(doc, quote, None)
        assert store.counts()["quotes"] == 1
        row = next(store.query("SELECT text, cue FROM quotes"))
        assert (row["text"], row["cue"]) == ("All is well.", "said")
