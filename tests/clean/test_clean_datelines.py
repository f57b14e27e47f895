"""Wire datelines and outlet lines on made-up text: what they give, what they remove, what they leave alone."""
from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.datelines import outlet_line, parse_wire, wire_line, year_of
from newsgraph.clean.metadata import Meta
from newsgraph.model import Document

from .conftest import ARTICLE_PARAGRAPHS

BODY = ARTICLE_PARAGRAPHS[1:]  # the made-up article without its title


@pytest.mark.parametrize("line,place,agency,published,month_day,body", [
    ("LIMA, 10 April 2025 (Andes Wire) — The minister said on Thursday", "LIMA", "Andes Wire", "2025-04-10", None, "The"),
    ("WASHINGTON (Reuters) - The talks ended", "WASHINGTON", "Reuters", None, None, "The"),
    ("NAIROBI, Kenya, March 3 (AP) -- Kenya accused", "NAIROBI", "AP", None, (3, 3), "Kenya"),
    ("RIVERTON, Ore., Aug. 3 (Harbour Wire) — Officials said", "RIVERTON", "Harbour Wire", None, (8, 3), "Officials"),
    ("PORT ELLIS, N.H. (AP) — Voters lined up", "PORT ELLIS", "AP", None, None, "Voters"),
    ("Lima (Andes Wire) – It was", "Lima", "Andes Wire", None, None, "It"),
    ("NEW YORK, March 11, 2025 /Wirenews/ -- Acme today announced", "NEW YORK", "Wirenews", "2025-03-11", None, "Acme"),
    ("GLENDALE, CA / Newsline / June 24, 2020 / Acme today announced", "GLENDALE", "Newsline", "2020-06-24", None, "Acme"),
    ("Harbourton, Mar 3 (Valley Press) The council said", "Harbourton", "Valley Press", None, (3, 3), "The"),
    ("RIVERTON — The council voted", "RIVERTON", None, None, None, "The"),
    ("RIVERTON, Ore. - The council voted", "RIVERTON", None, None, None, "The"),
    ("LIMA, 10 April 2025 — The minister said", "LIMA", None, "2025-04-10", None, "The"),
    ("Nairobi — The ministry said on Monday", "Nairobi", None, None, None, "The"),  # a known capital
    ("SALT LAKE CITY -- “We are ready,” she said.", "SALT LAKE CITY", None, None, None, "“We"),
    ("ROME/NAIROBI, June 6 (Harbour Wire) — Talks resumed", "ROME/NAIROBI", "Harbour Wire", None, (6, 6), "Talks"),
])
def test_dateline_heading_a_paragraph(line, place, agency, published, month_day, body):
    dl = parse_wire(line)
    assert dl is not None and dl.end is not None
    assert (dl.place, dl.agency) == (place, agency)
    assert dl.meta() == Meta(publisher=agency, published=published, month_day=month_day)
    assert line[dl.end:].startswith(body)


@pytest.mark.parametrize("line,meta", [
    ("LIMA, 10 April 2025 (Andes Wire) —", Meta(publisher="Andes Wire", published="2025-04-10")),
    ("NAIROBI, Kenya, March 3 (AP) --", Meta(publisher="AP", month_day=(3, 3))),
    ("SYDNEY (Harbour Business Wire) - July 17, 2024", Meta(publisher="Harbour Business Wire", published="2024-07-17")),
    ("GLENDALE, CA / Newsline / March 11, 2025", Meta(publisher="Newsline", published="2025-03-11")),
    ("WASHINGTON, March 3, 2025", Meta(published="2025-03-03")),
    ("Lima, 10 April 2025", Meta(published="2025-04-10")),  # a known capital: a place, not an outlet
    ("RIVERTON —", Meta()),
])
def test_dateline_alone_on_its_line(line, meta):
    assert wire_line(line) == meta


@pytest.mark.parametrize("line,meta", [
    ("Coastal Times, 8 April 2025", Meta(publisher="Coastal Times", published="2025-04-08")),
    ("Daily Planet | 5 May 2024", Meta(publisher="Daily Planet", published="2024-05-05")),
    ("The Valley Courier, 12 March 2021, 10:05 GMT", Meta(publisher="The Valley Courier", published="2021-03-12")),
    ("harbourton.example.com — 2 July 2019", None),  # not capitalised: not an outlet name
    ("Harbourton, 10 April 2025", Meta(published="2025-04-10")),  # a place or an outlet: it dates, it does not name
])
def test_outlet_line(line, meta):
    assert outlet_line(line) == meta


@pytest.mark.parametrize("line", [
    "Lima is the capital of Peru.",
    "Lima, the capital, was quiet on Monday.",
    "Lima, Peru's capital, was quiet on Monday.",
    "Riverton — a town of 40,000 — voted on Monday.",
    "Nairobi — Not Kampala — will host the summit.",  # a dash opening an aside
    "Harbour Digest - Top stories, updated every minute",  # title case, not a known place
    "The Morning: Council to vote on tram line.",
    "ALL IS LOST: Fans leave early.",
    "BREAKING — The council has voted.",
    "FILE - The harbour in 2019.",
    "COUNCIL HAS OVERRULED HER — The vote was close.",
    "Sen. Ana Ruiz (D-Ore.) — Announced March 23, 2015",
    "Ana Ruiz (left) — The councillor said",
    "Earlier, Harbour County (Ore.) Sheriff Tom Vale said the road was closed.",
    "Comments (0) - Log in to comment",
    "RIVERTON — THE COUNCIL HAS VOTED",
    "Friday, December 4, 2015.",
    "US-led troops withdrew.",
])
def test_not_a_dateline(line):
    assert parse_wire(line) is None
    assert outlet_line(line) is None


