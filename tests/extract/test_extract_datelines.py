"""A dateline heading the first paragraph is not part of a quotation or of an event's sentence.

Through the pipeline's order: clean (the dateline becomes its own removed
range), then one parse over the body view, then quotes and events. The same
text parsed without cleaning shows what the check guards against.
"""
from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.extract import extract_quotes
from newsgraph.extract.events import extract_events
from newsgraph.model import Document

ARTICLES = [
    ("Grain convoys stall at the border as talks falter\n\n"
     "NAIROBI, Kenya, March 3 (Harbour Wire) -- Kenya accused Tanzania of blocking the grain convoys, "
     "officials said on Monday.\n\n"
     "The trade ministry said the talks would resume next week, and that both sides wanted a deal before the rains.\n",
     "NAIROBI, Kenya, March 3 (Harbour Wire) -- "),
    ("Border to close as water talks fail\n\n"
     "LIMA, 10 April 2025 (Andes Wire) — Peru will close its border with Bolivia on Friday, the interior minister said.\n\n"
     "The minister gave no reason for the decision, which follows three weeks of talks over water rights in the highlands.\n",
     "LIMA, 10 April 2025 (Andes Wire) — "),
]


def _analysed(nlp, text: str, cleaned: bool) -> Document:
    doc = Document(id="t", source="t", text=text, published="2025-03-03")
    if cleaned:
        clean(doc)
    doc.spacy = nlp(doc.body_view())
    extract_quotes(doc)
    return extract_events(doc)


def _spans(doc: Document) -> list[tuple[int, int]]:
    return [(q.content.start, q.content.end) for q in doc.quotes] + [(e.sentence.start, e.sentence.end) for e in doc.events]


@pytest.mark.parametrize("text,head", ARTICLES, ids=["yearless", "dated"])
def test_no_quote_or_event_sentence_holds_the_dateline(nlp, text, head):
    start, end = text.index(head), text.index(head) + len(head)
    raw = _analysed(nlp, text, cleaned=False)
    assert any(s < end and start < e for s, e in _spans(raw)), "the check is live: uncleaned, the dateline is inside"
    doc = _analysed(nlp, text, cleaned=True)
    assert doc.quotes and doc.events
    for s, e in _spans(doc):
        assert not (s < end and start < e), f"holds the dateline: {doc.text[s:e]!r}"
    first = min(doc.quotes, key=lambda q: q.content.start)
    assert first.content.start == end  # the quotation starts where the dateline ends
