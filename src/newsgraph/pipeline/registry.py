"""Stages by name: the pipeline is a list of names in the settings, not code.

A stage factory takes the ``Settings`` and returns a plain callable over a
stream of documents, ``(Iterable[Document]) -> Iterable[Document]``. Register
one with ``@stage("name")``; drop or reorder stages with the ``pipeline``
setting, no code edited.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..errors import E, NewsgraphError
from ..model import Document
from ..settings import Settings

StageFn = Callable[[Iterable[Document]], Iterator[Document]]
StageFactory = Callable[[Settings], StageFn]

STAGES: dict[str, StageFactory] = {}


def stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under ``name``."""

    def register(factory: StageFactory) -> StageFactory:
        STAGES[name] = factory
        return factory

    return register


def per_document(fn: Callable[[Document], Document], name: str) -> StageFn:
    """Lift a one-document function to a stream stage, skipping not-analysed documents.

    A failure on one document (a bug met on odd input) flags that document,
    with the stage's name, and the stream goes on: one article never stops a batch.
    """

    def run(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if doc.analysable:
                try:
                    doc = fn(doc)
                except Exception as exc:  # noqa: BLE001 - recorded on the document, not swallowed
                    doc.flags.extend([f"failed:{name}:{type(exc).__name__}: {exc}"[:200], "not-analysed"])
            yield doc

    return run


def check(settings: Settings) -> None:
    """Fail on an unknown stage name before any work (or any file) is started."""
    from . import stages  # noqa: F401  (registers the built-in stages)

    for name in settings.pipeline:
        if name not in STAGES:
            known = ", ".join(sorted(STAGES))
            raise NewsgraphError(E.BAD_SETTINGS, name="pipeline", detail=f"unknown stage {name!r} (known: {known})")


def build(settings: Settings) -> list[StageFn]:
    """The configured chain of stages, in order."""
    check(settings)
    return [STAGES[name](settings) for name in settings.pipeline]


def run_chain(chain: list[StageFn], docs: Iterable[Document]) -> Iterator[Document]:
    stream: Iterable[Document] = docs
    for fn in chain:
        stream = fn(stream)
    yield from stream
