"""A progress bar for ingest that also prints each problem as one line."""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from rich.markup import escape

from ..model import Problem


class IngestProgress:
    """Counts documents read (added, already stored, problems) against an estimate."""

    def __init__(self, total: int | None, enabled: bool = True) -> None:
        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=self.console, disable=not enabled,
            transient=False,
        )
        self.total = total
        self.counts = {"added": 0, "skipped": 0, "problem": 0}
        self.task = self.progress.add_task("ingest", total=total, status="")

    def __enter__(self) -> "IngestProgress":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, kind: str, item: object) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if kind == "problem" and isinstance(item, Problem):
            # soft_wrap: one problem is one line on stderr however narrow the terminal (grep-able logs).
            self.console.print(f"[yellow]skipped[/] {escape(item.source)}: {escape(item.message)}",
                               highlight=False, soft_wrap=True)
        done = sum(self.counts.values())
        # The estimate counts files; a JSONL or WARC file holds several documents.
        total = max(self.total, done) if self.total else None
        self.progress.update(
            self.task, completed=done, total=total,
            status=f"added {self.counts['added']}, already stored {self.counts['skipped']}, "
                   f"problems {self.counts['problem']}",
        )


class ExportProgress:
    """Rows written of an export against the rows it will write. Starts at the first rows written,
    so an export refused before it writes anything prints only its one error line."""

    def __init__(self, what: str, total: int | None, enabled: bool = True) -> None:
        self.progress = Progress(
            TextColumn(f"[bold]export {escape(what)}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TimeRemainingColumn(), console=Console(stderr=True), disable=not enabled, transient=False,
        )
        self.total = total
        self.task = None

    def __enter__(self) -> "ExportProgress":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.task is not None:
            self.progress.stop()

    def __call__(self, rows: int) -> None:
        if self.task is None:
            self.task = self.progress.add_task("export", total=self.total)
            self.progress.start()
        self.progress.advance(self.task, rows)
