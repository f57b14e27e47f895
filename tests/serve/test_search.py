"""Full-text search: words, phrases and prefixes; marks inside snippets; offsets into raw text."""
from __future__ import annotations

import pytest

from newsgraph.serve.search import body_mapper, fts_query, marked

from .helpers import items, raw_text


def test_user_text_becomes_quoted_terms():
    assert fts_query('grain corridor') == '"grain" "corridor"'
    assert fts_query('"green corridor" strike*') == '"green corridor" "strike"*'
    assert fts_query('AND OR NOT ( ) : ^') == '"AND" "OR" "NOT"'
    assert fts_query('*** "" ()') is None


def test_marked_snippet_gives_positions_without_markers():
    assert marked("a \x02bc\x03 d \x02e\x03") == ("a bc d e", [[2, 4], [7, 8]])


def test_body_offsets_map_back_through_kept_ranges():
    to_raw = body_mapper([[10, 15], [20, 30]])
    assert [to_raw(0), to_raw(4), to_raw(6), to_raw(15), to_raw(16)] == [10, 14, 20, 29, None]


def test_document_hits_point_at_the_matched_words_in_the_raw_text(client):
    hits = items(client.get("/api/search", params={"q": "strike"}))
    assert hits
    for hit in hits:
        text = raw_text(client, hit["document_id"])
        assert hit["spans"], hit
        for start, end in hit["spans"]:
            assert text[start:end].lower().startswith("strike")
        for start, end in hit["marks"]:
            assert hit["snippet"][start:end].lower().startswith("strike")


def test_phrase_search_needs_the_words_in_order(client):
    quote = items(client.get("/api/quotes", params={"kind": "direct"}))[0]
    words = quote["text"].split()[:3]
    phrase = '"' + " ".join(words) + '"'
    hits = items(client.get("/api/search", params={"q": phrase, "scope": "quotes"}))
    assert quote["id"] in [h["quote"]["id"] for h in hits]
    backwards = '"' + " ".join(reversed(words)) + '"'
    assert quote["id"] not in [h["quote"]["id"] for h in
                               items(client.get("/api/search", params={"q": backwards, "scope": "quotes"}))]


def test_quote_hits_carry_the_quotation_and_raw_offsets(client):
    hits = items(client.get("/api/search", params={"q": "grain", "scope": "quotes"}))
    assert hits
    for hit in hits:
        quote = hit["quote"]
        text = raw_text(client, hit["document_id"])
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert all(text[s:e].lower().startswith("grain") for s, e in hit["spans"])


@pytest.mark.parametrize("q", ['"', "AND", "(", "a:b", "NEAR(x y)", "*", "\u00e9\u00e8", "x" * 500])
def test_any_text_is_a_search_not_an_error(client, q):
    assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/api/documents", params={"q": q}).status_code == 200


def test_search_needs_words(client):
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "x", "scope": "web"}).status_code == 422
