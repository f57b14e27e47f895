"""Read side: the rows the CLI and the Python API print, in their contract shape."""
from .documents import documents
from .people import people
from .quotes import quotes

__all__ = ["documents", "people", "quotes"]
