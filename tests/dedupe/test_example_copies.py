"""Acceptance: the bundled example corpus holds one machine-spun copy and one machine translation
of its own articles; both are found with their kind and original, and nothing else is."""
from newsgraph import api
from newsgraph.cli.main import example_corpus


def test_the_spun_and_the_translated_copy_and_nothing_else(tmp_path):
    db = tmp_path / "example.db"
    api.ingest([example_corpus()], db=db, pipeline="clean,language", workers=1, progress=False)
    found = {(p["source"].rsplit("/", 1)[-1], p["original"].rsplit("/", 1)[-1]): p for p in api.copies(db=db)}
    assert set(found) == {
        ("headlines-today-dock-walkout.txt", "coast-ledger-mombasa-strike.txt"),
        ("regional-feed.jsonl#L2", "lakeside-courier-arusha-deal.html"),
    }
    spun = found["headlines-today-dock-walkout.txt", "coast-ledger-mombasa-strike.txt"]
    translated = found["regional-feed.jsonl#L2", "lakeside-courier-arusha-deal.html"]
    assert (spun["kind"], spun["direction"]) == ("spun", "longer")  # the spun copy is undated
    assert (translated["kind"], translated["direction"]) == ("translated", "published")
    assert len(translated["spans"]) >= 8
