"""Pagination every list endpoint shares: limit and offset in, total and items out."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Query

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # past any store, and inside SQLite's 64-bit integers
MAX_ID = 2**63 - 1  # the largest SQLite integer: a larger id is a 422, never an overflow


@dataclass
class Paging:
    limit: int
    offset: int


def paging(limit: int = Query(50, ge=1, le=MAX_LIMIT, description="Items per page."),
           offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip.")) -> Paging:
    return Paging(limit, offset)


def page(total: int, paging: Paging, items: list[Any]) -> dict:
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}


def containing(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's own wildcards taken literally
    (use with ``LIKE ? ESCAPE '\\'``): a source path's "_" is an underscore, not any character."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


LIKE = "LIKE ? ESCAPE '\\'"


def where_sql(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def total(db, table: str, where: list[str], params: list) -> int:
    """How many rows of ``table`` (with its alias, e.g. "quotes q") the filters keep, on all pages."""
    return db.db.execute(f"SELECT COUNT(*) FROM {table}" + where_sql(where), tuple(params)).fetchone()[0]
