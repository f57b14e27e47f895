"""ingest: read files, skip what is stored, run the chain, link people and events, store per document.

Each document is written with its quotes, people links, time expressions and
event reports (merged into real events) in one transaction: killing a run
loses at most the document in flight, and a re-run skips every document
already stored. A document is one appearance of a text, (source, content):
see appearances.py for what is skipped, reused or versioned.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..cluster import assign_story, link_statements, refresh_sources
from ..cluster.backfill import cluster_stored
from ..dedupe.copies import ENCODERS, index_stored, link_copies
from ..embed.vectors import store_vectors
from ..errors import E, NewsgraphError
from ..link.events import link_events
from ..link.people import link_document
from ..model import Document, Person, Problem
from ..read import read_paths
from ..settings import Settings
from ..store.sqlite import Store
from .appearances import Appearances
from .executor import process
from .registry import ON_COPIES, build, run_chain
from .reuse import fits, save_copy
from .timing import Seconds, add, timed

Event = Callable[[str, object], None]


@dataclass
class IngestReport:
    """What one ingest run did, for the CLI summary and the Python API."""

    added: int = 0
    copies: int = 0  # of the added: exact copies of a stored text, stored with its analysis
    versions: int = 0  # of the added: new versions of a document read from the same source before
    already_stored: int = 0
    flagged: int = 0
    quotes: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)


def _new_documents(paths: Iterable[str | Path], settings: Settings, store: Store, seen: Appearances,
                   report: IngestReport, on_event: Event) -> Iterator[Document]:
    """Documents to store (see appearances.py); problems logged and reported as met."""
    for item in read_paths(paths, settings):
        if isinstance(item, Problem):
            store.log_problem(item)
            report.problems.append(item)
            on_event("problem", item)
        elif not seen.admit(item):
            report.already_stored += 1
            on_event("skipped", item)
        else:
            yield item


def save_document(store: Store, doc: Document, settings: Settings | None = None,
                  seconds: Seconds | None = None) -> None:
    """The document, its people (linked across documents), its quotes, its time
    expressions, its events (each a report of a real event), its copy pairs with
    stored documents, its story, its statements and their source counts, atomically.
    With ``seconds``, the writer's seconds per part are added to it (store, copies, people,
    event links, stories, statements; store is the rest, the commit and the search index's
    triggers included)."""
    parts: Seconds | None = {} if seconds is not None else None
    with timed(parts, "total"), store.transaction():
        store.insert_document(doc)
        encoder = ENCODERS.get(settings.embedding_model if settings else None)
        if doc.vectors and encoder is not None:
            store_vectors(store, doc.id, doc.vectors, encoder)
        with timed(parts, "copies"):
            link_copies(store, doc, model=settings.embedding_model if settings else None)
        with timed(parts, "people"):
            known = {p.name for p in doc.people} | {a for p in doc.people for a in p.aliases}
            extra = [
                Person(name=q.speaker_name, type=q.speaker_type or "person")
                for q in doc.quotes
                if q.speaker_name and q.speaker_name not in known
            ]
            ids = link_document(store, Document(id=doc.id, source=doc.source, text="", published=doc.published,
                                                   people=doc.people + extra))
        for quote in doc.quotes:
            store.insert_quote(doc, quote, ids.get(quote.speaker_name) if quote.speaker_name else None)
        store.insert_times(doc)
        with timed(parts, "event links"):
            link_events(store, doc)
        # Stories, statements and source counts read what is stored above (copies included).
        with timed(parts, "stories"):
            assign_story(store, doc, encoder)
        with timed(parts, "statements"):
            link_statements(store, doc, encoder)
            refresh_sources(store, doc.id)
        status = "flagged" if not doc.analysable else "ok"
        store.log(doc.source, status, document_id=doc.id, message=",".join(doc.flags) or None)
    if parts is not None:
        total = parts.pop("total")
        parts["store"] = total - sum(parts.values())  # inserts, the search index's triggers, the commit
        add(seconds, parts)


def ingest(paths: Iterable[str | Path], settings: Settings, store: Store,
           on_event: Event | None = None) -> IngestReport:
    """Ingest files or folders into ``store``; ``on_event(kind, item)`` reports progress."""
    report = IngestReport()
    emit = on_event or (lambda kind, item: None)
    run = engine(settings)  # an unknown engine, Ray missing or its cluster away: fails before any work
    # Documents stored before copy detection and stories existed are brought up to date first.
    index_stored(store, model=settings.embedding_model)
    cluster_stored(store, ENCODERS.get(settings.embedding_model))
    seen = Appearances(store)
    fresh = _new_documents(paths, settings, store, seen, report, emit)
    analyse_here = _Analysis(settings)
    for doc in run(fresh, settings):
        if doc.reuse_of is not None and fits(store, doc):
            quotes, events = save_copy(store, doc, settings)
            report.copies += 1
        else:
            doc = analyse_here(doc)
            save_document(store, doc, settings)
            quotes, events = len(doc.quotes), len(doc.events)
        seen.stored(doc)
        report.added += 1
        report.versions += doc.version_of is not None
        report.quotes += quotes
        report.events += events
        if not doc.analysable:
            report.flagged += 1
        emit("added", doc)
    return report


def engine(settings: Settings) -> Callable[[Iterable[Document], Settings], Iterator[Document]]:
    """Where the per-article stages run: processes on this machine, or Ray tasks (ray_engine.py)."""
    if settings.engine == "local":
        return process
    if settings.engine == "ray":
        from .ray_engine import check, process as on_ray

        check(settings)
        return on_ray
    raise NewsgraphError(E.BAD_SETTINGS, name="engine", detail=f"unknown engine {settings.engine!r} (known: local, ray)")


class _Analysis:
    """The analysis an exact copy skipped, run here when the stored one does not fit it (rare:
    another title or date than the original's); the chain is built on first need."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.chain = None

    def __call__(self, doc: Document) -> Document:
        if doc.reuse_of is None:
            return doc
        doc.reuse_of = None
        if self.chain is None:
            self.chain = build(self.settings, skip=ON_COPIES)
        for done in run_chain(self.chain, [doc]):
            done.spacy = None
            return done
        return doc
