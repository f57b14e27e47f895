"""Quotations as the read side gives them: the contract fields, the source kind among them."""
from __future__ import annotations

from newsgraph.query.quotes import quotes
from newsgraph.store.sqlite import Store

KINDS = {"person", "organisation", "document", "anonymous", "unknown"}


def test_every_quotation_has_a_source_kind_and_unattributed_ones_are_unknown(example_db):
    with Store(example_db) as store:
        rows = list(quotes(store))
    assert rows and {r["source_kind"] for r in rows} <= KINDS
    assert "person" in {r["source_kind"] for r in rows}
    assert all(r["source_kind"] == "unknown" for r in rows if r["speaker_mention"] is None)
