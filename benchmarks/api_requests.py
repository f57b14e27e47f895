"""The requests the API latency benchmark sends: realistic, varied parameters per endpoint.

Why separate: the values come from the store itself (publishers, source paths, story and
document ids, people's names, countries, actors, event types, words from its quotations),
so the benchmark works on any store, synthetic or ingested; and the parameter names are
checked against the server's /openapi.json, so a renamed or missing parameter is
reported instead of silently measuring a request the server ignores.
"""
from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

NO_HITS = ["zqxjvbwk", "xylophonequartzite", "qqqvvvzzz nonexistentword"]


def _column(con: sqlite3.Connection, sql: str) -> list:
    return [r[0] for r in con.execute(sql) if r[0] not in (None, "")]


def pools(db: str | Path, rng: random.Random) -> dict[str, list]:
    """Values that exist in the store, to filter and search by."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        sources = _column(con, "SELECT source FROM documents")
        names = _column(con, "SELECT name FROM people WHERE type = 'person'")
        quotes = _column(con, "SELECT text FROM quotes WHERE id IN (SELECT id FROM quotes ORDER BY random() LIMIT 60)")
        words = sorted({w.lower() for t in quotes for w in re.findall(r"[A-Za-z]{5,}", t)})
        pairs = con.execute(
            """SELECT a.country, b.country, COUNT(*) AS n FROM event_actors x JOIN event_actors y
                 ON y.event_id = x.event_id AND x.role = 'actor' AND y.role = 'recipient'
               JOIN actors a ON a.id = x.actor_id JOIN actors b ON b.id = y.actor_id
               WHERE a.country != '' AND b.country != '' AND a.country != b.country
               GROUP BY 1, 2 ORDER BY n DESC LIMIT 20""").fetchall()
        p = {
            "publisher": _column(con, "SELECT DISTINCT publisher FROM documents"),
            "source": sorted({part for s in sources for part in Path(s).parts[:-1] if len(part) > 3}
                             or {Path(s).stem[:8] for s in sources}),
            "story": _column(con, "SELECT id FROM stories"),
            "document": _column(con, "SELECT id FROM documents"),
            "surname": sorted({n.split()[-1] for n in names}),
            "given": sorted({n.split()[0] for n in names if " " in n}),
            "person": _column(con, "SELECT id FROM people"),
            "speaker_id": _column(con, "SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL"),
            "country": _column(con, "SELECT DISTINCT country FROM people"),
            "actor_country": _column(con, "SELECT DISTINCT country FROM actors"),
            "actor_name": _column(con, "SELECT name FROM actors WHERE type IN ('place', 'org')"),
            "sector": _column(con, "SELECT DISTINCT sector FROM actors"),
            "type": _column(con, "SELECT DISTINCT type FROM events"),
            "word": words or ["said"],
            "pair": [(a, b) for a, b, _ in pairs] or [("USA", "RUS")],
            "months": _column(con, "SELECT DISTINCT substr(published, 1, 7) FROM documents WHERE published IS NOT NULL"),
        }
        for table in ("documents", "quotes", "people", "events", "actors", "stories", "copies", "statements"):
            p[table] = con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        con.close()
    for key in ("story", "document", "person", "speaker_id", "surname", "given", "actor_name", "source"):
        if len(p[key]) > 200:
            p[key] = rng.sample(p[key], 200)
    return p


def _offsets(total: int) -> list[dict]:
    return [{"offset": o} for o in sorted({50, total // 10, total // 2, max(total - 50, 0)})]


def plans(p: dict, rng: random.Random) -> dict[str, list[dict]]:
    """Endpoint path -> the parameter sets its requests cycle through."""
    pick = rng.choice
    span = sorted(p["months"]) or ["2024-01"]

    def window() -> dict:
        a, b = sorted(rng.sample(span, 2)) if len(span) > 1 else (span[0], span[0])
        return {"date_from": a, "date_to": b}

    def several(make, n: int = 6) -> list[dict]:
        return [make() for _ in range(n)]

    docs, quotes, people = p["documents"], p["quotes"], p["people"]
    events, stories, copies, statements = p["events"], p["stories"], p["copies"], p["statements"]
    return {
        "/api/summary": [{}],
        "/api/documents": [{}, {"limit": 200}, *_offsets(docs)]
        + several(lambda: {"source": pick(p["source"])}) + several(lambda: {"publisher": pick(p["publisher"])})
        + several(lambda: {"story": pick(p["story"])}) + several(window, 4) + [{"date_from": span[-1][:4]}]
        + several(lambda: {"q": pick(p["word"])}) + [{"q": w} for w in NO_HITS]
        + [{"q": pick(p["word"]), **window()}, {"q": pick(p["word"]), "offset": 100}],
        "/api/people": [{}, {"quoted": "true"}, *_offsets(people)]
        + several(lambda: {"name": pick(p["surname"])}) + several(lambda: {"name": pick(p["given"])}, 3)
        + several(lambda: {"country": pick(p["country"] or ["KEN"])}, 4) + [{"name": NO_HITS[0]}],
        "/api/quotes": [{}, {"kind": "direct"}, {"kind": "indirect"}, *_offsets(quotes)]
        + several(lambda: {"speaker": pick(p["surname"])}) + several(lambda: {"speaker_id": pick(p["speaker_id"])})
        + several(lambda: {"document": pick(p["document"])}, 4) + several(lambda: {"source": pick(p["source"])}, 4)
        + several(lambda: {"q": pick(p["word"])}) + [{"q": w} for w in NO_HITS] + [{"speaker": NO_HITS[0]}],
        "/api/events": [{}, *_offsets(events)]
        + several(lambda: {"actor": pick(p["actor_country"])}) + several(lambda: {"actor": pick(p["actor_name"])}, 3)
        + several(lambda: {"recipient": pick(p["actor_country"])}, 3) + several(lambda: {"type": pick(p["type"])}, 4)
        + [{"type": ",".join(p["type"][:2])}] + several(window, 4)
        + several(lambda: {"source": pick(p["source"])}, 3) + several(lambda: {"document": pick(p["document"])}, 3)
        + several(lambda: {"actor": pick(p["actor_country"]), "type": pick(p["type"]), **window()}, 3)
        + [{"actor": NO_HITS[0]}],
        "/api/actors": [{}, *_offsets(p["actors"]), {"sector": "GOV"}]
        + several(lambda: {"name": pick(p["actor_name"])[:6]}) + several(lambda: {"country": pick(p["actor_country"])})
        + several(lambda: {"sector": pick(p["sector"] or ["GOV"])}, 3) + [{"name": NO_HITS[0]}],
        "/api/network": [{}, {"edges": 500}] + several(lambda: {"type": pick(p["type"])}, 3) + several(window, 3),
        "/api/relations": [{"a": a, "b": b, "by": by} for a, b in p["pair"][:8] for by in ("month", "week")]
        + [{"a": p["pair"][0][0], "b": p["pair"][0][1], **window()}],
        "/api/stories": [{}, *_offsets(stories)] + several(lambda: {"source": pick(p["source"])}),
        "/api/copies": [{}, *_offsets(copies), {"kind": "spun,translated"}, {"kind": "exact,near"}]
        + several(lambda: {"source": pick(p["source"])}, 4) + several(lambda: {"document": pick(p["document"])}, 4),
        "/api/statements": [{}, {"min_sources": 2}, {"min_sources": 3}, *_offsets(statements)]
        + several(lambda: {"speaker_id": pick(p["speaker_id"])}),
        "/api/search": [{"q": pick(p["word"]), "scope": s} for s in ("documents", "quotes") for _ in range(6)]
        + [{"q": f"{pick(p['word'])} {pick(p['word'])}", "scope": s} for s in ("documents", "quotes")]
        + [{"q": pick(p["surname"]), "scope": "quotes"}, {"q": pick(p["surname"]), "scope": "documents"}]
        + [{"q": w, "scope": s} for w in NO_HITS for s in ("documents", "quotes")]
        + [{"q": pick(p["word"]), "offset": 100, "scope": "documents"}],
        "/api/documents/{document_id}": several(lambda: {"document_id": pick(p["document"])}, 20),
        "/api/people/{person_id}": several(lambda: {"person_id": pick(p["person"])}, 20),
        "/api/stories/{story_id}": several(lambda: {"story_id": pick(p["story"])}, 20),
    }


def checked(plan: dict[str, list[dict]], openapi: dict) -> tuple[dict[str, tuple[list[dict], bool]], list[str]]:
    """The plan restricted to the server's GET routes and their parameters; each path with
    whether it is gated (a list endpoint, with limit and offset, or the search), and notes
    on what the server does not have."""
    out, notes = {}, []
    routes = {path: ops["get"] for path, ops in openapi.get("paths", {}).items() if "get" in ops}
    for path, variants in plan.items():
        if path not in routes:
            notes.append(f"{path}: not served, skipped")
            continue
        known = {prm["name"] for prm in routes[path].get("parameters", [])}
        dropped = sorted({k for v in variants for k in v} - known)
        if dropped:
            notes.append(f"{path}: no parameter {', '.join(dropped)}; those variants sent without it")
        kept = [{k: v for k, v in variant.items() if k in known} for variant in variants]
        gated = {"limit", "offset"} <= known or path == "/api/search"
        out[path] = (kept, gated)
    for path, op in routes.items():
        names = {prm["name"] for prm in op.get("parameters", [])}
        if path.startswith("/api/") and path not in out and {"limit", "offset"} <= names:
            notes.append(f"{path}: a list endpoint this benchmark has no plan for; measured with offsets only")
            out[path] = ([{}, {"offset": 50}, {"offset": 500}], True)
    return out, notes
