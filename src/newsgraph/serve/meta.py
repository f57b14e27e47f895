"""What the server and its database are: health (the benchmark's baseline) and a summary of contents."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from ..store.sqlite import Store
from . import models
from .deps import store

router = APIRouter(tags=["meta"])

_COUNTS = ("documents", "quotes", "people", "events", "actors", "stories", "copies")


def summary_of(db: Store) -> dict:
    """Counts of each kind of thing, publishers, and the first and last publication day."""
    sql = ", ".join(f"(SELECT COUNT(*) FROM {t})" for t in _COUNTS)
    row = db.db.execute(f"SELECT {sql}, (SELECT COUNT(DISTINCT publisher) FROM documents), "
                        "(SELECT MIN(published) FROM documents), (SELECT MAX(published) FROM documents)").fetchone()
    return dict(zip((*_COUNTS, "publishers", "first", "last"), row))


@router.get("/api/health", response_model=models.Health, summary="Is the server up")
def health(request: Request, db: Store = Depends(store)):
    return {"status": "ok", "schema_version": db.version,
            "documents": db.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
            "writable": request.app.state.connections.writable}


@router.get("/api/summary", response_model=models.Summary, summary="What the database holds")
def summary(db: Store = Depends(store)):
    return summary_of(db)
