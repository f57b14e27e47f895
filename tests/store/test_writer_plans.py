"""The writer's look-ups stay flat as the store grows: every statement it runs while storing a
document is served by an index (SQLite's query plan reads no table whole), and the per-run
checks for documents stored before copy detection and stories read only the small key index."""
import re
import shutil
import sys

from newsgraph import api
from newsgraph.cli.main import example_corpus
from newsgraph.store.sqlite import Store

_SCAN = re.compile(r"^SCAN (\w+)")


def _scans(db, sql: str) -> list[str]:
    """The tables (or aliases) the plan of ``sql`` reads whole; virtual tables and constants aside."""
    plan = db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    return [m.group(1) for *_, detail in plan
            if (m := _SCAN.match(detail)) and "VIRTUAL TABLE" not in detail and m.group(1) != "CONSTANT"]


def test_storing_a_document_reads_no_table_whole(example_db, tmp_path, monkeypatch):
    db = tmp_path / "store.db"
    shutil.copyfile(example_db, db)
    with Store(db) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM documents ORDER BY rowid")]
        for doc_id in (ids[1], ids[-1]):  # ingesting the corpus again stores these two anew
            assert store.delete_document(doc_id)
    statements: list[tuple[bool, str]] = []
    writing = [False]
    ingest_module = sys.modules["newsgraph.pipeline.ingest"]
    save = ingest_module.save_document

    def traced_save(store, doc, settings=None):
        writing[0] = True
        try:
            return save(store, doc, settings)
        finally:
            writing[0] = False

    opened = Store.__init__

    def traced_init(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        self.db.set_trace_callback(lambda sql: statements.append((writing[0], sql)))

    monkeypatch.setattr(ingest_module, "save_document", traced_save)
    monkeypatch.setattr(Store, "__init__", traced_init)
    report = api.ingest([example_corpus()], db=db, workers=1, progress=False)
    assert report.added == 2
    per_document = [sql for in_doc, sql in statements if in_doc]
    assert any("story_entities" in sql for sql in per_document)  # the tracing saw the writer's look-ups
    with Store(db, readonly=True) as store:
        found = {}
        for in_doc, sql in statements:
            if sql.startswith("--") or sql.split()[0].upper() in ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA"):
                continue
            if "'main'." in sql:  # FTS5 reading its own one-row config tables
                continue
            scans = _scans(store.db, sql)
            allowed = [] if in_doc else ["k"]  # per run: the anti-joins walk document_keys (ids only)
            if [s for s in scans if s not in allowed]:
                found[" ".join(sql.split())[:160]] = scans
    assert not found, found


def test_stories_between_reads_latest_first_then_undated(tmp_path):
    with Store(tmp_path / "s.db") as store:
        days = {}
        for first, last in [("2024-01-01", "2024-01-03"), ("2024-02-01", "2024-02-02"), (None, None),
                            ("2024-01-20", "2024-03-01"), ("2023-05-01", "2023-05-02")]:
            story_id = store.add_story()
            store.update_story(story_id, {"first": first, "last": last})
            days[story_id] = (first, last)
        assert store.stories_between("2024-01-02", "2024-02-01", 10) == [4, 2, 1, 3]
        assert store.stories_between(None, None, 10) == [4, 2, 1, 5, 3]
        assert store.stories_between("2024-02-15", None, 10) == [4, 3]
        assert store.stories_between(None, "2023-12-31", 10) == [5, 3]
        assert store.stories_between(None, None, 2) == [4, 2]


def test_stories_naming_counts_at_most_the_latest_stories_of_a_key(tmp_path):
    with Store(tmp_path / "s.db") as store:
        stories = [store.add_story() for _ in range(5)]
        for n, story_id in enumerate(stories):
            store.count_story_entities(story_id, {"a:port": "port"}, n + 1)
        store.count_story_entities(stories[0], {"p:1": "Ann Roe"}, 10)
        assert store.stories_naming(["a:port", "p:1"], 10, per_key=10) == [stories[0], stories[4], stories[3],
                                                                             stories[2], stories[1]]
        # per key only its 2 latest stories count: the oldest is found through its other key only
        assert store.stories_naming(["a:port", "p:1"], 10, per_key=2) == [stories[0], stories[4], stories[3]]
        assert store.stories_naming(["a:port"], 1, per_key=2) == [stories[4]]
