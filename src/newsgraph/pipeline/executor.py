"""Run the stage chain over a stream of documents, here or in worker processes.

With several workers each process loads the pipeline once and runs the whole
chain (clean, language, parse, extract) over chunks of documents, so only
small results cross process boundaries, never spaCy Docs. At most two chunks
per worker are in flight: memory stays bounded however long the stream.

Given a ``seconds`` dict, each stage's seconds are added to it (see timing.py):
workers time their chunks and send the seconds back with the documents.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from ..model import Document
from ..settings import Settings
from .registry import StageFn, build_named, run_chain
from .timing import Seconds, add, clocked_chain

_CHAIN: list[tuple[str, StageFn]] | None = None


def _init_worker(settings: Settings) -> None:
    global _CHAIN
    _CHAIN = build_named(settings)


def _run(chain: list[tuple[str, StageFn]], docs: Iterable[Document], seconds: Seconds | None) -> Iterator[Document]:
    if seconds is not None:
        return clocked_chain(chain, docs, seconds)
    return run_chain([fn for _, fn in chain], docs)


def _process_chunk(docs: list[Document], timed: bool = False) -> tuple[list[Document], Seconds | None]:
    assert _CHAIN is not None
    seconds: Seconds | None = {} if timed else None
    out = list(_run(_CHAIN, docs, seconds))
    for doc in out:
        doc.spacy = None
    return out, seconds


def chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``docs`` in lists of ``size`` (the last shorter), read lazily: the unit sent to a worker."""
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def process(docs: Iterable[Document], settings: Settings, seconds: Seconds | None = None) -> Iterator[Document]:
    """Every document through the configured chain, in input order, parse dropped; with
    ``seconds``, each stage's seconds (summed over processes) are added to it."""
    workers = settings.worker_count
    if workers <= 1:
        for doc in _run(build_named(settings), docs, seconds):
            doc.spacy = None
            yield doc
        return
    build_named(settings)  # fail early, in this process, on a bad pipeline or a missing model
    ctx = mp.get_context("fork")
    timed = seconds is not None
    source = clocked_chain([], docs, seconds) if timed else docs  # reading happens here, in the parent
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        window: deque = deque()

        def ready() -> list[Document]:
            out, spent = window.popleft().get()
            if spent:
                add(seconds, spent)
            return out

        for chunk in chunks(source, settings.batch_size):
            window.append(pool.apply_async(_process_chunk, (chunk, timed)))
            if len(window) >= 2 * workers:
                yield from ready()
        while window:
            yield from ready()
