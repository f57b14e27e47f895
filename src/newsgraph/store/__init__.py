"""store: SQLite by default; the schema is the contract between stages."""
from .sqlite import Store

__all__ = ["Store"]
