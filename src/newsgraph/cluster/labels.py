"""A story's label and title, for a reader scanning a list of stories.

- actors: the people and organisations most of its documents name (then the countries).
- label: its three main actors and main countries, e.g. "A, B, C (X/Y)".
- title: the headline of its most central document (nearest the centroid) that has one, else that
  document's first sentence, else its two main actors and commonest event type.
"""
from __future__ import annotations

import json

import numpy as np

from ..embed.vectors import from_blob
from ..link.names import fold
from .sentences import split

ACTORS = 5  # actors listed
LABEL_ACTORS = 3  # actors in the label
LABEL_COUNTRIES = 2
TITLE_CHARS = 110
TITLE_MIN_WORDS = 4  # shorter titles are section names ("LIVE", "Science | Health"), not headlines
RETITLE_UNTIL = 32  # titles are recomputed at every change up to this size, then at each doubling


def main_actors(store, story_id: int) -> tuple[list[str], list[str]]:
    """(actor names, country codes), most documents first, then by name."""
    rows = sorted(store.story_entity_rows([story_id]), key=lambda r: (-r["documents"], r["name"], r["key"]))
    names, countries, seen = [], [], set()
    for r in rows:
        if r["key"].startswith("c:"):
            if len(countries) < ACTORS:
                countries.append(r["name"])
        elif fold(r["name"]) not in seen and len(names) < ACTORS:
            seen.add(fold(r["name"]))
            names.append(r["name"])
    return names, countries


def label(actors: list[str], countries: list[str]) -> str:
    head = ", ".join(actors[:LABEL_ACTORS])
    tail = "/".join(countries[:LABEL_COUNTRIES])
    if head and tail:
        return f"{head} ({tail})"
    return head or tail


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def central(store, story_id: int) -> list:
    """The story's documents, nearest the centroid first (those without a vector last)."""
    members = store.story_members(story_id)
    vectors = {m["document_id"]: from_blob(m["vector"], len(m["vector"]) // 2) for m in members if m["vector"]}
    if not vectors:
        return list(members)
    centroid = np.sum(list(vectors.values()), axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
    closeness = {d: float(v @ centroid) for d, v in vectors.items()}
    return sorted(members, key=lambda m: -closeness.get(m["document_id"], -2.0))


def headline(text: str | None) -> str | None:
    """A title as a headline: its longest part between " | " (site and section names go), if it
    has TITLE_MIN_WORDS words or more."""
    if not text:
        return None
    best = max(text.split(" | "), key=len).strip()
    return best if len(best.split()) >= TITLE_MIN_WORDS else None


def title(store, story_id: int, actors: list[str]) -> str:
    members = central(store, story_id)
    for m in members:
        if headline(m["title"]):
            return shorten(headline(m["title"]))
    if members:
        body = store.document_body(members[0]["document_id"])
        if body:
            text, kept = body
            for start, end in kept:
                for _, _, sentence in split(text[start:end], start):
                    if headline(sentence):
                        return shorten(sentence)
    types = store.story_event_types(story_id)
    return ": ".join(x for x in (" and ".join(actors[:2]), types[0]["type"] if types else "") if x)


def relabel(store, story_id: int, documents: int, merged: bool = False) -> None:
    """Actors and label at every change; the title while the story is small, at each doubling, or
    after a merge (bounded work per document however large a story grows)."""
    actors, countries = main_actors(store, story_id)
    values = {"actors": json.dumps(actors, ensure_ascii=False), "label": label(actors, countries)}
    if merged or documents <= RETITLE_UNTIL or documents & (documents - 1) == 0:
        values["title"] = title(store, story_id, actors)
    store.update_story(story_id, values)
