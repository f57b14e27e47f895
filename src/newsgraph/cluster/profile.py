"""What a document brings to story assignment: a vector of its lead, the actors it names, its dates.

- vector: the mean of the vectors of its first kept sentences (the lead says what the article is
  about; the tail drifts to background). Vectors come from ``document_vectors``, so a sentence
  already encoded for copy detection is not encoded again.
- entities: keys of the people it links (by canonical person id, so name variants meet), of the
  actors of its events (by folded name, or the person's key when the actor is one of its people)
  and of their countries, each with a name to show.
- dates: its window for comparing with a story (open ends stay open), and the dated window that
  may widen a story's first and last days (only a window of at most a month: "some day after
  2018" says nothing of when a story ran).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..embed.vectors import document_vectors
from ..link.events import OPEN_END, OPEN_START, document_window
from ..link.names import fold
from ..model import Document
from .sentences import sentences

LEAD_SENTENCES = 6  # sentences of the lead averaged into the document vector
LEAD_MIN_WORDS = 5  # shorter ones (datelines, captions, "Share this") say little of the topic
DATED_MAX_DAYS = 31  # a window longer than this does not move a story's first and last days
COUNTRY_WEIGHT = 0.5  # a shared country says less than a shared person or organisation


@dataclass
class Profile:
    doc_id: str
    vector: np.ndarray | None = None
    entities: dict[str, str] = field(default_factory=dict)  # key -> name to show
    low: str | None = None  # window for comparison; None = open or unknown
    high: str | None = None
    first: str | None = None  # dated window that may widen a story's days
    last: str | None = None


def weight(key: str) -> float:
    return COUNTRY_WEIGHT if key.startswith("c:") else 1.0


def lead_spans(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, text) of the lead sentences whose vectors make the document's vector."""
    return sentences(doc, limit=LEAD_SENTENCES, min_words=LEAD_MIN_WORDS) or sentences(doc, limit=LEAD_SENTENCES)


def lead_vector(store, doc: Document, encoder) -> np.ndarray | None:
    """Unit mean vector of the document's first kept sentences; None without an encoder or text."""
    if encoder is None or doc.language not in (None, "en"):  # the default model reads English only
        return None
    lead = lead_spans(doc)
    if not lead:
        return None
    mean = document_vectors(store, doc.id, lead, encoder).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm > 0 else None


def entities(store, doc_id: str) -> dict[str, str]:
    """Entity keys of a stored document (people, event actors, countries) with names to show."""
    keys: dict[str, str] = {}
    named: dict[str, str] = {}  # folded name or alias -> person key
    for row in store.document_people(doc_id):
        key = f"p:{row['person_id']}"
        keys[key] = row["name"]
        for name in [row["name"], *json.loads(row["aliases"] or "[]")]:
            named.setdefault(fold(name), key)
        if row["country"]:
            keys[f"c:{row['country']}"] = row["country"]
    for row in store.document_actors(doc_id):
        folded = fold(row["name"])
        if folded:
            key = named.get(folded, f"a:{folded}")
            keys.setdefault(key, row["name"])
        if row["country"]:
            keys[f"c:{row['country']}"] = row["country"]
    return keys


def dates(doc: Document) -> tuple[str | None, str | None, str | None, str | None]:
    """(low, high, first, last): the comparison window with open ends as None, and the dated window."""
    window = document_window(doc)
    if window is None:
        return None, None, None, None
    low = None if window[0] == OPEN_START else window[0]
    high = None if window[1] == OPEN_END else window[1]
    if low and high and days_between(low, high) <= DATED_MAX_DAYS:
        return low, high, low, high
    return low, high, None, None


def days_between(a: str, b: str) -> int:
    return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days


def profile(store, doc: Document, encoder) -> Profile:
    low, high, first, last = dates(doc)
    return Profile(doc_id=doc.id, vector=lead_vector(store, doc, encoder), entities=entities(store, doc.id),
                   low=low, high=high, first=first, last=last)
