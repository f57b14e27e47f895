"""What every route needs: its thread's Store, date and error helpers, the writable switch."""
from __future__ import annotations

import json
from typing import Iterator

from fastapi import HTTPException, Request

from ..store.sqlite import Store
from .pages import LIKE, containing



def store(request: Request) -> Iterator[Store]:
    """A Store on the server's database, lent to this request alone until it is answered."""
    connections = request.app.state.connections
    db = connections.acquire()
    try:
        yield db
    finally:
        connections.release(db)


def documents_from(db: Store, source: str) -> str:
    """A JSON list of the ids of documents whose source path contains ``source``, found once per
    request (a LIKE scan) and then joined on indexes by the count and the page alike."""
    return json.dumps([r[0] for r in db.query(f"SELECT id FROM documents WHERE source {LIKE}", (containing(source),))])


def not_found(what: str, key: object) -> HTTPException:
    return HTTPException(404, {"error": "E404", "message": f"no such {what}: {key}",
                               "hint": f"list them at /api/{what if what.endswith('s') else what + 's'}"})


def require_writable(request: Request) -> None:
    if not request.app.state.connections.writable:
        raise HTTPException(403, {"error": "E403", "message": "this server is read-only",
                                  "hint": "start it with newsgraph serve --writable to allow changes"})
