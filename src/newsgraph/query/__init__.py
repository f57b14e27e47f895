"""Read side: the rows the CLI and the Python API print, in their contract shape."""
from .actors import actors
from .documents import documents
from .events import events
from .people import people
from .quotes import quotes
from .relations import Series, relations, series
from .times import times

__all__ = ["actors", "documents", "events", "people", "quotes", "relations", "series", "Series", "times"]
