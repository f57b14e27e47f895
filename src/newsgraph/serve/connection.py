"""One database connection per server thread, read-only unless the server was started writable.

sqlite3 connections must not be shared across threads; FastAPI runs plain
(def) endpoints in a thread pool, so each thread keeps its own Store. A
read-only server sets ``query_only``: no request can change the database.
"""
from __future__ import annotations

import threading

from ..store.sqlite import Store


class Connections:
    """Hands each thread its own Store on ``path``."""

    def __init__(self, path: str, writable: bool = False) -> None:
        self.path = path
        self.writable = writable
        self._local = threading.local()
        with Store(path, readonly=True):  # fails now, with a clear error, if the file is missing or foreign
            pass

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, readonly=True)
            if not self.writable:
                store.db.execute("PRAGMA query_only = ON")
            self._local.store = store
        return store
