"""A 10,000-article newsgraph store, built in about a minute, for the API latency benchmark.

Why: running the NLP pipeline over 10,000 articles takes hours, but the read side only
needs a store of that size with realistic rows. So a few dozen invented articles
(synthetic_articles.py) go through the real pipeline into a template store, and its rows
are then replicated with plain SQL inserts in one transaction until there are N documents:

- replicas come in clusters (1-8 reports of one template, published within days of one
  another, spread over 2023-2024); each cluster is a story, its reports share new events
  (dates shifted, merged reports and publisher counts), and some members are copies of the
  cluster's first one; each cluster quotation of a speaker becomes a statement;
- each cluster draws a "cast": its people (and the person actors) are clones of the
  template's with a different family name, so people and actors grow with the store;
- every replica has its own id, source path, title, publisher, author and date, and a
  closing paragraph of its own (kept, so it is searchable).

Triggers fill the FTS5 tables as the rows go in. The texts of replicas still name the
template's people, and copy-detection fingerprints and sentence vectors are not
replicated: the store is for benchmarking reads, not for ingesting more into.
The template store is cached under /tmp (keyed by this code and the schema version).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic_articles  # noqa: E402

CAST_NAMES = ["Alder", "Brook", "Crane", "Dale", "Ember", "Frost", "Garth", "Heath", "Irwin", "Joss", "Kell",
              "Lark", "Moss", "Nash", "Orme", "Pike", "Quarry", "Reed", "Stone", "Thorne", "Umber", "Vance",
              "Wren", "Yates"]
OUTLET_WORDS = (["Tribune", "Observer", "Chronicle", "Signal", "Beacon", "Record", "Wire", "Standard", "Mirror",
                 "Bulletin"], ["Coastal", "Upland", "Metro", "National", "Frontier", "Lakeside", "Capital",
                                "Harbour"])
EXTRA = ["Additional reporting by {who} in {town}.", "{who} contributed reporting from {town}.",
         "This article was updated with comment from the {org}.", "Editing by {who}; fact-checking by the {org}.",
         "A correspondent in {town} said the {word} question was discussed at length by local councillors."]
RARE = ["quinoa", "tamarind", "lighthouse", "saltmarsh", "glacier", "monsoon", "orchard", "vineyard", "sawmill",
        "tramway", "observatory", "canal", "ferry", "aqueduct", "cathedral", "brewery", "foundry", "quarry"]
COPY_KINDS = [("exact", 0.97, 1.0), ("near", 0.8, 0.95), ("partial", 0.7, 0.9), ("spun", 0.6, 0.85),
              ("translated", 0.6, 0.8)]
START = date(2023, 1, 1)
_VALUE = re.compile(r"(\d{4})-W(\d{2})|(\d{4})-(\d{2})-(\d{2})|(\d{4})-(\d{2})(?!\d)|(\d{4})")


def shift_value(value: str | None, days: int) -> str | None:
    """A TIMEX-like value (2024-09-12, 2024-09, 2024-W36, 2024, ranges with '/') moved by ``days``."""
    if not value or not days:
        return value

    def move(m: re.Match) -> str:
        if m.group(1):
            d = date.fromisocalendar(int(m.group(1)), min(int(m.group(2)), 52), 1) + timedelta(days)
            y, w, _ = d.isocalendar()
            return f"{y}-W{w:02d}"
        if m.group(3):
            return (date(int(m.group(3)), int(m.group(4)), int(m.group(5))) + timedelta(days)).isoformat()
        if m.group(6):
            return (date(int(m.group(6)), int(m.group(7)), 15) + timedelta(days)).isoformat()[:7]
        return str((date(int(m.group(8)), 7, 1) + timedelta(days)).year)

    return _VALUE.sub(move, value)


def shift_day(value: str | None, days: int) -> str | None:
    return (date.fromisoformat(value) + timedelta(days)).isoformat() if value and days else value


def template_store(count: int = 50, seed: int = 0, cache: bool = True) -> Path:
    """The template store: ``count`` invented articles ingested by the real pipeline (cached)."""
    from newsgraph import api
    from newsgraph.store.schema import SCHEMA_VERSION

    code = Path(synthetic_articles.__file__).read_bytes()
    key = hashlib.sha1(code + f"{count}:{seed}:{SCHEMA_VERSION}".encode()).hexdigest()[:12]
    cached = Path(tempfile.gettempdir()) / f"newsgraph-bench-template-{key}.db"
    if cache and cached.exists():
        return cached
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        folder = Path(tmp) / "articles"
        synthetic_articles.write_articles(folder, count, seed)
        db = Path(tmp) / "template.db"
        report = api.ingest([folder], db=db)
        if report.added != count:
            raise RuntimeError(f"template ingest stored {report.added} of {count} articles")
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        target = cached if cache else Path(tempfile.mkstemp(suffix=".db", prefix="newsgraph-template-")[1])
        shutil.copyfile(db, target)
    return target


def _rows(con: sqlite3.Connection, sql: str) -> list[dict]:
    return [dict(r) for r in con.execute(sql)]


def _by(rows: list[dict], key: str) -> dict:
    out: dict = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


class _Replicator:
    """Reads the template rows once, then writes clusters of replicas as row lists."""

    def __init__(self, con: sqlite3.Connection, rng: random.Random) -> None:
        self.con, self.rng = con, rng
        self.docs = _rows(con, "SELECT * FROM documents ORDER BY source")
        self.quotes = _by(_rows(con, "SELECT * FROM quotes ORDER BY id"), "document_id")
        self.pdocs = _by(_rows(con, "SELECT * FROM person_documents"), "document_id")
        self.times = _by(_rows(con, "SELECT * FROM time_expressions ORDER BY id"), "document_id")
        self.reports = _by(_rows(con, "SELECT * FROM event_reports ORDER BY id"), "document_id")
        self.events = {r["id"]: r for r in _rows(con, "SELECT * FROM events")}
        self.event_actors = _by(_rows(con, "SELECT * FROM event_actors"), "event_id")
        self.story_docs = {r["document_id"]: r for r in _rows(con, "SELECT * FROM story_documents")}
        self.stories = {r["id"]: r for r in _rows(con, "SELECT * FROM stories")}
        self.people = {r["id"]: r for r in _rows(con, "SELECT * FROM people")}
        self.actors = {r["id"]: r for r in _rows(con, "SELECT * FROM actors")}
        self.person_names = {p["name"] for p in self.people.values() if p["type"] == "person"}
        self.next = {t: (con.execute(f"SELECT IFNULL(MAX(id), 0) FROM {t}").fetchone()[0] + 1) for t in
                     ("quotes", "events", "event_reports", "time_expressions", "stories", "statements",
                      "copies", "people", "actors")}
        self.out: dict[str, list[tuple]] = {t: [] for t in (
            "people", "person_keys", "actors", "stories", "story_entities", "documents", "ingest_log",
            "story_documents", "quotes", "person_documents", "time_expressions", "events", "event_actors",
            "event_reports", "copies", "statements", "statement_quotes")}
        self.person_map: dict[tuple[int, int], int] = {}
        self.actor_map: dict[tuple[int, int], int] = {}
        self.outlets = [f"The {a} {b}" for a in OUTLET_WORDS[1] for b in OUTLET_WORDS[0]]
        self.reporters = [f"{f} {s}" for f in synthetic_articles.FIRST for s in synthetic_articles.SURNAME]
        self.names_re = re.compile(r"(?<![\w-])(" + "|".join(
            re.escape(n) for n in sorted(self.person_names, key=len, reverse=True)) + r")(?![\w-])")
        self._renamed: dict[tuple[str, int], str] = {}
        self.now = datetime.now(timezone.utc).isoformat(timespec="seconds")

    def _id(self, table: str) -> int:
        self.next[table] += 1
        return self.next[table] - 1

    # -- people and actors of a cast -------------------------------------------------
    @staticmethod
    def rename(name: str, cast: int) -> str:
        return name if cast == 0 else f"{name}-{CAST_NAMES[(cast - 1) % len(CAST_NAMES)]}"

    def rename_in(self, text: str, cast: int) -> str:
        if cast == 0 or not text:
            return text
        if (text, cast) in self._renamed:
            return self._renamed[(text, cast)]
        original = text
        text = self.names_re.sub(lambda m: self.rename(m.group(0), cast), text)
        self._renamed[(original, cast)] = text
        return text

    def person(self, pid: int | None, cast: int) -> int | None:
        if pid is None or cast == 0 or self.people[pid]["type"] != "person":
            return pid
        if (pid, cast) not in self.person_map:
            from newsgraph.link.names import surname
            p, new = self.people[pid], self._id("people")
            name = self.rename(p["name"], cast)
            aliases = [self.rename(a, cast) for a in json.loads(p["aliases"])]
            self.out["people"].append((new, name, p["type"], p["country"], p["roles"], json.dumps(aliases)))
            for key in {"sur:" + surname(n) for n in [name, *aliases]}:
                self.out["person_keys"].append((key, new))
            self.person_map[(pid, cast)] = new
        return self.person_map[(pid, cast)]

    def actor(self, aid: int, cast: int) -> int:
        a = self.actors[aid]
        if cast == 0 or a["name"] not in self.person_names:
            return aid
        if (aid, cast) not in self.actor_map:
            new = self._id("actors")
            self.out["actors"].append((new, self.rename(a["name"], cast), a["country"], a["sector"], a["type"]))
            self.actor_map[(aid, cast)] = new
        return self.actor_map[(aid, cast)]

    def entity_key(self, key: str, cast: int) -> str:
        if key.startswith("p:"):
            return f"p:{self.person(int(key[2:]), cast)}"
        return key

    # -- one cluster -----------------------------------------------------------------
    def cluster(self, first_k: int, size: int) -> None:
        rng, out = self.rng, self.out
        tpl = rng.choice(self.docs)
        cast = rng.randrange(len(CAST_NAMES) + 1)
        base = START + timedelta(rng.randrange(730))
        shift = (base - date.fromisoformat(tpl["published"] or "2024-06-01")).days
        sd = self.story_docs.get(tpl["id"])
        story = self.stories[sd["story_id"]] if sd else None
        story_id = self._id("stories")
        entities = {self.entity_key(k, cast): self.rename_in(v, cast)
                    for k, v in json.loads(sd["entities"] if sd else "{}").items()}
        members, days, titles = [], [], []
        cluster_events: dict[int, int] = {}
        statements: dict[int, int] = {}
        copies_in_cluster = 0
        for j in range(size):
            k = first_k + j
            day = (base + timedelta(rng.randrange(4))).isoformat()
            doc_id = hashlib.sha1(f"synthetic:{k}".encode()).hexdigest()[:16]
            outlet = rng.choice(self.outlets)
            slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
            title = rng.choice(["{t}", "{t}", "Analysis: {t}", "{t} (update)", "{t}, officials say"]).format(
                t=tpl["title"] or "Untitled")
            extra = rng.choice(EXTRA).format(who=rng.choice(self.reporters), town=rng.choice(
                synthetic_articles.TOWNS), org=rng.choice(synthetic_articles.ORGS), word=rng.choice(RARE))
            text = tpl["text"].rstrip("\n") + "\n\n" + extra + "\n"
            start = len(tpl["text"].rstrip("\n")) + 2
            kept = json.loads(tpl["kept"]) + [[start, start + len(extra)]]
            source = f"synthetic/{slug}/{day}/{k:05d}-{Path(tpl['source']).stem[4:]}.txt"
            out["documents"].append((doc_id, source, tpl["format"], f"https://{slug}.example/{day}/{k}", title,
                                     rng.choice(self.reporters), outlet, day, day, day, tpl["encoding"],
                                     tpl["language"], tpl["flags"], text, json.dumps(kept), tpl["removed"],
                                     self.now))
            out["ingest_log"].append((source, doc_id, "ok", self.now))
            members.append(doc_id)
            days.append(day)
            titles.append(title)
            if sd:
                out["story_documents"].append((doc_id, story_id, sd["score"], sd["vector"], day, day,
                                               json.dumps(entities)))
            for q in self.quotes.get(tpl["id"], []):
                qid = self._id("quotes")
                speaker = self.person(q["speaker_id"], cast)
                out["quotes"].append((qid, doc_id, q["start"], q["end"], q["text"], q["kind"], q["cue_start"],
                                      q["cue_end"], q["cue"], speaker, q["speaker_mention"], q["speaker_start"],
                                      q["speaker_end"], q["speaker_type"]))
                if speaker is not None:
                    if q["id"] not in statements:
                        statements[q["id"]] = self._id("statements")
                        out["statements"].append([statements[q["id"]], speaker, q["text"], 0, 0])
                    out["statement_quotes"].append((qid, statements[q["id"]], 1.0 if j == 0 else 0.9))
            for p in self.pdocs.get(tpl["id"], []):
                out["person_documents"].append((self.person(p["person_id"], cast), doc_id,
                                                self.rename_in(p["name"], cast), p["roles"], p["country"]))
            for t in self.times.get(tpl["id"], []):
                out["time_expressions"].append((self._id("time_expressions"), doc_id, t["start"], t["end"],
                                                t["text"], shift_value(t["value"], shift), t["precision"],
                                                shift_day(t["first"], shift), shift_day(t["last"], shift),
                                                t["anchored"]))
            for r in self.reports.get(tpl["id"], []):
                if r["event_id"] not in cluster_events:
                    cluster_events[r["event_id"]] = self._event(r["event_id"], cast, shift)
                out["event_reports"].append((
                    self._id("event_reports"), cluster_events[r["event_id"]], doc_id, outlet.lower(),
                    r["sentence_start"], r["sentence_end"], r["trigger_start"], r["trigger_end"], r["text"],
                    r["trigger"], r["mode"], r["context"], shift_value(r["date"], shift), r["date_precision"],
                    shift_day(r["date_first"], shift), shift_day(r["date_last"], shift), r["date_source"],
                    r["location"], r["statement"], r["negated"], r["future"], r["hypothetical"],
                    r["historical"], self.rename_in(r["actors"], cast)))
            if j and rng.random() < 0.35:
                kind, low, high = rng.choice(COPY_KINDS)
                n = kept[0][1] if kept else 0
                out["copies"].append((self._id("copies"), doc_id, members[0], kind, round(rng.uniform(low, high), 3),
                                      rng.choice(["published", "longer", "first-stored"]),
                                      json.dumps([[kept[0][0], n, kept[0][0], n]] if kept else [])))
                copies_in_cluster += 1
        for row in out["statements"][len(out["statements"]) - len(statements):]:
            row[3], row[4] = size, size - copies_in_cluster
        if story:
            out["stories"].append((story_id, self.rename_in(story["label"], cast), titles[0],
                                   self.rename_in(story["actors"], cast), min(days), max(days), size,
                                   story["centroid"]))
            for key, name in entities.items():
                out["story_entities"].append((story_id, key, name, size))
        else:
            self.next["stories"] -= 1

    def _event(self, event_id: int, cast: int, shift: int) -> int:
        e, new = self.events[event_id], self._id("events")
        self.out["events"].append((
            new, self.rename_in(e["signature"], cast), e["type"], e["mode"], e["context"],
            shift_value(e["date"], shift), e["date_precision"], shift_day(e["date_first"], shift),
            shift_day(e["date_last"], shift), e["date_source"], e["negated"], e["future"], e["hypothetical"],
            e["historical"], e["score"], 0, 0, 0))
        for a in self.event_actors.get(event_id, []):
            self.out["event_actors"].append((new, self.actor(a["actor_id"], cast), a["role"]))
        return new

    def write(self) -> None:
        columns = {
            "people": "id, name, type, country, roles, aliases", "person_keys": "key, person_id",
            "actors": "id, name, country, sector, type",
            "stories": "id, label, title, actors, first, last, documents, centroid",
            "story_entities": "story_id, key, name, documents",
            "documents": "id, source, format, url, title, author, publisher, published, published_from, "
                         "published_to, encoding, language, flags, text, kept, removed, ingested_at",
            "ingest_log": "source, document_id, status, at",
            "story_documents": "document_id, story_id, score, vector, first, last, entities",
            "quotes": "id, document_id, start, end, text, kind, cue_start, cue_end, cue, speaker_id, "
                      "speaker_mention, speaker_start, speaker_end, speaker_type",
            "person_documents": "person_id, document_id, name, roles, country",
            "time_expressions": "id, document_id, start, end, text, value, precision, first, last, anchored",
            "events": "id, signature, type, mode, context, date, date_precision, date_first, date_last, "
                      "date_source, negated, future, hypothetical, historical, score, reports, publishers, sources",
            "event_actors": "event_id, actor_id, role",
            "event_reports": "id, event_id, document_id, publisher, sentence_start, sentence_end, trigger_start, "
                             "trigger_end, text, trigger, mode, context, date, date_precision, date_first, "
                             "date_last, date_source, location, statement, negated, future, hypothetical, "
                             "historical, actors",
            "copies": "id, document_id, original_id, kind, similarity, direction, spans",
            "statements": "id, speaker_id, text, reports, sources",
            "statement_quotes": "quote_id, statement_id, score",
        }
        for table, cols in columns.items():  # in foreign-key order
            marks = ", ".join("?" * len(cols.split(",")))
            self.con.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", self.out[table])


def open_copy(template: str | Path, path: str | Path) -> sqlite3.Connection:
    """A fresh copy of the template store at ``path`` (any old one and its WAL replaced), opened for
    bulk writing: autocommit, rows by name, foreign keys on, no fsync."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, path)
    con = sqlite3.connect(path, isolation_level=None)
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA synchronous = OFF")
    return con


