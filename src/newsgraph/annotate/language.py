"""Language identification: non-English articles are stored and flagged, not analysed.

py3langid (a maintained langid.py fork with its model inside the package) over
the kept body; very short bodies are too short to judge and count as English.
"""
from __future__ import annotations

from ..model import Document

MIN_CHARS = 60  # below this langid guesses; we do not flag on a guess


def detect_language(doc: Document, accepted: tuple[str, ...] = ("en",)) -> Document:
    """Set ``doc.language``; flag the document not-analysed when it is not in ``accepted``."""
    import py3langid

    body = doc.body() if doc.kept else doc.text
    sample = body[:5000]
    if len(sample.strip()) < MIN_CHARS:
        doc.language = doc.language or None
        if not sample.strip():
            doc.flags.extend(f for f in ("no-body", "not-analysed") if f not in doc.flags)
        return doc
    lang, _ = py3langid.classify(sample)
    doc.language = lang
    if lang not in accepted and "not-analysed" not in doc.flags:
        doc.flags.extend(["non-english" if "en" in accepted else "language-not-accepted", "not-analysed"])
    return doc
