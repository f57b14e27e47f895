"""Printing rows as a table for people, or as JSONL / CSV for other tools."""
from __future__ import annotations

import csv
import json
import sys
from typing import Iterable, Sequence, TextIO

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "jsonl", "csv")

WIDE = {"text": 4, "title": 3, "roles": 2, "aliases": 2, "where": 2, "speaker": 2, "source": 2, "name": 2,
        "evidence": 5, "actor": 2, "recipient": 2, "what": 2, "flags": 2, "copy": 3, "of": 3}
# Sized to their content: a date folded over two lines is hard to read.
FIT = {"date", "period", "direction", "score", "similarity", "sentences", "copy_kind"}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def write_rows(rows: Iterable[dict], fmt: str, columns: Sequence[tuple[str, str]],
               title: str | None = None, out: TextIO | None = None) -> int:
    """Write ``rows``; ``columns`` are (key, header) pairs shown in the table
    format (JSONL and CSV carry every field). Returns the number of rows."""
    out = out or sys.stdout
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
            count += 1
        return count
    table = Table(title=title, show_lines=True, expand=True)
    for key, header in columns:
        # Running text gets most of the width; codes and names what they need.
        table.add_column(header, overflow="fold", ratio=None if key in FIT else WIDE.get(key, 1),
                         no_wrap=key in FIT)
    for row in rows:
        table.add_row(*(_cell(row.get(key)) for key, _ in columns))
        count += 1
    console = Console(file=out, soft_wrap=False)
    if count:
        console.print(table)
    else:
        console.print("(nothing found)")
    return count
