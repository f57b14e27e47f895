"""People and quotations over HTTP: counts, filters by name or alias, offsets."""
from __future__ import annotations

from .helpers import items, raw_text


def test_people_most_quoted_first(client):
    people = items(client.get("/api/people"))
    counts = [p["quote_count"] for p in people]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1


def test_people_filter_by_alias_and_country(client):
    top = items(client.get("/api/people"))[0]
    surname = top["aliases"][-1] if top["aliases"] else top["name"].split()[-1]
    found = items(client.get("/api/people", params={"name": surname.lower()}))
    assert top["id"] in [p["id"] for p in found]
    if top["country"]:
        assert all(p["country"] == top["country"]
                   for p in items(client.get("/api/people", params={"country": top["country"].lower()})))


def test_person_has_all_their_quotations(client):
    top = items(client.get("/api/people"))[0]
    person = client.get(f"/api/people/{top['id']}").json()
    assert len(person["quotes"]) == top["quote_count"]
    assert all(q["speaker_id"] == top["id"] for q in person["quotes"])
    assert client.get("/api/people/999999").status_code == 404


def test_quotes_filters_and_offsets(client):
    top = items(client.get("/api/people"))[0]
    by_name = client.get("/api/quotes", params={"speaker": top["name"], "limit": 500}).json()
    assert by_name["total"] >= top["quote_count"]
    by_id = items(client.get("/api/quotes", params={"speaker_id": top["id"], "limit": 500}))
    assert len(by_id) == top["quote_count"]
    quote = by_id[0]
    assert raw_text(client, quote["document_id"])[quote["start"]:quote["end"]] == quote["text"]
    direct = items(client.get("/api/quotes", params={"kind": "direct", "limit": 500}))
    assert direct and all(q["kind"] == "direct" for q in direct)
    assert client.get("/api/quotes", params={"kind": "sung"}).status_code == 422


def test_quotes_word_search(client):
    quote = items(client.get("/api/quotes", params={"kind": "direct"}))[0]
    word = max(quote["text"].split(), key=len).strip(".,;:!?\"'“”‘’")
    found = items(client.get("/api/quotes", params={"q": word, "limit": 500}))
    assert quote["id"] in [q["id"] for q in found]
    assert all(word.lower()[:4] in q["text"].lower() for q in found)


def test_a_name_typed_without_accents_finds_the_accented_one(example_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from newsgraph.serve.app import create_app
    from newsgraph.store.sqlite import Store

    db = tmp_path / "accents.db"
    shutil.copy(example_db, db)
    with Store(db) as store:
        person = store.db.execute("SELECT id, name FROM people WHERE type = 'person' LIMIT 1").fetchone()
        surname = person["name"].split()[-1]
        accented = surname[:-1] + {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}.get(surname[-1], surname[-1] + "́")
        store.rename_person(person["id"], person["name"].replace(surname, accented))
        store.db.execute("UPDATE people SET aliases = '[]' WHERE id = ?", (person["id"],))  # only its keys are left
    with TestClient(create_app(str(db))) as c:
        assert person["id"] in [p["id"] for p in items(c.get("/api/people", params={"name": surname}))]
        assert c.get("/api/quotes", params={"speaker": surname}).json()["total"] > 0


def test_person_lists_its_source_documents_with_what_each_said(client):
    top = items(client.get("/api/people"))[0]
    person = client.get(f"/api/people/{top['id']}").json()
    assert len(person["sources"]) == person["documents"] >= 1
    ids = {d["id"] for d in items(client.get("/api/documents", params={"limit": 200}))}
    for s in person["sources"]:
        assert s["document_id"] in ids and s["name"]
        assert {"party", "office", "country", "roles", "published"} <= set(s)
    assert {"party", "office"} <= set(person)
