"""WARC and WARC.gz archives, streamed record by record with warcio.

Kept: ``response`` records of HTML pages (HTTP status 2xx) and ``resource`` /
``conversion`` records of text or HTML. The rest (requests, metadata, images)
is skipped silently. ``source`` is ``<path>#<n>``, n the 1-based index of the
record in the file (all record types counted); ``url`` is WARC-Target-URI.

warcio reads a truncated file without complaint, so damage is detected here: a
record whose body ends early, or a gzip member that never finishes, stops the
file with one BAD_WARC after the records read before it.
"""
from __future__ import annotations

import os
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator

from ..errors import E, NewsgraphError
from ..model import Document, Problem
from ..settings import Settings
from .build import MB, make_document
from .decode import decode, html_charset
from .html import extract_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Records(ArchiveIterator):
    """warcio's iterator, remembering whether the last gzip member was cut short (warcio drops it)."""

    truncated = False

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.truncated = True
        super().close()


def read_warc(path: str, settings: Settings) -> Iterator[Document | Problem]:
    """Documents (and per-record problems) from one WARC file, then BAD_WARC if it is damaged."""
    limit = int(settings.max_mb * MB)
    with open(path, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            raise NewsgraphError(E.EMPTY, path=path)
        records = _Records(f)
        whole, last = 0, None  # records read in full so far, and the latest one
        while True:
            try:
                record = next(records, None)
                if record is None:
                    break
                if record.format != "warc":
                    raise ValueError("not a WARC record")
                length = (record.rec_headers.get_header("Content-Length") or "").strip()
                if not length.isdigit():  # mandatory; missing or cut short in a damaged file
                    raise ValueError(f"record {whole + 1} has no valid Content-Length")
                payload = _payload(record, int(length), limit)
            except Exception as exc:  # warcio's errors on damaged input are many and untyped
                yield _damaged(path, whole, exc)
                return
            whole, last = whole + 1, record
            if payload is not None:
                yield _document(path, whole, record, payload, settings)
        cut = _cut_short(last)  # the last record, if skipped unread, may end early
        if cut or records.truncated or _leftover(f, records.offset):
            yield _damaged(path, whole - cut, None)


def _leftover(f, offset: int) -> bool:
    """True when bytes other than blank lines follow the last whole record (a cut-off header)."""
    f.seek(offset)
    while chunk := f.read(64 * 1024):
        if chunk.strip():
            return True
    return False


def _payload(record, length: int, limit: int) -> tuple[str, bytes | None, int] | None:
    """``(kind, body, size)`` of a record worth reading, body None if over ``limit``; else None."""
    kind = _kind(record)
    if kind is None:
        return None
    if length > limit:
        return kind, None, length
    body = record.content_stream().read(limit + 1)  # HTTP decoding may make it larger
    if len(body) > limit:
        return kind, None, len(body)
    if _cut_short(record):
        raise EOFError("record body ends before its Content-Length")
    return kind, body, len(body)


def _kind(record) -> str | None:
    """'html' or 'text' for records that hold an article, None for the rest."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
        return "html" if ctype.split(";")[0].strip().lower() in _HTML_TYPES else None
    if record.rec_type in ("resource", "conversion"):
        ctype = (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if ctype in _HTML_TYPES:
            return "html"
        return "text" if ctype.startswith("text/") else None
    return None


def _document(path: str, index: int, record, payload, settings: Settings) -> Document | Problem:
    source = f"{path}#{index}"
    kind, body, size = payload
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        if body is None:
            raise NewsgraphError(E.TOO_LARGE, path=source, size_mb=size / MB, limit_mb=settings.max_mb)
        if not body.strip():
            raise NewsgraphError(E.EMPTY, path=source)
        headers = record.http_headers if record.rec_type == "response" else record.rec_headers
        declared = _charset(headers.get_header("Content-Type") or "")
        if kind == "html":
            markup, encoding = decode(body, source, declared=declared or html_charset(body))
            text, meta = extract_html(markup, source, url=url)
            return make_document(text, source, "warc", encoding, meta)
        text, encoding = decode(body, source, declared=declared)
        return make_document(text, source, "warc", encoding, {"url": url})
    except NewsgraphError as err:
        return Problem.of(source, err)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("'\"")
    return None


def _cut_short(record) -> bool:
    """True when the record's stream ended before its declared length."""
    stream = getattr(record, "raw_stream", None)
    if stream is None or getattr(stream, "limit", 0) <= 0:
        return False
    try:
        return stream.read(1) == b""
    except Exception:  # the underlying reader is already closed or broken
        return True


def _damaged(path: str, whole: int, exc: Exception | None) -> Problem:
    reason = " ".join(str(exc).split())[:160] if exc else "the file ends inside a record"
    detail = f"{reason}; {whole} record(s) before it were read"
    return Problem.of(path, NewsgraphError(E.BAD_WARC, path=path, detail=detail))
