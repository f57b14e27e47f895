"""A pool of database connections: each request borrows one and gives it back when it is done.

A sqlite3 connection must not be used by two requests at once, and FastAPI may
run a request's dependencies and its endpoint in different threads of its
pool. So a connection belongs to one request at a time, whichever threads that
request runs on, and is reused by the next request instead of being reopened.
A read-only server sets ``query_only``: no request can change the database.
"""
from __future__ import annotations

import queue

from ..store.sqlite import Store


class Connections:
    """Lends Stores on ``path``, one request at a time each."""

    def __init__(self, path: str, writable: bool = False) -> None:
        self.path = path
        self.writable = writable
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self.release(self._open())  # fails now, with a clear error, if the file is missing or foreign

    def _open(self) -> Store:
        store = Store(self.path, readonly=True, any_thread=True)
        if not self.writable:
            store.db.execute("PRAGMA query_only = ON")
        return store

    def acquire(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return self._open()

    def release(self, store: Store) -> None:
        if store.db.in_transaction:  # a request that failed half-way leaves nothing open behind it
            store.db.execute("ROLLBACK")
        self._idle.put(store)
