"""Events, actors, the network and relations over HTTP."""
from __future__ import annotations

from .helpers import items, raw_text


def test_events_with_evidence_that_slices_the_article(client):
    events = items(client.get("/api/events", params={"limit": 500}))
    assert events
    for event in events:
        assert event["quad"] in (1, 2, 3, 4)
        for ev in event["evidence"]:
            text = raw_text(client, ev["document"])
            assert text[ev["start"]:ev["end"]] == ev["text"]
            assert ev["start"] <= ev["trigger_start"] < ev["trigger_end"] <= ev["end"]


def test_events_filters(client):
    events = items(client.get("/api/events", params={"limit": 500}))
    kind = events[0]["type"]
    typed = items(client.get("/api/events", params={"type": kind.lower(), "limit": 500}))
    assert typed and all(e["type"] == kind for e in typed)
    country = next(a["country"] for e in events for a in e["actor"] if a["country"])
    by_actor = items(client.get("/api/events", params={"actor": country, "limit": 500}))
    assert by_actor and all(any(a["country"] == country for a in e["actor"]) for e in by_actor)
    doc = events[0]["evidence"][0]["document"]
    assert events[0]["id"] in [e["id"] for e in items(client.get("/api/events", params={"document": doc}))]


def test_bad_event_type_is_a_400(client):
    response = client.get("/api/events", params={"type": "CONSULT,PARTY"})
    assert response.status_code == 400 and response.json()["error"] == "E020"


def test_actors_most_active_first(client):
    actors = items(client.get("/api/actors"))
    activity = [a["events"] + a["as_recipient"] for a in actors]
    assert activity == sorted(activity, reverse=True) and activity[0] > 0


def test_network_edges_join_listed_nodes_and_split_into_cooperation_and_conflict(client):
    net = client.get("/api/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"]
    for edge in net["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
        assert edge["cooperation"] + edge["conflict"] == edge["events"]


def test_relation_between_two_actors_of_an_edge(client):
    net = client.get("/api/network").json()
    names = {n["id"]: n for n in net["nodes"]}
    edge = net["edges"][0]
    a, b = names[edge["source"]]["name"], names[edge["target"]]["name"]
    relation = client.get("/api/relations", params={"a": a, "b": b}).json()
    assert relation["events"] and relation["events"][0]["direction"] in ("A->B", "B->A", "A+B")
    assert relation["events"][0]["evidence"]
    placed = sum(p["count"] for p in relation["series"])
    assert placed + relation["unplaced"] + relation["left_out"] == relation["total"] == len(relation["events"])
    weekly = client.get("/api/relations", params={"a": a, "b": b, "by": "week"}).json()
    assert all("-W" in p["period"] for p in weekly["series"])
    assert client.get("/api/relations", params={"a": a, "b": b, "by": "day"}).status_code == 422
    rest = client.get("/api/relations", params={"a": a, "b": b, "offset": 1}).json()
    assert rest["total"] == relation["total"] and len(rest["events"]) == relation["total"] - 1


def test_relation_of_unknown_actors_is_empty_not_an_error(client):
    relation = client.get("/api/relations", params={"a": "zzzz", "b": "yyyy"}).json()
    assert relation["events"] == [] and relation["series"] == []