def _doc(*paragraphs: str, **fields) -> Document:
    return Document(id="t", source="t", text="\n\n".join(paragraphs) + "\n", **fields)


def test_dateline_prefix_is_removed_alone():
    head = "RIVERTON, Ore., 4 March 2025 (Harbour Wire) — "
    doc = clean(_doc(ARTICLE_PARAGRAPHS[0], head + BODY[0], *BODY[1:]))
    start = doc.text.index(head)
    datelines = [r for r in doc.removed if r.reason == "dateline"]
    assert [(r.start, r.end) for r in datelines] == [(start, start + len(head))]
    assert doc.kept[0].start == start + len(head)
    assert doc.text[doc.kept[0].start:doc.kept[0].end] == BODY[0]
    assert (doc.published, doc.publisher) == ("2025-03-04", "Harbour Wire")
    assert doc.published_from == doc.published_to == "2025-03-04"
    assert "Harbour Wire" not in doc.body_view()


def test_dateline_on_its_own_line_is_a_removed_unit():
    doc = clean(_doc(ARTICLE_PARAGRAPHS[0], "LIMA, 10 April 2025 (Andes Wire) —", *BODY))
    assert [r.reason for r in doc.removed] == ["title", "dateline"]
    assert (doc.published, doc.publisher) == ("2025-04-10", "Andes Wire")


def test_outlet_line_gives_publisher_and_date():
    doc = clean(_doc(ARTICLE_PARAGRAPHS[0], "Coastal Times, 8 April 2025", *BODY))
    assert [r.reason for r in doc.removed] == ["title", "source-line"]
    assert (doc.published, doc.publisher) == ("2025-04-08", "Coastal Times")


def test_record_metadata_wins():
    doc = clean(_doc("LIMA, 10 April 2025 (Andes Wire) — " + BODY[0], *BODY[1:],
                     published="2025-04-11", publisher="Lima Daily"))
    assert (doc.published, doc.publisher) == ("2025-04-11", "Lima Daily")
    assert [r.reason for r in doc.removed] == ["dateline"]  # removed all the same


def test_a_byline_date_beats_a_dateline():
    doc = clean(_doc("By Jane Alvarez | Harbour Gazette | 5 May 2024", "LIMA, 10 April 2025 (Andes Wire) — " + BODY[0]))
    assert (doc.author, doc.publisher, doc.published) == ("Jane Alvarez", "Harbour Gazette", "2024-05-05")


def test_yearless_dateline_is_never_guessed():
    doc = clean(_doc("RIVERTON, March 3 (Harbour Wire) — " + BODY[0], *BODY[1:]))
    assert doc.publisher == "Harbour Wire"
    assert doc.published is None


def test_yearless_dateline_takes_the_year_of_a_dated_url():
    doc = clean(_doc("RIVERTON, March 3 (Harbour Wire) — " + BODY[0], *BODY[1:],
                     url="https://news.example/2025/03/03/tram-line"))
    assert doc.published == "2025-03-03"


def test_yearless_dateline_takes_the_one_year_a_closed_window_allows():
    doc = clean(_doc(
        "RIVERTON, March 3 (Harbour Wire) — The council said on Monday that talks held on 1 March 2025 had failed.",
        "A second round is scheduled for 20 March 2025, ahead of the vote."))
    assert doc.published == "2025-03-03"
    assert year_of(3, 3, None, "2024-01-01", "2025-12-31") is None  # two years fit: no date


def test_a_sentence_that_starts_with_a_place_is_kept_whole():
    text = "Lima is the capital of Peru, and on Monday its council voted to build a tram line to the harbour."
    doc = clean(_doc(ARTICLE_PARAGRAPHS[0], text, *BODY))
    assert not [r for r in doc.removed if r.reason == "dateline"]
    assert doc.text[doc.kept[0].start:doc.kept[0].end] == text


def test_dateline_after_a_short_standfirst_is_found():
    standfirst = "The vote ends a year of debate."
    doc = clean(_doc(ARTICLE_PARAGRAPHS[0], standfirst, "RIVERTON — " + BODY[0], *BODY[1:]))
    assert [r.reason for r in doc.removed] == ["title", "dateline"]


def test_dateline_after_a_full_paragraph_is_left_alone():
    doc = clean(_doc(ARTICLE_PARAGRAPHS[0], BODY[0] + " " + BODY[1], "RIVERTON — " + BODY[2], *BODY[3:]))
    assert [r.reason for r in doc.removed] == ["title"]


def test_a_dateline_line_at_the_foot_gives_no_metadata():
    doc = clean(_doc(ARTICLE_PARAGRAPHS[0], *BODY, "NEW YORK, March 11, 2025 /Wirenews/ --",
                     "Acme today announced a new tram for cities of every size."))
    assert doc.publisher is None
