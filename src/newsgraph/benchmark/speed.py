"""Words per second of the whole pipeline against bare spaCy on the same texts, in one run.

Both sides use the same model, batch size and number of processes; the model
is loaded before either clock starts. The pipeline side includes cleaning,
language identification, parsing, quotation and event extraction, linking and
writing to a (temporary) store; the spaCy side is ``nlp.pipe`` alone. The
pipeline is run a second time without its events stage, and the events
overhead is the ratio of the two, minus one.

Where the time goes: seconds per stage of the first pipeline run (summed over
the worker processes, so with two workers they add up to about twice the wall
clock) and the writer's seconds per part (one process). Reading is timed once,
before either clock. The search index is kept by triggers inside the writer's
inserts; its share is estimated by rebuilding both indexes after the run, and
taken out of ``store``.
"""
from __future__ import annotations

import dataclasses
import resource
import tempfile
import time
from pathlib import Path
from typing import Iterable

from ..annotate import load_model
from ..model import Document
from ..pipeline.executor import process
from ..pipeline.ingest import save_document
from ..pipeline.timing import Seconds
from ..read import read_paths
from ..store.sqlite import Store
from ..settings import Settings


def _words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def load_corpus(paths: Iterable[str | Path], settings: Settings, repeat: int = 1) -> list[Document]:
    """The documents under ``paths``, each ``repeat`` times with distinct ids."""
    docs = [d for d in read_paths(paths, settings) if isinstance(d, Document)]
    return [dataclasses.replace(d, id=f"{d.id}-{i}", flags=list(d.flags)) for i in range(repeat) for d in docs]


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024.0


STAGES = ("read", "clean", "language", "annotate", "quotes", "events", "embed")
WRITER = ("store", "people", "copies", "stories", "statements", "event links", "search index")


def run_pipeline(docs: list[Document], settings: Settings, stages: Seconds | None = None,
                 writer: Seconds | None = None) -> float:
    """Seconds for the whole pipeline over ``docs``, stored in a throw-away database; with
    ``stages`` and ``writer``, the seconds per stage and per part of the writer are added to them."""
    from ..dedupe.copies import ENCODERS

    for encoder in ENCODERS.loaded():  # every run starts with no sentence vector in memory
        encoder.forget()
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.db") as store:
            fresh = (dataclasses.replace(d, flags=list(d.flags)) for d in docs)
            start = time.perf_counter()
            for doc in process(fresh, settings, stages):
                save_document(store, doc, settings, writer)
            elapsed = time.perf_counter() - start
            if writer is not None:
                index = _search_index_seconds(store)
                writer["search index"] = index
                writer["store"] = max(0.0, writer.get("store", 0.0) - index)
            return elapsed


def _search_index_seconds(store: Store) -> float:
    """Seconds to rebuild the full-text indexes of what the run stored: what the triggers that keep
    them spent, near enough (the triggers index one row at a time, a rebuild all at once)."""
    start = time.perf_counter()
    with store.transaction():
        for table in ("search_documents", "search_quotes"):
            store.db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    return time.perf_counter() - start


def run_spacy(texts: list[str], settings: Settings) -> float:
    """Seconds for bare ``nlp.pipe`` over ``texts`` with the same model, batch and processes."""
    nlp = load_model(settings.model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.worker_count):
        pass
    return time.perf_counter() - start


def speed(paths: Iterable[str | Path], settings: Settings, repeat: int = 1) -> dict:
    """The figures of ``newsgraph benchmark speed``."""
    start = time.perf_counter()
    docs = load_corpus(paths, settings, repeat)
    read_s = time.perf_counter() - start
    texts = [d.text for d in docs]
    words = _words(texts)
    load_model(settings.model)  # both sides start with the model in memory
    spacy_s = run_spacy(texts, settings)
    stages: Seconds = {}
    writer: Seconds = {}
    pipeline_s = run_pipeline(docs, settings, stages, writer)
    stages["read"] = read_s + stages.get("read", 0.0)
    # The same pipeline without the events stage, to state what events cost.
    without = dataclasses.replace(settings, pipeline=tuple(s for s in settings.pipeline if s != "events"))
    without_s = run_pipeline(docs, without) if without.pipeline != settings.pipeline else None
    return {
        "documents": len(docs),
        "words": words,
        "workers": settings.worker_count,
        "batch_size": settings.batch_size,
        "model": settings.model,
        "pipeline_seconds": round(pipeline_s, 3),
        "spacy_seconds": round(spacy_s, 3),
        "pipeline_words_per_s": round(words / pipeline_s, 1) if pipeline_s else None,
        "spacy_words_per_s": round(words / spacy_s, 1) if spacy_s else None,
        "ratio": round(spacy_s / pipeline_s, 3) if pipeline_s else None,
        "pipeline_without_events_seconds": round(without_s, 3) if without_s else None,
        "events_overhead": round(pipeline_s / without_s - 1, 3) if without_s else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "stage_seconds": _ordered(stages, STAGES),
        "writer_seconds": _ordered(writer, WRITER),
    }


def _ordered(seconds: Seconds, names: tuple[str, ...]) -> dict[str, float]:
    """``seconds`` rounded, the known names first in their order (0 where a stage did not run)."""
    out = {name: round(seconds.get(name, 0.0), 3) for name in names}
    out.update({name: round(value, 3) for name, value in seconds.items() if name not in out})
    return out
