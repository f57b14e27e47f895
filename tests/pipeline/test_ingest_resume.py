"""Idempotence and kill safety: a re-run adds nothing, a killed run resumes with no half-written document."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .ingest_helpers import article, rows, table_counts, write_articles
from newsgraph import api


def quote_counts(db: Path) -> dict[str, int]:
    """document id -> number of stored quotes (0 included)."""
    return dict(rows(db, """SELECT d.id, COUNT(q.id) FROM documents d LEFT JOIN quotes q ON q.document_id = d.id
                            GROUP BY d.id"""))


def stored_record(db: Path) -> dict:
    """Everything an ingest decides, without timestamps or row ids."""
    return {
        "documents": rows(db, """SELECT id, source, language, flags, kept, removed, title, author, published
                                 FROM documents ORDER BY id"""),
        "quotes": rows(db, """SELECT q.document_id, q.start, q.end, q.kind, q.cue_start, q.speaker_start,
                              p.name FROM quotes q LEFT JOIN people p ON p.id = q.speaker_id
                              ORDER BY q.document_id, q.start, q.end"""),
        "people": sorted(rows(db, "SELECT name, type, roles, aliases, country FROM people")),
        "log": rows(db, "SELECT source, status, code FROM ingest_log ORDER BY source, status"),
    }


@pytest.fixture(scope="module")
def small_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("resume") / "articles"
    write_articles(folder, 8, quotes=3)
    (folder / "empty.txt").write_text("")  # a problem too: its log row must not pile up
    return folder


def test_second_run_adds_nothing_and_changes_no_count(small_folder, tmp_path):
    db = tmp_path / "twice.db"
    first = api.ingest([small_folder], db=db, workers=1, progress=False)
    assert first.added == 8 and first.quotes > 0 and [p.code for p in first.problems] == ["E002"]
    before, record = table_counts(db), stored_record(db)
    second = api.ingest([small_folder], db=db, workers=1, progress=False)
    assert (second.added, second.quotes, second.already_stored) == (0, 0, 8)
    assert table_counts(db) == before
    assert stored_record(db) == record


def test_same_content_under_two_names_is_two_documents_and_rerun_adds_nothing(tmp_path):
    folder = tmp_path / "dup"
    folder.mkdir()
    (folder / "a.txt").write_text(article(7))
    (folder / "b-copy.txt").write_text(article(7))
    (folder / "other.txt").write_text(article(8))
    db = tmp_path / "dup.db"
    report = api.ingest([folder], db=db, workers=1, progress=False, pipeline=("clean", "language"))
    assert (report.added, report.copies, report.already_stored) == (3, 1, 0)
    assert sorted(s for (s,) in rows(db, "SELECT source FROM documents")) == [
        str(folder / "a.txt"), str(folder / "b-copy.txt"), str(folder / "other.txt")]
    again = api.ingest([folder], db=db, workers=1, progress=False, pipeline=("clean", "language"))
    assert (again.added, again.already_stored) == (0, 3)


def test_two_workers_store_the_same_as_one(small_folder, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    api.ingest([small_folder], db=one, workers=1, progress=False, batch_size=2)
    api.ingest([small_folder], db=two, workers=2, progress=False, batch_size=2)
    a, b = stored_record(one), stored_record(two)
    assert len(a["quotes"]) > 0
    assert a == b


def newsgraph_command() -> list[str]:
    exe = Path(sys.executable).with_name("newsgraph")
    if exe.is_file():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from newsgraph.cli import main; sys.exit(main())"]


def stored_so_far(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_9_midway_then_rerun_stores_each_document_once(tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder, 150, quotes=4)
    clean_db, db = tmp_path / "clean.db", tmp_path / "killed.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    proc = subprocess.Popen(
        newsgraph_command() + ["ingest", str(folder), "--db", str(db), "--workers", "1", "--no-progress",
                               "--batch-size", "4"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while stored_so_far(db) < 10:
            assert proc.poll() is None, f"ingest ended early: {proc.stderr.read().decode()}"
            assert time.monotonic() < deadline, "no document stored within 60 s"
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    # The reference: the same folder ingested in one clean run.
    api.ingest([folder], db=clean_db, workers=1, progress=False, batch_size=4)
    reference = quote_counts(clean_db)
    assert len(reference) == 150 and sum(reference.values()) >= 300

    # Whatever the killed run stored is whole: each document has all its quotes and its log row.
    partial = quote_counts(db)
    assert 10 <= len(partial) < 150
    assert {d: reference[d] for d in partial} == partial
    logged = {d for (d,) in rows(db, "SELECT document_id FROM ingest_log WHERE status = 'ok'")}
    assert logged == set(partial)

    report = api.ingest([folder], db=db, workers=1, progress=False, batch_size=4)
    assert report.already_stored == len(partial) and report.added == 150 - len(partial)
    assert quote_counts(db) == reference
    assert rows(db, "SELECT COUNT(*), COUNT(DISTINCT source) FROM documents") == [(150, 150)]
    assert table_counts(db) == table_counts(clean_db)
    assert stored_record(db) == stored_record(clean_db)
