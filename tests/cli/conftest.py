"""Fixtures for CLI tests: an in-process runner and a small database built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

# Invented articles: two outlets, two speakers quoted directly.
ARTICLES = {
    "harbour/ferry.txt": (
        "The ferry line to the northern islands will reopen in April, the port authority said on Monday.\n\n"
        '"We have repaired both vessels and hired twelve new crew members," said Idris Vantongeren, '
        "the harbour commissioner. He added that tickets would go on sale in March.\n\n"
        '"This is the best news the islands have had in years," said Mirela Soltanova, a local shop owner.\n'
    ),
    "council/budget.txt": (
        "The town council approved a smaller budget on Thursday after a four-hour debate.\n\n"
        '"We cannot spend money we do not have," said Mirela Soltanova, who chairs the finance committee. '
        "Opposition members voted against the plan.\n\n"
        '"The cuts will hurt the libraries first," Idris Vantongeren told reporters after the vote.\n'
    ),
}


@pytest.fixture(scope="session")
def cli_db(tmp_path_factory) -> Path:
    from newsgraph import api

    root = tmp_path_factory.mktemp("cli")
    for name, text in ARTICLES.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    db = root / "cli.db"
    report = api.ingest([root / "articles"], db=db, workers=1, progress=False)
    assert report.added == 2 and report.quotes >= 4, report
    return db
