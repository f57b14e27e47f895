"""The Python API: the same functions the CLI calls.

>>> from newsgraph import api
>>> report = api.ingest(["articles/"], db="story.db")
>>> for q in api.quotes(db="story.db", speaker="Lee"):
...     print(q["speaker"], q["text"])
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from . import query
from .pipeline.ingest import Event, IngestReport
from .pipeline.ingest import ingest as _ingest
from .settings import Settings, load_settings
from .store.sqlite import Store


def settings(**overrides) -> Settings:
    """Settings from defaults, ./newsgraph.toml and NEWSGRAPH_* variables, then ``overrides``."""
    return load_settings(flags=overrides)


def ingest(paths: Iterable[str | Path], db: str | Path | None = None, on_event: Event | None = None,
           **overrides) -> IngestReport:
    """Read, analyse and store the articles under ``paths``."""
    conf = settings(db=str(db) if db else None, **overrides)
    with Store(conf.db) as store:
        return _ingest(paths, conf, store, on_event)


def _rows(fn, db: str | Path | None, **filters) -> Iterator[dict]:
    conf = settings(db=str(db) if db else None)
    with Store(conf.db, readonly=True) as store:
        yield from fn(store, **filters)


def documents(db: str | Path | None = None, **filters) -> Iterator[dict]:
    return _rows(query.documents, db, **filters)


def quotes(db: str | Path | None = None, **filters) -> Iterator[dict]:
    return _rows(query.quotes, db, **filters)


def people(db: str | Path | None = None, **filters) -> Iterator[dict]:
    return _rows(query.people, db, **filters)
