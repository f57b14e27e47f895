"""Events as PLOVER JSON records, one per line (the manual's JSON field names).

Standard fields: id, date, enddate, actor and recipient (entity objects with
the country ``code``, the ``sector``, and the ``entity_text`` naming the
actor), event, mode, context (with the auxiliary modes, which the manual puts
there), quad_code, event_scale (the PLOVER score), event_text, event_loc and
coder. Beyond the standard, as the manual allows: date_precision, the four
auxiliary flags, reports, publishers, sources (independent documents, copies
counted once) and evidence (offsets into each source).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .. import __version__
from ..ontology.plover import quad

AUXILIARY = (("historical", "historical"), ("future", "future"), ("hypothetical", "hypothetical"),
             ("negated", "negation"))


def _entity(actor: dict) -> dict:
    return {"code": actor["country"], "sector": actor["sector"], "sector_code": actor["sector"],
            "entity_text": actor["name"], "entity_name": actor["name"]}


def record(event: dict) -> dict:
    """One contract event row as a PLOVER record."""
    from ..link.events import window_of

    window = window_of(event["date"]) if event["date"] else None
    location = next((e["location"] for e in event["evidence"] if e.get("location")), None)
    out = {
        "id": event["id"],
        "has_event": True,
        "date": window[0] if window else None,
        "actor": [_entity(a) for a in event["actor"]],
        "recipient": [_entity(a) for a in event["recipient"]],
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": list(event["context"]) + [name for flag, name in AUXILIARY if event[flag]],
        "quad_code": quad(event["type"]),
        "event_scale": event["score"],
        "event_text": [e["text"] for e in event["evidence"]],
        "coder": f"newsgraph {__version__}",
        "date_precision": event["date_precision"],
        **{flag: event[flag] for flag, _ in AUXILIARY},
        "reports": event["reports"],
        "publishers": event["publishers"],
        "sources": event["sources"],
        "evidence": event["evidence"],
    }
    if window and window[1] != window[0]:
        out["enddate"] = window[1]
    if location:
        out["event_loc"] = {"extracted_place": location}
    return out


def write_plover(rows: Iterable[dict], out: str | Path) -> int:
    """Write one PLOVER record per line to ``out``; the number written."""
    from . import unwritable

    count = 0
    try:
        with open(out, "w", encoding="utf-8") as fh:
            for event in rows:
                fh.write(json.dumps(record(event), ensure_ascii=False) + "\n")
                count += 1
    except OSError as exc:
        raise unwritable(out, exc) from None
    return count
