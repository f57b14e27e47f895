"""Helpers for the copy-detection tests: documents from text, a store, encoders."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest

from newsgraph.model import Document
from newsgraph.store.sqlite import Store


def make_doc(text: str, name: str = "doc", published: str | None = None, **fields) -> Document:
    """A document read from ``text`` with no cleaning (its whole text is its body)."""
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Document(id=doc_id, source=f"{name}.txt", text=text, published=published, **fields)


class MeaningEncoder:
    """A stand-in sentence encoder: sentences given the same meaning number get the same
    unit vector, every other sentence one of its own. Enough to test the alignment logic."""

    name = "meaning-test"
    dim = 64

    def __init__(self, meanings: dict[str, int] | None = None) -> None:
        self.meanings = meanings or {}
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            slot = self.meanings.get(text.strip())
            if slot is None:
                slot = 32 + int(hashlib.sha1(text.encode()).hexdigest(), 16) % 32
            out[row, slot] = 1.0
        return out


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


@pytest.fixture(scope="session")
def real_encoder():
    from newsgraph.embed import encoder_available, load_encoder

    if not encoder_available():
        pytest.skip("the sentence encoder model is not installed")
    return load_encoder()


def save(store: Store, doc: Document, encoder=None):
    """Insert ``doc`` and link its copies as ingest does; the pairs found."""
    from newsgraph.dedupe.copies import link_copies

    with store.transaction():
        store.insert_document(doc)
        return link_copies(store, doc, encoder=encoder)
