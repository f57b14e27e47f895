"""Player runs: short non-sentence lines around player debris join it; body lines never do."""
from __future__ import annotations

from newsgraph.clean import clean
from newsgraph.model import Document

BODY = (
    "The river rose another metre overnight, forcing hundreds of families from their homes, officials said.\n\n"
    "Rescue teams worked through the night to reach villages cut off by the water, the mayor told reporters.\n\n"
    "The weather service said more rain was expected on Friday and warned residents to stay away from the banks.\n"
)


def _reasons(text: str) -> dict[str, str | None]:
    doc = clean(Document(id="t", source="t", text=text))
    out: dict[str, str | None] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        start = text.index(line)
        hit = [r.reason for r in doc.removed if r.start <= start < r.end]
        out[line.strip()] = hit[0] if hit else None
    return out


def test_bare_title_inside_player_block_is_debris():
    text = (
        "Flood waters rise in the valley\n\n" + BODY + "\n"
        "0:00 0:02:10 0:00 Direct link\n480p | 12.0MB\nEmbed share\nRiver bursts its banks at dawn\nEmbed share\n"
        "Link copied\n\n"
        "Residents were told to boil their water until further notice, the utility said in a statement.\n"
    )
    got = _reasons(text)
    assert got["River bursts its banks at dawn"] == "player-debris"
    assert got["Residents were told to boil their water until further notice, the utility said in a statement."] is None


def test_line_between_two_player_pieces_is_debris():
    text = (
        "Flood waters rise in the valley\n\n" + BODY + "\n"
        "WATCH: River bursts its banks at dawn\n\nRiver bursts its banks at dawn please wait\n\n"
        "No media source currently available\n\n"
        "Engineers said the dam had held, although its spillway was damaged by debris, the agency said.\n"
    )
    got = _reasons(text)
    assert got["River bursts its banks at dawn please wait"] == "player-debris"


def test_sentences_and_separate_blocks_are_kept():
    text = (
        "Flood waters rise in the valley\n\n" + BODY + "\n"
        "No media source currently available\n"
        "Officials said the footage was filmed on Tuesday.\n"  # same block, but a sentence
        "\n"
        "What happens next\n\n"  # a subheading in its own block, after the player but not enclosed by it
        "The council will meet on Monday to decide whether to rebuild the bridge or close the road for good.\n"
    )
    got = _reasons(text)
    assert got["Officials said the footage was filmed on Tuesday."] is None
    assert got["What happens next"] is None


def test_short_lines_without_player_debris_are_kept():
    text = (
        "Flood waters rise in the valley\n\n" + BODY + "\n"
        "Share on Facebook Share on X\n"
        "What happens next\n\n"  # share buttons alone are not a player
        "The council will meet on Monday to decide whether to rebuild the bridge or close the road for good.\n"
    )
    assert _reasons(text)["What happens next"] is None
