"""Fixtures for end-to-end pipeline tests (helpers live in ingest_helpers.py)."""
from __future__ import annotations

import os

import pytest


@pytest.fixture
def run_cli(capsys, monkeypatch, tmp_path):
    """run_cli(*args) -> (exit code, stdout, stderr) of ``newsgraph`` run in this process.

    No ./newsgraph.toml or NEWSGRAPH_* variable can leak in: the working folder is tmp_path.
    """
    from newsgraph.cli import main

    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith("NEWSGRAPH_")]:
        monkeypatch.delenv(name)

    def _run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
