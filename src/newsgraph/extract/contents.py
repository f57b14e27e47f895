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
from bisect import bisect_left, bisect_right
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
    anchor: int | None = None  # index of the token the content hangs off (child, according)
    child: int | None = None  # index of the content's head token (child)
    features: tuple[str, ...] = ()
    words: int = 0  # tokens that are neither spaces nor punctuation
    anchor_at: int = -1  # character offset of the anchor token (-1: none)


class _Parse:
    """The token attributes features read, as plain lists (read from spaCy once per document)."""

    def __init__(self, sdoc) -> None:
        toks = list(sdoc)
        self.doc = sdoc
        self.lower = [t.lower_ for t in toks]
        self.lemma = [t.lemma_.lower() for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.tag = [t.tag_ for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.ent = [t.ent_type_ for t in toks]
        self.head = [t.head.i for t in toks]
        self.children: list[list[int]] = [[] for _ in toks]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self.left = [t.left_edge.i for t in toks]
        self.right = [t.right_edge.i for t in toks]
        self.idx = [t.idx for t in toks]
        self.end = [t.idx + len(t.text) for t in toks]
        self.space = [t.is_space for t in toks]
        self.punct = [t.is_punct for t in toks]
        self.text = [t.text for t in toks]
        self.sent = [0] * len(toks)  # token -> (start, end) of its sentence, by index into sents
        self.sents: list[tuple[int, int, bool]] = []  # (start, end, holds a double quotation mark)
        self.roots: list[int] = []
        for k, sent in enumerate(sdoc.sents):
            self.roots.append(sent.root.i)
            self.sents.append((sent.start, sent.end, any(self.text[i] in QUOTE_MARKS for i in range(sent.start, sent.end))))
            for i in range(sent.start, sent.end):
                self.sent[i] = k

    def trim(self, a: int, b: int) -> tuple[int, int]:
        """Tokens [a, b) without leading and trailing spaces and punctuation (quotation marks kept) or a
        leading 'that'; (a, a) when nothing is left."""
        while a < b and (self.space[a] or (self.punct[a] and self.text[a] not in QUOTE_MARKS)
                         or (self.dep[a] == "mark" and self.lower[a] == "that")):
            a += 1
        while b > a and (self.space[b - 1] or (self.punct[b - 1] and self.text[b - 1] not in QUOTE_MARKS)):
            b -= 1
        return a, b

    def subject(self, i: int) -> int | None:
        return next((c for c in self.children[i] if self.dep[c] in ("nsubj", "nsubjpass")), None)

    def imperative(self, i: int) -> bool:
        """'Note: ...', 'Remember that ...': a bare verb opening its sentence, with no subject, reports nothing."""
        return self.tag[i] == "VB" and i == self.sents[self.sent[i]][0] and self.subject(i) is None

    def words(self, a: int, b: int) -> list[int]:
        """The tokens of [a, b) that are not whitespace."""
        return [i for i in range(a, b) if not self.space[i]]


def _described(P: _Parse, prefix: str, i: int | None) -> list[str]:
    if i is None:
        return [f"{prefix}=none"]
    pos = P.pos[i]
    out = [f"{prefix}.pos={pos}", f"{prefix}.ent={P.ent[i] or '-'}"]
    if pos in ("PRON", "NOUN", "PROPN"):
        out.append(f"{prefix}.lem={P.lemma[i] if pos != 'PROPN' else 'PROPN'}")
    return out


def _ancestry(P: _Parse, anchor: int, rel: str) -> list[str]:
    """The words the anchor hangs under, up to three steps ("expected to say that ...", "has released
    a video that accuses ..."): a reporting word above the anchor often makes the attribution."""
    out, tok = [], anchor
    for k in range(1, 4):
        if P.head[tok] == tok:
            break
        tok = P.head[tok]
        lem = P.lemma[tok]
        out.append(f"anc{k}={lem}")
        if lem in SPEECH_VERBS:
            out.append(f"anc_speech={k}|{rel}")
            break
    return out


def _bucket(n: int) -> str:
    return "1" if n < 3 else "2" if n < 6 else "3" if n < 12 else "4" if n < 25 else "5"


def features(P: _Parse, kind: str, anchor: int | None, child: int | None, words: list[int], quotes_in: int,
             is_quote: int, in_quote: int) -> list[str]:
    """The feature strings of one candidate, ``words`` its non-space tokens (the weights are keyed by them)."""
    first_i, last_i = words[0], words[-1]
    s_start, s_end, s_quote = P.sents[P.sent[first_i]]
    n = len(words)
    cover = n / max(1, s_end - s_start)
    cb = "a" if cover < 0.3 else "b" if cover < 0.6 else "c" if cover < 0.9 else "d"
    lb = _bucket(n)
    q = min(quotes_in, 2)
    first = P.lower[first_i] if P.pos[first_i] in CLOSED_CLASS else P.pos[first_i]
    f = [f"kind={kind}", f"len={lb}", f"q_in={q}", f"q_eq={is_quote}", f"inq={in_quote}", f"cover={cb}",
         f"first={first}", f"sentfirst={int(first_i == s_start)}", f"sentlast={int(last_i >= s_end - 2)}",
         f"para0={int(P.idx[first_i] < 200)}", f"kind|{kind}|{cb}", f"kind|{kind}|q{q}|{is_quote}"]
    if anchor is not None:
        a = anchor
        lem = P.lemma[a]
        rel = P.dep[child] if child is not None else kind
        subj = P.subject(a)
        side = "after" if first_i > a else "before"
        f += [f"lem={lem}", f"rel={rel}", f"lem|rel={lem}|{rel}", f"tpos={P.pos[a]}", f"ttag={P.tag[a]}",
              f"tdep={P.dep[a]}", f"thead={P.lemma[P.head[a]]}", f"tdep|lem={P.dep[a]}|{lem}",
              f"side={side}", f"lem|side={lem}|{side}|{rel}", f"len|rel={lb}|{rel}"]
        f += _described(P, "subj", subj)
        if subj is not None:
            kind_of_subject = P.ent[subj] or P.pos[subj]
            f += [f"subj.ent|lem={kind_of_subject}|{lem}", f"subj.ent|rel={kind_of_subject}|{rel}"]
            if P.pos[subj] == "PRON":
                f.append(f"subj.pron={P.lower[subj]}|{lem}")
        f += [f"lem|cover={lem}|{cb}", f"speech={int(lem in SPEECH_VERBS)}|{rel}|{side}"]
        if subj is not None:
            f.append(f"lem|subj|rel={lem}|{kind_of_subject}|{rel}")
        f.append(f"tinq={in_quote}|{lem}")
        f.append(f"lem|q={lem}|{q}")
        if child is not None:
            f += [f"c.lem|rel={P.lemma[child]}|{rel}", f"c.first|lem={P.lower[first_i]}|{lem}"]
        f += [f"aux={P.lower[c]}" for c in P.children[a] if P.dep[c] in ("aux", "auxpass", "neg")]
        f += _ancestry(P, a, rel)
        if child is not None:
            f += [f"c.pos={P.pos[child]}", f"c.tag={P.tag[child]}"]
            marks = [P.lower[m] for m in P.children[child] if P.dep[m] == "mark"]
            f += [f"c.mark={m}" for m in marks]
            if "that" in marks:
                f.append(f"that|lem={lem}")
    else:
        root = P.roots[P.sent[first_i]]
        f += [f"root={P.lemma[root]}", f"first={P.lower[first_i]}", f"sentlen={lb}"]
        f += _described(P, "rsubj", P.subject(root))
        f.append(f"root|q={P.lemma[root]}|{q}")
    f.append(f"sent_q={'y' if s_quote else 'n'}")
    f += _wording(P, words)
    return f


_PERSONAL = frozenset("i we you me us my our your".split())


def _wording(P: _Parse, words: list[int]) -> list[str]:
    """What the content says, coarsely: its first words, first and second persons, modals, negation
    (reported speech and beliefs read differently from narration)."""
    out = [f"w{k}={P.lower[i]}" for k, i in enumerate(words[:3])]
    lower, tag, dep = P.lower, P.tag, P.dep
    if any(lower[i] in _PERSONAL for i in words):
        out.append("personal")
    if any(tag[i] == "MD" for i in words):
        out.append("modal")
    if any(dep[i] == "neg" for i in words):
        out.append("negated")
    if any(tag[i] == "VBD" for i in words):
        out.append("past")
    return out


def candidates(sdoc, regions: list[tuple[int, int]]) -> list[Candidate]:
    """Every candidate content of a parsed document, each span once (the first way found wins).

    ``regions`` are the closed quotations as (content start, content end)."""
    P = _Parse(sdoc)
    out: dict[tuple[int, int, tuple], Candidate] = {}
    quotes = sorted(regions)
    opens = [x for x, _ in quotes]

    def add(key: tuple, kind: str, anchor: int | None, child: int | None, a: int, b: int) -> None:
        """The candidate of tokens [a, b) (a subtree, a side of a sentence, a sentence, a quotation)."""
        a, b = P.trim(a, b)
        if a >= b:
            return
        s, e = P.idx[a], P.end[b - 1]
        if e <= s:
            return
        near = quotes[bisect_left(opens, s - 1):bisect_right(opens, e + 1)]  # quotations opening inside
        quotes_in = sum(1 for _, y in near if y <= e + 1)
        is_quote = int(any(abs(x - s) <= 1 and abs(y - e) <= 1 for x, y in near))
        in_quote = int(any(x <= s and e <= y for x, y in quotes[:bisect_right(opens, s)]))
        words = P.words(a, b)
        n = sum(1 for i in words if P.pos[i] != "PUNCT")
        if n < MIN_WORDS:
            return  # never chosen (select): no features to compute
        out[(s, e, key)] = Candidate(s, e, kind, anchor, child, tuple(
            features(P, kind, anchor, child, words, quotes_in, is_quote, in_quote)), n,
            P.idx[anchor] if anchor is not None else -1)

    for i in range(len(P.lower)):
        if P.pos[i] in ANCHOR_POS and not P.imperative(i):
            for c in P.children[i]:
                if P.dep[c] in CONTENT_DEPS:  # a subtree is a run of tokens (projective parse)
                    add(("child", i, c), "child", i, c, P.left[c], P.right[c] + 1)
        if P.lower[i] == "according":
            s_start, s_end, _ = P.sents[P.sent[i]]
            add(("according", i, 0), "according", i, None, s_start, P.left[i])
            add(("according", i, 1), "according", i, None, P.right[i] + 1, s_end)
    for k, (start, end, _) in enumerate(P.sents):
        if not P.imperative(P.roots[k]):
            add(("sentence", start), "sentence", None, None, start, end)
    for k, (x, y) in enumerate(quotes):
        span = sdoc.char_span(x, y, alignment_mode="expand")
        if span is not None and len(span):
            add(("region", k), "region", None, None, span.start, span.end)
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


MIN_WORDS = 4  # shorter quoted or reported fragments are labels and scare quotes, not claims


def select(found: list[Candidate], model: ContentModel, taken: list[tuple[int, int]]) -> list[tuple[float, Candidate]]:
    """The candidates at or above the model's threshold, best first, none crossing a better one. A
    candidate holding a span already taken (the rules' quotations) would report that attribution
    twice: it may only lie inside one (an attribution within an attributed content), hanging off a
    word of that content; one hanging off a word outside is the same attribution cut shorter."""
    scored = sorted(((model.probability(c.features), c) for c in found), key=lambda x: (-x[0], x[1].start, x[1].end))
    # Spans inside a sentence first: a whole sentence is a content only when nothing in it is (else
    # it would hold the cue and source of the attribution inside it), and never a short fragment.
    scored = [x for x in scored if x[1].kind != "sentence"] + [x for x in scored if x[1].kind == "sentence"]
    chosen: list[tuple[int, int]] = []
    out = []
    for p, c in scored:
        if p < model.threshold or c.words < MIN_WORDS:
            continue
        if c.kind == "sentence" and any(min(c.end, b) > max(c.start, a) for a, b in chosen):
            continue
        if any(overlaps_badly(c.start, c.end, a, b) or (min(c.end, b) > max(c.start, a) and not a <= c.start < c.end <= b)
               or (a <= c.start < c.end <= b and c.anchor_at >= 0 and not a <= c.anchor_at < b) for a, b in taken):
            continue
        if any(overlaps_badly(c.start, c.end, a, b) for a, b in chosen):
            continue
        chosen.append((c.start, c.end))
        out.append((p, c))
    return out
