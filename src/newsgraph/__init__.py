"""newsgraph: news articles in, an evidence-linked record of who said what out."""
__version__ = "0.1.0"
