"""JSON Lines: one article per line, streamed, each line judged on its own.

A line holds an object with ``text`` (plain) or ``html`` (run through
trafilatura), and optionally ``url``, ``title``, ``published``, ``publisher``,
``author``. ``source`` is ``<path>#L<n>`` (1-based). Blank lines are skipped;
a bad line is a problem and the next line is read. A line is never read whole
into memory beyond ``max_mb``.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from ..errors import E, NewsgraphError
from ..model import Document, Problem
from ..settings import Settings
from .build import MB, make_document
from .decode import decode, normalise_newlines
from .html import extract_html

_CHUNK = 1024 * 1024


def read_jsonl(path: str, settings: Settings) -> Iterator[Document | Problem]:
    """One Document or Problem per non-blank line of ``path``."""
    limit = int(settings.max_mb * MB)
    with open(path, "rb") as f:
        for number, line, size in _lines(f, limit):
            source = f"{path}#L{number}"
            try:
                if line is None:
                    raise NewsgraphError(E.TOO_LARGE, path=source, size_mb=size / MB, limit_mb=settings.max_mb)
                if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                yield _document(path, number, line, source)
            except NewsgraphError as err:
                yield Problem.of(source, err)


def _lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(number, bytes, size)`` per line; bytes is None for a line over ``limit``, skipped unread."""
    number = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        number += 1
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while True:  # too long: skip to the end of the line in bounded chunks
                chunk = f.readline(_CHUNK)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, None, size
        else:
            yield number, line, size


def _document(path: str, number: int, line: bytes, source: str) -> Document:
    text, encoding = decode(line, source)  # JSON is UTF-8; decode() also copes with a stray code page
    try:
        record = json.loads(text)
    except ValueError as exc:
        raise NewsgraphError(E.BAD_JSON, path=path, line=number, detail=str(exc)) from None
    if not isinstance(record, dict):
        raise NewsgraphError(E.BAD_JSON, path=path, line=number, detail=f"a JSON {type(record).__name__}")
    body, html = record.get("text"), record.get("html")
    if isinstance(body, str) and body.strip():
        return make_document(normalise_newlines(body), source, "jsonl", encoding, record)
    if isinstance(html, str) and html.strip():
        url = record.get("url") if isinstance(record.get("url"), str) else None
        extracted, meta = extract_html(html, source, url=url)
        given = {k: v for k, v in record.items() if v not in (None, "", [])}
        return make_document(extracted, source, "jsonl", encoding, {**meta, **given})
    if isinstance(body, str) or isinstance(html, str):
        raise NewsgraphError(E.EMPTY, path=source)
    raise NewsgraphError(E.NO_TEXT_FIELD, path=path, line=number)
