"""Helpers for end-to-end pipeline tests: invented articles, a WARC builder, DB counts.

Every article here is written for the tests (invented people and places), so
nothing depends on the seeds.
"""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

FIRST = ["Maren", "Tobias", "Ilse", "Corin", "Dalia", "Osric", "Petra", "Nolan", "Greta", "Anselm"]
LAST = ["Vandersloot", "Kettleby", "Marchetti", "Oyelaran", "Brannigan", "Thorsby", "Quillan", "Deveraux"]
ROLES = ["the harbour commissioner", "the mayor", "the transport minister", "a union spokesperson"]
TOPICS = ["the ferry line", "the flood barrier", "the tram extension", "the new hospital wing", "the grain port"]

FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs "
    "touchés par la sécheresse. « Nous ne laisserons personne sur le bord de la route », a déclaré le "
    "ministre lors d'une conférence de presse. Les syndicats agricoles ont salué ces annonces tout en "
    "demandant davantage de moyens pour les régions les plus touchées."
)


def article(i: int, quotes: int = 2) -> str:
    """A small English news article, unique for ``i``, with ``quotes`` attributed quotations."""
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
    other = f"{FIRST[(i + 3) % len(FIRST)]} {LAST[(i // len(FIRST) + 2) % len(LAST)]}"
    topic, role = TOPICS[i % len(TOPICS)], ROLES[i % len(ROLES)]
    lines = [f"Work on {topic} will resume next month, officials confirmed on day {i} of the review."]
    said = [
        f'"We have secured the funding and the contractors are ready," said {name}, {role}.',
        f'{other} told reporters: "The delays cost the town {i + 3} million and nobody has apologised."',
        f'"Residents deserve a clear timetable," {name} added.',
        f'{other} said the council would publish the accounts for {topic} before the summer.',
    ]
    lines += said[:quotes]
    lines.append(f"The project was first proposed {i % 7 + 2} years ago and has been revised twice since.")
    return " ".join(lines) + "\n"


def write_articles(folder: Path, n: int, quotes: int = 2, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(article(i, quotes), encoding="utf-8")
        paths.append(path)
    return paths


def make_warc(texts: list[str]) -> bytes:
    """A gzipped WARC of text/plain resource records, built with warcio."""
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for n, text in enumerate(texts):
        record = writer.create_warc_record(
            f"http://example.org/news/{n}", "resource", payload=io.BytesIO(text.encode("utf-8")),
            warc_content_type="text/plain; charset=utf-8",
        )
        writer.write_record(record)
    return buf.getvalue()


def table_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "quotes", "people", "ingest_log")}
    finally:
        con.close()


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()
