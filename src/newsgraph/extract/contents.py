"""Attributed contents the rules cannot enumerate, found by a model learned from annotated news.

Why a model: real news attributes far more than "X said ...": beliefs ("X believes that"), findings
("the poll showed"), reported intentions, quoted fragments inside reported speech, contents before
or after their cue. Which of those a careful annotator counts is learned from PolNeAR's train split
(scripts/train_contents.py), not listed here.

Candidates come from the parse alone, so training and use see the same spans: the subtree of every
complement, object or clause hanging off a word (the content of "said that ...", "called it ...",
"the report found ..."), each side of "according to X", each sentence and each quotation. Each is
described by a bag of feature strings (the word it hangs off, the relation, the subject's kind,
quotation marks, length, position) and scored by a logistic model: a weight per feature string, read
from a small table in the package. No parse is repeated and no other library runs here.
"""
from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .cues import SPEECH_VERBS

# Relations whose subtree may be the content of the word they hang off.
CONTENT_DEPS = frozenset(("ccomp", "xcomp", "dobj", "pobj", "advcl", "attr", "prep", "acomp", "csubj", "nsubj",
                          "conj", "acl", "relcl", "parataxis", "npadvmod", "oprd"))
ANCHOR_POS = frozenset(("VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"))
CLOSED_CLASS = frozenset(("ADP", "SCONJ", "PART", "DET", "PRON", "ADV"))
QUOTE_MARKS = frozenset('"“”')
DEFAULT_MODEL = "polnear-contents"


@dataclass
class Candidate:
    """A span that may be an attributed content, with what it hangs off (``anchor``) and how."""

    start: int
    end: int
    kind: str  # child | according | sentence | region
    anchor: object = None  # spaCy token the content hangs off (child, according)
    child: object = None  # the head token of the content (child)
    features: tuple[str, ...] = ()


def _trim(toks: list) -> list:
    """Without spaces, leading and trailing punctuation (quotation marks kept) and a leading 'that'."""
    toks = [t for t in toks if not t.is_space]
    while toks and ((toks[0].is_punct and toks[0].text not in QUOTE_MARKS)
                    or (toks[0].dep_ == "mark" and toks[0].lower_ == "that")):
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in QUOTE_MARKS:
        toks.pop()
    return toks


def _subject(tok):
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _described(prefix: str, tok) -> list[str]:
    if tok is None:
        return [f"{prefix}=none"]
    out = [f"{prefix}.pos={tok.pos_}", f"{prefix}.ent={tok.ent_type_ or '-'}"]
    if tok.pos_ in ("PRON", "NOUN", "PROPN"):
        out.append(f"{prefix}.lem={tok.lemma_.lower() if tok.pos_ != 'PROPN' else 'PROPN'}")
    return out


def _ancestry(anchor, rel: str) -> list[str]:
    """The words the anchor hangs under, up to three steps ("expected to say that ...", "has released
    a video that accuses ..."): a reporting word above the anchor often makes the attribution."""
    out, tok = [], anchor
    for k in range(1, 4):
        if tok.head is tok:
            break
        tok = tok.head
        lem = tok.lemma_.lower()
        out.append(f"anc{k}={lem}")
        if lem in SPEECH_VERBS:
            out.append(f"anc_speech={k}|{rel}")
            break
    return out


def _bucket(n: int) -> str:
    return "1" if n < 3 else "2" if n < 6 else "3" if n < 12 else "4" if n < 25 else "5"


