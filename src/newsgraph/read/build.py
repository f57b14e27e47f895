"""Turn decoded text plus record metadata into a ``Document``, refusing empty text."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

from ..errors import E, NewsgraphError
from ..model import Document
from .ids import document_id

MB = 1024 * 1024  # settings.max_mb is in these units
META_FIELDS = ("url", "title", "author", "publisher", "published")
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{2})[-/](\d{2})")


def make_document(text: str, source: str, fmt: str, encoding: str | None = None,
                  meta: Mapping[str, Any] | None = None) -> Document:
    """A Document for ``text``; raises EMPTY when it holds only whitespace."""
    if not text.strip():
        raise NewsgraphError(E.EMPTY, path=source)
    fields = {name: clean_meta(name, (meta or {}).get(name)) for name in META_FIELDS}
    content = document_id(text)
    return Document(id=content, content_hash=content, source=source, text=text, format=fmt,
                    encoding=encoding, **fields)


def clean_meta(name: str, value: Any) -> str | None:
    """A metadata value as one short string (lists joined), dates as YYYY-MM-DD."""
    if value is None or isinstance(value, (dict, bool)):
        return None
    if name == "published":
        return iso_date(value)
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v).strip() for v in value if isinstance(v, (str, int)) and str(v).strip())
    value = " ".join(str(value).split())
    return value or None


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO-like string, a Unix timestamp or free text, else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            stamp = value / 1000 if value > 1e11 else value  # milliseconds
            return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DATE.match(value.strip())
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; only for dates not written the ISO way

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None
