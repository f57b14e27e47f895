"""Stories: each document joins the story it is most like, online, as documents arrive.

A story keeps the sum of its documents' lead vectors (its direction is the centroid's), how many
of its documents name each entity, and its first and last dated days. A new document is compared
with the stories that name one of its people or actors, or whose days are near its own:

    similarity = VECTOR_WEIGHT * cos(lead vector, centroid) + (1 - VECTOR_WEIGHT) * entity similarity

and joins the best one at or above the threshold for their distance in time (JOIN within NEAR_DAYS,
rising by up to FAR_EXTRA at FAR_DAYS and beyond: far-apart documents join only when very alike).
When it clears the threshold of several stories, it bridges them and they merge into the oldest:
so a story does not depend on which of its documents came first. Else it starts a story.

Work per document is bounded by CANDIDATES stories; a story's title is recomputed from its
members while it is small and then at each doubling, its actors at every change.
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

# Calibrated on the seeds, the example corpus and the held-out articles (26 documents, 2 stories
# of 5 and 7, 14 unrelated ones among which two pairs on like topics), over shuffled orders: the
# partition is right for JOIN in [0.30, 0.45] at VECTOR_WEIGHT 0.5; JOIN sits in the middle.
JOIN = 0.38  # combined similarity to join a story
VECTOR_WEIGHT = 0.5  # share of the lead-vector cosine; the rest is entity similarity
ENTITY_JOIN = 0.25  # without vectors (no encoder): entity similarity alone must reach this
NEAR_DAYS = 14  # within this many days the threshold is the base one
FAR_DAYS = 180  # at this many days apart and beyond, base + FAR_EXTRA
FAR_EXTRA = 0.30
CANDIDATES = 200  # stories compared with one document, at most, per way of finding them
KEY_STORIES = 200  # stories read per entity of the document, at most (its latest): bounded as the store grows


@dataclass
class Story:
    """A story as assignment sees it."""

    id: int
    total: np.ndarray | None  # sum of member lead vectors
    documents: int
    first: str | None
    last: str | None
    entities: dict[str, int] = field(default_factory=dict)  # key -> documents naming it


def to_bytes(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype="<f4").astype(np.float32)


def entity_similarity(doc: dict[str, str], story: Story) -> float:
    """Weighted cosine between the document's entity set and the share of the story's documents
    naming each entity: an entity every document names counts fully, a passing one little."""
    if not doc or not story.entities or story.documents <= 0:
        return 0.0
    n = story.documents
    shared = sum(weight(k) ** 2 * story.entities[k] / n for k in doc if k in story.entities)
    if not shared:
        return 0.0
    norm_doc = math.sqrt(sum(weight(k) ** 2 for k in doc))
    norm_story = math.sqrt(sum((weight(k) * c / n) ** 2 for k, c in story.entities.items()))
    return shared / (norm_doc * norm_story)


def similarity(p: Profile, story: Story) -> tuple[float, float]:
    """(similarity, base threshold): combined when both have vectors, else entities alone."""
    ent = entity_similarity(p.entities, story)
    if p.vector is None or story.total is None:
        return ent, ENTITY_JOIN
    norm = float(np.linalg.norm(story.total))
    cos = float(p.vector @ story.total) / norm if norm > 0 else 0.0
    return VECTOR_WEIGHT * cos + (1 - VECTOR_WEIGHT) * ent, JOIN


def gap_days(p: Profile, story: Story) -> int:
    """Days between the document's window and the story's days (0 when they meet or one is unknown)."""
    if story.first is None or story.last is None:
        return 0
    gaps = [0]
    if p.low is not None and p.low > story.last:
        gaps.append(days_between(story.last, p.low))
    if p.high is not None and p.high < story.first:
        gaps.append(days_between(p.high, story.first))
    return max(gaps)


def threshold(base: float, gap: int) -> float:
    if gap <= NEAR_DAYS:
        return base
    return base + FAR_EXTRA * min(1.0, (gap - NEAR_DAYS) / (FAR_DAYS - NEAR_DAYS))


def _shift(day: str | None, days: int) -> str | None:
    return None if day is None else (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


def candidates(store, p: Profile) -> list[Story]:
    """Stories naming one of the document's people or actors, and stories near it in time."""
    named = [k for k in p.entities if not k.startswith("c:")]
    ids = set(store.stories_naming(named, CANDIDATES, KEY_STORIES)) if named else set()
    ids |= set(store.stories_between(_shift(p.low, -FAR_DAYS), _shift(p.high, FAR_DAYS), CANDIDATES))
    if not ids:
        return []
    stories = {r["id"]: Story(r["id"], from_bytes(r["centroid"]), r["documents"], r["first"], r["last"])
               for r in store.stories_by_id(sorted(ids))}
    for r in store.story_entity_rows(sorted(stories)):
        stories[r["story_id"]].entities[r["key"]] = r["documents"]
    return [stories[i] for i in sorted(stories)]


def matches(p: Profile, stories: list[Story]) -> list[tuple[float, Story]]:
    """The stories the document may join, most similar first."""
    found = []
    for story in stories:
        score, base = similarity(p, story)
        if score >= threshold(base, gap_days(p, story)):
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
    found = matches(p, candidates(store, p))
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
