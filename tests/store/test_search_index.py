"""The full-text index (schema v5): kept bodies only, kept in step by ingest and delete, built on upgrade."""
from __future__ import annotations

import json
import shutil
import sqlite3

from newsgraph.store.schema import MIGRATIONS
from newsgraph.store.sqlite import Store


def _bodies(path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT k.document_id, s.body FROM search_documents s "
                               "JOIN document_keys k ON k.key = s.rowid"))


def test_index_holds_each_kept_body_and_no_removed_text(example_db):
    bodies = _bodies(example_db)
    with Store(example_db, readonly=True) as store:
        rows = list(store.query("SELECT id, text, kept, removed FROM documents"))
        assert len(rows) == len(bodies) == 7
        for row in rows:
            text = row["text"]
            assert bodies[row["id"]] == "\n".join(text[s:e] for s, e in json.loads(row["kept"]))
            for start, end, _ in json.loads(row["removed"]):
                piece = text[start:end].strip()
                if len(piece) > 40:
                    assert piece not in bodies[row["id"]]
        _consistent(store)


def _consistent(store: Store) -> None:
    """FTS5's own check that each index holds exactly the words of its content, row for row."""
    for table in ("search_documents", "search_quotes"):
        store.db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def _indexed(store: Store, table: str, word: str) -> set[int]:
    return {r[0] for r in store.db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (f'"{word}"',))}


def test_deleting_a_document_takes_it_out_of_the_index(example_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(example_db, db)
    with Store(db) as store:
        doc_id, quote_id, text = store.db.execute(
            "SELECT document_id, id, text FROM quotes ORDER BY length(text) DESC").fetchone()
        key = store.db.execute("SELECT key FROM document_keys WHERE document_id = ?", (doc_id,)).fetchone()[0]
        word = max(text.split(), key=len).strip(".,;:!?\"'“”‘’")
        assert quote_id in _indexed(store, "search_quotes", word) and key in _indexed(store, "search_documents", word)
        assert store.delete_document(doc_id)
        assert quote_id not in _indexed(store, "search_quotes", word)
        assert key not in _indexed(store, "search_documents", word)
        _consistent(store)
    assert doc_id not in _bodies(db) and len(_bodies(db)) == 6


def test_upgrading_a_version_4_database_indexes_what_it_holds(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    for number, script in enumerate(MIGRATIONS[:4]):
        con.executescript(script + f";PRAGMA user_version = {number + 1};")
    con.execute("""INSERT INTO documents (id, source, format, text, kept, removed, ingested_at)
                   VALUES ('d1', 'a.txt', 'txt', 'Junk line. The harbour reopened on Monday.',
                   '[[11, 42]]', '[[0, 10, "debris"]]', 'now')""")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.version == len(MIGRATIONS)
        hits = store.db.execute("SELECT k.document_id, s.body FROM search_documents s JOIN document_keys k "
                                "ON k.key = s.rowid WHERE search_documents MATCH ?", ('"reopen"',)).fetchall()
        assert [tuple(h) for h in hits] == [("d1", "The harbour reopened on Monday.")]
        assert not store.db.execute("SELECT 1 FROM search_documents WHERE search_documents MATCH '\"junk\"'").fetchone()
        _consistent(store)
