"""Which files to read: walk folders (recursive, name order) and tell formats apart.

Only paths are listed, lazily, one folder at a time, so a folder of thousands of
files streams. Every path given or met that is not read comes out as an error
with its reason, so the user hears about each one exactly once: hidden entries
(a hidden folder is one error and is never entered), unknown suffixes, pipes,
sockets and devices, broken links, link loops, links to a folder already read,
folders that cannot be listed and names that are not UTF-8. A hidden file
named explicitly is read.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import E, NewsgraphError

# Longest suffix first: ".warc.gz" must win over a bare ".gz".
SUFFIXES = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "txt"),
)

# Paths left out by choice rather than failure: the ingest log says 'skipped', not 'error'.
SKIPPED = frozenset({E.HIDDEN, E.UNSUPPORTED, E.NOT_REGULAR, E.FOLDER_SEEN})

_Key = tuple[int, int]


def format_of(path: str) -> str | None:
    """The reader name for a file, from its suffix (case-insensitive), or None."""
    name = os.path.basename(path).lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return fmt
    return None


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[str, str] | NewsgraphError]:
    """Yield ``(path, format)`` for each file to read, or the error for each path not read."""
    for given in paths:
        path = os.fspath(given)
        if not _utf8(path):
            yield NewsgraphError(E.BAD_NAME, path=_printable(path))
            continue
        try:
            info = os.stat(path)
        except OSError as err:
            yield _stat_error(path, err)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from walk(path, info)
        else:
            yield _file(path, info.st_mode)


def walk(root: str, info: os.stat_result | None = None, _seen: dict[_Key, str] | None = None,
         _open: set[_Key] | None = None) -> Iterator[tuple[str, str] | NewsgraphError]:
    """Files under ``root`` in name order, depth first, with an error for each entry not read.

    Folder symlinks are followed once each: a link back to a folder being
    walked is a loop, a link to one walked already is reported, not re-read.
    """
    seen = {} if _seen is None else _seen
    open_ = set() if _open is None else _open
    try:
        info = info or os.stat(root)
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield _stat_error(root, err)
        return
    key = (info.st_dev, info.st_ino)
    seen[key] = root
    open_.add(key)
    try:
        for entry in entries:
            yield from _entry(entry, seen, open_)
    finally:
        open_.discard(key)


def _entry(entry: os.DirEntry, seen: dict[_Key, str], open_: set[_Key]
           ) -> Iterator[tuple[str, str] | NewsgraphError]:
    path = entry.path
    if not _utf8(entry.name):
        yield NewsgraphError(E.BAD_NAME, path=_printable(path))
        return
    if entry.name.startswith("."):
        yield NewsgraphError(E.HIDDEN, path=path, kind="folder" if _is_dir(entry) else "file")
        return
    try:
        if entry.is_file(follow_symlinks=False):  # the common case, told by the listing: no system call
            yield _file(path, stat.S_IFREG)
            return
        info = os.stat(path) if entry.is_symlink() else entry.stat(follow_symlinks=False)
    except OSError as err:
        yield _stat_error(path, err)
        return
    if not stat.S_ISDIR(info.st_mode):
        yield _file(path, info.st_mode)
        return
    key = (info.st_dev, info.st_ino)
    if key in open_:
        yield NewsgraphError(E.SYMLINK_LOOP, path=path, detail=f"back to {seen[key]}, which holds it")
    elif key in seen:
        yield NewsgraphError(E.FOLDER_SEEN, path=path, other=seen[key])
    else:
        yield from walk(path, info, seen, open_)


def _file(path: str, mode: int) -> tuple[str, str] | NewsgraphError:
    """``(path, format)`` for a regular file of a known suffix, else why it is not read."""
    if not stat.S_ISREG(mode):
        return NewsgraphError(E.NOT_REGULAR, path=path, kind=_kind(mode))
    fmt = format_of(path)
    if fmt is None:
        suffix = os.path.splitext(os.path.basename(path))[1]
        return NewsgraphError(E.UNSUPPORTED, path=path, kind=suffix or "no extension")
    return path, fmt


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "an unknown kind of file"


def _stat_error(path: str, err: OSError) -> NewsgraphError:
    """The error for a path that cannot be looked at (or, for a folder, listed)."""
    if err.errno == errno.ELOOP:
        return NewsgraphError(E.SYMLINK_LOOP, path=path, detail="its links lead back to themselves")
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return NewsgraphError(E.BROKEN_LINK, path=path, target=target)
        return NewsgraphError(E.NOT_FOUND, path=path)
    return NewsgraphError(E.UNREADABLE, path=path, detail=err.strerror or type(err).__name__)


def _utf8(name: str) -> bool:
    """False for a name whose bytes are not UTF-8 (Python holds them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(path: str) -> str:
    """A path that can be printed and stored: undecodable bytes written as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many files (or paths not read) ``read_paths`` will go through.

    A cheap estimate for a progress bar: it lists folders but opens no file, so
    a .jsonl or .warc file counts once however many articles it holds.
    """
    return sum(1 for _ in iter_inputs(paths))
