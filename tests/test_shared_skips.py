"""tests/conftest.py on a clone without ../shared: what needs it skips, nothing else does, and the run
ends with one line saying what was skipped and why. Run on a copy of that conftest in a scratch project."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).resolve().parent / "conftest.py"

MODULE = '''
import pytest
from conftest import eval_rows, shared_params

def test_plain():
    pass

@pytest.mark.shared("seeds")
def test_marked():
    pass

def test_through_a_fixture(seeds_dir):
    pass

@pytest.mark.shared("seeds", "eval")
@shared_params("row", lambda: eval_rows("gold.jsonl"), ids=lambda r: r["id"])
def test_per_gold_row(row):
    assert row["id"]
'''


@pytest.fixture
def project(pytester):
    """A scratch repository: tests/conftest.py (ours) and one module; ../shared is up to each test."""
    pytester.mkdir("repo")
    tests = pytester.mkdir("repo/tests")
    (tests / "conftest.py").write_text(CONFTEST.read_text(encoding="utf-8"), encoding="utf-8")
    (tests / "test_mod.py").write_text(MODULE, encoding="utf-8")
    return pytester.path / "repo"


def run(pytester, repo):
    return pytester.runpytest_subprocess(str(repo / "tests"), "-p", "no:cacheprovider", "-rs")


def test_without_shared_everything_that_needs_it_skips_with_one_line(pytester, project):
    result = run(pytester, project)
    result.assert_outcomes(passed=1, skipped=3)
    lines = [line for line in result.outlines if "that need ../shared" in line]
    assert lines == [f"skipped 3 tests that need ../shared (not found at {project.parent / 'shared'}): "
                     "seeds, eval gold"]


def test_with_shared_the_same_tests_run(pytester, project):
    shared = project.parent / "shared"
    (shared / "seeds").mkdir(parents=True)
    (shared / "eval").mkdir()
    (shared / "eval" / "gold.jsonl").write_text('{"id": "a"}\n{"id": "b"}\n', encoding="utf-8")
    result = run(pytester, project)
    result.assert_outcomes(passed=5)
    assert not [line for line in result.outlines if "../shared" in line]


def test_a_missing_part_alone_is_named(pytester, project):
    (project.parent / "shared" / "seeds").mkdir(parents=True)
    result = run(pytester, project)
    result.assert_outcomes(passed=3, skipped=1)
    assert f"skipped 1 test that needs ../shared (missing in {project.parent / 'shared'}): eval gold" in result.outlines
