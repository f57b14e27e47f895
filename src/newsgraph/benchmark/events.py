"""Event recall against a sentence-level event gold (one JSON object a line, offsets into NAME.txt).

Gold rows: ``article`` (file stem), ``sentence`` [start, end], ``trigger`` [start, end], ``actor``
{name, country, sector}, ``recipient`` (or null), ``types`` (the allowed PLOVER types).

A gold event is found when one report of its article has its trigger inside the gold sentence, a
type among the allowed ones and an actor whose name shares a word with the gold actor's (fillers
such as "the" or "Mr" never count). Recall is reported over every candidate and over the
confident ones (what the default outputs show), with the report counts, so precision work can
be seen not to lose the gold.

The articles carry no date or publisher the engine reads; the file name does
(``publisher_YYYY-MM-DD_slug``), so each text is given to the engine as a JSON Lines record in a
temporary directory (the corpus text is never written anywhere else).
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .attribution import words
from .stories import name_fields


@dataclass
class Report:
    """One event report as scored: where its trigger is, its type and who is named."""

    article: str
    trigger: tuple[int, int]
    type: str
    actors: list[str]
    recipients: list[str]
    confidence: float = 1.0
    confident: bool = True
    flags: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class EventScores:
    """Gold found over all reports and over the confident ones; per-article report lists."""

    gold: int = 0
    found_all: int = 0
    found_confident: int = 0
    reports: int = 0
    confident: int = 0
    by_type: Counter = field(default_factory=Counter)
    found_by_type: Counter = field(default_factory=Counter)
    per_article: dict = field(default_factory=dict)
    missed: list = field(default_factory=list)

    def add(self, article: str, gold: list[dict], reports: list[Report]) -> None:
        self.per_article[article] = reports
        self.reports += len(reports)
        self.confident += sum(r.confident for r in reports)
        for g in gold:
            self.gold += 1
            kind = g["types"][0]
            self.by_type[kind] += 1
            hits = [r for r in reports if matches(g, r)]
            self.found_all += bool(hits)
            self.found_by_type[kind] += bool(hits)
            self.found_confident += any(r.confident for r in hits)
            if not hits:
                self.missed.append((article, g))

    def figures(self) -> dict:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "gold": self.gold, "reports": self.reports, "confident_reports": self.confident,
            "recall_all": ratio(self.found_all, self.gold),
            "recall_confident": ratio(self.found_confident, self.gold),
            "found_all": self.found_all, "found_confident": self.found_confident,
        }


def matches(gold: dict, report: Report) -> bool:
    """The report is the gold event: trigger in its sentence, an allowed type, the actor by name."""
    lo, hi = gold["sentence"]
    if not (lo <= report.trigger[0] < hi) or report.type not in gold["types"]:
        return False
    want = words(gold["actor"]["name"])
    return any(words(name) & want for name in report.actors)


def read_event_gold(path: str | Path) -> dict[str, list[dict]]:
    """Article stem -> its gold rows, in file order."""
    gold: dict[str, list[dict]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold.setdefault(row["article"], []).append(row)
    return gold


def record_of(path: Path) -> dict:
    """The engine's input for one article: its text with the publisher and day its name carries."""
    return {"text": path.read_text(encoding="utf-8"), "url": path.stem, **name_fields(path.stem)}


def reports_of(doc, article: str) -> list[Report]:
    """A processed document's events as scored reports."""
    from ..extract.confidence import is_confident

    out = []
    for e in doc.events or []:
        flags = [f for f in ("negated", "future", "hypothetical", "historical", "statement") if getattr(e, f, False)]
        confidence = getattr(e, "confidence", 1.0)
        out.append(Report(article, (e.trigger.start, e.trigger.end), e.type, [a.name for a in e.actors],
                          [a.name for a in e.recipients], confidence, is_confident(e), flags,
                          doc.text[e.trigger.start:e.trigger.end]))
    return out


def evaluate(text_dir: str | Path, gold_path: str | Path, settings, articles: list[str] | None = None
             ) -> EventScores:
    """Run the chain up to events over the gold's articles (or ``articles``) and score the reports."""
    from ..model import Document
    from ..pipeline.executor import process
    from ..read import read_paths

    text_dir = Path(text_dir)
    gold = read_event_gold(gold_path)
    names = articles if articles is not None else sorted(gold)
    chain = tuple(n for n in settings.pipeline if n in ("clean", "language", "annotate", "quotes", "events"))
    conf = settings.with_overrides({"pipeline": chain})
    scores = EventScores()
    with tempfile.TemporaryDirectory(prefix="newsgraph-events-") as tmp:
        paths = []
        for name in names:
            target = Path(tmp) / f"{name}.jsonl"
            target.write_text(json.dumps(record_of(text_dir / f"{name}.txt")) + "\n", encoding="utf-8")
            paths.append(target)
        docs = [d for d in read_paths(paths, conf) if isinstance(d, Document)]
        for doc in process(docs, conf):
            name = Path(doc.source.split("#")[0]).stem
            raw = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
            if doc.text != raw:  # offsets would not point into the gold's text
                raise ValueError(f"{name}: the engine's text differs from the file's; offsets cannot be compared")
            scores.add(name, gold.get(name, []), reports_of(doc, name))
    return scores
