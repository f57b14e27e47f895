"""A shareable report: the web UI and a snapshot of the data in one self-contained HTML file.

The page is the served UI with its style sheet and scripts inlined and the
data it would ask the API for written into ``window.NEWSGRAPH_SNAPSHOT``;
the UI answers its requests from that snapshot, so the file opens offline and
makes no request at all. The snapshot is built by the API's own route
functions, so the report shows exactly what the server would.
"""
from __future__ import annotations

import inspect
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from fastapi.params import Depends as DependsParam
from pydantic.fields import FieldInfo

from ..errors import E, NewsgraphError
from ..store.sqlite import Store
from . import documents, events, people, stories
from .meta import summary_of
from .app import STATIC
from .pages import MAX_LIMIT, Paging

DEFAULT_MAX_DOCUMENTS = 1000
_ASSET = re.compile(r'<link rel="stylesheet" href="static/([\w.-]+\.css)">|<script src="static/([\w.-]+\.js)"></script>')


def _call(route, db: Store, **given):
    """Call a route function as FastAPI would, with its declared defaults for what is not given."""
    args = {}
    for name, param in inspect.signature(route).parameters.items():
        if name in given:
            args[name] = given[name]
        elif name == "db":
            args[name] = db
        elif isinstance(param.default, FieldInfo):
            args[name] = param.default.get_default()
        elif isinstance(param.default, DependsParam):
            args[name] = None
        else:
            args[name] = param.default
    return route(**args)


def _all(route, db: Store, cap: int | None = None, **given) -> list[dict]:
    """Every item of a list route, a page at a time, at most ``cap``."""
    items: list[dict] = []
    while cap is None or len(items) < cap:
        limit = MAX_LIMIT if cap is None else min(MAX_LIMIT, cap - len(items))
        found = _call(route, db, paging=Paging(limit, len(items)), **given)
        items += found["items"]
        if len(items) >= found["total"] or not found["items"]:
            break
    return items


def snapshot(db: Store, database: str, max_documents: int = DEFAULT_MAX_DOCUMENTS,
             on_document: Callable[[int, int], None] | None = None) -> dict:
    """What the UI reads, for the newest ``max_documents`` documents (quotations, events and copies
    of documents left out are left out too). ``on_document(done, total)`` follows the slow part."""
    docs = _all(documents.list_documents, db, cap=max_documents)
    kept = {d["id"] for d in docs}
    detail = {}
    for done, d in enumerate(docs, 1):
        detail[d["id"]] = _call(documents.get_document, db, document_id=d["id"])
        if on_document:
            on_document(done, len(docs))
    quotes = [q for d in docs for q in detail[d["id"]].pop("quotations")]  # once: the UI puts them back
    speakers = {q["speaker_id"] for q in quotes}
    event_list = [e for e in _all(events.list_events, db)
                  if any(ev["document"] in kept for ev in e["evidence"])]
    story_list = _all(stories.list_stories, db)
    story_detail = {s["id"]: _call(stories.get_story, db, story_id=s["id"]) for s in story_list}
    story_list = [s for s in story_list if any(m["id"] in kept for m in story_detail[s["id"]]["members"])]
    return {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "database": database,
        "truncated": len(docs) < db.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        "summary": summary_of(db),
        "documents": docs,
        "document": detail,
        "people": [{**p, "sources": [s for s in people.person_sources(db, p["id"]) if s["document_id"] in kept]}
                   for p in _all(people.list_people, db, quoted=True) if p["id"] in speakers],
        "quotes": quotes,
        "events": event_list,
        "actors": _all(events.list_actors, db),
        "network": _call(events.network, db),
        "stories": story_list,
        "story": {s["id"]: story_detail[s["id"]] for s in story_list},
        "copies": [c for c in _all(stories.list_copies, db) if c["document_id"] in kept or c["original_id"] in kept],
        "statements": _statements(db, kept),
    }


def _statements(db: Store, kept: set[str]) -> list[dict]:
    """Statements reported by the documents kept, with only their reports in those documents."""
    out = []
    for statement in _all(stories.list_statements, db):
        quotes = [q for q in statement["quotes"] if q["document_id"] in kept]
        if quotes:
            out.append({**statement, "quotes": quotes})
    return out


def _script_json(data: dict) -> str:
    """JSON safe inside a <script> element: no '<' can close it or open a comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render(data: dict, static: Path = STATIC) -> str:
    """index.html with its assets inlined and the snapshot set before the first script."""
    page = (static / "index.html").read_text(encoding="utf-8")
    found = _ASSET.findall(page)
    if not found:
        raise RuntimeError(f"{static / 'index.html'} references no static/*.css or static/*.js asset")
    state = {"snapshot": False}

    def inline(match: re.Match) -> str:
        css, js = match.group(1), match.group(2)
        if css:
            return "<style>\n" + (static / css).read_text(encoding="utf-8") + "\n</style>"
        body = (static / js).read_text(encoding="utf-8").replace("</script", "<\\/script")
        prefix = ""
        if not state["snapshot"]:
            prefix = "<script>window.NEWSGRAPH_SNAPSHOT = " + _script_json(data) + ";</script>\n"
            state["snapshot"] = True
        return prefix + "<script>\n" + body + "\n</script>"

    return _ASSET.sub(inline, page)


def write_report(db_path: str | Path, out: str | Path, max_documents: int = DEFAULT_MAX_DOCUMENTS,
                 on_document: Callable[[int, int], None] | None = None) -> dict:
    """Write the report for database ``db_path`` to ``out``; figures of what it holds."""
    out = Path(out)
    with Store(db_path, readonly=True) as db:
        data = snapshot(db, Path(str(db_path)).name, max_documents=max_documents, on_document=on_document)
    html = render(data)
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(out)  # never a half-written report under the real name
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise NewsgraphError(E.UNWRITABLE, path=str(out), detail=exc.strerror or str(exc)) from None
    return {"documents": len(data["documents"]), "quotes": len(data["quotes"]), "events": len(data["events"]),
            "stories": len(data["stories"]), "truncated": data["truncated"], "bytes": len(html.encode("utf-8"))}
