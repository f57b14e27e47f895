"""HTML pages through trafilatura: body text, metadata, charsets, pages without a body."""
from __future__ import annotations

import sys

import pytest

HEAD = (
    '<meta name="author" content="Jane Roe">'
    '<meta property="og:site_name" content="The Harbour Gazette">'
    '<meta property="article:published_time" content="2021-08-20T10:00:00Z">'
    '<link rel="canonical" href="https://example.org/news/ferry">'
)


def test_html_body_and_metadata(read, tmp_path, page, paragraphs):
    path = tmp_path / "ferry.html"
    path.write_text(page("Ferry line to open in spring", paragraphs, HEAD), encoding="utf-8")
    (doc,) = read(path)
    assert doc.format == "html" and doc.source == str(path)
    assert doc.title == "Ferry line to open in spring"
    assert doc.author == "Jane Roe"
    assert doc.publisher == "The Harbour Gazette"
    assert doc.published == "2021-08-20"
    assert doc.url == "https://example.org/news/ferry"
    for paragraph in paragraphs:
        assert paragraph in doc.text
    # paragraphs are blocks separated by one blank line, in order
    positions = [doc.text.index(p) for p in paragraphs]
    assert positions == sorted(positions)
    assert f"{paragraphs[0]}\n\n{paragraphs[1]}\n\n{paragraphs[2]}" in doc.text
    # navigation, comments and footer are not article text
    for debris in ("Home", "First! Totally disagree", "All rights reserved"):
        assert debris not in doc.text


def test_html_declared_code_page(read, tmp_path, page, paragraphs):
    text = ["Le maire a déclaré que « la ligne » ouvrira au printemps, malgré deux années de retards à Genève."] + paragraphs
    path = tmp_path / "fr.htm"
    path.write_bytes(page("Über die Fähre", text, charset="windows-1252").encode("cp1252"))
    (doc,) = read(path)
    assert doc.encoding == "cp1252"
    assert text[0] in doc.text
    assert doc.title == "Über die Fähre"


def test_html_without_article_text(read, tmp_path):
    path = tmp_path / "empty-page.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    (problem,) = read(path)
    assert problem.code == "E010"


def test_empty_html_file(read, tmp_path):
    path = tmp_path / "zero.html"
    path.write_bytes(b"")
    (problem,) = read(path)
    assert problem.code == "E002"


def test_same_text_from_html_and_txt_is_one_id(read, tmp_path, page, paragraphs):
    html = tmp_path / "a.html"
    html.write_text(page("Ferry", paragraphs), encoding="utf-8")
    (doc,) = read(html)
    txt = tmp_path / "a.txt"
    txt.write_text(doc.text, encoding="utf-8")
    (again,) = read(txt)
    assert again.id == doc.id


def test_xhtml_with_xml_declaration(read, tmp_path, page, paragraphs):
    path = tmp_path / "x.html"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page("Ferry", paragraphs), encoding="utf-8")
    (doc,) = read(path)
    assert paragraphs[2] in doc.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
@pytest.mark.parametrize("charset", [None, "utf-8"])  # a page's meta tag may name another charset than the file's
def test_html_in_utf16_and_utf32_with_a_bom(read, tmp_path, page, paragraphs, codec, charset):
    text = ["Der Bürgermeister sagte, die Fähre « fahre » ab März wieder – pünktlich, hoffentlich."] + paragraphs
    bom = "\ufeff" if codec.endswith("-be") else ""
    path = tmp_path / "wide.html"
    path.write_bytes((bom + page("Über die Fähre", text, charset=charset)).encode(codec))
    (doc,) = read(path)
    assert doc.encoding == codec[:6]
    assert doc.title == "Über die Fähre"
    for paragraph in text:
        assert paragraph in doc.text


def test_deeply_nested_html_is_read_without_recursion_error(read, tmp_path, paragraphs):
    """100,000 nested elements: the parser stops at its depth limit (libxml2: 256) and the page's
    text before the limit is read; nothing recursive in Python ever sees the depth."""
    depth = 100_000
    assert depth > sys.getrecursionlimit()
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path = tmp_path / "deep.html"
    path.write_text(f"<html><body><article>{body}" + "<div>" * depth + "<p>Deep inside.</p>" + "</div>" * depth
                    + "</article></body></html>", encoding="utf-8")
    (doc,) = read(path)
    assert paragraphs[0] in doc.text
    only_nesting = tmp_path / "only-nesting.html"
    only_nesting.write_text("<html><body>" + "<div>" * depth + "<p>Deep inside.</p>" + "</div>" * depth
                            + "</body></html>", encoding="utf-8")
    (item,) = read(only_nesting)
    assert getattr(item, "code", None) in (None, "E010")  # read, or no article text: never an exception
