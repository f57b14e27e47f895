"""query.events and query.actors over a small hand-made store: contract, filters, order, errors."""
from __future__ import annotations

import pytest

from newsgraph import query
from newsgraph.errors import NewsgraphError
from newsgraph.store.sqlite import Store

from .event_docs import build_store, story

CONTRACT = {"id", "type", "mode", "context", "actor", "recipient", "date", "date_precision", "negated", "future",
            "hypothetical", "historical", "evidence", "reports", "publishers", "sources", "score"}
EVIDENCE = {"source", "document", "start", "end", "text", "trigger_start", "trigger_end", "date_source"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("events") / "events.db")
    with Store(path, readonly=True) as s:
        yield s


def types(rows) -> list[str]:
    return [r["type"] for r in rows]


def test_rows_carry_exactly_the_contract_fields(store):
    rows = list(query.events(store))
    assert len(rows) == 7  # the two reports of the visit are one event
    for row in rows:
        assert set(row) == CONTRACT
        assert row["evidence"] and all(EVIDENCE <= set(e) for e in row["evidence"])
        for person in row["actor"] + row["recipient"]:
            assert set(person) == {"name", "country", "sector"}


def test_evidence_offsets_point_into_the_raw_text(store):
    texts = {d.id: d.text for d in story()}
    for row in query.events(store):
        for e in row["evidence"]:
            assert texts[e["document"]][e["start"]:e["end"]] == e["text"]
            trigger = texts[e["document"]][e["trigger_start"]:e["trigger_end"]]
            assert trigger == e["trigger"] and trigger in e["text"]
            assert e["source"] == f"/corpus/{e['document']}.txt"


def test_the_visit_reported_twice_is_one_event_with_both_reports(store):
    [visit] = [r for r in query.events(store, type="CONSULT") if r["recipient"]]
    assert (visit["reports"], visit["publishers"], visit["date"], visit["mode"]) == (2, 2, "2021-07-08", "visit")
    assert visit["score"] == 4.0 and visit["context"] == ["diplomatic"]
    assert {e["date_source"] for e in visit["evidence"]} == {"clause", "document"}
    assert {e["location"] for e in visit["evidence"]} == {None, "Helsinki"}


def test_events_come_in_date_order(store):
    dates = [r["date"] for r in query.events(store)]
    firsts = [(d + "-01")[:10] if len(d) == 7 else d for d in dates]
    assert firsts == sorted(firsts)


@pytest.mark.parametrize("spec, expected", [
    ("norway", {"CONSULT", "ACCUSE"}),  # name part, any case; joint talks have Norway as an actor too
    ("NOR", {"CONSULT", "ACCUSE"}),  # a country code
    ("niinisto", {"SUPPORT"}),  # accents ignored
    ("FIN:GOV", {"SUPPORT", "THREATEN", "REJECT", "CONSULT"}),
    (":MIL", {"COOPERATE"}),
    ("nobody at all", set()),
])
def test_actor_filter(store, spec, expected):
    assert set(types(query.events(store, actor=spec))) == expected


def test_recipient_filter_and_both_together(store):
    assert set(types(query.events(store, recipient="Norway"))) == {"SUPPORT", "THREATEN", "REJECT"}
    assert types(query.events(store, actor="EST", recipient="FIN")) == ["COOPERATE"]
    assert types(query.events(store, actor="FIN", recipient="FIN")) == []


def test_type_filter_takes_one_type_or_a_comma_list_in_any_case(store):
    assert set(types(query.events(store, type="accuse"))) == {"ACCUSE"}
    assert set(types(query.events(store, type="ACCUSE, reject"))) == {"ACCUSE", "REJECT"}
    with pytest.raises(NewsgraphError) as err:
        query.events(store, type="ACCUSE,GOSSIP")
    assert err.value.code == "E020" and "GOSSIP" in err.value.line()


def test_date_filters_keep_events_whose_window_overlaps(store):
    july = query.events(store, date_from="2021-07", date_to="2021-07")
    assert set(types(july)) == {"CONSULT", "ACCUSE"}
    assert set(types(query.events(store, date_from="2021-08-25"))) == {"COOPERATE", "REJECT"}  # month-dated
    assert set(types(query.events(store, date_to="2021-07-08"))) == {"CONSULT"}
    assert len(list(query.events(store, date_from="2021", date_to="2021"))) == 7


@pytest.mark.parametrize("bad", ["July", "2021-13", "2021-02-30", "20210708", "21-07-08"])
def test_a_bad_date_is_a_clear_error(store, bad):
    with pytest.raises(NewsgraphError) as err:
        query.events(store, date_from=bad)
    assert err.value.code == "E019" and bad in err.value.line() and "--from" in err.value.line()


def test_limit_and_source(store):
    assert len(list(query.events(store, limit=2))) == 2
    assert set(types(query.events(store, source="baltic"))) == {"CONSULT", "COOPERATE"}


def test_auxiliary_flags(store):
    by_type = {r["type"]: r for r in query.events(store)}
    assert by_type["THREATEN"]["negated"] is True and by_type["COOPERATE"]["future"] is True
    assert by_type["ACCUSE"]["negated"] is False


def test_actors_with_their_counts(store):
    rows = {(r["name"], r["sector"]): r for r in query.actors(store)}
    assert set(rows) == {("Norway", "GOV"), ("Finland", "GOV"), ("Estonian army", "MIL"), ("Sauli Niinistö", "GOV")}
    assert (rows[("Norway", "GOV")]["events"], rows[("Norway", "GOV")]["as_recipient"]) == (3, 3)
    assert (rows[("Finland", "GOV")]["events"], rows[("Finland", "GOV")]["as_recipient"]) == (3, 3)
    assert rows[("Sauli Niinistö", "GOV")]["type"] == "person"
    assert [r["name"] for r in query.actors(store, country="fin")] == ["Finland", "Sauli Niinistö"]
    assert [r["name"] for r in query.actors(store, sector="MIL")] == ["Estonian army"]
    assert [r["name"] for r in query.actors(store, name="niinisto")] == ["Sauli Niinistö"]
    assert len(list(query.actors(store, limit=1))) == 1
