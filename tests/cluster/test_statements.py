"""Statements on invented quotations: near-exact words, paraphrases, speakers kept apart, merges."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from newsgraph.cluster import link_statements, refresh_sources
from newsgraph.cluster import statements as St
from newsgraph.cluster.forget import forgetting
from newsgraph.store.sqlite import Store

from cluster.helpers import FakeEncoder, add_document

FULL = "We repaired both ferries and we hired twelve new crew members for the winter season"
PART = "we hired twelve new crew members"
OTHER = "The harbour fees will not rise before the autumn elections"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.db") as s:
        yield s


def link(store, doc, encoder):
    with store.transaction():
        ids = link_statements(store, doc, encoder)
        refresh_sources(store, doc.id)
    return ids


def statement(store, statement_id):
    return store.db.execute("SELECT * FROM statements WHERE id = ?", (statement_id,)).fetchone()


def test_a_part_quoted_elsewhere_is_the_same_statement(store):
    a = add_document(store, "a", f'"{FULL}," said Idris Vantongeren. "{OTHER}," he added.',
                     quotes=[("Idris Vantongeren", FULL), ("Idris Vantongeren", OTHER)])
    b = add_document(store, "b", f'Idris Vantongeren said {PART}.', quotes=[("Idris Vantongeren", PART)])
    first, other = link(store, a, FakeEncoder())
    assert first != other
    (linked,) = link(store, b, FakeEncoder())
    assert linked == first
    row = statement(store, first)
    assert (row["text"], row["reports"], row["sources"]) == (PART, 2, 2)
    assert statement(store, other)["reports"] == 1


def test_another_speaker_saying_the_same_is_another_statement(store):
    a = add_document(store, "a", f'"{FULL}," said Idris Vantongeren.', quotes=[("Idris Vantongeren", FULL)])
    b = add_document(store, "b", f'"{FULL}," said Mirela Soltanova.', quotes=[("Mirela Soltanova", FULL)])
    assert link(store, a, FakeEncoder()) != link(store, b, FakeEncoder())


class Paraphrases(FakeEncoder):
    """Says two given wordings mean the same (a stand-in for a translation), everything else apart."""

    def __init__(self, same: set[str]) -> None:
        super().__init__()
        self.same = same

    def encode(self, texts):
        out = super().encode(texts)
        for row, text in enumerate(texts):
            if text in self.same:
                out[row] = np.eye(1, self.dim, 0, dtype=np.float32)
        return out


def test_a_paraphrase_links_by_meaning_at_clause_level(store):
    original = "They made a good impression on us"
    translated = "Their impression on us was very favourable, and they kept good order at the gate"
    clause = "Their impression on us was very favourable"
    enc = Paraphrases({original, clause})
    a = add_document(store, "a", f'"{original}," the envoy Lev Orlan said.', quotes=[("Lev Orlan", original)])
    b = add_document(store, "b", f'"{translated}," said Lev Orlan.', quotes=[("Lev Orlan", translated)])
    assert link(store, a, enc) == link(store, b, enc)
    # Without the encoder, words alone do not make these one statement.
    with Store(":memory:") as bare:
        a2 = add_document(bare, "a", f'"{original}," the envoy Lev Orlan said.', quotes=[("Lev Orlan", original)])
        b2 = add_document(bare, "b", f'"{translated}," said Lev Orlan.', quotes=[("Lev Orlan", translated)])
        assert link(bare, a2, None) != link(bare, b2, None)


def test_pieces_are_sentences_and_clauses_of_enough_words():
    text = "We stay. We repaired both ferries, and we hired twelve new crew members — all of them local."
    found = [t for _, _, t in St.pieces(1000, text)]
    assert "We stay." not in found
    assert "We repaired both ferries" in found and "and we hired twelve new crew members" in found
    assert all(text[a - 1000:b - 1000] == t for a, b, t in St.pieces(1000, text))
    assert St.pieces(0, "No, never.") == []


def test_near_exact_needs_enough_words():
    assert St.same_words("the ferry line will reopen in April", "The ferry line will reopen in April, he said")
    assert not St.same_words("in April", "The ferry line will reopen in April")
    assert St.same_words("constructive talks", "Constructive talks!") and not St.same_words("No", "no")
    assert not St.same_words("the ferry will reopen", "the bridge will close in the spring")


@pytest.mark.parametrize("order", list(itertools.permutations("abc")))
def test_a_quotation_matching_two_statements_merges_them(tmp_path, order):
    left = "the ferry line will reopen in April"
    right = "tickets will go on sale in March"
    both = f"{left} and {right}"
    with Store(tmp_path / f"{''.join(order)}.db") as store:
        docs = {
            "a": add_document(store, "a", f"Idris Vantongeren said {left}.", quotes=[("Idris Vantongeren", left)]),
            "b": add_document(store, "b", f"Idris Vantongeren said {right}.", quotes=[("Idris Vantongeren", right)]),
            "c": add_document(store, "c", f"Idris Vantongeren said {both}.", quotes=[("Idris Vantongeren", both)]),
        }
        ids = {name: link(store, docs[name], FakeEncoder())[0] for name in order}
        assert len({store.statement_of(q["id"]) for q in store.query("SELECT id FROM quotes")}) == 1
        (row,) = store.query("SELECT * FROM statements")
        assert (row["reports"], row["sources"]) == (3, 3)
        assert ids[order[-1]] == row["id"]


def test_linking_again_changes_nothing(store):
    a = add_document(store, "a", f'"{FULL}," said Idris Vantongeren.', quotes=[("Idris Vantongeren", FULL)])
    first = link(store, a, FakeEncoder())
    assert link(store, a, FakeEncoder()) == first
    assert statement(store, first[0])["reports"] == 1


def test_unattributed_quotations_make_no_statement(store):
    a = add_document(store, "a", f'"{FULL}," a worker said.')
    store.db.execute("INSERT INTO quotes (document_id, start, end, text, kind) VALUES ('a', 1, 10, 'x', 'direct')")
    assert link(store, a, FakeEncoder()) == []


def test_forgetting_a_document_removes_its_quotation_and_an_emptied_statement(store):
    a = add_document(store, "a", f'"{FULL}," said Idris Vantongeren.', quotes=[("Idris Vantongeren", FULL)])
    b = add_document(store, "b", f"Idris Vantongeren said {PART}.", quotes=[("Idris Vantongeren", PART)])
    c = add_document(store, "c", f'"{OTHER}," said Idris Vantongeren.', quotes=[("Idris Vantongeren", OTHER)])
    shared = link(store, a, FakeEncoder())[0]
    link(store, b, FakeEncoder())
    alone = link(store, c, FakeEncoder())[0]
    for doc_id in ("b", "c"):
        with store.transaction():
            with forgetting(store, doc_id):
                store.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    row = statement(store, shared)
    assert (row["text"], row["reports"], row["sources"]) == (FULL, 1, 1)
    assert statement(store, alone) is None


def test_short_quotations_never_link_by_meaning_alone(store):
    enc = Paraphrases({"a trustworthy partner", "a reliable partner"})
    a = add_document(store, "a", 'He called them "a trustworthy partner" on Monday, Lev Orlan said.',
                     quotes=[("Lev Orlan", "a trustworthy partner")])
    b = add_document(store, "b", 'Lev Orlan called them "a reliable partner".',
                     quotes=[("Lev Orlan", "a reliable partner")])
    assert link(store, a, enc) != link(store, b, enc)
