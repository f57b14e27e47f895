"""A hostile folder through the CLI: every file is stored or named once on stderr and in the
ingest log with its reason, never a traceback, exit code 0, and a second run changes nothing.

The folder is built here at test time; the 50 MB file is sparse, so the cost is the parse of the
few good articles.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3

import pytest

from .ingest_helpers import article, make_warc, rows, write_articles

# A source may hold spaces; the code after it ends the match.
LINE = re.compile(r"^skipped (?P<source>.+?): (?P<code>E\d{3}) ")

RUSSIAN = (
    "Правительство во вторник объявило о новых мерах поддержки фермеров, пострадавших от засухи. "
    "«Мы никого не оставим без помощи», — заявил министр на пресс-конференции в Москве. "
    "Профсоюзы приветствовали эти меры, но потребовали больше средств для самых пострадавших регионов.\n"
)
LATIN1 = ("Caf\u00e9 owners near the quay said the \u00e9tude of the harbour budget was na\u00efve; "
          "the council will meet again on Thursday to vote on the new ferry timetable.\n")
SPACED = "name with spaces \u00e9\u00e8.txt"

# File (or JSONL line) -> the code it is named with; everything else in the folder is stored.
EXPECTED = {
    ".hidden": "E025",
    "blank.txt": "E002",
    "binary.txt": "E003",
    "deep.html": "E010",
    "empty.txt": "E002",
    "fake.warc": "E008",
    "feed.jsonl#L2": "E006",
    "feed.jsonl#L3": "E007",
    "huge.txt": "E005",
    "loop-a": "E026",
    "loop-b": "E026",
    "noise": "E009",
    "noise.bin": "E009",
    "noise.dat": "E009",
    "nul.txt": "E003",
    "pipe.txt": "E028",
    "truncated.warc.gz": "E008",
}
STORED = {"article-0000.txt", "article-0001.txt", "latin1.txt", "russian.txt", SPACED, "utf16.txt", "utf32.txt",
          "feed.jsonl#L1"}


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "hostile"
    write_articles(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t \r\n   \n")
    noise = os.urandom(4096)
    for name in ("noise.bin", "noise.dat", "noise"):
        (folder / name).write_bytes(noise)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8 + noise)
    (folder / "nul.txt").write_bytes(b"The council met\x00\x00 on Tuesday\x00 to vote.\n")
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    # The same texts as two articles above, in another encoding or under an odd name: exact copies, kept.
    (folder / "utf16.txt").write_bytes(article(0).encode("utf-16"))
    (folder / "utf32.txt").write_bytes(article(21).encode("utf-32"))
    (folder / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / SPACED).write_text(article(1), encoding="utf-8")
    with open(folder / "huge.txt", "wb") as f:  # over --max-mb (20): sparse, nothing written
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"\n")
    depth = 100_000
    (folder / "deep.html").write_text("<html><body>" + "<div>" * depth + "<p>Deep inside the page.</p>"
                                      + "</div>" * depth + "</body></html>", encoding="utf-8")
    (folder / "feed.jsonl").write_text("\n".join([json.dumps({"text": article(23)}), "{not json",
                                                  json.dumps({"title": "no body"})]) + "\n", encoding="utf-8")
    warc = make_warc([article(24), article(25), article(26)])
    (folder / "truncated.warc.gz").write_bytes(warc[: int(len(warc) * 0.8)])
    (folder / "fake.warc").write_text("Just text, named like an archive.\n", encoding="utf-8")
    os.symlink(folder / "loop-b", folder / "loop-a")
    os.symlink(folder / "loop-a", folder / "loop-b")
    os.mkfifo(folder / "pipe.txt")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text(article(27), encoding="utf-8")
    return folder


def problem_lines(err: str) -> list[tuple[str, str]]:
    return [(m["source"], m["code"]) for line in err.splitlines() if (m := LINE.match(line))]


def all_counts(db) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def test_hostile_folder(hostile, tmp_path, run_cli):
    db = tmp_path / "hostile.db"
    args = ("ingest", hostile, "--db", db, "--workers", "1", "--no-progress")
    code, out, err = run_cli(*args)
    assert code == 0, err
    assert "Traceback" not in out + err

    rel = lambda source: os.path.relpath(source, hostile)  # noqa: E731
    named = [(rel(s), c) for s, c in problem_lines(err)]
    assert dict(named) == EXPECTED, err
    assert len(named) == len(EXPECTED)  # one line each
    others = [line for line in err.splitlines() if not LINE.match(line)]
    assert len(others) == 1 and others[0].startswith("added "), err  # nothing else on stderr
    logged = rows(db, "SELECT source, status, code, message FROM ingest_log WHERE status IN ('error', 'skipped')")
    assert sorted((rel(s), c) for s, _, c, _ in logged) == sorted(named)
    assert all(m.startswith(c + " ") for _, _, c, m in logged)  # with the reason
    assert {rel(s): st for s, st, _, _ in logged if st == "skipped"} == {
        ".hidden": "skipped", "noise": "skipped", "noise.bin": "skipped", "noise.dat": "skipped",
        "pipe.txt": "skipped"}

    stored = {rel(s) for (s,) in rows(db, "SELECT source FROM documents")}
    warc_docs = {s for s in stored if s.startswith("truncated.warc.gz#")}
    assert 1 <= len(warc_docs) < 3, stored  # the records before the damage
    assert stored - warc_docs == STORED
    # every entry of the folder is stored or named
    for name in os.listdir(hostile):
        assert name in STORED or name in EXPECTED or any(s.startswith(name + "#") for s in stored), name

    (flags, language), = rows(db, "SELECT flags, language FROM documents WHERE source LIKE '%russian.txt'")
    assert language == "ru" and "not-analysed" in flags
    (text,), = rows(db, "SELECT text FROM documents WHERE source LIKE '%latin1.txt'")
    assert text == LATIN1
    (text,), = rows(db, "SELECT text FROM documents WHERE source LIKE '%utf16.txt'")
    assert text == article(0)
    copies = rows(db, """SELECT c.source, o.source, k.kind FROM copies k JOIN documents c ON c.id = k.document_id
                         JOIN documents o ON o.id = k.original_id WHERE k.kind = 'exact'""")
    assert sorted((rel(a), rel(b), kind) for a, b, kind in copies) == [
        ("name with spaces \u00e9\u00e8.txt", "article-0001.txt", "exact"), ("utf16.txt", "article-0000.txt", "exact")]

    before = all_counts(db)
    log_before = sorted(rows(db, "SELECT source, status, code, message FROM ingest_log"))
    code, out, err = run_cli(*args)
    assert code == 0 and "Traceback" not in out + err
    assert sorted(problem_lines(err)) == sorted((os.path.join(hostile, n), c) for n, c in named)
    assert all_counts(db) == before
    assert sorted(rows(db, "SELECT source, status, code, message FROM ingest_log")) == log_before
