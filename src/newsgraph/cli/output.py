"""Printing rows as a table for people, or as JSONL / CSV for other tools."""
from __future__ import annotations

import csv
import json
import sys
from typing import Iterable, Sequence, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "jsonl", "csv")

WIDE = {"text": 4, "title": 3, "document": 3, "roles": 2, "aliases": 2, "where": 2, "speaker": 2, "source": 2,
        "name": 2, "evidence": 5, "actor": 2, "recipient": 2, "what": 2, "flags": 2, "copy": 3, "of": 3}
# Sized to their content: a date folded over two lines is hard to read.
FIT = {"date", "period", "direction", "score", "similarity", "sentences", "copy_kind", "published"}


class QuietConsole(Console):
    """A rich Console that leaves a closed stdout (``| head``) to ``main()``, which ends every
    command the same quiet way; rich's own handling exits with code 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 problem', '2 problems', '0 stories': a count with its noun agreeing (``plural`` when irregular)."""
    if n == 1:
        return f"1 {noun}"
    if plural is None:
        plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{n} {plural}"


def actor_label(actor: dict) -> str:
    """'Kenya (KEN:GOV)', 'Bernard Mwangemi (LAB)', or the bare name when it has no code."""
    code = ":".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{actor['name']} ({code})" if code else actor["name"]


def _where(item: dict) -> str:
    return f"{item['source']} [{item['start']}:{item['end']}]"


# CSV: one cell per field, a list's items joined with "; ", each in a form people read; a field
# not listed here gives its items as they are (JSON for a structure). JSONL keeps every structure.
CSV_ITEMS = {
    "removed": lambda r: f"{r[2]} [{r[0]}:{r[1]}]",  # [start, end, reason]
    "spans": lambda s: f"[{s[0]}:{s[1]}]->[{s[2]}:{s[3]}]",  # copy range -> original range
    "actor": actor_label,
    "recipient": actor_label,
    "evidence": _where,
    "quotes": _where,
}


def _plain(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)


def csv_cell(key: str, value: object) -> object:
    """The CSV cell of field ``key``: lists joined with '; ', scalars as they are."""
    if isinstance(value, (list, tuple)):
        item = CSV_ITEMS.get(key, _plain)
        return "; ".join(item(v) for v in value)
    if isinstance(value, dict):
        return _plain(value)
    return value


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


SOFT = 12  # a column is not made narrower than its longest word up to this, while there is room


def _longest_word(text: str) -> int:
    return max((cell_len(w) for w in text.split()), default=0)


def fit_widths(columns: Sequence[tuple[str, str]], cells: list[list[str]], width: int) -> list[int]:
    """Content widths of a boxed table's columns so it fits in ``width`` terminal columns.

    No header is broken inside a word, and a FIT column (dates, scores) is not folded, as long as
    the minima fit; then each column gets up to its longest word (at most SOFT), then what is left
    goes to the columns still folding, by their WIDE weight, never beyond what their content needs.
    """
    n = len(columns)
    room = width - (3 * n + 1)  # a border before each column, one after the last, one space each side
    lines = [[line for row in cells for line in row[i].split("\n")] for i in range(n)]
    # What a column's content needs on one line a cell; its header may fold at its spaces.
    natural = [max([_longest_word(header), *(cell_len(line) for line in lines[i])])
               for i, (_, header) in enumerate(columns)]
    hard = [natural[i] if key in FIT else max(1, _longest_word(header)) for i, (key, header) in enumerate(columns)]
    if sum(hard) > room:  # too many columns to keep dates whole: only the headers are kept whole
        hard = [max(1, _longest_word(header)) for _, header in columns]
    widths = list(hard)
    soft = [max(widths[i], min(SOFT, natural[i], max((_longest_word(x) for x in lines[i]), default=0)))
            for i in range(n)]
    _share(widths, soft, room, [1] * n)
    _share(widths, natural, room, [WIDE.get(key, 1) for key, _ in columns])
    return widths


def _share(widths: list[int], caps: list[int], room: int, weights: list[int]) -> None:
    """Grow ``widths`` toward ``caps`` within ``room`` in all, in proportion to ``weights``."""
    while (spare := room - sum(widths)) > 0:
        growing = [i for i in range(len(widths)) if widths[i] < caps[i]]
        if not growing:
            return
        total = sum(weights[i] for i in growing)
        given = 0
        for i in growing:
            add = min(caps[i] - widths[i], spare * weights[i] // total)
            widths[i] += add
            given += add
        if not given:  # less room than columns wanting it: the heaviest first
            widths[max(growing, key=lambda i: weights[i])] += 1


def write_rows(rows: Iterable[dict], fmt: str, columns: Sequence[tuple[str, str]],
               title: str | None = None, out: TextIO | None = None, empty: str | None = "(nothing found)") -> int:
    """Write ``rows``; ``columns`` are (key, header) pairs shown in the table
    format (JSONL and CSV carry every field). Returns the number of rows.

    With no row, the table format prints ``empty``: None when the caller says why on stderr itself.
    """
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
            writer.writerow({k: csv_cell(k, v) for k, v in row.items()})
            count += 1
        return count
    cells = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    console = QuietConsole(file=out, soft_wrap=False)
    if not cells:
        if empty:
            console.print(empty)
        return 0
    widths = fit_widths(columns, cells, console.width)
    # Never narrower than its title (up to the console's width), so a short table's title is not squeezed.
    table = Table(title=title, show_lines=True, min_width=min(console.width, cell_len(title)) if title else None)
    # Text, not str: rich would read "[start:end]" in a header, or "[Video]" in a title, as markup.
    for (key, header), width in zip(columns, widths):
        table.add_column(Text(header), width=width, overflow="fold")  # a FIT column is as wide as its content
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)
    return len(cells)
