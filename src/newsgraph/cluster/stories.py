"""Stories at the grain of a news event: each document joins the story of the article most like it
among those published near it, online, as documents arrive.

Two articles are one event when their leads say the same thing (the cosine of their lead vectors)
and they share specific words and names (headline and lead words, people, event actors), each
weighted by its rarity among stored documents (an idf): a famous person or a campaign's vocabulary
shared by a month of coverage counts little, a town, a victim's name or "pneumonia" much.

    pair = VECTOR_WEIGHT * cos(lead vectors) + (1 - VECTOR_WEIGHT) * weighted cosine of their keys

A document is compared with the members of candidate stories (those sharing a key with it or
dated near it) and joins a story when one member is close enough: JOIN when they are at most
NEAR_DAYS apart, rising to JOIN + FAR_EXTRA at GAP_DAYS; further apart only a near duplicate
(DUPLICATE) joins. A story so runs as long as articles keep coming at most GAP_DAYS apart, and
never absorbs a topic's coverage through a centroid that drifts. When a document clears the bar
of several stories, it bridges them and they merge into the oldest (single link: the partition
does not depend on the order documents came in, beyond the weights of rare keys).

Work per document is bounded by CANDIDATES stories and MEMBERS members a story; a story's title
is recomputed while it is small and then at each doubling, its actors and label at every change.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from ..embed.vectors import from_blob, to_blob
from ..model import Document
from .labels import relabel
from .profile import Profile, days_between, profile, weight

# Chosen on the PolNeAR train gold (147 articles in 90 stories, see README); dev is measured only.
JOIN = 0.26  # pair similarity to join within NEAR_DAYS
VECTOR_WEIGHT = 0.4  # share of the lead-vector cosine; the rest is key similarity
ENTITY_JOIN = 0.25  # without vectors (no encoder): key similarity alone must reach this
NEAR_DAYS = 1  # within this many days the threshold is the base one
GAP_DAYS = 14  # at this many days apart the threshold is base + FAR_EXTRA; beyond, DUPLICATE
FAR_EXTRA = 0.30
DUPLICATE = 0.85  # further apart than GAP_DAYS: the same text, or nearly
CANDIDATES = 200  # stories compared with one document, at most, per way of finding them
MEMBERS = 64  # a story's most recent members compared with a document, at most


@dataclass
class Story:
    """A story as assignment sees it."""

    id: int
    total: np.ndarray | None  # sum of member lead vectors
    documents: int
    first: str | None
    last: str | None
    entities: dict[str, int] = field(default_factory=dict)  # key -> documents naming it
    members: list["Member"] = field(default_factory=list)


@dataclass
class Member:
    """A story's document as assignment sees it: its lead vector, dated window and keys."""

    vector: np.ndarray | None
    first: str | None
    last: str | None
    keys: frozenset[str]


def to_bytes(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype="<f4").astype(np.float32)


def rarity(store, keys) -> dict[str, float]:
    """An idf per key, log((N + 2) / (n + 1)), N stored story documents, n of them naming the key;
    scaled by the key's kind (a country says less)."""
    keys = sorted(set(keys))
    total = store.story_document_count()
    counts = store.key_documents(keys)
    return {k: weight(k) * math.log((total + 2) / (counts.get(k, 0) + 1)) for k in keys}


def key_similarity(a, b, idf: dict[str, float]) -> float:
    """Cosine of two key sets, each key weighted by its idf."""
    shared = sum(idf[k] ** 2 for k in a if k in b)
    if not shared:
        return 0.0
    norm_a = math.sqrt(sum(idf[k] ** 2 for k in a))
    norm_b = math.sqrt(sum(idf[k] ** 2 for k in b))
    return shared / (norm_a * norm_b)


def pair_similarity(p: Profile, m: Member, idf: dict[str, float]) -> tuple[float, float]:
    """(similarity, base threshold) of a document and a story's member: combined when both have
    vectors, else keys alone."""
    keys = key_similarity(p.entities, m.keys, idf)
    if p.vector is None or m.vector is None:
        return keys, ENTITY_JOIN
    return VECTOR_WEIGHT * float(p.vector @ m.vector) + (1 - VECTOR_WEIGHT) * keys, JOIN


def gap_days(p: Profile, first: str | None, last: str | None) -> int:
    """Days between the document's window and [first, last] (0 when they meet or one is unknown)."""
    if first is None or last is None:
        return 0
    gaps = [0]
    if p.low is not None and p.low > last:
        gaps.append(days_between(last, p.low))
    if p.high is not None and p.high < first:
        gaps.append(days_between(p.high, first))
    return max(gaps)


def threshold(base: float, gap: int) -> float:
    """The similarity two documents ``gap`` days apart need to be one story."""
    if gap <= NEAR_DAYS:
        return base
    if gap <= GAP_DAYS:
        return base + FAR_EXTRA * (gap - NEAR_DAYS) / (GAP_DAYS - NEAR_DAYS)
    return max(DUPLICATE, base + FAR_EXTRA)


