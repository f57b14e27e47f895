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
from ..model import Actor, Document, Problem, Removal, Span
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

    def __init__(self, path: str | Path, readonly: bool = False, any_thread: bool = False) -> None:
        """``any_thread``: the connection may be used from another thread than the one that made it
        (the server's pool hands each connection to one request at a time, whatever its thread)."""
        self.path = str(path)
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise NewsgraphError(E.NOT_FOUND, path=self.path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=not any_thread)
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
        """Insert the document row (its quotes and the rest are inserted by their own writers)."""
        self.db.execute(
            """INSERT INTO documents (id, source, format, url, title, author, publisher, published,
               published_from, published_to, encoding, language, flags, text, kept, removed, ingested_at,
               content_hash, version_of)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                doc.id, doc.source, doc.format, doc.url, doc.title, doc.author, doc.publisher,
                doc.published, doc.published_from, doc.published_to, doc.encoding, doc.language,
                json.dumps(doc.flags), doc.text,
                json.dumps([[s.start, s.end] for s in doc.kept]),
                json.dumps([[r.start, r.end, r.reason] for r in doc.removed]),
                _now(), doc.content_hash or doc.id, doc.version_of,
            ),
        )

    # -- appearances: which text was read from which source --------------------------------
    def has_appearance(self, source: str, content_hash: str) -> bool:
        """Whether this text was already stored from this source."""
        return self.db.execute("SELECT 1 FROM documents WHERE source = ? AND content_hash = ?",
                               (source, content_hash)).fetchone() is not None

    def holder_of(self, content_hash: str) -> str | None:
        """The first stored document holding this text (from whichever source), if any."""
        row = self.db.execute("SELECT id FROM documents WHERE content_hash = ? ORDER BY rowid LIMIT 1",
                              (content_hash,)).fetchone()
        return row[0] if row else None

    def current_version(self, source: str) -> str | None:
        """The latest stored version of the document read from ``source``: none points back at it."""
        row = self.db.execute(
            """SELECT id FROM documents d WHERE source = ?
               AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.version_of = d.id)
               ORDER BY rowid DESC LIMIT 1""", (source,)).fetchone()
        return row[0] if row else None

    def source_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT source FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def count_reports(self, doc_id: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM event_reports WHERE document_id = ?", (doc_id,)).fetchone()[0]

    def analysis_inputs(self, doc_id: str) -> tuple | None:
        """What a document's analysis depends on besides its text (ranges, dates, language, flags)."""
        row = self.db.execute(
            """SELECT kept, removed, published, published_from, published_to, language, flags
               FROM documents WHERE id = ?""", (doc_id,)).fetchone()
        return None if row is None else (json.loads(row[0]), json.loads(row[1]), *row[2:6], json.loads(row[6]))

    def copy_analysis(self, original_id: str, doc_id: str, publisher: str) -> tuple[dict[int, int], list[int]]:
        """Give ``doc_id`` (same text as ``original_id``) the original's analysis: its quotations,
        people links, time expressions, sentence vectors and event reports (under the copy's own
        publisher). Returns ({original quote id: new quote id}, the real events reported)."""
        db = self.db
        quotes: dict[int, int] = {}
        columns = ("start, end, text, kind, cue_start, cue_end, cue, speaker_id, speaker_mention, "
                   "speaker_start, speaker_end, speaker_type, source_kind")
        for (old,) in db.execute("SELECT id FROM quotes WHERE document_id = ? ORDER BY id", (original_id,)).fetchall():
            cur = db.execute(f"INSERT INTO quotes (document_id, {columns}) SELECT ?, {columns} FROM quotes "
                             "WHERE id = ?", (doc_id, old))
            quotes[old] = int(cur.lastrowid)
        db.execute("""INSERT OR IGNORE INTO person_documents (person_id, document_id, name, roles, country, party,
                      office, published) SELECT person_id, ?, name, roles, country, party, office,
                      (SELECT published FROM documents WHERE id = ?) FROM person_documents WHERE document_id = ?""",
                   (doc_id, doc_id, original_id))
        db.execute("""INSERT INTO time_expressions (document_id, start, end, text, value, precision, first, last,
                      anchored) SELECT ?, start, end, text, value, precision, first, last, anchored
                      FROM time_expressions WHERE document_id = ? ORDER BY id""", (doc_id, original_id))
        db.execute("""INSERT OR IGNORE INTO sentence_vectors (document_id, start, end, model, vector)
                      SELECT ?, start, end, model, vector FROM sentence_vectors WHERE document_id = ?""",
                   (doc_id, original_id))
        report = [c for c in REPORT_COLUMNS if c not in ("document_id", "publisher")]
        db.execute(f"""INSERT INTO event_reports (document_id, publisher, {', '.join(report)})
                       SELECT ?, ?, {', '.join(report)} FROM event_reports WHERE document_id = ? ORDER BY id""",
                   (doc_id, publisher, original_id))
        events = [r[0] for r in db.execute(
            "SELECT DISTINCT event_id FROM event_reports WHERE document_id = ? ORDER BY 1", (doc_id,))]
        return quotes, events

    def insert_quote(self, doc: Document, quote, speaker_id: int | None) -> None:
        speaker = quote.speaker
        cue = quote.cue
        self.db.execute(
            """INSERT INTO quotes (document_id, start, end, text, kind, cue_start, cue_end, cue,
               speaker_id, speaker_mention, speaker_start, speaker_end, speaker_type, source_kind)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                doc.id, quote.content.start, quote.content.end, quote.content.of(doc.text), quote.kind,
                cue.start if cue else None, cue.end if cue else None, cue.of(doc.text) if cue else None,
                speaker_id,
                speaker.text if speaker else None,
                speaker.start if speaker else None,
                speaker.end if speaker else None,
                quote.speaker_type,
                quote.source_kind,
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
            self.log(problem.source, problem.status, code=problem.code, message=problem.message)

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
                            country: str | None, party: str | None = None, office: str | None = None) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO person_documents (person_id, document_id, name, roles, country, party, office, "
            "published) VALUES (?,?,?,?,?,?,?,(SELECT published FROM documents WHERE id = ?))",
            (person_id, doc_id, name, json.dumps(roles), country, party, office, doc_id),
        )

    def refresh_affiliation(self, person_id: int, gender: str | None = None) -> None:
        """The person's party and office: those of the latest dated document that says them (undated
        last: NULL sorts last going down), read from an index; gender: the first an article said."""
        latest = """SELECT {0} FROM person_documents WHERE person_id = ? AND {0} IS NOT NULL
                    ORDER BY published DESC LIMIT 1"""
        party = self.db.execute(latest.format("party"), (person_id,)).fetchone()
        office = self.db.execute(latest.format("office"), (person_id,)).fetchone()
        self.db.execute("UPDATE people SET party = ?, office = ?, gender = COALESCE(gender, ?) WHERE id = ?",
                        (party[0] if party else None, office[0] if office else None, gender, person_id))

    def name_counts(self, person_id: int) -> dict[str, int]:
        """Documents naming the person by each name (counted by triggers as documents come and go)."""
        rows = self.db.execute(
            "SELECT name, documents FROM person_names WHERE person_id = ? AND documents > 0", (person_id,)
        ).fetchall()
        return {r["name"]: r["documents"] for r in rows}

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

    # -- stories (cluster/stories.py's index) -------------------------------------------
    def story_of(self, doc_id: str) -> int | None:
        row = self.db.execute("SELECT story_id FROM story_documents WHERE document_id = ?", (doc_id,)).fetchone()
        return int(row[0]) if row else None

    def document_people(self, doc_id: str) -> list[sqlite3.Row]:
        """The canonical people a document names: id, name, aliases and country (the document's, else theirs)."""
        return self.db.execute(
            """SELECT pd.person_id, p.name, p.aliases, COALESCE(pd.country, p.country) AS country
               FROM person_documents pd JOIN people p ON p.id = pd.person_id
               WHERE pd.document_id = ? ORDER BY pd.person_id""", (doc_id,)).fetchall()

    def document_actors(self, doc_id: str) -> list[sqlite3.Row]:
        """The actors and recipients of the real events a document reports (name, country)."""
        return self.db.execute(
            """SELECT DISTINCT a.name, a.country FROM event_reports r
               JOIN event_actors ea ON ea.event_id = r.event_id JOIN actors a ON a.id = ea.actor_id
               WHERE r.document_id = ? ORDER BY a.name, a.country""", (doc_id,)).fetchall()

    def stories_naming(self, keys: list[str], limit: int, per_key: int) -> list[int]:
        """Stories whose documents name any of these entity keys, those naming them most first. Of an
        entity named in more than ``per_key`` stories, its latest ``per_key`` count: a look-up reads at
        most that many index rows a key, however many stories the store holds."""
        totals: dict[int, int] = {}
        for key in dict.fromkeys(keys):
            for story_id, documents in self.db.execute(
                    "SELECT story_id, documents FROM story_entities WHERE key = ? ORDER BY story_id DESC LIMIT ?",
                    (key, per_key)):
                totals[story_id] = totals.get(story_id, 0) + documents
        return sorted(totals, key=lambda s: (-totals[s], s))[:limit]

    def stories_between(self, low: str | None, high: str | None, limit: int) -> list[int]:
        """Stories whose days reach [low, high] (None: open), latest first, then those with no days (a
        story has both days or neither). Read from the index on (last, first), stopping at ``limit``."""
        where, args = ["last IS NOT NULL"], []
        if low is not None:
            where.append("last >= ?")
            args.append(low)
        if high is not None:
            where.append("first <= ?")
            args.append(high)
        ids = [r[0] for r in self.db.execute(
            f"SELECT id FROM stories WHERE {' AND '.join(where)} ORDER BY last DESC, id LIMIT ?", (*args, limit))]
        if len(ids) < limit:
            ids += [r[0] for r in self.db.execute(
                "SELECT id FROM stories WHERE last IS NULL AND first IS NULL ORDER BY id LIMIT ?",
                (limit - len(ids),))]
        return ids

    def stories_by_id(self, ids: list[int]) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                               (json.dumps(ids),)).fetchall()

    def story_entity_rows(self, ids: list[int]) -> list[sqlite3.Row]:
        """(story_id, key, name, documents) of these stories."""
        return self.db.execute(
            "SELECT story_id, key, name, documents FROM story_entities WHERE story_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY story_id, key", (json.dumps(ids),)).fetchall()

    def add_story(self) -> int:
        return int(self.db.execute("INSERT INTO stories (documents) VALUES (0)").lastrowid)

    def add_story_document(self, doc_id: str, story_id: int, score: float | None, vector: bytes | None,
                           first: str | None, last: str | None, entities: dict[str, str]) -> None:
        self.db.execute(
            """INSERT INTO story_documents (document_id, story_id, score, vector, first, last, entities)
               VALUES (?,?,?,?,?,?,?)""",
            (doc_id, story_id, score, vector, first, last, json.dumps(entities, ensure_ascii=False)))

    def story_document(self, doc_id: str) -> sqlite3.Row | None:
        """A document's place in its story: story_id, score, vector, first, last, entities (JSON)."""
        return self.db.execute("SELECT * FROM story_documents WHERE document_id = ?", (doc_id,)).fetchone()

    def remove_story_document(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM story_documents WHERE document_id = ?", (doc_id,))

    def count_story_entities(self, story_id: int, names: dict[str, str], delta: int) -> None:
        """Add ``delta`` to the number of the story's documents naming each key; drop keys at zero."""
        self.db.executemany(
            """INSERT INTO story_entities (story_id, key, name, documents) VALUES (?,?,?,?)
               ON CONFLICT (story_id, key) DO UPDATE SET documents = documents + excluded.documents""",
            [(story_id, key, name, delta) for key, name in names.items()])
        self.db.execute("DELETE FROM story_entities WHERE story_id = ? AND documents <= 0", (story_id,))

    def story_members(self, story_id: int) -> list[sqlite3.Row]:
        """Each document of a story with its vector, days, score and title, in source order."""
        return self.db.execute(
            """SELECT sd.document_id, sd.vector, sd.first, sd.last, sd.score, d.title, d.source
               FROM story_documents sd JOIN documents d ON d.id = sd.document_id
               WHERE sd.story_id = ? ORDER BY d.source, d.id""", (story_id,)).fetchall()

    def story_days(self, story_id: int) -> tuple[str | None, str | None]:
        """The first and last dated days of a story's documents."""
        row = self.db.execute("SELECT MIN(first), MAX(last) FROM story_documents WHERE story_id = ?",
                              (story_id,)).fetchone()
        return row[0], row[1]

    def document_body(self, doc_id: str) -> tuple[str, list[list[int]]] | None:
        """A stored document's raw text and kept ranges."""
        row = self.db.execute("SELECT text, kept FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def story_event_types(self, story_id: int) -> list[sqlite3.Row]:
        """(type, reports) of the events a story's documents report, commonest first."""
        return self.db.execute(
            """SELECT e.type, COUNT(*) AS reports FROM story_documents sd
               JOIN event_reports r ON r.document_id = sd.document_id JOIN events e ON e.id = r.event_id
               WHERE sd.story_id = ? GROUP BY e.type ORDER BY reports DESC, e.type""", (story_id,)).fetchall()

    def move_story(self, source_id: int, target_id: int) -> None:
        """Every document and entity count of one story into another; the emptied story goes."""
        self.db.execute("UPDATE story_documents SET story_id = ? WHERE story_id = ?", (target_id, source_id))
        self.db.execute(
            """INSERT INTO story_entities (story_id, key, name, documents)
               SELECT ?, key, name, documents FROM story_entities WHERE story_id = ?
               ON CONFLICT (story_id, key) DO UPDATE SET documents = documents + excluded.documents""",
            (target_id, source_id))
        self.delete_story(source_id)

    def update_story(self, story_id: int, values: dict) -> None:
        columns = [c for c in ("label", "title", "actors", "first", "last", "documents", "centroid") if c in values]
        self.db.execute(f"UPDATE stories SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                        (*(values[c] for c in columns), story_id))

    def delete_story(self, story_id: int) -> None:
        self.db.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    # -- statements (cluster/statements.py's index) ---------------------------------------
    def document_quotes(self, doc_id: str) -> list[sqlite3.Row]:
        """A document's quotations that have a canonical speaker, in text order."""
        return self.db.execute(
            """SELECT id, document_id, speaker_id, start, end, text FROM quotes
               WHERE document_id = ? AND speaker_id IS NOT NULL ORDER BY start, id""", (doc_id,)).fetchall()

    def statement_of(self, quote_id: int) -> int | None:
        row = self.db.execute("SELECT statement_id FROM statement_quotes WHERE quote_id = ?", (quote_id,)).fetchone()
        return int(row[0]) if row else None

    def speaker_quotes(self, speaker_id: int, other_than: str, limit: int) -> list[sqlite3.Row]:
        """The speaker's quotations already in statements, outside one document; latest first."""
        return self.db.execute(
            """SELECT q.id, q.document_id, q.start, q.end, q.text, sq.statement_id FROM quotes q
               JOIN statement_quotes sq ON sq.quote_id = q.id
               WHERE q.speaker_id = ? AND q.document_id != ? ORDER BY q.id DESC LIMIT ?""",
            (speaker_id, other_than, limit)).fetchall()

    def add_statement(self, speaker_id: int, text: str) -> int:
        return int(self.db.execute("INSERT INTO statements (speaker_id, text) VALUES (?, ?)",
                                   (speaker_id, text)).lastrowid)

    def add_statement_quote(self, quote_id: int, statement_id: int, score: float | None) -> None:
        self.db.execute("INSERT OR REPLACE INTO statement_quotes (quote_id, statement_id, score) VALUES (?,?,?)",
                        (quote_id, statement_id, score))

    def move_statement(self, source_id: int, target_id: int) -> None:
        self.db.execute("UPDATE statement_quotes SET statement_id = ? WHERE statement_id = ?", (target_id, source_id))
        self.db.execute("DELETE FROM statements WHERE id = ?", (source_id,))

    def statement_quote_rows(self, statement_id: int) -> list[sqlite3.Row]:
        """The quotations of a statement with their documents' ids and dates."""
        return self.db.execute(
            """SELECT q.id, q.document_id, q.text, d.published, d.published_from FROM statement_quotes sq
               JOIN quotes q ON q.id = sq.quote_id JOIN documents d ON d.id = q.document_id
               WHERE sq.statement_id = ? ORDER BY q.id""", (statement_id,)).fetchall()

    def update_statement(self, statement_id: int, text: str, reports: int) -> None:
        self.db.execute("UPDATE statements SET text = ?, reports = ? WHERE id = ?", (text, reports, statement_id))

    def delete_statement(self, statement_id: int) -> None:
        self.db.execute("DELETE FROM statements WHERE id = ?", (statement_id,))

    # -- independent sources (cluster/corroboration.py) -----------------------------------
    def copy_links(self, doc_ids: list[str]) -> list[sqlite3.Row]:
        """Copy pairs (document_id, original_id) with either side among ``doc_ids``."""
        ids = json.dumps(doc_ids)
        return self.db.execute(
            """SELECT document_id, original_id FROM copies WHERE document_id IN (SELECT value FROM json_each(?))
               UNION SELECT document_id, original_id FROM copies WHERE original_id IN (SELECT value FROM json_each(?))""",
            (ids, ids)).fetchall()

    def statements_of_documents(self, doc_ids: list[str]) -> list[int]:
        return [r[0] for r in self.db.execute(
            """SELECT DISTINCT sq.statement_id FROM quotes q JOIN statement_quotes sq ON sq.quote_id = q.id
               WHERE q.document_id IN (SELECT value FROM json_each(?)) ORDER BY 1""", (json.dumps(doc_ids),))]

    def events_of_documents(self, doc_ids: list[str]) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT event_id FROM event_reports WHERE document_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY 1", (json.dumps(doc_ids),))]

    def statement_documents(self, statement_id: int) -> list[str]:
        return [r[0] for r in self.db.execute(
            """SELECT DISTINCT q.document_id FROM statement_quotes sq JOIN quotes q ON q.id = sq.quote_id
               WHERE sq.statement_id = ? ORDER BY 1""", (statement_id,))]

    def event_documents(self, event_id: int) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT document_id FROM event_reports WHERE event_id = ? ORDER BY 1", (event_id,))]

    def set_statement_sources(self, statement_id: int, sources: int) -> None:
        self.db.execute("UPDATE statements SET sources = ? WHERE id = ?", (sources, statement_id))

    def set_event_sources(self, event_id: int, sources: int) -> None:
        self.db.execute("UPDATE events SET sources = ? WHERE id = ?", (sources, event_id))

    # -- copy detection (dedupe/'s index) ---------------------------------------------
    def add_fingerprint(self, doc_id: str, body_hash: str, words: int, text_minhash: bytes,
                        anchor_minhash: bytes, buckets: list[tuple[int, int]]) -> None:
        """A document's fingerprint and its LSH bucket rows (replacing any earlier ones)."""
        self.db.execute(
            "INSERT OR REPLACE INTO fingerprints (document_id, body_hash, words, text_minhash, anchor_minhash) "
            "VALUES (?,?,?,?,?)", (doc_id, body_hash, words, text_minhash, anchor_minhash))
        self.db.execute("DELETE FROM lsh_buckets WHERE document_id = ?", (doc_id,))
        self.db.executemany("INSERT OR IGNORE INTO lsh_buckets (band, bucket, document_id) VALUES (?,?,?)",
                            [(band, bucket, doc_id) for band, bucket in buckets])

    def full_buckets(self, buckets: list[tuple[int, int]], cap: int) -> set[tuple[int, int]]:
        """The (band, bucket) pairs among ``buckets`` already holding ``cap`` documents or more."""
        rows = self.db.execute(
            """SELECT l.band, l.bucket FROM json_each(?) AS q JOIN lsh_buckets l
                 ON l.band = json_extract(q.value, '$[0]') AND l.bucket = json_extract(q.value, '$[1]')
               GROUP BY l.band, l.bucket HAVING COUNT(*) >= ?""", (json.dumps(buckets), cap)).fetchall()
        return {(r[0], r[1]) for r in rows}

    def same_body(self, body_hash: str, other_than: str, limit: int) -> list[str]:
        """Ids of stored documents whose normalised kept body hashes to ``body_hash``, first indexed first."""
        return [r[0] for r in self.db.execute(
            "SELECT document_id FROM fingerprints WHERE body_hash = ? AND document_id != ? ORDER BY rowid "
            "LIMIT ?", (body_hash, other_than, limit))]

    def bucket_hits(self, buckets: list[tuple[int, int]], other_than: str, splits: tuple[int, int],
                    limit: int) -> list[sqlite3.Row]:
        """(document_id, text_hits, anchor_hits, sentence_hits) of documents sharing any (band, bucket);
        ``splits`` are the first anchor band and the sentence band. Most shared first, at most ``limit``."""
        if not buckets:
            return []
        first_anchor, sentence = splits
        return self.db.execute(
            """SELECT l.document_id, SUM(l.band < ?) AS text_hits, SUM(l.band >= ? AND l.band < ?) AS anchor_hits,
                      SUM(l.band >= ?) AS sentence_hits
               FROM json_each(?) AS q JOIN lsh_buckets l
                 ON l.band = json_extract(q.value, '$[0]') AND l.bucket = json_extract(q.value, '$[1]')
               WHERE l.document_id != ?
               GROUP BY l.document_id ORDER BY COUNT(*) DESC, l.document_id LIMIT ?""",
            (first_anchor, first_anchor, sentence, sentence, json.dumps(buckets), other_than, limit)).fetchall()

    def fingerprint_rows(self, doc_ids: list[str]) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT rowid, * FROM fingerprints WHERE document_id IN (SELECT value FROM json_each(?))",
            (json.dumps(doc_ids),)).fetchall()

    def unfingerprinted(self) -> list[str]:
        """Ids of stored documents missing from the copy index, oldest publication first."""
        # The anti-join reads two indexes only; the rows of the few documents it finds are read after.
        return [r[0] for r in self.db.execute(
            """SELECT id FROM documents WHERE id IN (SELECT k.document_id FROM document_keys k
                 WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.document_id = k.document_id))
               ORDER BY COALESCE(published, published_from) IS NULL, COALESCE(published, published_from),
                        ingested_at, id""")]

    def stored_document(self, doc_id: str) -> Document | None:
        """A stored document as the copy detector reads it: text, kept and removed ranges, dates."""
        row = self.db.execute(
            """SELECT id, source, format, title, publisher, published, published_from, published_to, language,
                      flags, text, kept, removed FROM documents WHERE id = ?""", (doc_id,)).fetchone()
        if row is None:
            return None
        return Document(
            id=row["id"], source=row["source"], text=row["text"], format=row["format"], title=row["title"],
            publisher=row["publisher"], published=row["published"], published_from=row["published_from"],
            published_to=row["published_to"], language=row["language"], flags=json.loads(row["flags"]),
            kept=[Span(s, e) for s, e in json.loads(row["kept"])],
            removed=[Removal(s, e, reason) for s, e, reason in json.loads(row["removed"])],
        )

    def add_copy(self, doc_id: str, original_id: str, kind: str, similarity: float, direction: str,
                 spans: list[list[int]]) -> None:
        """``doc_id`` copies ``original_id``; a pair already stored either way round is kept as it is."""
        if self.db.execute("SELECT 1 FROM copies WHERE document_id = ? AND original_id = ? OR "
                           "document_id = ? AND original_id = ?",
                           (doc_id, original_id, original_id, doc_id)).fetchone():
            return
        self.db.execute(
            "INSERT INTO copies (document_id, original_id, kind, similarity, direction, spans) VALUES (?,?,?,?,?,?)",
            (doc_id, original_id, kind, similarity, direction, json.dumps(spans)))

    # -- deletion ------------------------------------------------------------------
    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and all derived from it, atomically; False if absent.

        Its quotes, time expressions and event reports go by cascade; each real
        event it reported is refreshed (counts, publishers, date), and removed
        when no report is left. People and actors left with nothing are removed.
        """
        from ..cluster.forget import forgetting
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
            with forgetting(self, doc_id):  # out of its story and statements, sources recounted
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
        # A loop, not ``yield from``: closing this generator (a reader that stopped early, after the
        # store was closed) must not close the cursor on a closed connection, which raises.
        for row in self.db.execute(sql, params):
            yield row

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
