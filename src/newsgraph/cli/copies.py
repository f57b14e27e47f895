"""The copies command: which stored documents copy which, and how.

Same style as the other read commands: --db, --format table|jsonl|csv, one-line
errors. An empty result is not an error: exit 0, a note on stderr.
"""
from __future__ import annotations

from pathlib import Path

import click

from .. import query
from ..query.copies import KINDS
from ..store.sqlite import Store
from .options import _settings, read_options
from .output import counted, write_rows


def _table_row(row: dict) -> dict:
    return {**row, "copy": _name(row["source"], row["title"]), "of": _name(row["original"], row["original_title"]),
            "copy_kind": row["kind"], "similarity": f"{row['similarity']:.2f}", "sentences": len(row["spans"])}


def _name(source: str, title: str | None) -> str:
    return f"{title}\n{Path(source).name}" if title else Path(source).name


@click.command()
@read_options
@click.option("--kind", metavar="KIND[,KIND...]", default=None,
              help=f"Only these kinds: {', '.join(KINDS)}.")
@click.pass_context
def copies(ctx, db, fmt, source, limit, kind):
    """Copies between stored documents: which is the copy, which the original, and how.

    Kinds: exact (same words), near (nearly the same), partial (cut short or
    wrapped in more text), spun (words swapped for synonyms) and translated
    (the same sentences in other words, in the same order). `direction` says
    why the original is the original: published (earlier), longer, cleaner
    (fewer removed ranges) or first-stored. `spans` pairs aligned sentences as
    [copy_start, copy_end, original_start, original_end] raw-text offsets.

    \b
    Examples:
      newsgraph copies --db story.db
      newsgraph copies --db story.db --kind spun,translated
      newsgraph copies --db story.db --source reuters --format jsonl > copies.jsonl
    """
    conf = _settings(ctx, db=db)
    with Store(conf.db, readonly=True) as store:
        rows = query.copies(store, source=source, kind=kind, limit=limit)
        if fmt == "table":
            rows = (_table_row(r) for r in rows)
        count = write_rows(rows, fmt, [("copy", "copy"), ("of", "original"), ("copy_kind", "kind"),
                                       ("similarity", "sim."), ("direction", "why"), ("sentences", "aligned")],
                           title="Copies", empty=None)
        if not count:
            held = store.counts()["documents"]
            note = ("nothing matches those filters" if source or kind else
                    f"the {held} stored documents are independent" if held > 1 else
                    "the database holds one document (a copy takes two)" if held else
                    "the database holds no documents yet (ingest first)")
            click.echo(f"newsgraph: no copies found; {note}", err=True)


@click.command("copies")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Passes over the corpus, each into a fresh database (a small corpus gives noisy figures).")
@click.pass_context
def benchmark_copies(ctx, paths, as_json, repeat):
    """Copy detection's documents/s against an exact-hash-only baseline, and index bytes per document."""
    import json

    from ..benchmark.copies import benchmark_copies as measure

    figures = measure(paths, _settings(ctx), repeat=repeat)
    if as_json:
        click.echo(json.dumps(figures))
        return
    click.echo(
        f"{counted(figures['documents'], 'document')} x {figures['repeat']}, {counted(figures['words'], 'word')}, "
        f"encoder: {figures['encoder'] or 'none'}\n"
        f"baseline (exact hash only): {figures['baseline_docs_per_s']:,.1f} docs/s\n"
        f"index (fingerprint, LSH rows, look-up): {figures['index_docs_per_s']:,.1f} docs/s "
        f"({figures['index_vs_baseline']}x the baseline's time)\n"
        f"link (index and compare candidates): {figures['link_docs_per_s']:,.1f} docs/s "
        f"({figures['link_vs_baseline']}x the baseline's time)\n"
        f"index size: {figures['index_bytes_per_doc']:,} bytes per document"
    )
