"""Sentence vectors kept in the store: encoded once per sentence, float16 on disk."""
from __future__ import annotations

import numpy as np
import pytest

from newsgraph.embed.vectors import document_vectors, from_blob, to_blob
from newsgraph.model import Document
from newsgraph.store.sqlite import Store

TEXT = "The port reopened on Monday. Ships queued outside for days. Officials blamed the storm."
SPANS = [(0, 28, "The port reopened on Monday."), (29, 59, "Ships queued outside for days."),
         (60, 87, "Officials blamed the storm.")]


class Counting:
    """An encoder wrapper that counts the texts it is asked to encode."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.calls: list[list[str]] = []

    def encode(self, texts, batch_size=32):
        self.calls.append(list(texts))
        return self.inner.encode(texts, batch_size)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "v.db") as s:
        with s.transaction():
            s.insert_document(Document(id="d1", source="d1.txt", text=TEXT))
        yield s


def test_float16_round_trip_keeps_the_vector_closely():
    vec = np.random.default_rng(0).standard_normal(384).astype(np.float32)
    vec /= np.linalg.norm(vec)
    blob = to_blob(vec)
    assert len(blob) == 2 * 384
    back = from_blob(blob, 384)
    assert back.dtype == np.float32 and back.shape == (384,)
    assert np.allclose(back, vec, atol=1e-3)
    with pytest.raises(ValueError):
        from_blob(blob, 512)


def test_vectors_are_stored_once_and_read_back(store, encoder):
    counting = Counting(encoder)
    with store.transaction():
        first = document_vectors(store, "d1", SPANS, counting)
    assert first.shape == (3, encoder.dim) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert counting.calls == [[text for _, _, text in SPANS]]
    rows = list(store.query("SELECT start, end, model FROM sentence_vectors ORDER BY start"))
    assert [(r["start"], r["end"], r["model"]) for r in rows] == [(s, e, encoder.name) for s, e, _ in SPANS]

    with store.transaction():
        second = document_vectors(store, "d1", SPANS, counting)
    assert len(counting.calls) == 1  # nothing encoded again
    assert np.array_equal(first, second)  # fresh vectors went through the same float16 round trip
    direct = encoder.encode([t for _, _, t in SPANS])
    assert np.allclose(first, direct, atol=2e-3)


def test_only_new_sentences_are_encoded(store, encoder):
    counting = Counting(encoder)
    with store.transaction():
        document_vectors(store, "d1", SPANS[:1], counting)
        vectors = document_vectors(store, "d1", SPANS, counting)
    assert counting.calls == [[SPANS[0][2]], [SPANS[1][2], SPANS[2][2]]]
    assert vectors.shape == (3, encoder.dim)
    assert store.db.execute("SELECT COUNT(*) FROM sentence_vectors").fetchone()[0] == 3


def test_no_sentences_gives_an_empty_matrix_without_encoding(store, encoder):
    counting = Counting(encoder)
    assert document_vectors(store, "d1", [], counting).shape == (0, encoder.dim)
    assert counting.calls == []


def test_deleting_the_document_deletes_its_vectors(store, encoder):
    with store.transaction():
        document_vectors(store, "d1", SPANS, encoder)
    store.delete_document("d1")
    assert store.db.execute("SELECT COUNT(*) FROM sentence_vectors").fetchone()[0] == 0
