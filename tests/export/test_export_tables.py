"""The four tables exported from the example corpus and read back with DuckDB, as a user would."""
from __future__ import annotations

import json
import sqlite3

import duckdb
import pytest

from newsgraph.export import TABLE_NAMES, export_table
from newsgraph.store.sqlite import Store


@pytest.fixture(scope="module")
def exported(example_db, tmp_path_factory):
    root = tmp_path_factory.mktemp("parquet")
    with Store(example_db, readonly=True) as store:
        written = {name: export_table(store, name, root / name) for name in TABLE_NAMES}
    return root, written


@pytest.fixture(scope="module")
def stored(example_db):
    db = sqlite3.connect(example_db)
    db.row_factory = sqlite3.Row
    yield db
    db.close()


@pytest.fixture(scope="module")
def duck(exported):
    root, _ = exported
    con = duckdb.connect()
    for name in TABLE_NAMES:  # exactly the query the README gives
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{root / name}/**/*.parquet', "
                    f"hive_partitioning = true)")
    yield con
    con.close()


def rows(duck, sql: str) -> list[dict]:
    cursor = duck.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def month_counts(stored, sql: str) -> dict[str, int]:
    """{month: rows} from the store, undated rows under 'unknown'."""
    return {r[0] or "unknown": r[1] for r in stored.execute(sql)}


def test_every_row_is_exported_in_the_folder_of_its_publication_month(exported, stored, duck):
    _, written = exported
    by_month = {
        "documents": "SELECT substr(published, 1, 7) m, COUNT(*) FROM documents GROUP BY m",
        "quotes": "SELECT substr(d.published, 1, 7) m, COUNT(*) FROM quotes q JOIN documents d "
                  "ON d.id = q.document_id GROUP BY m",
        "copies": "SELECT substr(d.published, 1, 7) m, COUNT(*) FROM copies c JOIN documents d "
                  "ON d.id = c.document_id GROUP BY m",
        "events": "SELECT substr(MIN(d.published), 1, 7) m, 1 FROM events e JOIN event_reports r "
                  "ON r.event_id = e.id JOIN documents d ON d.id = r.document_id GROUP BY e.id",
    }
    for name in TABLE_NAMES:
        if name == "events":
            want: dict[str, int] = {}
            for month, _ in stored.execute(by_month[name]):
                want[month or "unknown"] = want.get(month or "unknown", 0) + 1
        else:
            want = month_counts(stored, by_month[name])
        got = dict(duck.execute(f"SELECT month, COUNT(*) FROM {name} GROUP BY month").fetchall())
        assert got == want, name
        assert written[name] == (sum(want.values()), sorted(want)), name
        # The month folder agrees with the row's own typed date.
        assert duck.execute(f"SELECT COUNT(*) FROM {name} WHERE month <> "
                            f"COALESCE(strftime(published, '%Y-%m'), 'unknown')").fetchone()[0] == 0
    # The example corpus has one article with no date: its month folder is 'unknown'.
    assert set(month_counts(stored, by_month["documents"])) == {"2025-03", "unknown"}


def test_dates_are_typed_not_strings(duck):
    types = {r[0]: r[1] for r in duck.execute("DESCRIBE documents").fetchall()}
    assert (types["published"], types["published_from"], types["ingested_at"], types["month"]) == (
        "DATE", "DATE", "TIMESTAMP WITH TIME ZONE", "VARCHAR")
    types = {r[0]: r[1] for r in duck.execute("DESCRIBE events").fetchall()}
    assert (types["date_first"], types["date_last"], types["published"], types["date"]) == (
        "DATE", "DATE", "DATE", "VARCHAR")


