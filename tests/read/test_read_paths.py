"""Walking inputs: order, every path not read named with its reason, bad arguments, streaming a big folder."""
from __future__ import annotations

import os
import socket
import time
import tracemalloc

import pytest

from newsgraph.model import Document, Problem
from newsgraph.read import count_inputs, read_paths
from newsgraph.read.paths import SUFFIXES
from newsgraph.settings import Settings


def write(path, text="A short article about the new library opening downtown.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_walk_sorted_recursive_names_hidden_and_unknown(read, tmp_path):
    write(tmp_path / "b.txt", "Second article text.")
    write(tmp_path / "a.txt", "First article text.")
    write(tmp_path / "sub" / "c.txt", "Nested article text.")
    write(tmp_path / ".hidden.txt", "Hidden file text.")
    write(tmp_path / ".git" / "d.txt", "Inside a hidden folder.")
    write(tmp_path / "notes.md", "Not a supported type.")
    write(tmp_path / "image.png", "Not a supported type either.")
    items = read(tmp_path)
    assert [(x.source, getattr(x, "code", "doc")) for x in items] == [
        (os.path.join(str(tmp_path), ".git"), "E025"),
        (os.path.join(str(tmp_path), ".hidden.txt"), "E025"),
        (os.path.join(str(tmp_path), "a.txt"), "doc"),
        (os.path.join(str(tmp_path), "b.txt"), "doc"),
        (os.path.join(str(tmp_path), "image.png"), "E009"),
        (os.path.join(str(tmp_path), "notes.md"), "E009"),
        (os.path.join(str(tmp_path), "sub", "c.txt"), "doc"),
    ]
    assert count_inputs([tmp_path]) == 7


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
    loop, doc = read(tmp_path)
    assert doc.text == "Looped folder article."
    assert (loop.source, loop.code, loop.status) == (str(tmp_path / "a" / "again"), "E026", "error")
    assert f"back to {tmp_path / 'a'}" in loop.message


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


# -- every path not read is one problem with its reason ---------------------------------------


def codes(items) -> list[tuple[str, str]]:
    """(file name, code) per item, "doc" for a Document."""
    return [(os.path.basename(x.source), getattr(x, "code", "doc")) for x in items]


@pytest.fixture
def no_reader(monkeypatch):
    """Fail the test if any reader opens a file (a fifo opened would hang it)."""
    import newsgraph.read as read_mod

    def refuse(path, settings):
        raise AssertionError(f"{path} should not be opened")

    for fmt in list(read_mod.READERS):
        monkeypatch.setitem(read_mod.READERS, fmt, refuse)


def test_hidden_folder_is_one_problem_never_entered(read, tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "deep/c.txt"):
        write(tmp_path / ".git" / name)
    listed = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda p: listed.append(os.fspath(p)) or scandir(p))
    (problem,) = read(tmp_path)
    assert (problem.source, problem.code, problem.status) == (str(tmp_path / ".git"), "E025", "skipped")
    assert "hidden folder" in problem.message
    assert listed == [str(tmp_path)]  # the hidden folder was never listed


def test_hidden_folder_named_explicitly_is_walked(read, tmp_path):
    write(tmp_path / ".archive" / "x.txt", "Named on purpose.")
    assert [d.text for d in read(tmp_path / ".archive")] == ["Named on purpose."]


def test_unsupported_extension_says_which_are_read(read, tmp_path):
    write(tmp_path / "notes.md")
    write(tmp_path / "README")
    write(tmp_path / "dump.gz")
    write(tmp_path / "page.HTM", "<html><body><p>" + "The council approved the budget. " * 5 + "</p></body></html>")
    items = read(tmp_path)
    assert codes(items) == [("README", "E009"), ("dump.gz", "E009"), ("notes.md", "E009"), ("page.HTM", "doc")]
    readme, gz, md = items[:3]
    assert "(no extension)" in readme.message and "(.gz)" in gz.message and "(.md)" in md.message
    assert all(p.status == "skipped" for p in (readme, gz, md))
    for suffix, _ in SUFFIXES:  # the message lists exactly what is read
        assert f" {suffix} " in md.message.replace(" files", " ")


def test_symlinks_pointing_at_each_other(read, tmp_path):
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    write(tmp_path / "ok.txt")
    items = read(tmp_path)
    assert codes(items) == [("a", "E026"), ("b", "E026"), ("ok.txt", "doc")]
    assert "symbolic link loop" in items[0].message
    (named,) = read(tmp_path / "a")
    assert named.code == "E026" and named.source == str(tmp_path / "a")