def features(kind: str, anchor, child, toks: list, quotes_in: int, is_quote: int, in_quote: int) -> list[str]:
    """The feature strings of one candidate (the model's weights are keyed by them)."""
    sent = toks[0].sent
    n = len(toks)
    cover = n / max(1, len(sent))
    cb = "a" if cover < 0.3 else "b" if cover < 0.6 else "c" if cover < 0.9 else "d"
    lb = _bucket(n)
    q = min(quotes_in, 2)
    first = toks[0].lower_ if toks[0].pos_ in CLOSED_CLASS else toks[0].pos_
    f = [f"kind={kind}", f"len={lb}", f"q_in={q}", f"q_eq={is_quote}", f"inq={in_quote}", f"cover={cb}",
         f"first={first}", f"sentfirst={int(toks[0].i == sent.start)}", f"sentlast={int(toks[-1].i >= sent.end - 2)}",
         f"para0={int(toks[0].idx < 200)}", f"kind|{kind}|{cb}", f"kind|{kind}|q{q}|{is_quote}"]
    if anchor is not None:
        lem = anchor.lemma_.lower()
        rel = child.dep_ if child is not None else kind
        subj = _subject(anchor)
        side = "after" if toks[0].i > anchor.i else "before"
        f += [f"lem={lem}", f"rel={rel}", f"lem|rel={lem}|{rel}", f"tpos={anchor.pos_}", f"ttag={anchor.tag_}",
              f"tdep={anchor.dep_}", f"thead={anchor.head.lemma_.lower()}", f"tdep|lem={anchor.dep_}|{lem}",
              f"side={side}", f"lem|side={lem}|{side}|{rel}", f"len|rel={lb}|{rel}"]
        f += _described("subj", subj)
        if subj is not None:
            kind_of_subject = subj.ent_type_ or subj.pos_
            f += [f"subj.ent|lem={kind_of_subject}|{lem}", f"subj.ent|rel={kind_of_subject}|{rel}"]
            if subj.pos_ == "PRON":
                f.append(f"subj.pron={subj.lower_}|{lem}")
        f += [f"lem|cover={lem}|{cb}", f"speech={int(lem in SPEECH_VERBS)}|{rel}|{side}"]
        if subj is not None:
            f.append(f"lem|subj|rel={lem}|{subj.ent_type_ or subj.pos_}|{rel}")
        f.append(f"tinq={in_quote}|{lem}")
        f.append(f"lem|q={lem}|{q}")
        if child is not None:
            f += [f"c.lem|rel={child.lemma_.lower()}|{rel}", f"c.first|lem={toks[0].lower_}|{lem}"]
        f += [f"aux={a.lower_}" for a in anchor.children if a.dep_ in ("aux", "auxpass", "neg")]
        f += _ancestry(anchor, rel)
        if child is not None:
            f += [f"c.pos={child.pos_}", f"c.tag={child.tag_}"]
            marks = [m.lower_ for m in child.children if m.dep_ == "mark"]
            f += [f"c.mark={m}" for m in marks]
            if "that" in marks:
                f.append(f"that|lem={lem}")
    else:
        root = sent.root
        f += [f"root={root.lemma_.lower()}", f"first={toks[0].lower_}", f"sentlen={lb}"]
        f += _described("rsubj", _subject(root))
        f.append(f"root|q={root.lemma_.lower()}|{q}")
    f.append(f"sent_q={'y' if any(t.text in QUOTE_MARKS for t in sent) else 'n'}")
    f += _wording(toks)
    return f


_PERSONAL = frozenset("i we you me us my our your".split())


def _wording(toks: list) -> list[str]:
    """What the content says, coarsely: its first words, first and second persons, modals, negation
    (reported speech and beliefs read differently from narration)."""
    out = [f"w{k}={t.lower_}" for k, t in enumerate(toks[:3])]
    lows = {t.lower_ for t in toks}
    if lows & _PERSONAL:
        out.append("personal")
    if any(t.tag_ == "MD" for t in toks):
        out.append("modal")
    if any(t.dep_ == "neg" for t in toks):
        out.append("negated")
    if any(t.tag_ == "VBD" for t in toks):
        out.append("past")
    return out


