"""embed: sentence vectors for finding spun or translated copies and grouping stories.

A numpy BERT forward pass (no torch); vectors of stored documents are kept in the store.
"""
from .encoder import SentenceEncoder, encoder_available, load_encoder

__all__ = ["SentenceEncoder", "encoder_available", "load_encoder"]
