"""Invented documents stored by hand, and a fake sentence encoder, for the cluster tests.

The fake encoder is a bag of words hashed into a few dimensions: texts sharing words get close
vectors, so tests can state what is alike without the real model.
"""
from __future__ import annotations

import hashlib
import json
import re

import numpy as np

from newsgraph.model import Document, Quote, Span
from newsgraph.store.sqlite import Store


class FakeEncoder:
    """Bag-of-words vectors (L2-normalised), with the real encoder's interface."""

    name = "fake-bow"
    dim = 256

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out / norms


def add_document(store: Store, doc_id: str, text: str, published: str | None = "2024-03-01",
                 title: str | None = None, people: list[tuple[str, str | None]] = (),
                 quotes: list[tuple[str, str]] = (), language: str | None = "en",
                 published_from: str | None = None) -> Document:
    """Store a document whose kept body is all of ``text``, with people (name, country) linked by
    name (one person per name across documents) and quotations (speaker name, quoted words found
    in ``text``)."""
    doc = Document(id=doc_id, source=f"/news/{doc_id}.txt", text=text, title=title, published=published,
                   published_from=published_from or published, published_to=published, language=language,
                   kept=[Span(0, len(text))])
    with store.transaction():
        store.insert_document(doc)
        for name, country in people:
            person_id = _person(store, name, country)
            store.add_person_document(person_id, doc_id, name, [], country)
        for speaker, words in quotes:
            start = text.index(words)
            quote = Quote(content=Span(start, start + len(words)), kind="direct")
            store.insert_quote(doc, quote, _person(store, speaker, None))
    return doc


def _person(store: Store, name: str, country: str | None) -> int:
    row = store.db.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row[0])
    return store.add_person(name, "person", country, [], [name])


def add_copy(store: Store, copy_id: str, original_id: str, kind: str = "near", similarity: float = 0.95) -> None:
    store.db.execute("INSERT INTO copies (document_id, original_id, kind, similarity, direction) VALUES (?,?,?,?,?)",
                     (copy_id, original_id, kind, similarity, "test"))


def add_event_report(store: Store, doc_id: str, event_id: int | None = None, type_: str = "CONSULT") -> int:
    """A report of an event (a new one unless ``event_id``) in a stored document."""
    if event_id is None:
        event_id = store.add_event(json.dumps([type_, doc_id]), type_, False)
    store.add_event_report({"event_id": event_id, "document_id": doc_id, "publisher": doc_id, "sentence_start": 0,
                            "sentence_end": 5, "trigger_start": 0, "trigger_end": 2, "text": "x", "trigger": "x"})
    return event_id


def story_of(store: Store, doc_id: str) -> int | None:
    return store.story_of(doc_id)


def partition(store: Store) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for row in store.query("SELECT story_id, document_id FROM story_documents"):
        groups.setdefault(row[0], set()).add(row[1])
    return {frozenset(g) for g in groups.values()}
