"""Sentence vectors of stored documents, computed once and kept in table ``sentence_vectors``.

Encoding is the slow part of comparing documents, so each sentence is encoded once per model and
stored as float16 (768 bytes for 384 dimensions; cosines move by about 1e-3 at most). A fresh vector
goes through the same float16 round trip as a stored one, so a second call returns the same numbers.
"""
from __future__ import annotations

import json

import numpy as np

_DTYPE = np.dtype("<f2")  # little-endian float16 on disk, whatever the machine


def to_blob(vec) -> bytes:
    """One vector as float16 bytes."""
    return np.asarray(vec, dtype=np.float32).reshape(-1).astype(_DTYPE).tobytes()


def from_blob(b: bytes, dim: int) -> np.ndarray:
    """A float16 blob back to a float32 vector of ``dim`` values (ValueError if it is not that long)."""
    vec = np.frombuffer(b, dtype=_DTYPE)
    if vec.size != dim:
        raise ValueError(f"stored vector has {vec.size} values, expected {dim}")
    return vec.astype(np.float32)


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.maximum(norms, 1e-12)).astype(np.float32)


def document_vectors(store, doc_id: str, sentences: list[tuple[int, int, str]], encoder) -> np.ndarray:
    """(len(sentences), dim) float32 unit rows for the (start, end, text) spans of a stored document.

    Vectors already stored for this document, model and span are read back; the others are encoded
    in one batch and stored. The caller holds the transaction (this only reads and inserts).
    """
    dim = int(encoder.dim)
    out = np.zeros((len(sentences), dim), dtype=np.float32)
    if not sentences:
        return out
    stored = {
        (row[0], row[1]): row[2]
        for row in store.db.execute(
            "SELECT start, end, vector FROM sentence_vectors WHERE document_id = ? AND model = ?",
            (doc_id, encoder.name),
        )
    }
    todo: dict[tuple[int, int], list[int]] = {}  # span -> rows of ``out`` (a span may be asked twice)
    texts: dict[tuple[int, int], str] = {}
    for row, (start, end, text) in enumerate(sentences):
        span = (int(start), int(end))
        blob = stored.get(span)
        if blob is not None:
            try:
                out[row] = from_blob(blob, dim)
                continue
            except ValueError:  # another model's width under the same name: encode again
                pass
        todo.setdefault(span, []).append(row)
        texts[span] = text
    if todo:
        spans = list(todo)
        fresh = np.asarray(encoder.encode([texts[s] for s in spans]), dtype=np.float32)
        store.db.executemany(
            "INSERT OR REPLACE INTO sentence_vectors (document_id, start, end, model, vector) VALUES (?, ?, ?, ?, ?)",
            [(doc_id, s[0], s[1], encoder.name, to_blob(vec)) for s, vec in zip(spans, fresh)],
        )
        for span, vec in zip(spans, fresh):
            out[todo[span]] = from_blob(to_blob(vec), dim)
    return _unit(out)


def many_document_vectors(store, spans: dict[str, list[tuple[int, int, str]]], encoder) -> dict[str, np.ndarray]:
    """``document_vectors`` of several documents at once: the stored vectors of exactly these spans are
    read in one query (an index look-up per span, not every vector of every document); a document
    missing any goes through ``document_vectors``, which encodes and stores what is missing."""
    dim = int(encoder.dim)
    wanted = [[doc_id, int(a), int(b)] for doc_id, rows in spans.items() for a, b, _ in rows]
    stored = {(r[0], r[1], r[2]): r[3] for r in store.db.execute(
        """SELECT v.document_id, v.start, v.end, v.vector FROM json_each(?) j
           JOIN sentence_vectors v ON v.document_id = json_extract(j.value, '$[0]')
            AND v.start = json_extract(j.value, '$[1]') AND v.end = json_extract(j.value, '$[2]') AND v.model = ?""",
        (json.dumps(wanted), encoder.name))} if wanted else {}
    out: dict[str, np.ndarray] = {}
    for doc_id, rows in spans.items():
        blobs = [stored.get((doc_id, int(a), int(b))) for a, b, _ in rows]
        if rows and all(blob is not None and len(blob) == 2 * dim for blob in blobs):
            out[doc_id] = _unit(np.stack([from_blob(blob, dim) for blob in blobs]))
        else:
            out[doc_id] = document_vectors(store, doc_id, rows, encoder)
    return out


def store_vectors(store, doc_id: str, vectors: list[tuple[int, int, object]], encoder) -> None:
    """Store vectors computed elsewhere (a worker process) for a document's spans, so that
    ``document_vectors`` finds them instead of encoding again. The caller holds the transaction."""
    store.db.executemany(
        "INSERT OR IGNORE INTO sentence_vectors (document_id, start, end, model, vector) VALUES (?, ?, ?, ?, ?)",
        [(doc_id, int(a), int(b), encoder.name, to_blob(vec)) for a, b, vec in vectors],
    )
