"""The application as a whole: health, the UI at /, read-only by default, malformed requests."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import NewsgraphError
from newsgraph.serve.app import create_app

from .helpers import items


def test_health_and_summary(client):
    health = client.get("/api/health").json()
    assert health == {"status": "ok", "schema_version": health["schema_version"], "documents": 7, "writable": False}
    summary = client.get("/api/summary").json()
    assert summary["documents"] == 7 and summary["copies"] == 2 and summary["first"] <= summary["last"]


def test_the_ui_and_the_api_description_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert client.get("/static/app.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/quotes", "/api/events", "/api/search", "/api/stories/{story_id}"} <= set(spec["paths"])


def test_read_only_by_default(client):
    doc = items(client.get("/api/documents"))[0]
    response = client.delete(f"/api/documents/{doc['id']}")
    assert response.status_code == 403 and "read-only" in response.json()["message"]
    assert client.get(f"/api/documents/{doc['id']}").status_code == 200
    assert client.post("/api/documents").status_code == 405


def test_writable_server_deletes_a_document_and_all_derived_from_it(example_db, tmp_path):
    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    with TestClient(create_app(str(db), writable=True)) as c:
        doc = next(d for d in items(c.get("/api/documents")) if d["quotes"])
        assert c.delete(f"/api/documents/{doc['id']}").status_code == 204
        assert c.get(f"/api/documents/{doc['id']}").status_code == 404
        assert c.get("/api/quotes", params={"document": doc["id"]}).json()["total"] == 0
        assert c.delete(f"/api/documents/{doc['id']}").status_code == 404
        assert c.get("/api/health").json()["documents"] == 6


def test_a_missing_database_fails_at_start_in_one_line(tmp_path):
    with pytest.raises(NewsgraphError) as err:
        create_app(str(tmp_path / "none.db"))
    assert err.value.code == "E001"


MALFORMED = [
    "/api/documents?limit=abc", "/api/documents?limit=-1", "/api/documents?limit=100000",
    "/api/documents?offset=99999999999999999999999", "/api/documents?story=x", "/api/documents?date_from=2021-13-45",
    "/api/documents?date_from=%00", "/api/people/abc", "/api/people/-5", "/api/people/99999999999999999999999",
    "/api/quotes?speaker_id=1.5", "/api/events?type=ALL",
    "/api/events?date_to=9999-99", "/api/network?edges=0", "/api/relations", "/api/relations?a=&b=",
    "/api/relations?a=KEN&b=TZA&limit=0", "/api/relations?a=KEN&b=TZA&offset=-1", "/api/stories/%F0%9F%98%80", "/api/copies?kind=%00",
    "/api/statements?min_sources=0", "/api/search?q=x&limit=0", "/api/documents/%2e%2e",
    "/api/nothing-here", "/static/../../etc/passwd",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_requests_get_a_4xx_never_a_500(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code, response.text)
    if url.startswith("/api/"):
        body = response.json()
        assert body.get("error") and body.get("message")


ODD = ["/api/quotes?q=%22%22%22", "/api/events?type=%2C%2C", "/api/events?actor=%25%5F", "/api/search?q=%ff%fe",
       "/api/people?name=%25", "/api/documents?source=%5C", "/api/relations?a=%25&b=_"]


@pytest.mark.parametrize("url", ODD)
def test_odd_but_valid_requests_are_answered(client, url):
    assert client.get(url).status_code == 200
