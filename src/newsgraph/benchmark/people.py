"""How far the people table is from what a careful reader accepts, on a folder of articles.

The folder is ingested into a temporary store; then, over the canonical people (not organisations):
- given-name mixes: one person holding two full names of one surname whose given names differ
  ("Anna Smith" and "John Smith");
- suffix mixes: one person holding a suffixed name and the plain one ("John Smith Jr." and "John Smith");
- gender mixes: aliases with both a man's and a woman's honorific ("Mr. Smith", "Mrs. Smith");
- bad names: a name or alias holding an inflected verb after its first word (headline case, "Anna Smith
  Slams ...") or a plural title ("Senators Anna Smith");
- the share of people with a country, a party, an office.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..link.names import fold, given_names, is_plural_title, is_verb_form, similar_word, suffix, surname
from ..store.sqlite import Store

MALE = frozenset({"mr", "sir", "lord"})
FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady"})


@dataclass
class PeopleFigures:
    people: int = 0
    given_mixes: list[str] = field(default_factory=list)
    suffix_mixes: list[str] = field(default_factory=list)
    gender_mixes: list[str] = field(default_factory=list)
    bad_names: list[str] = field(default_factory=list)
    with_country: int = 0
    with_party: int = 0
    with_office: int = 0
    without_country: list[str] = field(default_factory=list)

    def figures(self) -> dict:
        share = (lambda n: round(n / self.people, 3) if self.people else 0.0)
        return {"people": self.people, "given_mixes": len(self.given_mixes),
                "suffix_mixes": len(self.suffix_mixes), "gender_mixes": len(self.gender_mixes),
                "bad_names": len(self.bad_names), "country_share": share(self.with_country),
                "party_share": share(self.with_party), "office_share": share(self.with_office)}


def _full_forms(names: list[str]) -> list[str]:
    return [n for n in names if given_names(n)]


def given_mix(names: list[str]) -> bool:
    """Two full forms of one surname whose first given names are not variants of each other."""
    full = _full_forms(names)
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            wa, wb = fold(a).split(), fold(b).split()
            if wa[-len(wb):] == wb or wb[-len(wa):] == wa:
                continue  # a double surname written alone ("Holtz-Eakin", "Suu Kyi")
            if surname(a) == surname(b) and not similar_word(given_names(a)[0], given_names(b)[0]):
                return True
    return False


def suffix_mix(names: list[str]) -> bool:
    full = _full_forms(names)
    return len({suffix(n) for n in full}) > 1


def gender_mix(names: list[str]) -> bool:
    first = {n.split()[0].lower().rstrip(".") for n in names if len(n.split()) > 1}
    return bool(first & MALE) and bool(first & FEMALE)


def bad_name(name: str) -> bool:
    words = name.split()
    return any(is_plural_title(w) for w in words) or any(is_verb_form(w) for w in words[1:])


def measure_store(store: Store) -> PeopleFigures:
    out = PeopleFigures()
    cols = {r[1] for r in store.db.execute("PRAGMA table_info(people)")}
    for row in store.query("SELECT * FROM people WHERE type = 'person' ORDER BY name"):
        names = [row["name"], *json.loads(row["aliases"])]
        out.people += 1
        label = f"{row['name']} {json.loads(row['aliases'])}"
        if given_mix(names):
            out.given_mixes.append(label)
        if suffix_mix(names):
            out.suffix_mixes.append(label)
        if gender_mix(names):
            out.gender_mixes.append(label)
        if any(bad_name(n) for n in names):
            out.bad_names.append(label)
        if row["country"]:
            out.with_country += 1
        else:
            out.without_country.append(f"{row['name']} {json.loads(row['roles'])}")
        out.with_party += bool("party" in cols and row["party"])
        out.with_office += bool("office" in cols and row["office"])
    return out


def measure(folder: str | Path, workers: int = 2) -> PeopleFigures:
    """Ingest ``folder`` into a temporary store and measure its people."""
    from ..api import ingest

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "people.db"
        ingest([folder], db=db, workers=workers)
        with Store(db) as store:
            return measure_store(store)
