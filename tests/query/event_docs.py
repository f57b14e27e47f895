"""Hand-made documents carrying hand-made Events, for the store, merge, query, CLI and export tests.

Everything is invented (outlets, people, sentences); real country codes are used only as codes.
"""
from __future__ import annotations

from pathlib import Path

from newsgraph.model import Actor, Document, Event, Span, TimeExpression

NOR = Actor("Norway", "NOR", "GOV", type="place")
FIN = Actor("Finland", "FIN", "GOV", type="place")
EST_MIL = Actor("Estonian army", "EST", "MIL")
ENVOY = Actor("Sauli Niinistö", "FIN", "GOV", type="person")


def report(sentence: str, trigger: str, type: str, actors: list[Actor], recipients: list[Actor] = (),
           **fields) -> tuple[str, str, dict]:
    """One event report: its sentence, the trigger word in it, and the Event's fields."""
    return sentence, trigger, dict(type=type, actors=list(actors), recipients=list(recipients), **fields)


def on(day: str, source: str = "clause") -> dict:
    """Date fields for an event dated by a YYYY, YYYY-MM or YYYY-MM-DD value."""
    precision = {4: "year", 7: "month", 10: "day"}[len(day)]
    return dict(date=day, date_precision=precision, date_source=source)


def make_doc(doc_id: str, reports: list[tuple[str, str, dict]], publisher: str | None = "Fjord Post",
             published: str | None = "2021-07-09", url: str | None = None, times: list[str] = (),
             **meta) -> Document:
    """A document whose text is the reports' sentences; every span points into that text."""
    text, events = "", []
    for sentence, trigger, fields in reports:
        start = len(text)
        text += sentence + " "
        at = start + sentence.index(trigger)
        events.append(Event(trigger=Span(at, at + len(trigger)), sentence=Span(start, start + len(sentence)),
                            **fields))
    expressions = []
    for phrase in times:
        at = text.index(phrase)
        expressions.append(TimeExpression(span=Span(at, at + len(phrase)), text=phrase, value="2021-07-08",
                                          precision="day", first="2021-07-08", last="2021-07-08", anchored=True))
    return Document(id=doc_id, source=f"/corpus/{doc_id}.txt", text=text, publisher=publisher, published=published,
                    url=url, kept=[Span(0, len(text))], events=events, times=expressions, **meta)


def story() -> list[Document]:
    """Three reports from three outlets: a visit reported twice, an accusation, drills, thanks, a denial."""
    return [
        make_doc("fjord-1", [
            report("Norway's foreign minister visited Helsinki on Thursday.", "visited", "CONSULT", [NOR], [FIN],
                   mode="visit", context=["diplomatic"], **on("2021-07-08")),
            report("Norway accused Finland of stalling the fisheries talks.", "accused", "ACCUSE", [NOR], [FIN],
                   **on("2021-07-09", "document")),
        ], publisher="Fjord Post", published="2021-07-09", times=["on Thursday"]),
        make_doc("baltic-1", [
            report("Norwegian and Finnish ministers met in Helsinki.", "met", "CONSULT", [NOR], [FIN],
                   location="Helsinki", **on("2021-07-10", "document")),
            report("The Estonian army will hold drills with Finland next month.", "drills", "COOPERATE", [EST_MIL],
                   [FIN], future=True, context=["military"], **on("2021-08")),
        ], publisher=None, published="2021-07-10", url="https://www.balticwire.example/news/1"),
        make_doc("lake-1", [
            report("Sauli Niinistö thanked Norway for the aid.", "thanked", "SUPPORT", [ENVOY], [NOR],
                   **on("2021-08-20", "document")),
            report("Finland did not threaten Norway.", "threaten", "THREATEN", [FIN], [NOR], negated=True,
                   **on("2021-08-20", "document")),
            report("Finland rejected Norway's request in August.", "rejected", "REJECT", [FIN], [NOR],
                   **on("2021-08")),
            report("Norway and Finland held joint talks.", "held", "CONSULT", [NOR, FIN], [],
                   **on("2021-08-20", "document")),
        ], publisher="Lakeside Courier", published="2021-08-20"),
    ]


def build_store(path: Path) -> Path:
    """A database file holding story(), written through save_document."""
    from newsgraph.pipeline.ingest import save_document
    from newsgraph.store.sqlite import Store

    with Store(path) as store:
        for doc in story():
            save_document(store, doc)
    return path
