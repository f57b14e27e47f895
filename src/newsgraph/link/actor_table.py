"""The actor and agent tables, loaded once: name keys to actors with dated roles,
agent words to sectors.

Why one normaliser for both sides: scripts/build_actors.py writes the keys with
``key_of`` and the coder looks words up with ``norm_word``, so "U.N.", "UN" and
"Ban Ki-moon" / "BAN_KI-MOON" meet on the same key without a regex scan.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Words a key never starts with ("the United Nations" is keyed "united nations").
LEADING = frozenset({"the"})

_DROP = re.compile(r"[^a-z0-9&]+")
_SPLIT = re.compile(r"[\s_\-–—/]+")
FAR_FUTURE = 99991231


def norm_word(word: str) -> str:
    """One word's key: accents folded, lower-cased, possessive and punctuation off
    ("U.N." -> "un", "Russia's" -> "russia", "Élysée" -> "elysee")."""
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c)).lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return _DROP.sub("", w)


def words_of(text: str) -> list[str]:
    """Raw words of a name as written: split on spaces, underscores, hyphens and slashes."""
    return [w for w in _SPLIT.split(text.strip()) if w and norm_word(w)]


def key_of(text: str) -> str:
    """The look-up key of a whole name: its normalised words, without a leading "the"."""
    keys = [norm_word(w) for w in words_of(text)]
    keys = [k for k in keys if k]
    while len(keys) > 1 and keys[0] in LEADING:
        keys = keys[1:]
    return " ".join(keys)


def day_number(on: str | None) -> int:
    """YYYY-MM-DD (or YYYY-MM, YYYY) as an int YYYYMMDD; None is "now or later"."""
    if not on:
        return FAR_FUTURE
    digits = on.replace("-", "")[:8]
    if not digits.isdigit():
        return FAR_FUTURE
    return int(digits.ljust(8, "0")) if len(digits) == 8 else int((digits + "0101")[:8])


@dataclass(frozen=True)
class Role:
    """A country and sector held between two days (YYYYMMDD ints; 0 = open)."""

    country: str | None
    sector: str | None
    start: int = 0
    end: int = 0

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def holds(self, day: int) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One actor of the table: canonical name, type and roles (dated first, then defaults)."""

    name: str
    type: str
    roles: tuple[Role, ...]

    def role_on(self, on: str | None = None) -> tuple[str | None, str | None]:
        """(country, sector) on a day: the first dated role holding it, else the first
        undated role, else the country of the nearest role with no sector."""
        day = day_number(on)
        for role in self.roles:
            if role.dated and role.holds(day):
                return role.country, role.sector
        dated = [r for r in self.roles if r.dated]
        for role in self.roles:
            if not role.dated:
                country = role.country or _nearest(dated, day)
                return country, role.sector
        return _nearest(dated, day), None


def _nearest(roles: list[Role], day: int) -> str | None:
    best, gap = None, None
    for r in roles:
        if not r.country:
            continue
        d = min(abs(day - (r.start or day)), abs(day - (r.end or day)))
        if gap is None or d < gap:
            best, gap = r.country, d
    return best


@dataclass(frozen=True)
class Agent:
    """An agent phrase: its sector (None for role words with no sector of their own),
    a fallback country (IGO for "peacekeepers", NGO for "rights group"), whether
    it marks a non-actor ("the border", "the West"), and whether it is a generic
    role word that defers to a more specific modifier ("army spokesman" is MIL)."""

    sector: str | None
    country: str | None = None
    non_actor: bool = False
    role: bool = False


@dataclass(frozen=True)
class Tables:
    entries: tuple[Entry, ...]
    index: dict[str, int]  # name key -> entry
    max_words: int
    agents: dict[str, Agent]  # agent key -> agent
    agent_max_words: int
    states: dict[str, int]  # iso3 -> the state's entry


def _rows(name: str):
    with resources.files("newsgraph").joinpath("data", name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def parse_role(text: str) -> Role:
    """"RUS:GOV:19991231:20080507" -> Role; empty fields are None / open."""
    country, sector, start, end = (text.split(":") + ["", "", "", ""])[:4]
    return Role(country or None, sector or None, int(start or 0), int(end or 0))


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Load actors.tsv and agents.tsv once (keys are already normalised by the builder)."""
    entries: list[Entry] = []
    index: dict[str, int] = {}
    states: dict[str, int] = {}
    max_words = 1
    for name, type_, roles, keys in _rows("actors.tsv"):
        i = len(entries)
        entry = Entry(name, type_, tuple(parse_role(r) for r in roles.split("|") if r))
        entries.append(entry)
        if type_ == "state" and entry.roles and entry.roles[0].country:
            states.setdefault(entry.roles[0].country, i)
        for key in keys.split("|"):
            if key and key not in index:
                index[key] = i
                max_words = max(max_words, key.count(" ") + 1)
    agents: dict[str, Agent] = {}
    agent_max = 1
    for key, sector, country, kind in _rows("agents.tsv"):
        agents.setdefault(key, Agent(sector or None, country or None, kind == "non", kind == "role"))
        agent_max = max(agent_max, key.count(" ") + 1)
    return Tables(tuple(entries), index, max_words, agents, agent_max, states)


def state_name(iso3: str) -> str | None:
    """The short English name the tables use for a state ("RUS" -> "Russia")."""
    t = tables()
    i = t.states.get(iso3)
    return t.entries[i].name if i is not None else None


@lru_cache(maxsize=1)
def _people_by_surname() -> dict[str, list[tuple[str, int]]]:
    """Surname -> (full-name key, entry) for every person of the table with a
    given name and a surname, for names written in another transliteration."""
    from .names import surname

    t = tables()
    out: dict[str, list[tuple[str, int]]] = {}
    for key, i in t.index.items():
        if t.entries[i].type == "person" and " " in key:
            out.setdefault(surname(key), []).append((key, i))
    return out


def person_entry(name: str) -> int | None:
    """The table person a full name denotes when spelt another way ("Nikolai" for
    "Nikolay"): the one person whose surname and given name are compatible."""
    from .names import compatible, given_names, surname

    given = given_names(name)
    if not given:
        return None
    found = {i for key, i in _people_by_surname().get(surname(name), ())
             if len(given_names(key)) == len(given) and compatible(name, key)}
    return found.pop() if len(found) == 1 else None
