"""JSON Lines: one article per line, bad lines reported, the rest read."""
from __future__ import annotations

import json

import pytest

from newsgraph.model import Document, Problem
from newsgraph.settings import Settings


def lines(*records) -> bytes:
    out = []
    for r in records:
        out.append(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode("utf-8")


def test_jsonl_records_and_bad_lines(read, tmp_path, page, paragraphs):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(lines(
        {"text": "The bakery on Mill Street reopened.\r\nQueues formed early.", "url": "https://example.org/a",
         "title": "Bakery reopens", "published": "2021-09-07T08:00:00+02:00", "publisher": "Town News",
         "author": ["A. Writer", "B. Writer"]},
        '{"text": "broken json',
        "",
        "[1, 2, 3]",
        {"title": "no body here"},
        {"text": "   "},
        {"html": page("Ferry line to open", paragraphs), "url": "https://example.org/ferry", "publisher": "Gazette"},
        {"text": "Last line still read.", "published": "7 September 2021"},
    ))
    items = read(path)
    kinds = [(type(x).__name__, x.source.rsplit("#", 1)[1]) for x in items]
    assert kinds == [
        ("Document", "L1"), ("Problem", "L2"), ("Problem", "L4"), ("Problem", "L5"),
        ("Problem", "L6"), ("Document", "L7"), ("Document", "L8"),
    ]
    first, html_doc, last = [x for x in items if isinstance(x, Document)]
    assert first.source == f"{path}#L1" and first.format == "jsonl"
    assert first.text == "The bakery on Mill Street reopened.\nQueues formed early."
    assert (first.url, first.title, first.publisher) == ("https://example.org/a", "Bakery reopens", "Town News")
    assert first.published == "2021-09-07"
    assert first.author == "A. Writer, B. Writer"
    codes = [x.code for x in items if isinstance(x, Problem)]
    assert codes == ["E006", "E006", "E007", "E002"]
    assert "line 2" in items[1].message
    assert paragraphs[1] in html_doc.text and "First! Totally disagree" not in html_doc.text
    assert html_doc.title == "Ferry line to open"
    assert (html_doc.url, html_doc.publisher) == ("https://example.org/ferry", "Gazette")
    assert last.published == "2021-09-07"


def test_jsonl_long_line_skipped_rest_read(read, tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(lines(
        {"text": "Short article one."},
        {"text": "x " * 5000},  # ~10 kB, over a 0.005 MB limit
        {"text": "Short article three."},
    ))
    items = read(path, settings=Settings(max_mb=0.005))
    assert [type(x) for x in items] == [Document, Problem, Document]
    assert items[1].code == "E005" and items[1].source == f"{path}#L2"
    assert items[2].text == "Short article three."


def test_jsonl_bom_and_no_final_newline(read, tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "Caf\u00e9 opens."}).encode() + b"\n"
                     + json.dumps({"text": "Second."}).encode())
    items = read(path)
    assert [x.text for x in items] == ["Café opens.", "Second."]


def test_same_text_in_two_lines_same_id(read, tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_bytes(lines({"text": "Copied story.", "url": "a"}, {"text": "Copied story.", "url": "b"}))
    a, b = read(path)
    assert a.id == b.id and a.source != b.source


def test_jsonl_odd_lines(read, tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(
        json.dumps({"text": 42}).encode() + b"\n"
        + '{"text": "Caf\u00e9 cr\u00e8me \u201cnoted\u201d in the caf\u00e9 district of the city."}'.encode("cp1252") + b"\n"
        + json.dumps({"text": "Fine."}).encode() + b"\n"
    )
    items = read(path)
    assert [getattr(x, "code", "doc") for x in items] == ["E007", "doc", "doc"]
    assert items[1].text == "Café crème “noted” in the café district of the city."
    assert items[1].encoding == "cp1252"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_jsonl_in_utf16_and_utf32_with_a_bom(read, tmp_path, page, paragraphs, codec):
    records = [{"text": "Der Bürgermeister sagte: „Die Fähre fährt ab März.“\nZweite Zeile.", "title": "Fähre"},
               '{"text": broken',
               {"html": page("Ferry line to open", paragraphs)},
               {"text": "Last line, no newline after it."}]
    data = lines(*records).decode("utf-8").rstrip("\n")
    bom = "\ufeff" if codec[-3:] in ("-le", "-be") else ""
    path = tmp_path / "wide.jsonl"
    path.write_bytes((bom + data).encode(codec))
    items = read(path)
    assert [(x.source.rsplit("#", 1)[1], getattr(x, "code", "doc")) for x in items] == [
        ("L1", "doc"), ("L2", "E006"), ("L3", "doc"), ("L4", "doc")]
    first, _, html_doc, last = items
    assert first.text == records[0]["text"] and first.title == "Fähre"
    assert paragraphs[1] in html_doc.text
    assert last.text == "Last line, no newline after it."
    assert {first.encoding, html_doc.encoding, last.encoding} == {codec[:6]}


def test_jsonl_in_utf16_cut_mid_character(read, tmp_path):
    path = tmp_path / "cut.jsonl"
    data = lines({"text": "First article, whole."}, {"text": "Second article, cut."}).decode("utf-8")
    path.write_bytes(data.encode("utf-16")[:-3])  # an odd number of bytes: the last character is half there
    first, problem = read(path)
    assert first.text == "First article, whole."
    assert (problem.source, problem.code) == (str(path), "E004")  # one problem for the file, no exception
