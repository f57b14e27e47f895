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
# Stages that also run on an exact copy of a stored text (Document.reuse_of set): cheap ones whose
# result decides whether the stored analysis fits the copy. The others skip it: its analysis is reused.
ON_COPIES: set[str] = set()


def stage(name: str, on_copies: bool = False) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under ``name``; ``on_copies``: run it on exact copies too."""

    def register(factory: StageFactory) -> StageFactory:
        STAGES[name] = factory
        if on_copies:
            ON_COPIES.add(name)
        return factory

    return register


def per_document(fn: Callable[[Document], Document], name: str) -> StageFn:
    """Lift a one-document function to a stream stage, skipping not-analysed documents.

    A failure on one document (a bug met on odd input) flags that document,
    with the stage's name, and the stream goes on: one article never stops a batch.
    """

    def run(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if doc.analysable and (doc.reuse_of is None or name in ON_COPIES):
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


def build(settings: Settings, skip: set[str] | frozenset[str] = frozenset()) -> list[StageFn]:
    """The configured chain of stages, in order, without those named in ``skip``."""
    return [fn for _, fn in build_named(settings, skip)]


def build_named(settings: Settings, skip: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, StageFn]]:
    """The chain of ``build`` with each stage's name (for timing stages)."""
    check(settings)
    return [(name, STAGES[name](settings)) for name in settings.pipeline if name not in skip]


def run_chain(chain: list[StageFn], docs: Iterable[Document]) -> Iterator[Document]:
    stream: Iterable[Document] = docs
    for fn in chain:
        stream = fn(stream)
    yield from stream
