"""Options and settings every command shares, in one place for main.py and events.py."""
from __future__ import annotations

import click

from ..settings import Settings, load_settings
from .output import FORMATS

DB_HELP = "SQLite database file [default: ./newsgraph.db, or $NEWSGRAPH_DB]"


def _settings(ctx: click.Context, **flags) -> Settings:
    return load_settings(config=ctx.obj.get("config"), flags=flags)


def db_option(fn):
    return click.option("--db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)(fn)


def format_option(fn):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; jsonl or csv for other tools.")(fn)


def limit_option(fn):
    return click.option("--limit", type=click.IntRange(min=1), default=None, help="Print at most this many rows.")(fn)


def read_options(fn):
    """The options every read command shares: where, how to print, which rows."""
    fn = limit_option(fn)
    fn = click.option("--source", default=None, help="Only rows from documents whose source path contains this.")(fn)
    fn = format_option(fn)
    return db_option(fn)


def date_options(fn):
    """--from and --to: a window the event's date must overlap."""
    fn = click.option("--to", "date_to", metavar="DATE", default=None,
                      help="Only events dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD).")(fn)
    fn = click.option("--from", "date_from", metavar="DATE", default=None,
                      help="Only events dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).")(fn)
    return fn


def event_filters(fn):
    """The filters of `events` and `export events`."""
    fn = date_options(fn)
    fn = click.option("--type", "type_", metavar="TYPE[,TYPE...]", default=None,
                      help="Only these PLOVER types, e.g. CONSULT or ACCUSE,THREATEN.")(fn)
    fn = click.option("--recipient", default=None, metavar="ACTOR",
                      help="Only events with this recipient: part of a name, a country code (RUS) or RUS:GOV.")(fn)
    fn = click.option("--actor", default=None, metavar="ACTOR",
                      help="Only events with this actor: part of a name, a country code (RUS) or RUS:GOV.")(fn)
    return fn
