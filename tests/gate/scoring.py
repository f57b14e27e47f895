"""Scoring stored output against gold files: shared by the gate tests."""
from __future__ import annotations

import re
import unicodedata

_MARKS = str.maketrans({c: '"' for c in "“”„‟«»\""} | {c: "'" for c in "‘’‚‛`"})


def norm(text: str) -> str:
    """Compare texts with quote marks unified, dashes and spaces folded, case ignored."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS)
    text = re.sub(r"[–—]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def find_quote(gold: dict, found: list[dict]) -> dict | None:
    """The found quotation of the gold's document whose content holds the gold's opening words."""
    words = norm(gold["quote"]).strip(" \"'")
    for q in found:
        if q["doc"] == gold["doc"] and words in norm(q["text"]):
            return q
    return None


def speaker_right(gold: dict, quote: dict) -> bool:
    names = {norm(gold["speaker"]), *(norm(a) for a in gold.get("aliases", []))}
    return quote["speaker"] is not None and norm(quote["speaker"]) in names


def line_spans(text: str, starts: str) -> list[tuple[int, int]]:
    """Every line of ``text`` that begins with ``starts`` (ignoring leading space), as spans."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and line.strip().startswith(starts.strip()):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def covered(span: tuple[int, int], ranges: list[tuple[int, int]], text: str) -> bool:
    """Is every non-space character of ``span`` inside one of ``ranges``?"""
    for i in range(*span):
        if not text[i].isspace() and not any(s <= i < e for s, e in ranges):
            return False
    return True


def body_kept(span: tuple[int, int], kept: list[tuple[int, int]], removed: list[tuple[int, int, str]], text: str) -> bool:
    """Is the body line ``span`` kept? A dateline removed at its head ("LIMA (Wire) — ") is not body,
    and the line counts as kept when the rest of it is."""
    heads = [(s, e) for s, e, why in removed
             if why == "dateline" and span[0] <= s < e < span[1] and not text[span[0]:s].strip()]
    return covered(span, kept + heads, text)
