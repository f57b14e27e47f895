"""The workspace commands: `serve` (HTTP API and web UI over a database) and `report` (one HTML file)."""
from __future__ import annotations

import errno
import socket
from pathlib import Path

import click
from rich.console import Console

from ..errors import E, NewsgraphError
from .options import _settings, db_option
from .output import counted


def _check_port(host: str, port: int) -> None:
    """Fail with one line, before the server starts, if the address cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            detail = "already in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
            raise NewsgraphError(E.PORT_IN_USE, host=host, port=port, detail=detail) from None


@click.command()
@db_option
@click.option("--host", default=None, help="Address to listen on [default: 127.0.0.1, this machine only].")
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="Port to listen on [default: 8000].")
@click.option("--writable", is_flag=True, help="Allow requests that change the database (DELETE a document).")
@click.pass_context
def serve(ctx, db, host, port, writable):
    """Start the analyst workspace: a web UI at / and a JSON API at /api over the database.

    \b
    The UI: stories and their provenance (which report copies which), people and
    their quotations shown in the article at their offsets, events on a timeline,
    the actor network, the relation of two actors over time, and search.
    The API is described at /docs (OpenAPI at /openapi.json). Read-only unless
    --writable. Stop it with Ctrl-C.
    """
    import uvicorn

    from ..serve.app import create_app

    conf = _settings(ctx, db=db, host=host, port=port)
    app = create_app(conf.db, writable=writable)  # a missing or foreign database fails here, in one line
    _check_port(conf.host, conf.port)
    where = f"http://{'[' + conf.host + ']' if ':' in conf.host else conf.host}:{conf.port}/"
    click.echo(f"newsgraph workspace on {conf.db}: open {where} (API docs: {where}docs); Ctrl-C stops it",
               err=True)
    if conf.host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"note: listening on {conf.host}: anyone who can reach this machine can read the database",
                   err=True)
    uvicorn.run(app, host=conf.host, port=conf.port, log_level="warning")


@click.command()
@db_option
@click.option("--out", type=click.Path(dir_okay=False), default="report.html", show_default=True,
              help="HTML file to write.")
@click.option("--max-documents", type=click.IntRange(min=1), default=None,
              help="Include only the newest N documents [default: 1000].")
@click.option("--no-progress", is_flag=True, help="No progress bar (for logs).")
@click.pass_context
def report(ctx, db, out, max_documents, no_progress):
    """Write the workspace's content as one self-contained HTML file, readable offline.

    Stories, provenance, people, quotations in their articles, events, the actor
    network, relations and search, with the data inside the file: it makes no
    request, so it can be mailed or archived as it is.
    """
    from ..serve.report import DEFAULT_MAX_DOCUMENTS, write_report

    from rich.progress import Progress

    conf = _settings(ctx, db=db, progress=False if no_progress else None)
    with Progress(console=Console(stderr=True), disable=not conf.progress, transient=True) as bar:
        task = bar.add_task("report: documents", total=None)
        figures = write_report(conf.db, out, max_documents=max_documents or DEFAULT_MAX_DOCUMENTS,
                               on_document=lambda done, total: bar.update(task, completed=done, total=total))
    note = " (only the newest; raise --max-documents for more)" if figures["truncated"] else ""
    click.echo(f"wrote {Path(out)}: {counted(figures['documents'], 'document')}{note}, "
               f"{counted(figures['quotes'], 'quotation')}, {counted(figures['events'], 'event')}, "
               f"{counted(figures['stories'], 'story')}, {figures['bytes'] / 1e6:.1f} MB", err=True)
