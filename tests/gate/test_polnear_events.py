"""The events gate on real news nobody here wrote: 36 PolNeAR dev articles (US politics, 2016) with an
event gold coded blind (tests/data/polnear_dev_events.jsonl: offsets, names, codes and types only; the
texts stay in ../shared). Scored as src/newsgraph/benchmark/events.py says; floors in floors.json.
Rules are tuned on the train split; dev is measured here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED, TEST_DATA
from newsgraph.benchmark.events import evaluate
from newsgraph.settings import Settings

pytestmark = pytest.mark.shared("polnear")
DEV_TEXT = SHARED / "data" / "polnear" / "dev" / "text"
GOLD = TEST_DATA / "polnear_dev_events.jsonl"
ARTICLES = TEST_DATA / "polnear_dev_events_articles.txt"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


@pytest.fixture(scope="module")
def figures() -> dict:
    names = [n for n in ARTICLES.read_text(encoding="utf-8").split() if n]
    figures = evaluate(DEV_TEXT, GOLD, Settings(workers=2), names).figures()
    print("\npolnear dev events:", json.dumps(figures))
    return figures


@pytest.mark.parametrize("figure", ["recall_all"])
def test_polnear_dev_event_recall_meets_the_floor(figures, figure):
    floor = FLOORS[f"polnear_dev_events_{figure}"]
    assert figures[figure] >= floor, f"polnear dev events {figure} {figures[figure]:.3f} < floor {floor}"
