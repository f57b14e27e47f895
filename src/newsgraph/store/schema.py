"""The SQLite schema, versioned: the contract between the pipeline and the readers.

Each entry of MIGRATIONS takes the database from version i to i+1; a new
database runs them all. Never edit a released migration: append a new one.
"""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents, ingest log, people, mentions, quotes
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        url TEXT,
        title TEXT,
        author TEXT,
        publisher TEXT,
        published TEXT,
        published_from TEXT,
        published_to TEXT,
        encoding TEXT,
        language TEXT,
        flags TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        kept TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE INDEX documents_published ON documents(published);

    CREATE TABLE ingest_log (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        document_id TEXT,
        status TEXT NOT NULL,
        code TEXT,
        message TEXT,
        at TEXT NOT NULL
    );
    CREATE INDEX ingest_log_source ON ingest_log(source);

    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT 'person',
        country TEXT,
        roles TEXT NOT NULL DEFAULT '[]',
        aliases TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX people_name ON people(name);

    CREATE TABLE person_keys (
        key TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        PRIMARY KEY (key, person_id)
    );

    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue_start INTEGER,
        cue_end INTEGER,
        cue TEXT,
        speaker_id INTEGER REFERENCES people(id),
        speaker_mention TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_type TEXT
    );
    CREATE INDEX quotes_document ON quotes(document_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_id);

    CREATE TABLE person_documents (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        roles TEXT NOT NULL DEFAULT '[]',
        country TEXT,
        PRIMARY KEY (person_id, document_id)
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
