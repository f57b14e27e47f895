"""One real event, many reports: the merge rules, the counts, and deletion."""
from __future__ import annotations

import pytest

from newsgraph.link.events import DOCUMENT_SLACK_DAYS, label_of, publisher_of, signature, window_of
from newsgraph.model import Actor, Document
from newsgraph.pipeline.ingest import save_document
from newsgraph.store.sqlite import Store
from query.event_docs import EST_MIL, FIN, NOR, make_doc, on, report


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def consult(**fields):
    fields.setdefault("date", "2021-07-08")
    if "date" in fields and fields["date"] and "date_precision" not in fields:
        fields.update(on(fields.pop("date"), fields.pop("date_source", "clause")))
    actors = fields.pop("actors", [NOR])
    recipients = fields.pop("recipients", [FIN])
    return report("Norway's minister met Finland's.", "met", fields.pop("type", "CONSULT"), actors, recipients,
                  **fields)


def save(store, doc_id, *reports, **meta):
    doc = make_doc(doc_id, list(reports), **meta)
    save_document(store, doc)
    return doc


def events(store):
    return [dict(r) for r in store.query("SELECT * FROM events ORDER BY id")]


def test_same_type_actors_and_date_in_two_documents_is_one_event_with_two_reports(store):
    save(store, "a", consult(), publisher="Fjord Post")
    save(store, "b", consult(), publisher="Baltic Wire")
    [event] = events(store)
    assert (event["reports"], event["publishers"]) == (2, 2)
    assert event["type"] == "CONSULT" and event["date"] == "2021-07-08"


@pytest.mark.parametrize("other", [
    dict(type="ACCUSE"),
    dict(actors=[EST_MIL]),
    dict(actors=[NOR, EST_MIL]),
    dict(recipients=[NOR]),
    dict(recipients=[]),
    dict(negated=True),
    dict(date="2021-07-20"),
    dict(date="2021-06"),
])
def test_a_different_type_actor_recipient_negation_or_date_is_another_event(store, other):
    save(store, "a", consult())
    save(store, "b", consult(**other), publisher="Baltic Wire")
    assert len(events(store)) == 2


def test_actor_order_does_not_matter_and_the_same_actor_twice_is_one(store):
    save(store, "a", consult(actors=[NOR, EST_MIL]))
    save(store, "b", consult(actors=[EST_MIL, NOR, EST_MIL]))
    assert len(events(store)) == 1
    assert signature(make_doc("x", [consult(actors=[NOR, EST_MIL])]).events[0]) == \
        signature(make_doc("y", [consult(actors=[EST_MIL, NOR])]).events[0])


def test_an_actor_differing_only_in_sector_is_another_actor(store):
    save(store, "a", consult())
    save(store, "b", consult(actors=[Actor("Norway", "NOR", "MIL")]))
    assert len(events(store)) == 2


def test_the_date_narrows_to_the_most_precise_report(store):
    save(store, "a", consult(date="2021"), publisher="A")
    save(store, "b", consult(date="2021-07"), publisher="B")
    assert events(store)[0]["date"] == "2021-07"
    save(store, "c", consult(date="2021-07-08"), publisher="C")
    [event] = events(store)
    assert (event["date"], event["date_precision"], event["reports"]) == ("2021-07-08", "day", 3)
    assert (event["date_first"], event["date_last"]) == ("2021-07-08", "2021-07-08")


def test_a_week_is_more_precise_than_a_month(store):
    save(store, "a", consult(date="2021-07"), publisher="A")
    save(store, "b", consult(date="2021-07-05", date_precision="week", date_first="2021-07-05",
                             date_last="2021-07-11", date_source="clause"), publisher="B")
    [event] = events(store)
    assert (event["date_precision"], event["date_first"], event["date_last"]) == ("week", "2021-07-05", "2021-07-11")


def test_a_clause_date_beats_the_publication_day_then_precision_then_the_earliest(store):
    save(store, "a", consult(date="2021-07-09", date_source="document"), publisher="A")
    save(store, "b", consult(date="2021-07"), publisher="B")
    assert events(store)[0]["date"] == "2021-07"  # the clause's own month beats the publication day
    save(store, "c", consult(date="2021-07-08"), publisher="C")
    save(store, "d", consult(date="2021-07"), publisher="D")
    assert [e["date"] for e in events(store)] == ["2021-07-08"]


def test_a_publication_window_reaching_back_is_kept_as_given(store):
    # The extractor may date an undated clause by a window ending on the publication day.
    wide = dict(date="2021-09-07", date_precision="day", date_first="2021-08-07", date_last="2021-09-07",
                date_source="document")
    save(store, "a", consult(**wide), publisher="A")
    save(store, "b", consult(date="2021-08"), publisher="B")
    [event] = events(store)
    assert (event["date"], event["date_precision"], event["reports"]) == ("2021-08", "month", 2)


def test_a_publication_day_reaches_back_a_few_days_but_not_further(store):
    save(store, "a", consult(date="2021-07-08"), publisher="A")
    save(store, "b", consult(date="2021-07-10", date_source="document"), publisher="B")
    assert len(events(store)) == 1
    late = f"2021-07-{8 + DOCUMENT_SLACK_DAYS + 3:02d}"
    save(store, "c", consult(date=late, date_source="document"), publisher="C")
    assert len(events(store)) == 2


def test_two_clause_days_never_merge_even_when_close(store):
    save(store, "a", consult(date="2021-07-08"))
    save(store, "b", consult(date="2021-07-09"), publisher="B")
    assert len(events(store)) == 2


