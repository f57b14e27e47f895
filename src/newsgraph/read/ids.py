"""Stable document ids from content, so the same article read twice is one document."""
from __future__ import annotations

import hashlib
import unicodedata


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of ``text`` normalised to NFC.

    Depends on the decoded text only: the file name, the encoding it was stored
    in and the Unicode composition form do not change the id.
    """
    normal = unicodedata.normalize("NFC", text)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
