"""Which of two copies is the original, and why.

The original is the one published first, when their publication windows do
not overlap (a date the article states, else the window the cleaner inferred:
``published_from`` is only "not before", so an undated article never counts
as earlier). Otherwise the longer kept body, since copies are cut more often
than padded; then the cleaner one (fewer removed ranges: copies come wrapped
in another site's furniture); and last the one stored first.
"""
from __future__ import annotations

from dataclasses import dataclass

PUBLISHED, LONGER, CLEANER, FIRST_STORED = "published", "longer", "cleaner", "first-stored"


@dataclass(frozen=True)
class Side:
    """What direction needs of one document."""

    id: str
    published: str | None
    published_from: str | None
    published_to: str | None
    words: int
    removed: int

    @property
    def window(self) -> tuple[str | None, str | None]:
        """(earliest, latest) publication day, None where unbounded."""
        if self.published:
            return self.published[:10], self.published[:10]
        return self.published_from, self.published_to


def _earlier(a: Side, b: Side) -> bool:
    """Whether ``a`` was surely published before ``b`` (a's latest day before b's earliest)."""
    a_last, b_first = a.window[1], b.window[0]
    return a_last is not None and b_first is not None and a_last < b_first


def original_of(new: Side, stored: Side) -> tuple[Side, Side, str]:
    """(original, copy, reason) for a document being stored and one already stored."""
    if _earlier(new, stored):
        return new, stored, PUBLISHED
    if _earlier(stored, new):
        return stored, new, PUBLISHED
    if new.words != stored.words:
        return (new, stored, LONGER) if new.words > stored.words else (stored, new, LONGER)
    if new.removed != stored.removed:
        return (new, stored, CLEANER) if new.removed < stored.removed else (stored, new, CLEANER)
    return stored, new, FIRST_STORED
