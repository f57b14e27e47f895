"""Bad input end to end: each problem is one stderr line, one ingest_log row, never a traceback,
and the batch goes on (exit code 0)."""
from __future__ import annotations

import os
import re
import tracemalloc

import pytest

from .ingest_helpers import FRENCH, article, make_warc, rows, table_counts, write_articles
from newsgraph import api

LINE = re.compile(r"^skipped (?P<source>\S+): (?P<code>E\d{3}) ")

FAST = ("clean", "language")  # enough to store, flag languages; no parse


def problem_lines(err: str) -> list[re.Match]:
    return [m for line in err.splitlines() if (m := LINE.match(line))]


def error_log(db) -> dict[str, str]:
    """source -> code for every error row of the ingest log."""
    return {src: code for src, code in rows(db, "SELECT source, code FROM ingest_log WHERE status = 'error'")}


@pytest.fixture
def bad_folder(tmp_path):
    """One of each bad input of the issue, next to two good articles."""
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 40 + os.urandom(2000))
    latin = "Caf\u00e9 owners in the old town said the \u201cna\u00efve\u201d plan \u2013 a cr\u00e8me of ideas \u2013 " \
            "would fail. The council met on Tuesday to discuss the harbour budget.\n"
    (folder / "latin.txt").write_bytes(latin.encode("cp1252"))
    (folder / "french.txt").write_text(FRENCH + "\n", encoding="utf-8")
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    lines = ['{"text": %s, "title": "Good one"}' % _json(article(100)), "{this is not json",
             '{"text": %s}' % _json(article(101))]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    warc = make_warc([article(200), article(201), article(202)])
    (folder / "crawl.warc.gz").write_bytes(warc[: int(len(warc) * 0.8)])
    return folder


def _json(text: str) -> str:
    import json

    return json.dumps(text)


EXPECTED = {"empty.txt": "E002", "blob.txt": "E003", "huge.txt": "E005", "feed.jsonl#L2": "E006",
            "crawl.warc.gz": "E008"}


def test_cli_reports_each_bad_input_once_and_goes_on(bad_folder, tmp_path, run_cli):
    db = tmp_path / "bad.db"
    code, out, err = run_cli("ingest", bad_folder, "--db", db, "--workers", "1", "--no-progress")
    assert code == 0, err
    assert "Traceback" not in err and "Traceback" not in out
    found = problem_lines(err)
    by_name = {os.path.relpath(m["source"], bad_folder): m["code"] for m in found}
    assert by_name == EXPECTED, err
    assert len(found) == len(EXPECTED)  # exactly one line per problem
    # every stderr line is either a problem line or the final summary
    others = [line for line in err.splitlines() if not LINE.match(line)]
    assert len(others) == 1 and others[0].startswith("added "), err
    assert {os.path.relpath(s, bad_folder): c for s, c in error_log(db).items()} == EXPECTED

    stored = {os.path.relpath(s, bad_folder) for (s,) in rows(db, "SELECT source FROM documents")}
    # 2 articles, latin, french, 2 good JSONL lines, and the WARC records before the damage
    assert {"article-0000.txt", "article-0001.txt", "latin.txt", "french.txt",
            "feed.jsonl#L1", "feed.jsonl#L3"} <= stored
    warc_docs = sorted(s for s in stored if s.startswith("crawl.warc.gz#"))
    assert 1 <= len(warc_docs) < 3, warc_docs


def test_latin1_text_is_decoded_right(bad_folder, tmp_path):
    db = tmp_path / "latin.db"
    api.ingest([bad_folder / "latin.txt"], db=db, workers=1, progress=False)
    (text, encoding), = rows(db, "SELECT text, encoding FROM documents")
    assert text.startswith("Caf\u00e9 owners") and "\u201cna\u00efve\u201d" in text and "\u2013" in text
    assert encoding and encoding.lower().replace("-", "") in {"cp1252", "windows1252", "latin1", "iso88591"}


def test_non_english_article_is_stored_flagged_and_has_no_quotes(bad_folder, tmp_path):
    db = tmp_path / "fr.db"
    report = api.ingest([bad_folder / "french.txt"], db=db, workers=1, progress=False)
    assert (report.added, report.flagged, report.quotes) == (1, 1, 0)
    doc, = api.documents(db=db)
    assert doc["language"] == "fr"
    assert "non-english" in doc["flags"] and "not-analysed" in doc["flags"]
    assert "sécheresse" in doc["text"]
    assert list(api.quotes(db=db)) == []
    assert rows(db, "SELECT status FROM ingest_log") == [("flagged",)]