def test_a_report_without_a_date_takes_the_documents_date(store):
    save(store, "a", consult(date=None), published="2021-07-08")
    [event] = events(store)
    assert (event["date"], event["date_source"]) == ("2021-07-08", "document")
    save(store, "b", consult(date="2021-07"), publisher="B")
    assert len(events(store)) == 1


def test_an_inferred_publication_window_is_used_when_there_is_no_date(store):
    save(store, "a", consult(date=None), published=None, published_from="2021-07-01", published_to="2021-07-31")
    [event] = events(store)
    assert (event["date"], event["date_precision"], event["date_first"]) == ("2021-07", "month", "2021-07-01")


def test_undated_reports_only_merge_with_undated_events(store):
    save(store, "a", consult(date=None), published=None)
    save(store, "b", consult(date=None), published=None, publisher="B")
    assert [(e["date_first"], e["reports"]) for e in events(store)] == [(None, 2)]
    save(store, "c", consult(date="2021-07-08"), publisher="C")
    assert len(events(store)) == 2


def test_two_reports_in_one_document_are_two_reports_of_one_publisher(store):
    save(store, "a", consult(), consult())
    [event] = events(store)
    assert (event["reports"], event["publishers"]) == (2, 1)


def test_publishers_fall_back_to_the_url_host_then_the_document(store):
    save(store, "a", consult(), publisher=None, url="https://www.wire.example/a")
    save(store, "b", consult(), publisher=None, url="https://wire.example/b")
    save(store, "c", consult(), publisher="Fjord  post")
    save(store, "d", consult(), publisher="FJORD POST")
    assert (events(store)[0]["reports"], events(store)[0]["publishers"]) == (4, 2)
    save(store, "e", consult(), publisher=None)
    save(store, "f", consult(), publisher=None)
    assert events(store)[0]["publishers"] == 4
    assert publisher_of(Document(id="z", source="s", text="", url="http://www.x.example/p")) == "x.example"


def test_mode_context_and_auxiliary_flags_come_from_all_reports(store):
    save(store, "a", consult(mode="phone", context=["diplomatic"]), publisher="A")
    save(store, "b", consult(mode="visit", context=["economic"]), publisher="B")
    save(store, "c", consult(mode="visit", context=["diplomatic"]), publisher="C")
    [event] = events(store)
    assert event["mode"] == "visit"
    assert event["context"] == '["diplomatic", "economic"]'
    assert event["score"] == 4.0  # CONSULT:visit
    assert event["future"] == 0


def test_a_report_of_what_will_happen_stays_apart_from_one_of_what_did(store):
    save(store, "a", consult(future=True), publisher="A")
    save(store, "b", consult(future=True), publisher="B")
    save(store, "c", consult(), publisher="C")
    found = sorted((e["future"], e["reports"]) for e in events(store))
    assert found == [(0, 1), (1, 2)]


def test_link_returns_the_real_event_of_each_report_in_order(store):
    from newsgraph.link.events import link_events

    save(store, "a", consult())
    doc = make_doc("b", [consult(type="ACCUSE"), consult()])
    with store.transaction():
        store.insert_document(doc)
        ids = link_events(store, doc)
    assert ids == [2, 1]  # a new ACCUSE event, then the CONSULT stored from "a"


def test_deleting_a_document_keeps_the_counts_right(store):
    save(store, "a", consult(date="2021-07"), publisher="A")
    save(store, "b", consult(date="2021-07-08"), publisher="B")
    save(store, "c", consult(type="ACCUSE", actors=[EST_MIL]), publisher="C")
    assert store.delete_document("b") is True
    consults = [e for e in events(store) if e["type"] == "CONSULT"]
    assert [(e["reports"], e["publishers"], e["date"]) for e in consults] == [(1, 1, "2021-07")]
    assert store.delete_document("c") is True
    assert [e["type"] for e in events(store)] == ["CONSULT"]
    names = {r["name"] for r in store.query("SELECT name FROM actors")}
    assert names == {"Norway", "Finland"}  # the Estonian army acted only in the deleted event
    assert store.delete_document("c") is False
    store.delete_document("a")
    assert events(store) == [] and store.counts()["events"] == 0
    assert list(store.query("SELECT * FROM event_actors")) == []


def test_deleting_a_document_leaves_a_shared_event_and_its_other_reports(store):
    save(store, "a", consult(), consult())
    save(store, "b", consult(), publisher="B")
    store.delete_document("a")
    [event] = events(store)
    assert (event["reports"], event["publishers"]) == (1, 1)
    assert [r["document_id"] for r in store.query("SELECT document_id FROM event_reports")] == ["b"]


def test_a_bad_event_rolls_the_whole_document_back(store):
    doc = make_doc("a", [consult(), consult(type="NOT-A-TYPE")])
    with pytest.raises(ValueError):
        save_document(store, doc)
    assert store.counts() == {"documents": 0, "quotes": 0, "people": 0, "events": 0}


def test_windows_and_labels():
    assert window_of("2021") == ("2021-01-01", "2021-12-31")
    assert window_of("2020-02") == ("2020-02-01", "2020-02-29")
    assert window_of("2021-07-08") == ("2021-07-08", "2021-07-08")
    assert window_of("2021-13") is None and window_of("July") is None
    assert label_of("2021-07-01", "2021-07-31") == ("2021-07", "month")
    assert label_of("2021-01-01", "2021-12-31") == ("2021", "year")
    assert label_of("2021-07-01", "2021-07-03") == (None, None)
