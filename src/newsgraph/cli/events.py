"""The event commands: events, actors, relations A B, and the time expressions events are
dated by (`export events` is in export.py).

Same style as the other read commands: --db, --format table|jsonl|csv, one-line
errors. An empty result is not an error: exit 0, a note on stderr.
"""
from __future__ import annotations

from pathlib import Path

import click

from .. import query
from ..query.relations import PERIODS
from ..store.sqlite import Store
from .options import _settings, date_options, db_option, event_filters, format_option, limit_option, read_options
from .output import actor_label, counted, write_rows


def _names(actors: list[dict]) -> str:
    return "; ".join(actor_label(a) for a in actors)


def _flags(row: dict) -> str:
    return ", ".join(f for f in ("negated", "future", "hypothetical", "historical") if row.get(f))


def _what(row: dict) -> str:
    """'TYPE mode', with the auxiliary flags under it."""
    what = " ".join(x for x in (row["type"], row["mode"]) if x)
    return f"{what}\n({_flags(row)})" if _flags(row) else what


def _nothing(store: Store, what: str) -> None:
    held = store.counts()["events"]
    note = "nothing matches those filters" if held else "the database holds no events yet (ingest articles first)"
    click.echo(f"newsgraph: no {what} found; {note}", err=True)


def _table_event(row: dict) -> dict:
    first = row["evidence"][0] if row["evidence"] else None
    where = f"{Path(first['source']).name} [{first['start']}:{first['end']}]" if first else ""
    more = f" (+{len(row['evidence']) - 1} more)" if len(row["evidence"]) > 1 else ""
    # Recipient under actor and score under type: at 80 columns the evidence needs the room.
    recipient = f"\n→ {_names(row['recipient'])}" if row["recipient"] else ""
    return {**row, "actor": _names(row["actor"]) + recipient,
            "what": f"{_what(row)}\nscore {row['score']:+g}", "counts": f"{row['reports']}/{row['publishers']}",
            "evidence": f"{_short(first['text'])}\n{where}{more}" if first else ""}


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


@click.command()
@read_options
@event_filters
@click.pass_context
def events(ctx, db, fmt, source, limit, actor, recipient, type_, date_from, date_to):
    """Real-world events coded in PLOVER: who did what to whom, when, with evidence.

    Reports of one event in several articles are merged: `reports` counts them,
    `publishers` counts the distinct outlets, and `evidence` gives each report's
    source with sentence and trigger offsets into the raw text.

    \b
    Examples:
      newsgraph events --db story.db
      newsgraph events --db story.db --actor RUS --recipient "United Nations"
      newsgraph events --db story.db --actor RUS:GOV --type CONSULT,AGREE --from 2021-07 --to 2021-08
      newsgraph events --db story.db --format jsonl > events.jsonl
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.events(store, actor=actor, recipient=recipient, type=type_, date_from=date_from,
                            date_to=date_to, source=source, limit=limit)
        if fmt == "table":
            rows = (_table_event(r) for r in rows)
        count = write_rows(rows, fmt, [("date", "date"), ("actor", "actor → recipient"), ("what", "event"),
                                       ("counts", "reports/ outlets"), ("evidence", "evidence")],
                           title="Events", empty=None)
        if not count:
            _nothing(store, "events")


@click.command()
@db_option
@format_option
@limit_option
@click.option("--country", default=None, help="Only actors of this country or non-state code (RUS, IGO, ...).")
@click.option("--sector", default=None, help="Only actors of this sector (GOV, MIL, REB, ...).")
@click.option("--name", default=None, metavar="ACTOR",
              help="Only actors matching this: part of a name, a code or RUS:GOV.")
@click.pass_context
def actors(ctx, db, fmt, limit, country, sector, name):
    """Actors as events code them (name, country, sector), most active first.

    `events` counts the real events an actor did, `as_recipient` those done to it.

    \b
    Examples:
      newsgraph actors --db story.db
      newsgraph actors --db story.db --country RUS --sector GOV
      newsgraph actors --db story.db --format csv > actors.csv
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.actors(store, country=country, sector=sector, name=name, limit=limit)
        count = write_rows(rows, fmt, [("name", "name"), ("country", "country"), ("sector", "sector"),
                                       ("type", "type"), ("events", "as actor"), ("as_recipient", "as recipient")],
                           title="Actors", empty=None)
        if not count:
            _nothing(store, "actors")


