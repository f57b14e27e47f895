"""Independent sources: copies (any kind, through other copies too) count once, for statements and events."""
from __future__ import annotations

import pytest

from newsgraph.cluster import independent_sources, link_statements, refresh_sources
from newsgraph.cluster.corroboration import copy_groups
from newsgraph.cluster.forget import forgetting
from newsgraph.store.sqlite import Store

from cluster.helpers import FakeEncoder, add_copy, add_document, add_event_report

SAID = "the ferry line will reopen in April"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.db") as s:
        for name in "abcde":
            add_document(s, name, f"Idris Vantongeren said {SAID}.", quotes=[("Idris Vantongeren", SAID)])
        yield s


def test_copy_groups_follow_copies_both_ways_and_through_others(store):
    add_copy(store, "b", "a", "exact")
    add_copy(store, "c", "b", "translated")  # c copies a copy of a: one source with a
    groups = copy_groups(store, ["a", "c", "d"])
    assert groups["a"] == groups["c"] == groups["b"] == "a" and groups["d"] == "d"
    assert independent_sources(store, "abcde") == 3
    assert independent_sources(store, ["a", "c"]) == 1
    assert independent_sources(store, []) == 0


def test_statement_sources_drop_when_a_new_copy_joins_two_reports(store):
    enc = FakeEncoder()
    for name in "abcd":
        with store.transaction():
            link_statements(store, store_doc(store, name), enc)
            refresh_sources(store, name)
    (row,) = store.query("SELECT reports, sources FROM statements")
    assert (row["reports"], row["sources"]) == (4, 4)
    # e is a copy of a and of c, and does not itself report the statement: a and c become one source.
    store.db.execute("DELETE FROM quotes WHERE document_id = 'e'")
    add_copy(store, "e", "a", "near")
    add_copy(store, "e", "c", "spun")
    with store.transaction():
        refresh_sources(store, "e")
    (row,) = store.query("SELECT reports, sources FROM statements")
    assert (row["reports"], row["sources"]) == (4, 3)


def test_event_sources_count_reporting_documents_without_copies(store):
    event = add_event_report(store, "a")
    for name in "bcd":
        add_event_report(store, name, event)
    add_copy(store, "b", "a", "exact")
    with store.transaction():
        refresh_sources(store, "d")
    assert store.db.execute("SELECT sources FROM events WHERE id = ?", (event,)).fetchone()[0] == 3
    with store.transaction():
        with forgetting(store, "a"):
            store.db.execute("DELETE FROM documents WHERE id = 'a'")
    assert store.db.execute("SELECT sources FROM events WHERE id = ?", (event,)).fetchone()[0] == 3  # b, c, d


def store_doc(store, name):
    from newsgraph.cluster.backfill import stored_document

    return stored_document(store.db.execute("SELECT * FROM documents WHERE id = ?", (name,)).fetchone())
