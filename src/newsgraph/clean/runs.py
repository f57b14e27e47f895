"""Spread a media-player verdict to the short lines around it.

A video player scraped to text leaves a run of debris: controls, renditions,
clipboard notices, and the video's own title repeated between them. The title
lines have no tell-tale words, but their company gives them away: a short line
that is not a sentence, sitting in the same block as player debris or between
two pieces of it, is part of the player. Body paragraphs are sentences (or
long), so they never join a run.
"""
from __future__ import annotations

from .lines import Unit

PLAYER = "player-debris"
MEDIA = frozenset({PLAYER, "share-embed"})  # "WATCH: ...", share buttons: a player's neighbours
MAX_WORDS = 20
_SENTENCE_END = (".", "!", "?", "…", "\"", "”", "’", "'", ":", ";")


def _candidate(u: Unit) -> bool:
    """Short, and not a sentence: no closing punctuation."""
    return u.words <= MAX_WORDS and not u.text.endswith(_SENTENCE_END)


def _same_block(text: str, a: Unit, b: Unit) -> bool:
    """No blank line between ``a`` and the following unit ``b``."""
    return text.count("\n", a.end, b.start) <= 1


def _block_has_player(text: str, us: list[Unit], reasons: list[str | None], i: int, step: int) -> bool:
    """Walking from unit ``i`` by ``step`` through same-block media units, is one of them player debris?"""
    j = i
    while 0 <= j + step < len(us):
        nxt = j + step
        a, b = (us[j], us[nxt]) if step > 0 else (us[nxt], us[j])
        if not _same_block(text, a, b) or reasons[nxt] not in MEDIA:
            return False
        if reasons[nxt] == PLAYER:
            return True
        j = nxt
    return False


def spread_player_runs(text: str, us: list[Unit], reasons: list[str | None]) -> None:
    """Mark as player debris the short non-sentence units a player run encloses (in place)."""
    changed = True
    while changed:
        changed = False
        for i, u in enumerate(us):
            if reasons[i] is not None or not _candidate(u):
                continue
            in_block = _block_has_player(text, us, reasons, i, -1) or _block_has_player(text, us, reasons, i, 1)
            prev = reasons[i - 1] if i > 0 else None
            nxt = reasons[i + 1] if i + 1 < len(us) else None
            between = prev in MEDIA and nxt in MEDIA and PLAYER in (prev, nxt)
            if in_block or between:
                reasons[i] = PLAYER
                changed = True
