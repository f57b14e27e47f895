"""Documents per second of copy detection, and bytes per document of its index, in one run.

Three passes over the same cleaned documents, each into a fresh database file:
- baseline: the normalised body hashed and looked up (exact copies only);
- index: fingerprint (tokens, shingles, anchors, two MinHash signatures),
  stored with its LSH bucket rows, and the candidate look-up;
- link: what ingest does, ``link_copies`` (index plus comparing every
  candidate; sentence vectors are encoded when a comparison needs them).
Cleaning happens before any clock starts; the encoder and datasketch are loaded beforehand.
The index's bytes are SQLite's own page counts (dbstat) of the fingerprint
and bucket tables and their indexes, divided by the documents stored.
"""
from __future__ import annotations

import dataclasses
import hashlib
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable

from ..clean import clean
from ..dedupe.copies import ENCODERS, candidates, index_document, link_copies
from ..dedupe.fingerprint import Fingerprint, minhash, tokens
from ..dedupe.sentences import kept_spans
from ..model import Document
from ..read import read_paths
from ..settings import Settings
from ..store.sqlite import Store

INDEX_OBJECTS = ("fingerprints", "fingerprints_hash", "sqlite_autoindex_fingerprints_1", "lsh_buckets",
                 "lsh_document")


def load_documents(paths: Iterable[str | Path], settings: Settings) -> list[Document]:
    """The readable documents under ``paths``, cleaned, each id once."""
    seen: dict[str, Document] = {}
    for doc in read_paths(paths, settings):
        if isinstance(doc, Document) and doc.id not in seen:
            seen[doc.id] = clean(doc)
    return list(seen.values())


def _baseline(store: Store, doc: Document) -> None:
    body = " ".join(w for s in kept_spans(doc) for w in tokens(doc.text[s.start:s.end]))
    digest = hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()
    store.db.execute("SELECT document_id FROM fingerprints WHERE body_hash = ? LIMIT 1", (digest,)).fetchall()
    store.db.execute("INSERT OR REPLACE INTO fingerprints (document_id, body_hash, words, text_minhash, "
                     "anchor_minhash) VALUES (?,?,0,x'',x'')", (doc.id, digest))


def _index(store: Store, doc: Document) -> None:
    candidates(store, doc.id, index_document(store, doc))


def _run(docs: list[Document], step: Callable[[Store, Document], None], repeat: int) -> tuple[float, int]:
    """(seconds, index bytes per document of the last pass) of ``step`` over ``docs``, ``repeat`` passes."""
    seconds, per_doc = 0.0, 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
            with store.transaction():
                for doc in docs:
                    store.insert_document(doc)
            fresh = [dataclasses.replace(d) for d in docs]
            start = time.perf_counter()
            for doc in fresh:
                with store.transaction():
                    step(store, doc)
            seconds += time.perf_counter() - start
            per_doc = index_bytes(store) // max(1, len(docs))
    return seconds, per_doc


def index_bytes(store: Store) -> int:
    """Bytes of the copy index (fingerprints and LSH buckets with their indexes)."""
    names = ",".join("?" * len(INDEX_OBJECTS))
    row = store.db.execute(f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({names})", INDEX_OBJECTS).fetchone()
    return int(row[0] or 0)


def benchmark_copies(paths: Iterable[str | Path], settings: Settings, repeat: int = 1) -> dict:
    """The figures of ``newsgraph benchmark copies``."""
    docs = [d for d in load_documents(paths, settings) if kept_spans(d)]
    encoder = ENCODERS.get(settings.embedding_model)
    minhash(set(), 1)  # import datasketch (and scipy) before any clock starts
    baseline_s, _ = _run(docs, _baseline, repeat)
    index_s, per_doc = _run(docs, _index, repeat)
    link_s, _ = _run(docs, lambda store, doc: link_copies(store, doc, encoder=encoder), repeat)
    n = len(docs) * repeat

    def rate(seconds: float) -> float:
        return round(n / seconds, 1) if seconds else 0.0

    return {
        "documents": len(docs),
        "repeat": repeat,
        "words": sum(Fingerprint.of(d).words for d in docs),
        "encoder": getattr(encoder, "name", None),
        "baseline_docs_per_s": rate(baseline_s),
        "index_docs_per_s": rate(index_s),
        "link_docs_per_s": rate(link_s),
        "index_vs_baseline": round(index_s / baseline_s, 2) if baseline_s else None,
        "link_vs_baseline": round(link_s / baseline_s, 2) if baseline_s else None,
        "index_bytes_per_doc": per_doc,
    }
