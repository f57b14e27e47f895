"""Copy detection at ingest: a new document against the stored documents the index
points at, never against every document.

Kinds, tried in this order (the first that holds is kept):
- exact: the same normalised kept body, give or take a few lines around it;
- near: shingle Jaccard at least NEAR (edits, sentences moved about);
- partial: at least PARTIAL of the smaller side's shingles are in the other
  (a copy cut short, or one wrapped in another site's text), or, failing the
  kinds below, a passage of consecutive sentences copied word for word
  (paragraphs lifted into a roundup);
- spun / translated: shingles break, but names and numbers carry over
  (ANCHORS) and most of the shorter document's words sit in sentences matched
  in the same order (COVERED): matched on words shared in order, and where
  that falls short, on sentence-embedding cosine. Spun if the changed words
  were mostly swapped in place, else translated.

Independent reports of one event share names, numbers and topic words, but
neither runs of five words nor most of their sentences in order: they stay apart.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from ..model import Document
from . import align
from .direction import Side, original_of
from .fingerprint import Fingerprint, signature_bytes, signature_values
from .lsh import SENTENCE_BAND, TEXT_BANDS, band_keys, query_keys

NEAR = 0.8
PARTIAL = 0.7
FRAMED = 0.9  # share of the longer body that must be the shared, word-for-word core of an exact copy
PASSAGE_WORDS = 80  # a passage copied word for word: at least this many words ...
PASSAGE_SHARE = 0.2  # ... and this share of the shorter body
VERBATIM = 0.8  # lexical score of a sentence copied with at most a word or two changed
COVERED = 0.6
SPUN = 0.45  # share of changed words swapped in place above which a rewording is spinning
ANCHORS = 0.5  # share of the shorter side's distinct names and numbers found in the other
ANCHOR_ORDER = 0.75  # share of them in the same order, before sentence vectors are computed
MIN_WORDS = 12  # shorter bodies (a paywall line, a caption) are alike without being copies
MIN_SHINGLES = 20  # a smaller side with fewer shingles is too short to call a copy by shingles
MIN_SENTENCES = 3  # ... with fewer sentences, too short to call spun or translated
MIN_ESTIMATE = 0.05  # MinHash estimate under which an LSH hit on shingle bands is noise
MAX_CANDIDATES = 20  # stored documents looked at in full per new document
BUCKET_CAP = 64  # documents one LSH bucket holds at most

log = logging.getLogger("newsgraph.copies")


@dataclass(frozen=True)
class Match:
    """How document ``a`` relates to document ``b``: spans are [a_start, a_end, b_start, b_end]."""

    kind: str
    similarity: float
    spans: list[list[int]]


@dataclass(frozen=True)
class CopyPair:
    copy_id: str
    original_id: str
    kind: str
    similarity: float
    direction: str
    spans: list[list[int]]


class Encoders:
    """The sentence encoder by model name, loaded on first need; a missing one is
    warned about once per process, and rewordings are then matched on words only."""

    def __init__(self) -> None:
        self._loaded: dict[str, object | None] = {}

    def get(self, name: str | None):
        key = name or ""
        if key not in self._loaded:
            self._loaded[key] = self._load(name)
        return self._loaded[key]

    def loaded(self) -> list:
        """The encoders loaded so far in this process."""
        return [e for e in self._loaded.values() if e is not None]

    @staticmethod
    def _load(name: str | None):
        try:
            from ..embed import load_encoder

            return load_encoder(name)
        except Exception as exc:  # NewsgraphError, or the embed package itself missing
            line = exc.line() if hasattr(exc, "line") else str(exc)
            log.warning("newsgraph: no sentence encoder (%s): translated and heavily spun copies are "
                        "found only where they keep most of their words", line)
            return None


ENCODERS = Encoders()


class _Cosines:
    """Sentence cosines between two documents, embedded only when a comparison gets that far."""

    def __init__(self, store, docs: dict[int, Document], encoder) -> None:
        self.store, self.docs, self.encoder = store, docs, encoder

    def __call__(self, short: Fingerprint, long: Fingerprint) -> np.ndarray | None:
        a, b = self.docs[id(short)], self.docs[id(long)]
        encoder = self.encoder()
        if encoder is None or not _english(a) or not _english(b):
            return None
        from ..embed.vectors import document_vectors

        va = document_vectors(self.store, a.id, list(short.sentences), encoder)
        vb = document_vectors(self.store, b.id, list(long.sentences), encoder)
        return va @ vb.T


def _english(doc: Document) -> bool:
    return doc.language in (None, "en")  # the default model reads English only


# -- classification ---------------------------------------------------------------------------
def compare(a: Fingerprint, b: Fingerprint, cosines=None) -> Match | None:
    """The copy relation between two fingerprints, or None for independent texts.

    ``cosines(short, long)`` returns the sentence cosine matrix, or None when no
    encoder is at hand (then rewordings are matched on shared words only).
    """
    if min(a.words, b.words) < MIN_WORDS:
        return None
    if a.body_hash == b.body_hash:
        return Match("exact", 1.0, _lexical_spans(a, b))
    framed = _framed(a, b)
    if framed is not None:
        return Match("exact", round(framed, 3), _lexical_spans(a, b))
    shared = len(a.shingles & b.shingles)
    smaller = min(len(a.shingles), len(b.shingles))
    if smaller >= MIN_SHINGLES:
        jaccard = shared / len(a.shingles | b.shingles)
        if jaccard >= NEAR:
            return Match("near", round(jaccard, 3), _lexical_spans(a, b))
        if shared / smaller >= PARTIAL:
            return Match("partial", round(shared / smaller, 3), _lexical_spans(a, b))
    reworded = _reworded(a, b, cosines)
    if reworded is None and 2 * shared >= PASSAGE_WORDS:  # such a passage holds half as many shingles
        return _passage(a, b)
    return reworded


def _framed(a: Fingerprint, b: Fingerprint) -> float | None:
    """Share of the longer body in a run of sentences both bodies have word for word, when
    that run is all of one body and at least FRAMED of the other (a few lines before or after
    it, such as another site's furniture the cleaner kept, do not make a copy less exact)."""
    ta, tb = [tuple(t) for t in a.sentence_tokens], [tuple(t) for t in b.sentence_tokens]
    core_a, core_b = _trim(ta, set(tb)), _trim(tb, set(ta))
    if not core_a or core_a != core_b or not (core_a == ta or core_b == tb):
        return None
    share = sum(len(t) for t in core_a) / max(a.words, b.words)
    return share if share >= FRAMED else None


def _trim(sentences: list[tuple], other: set[tuple]) -> list[tuple]:
    """``sentences`` without the leading and trailing ones ``other`` lacks."""
    start, end = 0, len(sentences)
    while start < end and sentences[start] not in other:
        start += 1
    while end > start and sentences[end - 1] not in other:
        end -= 1
    return sentences[start:end]


def _passage(a: Fingerprint, b: Fingerprint) -> Match | None:
    """Partial: a run of consecutive sentences copied (nearly) word for word, of PASSAGE_WORDS
    words or more and PASSAGE_SHARE of the shorter body (paragraphs lifted into a roundup)."""
    short, long, swapped = _ordered(a, b)
    links = [link for link in align.align(short.sentence_tokens, long.sentence_tokens) if link.lexical >= VERBATIM]
    weights = [len(words) for words in short.sentence_tokens]
    best: list[align.Link] = []
    run: list[align.Link] = []
    for link in links:
        run = run + [link] if run and link.i == run[-1].i + 1 and link.j == run[-1].j + 1 else [link]
        if sum(weights[x.i] for x in run) > sum(weights[x.i] for x in best):
            best = run
    words = sum(weights[x.i] for x in best)
    if words < PASSAGE_WORDS or words / sum(weights) < PASSAGE_SHARE:
        return None
    return Match("partial", round(words / sum(weights), 3), _spans(links, short, long, swapped))


def _ordered(a: Fingerprint, b: Fingerprint) -> tuple[Fingerprint, Fingerprint, bool]:
    """(shorter, longer, swapped) by words, ``a`` first on a tie."""
    return (b, a, True) if b.words < a.words else (a, b, False)


def _spans(links: list[align.Link], short: Fingerprint, long: Fingerprint, swapped: bool) -> list[list[int]]:
    """Aligned sentences as [a_start, a_end, b_start, b_end] raw offsets."""
    out = []
    for link in links:
        s, t = short.sentences[link.i], long.sentences[link.j]
        out.append([t.start, t.end, s.start, s.end] if swapped else [s.start, s.end, t.start, t.end])
    return sorted(out)


def _lexical_spans(a: Fingerprint, b: Fingerprint) -> list[list[int]]:
    short, long, swapped = _ordered(a, b)
    return _spans(align.align(short.sentence_tokens, long.sentence_tokens), short, long, swapped)


def _anchor_share(short: Fingerprint, long: Fingerprint) -> float:
    """Share of the shorter side's distinct names and numbers that the longer has."""
    mine = set(short.anchors)
    return len(mine & set(long.anchors)) / len(mine) if mine else 0.0


def _anchor_order(short: Fingerprint, long: Fingerprint) -> float:
    """Share of the shorter side's names and numbers that come in the longer's order."""
    theirs = set(long.anchors)
    mine = [a for a in short.anchors if a in theirs]
    return align.lcs_length(mine, long.anchors) / len(short.anchors) if short.anchors else 0.0


def _reworded(a: Fingerprint, b: Fingerprint, cosines) -> Match | None:
    """Spun or translated: first on words shared in order, then (when names and numbers
    also keep their order) on sentence embeddings, which see a rewording words miss."""
    short, long, swapped = _ordered(a, b)
    if len(short.sentences) < MIN_SENTENCES or _anchor_share(short, long) < ANCHORS:
        return None
    weights = [len(words) for words in short.sentence_tokens]
    links = align.in_order(align.align(short.sentence_tokens, long.sentence_tokens), weights)
    if align.coverage(links, weights) < COVERED:
        matrix = cosines(short, long) if cosines and _anchor_order(short, long) >= ANCHOR_ORDER else None
        if matrix is None:
            return None
        links = align.in_order(align.align(short.sentence_tokens, long.sentence_tokens, matrix), weights)
        if align.coverage(links, weights) < COVERED:
            return None
    similarity = sum(weights[link.i] * link.score for link in links) / sum(weights)
    share = align.substitution_share(links, short.sentence_tokens, long.sentence_tokens)
    kind = "spun" if share >= SPUN else "translated"
    return Match(kind, round(min(1.0, similarity), 3), _spans(links, short, long, swapped))


# -- candidates -------------------------------------------------------------------------------
def _estimate(a: np.ndarray, b: bytes | None) -> float:
    if b is None:
        return 0.0
    other = signature_values(b)
    return float(np.mean(a == other)) if len(other) == len(a) else 0.0


def candidates(store, doc_id: str, fp: Fingerprint) -> list[str]:
    """Stored documents worth comparing, at most MAX_CANDIDATES: the first stored with the same
    body, then index hits: a shared sentence, or a MinHash estimate (shingles or anchors) that
    is not noise; most alike first. One document per body: a text stored from ten sources is
    compared, and linked, once (through the first of them; the others are its exact copies)."""
    found = store.same_body(fp.body_hash, doc_id, 1)
    hits = store.bucket_hits(query_keys(fp), doc_id, (TEXT_BANDS, SENTENCE_BAND), 4 * MAX_CANDIDATES)
    rows = {r["document_id"]: r for r in store.fingerprint_rows([h["document_id"] for h in hits])}
    text_sig = np.asarray(fp.text_minhash.hashvalues, dtype=np.uint32)
    anchor_sig = np.asarray(fp.anchor_minhash.hashvalues, dtype=np.uint32)
    scored = []
    for hit in hits:
        row = rows.get(hit["document_id"])
        if row is None or row["body_hash"] == fp.body_hash:
            continue
        text = _estimate(text_sig, row["text_minhash"])
        anchors = _estimate(anchor_sig, row["anchor_minhash"]) if hit["anchor_hits"] else 0.0
        if hit["sentence_hits"] or text >= MIN_ESTIMATE or anchors >= ANCHORS / 2:
            score = max(text, anchors, min(1.0, hit["sentence_hits"] / 4))
            scored.append((-score, row["rowid"], hit["document_id"], row["body_hash"]))
    bodies: set[str] = set()
    for _, _, other, body in sorted(scored):  # most alike first; of one body, the first stored
        if body not in bodies:
            bodies.add(body)
            found.append(other)
    return found[:MAX_CANDIDATES]


# -- at ingest --------------------------------------------------------------------------------
def _side(doc: Document, fp: Fingerprint) -> Side:
    return Side(doc.id, doc.published, doc.published_from, doc.published_to, fp.words, len(doc.removed))


def index_document(store, doc: Document, fp: Fingerprint | None = None) -> Fingerprint:
    """Store the document's fingerprint and its LSH rows, leaving out buckets already holding
    BUCKET_CAP documents: whatever lands there is found through the ones already in it (or by
    its body hash), and a look-up never reads more than BUCKET_CAP rows a bucket."""
    fp = fp or Fingerprint.of(doc)
    keys = band_keys(fp)
    full = store.full_buckets(keys, BUCKET_CAP)
    store.add_fingerprint(doc.id, fp.body_hash, fp.words, signature_bytes(fp.text_minhash),
                          signature_bytes(fp.anchor_minhash), [k for k in keys if k not in full])
    return fp


def link_copies(store, doc: Document, model: str | None = None, encoder=None) -> list[CopyPair]:
    """Index a just-inserted document and record its copy pairs with stored documents.

    Runs inside the caller's transaction, after the document row is inserted.
    ``encoder`` (or the one named ``model``, loaded on first need) embeds
    sentences for spun and translated copies.
    """
    fp = index_document(store, doc)
    if fp.words < MIN_WORDS:
        return []
    pairs: list[CopyPair] = []
    encoder_of = (lambda: encoder) if encoder is not None else (lambda: ENCODERS.get(model))
    for other_id in candidates(store, doc.id, fp):
        other = store.stored_document(other_id)
        if other is None:
            continue
        other_fp = Fingerprint.of(other)
        cosines = _Cosines(store, {id(fp): doc, id(other_fp): other}, encoder_of)
        match = compare(fp, other_fp, cosines)
        if match is None:
            continue
        original, copy, reason = original_of(_side(doc, fp), _side(other, other_fp))
        spans = match.spans if copy.id == doc.id else [[c, d, a, b] for a, b, c, d in match.spans]
        store.add_copy(copy.id, original.id, match.kind, match.similarity, reason, spans)
        pairs.append(CopyPair(copy.id, original.id, match.kind, match.similarity, reason, spans))
    return pairs


def index_stored(store, model: str | None = None, encoder=None) -> int:
    """Link the copies of stored documents that have no fingerprint yet (a database filled
    before copy detection existed), oldest publication first, one transaction each; how many."""
    done = 0
    for doc_id in store.unfingerprinted():
        with store.transaction():
            doc = store.stored_document(doc_id)
            if doc is not None:
                link_copies(store, doc, model=model, encoder=encoder)
                done += 1
    return done