@click.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@db_option
@format_option
@limit_option
@date_options
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True,
              help="Period of the series.")
@click.option("--series", "only_series", is_flag=True,
              help="Print the per-period series instead of the events (jsonl and csv).")
@click.option("--plot", type=click.Path(dir_okay=False), default=None, metavar="FILE.png|FILE.svg",
              help="Also draw the series to a PNG or SVG chart.")
@click.option("--plot-value", type=click.Choice(("sum", "mean")), default="sum", show_default=True,
              help="Bars of summed or of mean PLOVER score per period.")
@click.pass_context
def relations(ctx, a, b, db, fmt, limit, date_from, date_to, by, only_series, plot, plot_value):
    """How the relation between actors A and B moved: their events in time order and a series.

    A and B are actor specs: part of a name, a country code (RUS) or country and
    sector (RUS:GOV). Each event has a direction (A->B, B->A, or A+B when they
    act together) and its PLOVER score, from -10 (most conflictual) to +10 (most
    cooperative). The series gives per week or month the number of events, the
    mean and summed score, and how many were cooperation and conflict; negated
    and hypothetical events are left out of it.

    \b
    Examples:
      newsgraph relations RUS UKR --db story.db
      newsgraph relations RUS:GOV USA --db story.db --by week --plot relation.png
      newsgraph relations RUS USA --db story.db --series --format csv > series.csv
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        found = list(query.relations(store, a, b, date_from=date_from, date_to=date_to, limit=limit))
        periods = query.series(found, by=by)
        if not found:
            _nothing(store, f"events between {a} and {b}")
            if not plot:
                return
    if plot:
        written = _plot(periods, a, b, plot, plot_value)
        click.echo(f"newsgraph: chart written to {written}", err=True)
    series_columns = [("period", by), ("count", "events"), ("sum_score", "sum score"), ("mean_score", "mean score"),
                      ("cooperation", "cooperation"), ("conflict", "conflict")]
    if fmt != "table":
        if only_series:
            write_rows(periods.periods, fmt, series_columns)
        else:
            write_rows(found, fmt, [])
        return
    if not only_series:
        table = ({**r, "actor": _names(r["actor"]), "recipient": _names(r["recipient"]), "what": _what(r),
                  "counts": f"{r['reports']}/{r['publishers']}"} for r in found)
        write_rows(table, fmt, [("date", "date"), ("direction", "direction"), ("actor", "actor"), ("what", "event"),
                                ("recipient", "recipient"), ("score", "score"), ("counts", "reports/ outlets")],
                   title=f"Events between {a} and {b}", empty=None)
    busy = [p for p in periods.periods if p["count"]]  # on screen, empty periods are only noise
    if busy:
        write_rows(busy, fmt, series_columns, title=f"{a} and {b}, by {by} (periods with events)")
    skipped = []
    if periods.unplaced:
        skipped.append(f"{periods.unplaced} dated too coarsely for a {by}")
    if periods.left_out:
        skipped.append(f"{periods.left_out} negated or hypothetical")
    if skipped:
        click.echo(f"newsgraph: not in the series: {', '.join(skipped)}", err=True)


def _plot(periods, a: str, b: str, out: str, value: str) -> Path:
    from ..query.plot import plot_relation

    return plot_relation(periods, a, b, out, value=value)


@click.command()
@read_options
@click.pass_context
def times(ctx, db, fmt, source, limit):
    """Time expressions found in the articles, normalised against each article's date.

    Values are TIMEX-style (2021-08-26, 2021-07-08/2021-07-09 for a range, 2021-W34 for
    a week, 2021-07, 2021-SP for a season, 2021) with a precision and the calendar days
    they cover; `anchored` means the article's date (or inferred window) was used, as for
    "last month" or a date written without its year.

    \b
    Examples:
      newsgraph times --db story.db --source reuters
      newsgraph times --db story.db --format jsonl > times.jsonl
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.times(store, source=source, limit=limit)
        if fmt == "table":
            rows = ({**r, "source": f"{Path(r['source']).name} [{r['start']}:{r['end']}]"} for r in rows)
        count = write_rows(rows, fmt, [("text", "expression"), ("value", "value"), ("precision", "precision"),
                                       ("first", "from"), ("last", "to"), ("source", "where")],
                           title="Time expressions", empty=None)
        if not count:
            click.echo("newsgraph: no time expressions found", err=True)
