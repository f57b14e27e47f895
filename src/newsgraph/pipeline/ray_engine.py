"""The per-article stages as Ray tasks, over a cluster (``newsgraph ingest --engine ray``).

Why a module of its own: Ray is an optional extra (``pip install "newsgraph[ray]"``), imported
here and only when this engine is asked for, so the local engine (executor.py) never pays for it.
It keeps executor.process's contract: every document through the configured chain (clean,
language, annotate, quotes, events, embed), parse dropped, yielded in input order, so the single
writer in ingest.py links and stores exactly what the local engine would give it.

- Reading stays in the driver, as with the local engine: the files are where newsgraph runs, and
  whether an appearance is skipped, reuses a stored analysis or is parsed is decided against the
  store before any worker spends time on it (appearances.py). Only the text travels.
- A task is one batch of ``batch_size`` documents (Ray's per-task cost stays small beside
  parsing them); each worker process builds the chain once and keeps it for later tasks.
- Backpressure: at most two batches per cluster CPU are in flight; the driver reads no further
  ahead, so memory stays bounded however long the stream.
- Order: results are taken in submission order, whatever order the tasks finish in.
- A worker that dies has its batch retried elsewhere (``max_retries``). A task only computes
  from its batch and writes nothing, so running it twice is harmless. The driver is the only
  writer: killed, it loses at most the documents not yet committed, and a rerun skips the
  stored ones (each document is stored in one transaction).
"""
from __future__ import annotations

import logging
import socket
from collections import deque
from dataclasses import replace
from typing import Iterable, Iterator

from ..errors import E, NewsgraphError
from ..model import Document
from ..settings import Settings
from .executor import chunks
from .registry import build, run_chain

RETRIES = 3  # times a batch is rerun when the worker running it dies
_CHAIN: tuple[Settings, list] | None = None  # per worker process: the chain, built for these settings


def _run_batch(settings: Settings, docs: list[Document]) -> list[Document]:
    """The chain over one batch, in a Ray worker; the chain is built on the first batch."""
    global _CHAIN
    if _CHAIN is None or _CHAIN[0] != settings:
        _CHAIN = (settings, build(settings))
    out = list(run_chain(_CHAIN[1], docs))
    for doc in out:
        doc.spacy = None
    return out


def import_ray():
    """The ray module, or the one-line error saying how to install it."""
    try:
        import ray
    except ImportError:
        raise NewsgraphError(E.RAY_MISSING) from None
    return ray


def check(settings: Settings) -> None:
    """Fail before any work when Ray is missing or the cluster's HOST:PORT does not answer
    (Ray itself would keep retrying it for minutes)."""
    import_ray()
    address = settings.ray_address
    if address and address != "auto" and "://" not in address:
        host, _, port = address.rpartition(":")
        try:
            socket.create_connection((host or "127.0.0.1", int(port)), timeout=5).close()
        except (OSError, ValueError) as exc:
            raise NewsgraphError(E.RAY_UNREACHABLE, address=address, detail=str(exc) or type(exc).__name__) from None


def _start(ray, settings: Settings) -> bool:
    """Join the cluster at ``settings.ray_address``, or start Ray here with one CPU per worker;
    True when this call started (and so must stop) Ray."""
    if ray.is_initialized():
        return False
    quiet = dict(logging_level=logging.ERROR, log_to_driver=False, include_dashboard=False)
    if settings.ray_address:
        try:
            ray.init(address=settings.ray_address, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise NewsgraphError(E.RAY_UNREACHABLE, address=settings.ray_address,
                                 detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    else:
        ray.init(num_cpus=settings.worker_count, **quiet)
    return True


def _result(ray, ref) -> list[Document]:
    """A batch's documents; a user-facing error met in a worker (a model missing on that node)
    is raised here as itself, anything else stays a bug with its traceback."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayTaskError as err:
        if isinstance(err.cause, NewsgraphError):
            raise err.cause from None
        raise


def process(docs: Iterable[Document], settings: Settings) -> Iterator[Document]:
    """Every document through the configured chain on Ray, in input order, parse dropped."""
    ray = import_ray()
    build(settings)  # fail early, in the driver, on a bad pipeline or a missing model
    started = _start(ray, settings)
    try:
        task = ray.remote(num_cpus=1, max_retries=RETRIES)(_run_batch)
        conf = ray.put(replace(settings, db=""))  # workers keep their chain from one run to the next
        in_flight = max(2, 2 * int(ray.cluster_resources().get("CPU", 1)))
        window: deque = deque()
        for batch in chunks(docs, settings.batch_size):
            window.append(task.remote(conf, batch))
            if len(window) >= in_flight:
                yield from _result(ray, window.popleft())
        while window:
            yield from _result(ray, window.popleft())
    finally:
        if started:
            ray.shutdown()
