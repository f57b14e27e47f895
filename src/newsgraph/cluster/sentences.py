"""Sentence spans of a document's kept body, without a parser.

The parse is gone by the time a document is stored (only offsets cross process
boundaries), and clustering only needs sentence-sized pieces of text to embed:
a split at end punctuation followed by a capital, digit or quotation mark is
enough. Spans are (start, end) into the raw text, like every other offset.
"""
from __future__ import annotations

import re

from ..model import Document, Span

# End punctuation (with any closing quotes or brackets), white space, then what can open a
# sentence; or a line break. Not after an initial ("John F. Kennedy") or a title ("Mr. Lee").
_BOUNDARY = re.compile(
    r"((?<!\b[A-Z])(?<!\bMrs)(?<!\b[MD]r)(?<!\bMs)(?<!\bSt)[.!?…][\"'”’»)\]]*)"
    r"\s+(?=[\"'“‘«(\[]?[A-ZÀ-ÖØ-Þ])"
    r"|\n\s*"
)
_WORD = re.compile(r"\w+")


def split(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence of ``text``, offsets shifted by ``offset``, blanks trimmed."""
    out, pos = [], 0
    for match in [*_BOUNDARY.finditer(text), None]:
        end = len(text) if match is None else match.end(1) if match.group(1) else match.start()
        piece = text[pos:end]
        stripped = piece.strip()
        if stripped:
            start = pos + len(piece) - len(piece.lstrip())
            out.append((offset + start, offset + start + len(stripped), stripped))
        if match is not None:
            pos = match.end()
    return out


def sentences(doc: Document, limit: int | None = None, min_words: int = 1) -> list[tuple[int, int, str]]:
    """Sentences of the kept ranges in text order (the whole text when no cleaner ran), those of
    fewer than ``min_words`` words skipped."""
    out: list[tuple[int, int, str]] = []
    kept = sorted(doc.kept) if doc.kept else ([] if doc.removed else [Span(0, len(doc.text))])
    for span in kept:
        for sentence in split(doc.text[span.start:span.end], span.start):
            if len(_WORD.findall(sentence[2])) >= min_words:
                out.append(sentence)
                if limit is not None and len(out) >= limit:
                    return out
    return out
