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
from .actor_table import key_of, person_entry, tables
from .names import compatible, display_name, fold, given_names, suffix, surname


class PeopleIndex(Protocol):
    """What the linker needs from a store (the SQLite store implements it)."""

    def people_with_key(self, key: str) -> list: ...
    def add_person(self, name: str, type_: str, country: str | None, roles: list[str], aliases: list[str]) -> int: ...
    def update_person(self, person_id: int, name: str, country: str | None, roles: list[str], aliases: list[str]) -> None: ...
    def add_person_key(self, key: str, person_id: int) -> None: ...
    def add_person_document(self, person_id: int, doc_id: str, name: str, roles: list[str], country: str | None) -> None: ...
    def name_counts(self, person_id: int) -> dict[str, int]: ...
    def rename_person(self, person_id: int, name: str) -> None: ...
    def refresh_affiliation(self, person_id: int, gender: str | None = None) -> None: ...


def person_key(person: Person) -> str:
    """The look-up key: the surname for people, the whole folded name for organisations."""
    if person.type == "org":
        return "org:" + fold(person.name)
    return "sur:" + surname(person.name)


def _field(row, name: str):
    return row[name] if name in row.keys() else None


def _can_be(person: Person, row) -> bool:
    """Nothing the two say keeps them apart: surname and given names (variants allowed), suffix,
    gender, country, party."""
    if not compatible(person.name, row["name"]):
        return False
    if given_names(person.name) and given_names(row["name"]) and suffix(person.name) != suffix(row["name"]):
        return False
    for mine, theirs in ((person.gender, _field(row, "gender")), (person.country, row["country"]),
                         (person.party, _field(row, "party"))):
        if mine and theirs and mine != theirs:
            return False
    return True


def _roles_agree(person: Person, row) -> bool:
    mine = {w for r in person.roles for w in fold(r).split()}
    theirs = {w for r in json.loads(row["roles"]) for w in fold(r).split()}
    office = fold(_field(row, "office") or "")
    return bool(mine & theirs) or bool(person.office and office and fold(person.office) == office)


def _best_match(person: Person, candidates: list) -> object | None:
    """The candidate that is the same actor. A full name goes to the stored person of a compatible
    full name (same name first, then same country); a bare surname goes to the one stored person
    of that surname, else to the one whose role, office or party agrees, else to the stored bare
    name itself, else to no one."""
    rows = [r for r in candidates if r["type"] == person.type]
    if person.type != "person":
        return next((r for r in rows if fold(r["name"]) == fold(person.name)), rows[0] if rows else None)
    rows = [r for r in rows if _can_be(person, r)]
    full = [r for r in rows if given_names(r["name"])]
    bare = [r for r in rows if not given_names(r["name"])]
    if given_names(person.name):
        if not full:
            return bare[0] if len(bare) == 1 else None
        return max(full, key=lambda r: (fold(r["name"]) == fold(person.name),
                                        bool(person.country and person.country == r["country"]),
                                        -int(r["id"])))
    if len(full) == 1:
        return full[0]
    agreeing = [r for r in full if _roles_agree(person, r)
                or (person.party and person.party == _field(r, "party"))]
    if len(agreeing) == 1:
        return agreeing[0]
    return bare[0] if bare else None


def _country_of_named(index: PeopleIndex, person: Person) -> str | None:
    """"Roe campaign spokesman", "adviser to Ann Roe": a role naming a stored person places its
    holder in that person's country, when every stored person of that surname with a country agrees."""
    own = surname(person.name)
    found: set[str] = set()
    for role in person.roles:
        for word in role.split():
            if not word[:1].isupper():
                continue
            key = surname(word)
            if not key or key == own:
                continue
            countries = {r["country"] for r in index.people_with_key("sur:" + key)
                         if r["type"] == "person" and r["country"]}
            if len(countries) == 1:
                found |= countries
    return found.pop() if len(found) == 1 else None


def table_country(name: str, on: str | None) -> str | None:
    """The country the actor table gives a full personal name on a day (only where the text says none)."""
    if not given_names(name):
        return None
    t = tables()
    i = t.index.get(key_of(name))
    if i is None:
        i = person_entry(name)
    if i is None or t.entries[i].type != "person":
        return None
    return t.entries[i].role_on(on)[0]


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


def link_person(index: PeopleIndex, doc_id: str, person: Person, on: str | None = None) -> int:
    """The canonical id of ``person`` (described in document ``doc_id``, dated ``on``), created or merged."""
    name = display_name(person.name) or person.name
    country = person.country
    if country is None and person.type == "person":
        country = table_country(name, on) or _country_of_named(index, person)
    person = Person(name=name, type=person.type, aliases=person.aliases, roles=person.roles,
                    country=country, gender=person.gender, party=person.party, office=person.office)
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
    index.add_person_document(person_id, doc_id, name, list(person.roles), person.country,
                              party=person.party, office=person.office)
    index.refresh_affiliation(person_id, person.gender)
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
        person_id = link_person(index, doc.id, person, doc.published)
        ids[person.name] = person_id
        for alias in person.aliases:
            ids.setdefault(alias, person_id)
    return ids
