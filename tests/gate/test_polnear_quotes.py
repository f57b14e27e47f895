"""The quotation gate on real news nobody here wrote: PolNeAR's dev split (84 US political articles,
2016) with its attribution gold, scored as its README says (src/newsgraph/benchmark/attribution.py).
Tuning and learning use the train split only; dev is measured here. Floors in floors.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED
from newsgraph.benchmark.attribution import evaluate
from newsgraph.settings import Settings

pytestmark = pytest.mark.shared("polnear")
DEV = SHARED / "data" / "polnear" / "dev"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


@pytest.fixture(scope="module")
def figures() -> dict:
    scores = evaluate(DEV / "text", DEV / "attributions", Settings(workers=2))
    figures = scores.figures()
    print("\npolnear dev:", json.dumps(figures), "\nerrors:", dict(scores.errors.most_common()))
    figures["failed"] = scores.failed
    return figures


def test_polnear_dev_every_article_is_scored_in_full(figures):
    assert figures["failed"] == [], f"articles a stage failed on: {figures['failed'][:5]}"


@pytest.mark.parametrize("figure", ["direct_f1", "direct_precision", "named_speaker_accuracy", "all_recall",
                                    "all_precision"])
def test_polnear_dev_meets_the_floor(figures, figure):
    floor = FLOORS[f"polnear_dev_{figure}"]
    assert figures[figure] >= floor, f"polnear dev {figure} {figures[figure]:.3f} < floor {floor}"
