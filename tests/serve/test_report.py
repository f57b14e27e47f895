"""The shareable report: one HTML file, assets and data inside, no external reference."""
from __future__ import annotations

import json
import re

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.serve.report import write_report

SNAPSHOT = re.compile(r"<script>window\.NEWSGRAPH_SNAPSHOT = (.*?);</script>", re.S)


@pytest.fixture(scope="module")
def report(example_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "story.html"
    figures = write_report(example_db, out)
    return out, figures, out.read_text(encoding="utf-8")


def test_report_holds_the_data_the_api_serves(report, client):
    _, figures, html = report
    data = json.loads(SNAPSHOT.search(html).group(1))
    summary = client.get("/api/summary").json()
    assert data["summary"] == summary
    assert len(data["documents"]) == figures["documents"] == 7
    assert len(data["quotes"]) == summary["quotes"] and len(data["events"]) == summary["events"]
    assert set(data["document"]) == {d["id"] for d in data["documents"]}
    for q in data["quotes"]:  # each quotation once, in the list; the page puts them back in their document
        doc = data["document"][q["document_id"]]
        assert doc["text"][q["start"]:q["end"]] == q["text"]
    assert "quotations" not in next(iter(data["document"].values()))
    speakers = {q["speaker_id"] for q in data["quotes"]}
    assert {p["id"] for p in data["people"]} == speakers - {None}
    story = next(iter(data["story"].values()))
    assert sorted(c["kind"] for c in story["copies"]) == ["spun", "translated"]
    assert data["truncated"] is False


def test_report_is_self_contained(report):
    _, _, html = report
    assert "<style>" in html and "static/" not in html
    external = re.findall(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""",
                          html, re.I)
    assert external == []
    assert not re.search(r"@import|url\(\s*['\"]?https?:", html)
    body = SNAPSHOT.search(html).group(1)
    assert "</script" not in body.lower() and "<!--" not in body


def test_report_keeps_only_the_newest_documents_when_asked(example_db, tmp_path):
    out = tmp_path / "small.html"
    figures = write_report(example_db, out, max_documents=2)
    data = json.loads(SNAPSHOT.search(out.read_text(encoding="utf-8")).group(1))
    kept = {d["id"] for d in data["documents"]}
    assert figures["documents"] == 2 and data["truncated"] is True
    assert all(q["document_id"] in kept for q in data["quotes"])
    assert all(q["document_id"] in kept for s in data["statements"] for q in s["quotes"])
    assert all(any(ev["document"] in kept for ev in e["evidence"]) for e in data["events"])


def test_an_unwritable_report_fails_in_one_line_and_leaves_nothing(example_db, tmp_path):
    out = tmp_path / "no-such-folder" / "r.html"
    with pytest.raises(NewsgraphError) as err:
        write_report(example_db, out)
    assert err.value.code == "E018"
    assert not out.parent.exists()


def test_python_api_writes_the_same_report(example_db, tmp_path):
    from newsgraph import api

    figures = api.report(tmp_path / "api.html", db=example_db, max_documents=3)
    assert figures["documents"] == 3 and (tmp_path / "api.html").is_file()
    assert api.app(db=example_db).title == "newsgraph"
