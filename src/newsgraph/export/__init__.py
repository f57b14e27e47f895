"""export: the store for other tools. Events as PLOVER JSON lines; documents, quotes, events and
copies as Parquet folders partitioned by publication month (export/parquet.py, export/tables.py).

The events writers take the filters of ``query.events``, so an export holds exactly the events
``newsgraph events`` would print.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import E, NewsgraphError
from ..store.sqlite import Store

EXPORT_FORMATS = ("plover", "parquet")
TABLE_NAMES = ("documents", "quotes", "events", "copies")


def export_events(store: Store, out: str | Path, fmt: str, overwrite: bool = False,
                  on_rows: Callable[[int], None] | None = None, **filters) -> int:
    """Write the events matching ``filters`` to ``out`` in ``fmt``; the number written.

    plover: one JSON record a line in the file ``out``; parquet: the folder ``out`` (see export_table).
    """
    from .. import query

    if fmt not in EXPORT_FORMATS:
        raise NewsgraphError(E.BAD_SETTINGS, name="format", detail=f"{fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        return export_table(store, "events", out, overwrite=overwrite, on_rows=on_rows, **filters)[0]
    from .plover import write_plover

    return write_plover(query.events(store, **filters), out)


def export_table(store: Store, name: str, out: str | Path, overwrite: bool = False,
                 on_rows: Callable[[int], None] | None = None, **filters) -> tuple[int, list[str]]:
    """Write table ``name`` as Parquet partitioned by publication month under the folder ``out``;
    (rows written, months written). ``filters`` are the events filters (events only)."""
    from .parquet import write_partitioned
    from .tables import TABLES

    if name not in TABLES:
        raise NewsgraphError(E.BAD_SETTINGS, name="table", detail=f"{name!r} is not one of {', '.join(TABLE_NAMES)}")
    table = TABLES[name]
    rows = table.rows(store, **filters)  # a bad filter raises here, before anything is written
    return write_partitioned(rows, table.schema(), out, table.month, overwrite=overwrite, on_rows=on_rows)


def count_rows(store: Store, name: str, **filters) -> int:
    """How many rows ``export_table`` will write (for a progress bar)."""
    from .tables import TABLES

    return TABLES[name].count(store, **filters)


def unwritable(path: str | Path, exc: OSError) -> NewsgraphError:
    """The one-line error for an output file that cannot be written."""
    return NewsgraphError(E.UNWRITABLE, path=path, detail=exc.strerror or str(exc))


__all__ = ["EXPORT_FORMATS", "TABLE_NAMES", "count_rows", "export_events", "export_table"]
