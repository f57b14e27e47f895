"""Rows as a folder of Parquet files partitioned by publication month, the layout DuckDB and Spark read as is.

``DIR/month=2025-03/part-0.parquet``, ``DIR/month=unknown/part-0.parquet`` for rows with no date
(hive style: the month is in the path, not in the files). Streaming: rows arrive ordered by month
and are written a row group at a time, one file open at a time, so memory does not grow with the
store. Atomic: everything is written in a hidden folder beside DIR, renamed to DIR only when
complete; a failed export leaves DIR as it was. An existing DIR is refused unless ``overwrite``,
and even then only a folder laid out as an export is replaced, never any other folder or file.
"""
from __future__ import annotations

import os
import re
import shutil
import uuid
from itertools import groupby, islice
from pathlib import Path
from typing import Callable, Iterable

from ..errors import E, NewsgraphError
from . import unwritable

ROW_GROUP = 2000  # rows per row group: a few MB of documents at most
FILE_ROWS = 500_000  # rows per file before the next part-N starts
UNKNOWN = "unknown"  # the partition of rows with no publication date
PARTITION = "month"
_MONTH_DIR = re.compile(rf"{PARTITION}=(\d{{4}}-\d{{2}}|{UNKNOWN})")
_PART = re.compile(r"part-\d+\.parquet")


def write_partitioned(rows: Iterable[dict], schema, out: str | Path, month: Callable[[dict], str | None],
                      overwrite: bool = False, on_rows: Callable[[int], None] | None = None) -> tuple[int, list[str]]:
    """Write ``rows`` (ordered by ``month(row)``: 'YYYY-MM' or None) under ``out``; (rows written, months).

    An empty export still holds one empty file (in month=unknown), so readers see the columns.
    """
    shown, out = out, Path(os.path.abspath(out))  # abspath: 'DIR/' and '.' have a name and a parent
    check_target(out, overwrite, shown)
    tmp = _temporary(out, shown)
    try:
        count, months = _write(rows, schema, tmp, month, on_rows, shown)
        _publish(tmp, out, shown)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count, months


def check_target(out: Path, overwrite: bool, shown: str | Path) -> None:
    """Refuse an existing ``out`` (named ``shown`` in errors): always when it is not an export, else
    unless ``overwrite``."""
    if not out.exists() and not out.is_symlink():
        return
    if not overwrite:
        raise NewsgraphError(E.EXPORT_EXISTS, path=shown)
    problem = _not_an_export(out)
    if problem:
        raise NewsgraphError(E.NOT_AN_EXPORT, path=shown, detail=problem)


def _not_an_export(out: Path) -> str | None:
    """Why ``out`` is not a folder this module wrote, or None when it is one."""
    if out.is_symlink() or not out.is_dir():
        return "not a folder"
    for entry in out.iterdir():
        if not (entry.is_dir() and not entry.is_symlink() and _MONTH_DIR.fullmatch(entry.name)):
            return f"it holds {entry.name}"
        for part in entry.iterdir():
            if not (_PART.fullmatch(part.name) and part.is_file()):
                return f"it holds {entry.name}/{part.name}"
    return None


def _temporary(out: Path, shown) -> Path:
    """A new hidden folder beside ``out`` (same file system, so the final rename is atomic; made with
    os.mkdir, so its permissions follow the umask as any folder the user makes)."""
    tmp = out.parent / f".{out.name}.{uuid.uuid4().hex[:12]}.tmp"
    try:
        tmp.mkdir()
    except OSError as exc:
        raise unwritable(shown, exc) from None
    return tmp


def _write(rows, schema, root: Path, month, on_rows, shown) -> tuple[int, list[str]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    count, months, parts = 0, [], {}
    writer, rows_in_file, current = None, 0, None
    try:
        for key, group in groupby(rows, key=lambda r: month(r) or UNKNOWN):
            while chunk := list(islice(group, ROW_GROUP)):
                if writer is None or key != current or rows_in_file >= FILE_ROWS:
                    if writer is not None:
                        writer.close()
                    writer, current, rows_in_file = _open(root, key, parts, schema, pq), key, 0
                    if key not in months:
                        months.append(key)
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                rows_in_file += len(chunk)
                count += len(chunk)
                if on_rows:
                    on_rows(len(chunk))
        if writer is None:  # nothing to write: one empty file keeps the schema for readers
            writer = _open(root, UNKNOWN, parts, schema, pq)
            writer.write_table(schema.empty_table())
    except OSError as exc:
        raise unwritable(shown, exc) from None
    finally:
        if writer is not None:
            writer.close()
    return count, months


def _open(root: Path, key: str, parts: dict[str, int], schema, pq):
    """A writer for the next part file of month ``key`` (part-0, part-1, ... never one written before)."""
    folder = root / f"{PARTITION}={key}"
    folder.mkdir(exist_ok=True)
    number = parts.get(key, 0)
    parts[key] = number + 1
    return pq.ParquetWriter(str(folder / f"part-{number}.parquet"), schema)


def _publish(tmp: Path, out: Path, shown) -> None:
    """Move the finished folder to ``out``; an export already there is set aside first, removed after."""
    aside = None
    try:
        if out.exists():
            aside = out.parent / f".{out.name}.{uuid.uuid4().hex[:12]}.old"
            os.rename(out, aside)
        os.rename(tmp, out)
    except OSError as exc:
        if aside is not None and aside.exists():
            os.rename(aside, out)  # the previous export back where it was
        raise unwritable(shown, exc) from None
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)
