"""The people gate on real news nobody here wrote: PolNeAR's dev split (84 US political articles, 2016)
ingested into a temporary store, its canonical people measured (src/newsgraph/benchmark/people.py):
no person holding two given names of one surname (a family), a suffixed and a plain name, or both
honorific genders; no name holding a headline verb or a plural title; most people with a country.
Tuning uses the train split only. Floors in floors.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED
from newsgraph.benchmark.people import measure

pytestmark = pytest.mark.shared("polnear")
DEV = SHARED / "data" / "polnear" / "dev"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


@pytest.fixture(scope="module")
def found():
    result = measure(DEV / "text", workers=2)
    print("\npolnear dev people:", json.dumps(result.figures()))
    return result


@pytest.mark.parametrize("problem", ["given_mixes", "suffix_mixes", "gender_mixes", "bad_names"])
def test_polnear_dev_people_are_one_person_each(found, problem):
    cases = getattr(found, problem)
    assert len(cases) <= FLOORS[f"polnear_dev_people_{problem}_max"], cases[:5]


def test_polnear_dev_people_have_a_country(found):
    share = found.figures()["country_share"]
    floor = FLOORS["polnear_dev_people_country_share"]
    assert share >= floor, f"people with a country {share:.3f} < floor {floor}; e.g. {found.without_country[:5]}"
