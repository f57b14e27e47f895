"""Walking inputs: order, hidden and unknown files, bad arguments, streaming a big folder."""
from __future__ import annotations

import os
import time
import tracemalloc

from newsgraph.model import Document, Problem
from newsgraph.read import count_inputs, read_paths
from newsgraph.settings import Settings


def write(path, text="A short article about the new library opening downtown.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_walk_sorted_recursive_skips_hidden_and_unknown(read, tmp_path):
    write(tmp_path / "b.txt", "Second article text.")
    write(tmp_path / "a.txt", "First article text.")
    write(tmp_path / "sub" / "c.txt", "Nested article text.")
    write(tmp_path / ".hidden.txt", "Hidden file text.")
    write(tmp_path / ".git" / "d.txt", "Inside a hidden folder.")
    write(tmp_path / "notes.md", "Not a supported type.")
    write(tmp_path / "image.png", "Not a supported type either.")
    items = read(tmp_path)
    assert all(isinstance(x, Document) for x in items)
    assert [x.source for x in items] == [
        os.path.join(str(tmp_path), "a.txt"),
        os.path.join(str(tmp_path), "b.txt"),
        os.path.join(str(tmp_path), "sub", "c.txt"),
    ]
    assert count_inputs([tmp_path]) == 3


def test_source_is_the_path_as_given(read, tmp_path, monkeypatch):
    write(tmp_path / "dir" / "x.TXT", "Upper-case suffix still counts as text.")
    monkeypatch.chdir(tmp_path)
    (doc,) = read("dir")
    assert doc.source == os.path.join("dir", "x.TXT")


def test_bad_arguments_are_problems_and_the_stream_goes_on(read, tmp_path):
    good = write(tmp_path / "ok.txt")
    unknown = write(tmp_path / "notes.md", "Named on purpose.")
    missing = tmp_path / "missing.txt"
    items = read(missing, unknown, good)
    assert [type(x) for x in items] == [Problem, Problem, Document]
    assert (items[0].code, items[0].source) == ("E001", str(missing))
    assert (items[1].code, items[1].source) == ("E009", str(unknown))
    assert items[1].message.startswith("E009 ")
    assert count_inputs([missing, unknown, good]) == 3


def test_explicit_hidden_file_is_read(read, tmp_path):
    hidden = write(tmp_path / ".draft.txt", "Named explicitly, so read.")
    (doc,) = read(hidden)
    assert doc.text == "Named explicitly, so read."


def test_symlink_loop_does_not_recurse_forever(read, tmp_path):
    write(tmp_path / "a" / "x.txt", "Looped folder article.")
    os.symlink(tmp_path / "a", tmp_path / "a" / "again")
    assert [d.text for d in read(tmp_path)] == ["Looped folder article."]


def test_two_thousand_files_stream(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"{i:05d}.txt").write_text(f"Article number {i} about the town council budget.\n", encoding="utf-8")
    assert count_inputs([folder]) == 2000

    stream = read_paths([folder], Settings())
    first = next(stream)  # only the first file has been read so far ...
    assert first.text.startswith("Article number 0 ")
    for i in range(1, 2000, 2):  # ... so files removed now are met as missing, not read
        os.remove(folder / f"{i:05d}.txt")
    tracemalloc.start()
    start = time.perf_counter()
    kinds = {"doc": 0, "problem": 0}
    for item in stream:
        kinds["doc" if isinstance(item, Document) else "problem"] += 1
        if isinstance(item, Problem):
            assert item.code == "E017"
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert kinds == {"doc": 999, "problem": 1000}
    assert elapsed < 20, elapsed
    assert peak < 20 * 1024 * 1024, peak


def test_two_thousand_files_speed(tmp_path):
    for i in range(2000):
        (tmp_path / f"{i:05d}.txt").write_text(f"Article {i}: the ferry timetable changes in May.\n", encoding="utf-8")
    start = time.perf_counter()
    count = sum(1 for x in read_paths([tmp_path], Settings()) if isinstance(x, Document))
    assert count == 2000
    assert time.perf_counter() - start < 10
