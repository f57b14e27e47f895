"""The stage registry: a user stage by name in the pipeline setting, clear errors, one failure flags one doc."""
from __future__ import annotations

import pytest

from .ingest_helpers import rows, write_articles
from newsgraph import api
from newsgraph.errors import NewsgraphError
from newsgraph.model import Document
from newsgraph.pipeline import STAGES, stage
from newsgraph.pipeline.registry import per_document


@pytest.fixture
def registry():
    """``stage``, with every stage a test registers removed afterwards."""
    import newsgraph.pipeline.stages  # noqa: F401  (built-ins registered before the snapshot)

    saved = dict(STAGES)
    yield stage
    STAGES.clear()
    STAGES.update(saved)


def test_a_user_stage_runs_when_named_in_the_pipeline(registry, tmp_path):
    @registry("tag-title")
    def tag_title(settings):
        def run(docs):
            for doc in docs:
                doc.title = f"tagged {len(doc.text)}"
                yield doc
        return run

    folder = tmp_path / "in"
    write_articles(folder, 3)
    db = tmp_path / "user.db"
    api.ingest([folder], db=db, workers=1, progress=False, pipeline=("clean", "tag-title"))
    titles = [t for (t,) in rows(db, "SELECT title FROM documents")]
    assert len(titles) == 3 and all(t.startswith("tagged ") for t in titles)
    # dropped from the setting, the stage does not run
    other = tmp_path / "plain.db"
    api.ingest([folder], db=other, workers=1, progress=False, pipeline=("clean",))
    assert all(not (t or "").startswith("tagged") for (t,) in rows(other, "SELECT title FROM documents"))


def test_a_user_stage_runs_in_worker_processes_too(registry, tmp_path):
    @registry("mark")
    def mark(settings):
        return per_document(lambda doc: (doc.flags.append("marked"), doc)[1], "mark")

    folder = tmp_path / "in"
    write_articles(folder, 6)
    db = tmp_path / "w2.db"
    api.ingest([folder], db=db, workers=2, batch_size=2, progress=False, pipeline=("mark",))
    assert [f for (f,) in rows(db, "SELECT flags FROM documents")] == ['["marked"]'] * 6


def test_an_unknown_stage_is_error_e014(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 1)
    with pytest.raises(NewsgraphError) as err:
        api.ingest([folder], db=tmp_path / "x.db", workers=1, progress=False, pipeline=("clean", "no-such-stage"))
    assert err.value.code == "E014"
    assert "no-such-stage" in err.value.line() and "clean" in err.value.line()  # names the known stages


def test_an_unknown_stage_from_the_cli_is_one_line_and_exit_2(tmp_path, run_cli):
    folder = tmp_path / "in"
    write_articles(folder, 1)
    config = tmp_path / "conf.toml"
    config.write_text('pipeline = ["clean", "no-such-stage"]\n')
    code, out, err = run_cli("--config", config, "ingest", folder, "--db", tmp_path / "x.db", "--workers", "1",
                             "--no-progress")
    assert code == 2
    assert err.startswith("newsgraph: E014 ") and "no-such-stage" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_stage_failing_on_one_document_flags_it_and_the_rest_are_stored(registry, tmp_path):
    @registry("fragile")
    def fragile(settings):
        def one(doc: Document) -> Document:
            if "day 2 " in doc.text:
                raise ValueError("cannot cope with this one")
            doc.flags.append("fragile-ok")
            return doc
        return per_document(one, "fragile")

    folder = tmp_path / "in"
    write_articles(folder, 4)
    db = tmp_path / "f.db"
    report = api.ingest([folder], db=db, workers=1, progress=False, pipeline=("clean", "fragile", "language"))
    assert report.added == 4 and report.flagged == 1 and not report.problems
    flags = dict(rows(db, "SELECT source, flags FROM documents"))
    import json

    by_name = {src.rsplit("/", 1)[-1]: json.loads(f) for src, f in flags.items()}
    failed = by_name.pop("article-0002.txt")
    assert any(f.startswith("failed:fragile:ValueError") for f in failed) and "not-analysed" in failed
    assert all(f == ["fragile-ok"] for f in by_name.values()), by_name
    status = dict(rows(db, "SELECT source, status FROM ingest_log"))
    assert sorted(status.values()) == ["flagged", "ok", "ok", "ok"]
