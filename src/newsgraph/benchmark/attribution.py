"""Quotation and attribution quality against brat attribution gold (PolNeAR's format and scoring).

Gold: per article ``NAME.txt`` and one or more ``NAME_ANNOTATOR.ann`` files, each an attribution
``E… Attribution:T… Source:T… Cue:T… Content:T…`` over text-bound ``T`` lines whose offsets
(``START END[;START END…]``) index the .txt file. The annotator file that sorts first is the
reference; the others only widen what a prediction may rightly cover.

Scoring (as the corpus's README gives it, so figures compare with those published for it):
- a prediction is right when at least half of its characters lie in some annotator's content;
- a gold content is found when one prediction covers at least half of its characters;
- direct: gold contents holding a double quotation mark; direct predictions: kind direct or mixed;
- named-speaker accuracy: over found direct contents whose gold source is a name (not a pronoun,
  not "the/a/an …", with a capitalised word), right when the predicted speaker's words share a
  word with the gold source.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DOUBLE_MARKS = "\"“”«»„"
PRONOUNS = frozenset("i we you he she it they me us him her them this that these those who".split())
# Words that never tell two speakers apart ("Mr. Trump" and "Mr. Obama" share "mr").
FILLER = frozenset("the a an of and mr mrs ms dr sen rep gov president s".split())
_WORD = re.compile(r"\w+")
# Cue classes for the error table: how the attribution is introduced.
ACCORDING = re.compile(r"^according\b", re.I)
BELIEF = frozenset("""believe believes believed think thinks thought hope hopes hoped expect expects expected
know knows knew feel feels felt fear fears feared worry worries worried suspect suspects suspected
learn learned learnt understand understands understood want wants wanted see sees saw consider
considers considered doubt doubts doubted assume assumes assumed""".split())


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: content (character set and its text), cue and source texts, and the
    cue and source spans (pieces into the .txt file; empty when the annotator gave none)."""

    content: tuple[tuple[int, int], ...]
    text: str
    cue: str = ""
    source: str = ""
    cue_spans: tuple[tuple[int, int], ...] = ()
    source_spans: tuple[tuple[int, int], ...] = ()

    @property
    def chars(self) -> set[int]:
        return {i for a, b in self.content for i in range(a, b)}

    @property
    def direct(self) -> bool:
        return any(m in self.text for m in DOUBLE_MARKS)

    @property
    def named_source(self) -> bool:
        words = self.source.split()
        return bool(words) and words[0].lower() not in ("the", "a", "an") and \
            self.source.strip().lower() not in PRONOUNS and any(w[:1].isupper() for w in words)


@dataclass
class Prediction:
    """One predicted attribution: its content pieces, kind and the speaker's words (None when
    unattributed). Quotations sharing one cue are one attribution in pieces ('"A," she said. "B."')."""

    pieces: tuple[tuple[int, int], ...]
    kind: str
    speaker: str | None = None

    @classmethod
    def span(cls, start: int, end: int, kind: str, speaker: str | None = None) -> "Prediction":
        return cls(((start, end),), kind, speaker)

    @property
    def chars(self) -> set[int]:
        return {i for a, b in self.pieces for i in range(a, b)}

    @property
    def direct(self) -> bool:
        return self.kind in ("direct", "mixed")


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat file (contents without a content span are skipped)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            pieces = tuple((int(a), int(b)) for a, b in (o.split() for o in offsets.split(";")))
            spans[parts[0]] = (kind, pieces, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for e in events:
        content = spans.get(e.get("Content", ""))
        if content is None:
            continue
        cue, source = spans.get(e.get("Cue", "")), spans.get(e.get("Source", ""))
        out.append(Attribution(content[1], content[2], cue[2] if cue else "", source[2] if source else "",
                               cue[1] if cue else (), source[1] if source else ()))
    return out


def read_gold(text_dir: Path, ann_dir: Path) -> dict[str, tuple[list[Attribution], set[int]]]:
    """Article name -> (the reference annotator's attributions, every annotator's content characters)."""
    gold = {}
    for text in sorted(text_dir.glob("*.txt")):
        files = sorted(ann_dir.glob(f"{text.stem}_*.ann"))
        if not files:
            continue
        every = [read_ann(f) for f in files]
        gold[text.stem] = (every[0], {c for attrs in every for a in attrs for c in a.chars})
    return gold


def words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in FILLER}


def cue_class(a: Attribution) -> str:
    """How an indirect attribution is introduced, for the error table."""
    cue = a.cue.strip().lower()
    if not cue:
        return "no cue"
    if ACCORDING.match(cue):
        return "according to"
    if any(w in BELIEF for w in cue.split()):
        return "belief/knowledge"
    if not a.source:
        return "no source"
    return "speech verb or other"


