"""The Python API: the same functions the CLI calls.

>>> from newsgraph import api
>>> report = api.ingest(["articles/"], db="story.db")
>>> for q in api.quotes(db="story.db", speaker="Lee"):
...     print(q["speaker"], q["text"])
>>> for e in api.events(db="story.db", actor="RUS", type="CONSULT,AGREE", date_from="2021-07"):
...     print(e["date"], e["type"], e["reports"], e["evidence"][0]["text"])
>>> for c in api.copies(db="story.db", kind="spun,translated"):
...     print(c["source"], "copies", c["original"], c["kind"], c["similarity"])
>>> api.plot_relation("RUS", "UKR", "relation.png", db="story.db", by="week")
>>> api.report("story.html", db="story.db")          # the workspace as one offline HTML file
>>> app = api.app(db="story.db")                    # the HTTP API and web UI, for any ASGI server
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


def events(db: str | Path | None = None, **filters) -> Iterator[dict]:
    """Real events in the contract shape; filters: actor, recipient, type, date_from, date_to, source, limit."""
    return _rows(query.events, db, **filters)


def times(db: str | Path | None = None, **filters) -> Iterator[dict]:
    """Time expressions with TIMEX-style values; filters: source, limit."""
    return _rows(query.times, db, **filters)


def actors(db: str | Path | None = None, **filters) -> Iterator[dict]:
    """Actors with their event counts; filters: country, sector, name, limit."""
    return _rows(query.actors, db, **filters)


def copies(db: str | Path | None = None, **filters) -> Iterator[dict]:
    """Copy pairs (source copies original) with kind, similarity, direction and aligned spans;
    filters: source (either side's path contains it), kind (comma list), limit."""
    return _rows(query.copies, db, **filters)


def stories(db: str | Path | None = None, **filters) -> Iterator[dict]:
    """Stories, largest first: label, title, actors, documents, first, last, sources; filters: source, limit."""
    return _rows(query.stories, db, **filters)


def statements(db: str | Path | None = None, **filters) -> Iterator[dict]:
    """One speaker's quotations that say the same thing, with reports and independent sources;
    filters: speaker, min_sources, limit."""
    return _rows(query.statements, db, **filters)


def relations(a: str, b: str, db: str | Path | None = None, **filters) -> Iterator[dict]:
    """Events between actor specs ``a`` and ``b`` in time order; filters: date_from, date_to, limit."""
    return _rows(query.relations, db, a=a, b=b, **filters)


def relation_series(a: str, b: str, db: str | Path | None = None, by: str = "month", **filters) -> query.Series:
    """The weekly or monthly series of the relation between ``a`` and ``b``."""
    return query.series(list(relations(a, b, db=db, **filters)), by=by)


def plot_relation(a: str, b: str, out: str | Path, db: str | Path | None = None, by: str = "month",
                  value: str = "sum", **filters) -> Path:
    """Draw the relation's series to ``out`` (.png or .svg); the file written."""
    from .query.plot import plot_relation as draw

    return draw(relation_series(a, b, db=db, by=by, **filters), a, b, out, value=value)


def export_events(out: str | Path, format: str = "plover", db: str | Path | None = None, overwrite: bool = False,
                  **filters) -> int:
    """Write the matching events to ``out``: PLOVER JSON lines in a file, or Parquet in a folder
    partitioned by month (see ``export_table``); the number written."""
    from .export import export_events as write

    conf = settings(db=str(db) if db else None)
    with Store(conf.db, readonly=True) as store:
        return write(store, out, format, overwrite=overwrite, **filters)


def export_table(name: str, out: str | Path, db: str | Path | None = None, overwrite: bool = False,
                 **filters) -> int:
    """Write ``name`` (documents, quotes, events or copies) as Parquet under the folder ``out``, one
    ``month=YYYY-MM`` (or ``month=unknown``) folder per month of publication; the number of rows
    written. ``filters``: those of ``events``, for events only."""
    from .export import export_table as write

    conf = settings(db=str(db) if db else None)
    with Store(conf.db, readonly=True) as store:
        return write(store, name, out, overwrite=overwrite, **filters)[0]


def delete_document(doc_id: str, db: str | Path | None = None) -> bool:
    """Remove a document and all derived from it; its real events are recounted. False if absent."""
    conf = settings(db=str(db) if db else None)
    with Store(conf.db, readonly=True) as store:
        return store.delete_document(doc_id)


def app(db: str | Path | None = None, writable: bool = False):
    """The workspace's ASGI application (JSON API under /api, web UI at /), as `newsgraph serve` runs it."""
    from .serve.app import create_app

    return create_app(settings(db=str(db) if db else None).db, writable=writable)


def report(out: str | Path, db: str | Path | None = None, max_documents: int = 1000) -> dict:
    """Write the workspace as one self-contained HTML file; figures of what it holds."""
    from .serve.report import write_report

    return write_report(settings(db=str(db) if db else None).db, out, max_documents=max_documents)