def test_documents_carry_the_raw_text_and_the_kept_and_removed_ranges(stored, duck):
    got = {r["id"]: r for r in rows(duck, "SELECT * FROM documents")}
    for want in stored.execute("SELECT * FROM documents"):
        row = got[want["id"]]
        assert (row["text"], row["source"], row["title"], row["publisher"]) == (
            want["text"], want["source"], want["title"], want["publisher"])
        assert (str(row["published"]) if row["published"] else None) == want["published"]
        assert [[k["start"], k["end"]] for k in row["kept"]] == json.loads(want["kept"])
        assert [[r["start"], r["end"], r["reason"]] for r in row["removed"]] == json.loads(want["removed"])


def test_quote_offsets_point_at_the_quotation_cue_and_speaker_in_the_raw_text(stored, duck):
    checked = rows(duck, """
        SELECT q.id, q.text, q.cue, q.speaker_mention, q.speaker, q.kind,
               substring(d.text, q.start + 1, q."end" - q.start) AS at_offsets,
               substring(d.text, q.cue_start + 1, q.cue_end - q.cue_start) AS cue_at_offsets,
               substring(d.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) AS speaker_at_offsets
        FROM quotes q JOIN documents d ON d.id = q.document_id""")
    want = {r["id"]: r for r in stored.execute(
        "SELECT q.id, q.kind, p.name FROM quotes q LEFT JOIN people p ON p.id = q.speaker_id")}
    assert len(checked) == len(want) > 50
    assert sum(bool(q["cue"]) for q in checked) > 50 and sum(bool(q["speaker_mention"]) for q in checked) > 50
    for q in checked:
        assert q["at_offsets"] == q["text"], q["id"]
        assert q["cue_at_offsets"] == q["cue"], q["id"]
        assert q["speaker_at_offsets"] == q["speaker_mention"], q["id"]
        assert (q["kind"], q["speaker"]) == (want[q["id"]]["kind"], want[q["id"]]["name"])


def test_event_evidence_offsets_point_at_the_sentence_and_trigger(stored, duck):
    reports = rows(duck, """
        SELECT e.id, e.type, ev.text, ev.trigger,
               substring(d.text, ev.start + 1, ev."end" - ev.start) AS at_offsets,
               substring(d.text, ev.trigger_start + 1, ev.trigger_end - ev.trigger_start) AS trigger_at_offsets
        FROM (SELECT id, type, unnest(evidence) AS ev FROM events) e JOIN documents d ON d.id = e.ev.document""")
    assert len(reports) == stored.execute("SELECT COUNT(*) FROM event_reports").fetchone()[0] > 0
    for r in reports:
        assert (r["at_offsets"], r["trigger_at_offsets"]) == (r["text"], r["trigger"]), r["id"]
    types = dict(stored.execute("SELECT id, type FROM events"))
    assert {r["id"]: r["type"] for r in reports} == types


def test_copies_keep_both_documents_and_their_aligned_sentence_offsets(stored, duck):
    got = {r["id"]: r for r in rows(duck, "SELECT * FROM copies")}
    want = list(stored.execute("SELECT * FROM copies"))
    assert {r["kind"] for r in want} == {"spun", "translated"}  # the example's two copies
    for w in want:
        row = got[w["id"]]
        assert (row["document_id"], row["original_id"], row["kind"], row["similarity"], row["direction"]) == (
            w["document_id"], w["original_id"], w["kind"], w["similarity"], w["direction"])
        assert [[s["start"], s["end"], s["original_start"], s["original_end"]] for s in row["spans"]] == \
            json.loads(w["spans"])
    # Every aligned span is a non-empty piece of its own document's raw text.
    assert duck.execute("""
        SELECT COUNT(*) FROM (SELECT c.document_id, c.original_id, unnest(c.spans) AS s FROM copies c) c
        JOIN documents d ON d.id = c.document_id JOIN documents o ON o.id = c.original_id
        WHERE trim(substring(d.text, c.s.start + 1, c.s."end" - c.s.start)) = ''
           OR trim(substring(o.text, c.s.original_start + 1, c.s.original_end - c.s.original_start)) = ''
           OR c.s."end" > length(d.text) OR c.s.original_end > length(o.text)""").fetchone()[0] == 0
