"""Stable document ids: from content, and from source and content for a text already stored elsewhere.

A document is one appearance of a text: the same text read again from the same source is the
same document; read from another source (another file, URL or publisher) it is another document,
an exact copy of the first.
"""
from __future__ import annotations

import hashlib
import unicodedata


def _digest(*parts: str) -> str:
    data = "\x00".join(unicodedata.normalize("NFC", p) for p in parts).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of ``text`` normalised to NFC: the content hash.

    Depends on the decoded text only: the file name, the encoding it was stored
    in and the Unicode composition form do not change it. The first appearance
    of a text takes it as its id.
    """
    return _digest(text)


def appearance_id(source: str, text: str) -> str:
    """The id of a later appearance of a text already stored: its source and content together."""
    return _digest(source, text)