def _shift(day: str | None, days: int) -> str | None:
    return None if day is None else (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


def candidates(store, p: Profile) -> list[Story]:
    """Stories naming one of the document's keys, and stories near it in time, with their members."""
    named = [k for k in p.entities if not k.startswith("c:")]
    ids = set(store.stories_naming(named, CANDIDATES)) if named else set()
    ids |= set(store.stories_between(_shift(p.low, -GAP_DAYS), _shift(p.high, GAP_DAYS), CANDIDATES))
    if not ids:
        return []
    stories = {r["id"]: Story(r["id"], from_bytes(r["centroid"]), r["documents"], r["first"], r["last"])
               for r in store.stories_by_id(sorted(ids))}
    for r in store.story_entity_rows(sorted(stories)):
        stories[r["story_id"]].entities[r["key"]] = r["documents"]
    for r in store.story_member_rows(sorted(stories), MEMBERS):
        vector = None if r["vector"] is None else from_blob(r["vector"], len(r["vector"]) // 2)
        stories[r["story_id"]].members.append(
            Member(vector, r["first"], r["last"], frozenset(json.loads(r["entities"]))))
    return [stories[i] for i in sorted(stories)]


def story_similarity(p: Profile, story: Story, idf: dict[str, float]) -> tuple[float, float]:
    """(similarity, threshold) of the story's member that clears its threshold by most."""
    best = (-1.0, 1.0)
    for m in story.members:
        score, base = pair_similarity(p, m, idf)
        need = threshold(base, gap_days(p, m.first, m.last))
        if score - need > best[0] - best[1]:
            best = (score, need)
    return best


def matches(store, p: Profile, stories: list[Story]) -> list[tuple[float, Story]]:
    """The stories the document may join, most similar first."""
    idf = rarity(store, set(p.entities).union(*(m.keys for s in stories for m in s.members)))
    found = []
    for story in stories:
        score, need = story_similarity(p, story, idf)
        if score >= need:
            found.append((score, story))
    return sorted(found, key=lambda x: (-x[0], x[1].id))


def _earliest(a: str | None, b: str | None) -> str | None:
    return min(x for x in (a, b) if x) if (a or b) else None


def _latest(a: str | None, b: str | None) -> str | None:
    return max(x for x in (a, b) if x) if (a or b) else None


def _add(total: np.ndarray | None, vector: np.ndarray | None) -> np.ndarray | None:
    if vector is None:
        return total
    return vector.astype(np.float32) if total is None else total + vector


def assign_story(store, doc: Document, encoder) -> int:
    """The id of the story ``doc`` (stored, with its people and events) belongs to; joins or starts one.

    Idempotent: a document already in a story keeps it. The caller holds the transaction.
    """
    known = store.story_of(doc.id)
    if known is not None:
        return known
    p = profile(store, doc, encoder)
    found = matches(store, p, candidates(store, p))
    if found:
        score = found[0][0]
        keep = min(found, key=lambda x: x[1].id)[1]
        total, documents, first, last = keep.total, keep.documents, keep.first, keep.last
        for _, other in found:
            if other.id == keep.id:
                continue
            store.move_story(other.id, keep.id)
            total = _add(total, other.total)
            documents += other.documents
            first, last = _earliest(first, other.first), _latest(last, other.last)
        story_id = keep.id
    else:
        story_id, score = store.add_story(), None
        total, documents, first, last = None, 0, None, None
    # The member vector is kept as float16; the sum adds that same rounding, so removing it is exact.
    blob = None if p.vector is None else to_blob(p.vector)
    _add_member(store, Story(story_id, total, documents, first, last), doc.id, score, blob, p.first, p.last,
                p.entities, merged=len(found) > 1)
    return story_id


def _add_member(store, story: Story, doc_id: str, score: float | None, blob: bytes | None,
                first: str | None, last: str | None, entities: dict[str, str], merged: bool) -> None:
    """Record a document in a story (``story`` as it stood before) and update the story's sums and label."""
    vector = None if blob is None else from_blob(blob, len(blob) // 2)  # float16: two bytes a value
    store.add_story_document(doc_id, story.id, score, blob, first, last, entities)
    store.count_story_entities(story.id, entities, 1)
    store.update_story(story.id, {
        "centroid": to_bytes(_add(story.total, vector)), "documents": story.documents + 1,
        "first": _earliest(story.first, first), "last": _latest(story.last, last),
    })
    relabel(store, story.id, story.documents + 1, merged=merged)


def join_story_of(store, doc_id: str, original_id: str) -> int | None:
    """Put an exact copy in its original's story, with the original's place in it (same text, same
    dates, same people: the same profile); None when the original is in no story."""
    known = store.story_of(doc_id)
    if known is not None:
        return known
    row = store.story_document(original_id)
    if row is None:
        return None
    current = store.stories_by_id([row["story_id"]])[0]
    story = Story(current["id"], from_bytes(current["centroid"]), current["documents"], current["first"],
                  current["last"])
    _add_member(store, story, doc_id, row["score"], row["vector"], row["first"], row["last"],
                json.loads(row["entities"]), merged=False)
    return story.id


def leave_story(store, doc_id: str) -> None:
    """Take a document out of its story before it is deleted: centroid, counts, days and label
    updated from what the story keeps of it; an emptied story goes."""
    row = store.story_document(doc_id)
    if row is None:
        return
    story_id = row["story_id"]
    story = store.stories_by_id([story_id])[0]
    store.count_story_entities(story_id, json.loads(row["entities"]), -1)
    store.remove_story_document(doc_id)
    if story["documents"] <= 1:
        store.delete_story(story_id)
        return
    total = from_bytes(story["centroid"])
    if total is not None and row["vector"] is not None:
        total = total - from_blob(row["vector"], total.size)
    first, last = store.story_days(story_id)
    store.update_story(story_id, {"centroid": to_bytes(total), "documents": story["documents"] - 1,
                                  "first": first, "last": last})
    relabel(store, story_id, story["documents"] - 1, merged=True)
