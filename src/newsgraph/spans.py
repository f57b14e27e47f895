"""Line spans and trimming over raw text, shared by every stage that walks lines.

Offsets into the raw text are the project's one currency, so splitting into
lines and trimming whitespace return offsets, never substrings.
"""
from __future__ import annotations


def line_spans(text: str, blank: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, newline excluded; blank lines only if ``blank``."""
    out, pos, n = [], 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if blank or text[pos:end].strip():
            out.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) narrowed so it neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
