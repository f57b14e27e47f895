"""Events as a Parquet file: the events contract columns, nested lists as Arrow lists.

Written a row group at a time, so a large export never sits in memory whole.
"""
from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Iterable

ROW_GROUP = 2000


def schema():
    """The Arrow schema of the events contract."""
    import pyarrow as pa

    actor = pa.list_(pa.struct([("name", pa.string()), ("country", pa.string()), ("sector", pa.string())]))
    evidence = pa.list_(pa.struct([
        ("source", pa.string()), ("url", pa.string()), ("document", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("text", pa.string()), ("trigger_start", pa.int64()), ("trigger_end", pa.int64()),
        ("trigger", pa.string()), ("date", pa.string()), ("date_source", pa.string()), ("location", pa.string()),
        ("statement", pa.bool_()), ("publisher", pa.string()), ("published", pa.string()),
    ]))
    return pa.schema([
        ("id", pa.int64()), ("type", pa.string()), ("mode", pa.string()), ("context", pa.list_(pa.string())),
        ("actor", actor), ("recipient", actor), ("date", pa.string()), ("date_precision", pa.string()),
        ("negated", pa.bool_()), ("future", pa.bool_()), ("hypothetical", pa.bool_()), ("historical", pa.bool_()),
        ("evidence", evidence), ("reports", pa.int64()), ("publishers", pa.int64()), ("sources", pa.int64()),
        ("score", pa.float64()),
    ])


def write_parquet(rows: Iterable[dict], out: str | Path) -> int:
    """Write the event rows to ``out`` as Parquet; the number written (an empty file keeps the schema)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from . import unwritable

    shape = schema()
    count = 0
    it = iter(rows)
    try:
        with pq.ParquetWriter(str(out), shape) as writer:
            while chunk := list(islice(it, ROW_GROUP)):
                writer.write_table(pa.Table.from_pylist(chunk, schema=shape))
                count += len(chunk)
            if not count:
                writer.write_table(shape.empty_table())
    except OSError as exc:
        raise unwritable(out, exc) from None
    return count
