"""Story assignment on invented documents with a fake encoder: join, start, merge, time, labels, removal."""
from __future__ import annotations

import itertools
import json

import pytest

from newsgraph.cluster import assign_story
from newsgraph.cluster import stories as S
from newsgraph.cluster.forget import forgetting
from newsgraph.cluster.profile import profile
from newsgraph.store.sqlite import Store

from cluster.helpers import FakeEncoder, add_document, partition

STRIKE = ("Dockworkers at the port of Lamu walked out on Monday over unpaid wages and unsafe cranes, "
          "leaving grain ships waiting offshore. The union said the strike would go on until wages were paid.")
STRIKE_2 = ("The strike at the port of Lamu entered its third day as dockworkers demanded unpaid wages. "
            "Grain ships are still waiting offshore while the union and the port authority trade accusations.")
FLOOD = ("Heavy rain flooded the lower town of Vellmar overnight and the river burst its banks near the old mill. "
         "Firefighters evacuated two care homes and the mayor asked residents to stay indoors.")
FLOOD_2 = ("Firefighters in Vellmar pumped water out of flooded cellars as the river fell back below the old mill. "
           "The mayor said the care homes evacuated overnight would reopen once the power was back.")
MARKET = ("Grain traders in Mombasa said ships were still waiting offshore on Wednesday, and prices of maize rose "
          "for a second week as the harbour stayed quiet.")
UNION = [("Amina Odhiambo", "KEN")]
MAYOR = [("Jorund Aasland", "DEU")]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.db") as s:
        yield s


def assign(store, doc, encoder):
    with store.transaction():
        return assign_story(store, doc, encoder)


def test_related_documents_join_and_unrelated_ones_start_a_story(store):
    enc = FakeEncoder()
    a = add_document(store, "a", STRIKE, people=UNION, title="Lamu dockworkers walk out over unpaid wages")
    b = add_document(store, "b", STRIKE_2, published="2024-03-03", people=UNION)
    c = add_document(store, "c", FLOOD, people=MAYOR)
    assert assign(store, a, enc) == assign(store, b, enc) != assign(store, c, enc)
    story = store.stories_by_id([store.story_of("a")])[0]
    assert (story["documents"], story["first"], story["last"]) == (2, "2024-03-01", "2024-03-03")
    assert json.loads(story["actors"]) == ["Amina Odhiambo"]
    assert story["label"] == "Amina Odhiambo (KEN)"
    assert story["title"] == "Lamu dockworkers walk out over unpaid wages"


def test_assigning_again_changes_nothing(store):
    enc = FakeEncoder()
    a = add_document(store, "a", STRIKE, people=UNION)
    first = assign(store, a, enc)
    assert assign(store, a, enc) == first
    assert store.stories_by_id([first])[0]["documents"] == 1


def test_vectors_are_encoded_once(store):
    enc = FakeEncoder()
    a = add_document(store, "a", STRIKE, people=UNION)
    with store.transaction():
        profile(store, a, enc)
        profile(store, a, enc)
    assert enc.calls == 1


def test_far_apart_in_time_needs_more_likeness(store):
    enc = FakeEncoder()
    a = add_document(store, "a", STRIKE, people=UNION)
    traders = UNION + [("Kito Mwamba", "TZA")]  # alike, not very alike
    near = add_document(store, "near", MARKET, published="2024-03-05", people=traders)
    far = add_document(store, "far", MARKET, published="2025-06-01", people=traders)
    assign(store, a, enc)
    with store.transaction():
        p_near, p_far = profile(store, near, enc), profile(store, far, enc)
        story = S.candidates(store, p_near)[0]
    score, base = S.similarity(p_near, story)
    assert S.threshold(base, S.gap_days(p_near, story)) == S.JOIN <= score
    assert S.similarity(p_far, story)[0] == pytest.approx(score)  # same text: only the time differs
    assert S.gap_days(p_far, story) > S.FAR_DAYS and S.threshold(base, S.gap_days(p_far, story)) > score
    assert assign(store, far, enc) != store.story_of("a")


