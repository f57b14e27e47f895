"""The built-in stages, registered by name (see registry.py)."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..annotate import annotate_documents, detect_language
from ..clean import clean
from ..extract import extract_quotes
from ..extract.events import extract_events
from ..model import Document
from ..settings import Settings
from .registry import per_document, stage


@stage("clean", on_copies=True)
def clean_stage(settings: Settings):
    return per_document(clean, "clean")


@stage("language", on_copies=True)
def language_stage(settings: Settings):
    return per_document(lambda doc: detect_language(doc, settings.languages), "language")


@stage("annotate")
def annotate_stage(settings: Settings):
    def run(docs: Iterable[Document]) -> Iterator[Document]:
        return annotate_documents(docs, settings.model, settings.batch_size, settings.max_chars)

    return run


@stage("quotes")
def quotes_stage(settings: Settings):
    from ..extract.contents import load_model

    load_model(settings.quote_model)  # fail early, before any document, on a missing model

    def one(doc: Document) -> Document:
        return extract_quotes(doc, settings.quote_model) if doc.spacy is not None else doc

    return per_document(one, "quotes")


@stage("events")
def events_stage(settings: Settings):
    def one(doc: Document) -> Document:
        return extract_events(doc) if doc.spacy is not None else doc

    return per_document(one, "events")


@stage("embed")
def embed_stage(settings: Settings):
    from ..dedupe.copies import ENCODERS
    from ..embed.precompute import embed_document

    def one(doc: Document) -> Document:
        return embed_document(doc, ENCODERS.get(settings.embedding_model))

    return per_document(one, "embed")
