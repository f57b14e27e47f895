"""Seconds per stage, for ``newsgraph benchmark speed``: where the time of a run goes.

Cheap enough to leave on: one ``perf_counter`` pair per document per stage. Stages are chained
generators, so a stage's own time is the time spent pulling from its output less the time spent
pulling from its input (the stage before it). Worker processes send their seconds back with
their results and the parent adds them up: the figures are CPU-side seconds summed over
processes, not wall-clock seconds.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

Seconds = dict[str, float]


def add(into: Seconds, more: Seconds) -> Seconds:
    """``into`` with ``more``'s seconds added, name by name."""
    for name, value in more.items():
        into[name] = into.get(name, 0.0) + value
    return into


@contextmanager
def timed(seconds: Seconds | None, name: str):
    """Add the seconds the block takes to ``seconds[name]`` (nothing when ``seconds`` is None)."""
    if seconds is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start


def _pulled(items: Iterable[T], cell: list[float]) -> Iterator[T]:
    """``items``, adding the seconds each pull takes to ``cell[0]``."""
    it = iter(items)
    while True:
        start = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            cell[0] += time.perf_counter() - start
            return
        cell[0] += time.perf_counter() - start
        yield item


def clocked_chain(named: list[tuple[str, object]], items: Iterable[T], seconds: Seconds,
                  source: str = "read") -> Iterator[T]:
    """Run the (name, stage) chain over ``items``, adding each stage's own seconds to ``seconds``
    (and the seconds spent pulling ``items`` themselves to ``seconds[source]``)."""
    cells = [[0.0] for _ in range(len(named) + 1)]
    stream: Iterable = _pulled(items, cells[0])
    for (_, fn), cell in zip(named, cells[1:]):
        stream = _pulled(fn(stream), cell)
    try:
        yield from stream
    finally:
        names = [source] + [name for name, _ in named]
        for i, name in enumerate(names):
            own = cells[i][0] - (cells[i - 1][0] if i else 0.0)
            seconds[name] = seconds.get(name, 0.0) + max(own, 0.0)
