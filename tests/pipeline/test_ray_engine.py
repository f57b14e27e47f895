"""The Ray engine (pipeline/ray_engine.py): the same store as the local engine, retries, restarts.

The stores compared are whole tables, ids and offsets included, floats rounded (a worker's BLAS
may sum in another order); only the ingest timestamps are left out.
"""
from __future__ import annotations

import importlib.util
import os
import socket
import sqlite3
import sys
from pathlib import Path

import pytest

from .ingest_helpers import write_articles
from newsgraph import api
from newsgraph.settings import Settings

REPO = Path(__file__).resolve().parents[2]
HAVE_RAY = importlib.util.find_spec("ray") is not None
needs_ray = pytest.mark.skipif(not HAVE_RAY, reason='ray is not installed (pip install "newsgraph[ray]")')

# The five kinds of output, table by table; each ordered by its key so row ids are compared too.
OUTPUT = {
    "documents": ["documents ORDER BY id"],
    "quotations": ["quotes ORDER BY id", "people ORDER BY id", "statements ORDER BY id",
                   "statement_quotes ORDER BY quote_id"],
    "events": ["events ORDER BY id", "event_reports ORDER BY id", "event_actors ORDER BY event_id, actor_id, role",
               "actors ORDER BY id", "time_expressions ORDER BY id"],
    "copies": ["copies ORDER BY id"],
    "stories": ["stories ORDER BY id", "story_documents ORDER BY document_id",
                "story_entities ORDER BY story_id, key"],
}
TIMING = {"ingested_at"}


def _value(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, bytes):  # vectors and centroids: floats too, compared through what they decided
        return len(value)
    return value


def record(db: Path) -> dict[str, dict[str, list[dict]]]:
    """Every row of every table behind the five kinds of output, timing columns left out."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        return {kind: {query: [{k: _value(row[k]) for k in row.keys() if k not in TIMING}
                               for row in con.execute(f"SELECT * FROM {query}")]
                       for query in queries}
                for kind, queries in OUTPUT.items()}
    finally:
        con.close()


def _size(rec: dict, query: str) -> int:
    return next(len(rows) for tables in rec.values() for q, rows in tables.items() if q == query)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """200 articles: the example corpus, invented articles cut to four paragraphs (the test's
    cheaper setting: every kind of output, a third of the words) and five exact copies."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from engine_corpus import write_corpus
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return write_corpus(tmp_path_factory.mktemp("engines"), 200, paragraphs=4)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("restart") / "articles"
    write_articles(folder, 24, quotes=3)
    return folder


@pytest.fixture(scope="module")
def local_dbs(tmp_path_factory, corpus, small) -> dict[str, Path]:
    """The references, by the local engine; built before Ray starts in this process (it forks)."""
    root = tmp_path_factory.mktemp("local")
    dbs = {"corpus": root / "corpus.db", "small": root / "small.db"}
    report = api.ingest(corpus, db=dbs["corpus"], workers=2, progress=False)
    assert report.added == 200 and report.copies == 5 and not report.problems, report
    api.ingest([small], db=dbs["small"], workers=2, progress=False)
    return dbs


@pytest.fixture(scope="module")
def ray_session(local_dbs):
    """Ray started here once for the module, two CPUs, as the engine starts it without --address."""
    import ray

    from newsgraph.pipeline.ray_engine import _start

    assert _start(ray, Settings(workers=2))
    yield ray
    ray.shutdown()


@needs_ray
def test_ray_engine_stores_what_the_local_engine_stores(corpus, local_dbs, ray_session, tmp_path):
    db = tmp_path / "ray.db"
    report = api.ingest(corpus, db=db, engine="ray", workers=2, progress=False)
    assert report.added == 200 and report.copies == 5, report
    local, on_ray = record(local_dbs["corpus"]), record(db)
    for query in ("documents ORDER BY id", "quotes ORDER BY id", "events ORDER BY id", "stories ORDER BY id",
                  "statements ORDER BY id"):
        assert _size(local, query) > 0, query
    kinds = {row["kind"] for row in local["copies"]["copies ORDER BY id"]}
    assert {"exact", "spun", "translated"} <= kinds, kinds
    for kind in OUTPUT:
        assert on_ray[kind] == local[kind], kind


