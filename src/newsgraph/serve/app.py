"""The FastAPI application: the JSON API under /api, its OpenAPI description, and the web UI at /.

Every error a request can meet comes back as JSON ``{"error", "message",
"hint"}`` with a 4xx status: a bad date or event type is a 400 carrying the
same code the CLI prints, a bad parameter a 422, an unknown id a 404. A 500
means a bug.
"""
from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import NewsgraphError
from . import documents, events, meta, models, people, search, stories
from .connection import Connections

STATIC = Path(str(resources.files("newsgraph") / "serve" / "static"))
ERRORS = {400: {"model": models.Problem}, 404: {"model": models.Problem}, 422: {"model": models.Problem}}


def create_app(db: str, writable: bool = False) -> FastAPI:
    """The application over database ``db``; read-only unless ``writable``."""
    app = FastAPI(title="newsgraph", version=__version__, responses=ERRORS,
                  description="Who said what, who did what to whom and when, according to which sources: "
                              "every item points at character offsets in the raw text of its article.")
    app.state.connections = Connections(db, writable=writable)
    _errors(app)
    for module in (meta, documents, people, events, stories, search):
        app.include_router(module.router)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html")

    return app


def _problem(status: int, error: str, message: str, hint: str = "", **extra) -> JSONResponse:
    return JSONResponse({"error": error, "message": message, "hint": hint, **extra}, status_code=status)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    def user_error(request: Request, err: NewsgraphError):
        return _problem(400, err.code, err.message, err.hint)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, err: RequestValidationError):
        problems = err.errors()
        first = problems[0] if problems else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path"))
        return _problem(422, "E422", f"{where}: {first.get('msg', 'invalid request')}",
                        "see /docs for the parameters", detail=[
                            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg"))} for e in problems])

    @app.exception_handler(HTTPException)
    def http_error(request: Request, err: HTTPException):
        if isinstance(err.detail, dict):
            return JSONResponse(err.detail, status_code=err.status_code, headers=err.headers)
        return _problem(err.status_code, f"E{err.status_code}", str(err.detail))

    @app.exception_handler(sqlite3.OperationalError)
    def busy(request: Request, err: sqlite3.OperationalError):
        if "locked" in str(err) or "busy" in str(err):
            return _problem(503, "E503", "the database is busy", "try again in a moment")
        raise err
