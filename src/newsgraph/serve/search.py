"""Full-text search (SQLite FTS5) over articles' kept bodies and over quotations.

What a user types is never passed to FTS5 as syntax: it is cut into words and
"quoted phrases", each quoted for FTS5, so no input is a syntax error; a
trailing ``*`` keeps a prefix search. Hits come back with a snippet, the
matched words marked inside it, and the same words as offsets into the raw
text, so the UI can highlight them in the article.
"""
from __future__ import annotations

import json
import re
from typing import Literal

from fastapi import APIRouter, Depends, Query

from ..store.sqlite import Store
from . import models
from .deps import store
from .pages import Paging, page, paging, total

router = APIRouter(tags=["search"])

_TERM = re.compile(r'"([^"]*)"|(\w+\*?)')
_OPEN, _CLOSE = "\x02", "\x03"


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for ``text`` (all words, phrases in order), or None if it has no word."""
    parts = []
    for phrase, word in _TERM.findall(text):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        elif word:
            star = word.endswith("*")
            core = word.rstrip("*")
            if core:
                parts.append(f'"{core}"' + ("*" if star else ""))
    return " ".join(parts) or None


def documents_matching(db: Store, text: str) -> str:
    """A JSON list of the ids of documents whose title or body has ``text``, searched once per
    request and then joined on indexes by the count and the page alike."""
    fts = fts_query(text)
    if fts is None:
        return "[]"
    return json.dumps([r[0] for r in db.query(
        "SELECT document_id FROM document_keys WHERE key IN "
        "(SELECT rowid FROM search_documents WHERE search_documents MATCH ?)", (fts,))])


def marked(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet without its markers, and [start, end] of each marked run inside it."""
    plain, marks, start = [], [], None
    length = 0
    for ch in snippet:
        if ch == _OPEN:
            start = length
        elif ch == _CLOSE and start is not None:
            marks.append([start, length])
            start = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), marks


def raw_spans(snippet: str, marks: list[list[int]], body: str, body_to_raw) -> list[list[int]]:
    """Offsets in the raw text of the marked words: the snippet is a piece of the body, found in it
    once, then each body offset is mapped through the kept ranges."""
    core = snippet.strip("…").strip()
    at = body.find(core)
    if at < 0 or not core:
        return []
    lead = snippet.find(core)
    spans = []
    for s, e in marks:
        start, end = body_to_raw(at + s - lead), body_to_raw(at + e - lead - 1)
        if start is not None and end is not None:
            spans.append([start, end + 1])
    return spans


def body_mapper(kept: list[list[int]]):
    """Map an offset in the body (kept ranges joined by one newline) to the raw text."""
    pieces, at = [], 0
    for s, e in kept:
        pieces.append((at, s, e))
        at += (e - s) + 1

    def to_raw(offset: int) -> int | None:
        for body_start, s, e in pieces:
            if body_start <= offset < body_start + (e - s):
                return s + offset - body_start
        return None
    return to_raw


def search_documents(db: Store, query: str, paging: Paging) -> dict:
    fts = fts_query(query)
    if fts is None:
        return page(0, paging, [])
    found = total(db, "search_documents", ["search_documents MATCH ?"], [fts])
    rows = db.query(
        f"""WITH chosen AS (SELECT rowid, bm25(search_documents, 4.0, 1.0) AS score FROM search_documents
                            WHERE search_documents MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?)
            SELECT k.document_id, s.body, snippet(search_documents, 1, '{_OPEN}', '{_CLOSE}', '…', 24) AS snip,
                   d.source, d.title, d.publisher, d.published, d.kept
            FROM search_documents s JOIN chosen c ON c.rowid = s.rowid JOIN document_keys k ON k.key = s.rowid
            JOIN documents d ON d.id = k.document_id
            WHERE search_documents MATCH ? ORDER BY c.score, c.rowid""", (fts, paging.limit, paging.offset, fts))
    hits = []
    for r in rows:
        snippet, marks = marked(r["snip"])
        hits.append({
            "kind": "document", "document_id": r["document_id"], "source": r["source"], "title": r["title"],
            "publisher": r["publisher"], "published": r["published"], "snippet": snippet, "marks": marks,
            "spans": raw_spans(snippet, marks, r["body"], body_mapper(json.loads(r["kept"]))),
        })
    return page(found, paging, hits)


def search_quotes(db: Store, query: str, paging: Paging) -> dict:
    from .documents import quote_rows

    fts = fts_query(query)
    if fts is None:
        return page(0, paging, [])
    matching = total(db, "search_quotes", ["search_quotes MATCH ?"], [fts])
    found = list(db.query(
        f"""SELECT rowid, highlight(search_quotes, 0, '{_OPEN}', '{_CLOSE}') AS marked FROM search_quotes
            WHERE search_quotes MATCH ? ORDER BY bm25(search_quotes), rowid LIMIT ? OFFSET ?""",
        (fts, paging.limit, paging.offset)))
    if not found:
        return page(matching, paging, [])
    quotes = {q["id"]: q for q in quote_rows(db, ["q.id IN (SELECT value FROM json_each(?))"],
                                             [json.dumps([r["rowid"] for r in found])])}
    hits = []
    for r in found:
        q = quotes.get(r["rowid"])
        if q is None:
            continue
        snippet, marks = marked(r["marked"])
        hits.append({
            "kind": "quote", "document_id": q["document_id"], "source": q["source"], "title": q["title"],
            "publisher": q["publisher"], "published": q["published"], "snippet": snippet, "marks": marks,
            "spans": [[q["start"] + s, q["start"] + e] for s, e in marks], "quote": q,
        })
    return page(matching, paging, hits)


@router.get("/api/search", response_model=models.Page[models.Hit],
            summary="Full-text search over article text or quotations")
def search(q: str = Query(..., min_length=1, max_length=500,
                          description='Words (all must match), "a phrase", or a prefix*.'),
           scope: Literal["documents", "quotes"] = Query("documents", description="What to search."),
           paging: Paging = Depends(paging), db: Store = Depends(store)):
    return (search_documents if scope == "documents" else search_quotes)(db, q, paging)
