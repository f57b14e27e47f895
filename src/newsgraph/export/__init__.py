"""export: events as PLOVER JSON lines or as Parquet, for other tools.

Both writers take the rows of ``query.events`` (any filters), so an export
holds exactly what ``newsgraph events`` would print.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import E, NewsgraphError
from ..store.sqlite import Store

EXPORT_FORMATS = ("plover", "parquet")


def export_events(store: Store, out: str | Path, fmt: str, **filters) -> int:
    """Write the events matching ``filters`` to ``out`` in ``fmt``; the number written."""
    from .. import query

    if fmt not in EXPORT_FORMATS:
        raise NewsgraphError(E.BAD_SETTINGS, name="format", detail=f"{fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    rows = query.events(store, **filters)
    if fmt == "plover":
        from .plover import write_plover

        return write_plover(rows, out)
    from .parquet import write_parquet

    return write_parquet(rows, out)


def unwritable(path: str | Path, exc: OSError) -> NewsgraphError:
    """The one-line error for an output file that cannot be written."""
    return NewsgraphError(E.UNWRITABLE, path=path, detail=exc.strerror or str(exc))


__all__ = ["EXPORT_FORMATS", "export_events"]