def test_api_ingest_reports_problems_and_logs_them(bad_folder, tmp_path):
    db = tmp_path / "api.db"
    report = api.ingest([bad_folder], db=db, workers=1, progress=False, pipeline=FAST)
    assert {os.path.relpath(p.source, bad_folder): p.code for p in report.problems} == EXPECTED
    assert all(p.message.startswith(p.code) and "\n" not in p.message for p in report.problems)
    assert report.added >= 7
    assert table_counts(db)["documents"] == report.added


def test_huge_file_is_refused_without_being_read(tmp_path):
    folder = tmp_path / "big"
    write_articles(folder, 1)
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    warm = tmp_path / "warm"  # imports and model loads happen here, outside the measure
    write_articles(warm, 1, start=7)
    api.ingest([warm], db=tmp_path / "warm.db", workers=1, progress=False, pipeline=FAST)
    tracemalloc.start()
    try:
        report = api.ingest([folder], db=tmp_path / "big.db", workers=1, progress=False, pipeline=FAST)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.code for p in report.problems] == ["E005"]
    assert "50.0 MB" in report.problems[0].message
    assert report.added == 1  # the batch went on
    assert peak < 5 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB: the file was read"


def test_huge_file_alone_from_the_cli(tmp_path, run_cli):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    code, out, err = run_cli("ingest", huge, "--db", tmp_path / "h.db", "--workers", "1", "--no-progress")
    assert code == 1  # the only input failed: not a success
    found = problem_lines(err)
    assert [m["code"] for m in found] == ["E005"]
    assert "Traceback" not in err


def test_a_folder_of_3000_tiny_files_streams(tmp_path, monkeypatch):
    import newsgraph.read as read

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(3000):
        (folder / f"n{i:04d}.txt").write_text(f"Note {i}: the harbour board met and agreed item {i}.\n")
    opened: list[str] = []
    seen_at_first_add: list[int] = []
    reader = read.READERS["txt"]

    def counting(path, settings):
        opened.append(path)
        return reader(path, settings)

    def on_event(kind, item):
        if kind == "added" and not seen_at_first_add:
            seen_at_first_add.append(len(opened))

    monkeypatch.setitem(read.READERS, "txt", counting)
    db = tmp_path / "many.db"
    report = api.ingest([folder], db=db, workers=1, progress=False, pipeline=FAST, on_event=on_event)
    assert report.added == 3000 and not report.problems
    assert table_counts(db)["documents"] == 3000
    assert len(opened) == 3000
    # The first document was stored long before the last file was opened: nothing is listed whole.
    assert seen_at_first_add and seen_at_first_add[0] < 100


def test_truncated_warc_keeps_records_before_the_damage(tmp_path):
    texts = [article(300 + i) for i in range(4)]
    warc = make_warc(texts)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(warc[: int(len(warc) * 0.7)])
    db = tmp_path / "warc.db"
    report = api.ingest([path], db=db, workers=1, progress=False, pipeline=FAST)
    assert [p.code for p in report.problems] == ["E008"]
    stored = [t for (t,) in rows(db, "SELECT text FROM documents ORDER BY source")]
    assert 1 <= len(stored) < 4
    assert stored == [t for t in texts[: len(stored)]]  # whole records, verbatim, in order
    assert error_log(db) == {str(path): "E008"}


def test_bad_jsonl_line_among_good_ones(tmp_path, run_cli):
    good = [_json(article(400 + i)) for i in range(3)]
    lines = ['{"text": %s}' % good[0], '{"text": %s}' % good[1], "[1, 2, 3]", '{"text": %s}' % good[2],
             '{"title": "no body at all"}']
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "j.db"
    code, out, err = run_cli("ingest", path, "--db", db, "--workers", "1", "--no-progress")
    assert code == 0
    assert [(m["source"], m["code"]) for m in problem_lines(err)] == [
        (f"{path}#L3", "E006"), (f"{path}#L5", "E007")]
    assert sorted(s for (s,) in rows(db, "SELECT source FROM documents")) == [
        f"{path}#L1", f"{path}#L2", f"{path}#L4"]
    assert error_log(db) == {f"{path}#L3": "E006", f"{path}#L5": "E007"}


def test_missing_path_among_good_ones_is_one_line(tmp_path, run_cli):
    folder = tmp_path / "in"
    write_articles(folder, 1)
    db = tmp_path / "m.db"
    code, out, err = run_cli("ingest", tmp_path / "nope.txt", folder, "--db", db, "--workers", "1",
                             "--no-progress")
    assert code == 0
    assert [m["code"] for m in problem_lines(err)] == ["E001"]
    assert table_counts(db)["documents"] == 1
