"""Acceptance: copies built from the five seeds at run time are found with the right kind and
direction, in either ingest order; the seeds themselves (independent reports) give no pair."""
from __future__ import annotations

import pytest

from newsgraph import api

from . import builders

BUILT = ("exact", "wrapped", "truncated", "spun", "reordered")
# The cleaner strips most of a wrapper's furniture: what it keeps makes the copy near, or exact.
EXPECTED = {"exact": {"exact"}, "wrapped": {"near", "exact"}, "truncated": {"partial"}, "spun": {"spun"},
            "reordered": {"near"}}
FAST = {"pipeline": "clean,language", "workers": 1, "progress": False}  # copies need no parse


def seed_texts(seeds_dir) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


def build(text: str, kind: str) -> str:
    if kind == "spun":
        spun, share = builders.spun(text)
        assert share >= 0.3, f"the synonym table swapped only {share:.0%} of content words"
        return spun
    if kind == "truncated":
        cut = builders.truncated(text)
        assert 0.4 <= len(cut) / len(text.strip()) <= 0.6
        return cut
    return getattr(builders, kind)(text)


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir) -> dict[str, list[dict]]:
    """The copy pairs found, by ingest order: originals first ('originals') or copies first ('copies')."""
    folder = tmp_path_factory.mktemp("built")
    texts = seed_texts(seeds_dir)
    originals = builders.write_jsonl(folder / "originals.jsonl", [
        {"text": t, "title": f"seed {i}", "published": f"2021-01-{i + 1:02d}"} for i, t in enumerate(texts)])
    copies = builders.write_jsonl(folder / "copies.jsonl", [
        {"text": build(t, kind), "title": f"seed {i} {kind}", "published": f"2021-03-{i + 1:02d}"}
        for i, t in enumerate(texts) for kind in BUILT])
    found = {}
    for order, paths in (("originals", [originals, copies]), ("copies", [copies, originals])):
        db = folder / f"{order}.db"
        for path in paths:
            report = api.ingest([path], db=db, **FAST)
            assert not report.problems
        found[order] = list(api.copies(db=db))
    return found


@pytest.mark.parametrize("order", ["originals", "copies"])
def test_every_built_copy_is_found_with_its_kind_and_direction(built, order, seeds_dir):
    pairs = {(p["title"], p["original_title"]): p for p in built[order]}
    missing = []
    for i in range(len(seed_texts(seeds_dir))):
        for kind in BUILT:
            pair = pairs.get((f"seed {i} {kind}", f"seed {i}"))
            if pair is None or pair["kind"] not in EXPECTED[kind] or pair["direction"] != "published":
                missing.append((i, kind, pair and (pair["kind"], pair["direction"])))
    assert not missing


@pytest.mark.parametrize("order", ["originals", "copies"])
def test_no_pair_crosses_seeds_and_none_joins_two_originals(built, order):
    seed_of = lambda title: title.split()[1]  # noqa: E731 - "seed 3 spun" -> "3"
    crossing = [(p["title"], p["original_title"]) for p in built[order]
                if seed_of(p["title"]) != seed_of(p["original_title"])]
    assert not crossing
    assert not [p for p in built[order] if len(p["title"].split()) == 2 and len(p["original_title"].split()) == 2]


def test_built_pairs_carry_aligned_spans(built):
    for pair in built["originals"]:
        assert pair["spans"] and 0 < pair["similarity"] <= 1
        for copy_start, copy_end, original_start, original_end in pair["spans"]:
            assert copy_start < copy_end and original_start < original_end


def test_the_seed_files_are_independent(tmp_path, seeds_dir):
    db = tmp_path / "seeds.db"
    api.ingest([seeds_dir], db=db, **FAST)
    assert list(api.copies(db=db)) == []


def test_the_fully_analysed_seeds_are_independent(seed_db):
    assert list(api.copies(db=seed_db)) == []
