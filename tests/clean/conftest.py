"""Fixtures for the clean stage: the shared seeds and their cleaning gold, plus a made-up article."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.model import Document

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seed_cleaning.jsonl"


def load_gold() -> list[dict]:
    """The per-seed cleaning gold (empty when the shared folder is absent)."""
    if not GOLD.exists():
        return []
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def line_ranges(text: str, starts: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` beginning with ``starts`` (or containing it at a line start)."""
    out, pos = [], 0
    while True:
        i = text.find(starts, pos)
        if i < 0:
            return out
        end = text.find("\n", i)
        out.append((i, len(text) if end < 0 else end))
        pos = i + 1


def covered(ranges, start: int, end: int, text: str) -> bool:
    """True if every non-space character of [start, end) lies inside one of ``ranges``."""
    return all(
        text[p].isspace() or any(a <= p < b for a, b in ranges) for p in range(start, end)
    )


def seed_document(name: str) -> Document:
    path = SEEDS / name
    return Document(id="x", source=str(path), text=path.read_text("utf-8"))


# A made-up local-news article (no seed text), used by several tests.
ARTICLE_PARAGRAPHS = [
    "Riverton council approves new tram line after year of debate",
    "The Riverton city council voted 9 to 4 on Tuesday to approve a tram line linking the harbour district "
    "with the university campus, ending a year of debate over the cost of the project.",
    "The line will run for 11 kilometres along Harbour Road and Mill Street, with 14 stops, and is expected "
    "to carry 30,000 passengers a day once it opens, according to the council's transport department.",
    "“This tram line is the biggest investment in public transport Riverton has seen in fifty years,” said "
    "councillor Maria Okafor, who chairs the council's transport committee.",
    "Opponents on the council argued that the tram would disrupt traffic on Mill Street during construction "
    "and that buses could serve the harbour district at a fraction of the cost.",
    "Shop owners on Mill Street have asked the council for compensation during the two years of construction. "
    "Okafor said the transport committee would consider a fund for affected businesses.",
    "Construction of the tram line is due to begin next spring, and the council hopes the first trams will "
    "reach the harbour district by the end of 2027.",
    "“We waited a long time for this,” said Tom Reyes, a student who commutes from the harbour every day. "
    "“The bus takes forty minutes. The tram should take fifteen.”",
]

PRESS_RELEASE = [
    "Glowlab Launches Vitamin Serum For Sensitive Skin",
    "NEW YORK / PRNEWS / Glowlab, a skincare brand, today announced the launch of its new vitamin serum, "
    "formulated for sensitive skin with hyaluronic acid and botanical extracts. The serum absorbs quickly, "
    "hydrates for up to 24 hours and suits every skin type. Customers can order the serum online with free "
    "shipping and a money-back guarantee. Dermatologists recommend applying the serum twice daily after "
    "cleansing. For more information about Glowlab skincare products and exclusive discounts, visit the "
    "Glowlab website. Media contact: press office, Glowlab Inc.",
]


@pytest.fixture
def article_text() -> str:
    return "\n\n".join(ARTICLE_PARAGRAPHS) + "\n"


class CleaningGold:
    """Cases and checks for one cleaning gold file (seed or example format), so each gold's
    test module is only its parametrisation. Documents are cleaned once and cached."""

    def __init__(self, rows: list[dict], load, id_len: int) -> None:
        self.rows, self.load, self.id_len = rows, load, id_len
        self._cache: dict[str, Document] = {}

    def cleaned(self, name: str) -> Document:
        from newsgraph.clean import clean

        if name not in self._cache:
            self._cache[name] = clean(self.load(name))
        return self._cache[name]

    def cases(self, key: str) -> list:
        """(doc, starts, only) per gold item; ``only`` marks a drop of just that text, not its whole line
        (a dateline heading a paragraph that is kept from the word after it)."""
        import pytest

        out = []
        for row in self.rows:
            for item in row[key]:
                starts = item["starts"] if isinstance(item, dict) else item
                only = isinstance(item, dict) and item.get("only", False)
                out.append(pytest.param(row["doc"], starts, only, id=f"{row['doc'][:self.id_len]}-{starts.strip()[:40]}"))
        return out

    def meta_cases(self) -> list:
        import pytest

        return [pytest.param(row["doc"], field, value, id=f"{row['doc'][:self.id_len]}-{field}")
                for row in self.rows for field, value in row["metadata"].items()]

    def _lines(self, name: str, starts: str) -> tuple[Document, list[tuple[int, int]]]:
        doc = self.cleaned(name)
        lines = line_ranges(doc.text, starts)
        assert lines, f"gold line not found in {name}: {starts!r}"
        return doc, lines

    def check_drop(self, name: str, starts: str, only: bool = False) -> None:
        doc, lines = self._lines(name, starts)
        if only:
            lines = [(s, s + len(starts)) for s, _ in lines]
        removed = [(r.start, r.end) for r in doc.removed]
        for s, e in lines:
            assert covered(removed, s, e, doc.text), f"not removed: {doc.text[s:e][:80]!r}"

    def check_keep(self, name: str, starts: str) -> None:
        doc, lines = self._lines(name, starts)
        kept = [(k.start, k.end) for k in doc.kept]
        removed = [(r.start, r.end) for r in doc.removed]
        for s, e in lines:
            assert covered(kept, s, e, doc.text), f"not kept: {doc.text[s:e][:80]!r}"
            assert not any(a < e and s < b for a, b in removed), f"partly removed: {doc.text[s:e][:80]!r}"
