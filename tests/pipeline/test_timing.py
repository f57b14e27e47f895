"""Seconds per stage (benchmark speed): each stage's own share, the same documents out, the
writer's parts named. Time is a fake clock here: no test depends on how fast the machine is."""
from __future__ import annotations

import dataclasses

import pytest

from newsgraph.model import Document
from newsgraph.pipeline import timing
from newsgraph.pipeline.executor import process
from newsgraph.pipeline.ingest import save_document
from newsgraph.settings import Settings
from newsgraph.store.sqlite import Store


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(timing.time, "perf_counter", fake)
    return fake


def test_each_stage_is_charged_its_own_seconds_not_its_inputs(clock):
    def source():
        for i in range(3):
            clock.now += 1  # reading one item costs 1
            yield i

    def slow(items):
        for i in items:
            clock.now += 5  # this stage costs 5 an item
            yield i * 10

    def free(items):
        yield from (i + 1 for i in items)

    seconds: dict[str, float] = {}
    out = list(timing.clocked_chain([("slow", slow), ("free", free)], source(), seconds))
    assert out == [1, 11, 21]
    assert seconds == {"read": 3.0, "slow": 15.0, "free": 0.0}


def test_seconds_add_up_across_runs_and_name_what_ran(clock):
    seconds = {"slow": 1.0}
    timing.add(seconds, {"slow": 2.0, "other": 0.5})
    with timing.timed(seconds, "block"):
        clock.now += 4
    with timing.timed(None, "ignored"):  # no dict: nothing is timed
        clock.now += 1
    assert seconds == {"slow": 3.0, "other": 0.5, "block": 4.0}


def _docs() -> list[Document]:
    texts = ["The minister said on Monday that talks would resume.\n\nTalks resumed.",
             "Der Minister sagte am Montag, dass die Gespräche weitergehen würden.",
             "A short note."]
    return [Document(id=f"d{i}", source=f"s{i}.txt", text=t) for i, t in enumerate(texts * 3)]


@pytest.mark.parametrize("workers", [1, 2])
def test_timing_a_run_changes_no_document_and_names_every_stage(workers):
    settings = Settings(workers=workers, batch_size=2, pipeline=("clean", "language"))
    plain = list(process(_docs(), settings))
    seconds: dict[str, float] = {}
    timed = list(process(_docs(), settings, seconds))
    assert [dataclasses.asdict(d) for d in timed] == [dataclasses.asdict(d) for d in plain]
    assert set(seconds) == {"read", "clean", "language"} and min(seconds.values()) >= 0


def test_the_writer_names_its_parts(tmp_path):
    seconds: dict[str, float] = {}
    with Store(tmp_path / "t.db") as store:
        for doc in process(_docs()[:2], Settings(workers=1, pipeline=("clean", "language"))):
            save_document(store, doc, Settings(), seconds)
    assert set(seconds) == {"store", "copies", "people", "event links", "stories", "statements"}
    assert min(seconds.values()) >= 0
