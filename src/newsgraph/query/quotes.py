"""Quotations with their speakers, cues and offsets into the raw text."""
from __future__ import annotations

from typing import Iterator

from ..link.names import fold
from ..store.sqlite import Store


def quotes(store: Store, speaker: str | None = None, source: str | None = None,
           limit: int | None = None) -> Iterator[dict]:
    """Contract fields: source, start, end, text, kind, cue, speaker, speaker_mention,
    speaker_start, speaker_end, source_kind. ``speaker`` matches the canonical name or any alias."""
    sql = """SELECT q.*, d.source, d.title, d.publisher, d.published, p.name AS speaker_name,
                    p.aliases AS speaker_aliases
             FROM quotes q JOIN documents d ON d.id = q.document_id
             LEFT JOIN people p ON p.id = q.speaker_id"""
    where, params = [], []
    if source:
        where.append("d.source LIKE ?")
        params.append(f"%{source}%")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.source, q.start"
    wanted = fold(speaker) if speaker else None
    count = 0
    for row in store.query(sql, tuple(params)):
        if wanted and not _speaker_matches(wanted, row):
            continue
        yield {
            "source": row["source"],
            "start": row["start"],
            "end": row["end"],
            "text": row["text"],
            "kind": row["kind"],
            "cue": row["cue"],
            "cue_start": row["cue_start"],
            "cue_end": row["cue_end"],
            "speaker": row["speaker_name"],
            "speaker_mention": row["speaker_mention"],
            "speaker_start": row["speaker_start"],
            "speaker_end": row["speaker_end"],
            "speaker_type": row["speaker_type"],
            "source_kind": row["source_kind"],
            "document_id": row["document_id"],
            "title": row["title"],
            "publisher": row["publisher"],
            "published": row["published"],
        }
        count += 1
        if limit and count >= limit:
            return


def _speaker_matches(wanted: str, row) -> bool:
    import json

    names = [row["speaker_name"] or ""] + json.loads(row["speaker_aliases"] or "[]")
    return any(wanted in fold(n) for n in names if n)
