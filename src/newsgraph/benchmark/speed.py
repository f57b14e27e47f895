"""Words per second of the whole pipeline against bare spaCy on the same texts, in one run.

Both sides use the same model, batch size and number of processes; the model
is loaded before either clock starts. The pipeline side includes cleaning,
language identification, parsing, quotation and event extraction, linking and
writing to a (temporary) store; the spaCy side is ``nlp.pipe`` alone. The
pipeline is run a second time without its events stage, and the events
overhead is the ratio of the two, minus one.
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


def run_pipeline(docs: list[Document], settings: Settings) -> float:
    """Seconds for the whole pipeline over ``docs``, stored in a throw-away database."""
    from ..dedupe.copies import ENCODERS

    for encoder in ENCODERS.loaded():  # every run starts with no sentence vector in memory
        encoder.forget()
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.db") as store:
            fresh = (dataclasses.replace(d, flags=list(d.flags)) for d in docs)
            start = time.perf_counter()
            for doc in process(fresh, settings):
                save_document(store, doc)
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
    docs = load_corpus(paths, settings, repeat)
    texts = [d.text for d in docs]
    words = _words(texts)
    load_model(settings.model)  # both sides start with the model in memory
    spacy_s = run_spacy(texts, settings)
    pipeline_s = run_pipeline(docs, settings)
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
    }
