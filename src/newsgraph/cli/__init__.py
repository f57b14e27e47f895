"""The command-line interface over the same functions as the Python API."""
from .main import cli, main

__all__ = ["cli", "main"]
