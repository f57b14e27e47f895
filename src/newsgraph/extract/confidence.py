"""How sure an event report is (0-1), and the line the default outputs draw.

Every candidate is kept and stored; the default listings show the confident
ones (``--all`` shows every candidate), so a doubtful report is never lost,
only set aside.
"""
from __future__ import annotations

# Reports at or above this confidence are shown by default.
CONFIDENT = 0.5


def is_confident(event) -> bool:
    """A report the default outputs show."""
    confidence = getattr(event, "confidence", None)
    if confidence is None and isinstance(event, dict):
        confidence = event.get("confidence")
    return (1.0 if confidence is None else confidence) >= CONFIDENT
