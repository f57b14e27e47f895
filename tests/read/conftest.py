"""Fixtures for the read stage: settings, a reader helper and a WARC builder."""
from __future__ import annotations

import io

import pytest

from newsgraph.model import Document, Problem
from newsgraph.read import read_paths
from newsgraph.settings import Settings


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def read():
    """read(*paths, settings=None) -> list of Documents and Problems."""

    def _read(*paths, settings: Settings | None = None) -> list[Document | Problem]:
        return list(read_paths(paths, settings or Settings()))

    return _read


def article_html(title: str, paragraphs: list[str], extra_head: str = "", charset: str | None = None) -> str:
    """A small, made-up news page with navigation, a comment section and a footer around the body."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head>{meta}<title>{title}</title>{extra_head}</head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<div id='comments' class='comments'><h3>Comments</h3><p>First! Totally disagree with this reader comment.</p></div>"
        "<footer>All rights reserved.</footer></body></html>"
    )


PARAGRAPHS = [
    "The harbour authority said on Monday that the new ferry line would open in the spring, after two years of delays.",
    "Officials told reporters that the budget had grown by a third since the first plans were drawn up in the city hall.",
    "Local traders welcomed the news but warned that parking near the quay remained a problem for delivery vans.",
]


def make_warc(records: list[dict], gzip: bool = True) -> bytes:
    """A WARC built with warcio from dicts: type, uri, body (bytes), and http/content_type."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for spec in records:
        kind, uri, body = spec["type"], spec.get("uri", "http://example.org/"), spec.get("body", b"")
        if kind == "warcinfo":
            record = writer.create_warcinfo_record("test.warc", {"software": "newsgraph-tests"})
        elif kind in ("response", "request"):
            status = spec.get("status", "200 OK") if kind == "response" else "GET / HTTP/1.1"
            headers = [("Content-Type", spec["content_type"])] if "content_type" in spec else []
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1" if kind == "response" else "")
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=http)
        else:
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(body), warc_content_type=spec.get("content_type", "text/plain")
            )
        writer.write_record(record)
    return buf.getvalue()


def docs(items) -> list[Document]:
    return [x for x in items if isinstance(x, Document)]


def problems(items) -> list[Problem]:
    return [x for x in items if isinstance(x, Problem)]


@pytest.fixture
def warc_bytes():
    return make_warc


@pytest.fixture
def page():
    return article_html


@pytest.fixture
def paragraphs() -> list[str]:
    return list(PARAGRAPHS)


@pytest.fixture
def split():
    """split(items) -> (documents, problems)."""
    return lambda items: (docs(items), problems(items))
