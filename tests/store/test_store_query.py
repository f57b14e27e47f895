"""Store.query's rows, read lazily: a reader may stop early, even after the store is closed."""
from __future__ import annotations

import gc
import sys

from newsgraph.store.sqlite import Store


def test_rows_left_unread_close_quietly_after_the_store(tmp_path):
    with Store(tmp_path / "s.db") as store:
        rows = store.query("SELECT 1 UNION ALL SELECT 2")
        assert next(rows)[0] == 1
    rows.close()  # `| head` stops the reader after the store closed: no "Cannot operate on a closed database"


def test_rows_collected_unread_raise_nothing(tmp_path):
    unraisable = []
    old, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        with Store(tmp_path / "s.db") as store:
            rows = store.query("SELECT 1 UNION ALL SELECT 2")
            next(rows)
        del rows
        gc.collect()
    finally:
        sys.unraisablehook = old
    assert not unraisable
