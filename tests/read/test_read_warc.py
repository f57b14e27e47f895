"""WARC archives: which records become documents, sources and URLs, damage and limits."""
from __future__ import annotations

import gzip as gzip_module

import pytest

from newsgraph.model import Document, Problem
from newsgraph.settings import Settings


def archive(warc_bytes, page, paragraphs, gzip=True) -> bytes:
    french = "Le maire a déclaré que la ligne ouvrira au printemps, malgré deux années de retards à Genève."
    return warc_bytes([
        {"type": "warcinfo"},                                                           # 1
        {"type": "request", "uri": "https://example.org/ferry"},                        # 2
        {"type": "response", "uri": "https://example.org/ferry",                        # 3
         "content_type": "text/html; charset=utf-8", "body": page("Ferry line", paragraphs).encode()},
        {"type": "response", "uri": "https://example.org/logo.png",                     # 4
         "content_type": "image/png", "body": b"\x89PNG\r\n\x1a\n\x00\x00"},
        {"type": "response", "uri": "https://example.org/gone", "status": "404 Not Found",  # 5
         "content_type": "text/html", "body": page("Not found", paragraphs).encode()},
        {"type": "resource", "uri": "https://example.org/notes.txt",                    # 6
         "content_type": "text/plain", "body": "Plain resource text.\r\nSecond line.".encode()},
        {"type": "conversion", "uri": "https://example.org/fr",                         # 7
         "content_type": "text/plain; charset=windows-1252", "body": french.encode("cp1252")},
        {"type": "response", "uri": "https://example.org/fr.html",                      # 8
         "content_type": "text/html; charset=ISO-8859-1",
         "body": page("Fähre", [french] + paragraphs).encode("cp1252")},
    ], gzip=gzip)


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_records(read, tmp_path, warc_bytes, page, paragraphs, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(archive(warc_bytes, page, paragraphs, gzip))
    items = read(path)
    assert all(isinstance(x, Document) for x in items), items
    assert [x.source for x in items] == [f"{path}#3", f"{path}#6", f"{path}#7", f"{path}#8"]
    html, resource, conversion, latin = items
    assert {x.format for x in items} == {"warc"}
    assert html.url == "https://example.org/ferry" and html.title == "Ferry line"
    assert f"{paragraphs[0]}\n\n{paragraphs[1]}" in html.text
    assert "First! Totally disagree" not in html.text
    assert resource.text == "Plain resource text.\nSecond line."
    assert resource.url == "https://example.org/notes.txt"
    assert conversion.text.startswith("Le maire a déclaré") and conversion.encoding == "cp1252"
    assert "Genève" in latin.text and latin.title == "Fähre"


def test_truncated_warc_keeps_earlier_records(read, tmp_path, warc_bytes, page, paragraphs):
    data = archive(warc_bytes, page, paragraphs, gzip=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 40])  # inside the last record
    items = read(path)
    assert [type(x) for x in items] == [Document, Document, Document, Problem]
    assert [x.source for x in items[:3]] == [f"{path}#3", f"{path}#6", f"{path}#7"]
    assert items[-1].code == "E008" and items[-1].source == str(path)


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_cut_at_any_point_never_raises(read, tmp_path, warc_bytes, page, paragraphs, gzip):
    data = archive(warc_bytes, page, paragraphs, gzip=gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    seen_problem = 0
    for cut in range(1, len(data), max(1, len(data) // 60)):
        path.write_bytes(data[:cut])
        items = read(path)
        docs = [x for x in items if isinstance(x, Document)]
        assert len(docs) <= 4
        assert all(isinstance(x, Document) for x in items[:-1])  # at most one problem, last
        seen_problem += isinstance(items[-1], Problem) if items else 0
    assert seen_problem > 30


def test_corrupted_middle_of_gzip(read, tmp_path, warc_bytes, page, paragraphs):
    data = bytearray(archive(warc_bytes, page, paragraphs, gzip=True))
    middle = len(data) * 3 // 4
    data[middle:middle + 8] = b"\xff" * 8
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    items = read(path)
    assert isinstance(items[0], Document) and items[0].source == f"{path}#3"
    assert isinstance(items[-1], Problem) and items[-1].code == "E008"


def test_not_a_warc(read, tmp_path):
    plain = tmp_path / "fake.warc"
    plain.write_bytes(b"This is a note, not an archive.\n\nIt has two lines.\n")
    gz = tmp_path / "fake.warc.gz"
    gz.write_bytes(gzip_module.compress(b"Just some text, gzipped.\n"))
    for path in (plain, gz):
        (problem,) = read(path)
        assert problem.code == "E008", problem


def test_large_record_is_a_problem_rest_go_on(read, tmp_path, warc_bytes):
    data = warc_bytes([
        {"type": "resource", "uri": "u:1", "body": b"Small text one."},
        {"type": "resource", "uri": "u:2", "body": b"big " * 3000},
        {"type": "resource", "uri": "u:3", "body": b"Small text three."},
    ])
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(data)
    items = read(path, settings=Settings(max_mb=0.005))
    assert [type(x) for x in items] == [Document, Problem, Document]
    assert items[1].code == "E005" and items[1].source == f"{path}#2"
    assert items[2].text == "Small text three."


def test_empty_and_binary_records(read, tmp_path, warc_bytes):
    data = warc_bytes([
        {"type": "resource", "uri": "u:1", "body": b"   \n "},
        {"type": "resource", "uri": "u:2", "body": b"\x00\x01\x02\x03" * 50},
        {"type": "resource", "uri": "u:3", "body": b"Fine text."},
    ])
    path = tmp_path / "odd.warc"
    path.write_bytes(data)
    items = read(path)
    assert [getattr(x, "code", "doc") for x in items] == ["E002", "E003", "doc"]


def test_empty_warc_file(read, tmp_path):
    path = tmp_path / "nothing.warc.gz"
    path.write_bytes(b"")
    (problem,) = read(path)
    assert problem.code == "E002"
