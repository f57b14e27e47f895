"""The story commands: stories (documents grouped as they arrive) and statements (one speaker's
quotations that say the same thing), with their independent sources.

Same style as the other read commands: --db, --format table|jsonl|csv, one-line errors. An empty
result is not an error: exit 0, a note on stderr.
"""
from __future__ import annotations

from pathlib import Path

import click

from .. import query
from ..store.sqlite import Store
from .options import _settings, db_option, format_option, limit_option
from .output import write_rows


def _nothing(store: Store, what: str, filtered: bool) -> None:
    held = store.counts()["documents"]
    if not held:
        note = "the database holds no documents yet (ingest articles first)"
    elif filtered:
        note = "nothing matches those filters"
    else:
        note = "its documents are not clustered yet (they were stored before stories existed)"
    click.echo(f"newsgraph: no {what} found; {note}", err=True)


def _days(row: dict) -> str:
    if not row["first"]:
        return ""
    return row["first"] if row["first"] == row["last"] else f"{row['first']}\n{row['last']}"


def _files(paths: list[str], limit: int = 4) -> str:
    names = [Path(p).name for p in paths]
    more = f"\n(+{len(names) - limit} more)" if len(names) > limit else ""
    return "\n".join(names[:limit]) + more


@click.command()
@db_option
@format_option
@limit_option
@click.option("--source", default=None, help="Only stories with a document whose source path contains this.")
@click.pass_context
def stories(ctx, db, fmt, limit, source):
    """Stories: documents about the same thing, grouped as they arrive, largest first.

    A document joins the story whose documents it is most like (what its lead says,
    which people and actors it names, and when it was published), else starts one.
    Each story is labelled by its main actors and titled by its most central
    document. `documents` counts its documents, `independent` those left when copies
    of one another count once, and `sources` lists their paths.

    \b
    Examples:
      newsgraph stories --db story.db
      newsgraph stories --db story.db --format jsonl > stories.jsonl
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.stories(store, source=source, limit=limit)
        if fmt == "table":
            rows = ({**r, "days": _days(r), "counts": f"{r['documents']}/{r['independent']}",
                     "files": _files(r["sources"])} for r in rows)
        count = write_rows(rows, fmt, [("title", "title"), ("label", "main actors"), ("days", "date"),
                                       ("counts", "documents/ independent"), ("files", "sources")],
                           title="Stories", empty=None)
        if not count:
            _nothing(store, "stories", bool(source))


@click.command()
@db_option
@format_option
@limit_option
@click.option("--speaker", default=None, help="Only statements whose speaker's name or alias contains this.")
@click.option("--min-sources", type=click.IntRange(min=1), default=None, metavar="N",
              help="Only statements reported by at least N independent sources.")
@click.pass_context
def statements(ctx, db, fmt, limit, speaker, min_sources):
    """Statements: one speaker's quotations that say the same thing, in any wording or translation.

    Quotations of the same speaker are one statement when one's words nearly all
    stand in the other, or when a sentence or clause of each means the same (by
    sentence embeddings). `reports` counts the quotations, `sources` the
    independent documents among theirs: copies of one another (syndicated,
    spun, translated) count once.

    \b
    Examples:
      newsgraph statements --db story.db --min-sources 2
      newsgraph statements --db story.db --speaker Lee --format jsonl
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.statements(store, speaker=speaker, min_sources=min_sources, limit=limit)
        if fmt == "table":
            rows = ({**r, "counts": f"{r['reports']}/{r['sources']}",
                     "where": _files(sorted({q['source'] for q in r["quotes"]}))} for r in rows)
        count = write_rows(rows, fmt, [("speaker", "speaker"), ("text", "statement"),
                                       ("counts", "reports/ sources"), ("where", "reported in")],
                           title="Statements", empty=None)
        if not count:
            _nothing(store, "statements", bool(speaker or min_sources))
