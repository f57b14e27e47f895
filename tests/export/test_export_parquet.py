"""The partitioned writer alone: layout, streaming, atomic replacement, and the folders it refuses."""
from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.export import parquet
from newsgraph.export.parquet import write_partitioned

SCHEMA = pa.schema([("n", pa.int64()), ("day", pa.date32())])


def rows(*months: str | None, per_month: int = 3):
    """``per_month`` rows for each month given (None: undated), numbered in order."""
    n = 0
    for month in months:
        for i in range(per_month):
            yield {"n": n, "day": dt.date.fromisoformat(f"{month}-{i + 1:02d}") if month else None}
            n += 1


def month(row):
    return row["day"].isoformat()[:7] if row["day"] else None


def listing(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_one_folder_per_month_undated_rows_in_month_unknown(tmp_path):
    out = tmp_path / "out"
    assert write_partitioned(rows("2016-09", "2016-10", None), SCHEMA, out, month) == (
        9, ["2016-09", "2016-10", "unknown"])
    assert listing(out) == ["month=2016-09", "month=2016-09/part-0.parquet", "month=2016-10",
                            "month=2016-10/part-0.parquet", "month=unknown", "month=unknown/part-0.parquet"]
    assert pq.read_table(out / "month=2016-10").column("n").to_pylist() == [3, 4, 5]
    assert pq.read_table(out / "month=unknown").column("day").to_pylist() == [None] * 3
    assert list(tmp_path.iterdir()) == [out]  # no temporary folder left beside it


def test_rows_are_written_a_group_at_a_time_not_collected(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet, "ROW_GROUP", 2)
    pulled = []

    def source():
        for row in rows("2016-09", per_month=10):
            pulled.append(row["n"])
            yield row

    seen = []
    write_partitioned(source(), SCHEMA, tmp_path / "out", month, on_rows=lambda n: seen.append((n, len(pulled))))
    # When the first group of 2 was written, only those rows (and at most the next) had been read.
    assert seen[0][0] == 2 and seen[0][1] <= 3
    assert sum(n for n, _ in seen) == 10
    assert pq.ParquetFile(tmp_path / "out" / "month=2016-09" / "part-0.parquet").metadata.num_row_groups == 5


def test_a_large_month_is_split_into_parts_and_a_month_seen_again_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet, "ROW_GROUP", 2)
    monkeypatch.setattr(parquet, "FILE_ROWS", 4)
    out = tmp_path / "out"
    count, months = write_partitioned(rows("2016-09", "2016-10", "2016-09", per_month=5), SCHEMA, out, month)
    assert (count, months) == (15, ["2016-09", "2016-10"])
    assert listing(out / "month=2016-09") == [f"part-{i}.parquet" for i in range(4)]
    assert sorted(pq.read_table(out / "month=2016-09").column("n").to_pylist()) == [0, 1, 2, 3, 4, 10, 11, 12, 13, 14]


def test_an_empty_export_keeps_the_schema_in_one_empty_file(tmp_path):
    out = tmp_path / "out"
    assert write_partitioned(iter(()), SCHEMA, out, month) == (0, [])
    assert listing(out) == ["month=unknown", "month=unknown/part-0.parquet"]
    table = pq.read_table(out / "month=unknown" / "part-0.parquet")
    assert table.num_rows == 0 and table.schema.equals(SCHEMA)


def test_a_failed_export_leaves_nothing_behind_and_an_earlier_export_untouched(tmp_path):
    def broken():
        yield from rows("2016-09")
        raise RuntimeError("the store went away")

    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        write_partitioned(broken(), SCHEMA, out, month)
    assert list(tmp_path.iterdir()) == []
    write_partitioned(rows("2016-10"), SCHEMA, out, month)
    before = listing(out)
    with pytest.raises(RuntimeError):
        write_partitioned(broken(), SCHEMA, out, month, overwrite=True)
    assert listing(out) == before and list(tmp_path.iterdir()) == [out]


def test_an_existing_folder_is_refused_unless_overwrite_which_replaces_it_whole(tmp_path):
    out = tmp_path / "out"
    write_partitioned(rows("2016-09", None), SCHEMA, out, month)
    with pytest.raises(NewsgraphError) as err:
        write_partitioned(rows("2016-10"), SCHEMA, out, month)
    assert err.value.code == "E031" and "--overwrite" in err.value.line()
    write_partitioned(rows("2016-10"), SCHEMA, out, month, overwrite=True)
    assert listing(out) == ["month=2016-10", "month=2016-10/part-0.parquet"]  # the old months are gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("make", [
    lambda p: p.write_text("not a folder"),
    lambda p: (p.mkdir(), (p / "notes.txt").write_text("mine")),
    lambda p: (p.mkdir(), (p / "month=2016-09").mkdir(), (p / "month=2016-09" / "data.csv").write_text("1")),
], ids=["file", "other-folder", "other-file-in-a-month"])
def test_overwrite_never_replaces_what_is_not_an_export(tmp_path, make):
    out = tmp_path / "out"
    make(out)
    before = listing(tmp_path)
    with pytest.raises(NewsgraphError) as err:
        write_partitioned(rows("2016-09"), SCHEMA, out, month, overwrite=True)
    assert err.value.code == "E032"
    assert listing(tmp_path) == before


def test_a_missing_parent_folder_is_e018(tmp_path):
    with pytest.raises(NewsgraphError) as err:
        write_partitioned(rows("2016-09"), SCHEMA, tmp_path / "no" / "out", month)
    assert err.value.code == "E018"
