"""`newsgraph export TABLE --format parquet --out DIR` on the example corpus: the folders, the
summary line, the progress bar, and the one-line errors."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest

TABLES = {"documents": "7 documents", "quotes": "quotations", "events": "events", "copies": "2 copy pairs"}


def one_error_line(err: str, code: str) -> bool:
    return err.startswith(f"newsgraph: {code} ") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("name", TABLES)
def test_export_writes_a_month_partitioned_folder_and_says_so(example_db, run_cli, tmp_path, name):
    out = tmp_path / name
    code, stdout, err = run_cli("export", name, "--db", example_db, "--format", "parquet", "--out", out)
    assert code == 0 and stdout == "", err
    assert f"export {name}" in err  # the progress bar, on stderr
    assert err.strip().splitlines()[-1].startswith("newsgraph: wrote ") and TABLES[name] in err
    months = sorted(p.name for p in out.iterdir())
    assert months[0] == "month=2025-03" and set(months) <= {"month=2025-03", "month=unknown"}
    assert pq.read_table(out).num_rows > 0


def test_no_progress_leaves_only_the_summary(example_db, run_cli, tmp_path):
    code, _, err = run_cli("export", "documents", "--db", example_db, "--out", tmp_path / "d", "--no-progress")
    assert code == 0 and err == f"newsgraph: wrote 7 documents to {tmp_path / 'd'} (parquet, 2 month folders)\n"


def test_an_existing_out_is_refused_then_replaced_with_overwrite(example_db, run_cli, tmp_path):
    out = tmp_path / "quotes"
    assert run_cli("export", "quotes", "--db", example_db, "--out", out, "--no-progress")[0] == 0
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    code, _, err = run_cli("export", "quotes", "--db", example_db, "--out", out)
    assert code == 2 and one_error_line(err, "E031") and "--overwrite" in err
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == stamp
    code, _, err = run_cli("export", "documents", "--db", example_db, "--out", out, "--overwrite", "--no-progress")
    assert code == 0, err
    assert "kept" in pq.read_table(out).column_names and "cue" not in pq.read_table(out).column_names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes"]


def test_export_errors_are_one_line(example_db, run_cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    code, _, err = run_cli("export", "copies", "--db", example_db, "--out", mine, "--overwrite")
    assert code == 2 and one_error_line(err, "E032") and (mine / "notes.txt").read_text() == "keep me"
    code, _, err = run_cli("export", "copies", "--db", example_db, "--out", tmp_path / "no" / "copies")
    assert code == 2 and one_error_line(err, "E018")
    code, _, err = run_cli("export", "events", "--db", example_db, "--format", "parquet", "--out",
                           tmp_path / "ev", "--from", "soon")
    assert code == 2 and one_error_line(err, "E019") and not (tmp_path / "ev").exists()
    code, _, err = run_cli("export", "quotes", "--db", tmp_path / "missing.db", "--out", tmp_path / "q")
    assert code == 2 and one_error_line(err, "E001")
    code, _, err = run_cli("export", "quotes", "--db", example_db, "--format", "csv", "--out", tmp_path / "q")
    assert code == 2 and "csv" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]  # nothing half-written anywhere
