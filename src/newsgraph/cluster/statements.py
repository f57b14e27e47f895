"""Statements: one speaker's quotations that say the same thing, linked into one statement.

The same words reach readers in many forms: quoted whole or in part, machine-spun ("said" becomes
"mentioned"), translated and translated back. Two quotations of the same canonical speaker, in
different documents, say the same thing when

- near-exact: the shorter one's words (at least MIN_WORDS) nearly all stand in the longer one
  (SAME_WORDS of them), as when one report quotes a part of what another quotes in full; or
- paraphrase or translation: a piece of one (a sentence, or a clause of one) and a piece of the
  other have embedding cosine at least PARAPHRASE, pieces of at least MIN_WORDS words each
  (shorter ones, "We will see", are said about everything).

A quotation joins the statement of the quotations it matches; when it matches several, they are
one statement and merge. A quotation matching none starts a statement of its own, so every
attributed quotation belongs to one: ``reports`` counts its quotations, ``sources`` the
independent documents among theirs (see corroboration.py).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy as np

from ..embed.vectors import many_document_vectors
from ..link.names import fold
from .sentences import split

MIN_WORDS = 4
SAME_WORDS = 0.85  # share of the shorter quotation's words found in the longer one
PARAPHRASE = 0.80  # cosine of two pieces that say the same thing
# A speaker's latest quotations compared with a new one, at most: the bound on this stage's work per
# quotation, reached by much-quoted speakers as the store grows (1000 made a document cost six times as
# much in a 10k-article store as in a 1k one; benchmarks/run_growth.py). A repeated quotation is found
# among its speaker's recent ones.
SPEAKER_QUOTES = 200

_CLAUSE = re.compile(r"\s*[,;:—–]\s+|\s+[—–-]\s+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """The folded words of a text (cached: a speaker's earlier quotations are compared again and again)."""
    return tuple(_WORD.findall(fold(text)))


def pieces(start: int, text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the sentences of a quotation and of their clauses, MIN_WORDS words or more
    (none for a shorter quotation: "constructive talks" is matched on its words only)."""
    out: dict[tuple[int, int], str] = {}
    for s_start, s_end, sentence in split(text, start):
        if len(words(sentence)) >= MIN_WORDS:
            out[(s_start, s_end)] = sentence
        pos = 0
        for match in [*_CLAUSE.finditer(sentence), None]:
            end = match.start() if match else len(sentence)
            clause = sentence[pos:end]
            if len(words(clause)) >= MIN_WORDS and clause.strip() != sentence:
                lead = len(clause) - len(clause.lstrip())
                a = s_start + pos + lead
                out.setdefault((a, a + len(clause.strip())), clause.strip())
            if match:
                pos = match.end()
    return [(a, b, t) for (a, b), t in sorted(out.items())]


def same_words(a: str, b: str) -> bool:
    """Near-exact: the shorter text's words (MIN_WORDS or more) nearly all in the longer one; a
    shorter quotation (of two words or more) only when the words are the same."""
    wa, wb = words(a), words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < MIN_WORDS:
        return len(short) >= 2 and wa == wb
    pool = set(long_)
    return sum(w in pool for w in short) / len(short) >= SAME_WORDS


class _Vectors:
    """Piece vectors of quotations, read from (or added to) the store's sentence vectors."""

    def __init__(self, store, encoder) -> None:
        self.store, self.encoder = store, encoder

    def of(self, quotes: list) -> dict[int, np.ndarray]:
        """Quote id -> (pieces, dim) array; the stored piece vectors of all the documents in one query."""
        by_doc: dict[str, list] = defaultdict(list)
        for q in quotes:
            by_doc[q["document_id"]].append(q)
        out = {}
        spans_of = {doc_id: [pieces(q["start"], q["text"]) for q in qs] for doc_id, qs in by_doc.items()}
        flat_of = {doc_id: [p for s in spans for p in s] for doc_id, spans in spans_of.items()}
        found = many_document_vectors(self.store, {d: f for d, f in flat_of.items() if f}, self.encoder)
        for doc_id, qs in by_doc.items():
            spans = spans_of[doc_id]
            if not flat_of[doc_id]:
                continue
            vectors = found[doc_id]
            pos = 0
            for q, s in zip(qs, spans):
                out[q["id"]] = vectors[pos:pos + len(s)]
                pos += len(s)
        return out


def similarity(a: np.ndarray | None, b: np.ndarray | None) -> float:
    """The best cosine between a piece of one quotation and a piece of the other."""
    if a is None or b is None or not len(a) or not len(b):
        return 0.0
    return float((a @ b.T).max())


def link_statements(store, doc, encoder) -> list[int]:
    """The statement ids of the document's attributed quotations (in text order), linking each to
    the statements of its speaker's other quotations that say the same thing. Idempotent."""
    quotes = store.document_quotes(doc.id)
    if not quotes:
        return []
    vectors = _Vectors(store, encoder) if encoder is not None else None
    by_speaker: dict[int, list] = defaultdict(list)
    for q in quotes:
        by_speaker[q["speaker_id"]].append(q)
    earlier = {speaker_id: store.speaker_quotes(speaker_id, doc.id, SPEAKER_QUOTES) for speaker_id in by_speaker}
    # Only quotations whose speaker was quoted before need vectors: the others start statements.
    compared = [q for speaker_id, said in by_speaker.items() if earlier[speaker_id] for q in said]
    mine = vectors.of(compared) if vectors and compared else {}
    for speaker_id, said in by_speaker.items():
        others = earlier[speaker_id]
        theirs = vectors.of(others) if vectors and others else {}
        owner = {o["id"]: o["statement_id"] for o in others}  # kept current through merges
        for q in said:
            if store.statement_of(q["id"]) is None:
                _link(store, q, others, owner, mine.get(q["id"]), theirs)
    # Read back at the end: a later quotation may have merged an earlier one's statement.
    return [store.statement_of(q["id"]) for q in quotes]


def _link(store, quote, others: list, owner: dict[int, int], vector, theirs: dict) -> int:
    """Join the statement(s) the quotation matches (merging them into the oldest), or start one."""
    hits: dict[int, float] = {}
    for other in others:
        score = 1.0 if same_words(quote["text"], other["text"]) else similarity(vector, theirs.get(other["id"]))
        statement_id = owner[other["id"]]
        if score >= PARAPHRASE and score > hits.get(statement_id, 0.0):
            hits[statement_id] = score
    if not hits:
        statement_id = store.add_statement(quote["speaker_id"], quote["text"])
        store.add_statement_quote(quote["id"], statement_id, None)
    else:
        statement_id = min(hits)
        for other_id in hits:
            if other_id != statement_id:
                store.move_statement(other_id, statement_id)
                for quote_id, owned in owner.items():
                    if owned == other_id:
                        owner[quote_id] = statement_id
        store.add_statement_quote(quote["id"], statement_id, max(hits.values()))
    refresh_statement(store, statement_id)
    return statement_id


def representative(texts: list[str]) -> str:
    """The text shown for a statement: the shortest quotation of MIN_WORDS words or more (the
    common core; longer reports add context), else the longest."""
    full = [t for t in texts if len(words(t)) >= MIN_WORDS]
    if full:
        return min(full, key=lambda t: (len(t), t))
    return max(texts, key=lambda t: (len(t), t))


def refresh_statement(store, statement_id: int) -> bool:
    """Recount a statement's reports and choose its text; remove it when no quotation is left."""
    rows = store.statement_quote_rows(statement_id)
    if not rows:
        store.delete_statement(statement_id)
        return False
    store.update_statement(statement_id, representative([r["text"] for r in rows]), len(rows))
    return True


def join_statements_of(store, quotes: dict[int, int]) -> list[int]:
    """Each copied quotation (new id) in the statement of the quotation it copies (old id): an
    exact copy says what its original says. The statements touched, recounted."""
    touched: set[int] = set()
    for old, new in quotes.items():
        statement_id = store.statement_of(old)
        if statement_id is not None:
            store.add_statement_quote(new, statement_id, 1.0)
            touched.add(statement_id)
    for statement_id in sorted(touched):
        refresh_statement(store, statement_id)
    return sorted(touched)
