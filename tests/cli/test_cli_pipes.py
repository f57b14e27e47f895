"""A reader that stops early (`newsgraph documents | head -1`) ends every command quietly, exit code 0,
as it ends other Unix tools: run as real processes writing into real pipes, stderr read."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
CLI = "import sys; from newsgraph.cli import main; sys.exit(main())"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_") and k != "COLUMNS"}
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(SRC), env.get("PYTHONPATH")) if x)
    return env


@pytest.mark.parametrize("args", [
    ("documents", "--format", "jsonl"),
    ("quotes", "--format", "csv"),
    ("events",),  # a rich table
    ("people",),
])
def test_a_reader_gone_before_the_first_row_ends_the_command_quietly(example_db, tmp_path, args):
    read, write = os.pipe()
    os.close(read)  # no reader at all: the command's first write meets a closed pipe
    try:
        proc = subprocess.run([sys.executable, "-c", CLI, *args, "--db", str(example_db)], stdout=write,
                              stderr=subprocess.PIPE, cwd=tmp_path, env=_env(), timeout=300)
    finally:
        os.close(write)
    assert proc.stderr.decode() == ""
    assert proc.returncode == 0


def test_documents_into_head(example_db, tmp_path):
    command = (f"{shlex.quote(sys.executable)} -c {shlex.quote(CLI)} documents --format jsonl "
               f"--db {shlex.quote(str(example_db))} | head -1")
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, cwd=tmp_path, env=_env(),
                          timeout=300)
    assert proc.stderr.decode() == "" and proc.returncode == 0
    assert json.loads(proc.stdout)["source"].endswith(".txt")
