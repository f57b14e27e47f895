"""Independent sources: the documents reporting a statement or an event, copies counted once.

Two documents joined by a copy pair of any kind (exact, near, partial, spun, translated), directly
or through other copies, are one source: a wire story printed by ten sites is one report, and so
is an article and its machine translation. The sources of an item are therefore the groups, under
the copy graph, of the documents reporting it. Groups are found by walking the copies table
outward from those documents (both directions), so the work is the size of the copy clusters
involved, never the store.
"""
from __future__ import annotations

from typing import Iterable

MAX_GROUP = 5000  # documents walked per copy group at most (a bound, never met in practice)


def copy_groups(store, doc_ids: Iterable[str]) -> dict[str, str]:
    """Each document -> the smallest id of the documents it is joined to by copies (itself included).

    The copy graph around all the given documents is walked at once, one query per step
    outward, and its components found by union-find.
    """
    seen = set(doc_ids)
    frontier, edges = sorted(seen), []
    while frontier and len(seen) < MAX_GROUP:
        found = store.copy_links(frontier)
        frontier = []
        for row in found:
            pair = (row["document_id"], row["original_id"])
            edges.append(pair)
            for doc in pair:
                if doc not in seen:
                    seen.add(doc)
                    frontier.append(doc)
    parent = {doc: doc for doc in seen}

    def find(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {doc: find(doc) for doc in seen}


def independent_sources(store, doc_ids: Iterable[str], groups: dict[str, str] | None = None) -> int:
    """How many independent sources these documents are (copy groups among them); ``groups``
    may be given when it was computed for a larger set already."""
    ids = set(doc_ids)
    if groups is None or not ids <= groups.keys():
        groups = copy_groups(store, ids)
    return len({groups[d] for d in ids})


def copy_group(store, doc_id: str) -> list[str]:
    """The document and every document joined to it by copies."""
    groups = copy_groups(store, [doc_id])
    return sorted(groups)


def recount(store, statements: Iterable[int] = (), events: Iterable[int] = ()) -> None:
    """Count again the independent sources of these statements and events (the copy groups of
    all their documents found once, not once per item)."""
    items = [("statement", s, store.statement_documents(s)) for s in statements]
    items += [("event", e, store.event_documents(e)) for e in events]
    groups = copy_groups(store, {d for _, _, docs in items for d in docs})
    for kind, item_id, docs in items:
        count = independent_sources(store, docs, groups)
        if kind == "statement":
            store.set_statement_sources(item_id, count)
        else:
            store.set_event_sources(item_id, count)


def touched(store, doc_id: str) -> tuple[list[int], list[int]]:
    """(statements, events) whose source count a change to this document or its copies may move."""
    group = copy_group(store, doc_id)
    return store.statements_of_documents(group), store.events_of_documents(group)


def refresh_sources(store, doc_id: str) -> None:
    """Recount the independent sources of the statements and events this document reports, and
    of those its copies and originals report (a new copy pair can join two former sources)."""
    statements, events = touched(store, doc_id)
    recount(store, statements, events)
