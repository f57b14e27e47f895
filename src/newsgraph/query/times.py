"""Time expressions as stored: each with its span, TIMEX-style value and precision."""
from __future__ import annotations

from typing import Iterator

from ..store.sqlite import Store
from .filters import finish


def times(store: Store, source: str | None = None, limit: int | None = None) -> Iterator[dict]:
    """Contract fields: source, start, end, text, value, precision, first, last, anchored.

    ``value`` is TIMEX-style (2021-08-26, 2021-07-08/2021-07-09, 2021-W34, 2021-07, 2021);
    ``first``/``last`` the calendar days it covers; ``anchored`` says it was resolved
    against the document's date. In document order.
    """
    where, params = [], []
    if source:
        where.append("d.source LIKE ?")
        params.append(f"%{source}%")
    sql = finish("SELECT t.*, d.source FROM time_expressions t JOIN documents d ON d.id = t.document_id",
                 where, "ORDER BY d.source, t.start", limit, params)
    for row in store.query(sql, tuple(params)):
        yield {
            "source": row["source"], "start": row["start"], "end": row["end"], "text": row["text"],
            "value": row["value"], "precision": row["precision"], "first": row["first"],
            "last": row["last"], "anchored": bool(row["anchored"]),
        }
