"""Cross-document linking: each speaker described in a document becomes one canonical person.

Incremental: a new document's people are looked up by surname key in the
store's index (work proportional to the document, never a recompute), merged
with a compatible person if there is one, else added. The canonical name is
the full form seen in most documents, so "Yuri Sokolov" (twice) wins over
"Yury Sokolov" (once) and both stay as aliases.
"""
from __future__ import annotations

import json
from typing import Protocol

from ..model import Document, Person
from .names import compatible, display_name, fold, given_names, surname


class PeopleIndex(Protocol):
    """What the linker needs from a store (the SQLite store implements it)."""

    def people_with_key(self, key: str) -> list: ...
    def add_person(self, name: str, type_: str, country: str | None, roles: list[str], aliases: list[str]) -> int: ...
    def update_person(self, person_id: int, name: str, country: str | None, roles: list[str], aliases: list[str]) -> None: ...
    def add_person_key(self, key: str, person_id: int) -> None: ...
    def add_person_document(self, person_id: int, doc_id: str, name: str, roles: list[str], country: str | None) -> None: ...
    def name_counts(self, person_id: int) -> dict[str, int]: ...
    def rename_person(self, person_id: int, name: str) -> None: ...


def person_key(person: Person) -> str:
    """The look-up key: the surname for people, the whole folded name for organisations."""
    if person.type == "org":
        return "org:" + fold(person.name)
    return "sur:" + surname(person.name)


def _best_match(person: Person, candidates: list) -> object | None:
    """The candidate that can be the same actor, preferring full-name agreement and same country."""
    best, best_score = None, -1
    for row in candidates:
        if row["type"] != person.type:
            continue
        if person.type == "person":
            if not compatible(person.name, row["name"]):
                continue
            if person.country and row["country"] and person.country != row["country"]:
                continue
        score = 0
        if fold(row["name"]) == fold(person.name):
            score += 2
        if person.country and person.country == row["country"]:
            score += 1
        if given_names(person.name) and given_names(row["name"]):
            score += 1
        if score > best_score:
            best, best_score = row, score
    return best


def _merged(old: list[str], new: list[str]) -> list[str]:
    seen = {fold(x) for x in old}
    out = list(old)
    for item in new:
        if item and fold(item) not in seen:
            seen.add(fold(item))
            out.append(item)
    return out


def _merged_roles(old: list[str], new: list[str]) -> list[str]:
    """Roles without repeats: a role whose words all stand in a longer one is dropped
    ("Minister" beside "Trade Minister"), and a longer role replaces a shorter one."""
    out: list[str] = []
    for role in [*old, *new]:
        words = set(fold(role).split())
        if not words or any(words <= set(fold(r).split()) for r in out):
            continue
        out = [r for r in out if not set(fold(r).split()) <= words] + [role]
    return out


def link_person(index: PeopleIndex, doc_id: str, person: Person) -> int:
    """The canonical id of ``person`` (described in document ``doc_id``), created or merged."""
    name = display_name(person.name) or person.name
    person = Person(name=name, type=person.type, aliases=person.aliases, roles=person.roles,
                    country=person.country)
    key = person_key(person)
    row = _best_match(person, index.people_with_key(key))
    aliases = [a for a in [name, *person.aliases] if a]
    if row is None:
        person_id = index.add_person(name, person.type, person.country, _merged_roles([], person.roles),
                                     _merged([], aliases))
    else:
        person_id = int(row["id"])
        index.update_person(
            person_id,
            row["name"],
            row["country"] or person.country,
            _merged_roles(json.loads(row["roles"]), person.roles),
            _merged(json.loads(row["aliases"]), aliases),
        )
    index.add_person_key(key, person_id)
    index.add_person_document(person_id, doc_id, name, list(person.roles), person.country)
    _choose_canonical_name(index, person_id)
    return person_id


def _choose_canonical_name(index: PeopleIndex, person_id: int) -> None:
    """Canonical name: the fullest form, among those the most documents use."""
    counts = index.name_counts(person_id)
    if not counts:
        return
    best = max(counts, key=lambda n: (len(given_names(n)) > 0, counts[n], len(n)))
    index.rename_person(person_id, best)


def link_document(index: PeopleIndex, doc: Document) -> dict[str, int]:
    """Link every person the document describes; returns {in-document name: person id}."""
    ids: dict[str, int] = {}
    for person in doc.people:
        if not person.name:
            continue
        person_id = link_person(index, doc.id, person)
        ids[person.name] = person_id
        for alias in person.aliases:
            ids.setdefault(alias, person_id)
    return ids
