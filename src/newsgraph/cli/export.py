"""`newsgraph export TABLE`: the store for other tools. Events as PLOVER JSON lines; documents,
quotes, events and copies as Parquet folders partitioned by publication month."""
from __future__ import annotations

import inspect

import click

from ..export import EXPORT_FORMATS, count_rows, export_events, export_table
from ..store.sqlite import Store
from .events import _nothing
from .options import _settings, db_option, event_filters, limit_option
from .output import counted
from .progress import ExportProgress

NOUNS = {"documents": "document", "quotes": "quotation", "events": "event", "copies": "copy pair"}

LAYOUT = """\b
Parquet: --out is a folder, one subfolder per month of publication, hive style:
  OUT/month=2025-03/part-0.parquet   OUT/month=unknown/part-0.parquet
month=unknown holds the rows with no publication date. The folder is written
beside OUT under a hidden name and renamed to OUT when complete, so a failed
export leaves nothing half-written. An existing OUT is refused unless
--overwrite, which replaces it only if it is an export of newsgraph.
DuckDB reads it as is:
  SELECT month, count(*) FROM read_parquet('OUT/**/*.parquet',
    hive_partitioning = true) GROUP BY month;"""


def parquet_options(fn):
    fn = click.option("--no-progress", is_flag=True, help="No progress bar (for logs).")(fn)
    fn = click.option("--overwrite", is_flag=True,
                      help="Replace OUT if it is an earlier Parquet export (else it is refused).")(fn)
    return fn


@click.group()
def export():
    """Write data for other tools: Parquet folders by publication month, or PLOVER JSON lines."""


def _table_command(name: str, what: str):
    @export.command(name, help=f"Export the {name} as Parquet, partitioned by month of publication: {what}.\n\n{LAYOUT}"
                               f"\n\n\b\nExample:\n  newsgraph export {name} --db story.db --out {name}/")
    @db_option
    @click.option("--format", "fmt", type=click.Choice(("parquet",)), default="parquet", show_default=True,
                  help="Parquet, a folder of files partitioned by month.")
    @click.option("--out", type=click.Path(), required=True, metavar="DIR", help="Folder to write.")
    @parquet_options
    @click.pass_context
    def command(ctx, db, fmt, out, overwrite, no_progress):
        conf = _settings(ctx, db=db, progress=False if no_progress else None)
        with Store(conf.db, readonly=True) as store:
            with ExportProgress(name, count_rows(store, name), enabled=conf.progress) as bar:
                count, months = export_table(store, name, out, overwrite=overwrite, on_rows=bar)
        if not count:
            click.echo(f"newsgraph: no {counted(0, NOUNS[name])[2:]} in the database; the export holds "
                       f"only the columns", err=True)
        _wrote(name, count, out, fmt, months)

    return command


for _name, _what in (("documents", "metadata, raw text, kept and removed ranges"),
                     ("quotes", "speaker, cue and offsets into each document's raw text"),
                     ("copies", "which document copies which, how, and the aligned sentences' offsets")):
    _table_command(_name, _what)


EVENTS_HELP = """Export events as PLOVER JSON records (one per line) or as Parquet.

    Takes the same filters as `newsgraph events`. PLOVER records carry the
    manual's field names (id, date, actor, recipient, event, mode, context,
    quad_code, event_scale, event_text) plus evidence offsets for every report;
    a PLOVER file already at FILE is replaced. In Parquet an event's month is
    that of its first report's publication (its own date is in date_first,
    date_last).

    \b
    Examples:
      newsgraph export events --db story.db --out events.jsonl
      newsgraph export events --db story.db --format parquet --out events/
      newsgraph export events --db story.db --actor RUS --from 2021 --out russia-2021.jsonl
    """


@export.command("events", help=inspect.cleandoc(EVENTS_HELP) + "\n\n" + LAYOUT)
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="plover", show_default=True,
              help="plover: one PLOVER JSON record per line, in a file; parquet: a folder partitioned by month.")
@click.option("--out", type=click.Path(), required=True, metavar="FILE|DIR",
              help="File to write (plover), or folder (parquet).")
@event_filters
@limit_option
@parquet_options
@click.pass_context
def export_events_command(ctx, db, fmt, out, actor, recipient, type_, date_from, date_to, limit, overwrite,
                          no_progress):
    conf = _settings(ctx, db=db, progress=False if no_progress else None)
    filters = dict(actor=actor, recipient=recipient, type=type_, date_from=date_from, date_to=date_to, limit=limit)
    with Store(conf.db, readonly=True) as store:
        if fmt == "parquet":
            with ExportProgress("events", count_rows(store, "events", **filters), enabled=conf.progress) as bar:
                count, months = export_table(store, "events", out, overwrite=overwrite, on_rows=bar, **filters)
        else:
            count, months = export_events(store, out, fmt, **filters), None
        if not count:
            _nothing(store, "events")
    _wrote("events", count, out, fmt, months)


def _wrote(name: str, count: int, out: str, fmt: str, months: list[str] | None) -> None:
    where = f", {counted(len(months), 'month folder')}" if months else ""
    click.echo(f"newsgraph: wrote {counted(count, NOUNS[name])} to {out} ({fmt}{where})", err=True)
