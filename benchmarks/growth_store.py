"""A store of N articles that the writer can keep ingesting into, built with bulk SQL (100,000 in minutes).

Why: the growth benchmark (run_growth.py) measures what one more article costs the writer in a
store of 1k, 10k and 100k articles, so the store must hold every table the writer looks things
up in at a realistic size, not only what the readers show. synthetic_store.py replicates a
template store's documents, people, quotations, statements, events, stories and copies; this
adds, per replica, what it leaves out:

- content_hash (the appearance index), so a re-run and the exact-copy look-up see N rows;
- the copy index: a fingerprint row (the template's MinHash signatures, a body hash of its own)
  and the template's LSH bucket rows, each bucket filled up to dedupe's BUCKET_CAP as
  index_document would fill it (a replica is a near-copy of its template, so later replicas
  find the buckets full, as in a store where many documents share a sentence);
- the sentence vectors the pipeline stores (lead sentences and quotation pieces), copied from
  the template (the replica's text starts with the template's, so the spans hold).

Rows are written in chunks of whole clusters, one transaction each, so memory stays bounded.
Built stores are cached under /tmp by size and code; copy one before writing into it (opening the
copy with the Store brings it to the current schema, as a user's store would be).
"""
from __future__ import annotations

import hashlib
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic_store  # noqa: E402

CHUNK = 5000  # documents per transaction


class _Replicator(synthetic_store._Replicator):
    """synthetic_store's replicator that also says which template each cluster copies."""

    def cluster(self, first_k: int, size: int) -> None:
        pick, chosen = self.rng.choice, []

        def choice(seq):
            value = pick(seq)
            if seq is self.docs:
                chosen.append(value)
            return value

        self.rng.choice = choice  # the same draws in the same order: only recorded
        try:
            super().cluster(first_k, size)
        finally:
            del self.rng.choice
        self.template = chosen[0]["id"]


def _extras(con: sqlite3.Connection) -> tuple[dict, dict, dict, dict]:
    """Per template document: fingerprint row, LSH keys, sentence vectors; and bucket fill counts."""
    fps = {r["document_id"]: r for r in con.execute("SELECT * FROM fingerprints")}
    keys: dict[str, list] = {}
    fill: dict[tuple[int, int], int] = {}
    for band, bucket, doc in con.execute("SELECT band, bucket, document_id FROM lsh_buckets"):
        keys.setdefault(doc, []).append((band, bucket))
        fill[(band, bucket)] = fill.get((band, bucket), 0) + 1
    vectors: dict[str, list] = {}
    for row in con.execute("SELECT document_id, start, end, model, vector FROM sentence_vectors"):
        vectors.setdefault(row[0], []).append(tuple(row[1:]))
    return fps, keys, vectors, fill


def build(path: str | Path, n: int, seed: int = 0, templates: int = 50) -> dict:
    """Build a writable store of ``n`` documents at ``path``; row counts and seconds."""
    from newsgraph.dedupe.copies import BUCKET_CAP

    t0 = time.perf_counter()
    template = synthetic_store.template_store(templates, seed)
    con = synthetic_store.open_copy(template, path)
    rng = random.Random(seed)
    rep = _Replicator(con, rng)
    fps, keys, vectors, fill = _extras(con)
    extra: dict[str, list] = {"fingerprints": [], "lsh_buckets": [], "sentence_vectors": []}

    def flush() -> None:
        con.execute("BEGIN")
        rep.write()
        con.executemany("INSERT INTO fingerprints (document_id, body_hash, words, text_minhash, anchor_minhash) "
                        "VALUES (?,?,?,?,?)", extra["fingerprints"])
        con.executemany("INSERT INTO lsh_buckets (band, bucket, document_id) VALUES (?,?,?)", extra["lsh_buckets"])
        con.executemany("INSERT INTO sentence_vectors (document_id, start, end, model, vector) VALUES (?,?,?,?,?)",
                        extra["sentence_vectors"])
        con.execute("COMMIT")
        for rows in (*rep.out.values(), *extra.values()):
            rows.clear()

    k = len(rep.docs)
    first_event = rep.next["events"]
    while k < n:
        size = min(n - k, rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8]))
        before = len(rep.out["documents"])
        rep.cluster(k, size)
        tpl = rep.template
        for row in rep.out["documents"][before:]:
            doc_id = row[0]
            fp = fps.get(tpl)
            if fp is not None:
                body = hashlib.sha1(f"body:{doc_id}".encode()).hexdigest()
                extra["fingerprints"].append((doc_id, body, fp["words"], fp["text_minhash"], fp["anchor_minhash"]))
            for key in keys.get(tpl, []):
                if fill[key] < BUCKET_CAP:
                    fill[key] += 1
                    extra["lsh_buckets"].append((*key, doc_id))
            extra["sentence_vectors"] += [(doc_id, *v) for v in vectors.get(tpl, [])]
        k += size
        if len(rep.out["documents"]) >= CHUNK:
            flush()
    flush()
    con.execute("BEGIN")
    con.execute("UPDATE documents SET content_hash = id WHERE content_hash IS NULL")
    con.execute(
        """UPDATE events SET
             reports = (SELECT COUNT(*) FROM event_reports r WHERE r.event_id = events.id),
             publishers = (SELECT COUNT(DISTINCT publisher) FROM event_reports r WHERE r.event_id = events.id),
             sources = (SELECT COUNT(DISTINCT r.document_id) FROM event_reports r WHERE r.event_id = events.id
                        AND r.document_id NOT IN (SELECT document_id FROM copies))
           WHERE id >= ?""", (first_event,))
    con.execute("COMMIT")
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (
        "documents", "quotes", "people", "person_documents", "events", "event_reports", "actors", "stories",
        "story_documents", "story_entities", "copies", "statements", "statement_quotes", "fingerprints",
        "lsh_buckets", "sentence_vectors")}
    missing = con.execute("""SELECT
        (SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM fingerprints)),
        (SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM story_documents))""").fetchone()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    if any(missing):
        raise RuntimeError(f"documents without fingerprint / story: {tuple(missing)}")
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    return counts


def cached(n: int, seed: int = 0) -> Path:
    """A built store of ``n`` documents under /tmp (built on first need); copy it before writing."""
    import inspect

    code = "".join(inspect.getsource(f) for f in (_Replicator, _extras, build)).encode()
    code += Path(synthetic_store.__file__).read_bytes()
    key = hashlib.sha1(code + f"{n}:{seed}".encode()).hexdigest()[:10]
    target = Path(tempfile.gettempdir()) / f"newsgraph-growth-{n}-{key}.db"
    if not target.exists():
        partial = target.with_suffix(".part")
        build(partial, n, seed)
        partial.rename(target)
    return target
