"""A document is one appearance of a text, (source, content): the same text from other sources is
kept as documents of their own (exact copies, analysis reused, one independent source), the same
source with a new text is a new version, and re-reading changes nothing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .ingest_helpers import article, rows, table_counts
from newsgraph import api, query
from newsgraph.pipeline import reuse
from newsgraph.store.sqlite import Store


def wire(path: Path, text: str, outlets: int, published: str = "2025-03-12", first: int = 0) -> Path:
    """One wire story carried by ``outlets`` publishers, one JSONL record each."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(first, first + outlets):
            f.write(json.dumps({"text": text, "url": f"https://outlet{i}.example/wire", "publisher": f"Outlet {i}",
                                "published": published, "title": f"Headline at outlet {i}"}) + "\n")
    return path


def story_text() -> str:
    events = ("Norway's foreign minister met the Swedish prime minister in Oslo on Monday to discuss the ferry "
              "line. Sweden accused Norway of delaying the flood barrier.")
    return "\n\n".join([article(3, quotes=3), events, article(4, quotes=3)])


@pytest.fixture(scope="module")
def wire_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wire")
    db = folder / "wire.db"
    report = api.ingest([wire(folder / "wire.jsonl", story_text(), 10)], db=db, workers=1, progress=False)
    assert (report.added, report.copies) == (10, 9)
    return db


def test_ten_outlets_one_wire_story_are_ten_documents_ten_publishers_one_source(wire_db):
    assert rows(wire_db, "SELECT COUNT(*), COUNT(DISTINCT publisher), COUNT(DISTINCT content_hash) FROM documents") \
        == [(10, 10, 1)]
    events = rows(wire_db, "SELECT reports, publishers, sources FROM events")
    assert events and all(e == (10, 10, 1) for e in events)
    statements = rows(wire_db, "SELECT reports, sources FROM statements")
    assert statements and all(s == (10, 1) for s in statements)
    assert rows(wire_db, "SELECT COUNT(*), SUM(documents) FROM stories") == [(1, 10)]
    # every copy points at the first outlet's document, exactly
    assert rows(wire_db, """SELECT c.kind, COUNT(*), COUNT(DISTINCT c.original_id) FROM copies c""") == [("exact", 9, 1)]


def test_copies_carry_their_own_metadata_and_the_same_quotations(wire_db):
    docs = {d["source"].rsplit("#", 1)[1]: d for d in api.documents(wire_db)}
    assert docs["L4"]["publisher"] == "Outlet 3" and docs["L4"]["title"] == "Headline at outlet 3"
    by_doc: dict[str, list] = {}
    for q in api.quotes(wire_db):
        by_doc.setdefault(q["source"], []).append((q["start"], q["end"], q["speaker"], q["kind"]))
    assert len(by_doc) == 10
    first = sorted(next(iter(by_doc.values())))
    assert first and all(sorted(v) == first for v in by_doc.values())
    log = rows(wire_db, "SELECT message FROM ingest_log WHERE status = 'ok' AND message LIKE 'exact copy of %'")
    assert len(log) == 9


def test_rerun_over_the_outlets_changes_nothing(wire_db, tmp_path):
    folder = Path(rows(wire_db, "SELECT source FROM documents LIMIT 1")[0][0].split("#")[0]).parent
    before = table_counts(wire_db)
    report = api.ingest([folder / "wire.jsonl"], db=wire_db, workers=1, progress=False)
    assert (report.added, report.already_stored) == (0, 10)
    assert table_counts(wire_db) == before


