"""Run the stage chain over a stream of documents, here or in worker processes.

With several workers each process loads the pipeline once and runs the whole
chain (clean, language, parse, extract) over chunks of documents, so only
small results cross process boundaries, never spaCy Docs. At most two chunks
per worker are in flight: memory stays bounded however long the stream.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from ..model import Document
from ..settings import Settings
from .registry import StageFn, build, run_chain

_CHAIN: list[StageFn] | None = None


def _init_worker(settings: Settings) -> None:
    global _CHAIN
    _CHAIN = build(settings)


def _process_chunk(docs: list[Document]) -> list[Document]:
    assert _CHAIN is not None
    out = list(run_chain(_CHAIN, docs))
    for doc in out:
        doc.spacy = None
    return out


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def process(docs: Iterable[Document], settings: Settings) -> Iterator[Document]:
    """Every document through the configured chain, in input order, parse dropped."""
    workers = settings.worker_count
    if workers <= 1:
        for doc in run_chain(build(settings), docs):
            doc.spacy = None
            yield doc
        return
    build(settings)  # fail early, in this process, on a bad pipeline or a missing model
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        window: deque = deque()
        for chunk in _chunks(docs, settings.batch_size):
            window.append(pool.apply_async(_process_chunk, (chunk,)))
            if len(window) >= 2 * workers:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()