@needs_ray
def test_driver_stopped_midway_then_rerun_stores_each_document_once(small, local_dbs, ray_session, tmp_path):
    """The driver dies with batches in flight (here: stops between two documents); the rerun
    skips what was stored and adds the rest, and the store is the one a clean run makes."""
    db = tmp_path / "restarted.db"

    class DriverDied(Exception):
        pass

    def die_after_ten(kind, item):
        die_after_ten.added += kind == "added"
        if die_after_ten.added == 10:
            raise DriverDied

    die_after_ten.added = 0
    with pytest.raises(DriverDied):
        api.ingest([small], db=db, engine="ray", workers=2, batch_size=2, progress=False, on_event=die_after_ten)
    assert _size(record(db), "documents ORDER BY id") == 10
    report = api.ingest([small], db=db, engine="ray", workers=2, batch_size=2, progress=False)
    assert (report.already_stored, report.added) == (10, 14)
    assert record(db) == record(local_dbs["small"])


def _dies_once(marker: Path, run_batch):
    """A task function that kills its worker process the first time it runs (a node lost)."""

    def run(settings, docs):
        if not marker.exists():
            marker.touch()
            os._exit(1)
        return run_batch(settings, docs)

    return run


@needs_ray
def test_a_dead_worker_has_its_batch_retried(small, ray_session, tmp_path, monkeypatch):
    from newsgraph.pipeline import ray_engine

    light = dict(workers=2, batch_size=4, progress=False, pipeline=("clean", "language"))
    api.ingest([small], db=tmp_path / "local.db", **light)
    monkeypatch.setattr(ray_engine, "_run_batch", _dies_once(tmp_path / "died", ray_engine._run_batch))
    report = api.ingest([small], db=tmp_path / "ray.db", engine="ray", **light)
    assert (tmp_path / "died").exists()  # a worker did die
    assert report.added == 24
    assert record(tmp_path / "ray.db") == record(tmp_path / "local.db")


def test_engine_ray_without_ray_says_how_to_install_it(run_cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails as where it is not installed
    write_articles(tmp_path / "in", 1)
    code, out, err = run_cli("ingest", tmp_path / "in", "--db", tmp_path / "x.db", "--engine", "ray")
    assert code == 2
    assert err == 'newsgraph: E033 the ray engine needs Ray, which is not installed ' \
                  '(pip install "newsgraph[ray]", or leave out --engine ray)\n'
    assert not (tmp_path / "x.db").exists()


def test_an_address_without_the_ray_engine_is_a_bad_setting(run_cli, tmp_path):
    write_articles(tmp_path / "in", 1)
    code, _, err = run_cli("ingest", tmp_path / "in", "--db", tmp_path / "x.db", "--address", "auto")
    assert code == 2 and err.startswith("newsgraph: E014 bad setting --address:"), err


def test_an_unknown_engine_is_a_bad_setting(tmp_path):
    from newsgraph.errors import NewsgraphError

    with pytest.raises(NewsgraphError) as caught:
        api.ingest([tmp_path], db=tmp_path / "x.db", engine="spark", progress=False)
    assert caught.value.code == "E014" and "unknown engine 'spark'" in caught.value.message


@needs_ray
def test_an_address_where_no_cluster_answers_is_said_in_one_line(run_cli, tmp_path):
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    write_articles(tmp_path / "in", 1)
    code, _, err = run_cli("ingest", tmp_path / "in", "--db", tmp_path / "x.db", "--engine", "ray",
                           "--address", f"127.0.0.1:{port}")
    assert code == 2 and err.startswith(f"newsgraph: E034 cannot join the Ray cluster at 127.0.0.1:{port} ("), err
    assert not (tmp_path / "x.db").exists()
