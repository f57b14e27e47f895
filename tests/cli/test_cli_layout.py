"""Tables and boxes piped (not a terminal: 80 columns) stay readable on the example corpus: no line wider
than 80, no header broken inside a word, no title cut, dates never folded."""
from __future__ import annotations

import re
import shutil

import pytest
from rich.cells import cell_len

# command -> (title, headers), as the table format prints them.
TABLES = {
    ("documents",): ("Documents", ["title and file", "author/ publisher", "published", "words", "removed",
                                   "flags"]),
    ("quotes",): ("Quotations", ["speaker", "quotation", "kind", "cue", "source [start:end]"]),
    ("people",): ("People", ["name", "roles", "country", "quotes", "sources", "aliases"]),
    ("events",): ("Events", ["date", "actor → recipient", "event", "reports/ outlets", "evidence"]),
    ("actors",): ("Actors", ["name", "country", "sector", "type", "as actor", "as recipient"]),
    ("copies",): ("Copies", ["copy", "original", "kind", "sim.", "why", "aligned"]),
    ("stories",): ("Stories", ["title", "main actors", "date", "documents/ independent", "sources"]),
    ("statements",): ("Statements", ["speaker", "statement", "reports/ sources", "reported in"]),
    ("times",): ("Time expressions", ["expression", "value", "precision", "from", "to", "where"]),
    ("relations", "KEN", "TZA"): ("Events between KEN and TZA",
                                  ["date", "direction", "actor", "event", "recipient", "score", "reports/ outlets"]),
}
DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?|-W\d\d)?")


@pytest.fixture
def piped(run_cli, monkeypatch):
    """run_cli with stdout captured and no COLUMNS: what a pipe or a file gets."""
    monkeypatch.delenv("COLUMNS", raising=False)
    return run_cli


def first_table(out: str) -> tuple[list[str], list[str], list[list[str]]]:
    """(title lines, header lines, rows of cells' lines) of the first table printed."""
    lines = out.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    body = next(i for i, line in enumerate(lines) if line.startswith("┡"))
    end = next(i for i, line in enumerate(lines) if line.startswith("└"))
    cells = [line.split("│")[1:-1] for line in lines[body + 1:end] if line.startswith("│")]
    return lines[:top], lines[top + 1:body], cells


def column_text(lines: list[str], sep: str, i: int) -> str:
    """Column ``i``'s text over several lines, the pieces joined with spaces."""
    return " ".join(" ".join(line.split(sep)[1:-1][i].split()) for line in lines).split()


@pytest.mark.parametrize("command", list(TABLES), ids=" ".join)
def test_tables_fit_80_columns_with_whole_words_in_headers_and_titles(command, example_db, piped):
    title, headers = TABLES[command]
    code, out, err = piped(*command, "--db", example_db)
    assert code == 0, err
    assert all(cell_len(line) <= 80 for line in out.splitlines()), max(out.splitlines(), key=cell_len)
    title_lines, header_lines, cells = first_table(out)
    assert " ".join(" ".join(title_lines).split()) == title
    assert [" ".join(column_text(header_lines, "┃", i)) for i in range(len(headers))] == headers
    date = headers.index("date") if "date" in headers else None
    if date is not None:  # a date is never folded over two lines
        assert all(DATE.fullmatch(c[date].strip()) for c in cells if c[date].strip()), [c[date] for c in cells]


def test_the_demo_fits_80_columns_and_cuts_no_box_title(example_db, piped, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(example_db, db)  # already holds the corpus: the demo only prints
    code, out, err = piped("demo", "--db", db, "--no-progress")
    assert code == 0, err
    lines = out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), max(lines, key=cell_len)
    tops = [line for line in lines if line.startswith("╭")]
    assert len(tops) >= 10
    for top in tops:  # "╭─ title ─...─╮": a title rich cut runs into the border with no space
        title = re.fullmatch(r"╭─(?: (.+?) )?─*╮", top)
        assert title, top
        text = title.group(1) or ""
        assert text.count("(") == text.count(")"), top
    # the first speaker's long title leaves no room for the counts: they are folded into the box, whole
    assert re.search(r"^│ \(\d+ quotations, 7 sources\) +│$", out, re.M), out[:2000]
    assert "· 1 noise range removed" in out and "· 1 noise ranges" not in out
    assert not any(line != line.rstrip() for line in lines if not line.startswith(("│", "╭", "╰"))), \
        "wrapped lines padded with spaces"