def test_the_same_text_a_year_later_still_joins(store):
    enc = FakeEncoder()
    assign(store, add_document(store, "a", STRIKE, people=UNION), enc)
    again = add_document(store, "again", STRIKE + " ", published="2025-05-01", people=UNION)
    assert assign(store, again, enc) == store.story_of("a")


def test_an_open_window_is_near_any_later_story(store):
    enc = FakeEncoder()
    assign(store, add_document(store, "a", STRIKE, people=UNION), enc)
    undated = add_document(store, "undated", STRIKE_2, published=None, published_from="2018-01-01", people=UNION)
    assert assign(store, undated, enc) == store.story_of("a")
    assert store.stories_by_id([store.story_of("a")])[0]["first"] == "2024-03-01"  # an open window moves no day


BRIDGE = ("Vellmar sent firefighters and pumps to the port of Lamu after the flood, while the dockworkers' strike "
          "over unpaid wages kept grain ships offshore; the mayor and the union met on the river quay.")


@pytest.mark.parametrize("order", list(itertools.permutations(["strike", "flood", "bridge"])))
def test_a_document_bridging_two_stories_merges_them_whatever_the_order(tmp_path, order):
    enc = FakeEncoder()
    with Store(tmp_path / f"{'-'.join(order)}.db") as store:
        docs = {
            "strike": add_document(store, "strike", STRIKE, people=UNION),
            "flood": add_document(store, "flood", FLOOD, people=MAYOR),
            "bridge": add_document(store, "bridge", BRIDGE, people=UNION + MAYOR),
        }
        for name in order:
            assign(store, docs[name], enc)
        assert partition(store) == {frozenset(docs)}
        (story,) = store.query("SELECT * FROM stories")
        assert story["documents"] == 3
        counts = {r["key"]: r["documents"] for r in store.story_entity_rows([story["id"]])}
        assert counts == {"p:1": 2, "p:2": 2, "c:KEN": 2, "c:DEU": 2}


def test_without_an_encoder_entities_decide(store):
    a = add_document(store, "a", STRIKE, people=UNION)
    b = add_document(store, "b", FLOOD, people=UNION)
    c = add_document(store, "c", FLOOD_2, people=MAYOR)
    assert assign(store, a, None) == assign(store, b, None) != assign(store, c, None)


def test_a_non_english_document_is_not_embedded(store):
    enc = FakeEncoder()
    doc = add_document(store, "de", STRIKE, language="de")
    with store.transaction():
        assert profile(store, doc, enc).vector is None
    assert enc.calls == 0


def test_title_falls_back_to_the_lead_sentence_then_to_actors(store):
    enc = FakeEncoder()
    a = add_document(store, "a", STRIKE, people=UNION, title="LIVE")
    story = assign(store, a, enc)
    assert store.stories_by_id([story])[0]["title"].startswith("Dockworkers at the port of Lamu walked out")
    empty = add_document(store, "empty", "Wages.", people=MAYOR)
    other = assign(store, empty, enc)
    assert store.stories_by_id([other])[0]["title"] == "Jorund Aasland"


def test_forgetting_a_document_updates_its_story_and_drops_an_empty_one(store):
    enc = FakeEncoder()
    a = add_document(store, "a", STRIKE, people=UNION)
    b = add_document(store, "b", STRIKE_2, published="2024-03-05", people=UNION + [("Kito Mwamba", None)])
    story = assign(store, a, enc)
    assert assign(store, b, enc) == story
    for doc_id, left in (("b", 1), ("a", 0)):
        with store.transaction():
            with forgetting(store, doc_id):
                store.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        rows = store.stories_by_id([story])
        assert (rows[0]["documents"] if rows else 0) == left
        if left:
            assert rows[0]["last"] == "2024-03-01"
            assert {r["key"] for r in store.story_entity_rows([story])} == {"p:1", "c:KEN"}
            remaining = S.from_bytes(rows[0]["centroid"])
            with store.transaction():
                alone = profile(store, a, enc).vector
            assert float(remaining @ alone) / float((remaining ** 2).sum() ** 0.5) == pytest.approx(1, abs=1e-2)
    assert not list(store.query("SELECT * FROM story_entities"))
