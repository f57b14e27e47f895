"""Acceptance (issue 10): copies built at run time from real articles that nobody here wrote
(../shared/data/polnear/dev) are all found with their kind and direction: the same text under
another name and publisher, the text wrapped in another site's furniture, cut short, and spun."""
from __future__ import annotations

import pytest

from newsgraph import api

from conftest import SHARED
from . import builders

DEV = SHARED / "data" / "polnear" / "dev" / "text"
pytestmark = pytest.mark.shared("polnear")

ARTICLES = 10
EXPECTED = {"same": {"exact"}, "wrapped": {"exact", "near"}, "truncated": {"partial"}, "spun": {"spun"}}
FAST = {"pipeline": "clean,language", "workers": 1, "progress": False}  # copies need no parse


def build(text: str, kind: str) -> str:
    if kind == "same":
        return text  # the very same text, under another name and publisher
    if kind == "spun":
        return builders.spun(text)[0]
    return getattr(builders, kind)(text)


def real_articles() -> list[str]:
    """The longest dev articles (spinning and cutting need a body to work on), in name order."""
    paths = sorted(DEV.glob("*.txt"), key=lambda p: (-p.stat().st_size, p.name))[:ARTICLES]
    return [p.read_text(encoding="utf-8") for p in sorted(paths)]


@pytest.fixture(scope="module")
def pairs(tmp_path_factory) -> dict[tuple[str, str], dict]:
    folder = tmp_path_factory.mktemp("real")
    texts = real_articles()
    originals = builders.write_jsonl(folder / "originals.jsonl", [
        {"text": t, "title": f"real {i}", "publisher": f"Outlet {i}", "published": f"2016-10-{i + 1:02d}"}
        for i, t in enumerate(texts)])
    copies = builders.write_jsonl(folder / "copies.jsonl", [
        {"text": build(t, kind), "title": f"real {i} {kind}", "publisher": f"Reprinter {i} {kind}",
         "published": f"2016-11-{i + 1:02d}"} for i, t in enumerate(texts) for kind in EXPECTED])
    db = folder / "real.db"
    for path in (originals, copies):
        report = api.ingest([path], db=db, **FAST)
        assert not report.problems and report.added == len(texts) * (1 if path == originals else len(EXPECTED))
    return {(p["title"], p["original_title"]): p for p in api.copies(db=db)}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_every_copy_of_a_real_article_is_found_with_its_kind_and_direction(pairs, kind):
    wrong = []
    for i in range(ARTICLES):
        pair = pairs.get((f"real {i} {kind}", f"real {i}"))
        if pair is None or pair["kind"] not in EXPECTED[kind] or pair["direction"] != "published":
            wrong.append((i, pair and (pair["kind"], pair["direction"])))
    assert not wrong, f"{len(wrong)}/{ARTICLES} {kind} copies missed or wrong: {wrong}"


def test_no_pair_joins_two_different_real_articles(pairs):
    crossing = [key for key in pairs if key[0].split()[1] != key[1].split()[1]]
    assert not crossing
