"""What copy detection keeps of a document's kept body.

- tokens: casefolded NFKC words, so quotes, dashes, spacing and case never
  make two copies differ;
- body hash: of the token stream, for exact copies;
- shingles: hashed word 5-grams inside each sentence (reordering sentences
  leaves them intact), for near and partial copies;
- anchors: names and numbers, in order. Spinners swap common words for
  synonyms and translators reorder them, but both keep names and figures.
- sentence hashes: whole sentences, for a passage copied into a longer text;
- MinHash signatures of shingles and anchors (datasketch) for the LSH index.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from ..model import Document
from .sentences import Sentence, document_sentences

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE = 5
TEXT_PERM = 64  # MinHash permutations of the shingle set
ANCHOR_PERM = 48  # ... of the anchor set
SENTENCE_WORDS = 8  # shorter sentences ("Read more.", a dateline) recur in unrelated texts
_SEED = 4  # fixed: signatures are stored and compared across runs
_SCHEME = "affine32"  # datasketch 2's 32-bit permutations (named, so a new default cannot change them)

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CAPITAL = re.compile(r"\b[A-Z][\w'’-]*\w|\b[A-Z]\b")
# Function words: never anchors, and left out of content-word counts.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves s t don doesn didn isn wasn weren won
according said says say told mr mrs ms per cent percent one
""".split())
_MONTHS_AND_DAYS = frozenset("""
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday
""".split())


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def tokens(text: str) -> list[str]:
    """Casefolded words of ``text``."""
    return _WORD.findall(normalise(text))


def _hash64(data: str) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode("utf-8"), digest_size=8).digest(), "little")


def _signed(value: int) -> int:
    """A 64-bit hash as SQLite's signed INTEGER."""
    return value - (1 << 64) if value >= 1 << 63 else value


def shingles(sentence_tokens: list[list[str]], size: int = SHINGLE) -> set[int]:
    """Hashed word ``size``-grams inside each sentence (a shorter sentence is one shingle)."""
    out: set[int] = set()
    for words in sentence_tokens:
        if not words:
            continue
        if len(words) <= size:
            out.add(_hash64(" ".join(words)))
            continue
        for i in range(len(words) - size + 1):
            out.add(_hash64(" ".join(words[i:i + size])))
    return out


def anchors(text: str) -> list[tuple[str, bool]]:
    """Names (capitalised words that are not function words) and numbers of one
    sentence, in order, each with whether it opens the sentence (so may be capitalised
    only for that)."""
    first = re.search(r"\w", text)
    opening = first.start() if first else -1
    found: list[tuple[int, str, bool]] = []
    for m in _NUMBER.finditer(text):
        found.append((m.start(), re.sub(r"[,.]", "", m.group()), False))
    for m in _CAPITAL.finditer(text):
        word = normalise(m.group()).replace("’", "'")
        word = word[:-2] if word.endswith("'s") else word
        if word not in STOPWORDS and word not in _MONTHS_AND_DAYS and len(word) > 1:
            found.append((m.start(), word, m.start() == opening))
    return [(w, initial) for _, w, initial in sorted(found)]


_PERMUTATIONS: dict[int, object] = {}


def minhash(values: set[int] | set[str], num_perm: int) -> "MinHash":
    """A datasketch MinHash of ``values`` (ints are taken as their own 32-bit hash).

    The scheme and seed are fixed, so signatures stored by one run match the next;
    the permutations are drawn once per process, not once per document."""
    from datasketch import MinHash  # imports scipy: only when a document is fingerprinted

    if num_perm not in _PERMUTATIONS:
        _PERMUTATIONS[num_perm] = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME).permutations
    m = MinHash(num_perm=num_perm, seed=_SEED, hashfunc=_as_hash, permutations=_PERMUTATIONS[num_perm],
                scheme=_SCHEME)
    if values:
        m.update_batch(list(values))
    return m


def _as_hash(value: int | str) -> int:
    if isinstance(value, str):
        value = _hash64(value)
    return value & 0xFFFFFFFF


def signature_bytes(m: "MinHash") -> bytes:
    """The signature as little-endian uint32 (datasketch keeps 32-bit values in uint64)."""
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def signature_values(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


@dataclass
class Fingerprint:
    """Everything copy detection derives from one document's kept body."""

    text: str
    sentences: list[Sentence]

    @classmethod
    def of(cls, doc: Document) -> "Fingerprint":
        return cls(doc.text, document_sentences(doc))

    @cached_property
    def sentence_tokens(self) -> list[list[str]]:
        return [tokens(s.text) for s in self.sentences]

    @cached_property
    def words(self) -> int:
        return sum(len(t) for t in self.sentence_tokens)

    @cached_property
    def body_hash(self) -> str:
        stream = " ".join(w for t in self.sentence_tokens for w in t)
        return hashlib.blake2b(stream.encode("utf-8"), digest_size=16).hexdigest()

    @cached_property
    def shingles(self) -> set[int]:
        return shingles(self.sentence_tokens)

    @cached_property
    def sentence_hashes(self) -> set[int]:
        """Signed 64-bit hashes of the sentences long enough to be worth finding again
        (SENTENCE_WORDS words or more): a passage copied into another text keeps them."""
        return {_signed(_hash64(" ".join(t))) for t in self.sentence_tokens if len(t) >= SENTENCE_WORDS}

    @cached_property
    def anchors(self) -> list[str]:
        """Anchors in text order; a capitalised word opening a sentence counts only when
        the document also capitalises it elsewhere."""
        found = [anchors(s.text) for s in self.sentences]
        names = {w for sentence in found for w, initial in sentence if not initial}
        return [w for sentence in found for w, initial in sentence if not initial or w in names]

    @cached_property
    def text_minhash(self) -> "MinHash":
        return minhash(self.shingles, TEXT_PERM)

    @cached_property
    def anchor_minhash(self) -> "MinHash":
        return minhash(set(self.anchors), ANCHOR_PERM)

    @property
    def empty(self) -> bool:
        return self.words == 0