def candidates(sdoc, regions: list[tuple[int, int]]) -> list[Candidate]:
    """Every candidate content of a parsed document, each span once (the first way found wins).

    ``regions`` are the closed quotations as (content start, content end)."""
    out: dict[tuple[int, int, tuple], Candidate] = {}
    starts = sorted(regions)

    def add(key: tuple, kind: str, anchor, child, toks: list) -> None:
        toks = _trim(toks)
        if not toks:
            return
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if e <= s:
            return
        quotes_in = sum(1 for a, b in starts if a >= s - 1 and b <= e + 1)
        is_quote = int(any(abs(a - s) <= 1 and abs(b - e) <= 1 for a, b in starts))
        in_quote = int(any(a <= s and e <= b for a, b in starts))
        out[(s, e, key)] = Candidate(s, e, kind, anchor, child,
                                     tuple(features(kind, anchor, child, toks, quotes_in, is_quote, in_quote)))

    for t in sdoc:
        if t.pos_ in ANCHOR_POS:
            for c in t.children:
                if c.dep_ in CONTENT_DEPS:
                    add(("child", t.i, c.i), "child", t, c, list(c.subtree))
        if t.lower_ == "according":
            phrase = list(t.subtree)
            sent = t.sent
            add(("according", t.i, 0), "according", t, None, [x for x in sent if x.i < phrase[0].i])
            add(("according", t.i, 1), "according", t, None, [x for x in sent if x.i > phrase[-1].i])
    for sent in sdoc.sents:
        add(("sentence", sent.start), "sentence", None, None, list(sent))
    for k, (a, b) in enumerate(starts):
        span = sdoc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span):
            add(("region", k), "region", None, None, list(span))
    return list(out.values())


class ContentModel:
    """A logistic model over feature strings: ``bias`` plus one weight per feature present."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float, name: str = "") -> None:
        self.weights, self.bias, self.threshold, self.name = weights, bias, threshold, name

    def probability(self, feats: tuple[str, ...] | list[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def write(self, path: str | Path) -> None:
        """The table: a header line (name, bias, threshold), then 'feature<TAB>weight' lines, gzipped."""
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(f"#\t{self.name}\t{self.bias!r}\t{self.threshold!r}\n")
            for key in sorted(self.weights):
                f.write(f"{key}\t{self.weights[key]:.5g}\n")

    @classmethod
    def read(cls, path: str | Path) -> "ContentModel":
        weights: dict[str, float] = {}
        with gzip.open(path, "rt", encoding="utf-8") as f:
            _, name, bias, threshold = f.readline().rstrip("\n").split("\t")
            for line in f:
                key, _, value = line.rstrip("\n").rpartition("\t")
                weights[key] = float(value)
        return cls(weights, float(bias), float(threshold), name)


def model_path(name: str) -> Path:
    """A model shipped in the package (by name) or a file the user trained."""
    if Path(name).is_file():
        return Path(name)
    return Path(str(resources.files("newsgraph") / "data" / f"{name}.tsv.gz"))


@lru_cache(maxsize=4)
def load_model(name: str | None = DEFAULT_MODEL) -> ContentModel | None:
    """The content model ``name`` (None or "none": rules only). Cached: loaded once a process."""
    if not name or name == "none":
        return None
    from ..errors import E, NewsgraphError

    path = model_path(name)
    if not path.is_file():
        raise NewsgraphError(E.BAD_SETTINGS, name="quote_model", detail=f"no content model {name!r} ({path})")
    return ContentModel.read(path)


def overlaps_badly(s: int, e: int, a: int, b: int) -> bool:
    """Whether span [s, e) may not stand beside [a, b): they cross, or one nearly repeats the other.
    A span inside another (an attribution within an attributed content) may stand."""
    overlap = min(e, b) - max(s, a)
    if overlap <= 0:
        return False
    nested = a <= s and e <= b or s <= a and b <= e
    return not nested or overlap >= 0.7 * max(e - s, b - a)


def select(found: list[Candidate], model: ContentModel, taken: list[tuple[int, int]]) -> list[tuple[float, Candidate]]:
    """The candidates at or above the model's threshold, best first, none crossing a span already
    taken (the rules' quotations) or a better one."""
    scored = sorted(((model.probability(c.features), c) for c in found), key=lambda x: (-x[0], x[1].start, x[1].end))
    spans = list(taken)
    out = []
    for p, c in scored:
        if p < model.threshold:
            break
        if any(overlaps_badly(c.start, c.end, a, b) for a, b in spans):
            continue
        spans.append((c.start, c.end))
        out.append((p, c))
    return out