def build(path: str | Path, n: int = 10000, seed: int = 0, templates: int = 50, cache: bool = True) -> dict:
    """Build a store of ``n`` documents at ``path`` (replaced if it exists); row counts and seconds."""
    t0 = time.perf_counter()
    template = template_store(templates, seed, cache)
    t1 = time.perf_counter()
    con = open_copy(template, path)
    rng = random.Random(seed)
    rep = _Replicator(con, rng)
    k = len(rep.docs)
    while k < n:
        size = min(n - k, rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8]))
        rep.cluster(k, size)
        k += size
    con.execute("BEGIN")
    rep.write()
    first_event = min((r[0] for r in rep.out["events"]), default=None)
    if first_event is not None:
        con.execute(
            """UPDATE events SET
                 reports = (SELECT COUNT(*) FROM event_reports r WHERE r.event_id = events.id),
                 publishers = (SELECT COUNT(DISTINCT publisher) FROM event_reports r WHERE r.event_id = events.id),
                 sources = (SELECT COUNT(DISTINCT r.document_id) FROM event_reports r WHERE r.event_id = events.id
                            AND r.document_id NOT IN (SELECT document_id FROM copies))
               WHERE id >= ?""", (first_event,))
    con.execute("COMMIT")
    problems = con.execute("PRAGMA foreign_key_check").fetchall()
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (
        "documents", "quotes", "people", "person_documents", "time_expressions", "events", "event_reports",
        "event_actors", "actors", "stories", "story_documents", "copies", "statements", "statement_quotes",
        "search_documents", "search_quotes")}
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    if problems:
        raise RuntimeError(f"foreign key violations: {[tuple(p) for p in problems[:5]]}")
    if counts["search_documents"] != counts["documents"] or counts["search_quotes"] != counts["quotes"]:
        raise RuntimeError(f"FTS tables out of step with their tables: {counts}")
    counts["template_seconds"] = round(t1 - t0, 1)
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the store to write (replaced if it exists)")
    parser.add_argument("--articles", type=int, default=10000, help="documents in the store (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--templates", type=int, default=50, help="articles run through the pipeline (default 50)")
    parser.add_argument("--no-cache", action="store_true", help="rebuild the template store")
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.articles, args.seed, args.templates, not args.no_cache), indent=2))


if __name__ == "__main__":
    main()
