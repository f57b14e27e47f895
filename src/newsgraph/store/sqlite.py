"""SQLite store: one file, no server. Writes are per document and atomic.

A document and everything derived from it (quotes, people links, time
expressions, event reports) are written in one transaction, so a killed ingest
leaves either the whole record or none of it, and a re-run skips what is
already there. Deleting a document takes its reports with it and refreshes the
real events they belonged to.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import E, NewsgraphError
from ..model import Actor, Document, Problem
from .schema import MIGRATIONS, SCHEMA_VERSION


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# Columns a report row may set (link/events.py builds the values).
REPORT_COLUMNS = (
    "event_id", "document_id", "publisher", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
    "text", "trigger", "mode", "context", "date", "date_precision", "date_first", "date_last", "date_source",
    "location", "statement", "negated", "future", "hypothetical", "historical", "actors",
)
# Columns of a real event the merge recomputes.
EVENT_COLUMNS = (
    "mode", "context", "date", "date_precision", "date_first", "date_last", "date_source", "future",
    "hypothetical", "historical", "score", "reports", "publishers",
)


class Store:
    """The database behind every command. Use as a context manager."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise NewsgraphError(E.NOT_FOUND, path=self.path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()  # first: it refuses another program's database before we change it
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            raise NewsgraphError(E.DB_UNREADABLE, path=self.path, detail=str(exc)) from None

    # -- life cycle -------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        found = self.version
        if found > SCHEMA_VERSION:
            raise NewsgraphError(E.DB_NEWER, path=self.path, found=found, supported=SCHEMA_VERSION)
        if found == 0 and self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            # Another program's SQLite file: never add our tables to it.
            raise NewsgraphError(E.DB_UNREADABLE, path=self.path, detail="a SQLite database of another program")
        for number in range(found, SCHEMA_VERSION):
            try:
                self.db.executescript("BEGIN;" + MIGRATIONS[number] + f";PRAGMA user_version = {number + 1};COMMIT;")
            except Exception:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def transaction(self) -> "_Transaction":
        return _Transaction(self.db)

    # -- writes -----------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def insert_document(self, doc: Document) -> None:
        """Insert the document row and its quotes (speaker ids set by the linker)."""
        self.db.execute(
            """INSERT INTO documents (id, source, format, url, title, author, publisher, published,
               published_from, published_to, encoding, language, flags, text, kept, removed, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                doc.id, doc.source, doc.format, doc.url, doc.title, doc.author, doc.publisher,
                doc.published, doc.published_from, doc.published_to, doc.encoding, doc.language,
                json.dumps(doc.flags), doc.text,
                json.dumps([[s.start, s.end] for s in doc.kept]),
                json.dumps([[r.start, r.end, r.reason] for r in doc.removed]),
                _now(),
            ),
        )

    def insert_quote(self, doc: Document, quote, speaker_id: int | None) -> None:
        speaker = quote.speaker
        cue = quote.cue
        self.db.execute(
            """INSERT INTO quotes (document_id, start, end, text, kind, cue_start, cue_end, cue,
               speaker_id, speaker_mention, speaker_start, speaker_end, speaker_type)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                doc.id, quote.content.start, quote.content.end, quote.content.of(doc.text), quote.kind,
                cue.start if cue else None, cue.end if cue else None, cue.of(doc.text) if cue else None,
                speaker_id,
                speaker.text if speaker else None,
                speaker.start if speaker else None,
                speaker.end if speaker else None,
                quote.speaker_type,
            ),
        )

    def log(self, source: str, status: str, document_id: str | None = None,
            code: str | None = None, message: str | None = None) -> None:
        """One row per (source, status, code): a re-run refreshes it instead of piling up."""
        self.db.execute(
            "DELETE FROM ingest_log WHERE source = ? AND status = ? AND IFNULL(code, '') = IFNULL(?, '')",
            (source, status, code),
        )
        self.db.execute(
            "INSERT INTO ingest_log (source, document_id, status, code, message, at) VALUES (?,?,?,?,?,?)",
            (source, document_id, status, code, message, _now()),
        )

    def log_problem(self, problem: Problem) -> None:
        with self.transaction():
            self.log(problem.source, "error", code=problem.code, message=problem.message)

    # -- people (the linker's index) -------------------------------------------------
    def people_with_key(self, key: str) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT p.* FROM people p JOIN person_keys k ON k.person_id = p.id WHERE k.key = ?", (key,)
        ).fetchall()

    def person(self, person_id: int) -> sqlite3.Row:
        return self.db.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()

    def add_person(self, name: str, type_: str, country: str | None, roles: list[str], aliases: list[str]) -> int:
        cur = self.db.execute(
            "INSERT INTO people (name, type, country, roles, aliases) VALUES (?,?,?,?,?)",
            (name, type_, country, json.dumps(roles), json.dumps(aliases)),
        )
        return int(cur.lastrowid)

    def update_person(self, person_id: int, name: str, country: str | None, roles: list[str],
                      aliases: list[str]) -> None:
        self.db.execute(
            "UPDATE people SET name = ?, country = ?, roles = ?, aliases = ? WHERE id = ?",
            (name, country, json.dumps(roles), json.dumps(aliases), person_id),
        )

    def rename_person(self, person_id: int, name: str) -> None:
        self.db.execute("UPDATE people SET name = ? WHERE id = ?", (name, person_id))

    def add_person_key(self, key: str, person_id: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO person_keys (key, person_id) VALUES (?, ?)", (key, person_id))

    def add_person_document(self, person_id: int, doc_id: str, name: str, roles: list[str],
                            country: str | None) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO person_documents (person_id, document_id, name, roles, country) VALUES (?,?,?,?,?)",
            (person_id, doc_id, name, json.dumps(roles), country),
        )

    def name_counts(self, person_id: int) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT name, COUNT(*) AS n FROM person_documents WHERE person_id = ? GROUP BY name", (person_id,)
        ).fetchall()
        return {r["name"]: r["n"] for r in rows}

    # -- time expressions --------------------------------------------------------
    def insert_times(self, doc: Document) -> None:
        self.db.executemany(
            """INSERT INTO time_expressions (document_id, start, end, text, value, precision, first, last, anchored)
               VALUES (?,?,?,?,?,?,?,?,?)""",
            [(doc.id, t.span.start, t.span.end, t.text, t.value, t.precision, t.first, t.last, int(t.anchored))
             for t in doc.times],
        )

    # -- actors and events (the event merger's index) --------------------------------
    def actor_id(self, actor: Actor) -> int:
        """The id of the actor (name, country, sector), added on first sight."""
        key = (actor.name, actor.country or "", actor.sector or "")
        row = self.db.execute("SELECT id FROM actors WHERE name = ? AND country = ? AND sector = ?", key).fetchone()
        if row:
            return int(row[0])
        cur = self.db.execute("INSERT INTO actors (name, country, sector, type) VALUES (?,?,?,?)",
                              (*key, actor.type))
        return int(cur.lastrowid)

    def events_with_signature(self, signature: str, low: str | None = None,
                              high: str | None = None) -> list[sqlite3.Row]:
        """Real events with this merge key: dated ones whose window reaches [low, high], else undated ones."""
        sql = "SELECT id, date_first, date_last, date_source, reports FROM events WHERE signature = ?"
        if low is None or high is None:
            return self.db.execute(sql + " AND date_first IS NULL ORDER BY id", (signature,)).fetchall()
        return self.db.execute(sql + " AND date_first <= ? AND date_last >= ? ORDER BY id",
                               (signature, high, low)).fetchall()

    def add_event(self, signature: str, type_: str, negated: bool) -> int:
        cur = self.db.execute("INSERT INTO events (signature, type, negated) VALUES (?,?,?)",
                              (signature, type_, int(negated)))
        return int(cur.lastrowid)

    def add_event_actor(self, event_id: int, actor_id: int, role: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?,?,?)",
                        (event_id, actor_id, role))

    def add_event_report(self, values: dict) -> int:
        columns = [c for c in REPORT_COLUMNS if c in values]
        cur = self.db.execute(
            f"INSERT INTO event_reports ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(values[c] for c in columns),
        )
        return int(cur.lastrowid)

    def event_type(self, event_id: int) -> str | None:
        row = self.db.execute("SELECT type FROM events WHERE id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def reports_of(self, event_id: int) -> list[sqlite3.Row]:
        """What the merge needs of each report of an event (no sentence text)."""
        return self.db.execute(
            """SELECT id, publisher, mode, context, date, date_precision, date_first, date_last, date_source,
                      future, hypothetical, historical
               FROM event_reports WHERE event_id = ? ORDER BY id""",
            (event_id,),
        ).fetchall()

    def update_event(self, event_id: int, values: dict) -> None:
        columns = [c for c in EVENT_COLUMNS if c in values]
        self.db.execute(f"UPDATE events SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                        (*(values[c] for c in columns), event_id))

    def delete_event(self, event_id: int) -> None:
        self.db.execute("DELETE FROM events WHERE id = ?", (event_id,))

    # -- deletion ------------------------------------------------------------------
    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and all derived from it, atomically; False if absent.

        Its quotes, time expressions and event reports go by cascade; each real
        event it reported is refreshed (counts, publishers, date), and removed
        when no report is left. People and actors left with nothing are removed.
        """
        from ..link.events import refresh_event  # the merge rules live with the merger

        with self.transaction():
            if not self.has_document(doc_id):
                return False
            events = [r[0] for r in self.db.execute(
                "SELECT DISTINCT event_id FROM event_reports WHERE document_id = ?", (doc_id,))]
            actors = [r[0] for r in self.db.execute(
                f"SELECT DISTINCT actor_id FROM event_actors WHERE event_id IN ({','.join('?' * len(events))})",
                events)] if events else []
            people = [r[0] for r in self.db.execute(
                "SELECT person_id FROM person_documents WHERE document_id = ?", (doc_id,))]
            self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            for event_id in events:
                refresh_event(self, event_id)
            for actor_id in actors:
                self.db.execute("DELETE FROM actors WHERE id = ? AND NOT EXISTS "
                                "(SELECT 1 FROM event_actors WHERE actor_id = ?)", (actor_id, actor_id))
            for person_id in people:
                self.db.execute(
                    "DELETE FROM people WHERE id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM person_documents WHERE person_id = ?) "
                    "AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = ?)", (person_id,) * 3)
            self.db.execute("DELETE FROM ingest_log WHERE document_id = ?", (doc_id,))
        return True

    # -- reads -----------------------------------------------------------------
    def query(self, sql: str, params: tuple = ()) -> Iterator[sqlite3.Row]:
        yield from self.db.execute(sql, params)

    def counts(self) -> dict[str, int]:
        tables = ("documents", "quotes", "people", "events")
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
        return False
