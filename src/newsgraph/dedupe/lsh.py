"""The LSH index over MinHash signatures, kept in SQLite table ``lsh_buckets``.

A signature is cut into bands of ROWS values; two documents whose band hashes
agree in any band are candidates. Two rows per band keep a pair likely to
meet from a Jaccard of about 0.3 (a copy cut to 40 % of its original, or a
spun copy sharing its names and numbers), and the classifier then decides on
the texts. Shingle bands are numbered from 0, anchor bands after them, so one
table holds both and one query asks both.

Jaccard misses a passage lifted into a much longer text (a roundup quoting a
few paragraphs), so each document also stores its SENTENCE_SAMPLE smallest
sentence hashes under band SENTENCE_BAND, and a new document looks up all of
its sentence hashes there: a shared passage of several sentences almost
always includes one of the other side's sample.

Per document the index holds a fixed number of rows whatever its length: at
most TEXT_BANDS + ANCHOR_BANDS + SENTENCE_SAMPLE bucket rows and one
fingerprint row (README states the bytes this comes to).
"""
from __future__ import annotations

import hashlib

import numpy as np

from .fingerprint import ANCHOR_PERM, TEXT_PERM, Fingerprint

ROWS = 2
TEXT_BANDS = TEXT_PERM // ROWS  # 32
ANCHOR_BANDS = ANCHOR_PERM // ROWS  # 24
SENTENCE_BAND = TEXT_BANDS + ANCHOR_BANDS  # 56
SENTENCE_SAMPLE = 16
MIN_ANCHORS = 3  # fewer names and numbers than this say nothing about a document


def _bucket(values: np.ndarray) -> int:
    """A band's values as one signed 64-bit key (what SQLite stores as an INTEGER)."""
    digest = hashlib.blake2b(np.asarray(values, dtype="<u4").tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def band_keys(fp: Fingerprint) -> list[tuple[int, int]]:
    """(band, bucket) rows stored for a fingerprint: shingle bands, anchor bands, sentence sample."""
    keys: list[tuple[int, int]] = []
    if fp.shingles:
        values = fp.text_minhash.hashvalues
        keys += [(b, _bucket(values[b * ROWS:(b + 1) * ROWS])) for b in range(TEXT_BANDS)]
    if len(set(fp.anchors)) >= MIN_ANCHORS:
        values = fp.anchor_minhash.hashvalues
        keys += [(TEXT_BANDS + b, _bucket(values[b * ROWS:(b + 1) * ROWS])) for b in range(ANCHOR_BANDS)]
    keys += [(SENTENCE_BAND, h) for h in sorted(fp.sentence_hashes)[:SENTENCE_SAMPLE]]
    return keys


def query_keys(fp: Fingerprint) -> list[tuple[int, int]]:
    """(band, bucket) rows a fingerprint looks up: its bands and every sentence hash it has."""
    stored = [key for key in band_keys(fp) if key[0] != SENTENCE_BAND]
    return stored + [(SENTENCE_BAND, h) for h in sorted(fp.sentence_hashes)]


