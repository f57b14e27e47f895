"""JSON Lines: one article per line, streamed, each line judged on its own.

A line holds an object with ``text`` (plain) or ``html`` (run through
trafilatura), and optionally ``url``, ``title``, ``published``, ``publisher``,
``author``. ``source`` is ``<path>#L<n>`` (1-based). Blank lines are skipped;
a bad line is a problem and the next line is read. A line is never read whole
into memory beyond ``max_mb``. A file marked UTF-16 or UTF-32 by a byte-order
mark is decoded as a whole stream (its newlines are two or four bytes wide),
then read line by line like any other.
"""
from __future__ import annotations

import io
import json
from typing import BinaryIO, Iterator

from ..errors import E, NewsgraphError
from ..model import Document, Problem
from ..settings import Settings
from .build import MB, make_document
from .decode import bom_encoding, decode, normalise_newlines
from .html import extract_html

_CHUNK = 1024 * 1024


def read_jsonl(path: str, settings: Settings) -> Iterator[Document | Problem]:
    """One Document or Problem per non-blank line of ``path``."""
    limit = int(settings.max_mb * MB)
    with open(path, "rb") as f:
        wide = _wide_encoding(f)
        for number, line, size in _lines(_Utf8Lines(f, wide, path) if wide else f, limit):
            source = f"{path}#L{number}"
            try:
                if line is None:
                    raise NewsgraphError(E.TOO_LARGE, path=source, size_mb=size / MB, limit_mb=settings.max_mb)
                if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                yield _document(path, number, line, source, wide)
            except NewsgraphError as err:
                yield Problem.of(source, err)


def _wide_encoding(f: BinaryIO) -> str | None:
    """"utf-16" or "utf-32" when the file starts with such a byte-order mark."""
    name = bom_encoding(f.read(4))
    f.seek(0)
    return name if name in ("utf-16", "utf-32") else None


class _Utf8Lines:
    """A UTF-16/32 file seen as UTF-8 lines, so one line reader serves every encoding.

    ``readline(n)`` counts characters, not bytes: a line's bound stays within a
    few times ``max_mb``. Bytes that do not decode end the file's reading.
    """

    def __init__(self, raw: BinaryIO, encoding: str, path: str) -> None:
        self._text = io.TextIOWrapper(raw, encoding=encoding, newline="\n")  # type: ignore[arg-type]
        self._path = path

    def readline(self, size: int) -> bytes:
        try:
            return self._text.readline(size).encode("utf-8")
        except UnicodeError:
            raise NewsgraphError(E.UNDECODABLE, path=self._path) from None


def _lines(f: "BinaryIO | _Utf8Lines", limit: int) -> Iterator[tuple[int, bytes | None, int]]:
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


def _document(path: str, number: int, line: bytes, source: str, wide: str | None = None) -> Document:
    text, encoding = decode(line, source)  # JSON is UTF-8; decode() also copes with a stray code page
    encoding = wide or encoding  # a UTF-16/32 file's lines arrive transcoded to UTF-8
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
