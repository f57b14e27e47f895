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
        quotes = store.db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        assert store.db.execute("SELECT COUNT(*) FROM search_quotes").fetchone()[0] == quotes


def test_deleting_a_document_takes_it_out_of_the_index(example_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(example_db, db)
    with Store(db) as store:
        doc_id, quote_count = store.db.execute(
            "SELECT document_id, COUNT(*) FROM quotes GROUP BY document_id ORDER BY 2 DESC").fetchone()
        before = store.db.execute("SELECT COUNT(*) FROM search_quotes").fetchone()[0]
        assert store.delete_document(doc_id)
        after = store.db.execute("SELECT COUNT(*) FROM search_quotes").fetchone()[0]
    assert after == before - quote_count
    assert doc_id not in _bodies(db)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM search_documents").fetchone()[0] == len(_bodies(db)) == 6


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
