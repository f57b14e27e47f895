"""Readers for whole-file articles: .txt as decoded, .html through trafilatura."""
from __future__ import annotations

import os
from typing import Iterator

from ..errors import E, NewsgraphError
from ..model import Document
from ..settings import Settings
from .build import MB, make_document
from .decode import decode, html_charset
from .html import extract_html


def read_bounded(path: str, settings: Settings) -> bytes:
    """The file's bytes; TOO_LARGE (checked on size first, never read whole) or EMPTY."""
    limit = int(settings.max_mb * MB)
    size = os.stat(path).st_size
    if size > limit:
        raise NewsgraphError(E.TOO_LARGE, path=path, size_mb=size / MB, limit_mb=settings.max_mb)
    with open(path, "rb") as f:
        data = f.read(size + 1)  # read() allocates what it is asked for: ask for the size
        if len(data) > size:  # the file grew, or its size is not known (a pipe): bounded read
            data += f.read(limit + 1 - len(data))
    if len(data) > limit:
        raise NewsgraphError(E.TOO_LARGE, path=path, size_mb=len(data) / MB, limit_mb=settings.max_mb)
    if not data.strip():
        raise NewsgraphError(E.EMPTY, path=path)
    return data


def read_txt(path: str, settings: Settings) -> Iterator[Document]:
    """One Document whose text is the file's decoded content (newlines normalised)."""
    text, encoding = decode(read_bounded(path, settings), path)
    yield make_document(text, path, "txt", encoding)


def read_html(path: str, settings: Settings) -> Iterator[Document]:
    """One Document whose text is what trafilatura extracts from the page."""
    data = read_bounded(path, settings)
    markup, encoding = decode(data, path, declared=html_charset(data))
    if not markup.strip():
        raise NewsgraphError(E.EMPTY, path=path)
    text, meta = extract_html(markup, path)
    yield make_document(text, path, "html", encoding, meta)
