"""Which documents a run stores: a document is one appearance of a text, (source, content).

- the same text from the same source again: already stored, nothing to do (a re-run is a no-op);
- the same text from a new source (another file, URL, publisher): a document of its own, with its
  own metadata, marked to reuse the analysis of the document that first held the text
  (``reuse_of``) and linked to it as an exact copy when stored;
- a new text from a source already stored: the new version of that document (``version_of``).

Documents in flight (read, not yet stored) count as stored for these decisions, so a text met
twice in one run is parsed once. They are forgotten once stored: memory is bounded by the
pipeline's window, not by the run.
"""
from __future__ import annotations

from ..model import Document
from ..read.ids import appearance_id


class Appearances:
    """Decides, document by document as read, whether to skip it, reuse an analysis, or parse it."""

    def __init__(self, store) -> None:
        self.store = store
        self.in_flight: dict[tuple[str, str], str] = {}  # (source, content hash) -> id, read and not yet stored
        self.holders: dict[str, str] = {}  # content hash -> id of the in-flight document first holding it

    def admit(self, doc: Document) -> bool:
        """False for a text already stored from this source; else True, with ``doc`` set up to be
        stored: its id, ``reuse_of`` for a text held elsewhere, ``version_of`` for a changed text."""
        content = doc.content_hash or doc.id
        key = (doc.source, content)
        if key in self.in_flight or self.store.has_appearance(*key):
            return False
        holder = self.holders.get(content) or self.store.holder_of(content)
        if holder is not None:
            doc.id = appearance_id(doc.source, doc.text)
            doc.reuse_of = holder
        else:
            self.holders[content] = doc.id
        doc.version_of = self.store.current_version(doc.source)
        self.in_flight[key] = doc.id
        return True

    def stored(self, doc: Document) -> None:
        """Forget a document once it is in the store (the store answers for it from now on)."""
        content = doc.content_hash or doc.id
        self.in_flight.pop((doc.source, content), None)
        if self.holders.get(content) == doc.id:
            del self.holders[content]
