"""The read stage: files and folders in, one ``Document`` per article out.

Formats: .txt (the decoded file), .html/.htm (the text trafilatura extracts),
.jsonl (one article per line), .warc/.warc.gz (HTML responses, text resources).
Folders are walked recursively in name order. Every path given or met that is
not read (hidden, unknown type, pipe or device, broken link, link loop,
unreadable) is a problem with its reason; a hidden file named explicitly is read.

``Document.text`` is the decoded text with newlines normalised ("\\r\\n" and
"\\r" become "\\n") and a byte-order mark dropped; nothing else is changed.
This is the raw text every later offset refers to, so normalising here, once,
is safe. For HTML the raw text is trafilatura's output, not the markup.

Bad input never raises: each problem is yielded as a ``Problem`` (code and
message of the ``NewsgraphError``) and the stream goes on. Everything streams:
a folder of many files or a JSONL/WARC of many articles is read one at a time.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import E, NewsgraphError
from ..model import Document, Problem
from ..settings import Settings
from .ids import document_id
from .jsonl import read_jsonl
from .paths import SKIPPED, count_inputs, format_of, iter_inputs
from .text import read_html, read_txt
from .warc import read_warc

Reader = Callable[[str, Settings], Iterator["Document | Problem"]]

# Format name -> reader; add a format by registering a reader here and its suffix in paths.SUFFIXES.
READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
}

__all__ = ["READERS", "count_inputs", "document_id", "format_of", "read_file", "read_paths"]


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Iterator[Document | Problem]:
    """Every article under ``paths``, in order, with a Problem for each input that failed."""
    for item in iter_inputs(paths):
        if isinstance(item, NewsgraphError):
            status = "skipped" if item.error in SKIPPED else "error"
            yield Problem.of(str(item.details.get("path", "")), item, status)
        else:
            yield from read_file(*item, settings)


def read_file(path: str, fmt: str, settings: Settings) -> Iterator[Document | Problem]:
    """One file through its format's reader; file-level failures become one Problem."""
    try:
        yield from READERS[fmt](path, settings)
    except NewsgraphError as err:
        yield Problem.of(path, err)
    except OSError as err:
        detail = err.strerror or type(err).__name__
        yield Problem.of(path, NewsgraphError(E.UNREADABLE, path=path, detail=detail))

