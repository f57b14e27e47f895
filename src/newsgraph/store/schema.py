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
    # 2: actors, time expressions, real events with their reports and actors.
    # Actor country/sector are '' (never NULL) when unknown so UNIQUE dedupes them.
    # events.signature is the merge key (type, negated, actor and recipient keys).
    """
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT '',
        sector TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL DEFAULT 'org',
        UNIQUE (name, country, sector)
    );
    CREATE INDEX actors_country ON actors(country, sector);

    CREATE TABLE time_expressions (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        precision TEXT NOT NULL,
        first TEXT NOT NULL,
        last TEXT NOT NULL,
        anchored INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX time_expressions_document ON time_expressions(document_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        signature TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        context TEXT NOT NULL DEFAULT '[]',
        date TEXT,
        date_precision TEXT,
        date_first TEXT,
        date_last TEXT,
        date_source TEXT,
        negated INTEGER NOT NULL DEFAULT 0,
        future INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        historical INTEGER NOT NULL DEFAULT 0,
        score REAL,
        reports INTEGER NOT NULL DEFAULT 0,
        publishers INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX events_signature ON events(signature);
    CREATE INDEX events_type ON events(type, date_first);
    CREATE INDEX events_date ON events(date_first, date_last);

    CREATE TABLE event_reports (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        publisher TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        trigger TEXT NOT NULL,
        mode TEXT,
        context TEXT NOT NULL DEFAULT '[]',
        date TEXT,
        date_precision TEXT,
        date_first TEXT,
        date_last TEXT,
        date_source TEXT NOT NULL DEFAULT 'document',
        location TEXT,
        statement INTEGER NOT NULL DEFAULT 0,
        negated INTEGER NOT NULL DEFAULT 0,
        future INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        historical INTEGER NOT NULL DEFAULT 0,
        actors TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX event_reports_event ON event_reports(event_id);
    CREATE INDEX event_reports_document ON event_reports(document_id);

    CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        PRIMARY KEY (event_id, actor_id, role)
    );
    CREATE INDEX event_actors_actor ON event_actors(actor_id, role);
    """,
    # 3: copy detection: fingerprints of each kept body, the LSH index over them, sentence
    # vectors (computed once, reused), and the copy pairs found with their provenance.
    """
    CREATE TABLE fingerprints (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        body_hash TEXT NOT NULL,
        words INTEGER NOT NULL,
        text_minhash BLOB NOT NULL,
        anchor_minhash BLOB NOT NULL
    );
    CREATE INDEX fingerprints_hash ON fingerprints(body_hash);

    -- band: 0-31 shingle MinHash bands, 32-55 anchor MinHash bands, 56 sampled sentence hashes (dedupe/lsh.py)
    CREATE TABLE lsh_buckets (
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (band, bucket, document_id)
    ) WITHOUT ROWID;
    CREATE INDEX lsh_document ON lsh_buckets(document_id);

    CREATE TABLE sentence_vectors (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (document_id, start, end, model)
    );

    CREATE TABLE copies (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        original_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'near', 'partial', 'spun', 'translated')),
        similarity REAL NOT NULL,
        direction TEXT NOT NULL,
        spans TEXT NOT NULL DEFAULT '[]',
        UNIQUE (document_id, original_id)
    );
    CREATE INDEX copies_original ON copies(original_id);
    """,
    # 4: stories, statements (one speaker's quotations that say the same thing) and the
    # count of independent sources (copies excluded) of statements and events.
    # story_documents keeps each member's vector and dated window, story_entities how many
    # members name each actor, so joining, merging and removing never re-read the members.
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        actors TEXT NOT NULL DEFAULT '[]',
        first TEXT,
        last TEXT,
        documents INTEGER NOT NULL DEFAULT 0,
        centroid BLOB
    );
    CREATE INDEX stories_last ON stories(last);

    CREATE TABLE story_documents (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        score REAL,
        vector BLOB,
        first TEXT,
        last TEXT,
        entities TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX story_documents_story ON story_documents(story_id);

    CREATE TABLE story_entities (
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        documents INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (story_id, key)
    );
    CREATE INDEX story_entities_key ON story_entities(key);

    CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        speaker_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        reports INTEGER NOT NULL DEFAULT 0,
        sources INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX statements_speaker ON statements(speaker_id);

    CREATE TABLE statement_quotes (
        quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
        statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        score REAL
    );
    CREATE INDEX statement_quotes_statement ON statement_quotes(statement_id);

    ALTER TABLE events ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: full-text search (FTS5) over each document's title and kept body, and over quotations,
    # kept by triggers so every writer (ingest, delete, backfill) updates them in its own transaction.
    # A document's body is its kept ranges joined by newlines: removed debris is never a search hit.
    # Both indexes hold words only ("external content"): the text they show in snippets is read from
    # the documents and quotes tables, so nothing is stored twice. document_keys gives each document
    # a stable integer, its rowid in the index, so a search reads document ids from an index.
    """
    CREATE TABLE document_keys (
        key INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE
    );
    -- FTS5 reads its content with no virtual table allowed (so no json_each): the kept ranges are
    -- walked by a recursive CTE instead, range n being kept[n] = [start, end].
    CREATE VIEW search_document_bodies AS
        SELECT k.key AS key, IFNULL(d.title, '') AS title,
            (WITH RECURSIVE ranges (n, piece) AS (
                 SELECT 0, NULL
                 UNION ALL
                 SELECT n + 1, substr(d.text, json_extract(d.kept, '$[' || n || '][0]') + 1,
                        json_extract(d.kept, '$[' || n || '][1]') - json_extract(d.kept, '$[' || n || '][0]'))
                 FROM ranges WHERE json_extract(d.kept, '$[' || n || ']') IS NOT NULL)
             SELECT IFNULL(group_concat(piece, char(10)), '') FROM ranges WHERE piece IS NOT NULL) AS body
        FROM document_keys k JOIN documents d ON d.id = k.document_id;
    CREATE VIRTUAL TABLE search_documents USING fts5(
        title, body, content = 'search_document_bodies', content_rowid = 'key',
        tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE search_quotes USING fts5(
        text, content = 'quotes', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');

    CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
        INSERT INTO document_keys (document_id) VALUES (new.id);
        INSERT INTO search_documents (rowid, title, body)
            SELECT key, title, body FROM search_document_bodies
            WHERE key = (SELECT key FROM document_keys WHERE document_id = new.id);
    END;
    -- before: the words to take out are read from the row while it is still there
    CREATE TRIGGER search_documents_delete BEFORE DELETE ON documents BEGIN
        INSERT INTO search_documents (search_documents, rowid, title, body)
            SELECT 'delete', key, title, body FROM search_document_bodies
            WHERE key = (SELECT key FROM document_keys WHERE document_id = old.id);
    END;
    CREATE TRIGGER search_quotes_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO search_quotes (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER search_quotes_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO search_quotes (search_quotes, rowid, text) VALUES ('delete', old.id, old.text);
    END;

    INSERT INTO document_keys (document_id) SELECT id FROM documents ORDER BY ingested_at, id;
    INSERT INTO search_documents (search_documents) VALUES ('rebuild');
    INSERT INTO search_quotes (search_quotes) VALUES ('rebuild');

    -- the workspace lists documents newest first, a page at a time, and by publisher; with the id
    -- in it, a page of search hits is read from this index alone, in order, stopping at the page
    CREATE INDEX documents_listing ON documents(published DESC, source, id);
    CREATE INDEX documents_publisher ON documents(publisher);
    """,
    # 6: a document is one appearance of a text, (source, content). content_hash finds the same text at
    # other sources (an exact copy: its own document, the analysis reused); version_of links an updated
    # article to the earlier version read from the same source (current: no later version points at it).
    # Before this version ids were content hashes, so they are the old rows' content hashes.
    """
    ALTER TABLE documents ADD COLUMN content_hash TEXT;
    UPDATE documents SET content_hash = id;
    ALTER TABLE documents ADD COLUMN version_of TEXT REFERENCES documents(id) ON DELETE SET NULL;
    DROP INDEX documents_source;
    CREATE INDEX documents_source_content ON documents(source, content_hash);
    CREATE INDEX documents_content ON documents(content_hash);
    CREATE INDEX documents_version_of ON documents(version_of);
    """,
    # 7: what a quotation's source is (person, organisation, document, anonymous, unknown), so that a
    # reader can tell "the report found" and "an aide said" from a named person.
    """
    ALTER TABLE quotes ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'unknown';
    """,
    # 8: a person's gender (where an article says it), party and office, per document (dated by the
    # document) and on the person (the latest document's), so people of one surname are kept apart.
    """
    ALTER TABLE people ADD COLUMN gender TEXT;
    ALTER TABLE people ADD COLUMN party TEXT;
    ALTER TABLE people ADD COLUMN office TEXT;
    ALTER TABLE person_documents ADD COLUMN party TEXT;
    ALTER TABLE person_documents ADD COLUMN office TEXT;
    """,
    # 9: what the writer looks up per document, each from an index, so its cost stays flat as the store
    # grows: a document's people (by document), the stories near a day (by their days, latest first), the
    # stories naming an entity (by entity, latest first), a person's latest party and office (each
    # person_documents row carries its document's day), and how many documents name a person by each
    # name (person_names, kept by triggers), instead of reading every document of a much-named person.
    """
    CREATE INDEX person_documents_document ON person_documents(document_id);
    DROP INDEX stories_last;
    CREATE INDEX stories_days ON stories(last, first);
    DROP INDEX story_entities_key;
    CREATE INDEX story_entities_key_story ON story_entities(key, story_id);

    ALTER TABLE person_documents ADD COLUMN published TEXT;
    UPDATE person_documents SET published = (SELECT published FROM documents d WHERE d.id = document_id);
    CREATE INDEX person_documents_party ON person_documents(person_id, published) WHERE party IS NOT NULL;
    CREATE INDEX person_documents_office ON person_documents(person_id, published) WHERE office IS NOT NULL;

    CREATE TABLE person_names (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        documents INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (person_id, name)
    ) WITHOUT ROWID;
    INSERT INTO person_names (person_id, name, documents)
        SELECT person_id, name, COUNT(*) FROM person_documents GROUP BY person_id, name;
    CREATE TRIGGER person_names_insert AFTER INSERT ON person_documents BEGIN
        INSERT INTO person_names (person_id, name, documents) VALUES (new.person_id, new.name, 1)
            ON CONFLICT (person_id, name) DO UPDATE SET documents = documents + 1;
    END;
    CREATE TRIGGER person_names_delete AFTER DELETE ON person_documents BEGIN
        UPDATE person_names SET documents = documents - 1 WHERE person_id = old.person_id AND name = old.name;
        DELETE FROM person_names WHERE person_id = old.person_id AND name = old.name AND documents <= 0;
    END;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