def test_copy_met_in_a_later_run_reuses_the_stored_analysis_without_parsing(tmp_path, monkeypatch):
    db = tmp_path / "later.db"
    api.ingest([wire(tmp_path / "one.jsonl", story_text(), 1)], db=db, workers=1, progress=False)
    import newsgraph.annotate.spacy_model as spacy_model

    parsed: list[str] = []
    real = spacy_model.annotate_documents

    def spy(docs, *args, **kwargs):
        for doc in real(docs, *args, **kwargs):
            if doc.spacy is not None:
                parsed.append(doc.source)
            yield doc

    monkeypatch.setattr("newsgraph.pipeline.stages.annotate_documents", spy)
    report = api.ingest([wire(tmp_path / "two.jsonl", story_text(), 3, first=1)], db=db, workers=1, progress=False)
    assert (report.added, report.copies) == (3, 3) and parsed == []
    assert report.quotes == 3 * rows(db, "SELECT COUNT(*) FROM quotes WHERE document_id = "
                                         "(SELECT id FROM documents ORDER BY rowid LIMIT 1)")[0][0] > 0


def test_copy_with_another_date_is_parsed_not_given_the_originals_dates(tmp_path):
    db = tmp_path / "dates.db"
    api.ingest([wire(tmp_path / "a.jsonl", story_text(), 1, published="2025-03-12")], db=db, workers=1,
               progress=False)
    report = api.ingest([wire(tmp_path / "b.jsonl", story_text(), 1, published="2025-04-02", first=5)], db=db,
                        workers=1, progress=False)
    assert (report.added, report.copies) == (1, 0)  # stored, parsed again, still linked as an exact copy
    assert rows(db, "SELECT kind FROM copies") == [("exact",)]
    assert rows(db, "SELECT COUNT(DISTINCT published) FROM documents") == [(2,)]


def test_same_source_with_a_new_text_is_a_new_version(tmp_path):
    db = tmp_path / "versions.db"
    path = tmp_path / "story.txt"
    path.write_text(article(11))
    api.ingest([path], db=db, workers=1, progress=False)
    path.write_text(article(11) + "\nCorrection: an earlier version misstated the cost of the project.\n")
    report = api.ingest([path], db=db, workers=1, progress=False)
    assert (report.added, report.versions) == (1, 1)
    docs = list(api.documents(db))
    assert len(docs) == 2
    old, new = sorted(docs, key=lambda d: d["version_of"] is not None)
    assert new["version_of"] == old["id"] and new["current"] and not old["current"]
    with Store(db, readonly=True) as store:
        assert [d["id"] for d in query.documents(store, current=True)] == [new["id"]]
    again = api.ingest([path], db=db, workers=1, progress=False)
    assert (again.added, again.already_stored) == (0, 1)


def test_the_api_says_which_version_is_current(tmp_path):
    from fastapi.testclient import TestClient

    db = tmp_path / "api.db"
    path = tmp_path / "story.txt"
    path.write_text(article(12))
    api.ingest([path], db=db, workers=1, progress=False, pipeline=("clean", "language"))
    path.write_text(article(13))
    api.ingest([path], db=db, workers=1, progress=False, pipeline=("clean", "language"))
    client = TestClient(api.app(db))
    items = client.get("/api/documents").json()["items"]
    assert sorted(i["current"] for i in items) == [False, True]
    old = next(i for i in items if not i["current"])
    assert old["superseded_by"] == next(i["id"] for i in items if i["current"])
    assert client.get("/api/documents?current=true").json()["total"] == 1


def test_fits_needs_the_same_ranges_and_dates(tmp_path):
    db = tmp_path / "fits.db"
    api.ingest([wire(tmp_path / "a.jsonl", story_text(), 1)], db=db, workers=1, progress=False,
               pipeline=("clean", "language"))
    from newsgraph.clean import clean
    from newsgraph.read import read_paths
    from newsgraph.settings import Settings

    doc = next(read_paths([wire(tmp_path / "b.jsonl", story_text(), 1, first=2)], Settings()))
    clean(doc)
    doc.language = "en"
    with Store(db) as store:
        doc.reuse_of = store.holder_of(doc.content_hash)
        assert reuse.fits(store, doc)
        doc.published = "2025-03-13"
        assert not reuse.fits(store, doc)
