"""Country tables: names, demonyms, possessives and metonyms to ISO3."""
from __future__ import annotations

from newsgraph.extract.countries import country_of, is_country_word


def test_names_and_demonyms():
    assert country_of("Russian") == "RUS"
    assert country_of("Japan’s") == "JPN"
    assert country_of("Iranian") == "IRN"
    assert country_of("Atlantis") is None


def test_metonyms_only_when_asked():
    assert country_of("Kremlin") == "RUS"
    assert country_of("Moscow-based") == "RUS"
    assert country_of("Kremlin", metonyms=False) is None
    assert not is_country_word("Kremlin") and is_country_word("Canadian")
