"""Bytes to text: detect the encoding first, refuse binary, normalise newlines.

Order: a byte-order mark decides (UTF-8/16/32); then strict UTF-8, the common
case (valid UTF-8 beats a wrong declaration); then a charset the container
declares (HTTP header, HTML meta) if it decodes cleanly; then
charset-normalizer's guess, where ties between single-byte code pages go to
windows-1252, the web's default for undeclared Western text. Newlines become
"\\n" here, once: the decoded text is the raw text every offset refers to.
"""
from __future__ import annotations

import codecs
import re

from ..errors import E, NewsgraphError

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024
# Control bytes that never occur in text in any ASCII-compatible encoding.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_NEWLINES = re.compile(r"\r\n?")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
MAX_CONTROL = 0.02  # share of control characters above which text is binary


def normalise_newlines(text: str) -> str:
    """"\\r\\n" and lone "\\r" become "\\n" (done once, at read time)."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def decode(data: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise BINARY / UNDECODABLE for ``path``.

    ``declared`` is a charset named by the container (HTTP header); it is used
    only when the bytes decode under it without error.
    """
    name = bom_encoding(data)
    if name:
        text = _strict(data, name)
        if text is None:
            raise NewsgraphError(E.UNDECODABLE, path=path)
        return _checked(text, path), name
    utf16 = _bomless_utf16(data)
    if utf16:
        text = _strict(data, utf16)
        if text is None:
            raise NewsgraphError(E.BINARY, path=path)
        return _checked(text, path), utf16
    if _binary_bytes(data):
        raise NewsgraphError(E.BINARY, path=path)
    text = _strict(data, "utf-8")  # valid UTF-8 beats a wrong declaration
    if text is not None:
        return _checked(text, path), "utf-8"
    for name in _declared(declared):
        text = _strict(data, name)
        if text is not None and not _looks_binary(text):
            return normalise_newlines(text), name
    return _guess(data, path)


def bom_encoding(data: bytes) -> str | None:
    """The codec a leading byte-order mark names (it drops the mark), or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _declared(declared: str | None) -> list[str]:
    """Codecs to try for a declared charset; Latin-1 labels mean windows-1252 on the web."""
    if not declared:
        return []
    try:
        name = codecs.lookup(declared.strip().strip("'\"")).name
    except LookupError:
        return []
    return ["cp1252", name] if name in ("iso8859-1", "ascii") else [name]


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag near its top, if known."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _checked(text: str, path: str) -> str:
    if _looks_binary(text):
        raise NewsgraphError(E.BINARY, path=path)
    return normalise_newlines(text)


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    return "\x00" in sample or len(_CONTROL_CHARS.findall(sample)) > MAX_CONTROL * len(sample)


def _binary_bytes(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL * len(sample)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a mark: NULs nearly all on one side of each byte pair."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > 0.3 * pairs and even < 0.05 * odd:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * even:
        return "utf-16-be"
    return None


def _guess(data: bytes, path: str) -> tuple[str, str]:
    import charset_normalizer  # slow to import; most input is UTF-8

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise NewsgraphError(E.UNDECODABLE, path=path)
    best = matches[0]
    for match in matches:  # equally good readings: prefer the web's default
        if (match.chaos, match.coherence) != (best.chaos, best.coherence):
            continue
        preferred = [c for c in _PREFERRED if c in match.could_be_from_charset]
        if preferred:
            encoding = preferred[0]
            break
    else:
        encoding = best.encoding
    text = _strict(data, encoding)
    if text is None:
        raise NewsgraphError(E.UNDECODABLE, path=path)
    return _checked(text, path), encoding