def test_broken_symlink(read, tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    os.symlink("nowhere", tmp_path / "link")
    items = read(tmp_path)
    assert codes(items) == [("link", "E027"), ("link.txt", "E027")]
    assert "(to nowhere)" in items[0].message
    assert [p.code for p in read(tmp_path / "link.txt")] == ["E027"]
    assert [p.code for p in read(tmp_path / "missing.txt")] == ["E001"]


def test_fifo_socket_and_device_are_not_opened(read, tmp_path, no_reader):
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "sock.txt"))
    except OSError:
        pytest.skip("cannot make a unix socket here")
    try:
        items = read(tmp_path)
        assert codes(items) == [("pipe.txt", "E028"), ("sock.txt", "E028")]
        assert "(a named pipe)" in items[0].message and "(a socket)" in items[1].message
        assert all(p.status == "skipped" for p in items)
        (named,) = read(tmp_path / "pipe.txt")
        assert named.code == "E028"
    finally:
        sock.close()
    if os.path.exists("/dev/null"):
        (device,) = read("/dev/null")
        assert device.code == "E028" and "(a character device)" in device.message


def test_unreadable_folder_is_one_problem_and_the_walk_goes_on(read, tmp_path, monkeypatch):
    write(tmp_path / "a.txt")
    write(tmp_path / "locked" / "x.txt")
    write(tmp_path / "z.txt")
    locked = str(tmp_path / "locked")
    scandir = os.scandir

    def guarded(path):  # chmod cannot lock root out, so the refusal is staged
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    items = read(tmp_path)
    assert codes(items) == [("a.txt", "doc"), ("locked", "E017"), ("z.txt", "doc")]
    assert items[1].message.startswith(f"E017 cannot read {locked} (Permission denied)")
    assert [p.code for p in read(locked)] == ["E017"]


def test_unreadable_folder_for_real(read, tmp_path):
    write(tmp_path / "locked" / "x.txt")
    os.chmod(tmp_path / "locked", 0)
    try:
        if os.access(tmp_path / "locked", os.R_OK):
            pytest.skip("running as root: every folder is readable")
        assert codes(read(tmp_path)) == [("locked", "E017")]
    finally:
        os.chmod(tmp_path / "locked", 0o755)


def test_folder_link_followed_once(read, tmp_path):
    outside = tmp_path / "outside"
    write(outside / "o.txt", "Reached through a link.")
    root = tmp_path / "root"
    write(root / "real" / "r.txt", "Read once.")
    os.symlink(outside, root / "away")       # a folder not otherwise walked: followed
    os.symlink(root / "real", root / "same")  # a folder walked already: named, not read again
    items = read(root)
    assert [(os.path.relpath(x.source, root), getattr(x, "code", "doc")) for x in items] == [
        (os.path.join("away", "o.txt"), "doc"),
        (os.path.join("real", "r.txt"), "doc"),
        ("same", "E029"),
    ]
    assert f"already read ({root / 'real'})" in items[2].message and items[2].status == "skipped"


def test_name_not_utf8_is_a_problem_that_can_be_stored(read, tmp_path):
    folder = os.fsencode(tmp_path)
    try:
        with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as f:
            f.write(b"An article under a Latin-1 file name.")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (problem,) = read(tmp_path)
    assert problem.code == "E030"
    assert problem.source == os.path.join(str(tmp_path), "caf\\xe9.txt")
    problem.message.encode("utf-8")  # printable and storable: no lone surrogates


def test_problem_statuses(read, tmp_path):
    write(tmp_path / ".hidden")
    write(tmp_path / "x.md")
    os.symlink("nowhere", tmp_path / "broken")
    by_code = {p.code: p.status for p in read(tmp_path, tmp_path / "missing")}
    assert by_code == {"E025": "skipped", "E009": "skipped", "E027": "error", "E001": "error"}


def test_count_matches_what_is_read_and_opens_nothing(tmp_path, monkeypatch):
    write(tmp_path / "a.txt")
    write(tmp_path / ".git" / "x.txt")
    write(tmp_path / "n.md")
    write(tmp_path / "sub" / "b.html", "<p>x</p>")
    os.symlink(tmp_path / "b", tmp_path / "l1")
    os.symlink(tmp_path / "l1", tmp_path / "b")
    os.symlink(tmp_path / "sub", tmp_path / "sub2")
    os.mkfifo(tmp_path / "p.txt")
    items = list(read_paths([tmp_path, tmp_path / "missing"], Settings()))
    import builtins

    def no_open(*args, **kwargs):
        raise AssertionError("count_inputs opened a file")

    monkeypatch.setattr(builtins, "open", no_open)
    assert count_inputs([tmp_path, tmp_path / "missing"]) == len(items) == 9
