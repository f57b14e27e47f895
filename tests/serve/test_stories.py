"""Stories, their provenance (copies), and statements over HTTP."""
from __future__ import annotations

from .helpers import items


def test_the_example_corpus_is_one_story_with_its_two_copies(client):
    stories = items(client.get("/api/stories"))
    assert len(stories) == 1 and stories[0]["documents"] == 7
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert len(story["members"]) == 7 and story["independent"] == 5
    assert sorted(c["kind"] for c in story["copies"]) == ["spun", "translated"]
    members = {m["id"] for m in story["members"]}
    assert all(c["document_id"] in members and c["original_id"] in members for c in story["copies"])
    assert len(story["publishers"]) >= 5
    assert client.get("/api/stories/4242").status_code == 404


def test_copies_filter_by_kind(client):
    assert [c["kind"] for c in items(client.get("/api/copies", params={"kind": "spun"}))] == ["spun"]
    assert client.get("/api/copies", params={"kind": "stolen"}).json()["error"] == "E023"


def test_copy_spans_are_inside_both_documents(client):
    for pair in items(client.get("/api/copies")):
        copy = client.get(f"/api/documents/{pair['document_id']}").json()["text"]
        original = client.get(f"/api/documents/{pair['original_id']}").json()["text"]
        assert pair["spans"]
        for cs, ce, os_, oe in pair["spans"]:
            assert 0 <= cs < ce <= len(copy) and 0 <= os_ < oe <= len(original)


def test_statements_by_independent_sources(client):
    two = client.get("/api/statements", params={"min_sources": 2, "limit": 500}).json()
    assert two["total"] > 0 and all(s["sources"] >= 2 for s in two["items"])
    assert two["total"] < client.get("/api/statements").json()["total"]
    assert all(len(s["quotes"]) == s["reports"] for s in two["items"])
