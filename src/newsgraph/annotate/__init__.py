"""annotate: the single spaCy pass every later stage reuses."""
from .language import detect_language
from .spacy_model import annotate_documents, load_model

__all__ = ["annotate_documents", "detect_language", "load_model"]
