"""Documents over HTTP: pages, filters, and one document whole with offsets that slice its raw text."""
from __future__ import annotations

from .helpers import items


def test_documents_page_through_everything_once(client):
    first = client.get("/api/documents", params={"limit": 3}).json()
    assert first["total"] == 7 and len(first["items"]) == 3
    seen = [d["id"] for offset in range(0, 7, 3)
            for d in items(client.get("/api/documents", params={"limit": 3, "offset": offset}))]
    assert len(seen) == 7 == len(set(seen))
    assert items(client.get("/api/documents", params={"offset": 7})) == []


def test_documents_are_newest_first_and_carry_counts(client):
    docs = items(client.get("/api/documents"))
    dated = [d["published"] for d in docs if d["published"]]
    assert dated == sorted(dated, reverse=True)
    assert sum(d["quotes"] for d in docs) == client.get("/api/summary").json()["quotes"]
    assert all(d["story"] is not None for d in docs)
    assert sorted(c["kind"] for d in docs for c in d["copy_of"]) == ["spun", "translated"]


def test_documents_filters(client):
    docs = items(client.get("/api/documents"))
    publisher = docs[0]["publisher"]
    only = items(client.get("/api/documents", params={"publisher": publisher}))
    assert only and all(d["publisher"] == publisher for d in only)
    day = docs[-1]["published"] or docs[0]["published"]
    later = items(client.get("/api/documents", params={"date_from": day}))
    assert later and all(d["published"] >= day for d in later)
    assert items(client.get("/api/documents", params={"date_from": "2999"})) == []
    story = docs[0]["story"]
    assert len(items(client.get("/api/documents", params={"story": story}))) == 7
    assert items(client.get("/api/documents", params={"source": "no-such-path"})) == []
    assert items(client.get("/api/documents", params={"source": "%"})) == []  # LIKE wildcards are literal
    assert items(client.get("/api/people", params={"name": "_"})) == []


def test_document_offsets_slice_the_raw_text(client):
    for summary in items(client.get("/api/documents")):
        doc = client.get(f"/api/documents/{summary['id']}").json()
        text = doc["text"]
        for q in doc["quotations"]:
            assert text[q["start"]:q["end"]] == q["text"]
            if q["speaker_start"] is not None:
                assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"]
        for r in doc["event_reports"]:
            assert text[r["start"]:r["end"]] == r["text"]
            assert text[r["trigger_start"]:r["trigger_end"]] == r["trigger"]
        for start, end, reason in doc["removed"]:
            assert 0 <= start < end <= len(text) and reason
        for start, end in doc["kept"]:
            assert 0 <= start < end <= len(text)


def test_a_copy_is_listed_from_both_sides(client):
    docs = items(client.get("/api/documents"))
    copy = next(d for d in docs if d["copy_of"])
    original = client.get(f"/api/documents/{copy['copy_of'][0]['document_id']}").json()
    assert copy["id"] in [c["document_id"] for c in original["copied_by"]]


def test_unknown_document_is_a_404_with_a_message(client):
    response = client.get("/api/documents/0123456789abcdef")
    assert response.status_code == 404
    assert response.json()["error"] == "E404" and "0123456789abcdef" in response.json()["message"]


def test_bad_date_is_a_400_with_the_cli_code(client):
    response = client.get("/api/documents", params={"date_to": "last week"})
    assert response.status_code == 400 and response.json()["error"] == "E019"
