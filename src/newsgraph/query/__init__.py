"""Read side: the rows the CLI and the Python API print, in their contract shape."""
from .actors import actors
from .copies import copies
from .documents import documents
from .events import events
from .people import people
from .quotes import quotes
from .relations import Series, relations, series
from .statements import statements
from .stories import stories
from .times import times

__all__ = ["actors", "copies", "documents", "events", "people", "quotes", "relations", "series", "Series", "statements",
           "stories", "times"]