@dataclass
class Scores:
    """Counts behind the five figures, and the error classes."""

    gold_direct: int = 0
    found_direct: int = 0
    gold_all: int = 0
    found_all: int = 0
    predicted_direct: int = 0
    right_direct: int = 0
    predicted_all: int = 0
    right_all: int = 0
    named: int = 0
    named_right: int = 0
    errors: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    # Gold articles not scored in full: (name, why). A stage that fails on an article flags it and
    # goes on, so without this list a broken stage would only show as lower figures.
    failed: list = field(default_factory=list)

    def add(self, name: str, text: str, gold: list[Attribution], allowed: set[int],
            predictions: list[Prediction]) -> None:
        spans = [p.chars for p in predictions]
        for p, chars in zip(predictions, spans):
            right = bool(chars) and 2 * len(chars & allowed) >= len(chars)
            self.predicted_all += 1
            self.right_all += right
            if p.direct:
                self.predicted_direct += 1
                self.right_direct += right
            if not right:
                self._error(f"false {'direct' if p.direct else 'indirect'} quotation", name,
                            " … ".join(text[a:b] for a, b in p.pieces))
        for a in gold:
            chars = a.chars
            best, cover = None, 0
            for p, pchars in zip(predictions, spans):
                n = len(chars & pchars)
                if n > cover:
                    best, cover = p, n
            found = best is not None and 2 * cover >= len(chars)
            self.gold_all += 1
            self.found_all += found
            if a.direct:
                self.gold_direct += 1
                self.found_direct += found
                if not found:
                    self._error("direct missed", name, a.text)
                elif a.named_source:
                    self.named += 1
                    if best.speaker is None:
                        self._error("direct found, no speaker", name, f"{a.source} | {a.text}")
                    elif words(best.speaker) & words(a.source):
                        self.named_right += 1
                    else:
                        self._error("direct found, wrong speaker", name, f"{best.speaker} for {a.source} | {a.text}")
            elif not found:
                self._error(f"indirect missed: {cue_class(a)}", name, f"{a.source} {a.cue} | {a.text}")

    def _error(self, kind: str, name: str, example: str) -> None:
        self.errors[kind] += 1
        self.examples.setdefault(kind, []).append((name, " ".join(example.split())[:300]))

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        recall, precision = ratio(self.found_direct, self.gold_direct), ratio(self.right_direct, self.predicted_direct)
        f1 = round(2 * recall * precision / (recall + precision), 3) if recall + precision else 0.0
        return {
            "direct_recall": recall, "direct_precision": precision, "direct_f1": f1,
            "named_speaker_accuracy": ratio(self.named_right, self.named),
            "all_recall": ratio(self.found_all, self.gold_all), "all_precision": ratio(self.right_all, self.predicted_all),
            "gold_direct": self.gold_direct, "gold_all": self.gold_all, "predicted": self.predicted_all,
            "named_direct": self.named,
        }


def predictions_of(doc) -> list[Prediction]:
    """A processed document's attributions as predictions: its quotations, those sharing a cue and
    a speaker joined into one (speaker: the name resolved in the article)."""
    out: list[Prediction] = []
    by_cue: dict[tuple, int] = {}
    for q in doc.quotes:
        speaker = q.speaker_name or (q.speaker.text if q.speaker else None)
        piece = (q.content.start, q.content.end)
        key = (q.cue.start, q.cue.end, speaker) if q.cue is not None else None
        k = by_cue.get(key) if key is not None else None
        if k is None:
            if key is not None:
                by_cue[key] = len(out)
            out.append(Prediction.span(*piece, q.kind, speaker))
        else:
            p = out[k]
            kind = "mixed" if p.kind != q.kind else p.kind
            out[k] = Prediction(p.pieces + (piece,), kind, speaker)
    return out


def evaluate(text_dir: str | Path, ann_dir: str | Path, settings) -> Scores:
    """Run the quotation chain (clean, language, annotate, quotes) over the gold articles and score it."""
    from ..pipeline.executor import process
    from ..read import read_paths
    from ..model import Document

    text_dir, ann_dir = Path(text_dir), Path(ann_dir)
    gold = read_gold(text_dir, ann_dir)
    chain = tuple(n for n in settings.pipeline if n in ("clean", "language", "annotate", "quotes"))
    conf = settings.with_overrides({"pipeline": chain})
    scores = Scores()
    docs = []
    for d in read_paths([text_dir / f"{name}.txt" for name in gold], conf):
        if isinstance(d, Document):
            docs.append(d)
        else:  # a file that could not be read: scored as nothing found, and named
            scores.failed.append((Path(d.source).stem, d.message))
    for doc in process(docs, conf):
        name = Path(doc.source).stem
        attrs, allowed = gold[name]
        scores.failed += [(name, f) for f in doc.flags if f.startswith("failed:")]
        scores.add(name, doc.text, attrs, allowed, predictions_of(doc))
    return scores
