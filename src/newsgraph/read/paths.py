"""Which files to read: walk folders (recursive, sorted, hidden skipped) and tell formats apart.

Only paths are listed, lazily, one folder at a time, so a folder of thousands of
files streams. A folder's unknown files are skipped silently; a file named
explicitly but of unknown type is a problem the user should hear about.
"""
from __future__ import annotations

import os
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


def format_of(path: str) -> str | None:
    """The reader name for a file, from its suffix (case-insensitive), or None."""
    name = os.path.basename(path).lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return fmt
    return None


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[str, str] | NewsgraphError]:
    """Yield ``(path, format)`` for each file to read, or the error for a bad argument."""
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            yield from walk(path)
        elif not os.path.exists(path):
            yield NewsgraphError(E.NOT_FOUND, path=path)
        elif (fmt := format_of(path)) is None:
            yield NewsgraphError(E.UNSUPPORTED, path=path)
        else:
            yield path, fmt


def walk(root: str, _seen: set[tuple[int, int]] | None = None) -> Iterator[tuple[str, str]]:
    """Readable files under ``root`` in name order, depth first, hidden names skipped.

    Folder symlinks are followed once each, so a link loop cannot recurse forever.
    """
    seen = set() if _seen is None else _seen
    try:
        info = os.stat(root)
        with os.scandir(root) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return  # unreadable folder: nothing listed (a named one is reported by the caller)
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return
    seen.add(key)
    for entry in entries:
        path = os.path.join(root, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            yield from walk(path, seen)
        elif (fmt := format_of(entry.name)) is not None:
            yield path, fmt


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many files (or bad arguments) ``read_paths`` will go through.

    A cheap estimate for a progress bar: it lists folders but opens no file, so
    a .jsonl or .warc file counts once however many articles it holds.
    """
    return sum(1 for _ in iter_inputs(paths))
