"""Country names, demonyms and metonyms (capitals, seats of government) to ISO3.

Why a table and not the NER label: "Canadian", "Canada's" and "Ottawa" all tell
a speaker's country, and only a lookup maps them to one code. The tables are
package data built by scripts/build_tables.py from open dictionaries.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _rows(name: str):
    with resources.files("newsgraph").joinpath("data", name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str]]:
    """(country names and demonyms -> iso3, metonyms -> iso3), keys lower-cased."""
    names: dict[str, str] = {}
    for iso3, name, *rest in _rows("countries.tsv"):
        names.setdefault(name.lower(), iso3)
        for alias in (rest[0].split("|") if rest and rest[0] else []):
            names.setdefault(alias.lower(), iso3)
    metonyms = {term.lower(): iso3 for term, iso3 in _rows("metonyms.tsv")}
    return names, metonyms


def country_of(term: str, metonyms: bool = True) -> str | None:
    """ISO3 of a country name or demonym ("Canadian", "Canada"), or of a capital or seat
    of government when ``metonyms`` ("Elysee", "Paris-based" -> FRA)."""
    names, meto = tables()
    key = term.strip().lower()
    if key.endswith("’s") or key.endswith("'s"):
        key = key[:-2]
    if key in names:
        return names[key]
    if metonyms:
        if key in meto:
            return meto[key]
        head = key.split("-")[0]
        if head != key and head in meto:
            return meto[head]
    return None


def is_country_word(term: str) -> bool:
    """True for a country name or demonym (not a metonym)."""
    return country_of(term, metonyms=False) is not None
