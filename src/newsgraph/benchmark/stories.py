"""Story quality against a hand grouping of articles into news events (gold: one JSON object a line,
``{"articles": [names], ...}``; a name is a file's stem in TEXT_DIR, each article in one line).

The articles are plain text files named ``publisher_YYYY-MM-DD_slug.txt`` (PolNeAR's naming); the
engine reads no date or publisher from plain text, so they are written, at evaluation time, into a
JSON Lines file in a temporary directory (source, publisher, published from the name, text from the
file), ingested into a fresh database in publication order, and the stories it made are scored:

- pairwise: precision, recall and F1 over the pairs of articles put in one story;
- B-cubed: each article's precision and recall of its story against its gold story, averaged;
- span: the longest story's days from its first to its last article, and the longest gap between
  two consecutive articles of a story (a story may run long only while articles keep arriving).
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

NAME = re.compile(r"^(?P<publisher>[^_]+)_(?P<published>\d{4}-\d{2}-\d{2})_")


def read_gold(path: str | Path) -> dict[str, int]:
    """Article name -> gold group (the line's index)."""
    gold: dict[str, int] = {}
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    for group, line in enumerate(lines):
        for name in json.loads(line)["articles"]:
            gold[name] = group
    return gold


def name_fields(name: str) -> dict:
    """The publisher and day an article's name carries (``publisher_YYYY-MM-DD_slug``), or nothing."""
    m = NAME.match(name)
    return {"publisher": m["publisher"], "published": m["published"]} if m else {}


def published(name: str) -> str | None:
    return name_fields(name).get("published")


def records(text_dir: str | Path, names: list[str]) -> list[dict]:
    """One JSON Lines record per article, in publication order (then name): how a feed would bring them."""
    out = []
    for name in sorted(names, key=lambda n: (published(n) or "", n)):
        path = Path(text_dir) / f"{name}.txt"
        out.append({"source": name, "text": path.read_text(encoding="utf-8"), **name_fields(name)})
    return out


def pairs(groups: dict[str, int]) -> set[tuple[str, str]]:
    members: dict[int, list[str]] = {}
    for name, g in groups.items():
        members.setdefault(g, []).append(name)
    return {(a, b) for ms in members.values() for i, a in enumerate(sorted(ms)) for b in sorted(ms)[i + 1:]}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(predicted: dict[str, int], gold: dict[str, int]) -> tuple[float, float, float]:
    """(precision, recall, F1) over pairs of articles in one story; no pairs predicted is precision 1."""
    pred, true = pairs(predicted), pairs(gold)
    p = len(pred & true) / len(pred) if pred else 1.0
    r = len(pred & true) / len(true) if true else 1.0
    return p, r, _f1(p, r)


def bcubed(predicted: dict[str, int], gold: dict[str, int]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over articles (Bagga and Baldwin)."""
    def members(groups):
        out: dict[int, set[str]] = {}
        for n, g in groups.items():
            out.setdefault(g, set()).add(n)
        return {n: out[g] for n, g in groups.items()}

    pm, gm = members(predicted), members(gold)
    names = sorted(gold)
    p = sum(len(pm[n] & gm[n]) / len(pm[n]) for n in names) / len(names)
    r = sum(len(pm[n] & gm[n]) / len(gm[n]) for n in names) / len(names)
    return p, r, _f1(p, r)


def spans(predicted: dict[str, int]) -> list[tuple[int, int, int]]:
    """(days from first to last article, longest gap in days between consecutive articles, size) per
    predicted story of dated articles."""
    days: dict[int, list[date]] = {}
    for name, g in predicted.items():
        if published(name):
            days.setdefault(g, []).append(date.fromisoformat(published(name)))
    out = []
    for ds in days.values():
        ds.sort()
        gaps = [(b - a).days for a, b in zip(ds, ds[1:])]
        out.append(((ds[-1] - ds[0]).days, max(gaps, default=0), len(ds)))
    return out


@dataclass
class Scores:
    predicted: dict[str, int]
    gold: dict[str, int]
    labels: dict[int, str] = field(default_factory=dict)

    def groups(self) -> list[tuple[int, list[str]]]:
        """(story, article names by date) of the stories of more than one article, largest first."""
        out: dict[int, list[str]] = {}
        for name, g in self.predicted.items():
            out.setdefault(g, []).append(name)
        return sorted(((g, sorted(ns, key=lambda n: (published(n) or "", n))) for g, ns in out.items()
                       if len(ns) > 1), key=lambda x: (-len(x[1]), x[1][0]))

    def figures(self) -> dict:
        p, r, f = pairwise(self.predicted, self.gold)
        bp, br, bf = bcubed(self.predicted, self.gold)
        sp = spans(self.predicted)
        sizes = sorted((s for _, _, s in sp), reverse=True)
        return {
            "articles": len(self.gold), "gold_stories": len(set(self.gold.values())),
            "stories": len(set(self.predicted.values())), "largest": sizes[0] if sizes else 0,
            "pairwise_precision": p, "pairwise_recall": r, "pairwise_f1": f,
            "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": bf,
            "longest_span_days": max((d for d, _, _ in sp), default=0),
            # the widest span among stories whose articles ever paused more than two weeks
            "longest_span_with_gap_over_14_days": max((d for d, g, _ in sp if g > 14), default=0),
        }


def stories_of(store) -> tuple[dict[str, int], dict[int, str]]:
    """(article name -> story id, story id -> title) of a stored database built from ``records``."""
    predicted = {r["source"]: r["story_id"] for r in store.query(
        "SELECT d.source, sd.story_id FROM story_documents sd JOIN documents d ON d.id = sd.document_id")}
    labels = {r["id"]: r["title"] or r["label"] or "" for r in store.query("SELECT id, title, label FROM stories")}
    return predicted, labels


def _name(source: str, names: list[str]) -> str:
    """The article name of a JSON Lines source ``path#Ln``."""
    return names[int(source.rsplit("#L", 1)[1]) - 1]


def evaluate(text_dir: str | Path, gold_path: str | Path, settings) -> Scores:
    """Ingest the gold's articles into a fresh database (in a temporary directory) and score its stories."""
    from ..pipeline.ingest import ingest
    from ..store.sqlite import Store

    gold = read_gold(gold_path)
    recs = records(text_dir, list(gold))
    names = [r["source"] for r in recs]
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "articles.jsonl"
        feed.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "source"}, ensure_ascii=False) + "\n"
                                for r in recs), encoding="utf-8")
        conf = settings.with_overrides({"db": str(Path(tmp) / "stories.db")})
        with Store(conf.db) as store:
            ingest([feed], conf, store)
            found, labels = stories_of(store)
    predicted = {_name(source, names): story for source, story in found.items()}
    for i, name in enumerate(n for n in names if n not in predicted):  # in no story: alone
        predicted[name] = -1 - i
    return Scores(predicted, gold, labels)
