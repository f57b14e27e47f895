"""Learned source ranking: which nearby mention is the source of an attributed content span.

Why a model beside the rules: real news introduces what people said in more ways than a
lexicon lists (`“…,” Trump implored`, `Cruz called them on it:` closing the paragraph before a
quotation, `Name, Outlet: “…”`), and which mention is the source depends on many weak signals
at once: syntax, side and distance, colon lead-ins, who spoke last. A logistic scorer over the
candidate mentions around a content span weighs them. It was trained on the PolNeAR train split
(scripts/train_sources.py); its weights ship as data/sources.tsv and are scored here in plain
Python, no learning library at run time. It works for any content span (direct, indirect, a
span another model found), with or without a known cue, and answers None rather than guess.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Mention
from . import cues
from .marks import find_regions, paragraph_spans
from .speakers import FEMALE, HUMAN_NOUNS, MALE, ORG_NOUNS, ROLE_NOUNS, is_role_word

MODEL_FILE = "sources.tsv"
# Probability above which the model's source, named in the quotation's own sentence, replaces a
# speaker the rules only carried over from the previous quotation.
OVERRIDE = 0.5
ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})
RELATIVES = frozenset({"who", "which", "that"})
# Things that speak through their text: "the report found", "the ad argued", "a poll shows".
DOCUMENT_NOUNS = frozenset("""
statement report ad advertisement poll survey study tweet post letter memo memorandum filing
release book article editorial column op-ed email e-mail document transcript analysis data
website video commercial message note complaint lawsuit suit petition indictment ruling opinion
order brief motion testimony speech remarks interview campaign record records account
documents notes findings platform plan proposal bill law resolution investigation review audit
paper blog page site story headline caption chart map estimate estimates projection projections
forecast model figures numbers statistics tally count results exit census disclosure disclosures
declaration communique communiqué press
""".split())
# Nouns for people not named, as news writes them: "sources said", "an official", "aides".
ANONYMOUS_NOUNS = frozenset("""
source sources official officials aide aides adviser advisers advisor advisors insider insiders
person people someone spokesman spokeswoman spokesperson staffer staffers operative operatives
strategist strategists ally allies associate associates confidant confidants friend friends
member members observer observers critic critics supporter supporters opponent opponents
analyst analysts expert experts diplomat diplomats lawmaker lawmakers donor donors voter voters
""".split())
_WORD_CLASS = (("doc", DOCUMENT_NOUNS), ("org", ORG_NOUNS), ("role", ROLE_NOUNS), ("human", HUMAN_NOUNS))
_DIST_BUCKETS = (1, 3, 7, 15, 31)
# Candidate labels grouped: people (P), organisations (O), documents (D); the rest X.
_TYPE_CLASS = {"PERSON": "P", "propn": "P", "PROPN": "P", "he": "P", "she": "P", "i": "P", "role": "P",
               "human": "P", "rel": "P", "ORG": "O", "NORP": "O", "GPE": "O", "org": "O", "they": "O",
               "we": "O", "doc": "D", "WORK_OF_ART": "D", "LAW": "D", "PRODUCT": "D"}


def _shape_char(t) -> str:
    """A token's letter in a shape: Q quote mark, , : ( themselves, - dash, . other punctuation,
    V reporting verb, v other verb, r date/time/adverb, w other word; '' for space."""
    if t.is_space:
        return ""
    if t.text in '"“”‘’\'':
        return "Q"
    if t.text in ",:;—–-(":
        return t.text if t.text in ",:(" else "-"
    if t.is_punct:
        return "."
    if cues.is_cue_verb(t):
        return "V"
    if t.pos_ in ("VERB", "AUX"):
        return "v"
    if t.ent_type_ in ("DATE", "TIME") or t.pos_ == "ADV":
        return "r"
    return "w"


@dataclass(frozen=True)
class Candidate:
    """A mention that may be a source: token range, head token and what sort of mention."""

    start: int  # first token
    end: int  # one past the last token
    head: int  # the syntactic head (entity root, pronoun, noun-chunk root)
    kind: str  # ent | pron | noun | propn
    label: str  # entity label, pronoun, or noun class (doc, org, role, human, other)


@dataclass(frozen=True)
class Source:
    """The ranker's answer: the mention, its source kind and the model's probability."""

    mention: Mention
    kind: str  # person | organisation | document | anonymous | unknown
    score: float
    head: int  # token index of the mention's head


def _bucket(n: int) -> int:
    for b in _DIST_BUCKETS:
        if n <= b:
            return b
    return 99


def noun_class(tok) -> str:
    """What a common noun names: a document, an organisation, a role, people, or other."""
    lem = tok.lemma_.lower()
    for name, words in _WORD_CLASS:
        if lem in words or tok.lower_ in words:
            return name
    if lem in ANONYMOUS_NOUNS or tok.lower_ in ANONYMOUS_NOUNS:
        return "human"
    return "role" if is_role_word(tok, loose=True) else "other"


class DocSources:
    """Everything about one parsed document the ranker needs, computed once."""

    def __init__(self, sdoc, text: str | None = None, regions: list | None = None,
                 paras: list | None = None) -> None:
        """``regions`` and ``paras`` (find_regions, paragraph_spans of the text) when the caller has them."""
        self.doc = sdoc
        self.text = sdoc.text if text is None else text
        sents = list(sdoc.sents)
        self.sent_bounds = [(s.start, s.end) for s in sents]
        self.sent_of = [0] * len(sdoc)
        for k, s in enumerate(sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = k
        self.paras = paragraph_spans(self.text) if paras is None else paras
        para_starts = [p[0] for p in self.paras]
        regions = find_regions(self.text) if regions is None else regions
        spans = [(r.open, (r.close + 1) if r.close is not None else r.end) for r in regions]
        # Per token, read in one pass: offset, paragraph, whether inside a quotation, how many words
        # (not punctuation or space) come before it, and its letter in the shapes of the stretches
        # between a content and a candidate.
        self.starts: list[int] = []
        self.para_of: list[int] = []
        self.quoted: list[bool] = []
        self.word_before = [0]
        self.shape_char: list[str] = []
        k = 0
        for t in sdoc:
            idx = t.idx
            self.starts.append(idx)
            self.para_of.append(max(0, bisect_right(para_starts, idx) - 1))
            while k < len(spans) and spans[k][1] <= idx:
                k += 1
            self.quoted.append(k < len(spans) and spans[k][0] < idx)
            self.word_before.append(self.word_before[-1] + (not (t.is_punct or t.is_space)))
            self.shape_char.append(_shape_char(t))
        self.cands = self._candidates()
        self.cand_starts = [c.start for c in self.cands]
        # Subjects of reporting verbs in document order: who spoke last before a position.
        self.speech: list[tuple[int, str]] = []
        self.name_count: dict[str, int] = {}
        for ent in sdoc.ents:
            if ent.label_ == "PERSON":
                w = ent[-1].lower_
                self.name_count[w] = self.name_count.get(w, 0) + 1
        for c in self.cands:
            h = sdoc[c.head]
            if h.dep_ in cues.SUBJECT_DEPS and cues.is_cue_verb(h.head) and c.label in ("PERSON", "propn"):
                self.speech.append((c.head, self.key(c)))

    # ---- candidates --------------------------------------------------------------------
    def _candidates(self) -> list[Candidate]:
        doc = self.doc
        out: dict[int, Candidate] = {}
        in_ent = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ not in ENT_LABELS:
                continue
            for i in range(ent.start, ent.end):
                in_ent[i] = True
            out[ent.start] = Candidate(ent.start, ent.end, ent.root.i, "ent", ent.label_)
        for t in doc:
            if t.pos_ == "PRON" and t.lower_ in PRONOUNS:
                out[t.i] = Candidate(t.i, t.i + 1, t.i, "pron", t.lower_)
            elif t.lower_ in RELATIVES and t.dep_ in cues.SUBJECT_DEPS and t.head.dep_ == "relcl":
                out[t.i] = Candidate(t.i, t.i + 1, t.i, "pron", "rel")
        for chunk in doc.noun_chunks:
            root = chunk.root
            if in_ent[root.i] or root.pos_ not in ("NOUN", "PROPN"):
                continue
            start = chunk.start
            while start < root.i and (doc[start].pos_ == "DET" or doc[start].is_punct):
                start += 1
            if root.pos_ == "PROPN":
                out[start] = Candidate(start, chunk.end, root.i, "propn", "propn")
            else:
                out[start] = Candidate(start, chunk.end, root.i, "noun", noun_class(root))
        covered = {i for c in out.values() for i in range(c.start, c.end)}
        k = 0
        while k < len(doc):
            t = doc[k]
            if k in covered or t.is_punct or t.is_space:
                k += 1
                continue
            if t.dep_ in cues.SUBJECT_DEPS:
                # Subjects the chunker or the entity model missed ("Trump barked", "read one").
                out[k] = Candidate(k, k + 1, k, "subj", t.pos_)
            elif t.text[:1].isupper() and t.is_alpha and not t.is_stop and not t.is_sent_start:
                # Capitalised words the tagger took for something else ("said Skelly, ...").
                e = k + 1
                while e < len(doc) and e not in covered and doc[e].text[:1].isupper() and doc[e].is_alpha:
                    e += 1
                out[k] = Candidate(k, e, e - 1, "cap", doc[e - 1].pos_)
                k = e
                continue
            k += 1
        return [out[k] for k in sorted(out)]

    def key(self, c: Candidate) -> str:
        """The word that identifies a mention across the article (a name's last word, a lemma)."""
        doc = self.doc
        if c.kind in ("ent", "propn"):
            end = c.end
            while end > c.start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
                end -= 1
            return doc[end - 1].lower_
        return doc[c.head].lemma_.lower()

    def window(self, start: int, end: int, pieces: tuple[tuple[int, int], ...] | None = None) -> list[Candidate]:
        """Candidates near a content span: its sentences, three sentences before (the previous
        paragraph included) and the sentence after; none inside the span (inside its ``pieces``
        when the content is discontinuous: "“I,” he said, “…”")."""
        pieces = pieces or ((start, end),)
        ts, te = self.tok_at(start), self.tok_at(max(start, end - 1))
        ks, ke = self.sent_of[ts], self.sent_of[te]
        first = max(0, ks - 3)
        last = min(len(self.sent_bounds) - 1, ke + 1)
        lo, hi = self.sent_bounds[first][0], self.sent_bounds[last][1]
        a = bisect_right(self.cand_starts, lo - 1)
        out = []
        for c in self.cands[a:]:
            if c.start >= hi:
                break
            cs, ce = self.doc[c.start].idx, self.doc[c.end - 1].idx
            if any(a <= cs < b or a <= ce < b for a, b in pieces):
                continue
            if self.para_of[c.start] < self.para_of[ts] - 1:
                continue
            out.append(c)
        return out

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def same_sentence(self, tok: int, start: int, end: int) -> bool:
        """Token ``tok`` lies in a sentence the span [start, end) touches."""
        return self.sent_of[self.tok_at(start)] <= self.sent_of[tok] <= self.sent_of[self.tok_at(max(start, end - 1))]

    # ---- features ----------------------------------------------------------------------
    def features(self, cands: list[Candidate], start: int, end: int, cue: tuple[int, int] | None = None
                 ) -> list[list[str]]:
        """One list of feature names per candidate (binary features, value 1)."""
        doc = self.doc
        ts, te = self.tok_at(start), self.tok_at(max(start, end - 1))
        if doc[ts].idx + len(doc[ts]) <= start and ts + 1 < len(doc):
            ts += 1
        ks, ke = self.sent_of[ts], self.sent_of[te]
        pc = self.para_of[ts]
        direct = "D" if any(ch in '"“”«»„' for ch in self.text[start:min(end, start + 3)]
                            + self.text[max(start - 2, 0):start]) else "I"
        para_start = self.paras[pc][0]
        opens_para = not self.text[para_start:start].strip(' "“”‘’\'')
        prev_colon = opens_para and pc > 0 and self.text[self.paras[pc - 1][0]:self.paras[pc - 1][1]].rstrip().endswith(":")
        lead = self.text[para_start:start].rstrip(' "“‘\'')
        colon_lead = lead.endswith(":")
        cue_toks = set()
        if cue is not None:
            cue_toks = set(range(self.tok_at(cue[0]), self.tok_at(max(cue[0], cue[1] - 1)) + 1))
        last = None
        for i, k in reversed(self.speech):
            if i < ts:
                last = k
                break
        content_toks = [ts, te]
        k = ts - 1
        while k > 0 and (doc[k].is_space or doc[k].text in '"“”‘’\''):
            k -= 1
        lead_punct = doc[k].text if k >= 0 else ""
        before = sorted((c for c in cands if c.end <= ts), key=lambda c: -c.end)
        after = sorted((c for c in cands if c.start > te), key=lambda c: c.start)
        rank = {}
        for side in (before, after):
            n_person = 0
            for r, c in enumerate(side):
                personish = c.label in ("PERSON", "propn", "he", "she", "role", "human", "ORG")
                rank[c.start] = (r, n_person if personish else 9)
                n_person += personish
        out = []
        for c in cands:
            h = doc[c.head]
            if c.end <= ts:
                side, gap = "B", range(c.end, ts)
            elif c.start > te:
                side, gap = "A", range(te + 1, c.start)
            else:
                side, gap = "M", range(0)
            sc = self.sent_of[c.head]
            if ks <= sc <= ke:
                sd = 0
            elif sc < ks:
                sd = min(ks - sc, 3)
            else:
                sd = min(sc - ke, 2)
            pd = min(pc - self.para_of[c.head], 2) if side == "B" else (0 if self.para_of[c.head] <= self.para_of[te] else -1)
            pos = f"{side}s{sd}p{pd}"
            typ = f"{c.kind}:{c.label}"
            dist = len(gap)
            n_words = self.word_before[gap.stop] - self.word_before[gap.start] if len(gap) else 0
            nw = _bucket(n_words)
            r, pr = rank.get(c.start, (9, 9))
            dep = h.dep_
            gov = h.head
            f = ["bias", f"typ={typ}", f"pos={pos}", f"{direct}|pos={pos}", f"typ|pos={typ}|{pos}",
                 f"dist={side}{_bucket(dist)}", f"words={side}{nw}", f"rank={side}{min(r, 4)}",
                 f"prank={side}{min(pr, 4)}", f"dep={dep}", f"dep|pos={dep}|{pos}", f"dep|words={dep}|{side}{nw}",
                 f"typ|dep={typ}|{dep}", f"dist|pos={_bucket(dist)}|{pos}", f"rank|pos={min(r, 4)}|{pos}",
                 f"prank|pos={min(pr, 4)}|{pos}"]
            if c.kind == "noun":
                f.append(f"lem={h.lemma_.lower()}")
                det = next((t.lower_ for t in h.lefts if t.dep_ == "det"), "")
                f.append(f"det={det}|{c.label}")
                if h.tag_ in ("NNS", "NNPS"):
                    f.append(f"plural={c.label}")
            if self.quoted[c.head]:
                f.append("quoted")
            if c.end < len(doc) and doc[c.end].tag_ == "POS" or dep == "poss":
                f.append(f"poss|{side}")
            tcls = _TYPE_CLASS.get(c.label, "X")
            f.append(f"tcls|pos={tcls}|{pos}")
            # The words between content and candidate as a shape ("“…,” X said" is A:Q,X|V),
            # which holds where the parse does not.
            if side == "A":
                shape = self._shape(gap) + "X" + self._shape(range(c.end, min(c.end + 1, len(doc))))
            elif side == "B":
                shape = self._shape(range(max(c.start - 1, 0), c.start)) + "X" + self._shape(gap)
            else:
                shape = ""
            if shape and len(shape) <= 10:
                f.append(f"shape={side}{shape}|{tcls}")
            # Reporting verbs written right beside the candidate ("Skelly said", "said Skelly").
            if c.start > 0 and cues.is_cue_verb(doc[c.start - 1]):
                f.append(f"after_speech_verb|{side}")
                f.append(f"after_speech_verb|{side}|{min(n_words, 3)}|{tcls}")
            if c.end < len(doc) and cues.is_cue_verb(doc[c.end]):
                f.append(f"before_speech_verb|{side}")
                f.append(f"before_speech_verb|{side}|{min(n_words, 3)}|{tcls}")
            # The verb the candidate is the subject of, and how it stands to the content.
            if dep in cues.SUBJECT_DEPS or dep == "pobj" and gov.dep_ == "agent":
                verb = gov if dep != "pobj" else gov.head
                speech = cues.is_cue_verb(verb)
                f.append(f"subj|speech={speech}|{pos}")
                f.append(f"subj|speech={speech}|{pos}|{tcls}")
                f.append(f"govlem={verb.lemma_.lower()}")
                if verb.dep_ == "ROOT":
                    f.append(f"verb_root|{side}|{speech}")
                vside = "B" if verb.i < ts else ("A" if verb.i > te else "M")
                f.append(f"verbside={side}{vside}|{speech}")
                if verb.i in gap or vside == "M":
                    f.append(f"verb_in_gap|{side}|{speech}")
                    if n_words <= 3:
                        f.append(f"verb_in_short_gap|{side}")
                if any(verb.is_ancestor(doc[i]) for i in content_toks):
                    f.append(f"verb_governs_content|{speech}")
                if side == "A" and c.head + 1 < len(doc) and gov.i > c.head:
                    f.append(f"after_subj_before_verb|{nw}")
                if side == "A" and gov.i < c.start:
                    f.append(f"after_inverted|{nw}")
            elif dep == "pobj" and gov.lower_ == "to" and gov.head.lower_ == "according":
                f.append(f"according|{side}")
            elif dep in ("dobj", "dative", "pobj", "iobj"):
                f.append(f"object|{gov.lemma_.lower() if gov.pos_ == 'VERB' else gov.pos_}")
            elif dep == "appos":
                f.append(f"appos|{side}")
            # Colon lead-ins: "X said:" before a quotation paragraph, "Name, Outlet: “…”".
            if side == "B" and pd == 1 and prev_colon:
                f.append(f"prevpara_colon|{dep}")
            if side == "B" and pd == 0 and colon_lead:
                f.append(f"colon_lead|{dep}")
                if self.paras[pc][0] >= doc[c.start].idx - 2 and n_words <= 4:
                    f.append("colon_label")
            if side == "B" and lead_punct == ":":
                f.append(f"colon_next|{min(n_words, 3)}")
                f.append(f"colon_next|{min(n_words, 3)}|{min(r, 2)}|{c.kind}")
            if side == "B" and pd == 1 and opens_para:
                f.append(f"prevpara_opens|{typ}")
                if self.sent_of[c.head] == ks - 1 and dep in cues.SUBJECT_DEPS:
                    # the subject of the sentence closing the paragraph before a quotation paragraph
                    f.append(f"prevpara_last_subj|{cues.is_cue_verb(gov)}|{tcls}")
            if self.para_of[c.head] == 0 and pc <= 2:
                f.append(f"headline|{typ}")
            # Who spoke last, and how often the article names this one.
            k = self.key(c)
            if c.label in ("PERSON", "propn"):
                if last == k:
                    f.append("last_speaker")
                    f.append(f"last_speaker|{pos}")
                n = self.name_count.get(k, 0)
                f.append(f"mentions={_bucket(n)}")
            elif c.kind == "pron" and last is not None:
                f.append(f"pron_after_speaker|{c.label}")
            if cue is None:
                f.append("nocue")
            else:
                in_cue = any(i in cue_toks for i in range(c.start, c.end))
                f.append(f"cue_overlap={in_cue}")
                if dep in cues.SUBJECT_DEPS and gov.i in cue_toks:
                    f.append("cue_subject")
                elif any(a.i in cue_toks for a in h.ancestors):
                    f.append(f"cue_below|{dep}")
                cue_first = min(cue_toks) if cue_toks else ts
                cside = "B" if c.end <= cue_first else "A"
                cd = abs((c.end - cue_first) if cside == "B" else (c.start - max(cue_toks)))
                f.append(f"cue_dist={cside}{_bucket(cd)}")
            out.append(f)
        return out

    def _shape(self, toks) -> str:
        out: list[str] = []
        chars = self.shape_char
        for i in toks:
            ch = chars[i]
            if ch and (not out or out[-1] != ch or ch not in "wr"):
                out.append(ch)
        return "".join(out)

    def none_features(self, cands: list[Candidate], start: int, end: int, cue: tuple[int, int] | None = None
                      ) -> list[str]:
        """Features of the answer "no source" for this content (it competes with the candidates)."""
        ts = self.tok_at(start)
        pc = self.para_of[ts]
        direct = "D" if any(ch in '"“”«»„' for ch in self.text[max(start - 2, 0):min(end, start + 3)]) else "I"
        para_start = self.paras[pc][0]
        opens = not self.text[para_start:start].strip(' "“”‘’\'')
        near = sum(1 for c in cands if self.sent_of[c.head] == self.sent_of[ts])
        return ["none", f"none|{direct}", f"none|cue={cue is not None}", f"none|cands={_bucket(len(cands))}",
                f"none|same_sent={_bucket(near)}", f"none|opens_para={opens}|{direct}", f"none|para={min(pc, 3)}"]


class SourceModel:
    """Linear scores over candidate features, normalised over the candidates and the answer
    "no source" (a conditional logit); the best candidate wins unless "no source" scores higher
    or its probability is under the threshold."""

    def __init__(self, weights: dict[str, float], threshold: float = 0.5) -> None:
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def load(cls, name: str = MODEL_FILE) -> "SourceModel":
        """The weights file ``name`` shipped in newsgraph/data."""
        return cls.from_text(resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8"))

    @classmethod
    def from_text(cls, text: str) -> "SourceModel":
        """Weights from ``feature<TAB>weight`` lines (``@threshold<TAB>p`` sets the threshold)."""
        weights: dict[str, float] = {}
        threshold = 0.5
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            key, value = line.rsplit("\t", 1)
            if key == "@threshold":
                threshold = float(value)
            else:
                weights[key] = float(value)
        return cls(weights, threshold)

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def rank(self, ds: DocSources, content: tuple[int, int], cue: tuple[int, int] | None = None
             ) -> Source | None:
        """The likeliest source of ``content`` (character span), or None when no candidate
        is likely enough (unattributed contents exist: better no speaker than a guess)."""
        start, end = content
        cands = ds.window(start, end)
        if not cands:
            return None
        scores = [self.score(f) for f in ds.features(cands, start, end, cue)]
        none = self.score(ds.none_features(cands, start, end, cue))
        top = max(max(scores), none)
        z = math.exp(none - top) + sum(math.exp(x - top) for x in scores)
        k = max(range(len(cands)), key=lambda i: (scores[i], -abs(cands[i].start - ds.tok_at(start))))
        p = math.exp(scores[k] - top) / z
        if scores[k] <= none or p < self.threshold:
            return None
        best = cands[k]
        best = antecedent(ds, best)
        return Source(mention_of(ds, best), kind_of_candidate(ds.doc, best), p, best.head)


def antecedent(ds: DocSources, c: Candidate) -> Candidate:
    """For a relative pronoun ("Beck, who has described ..."), the candidate it stands for."""
    if c.label != "rel":
        return c
    target = ds.doc[c.head].head.head.i
    k = bisect_right(ds.cand_starts, target) - 1
    if k >= 0 and ds.cands[k].start <= target < ds.cands[k].end and ds.cands[k].label != "rel":
        return ds.cands[k]
    return c


def mention_of(ds: DocSources, c: Candidate) -> Mention:
    """A Mention for a candidate, in the kinds the speaker resolver knows."""
    doc = ds.doc
    c = antecedent(ds, c)
    end = c.end
    while end > c.start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    s, e = doc[c.start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    if c.kind == "pron":
        kind = "pronoun"
    elif c.label in ("PERSON", "propn", "PROPN") or c.kind == "cap":
        kind = "name"
    elif c.kind == "ent":
        kind = "org"
    elif c.label == "org":
        kind = "org"
    elif c.label in ("role", "human"):
        kind = "role"
    else:
        kind = "document" if c.label == "doc" else "noun"
    return Mention(s, e, ds.text[s:e], kind)


def kind_of_candidate(doc, c: Candidate) -> str:
    return source_kind(doc[c.head], "org" if c.kind == "ent" and c.label != "PERSON" else None)


def source_kind(head, stype: str | None = None) -> str:
    """person, organisation, document, anonymous or unknown, from a source mention's head token.

    A person is named or pointed at (he, she, a named role); an anonymous source is people left
    unnamed on purpose or as a crowd ("sources", "an official", "aides"); a document speaks
    through its text ("the report", "the ad", "a poll")."""
    if head is None:
        return "unknown"
    low = head.lower_
    ent_label = head.ent_type_
    if ent_label == "PERSON" or stype == "person" and head.pos_ == "PROPN":
        return "person"
    if ent_label in ("ORG", "NORP", "GPE", "FAC", "LOC"):
        return "organisation"
    if ent_label in ("WORK_OF_ART", "PRODUCT", "LAW", "EVENT"):
        return "document"
    if head.pos_ == "PRON":
        if low in MALE or low in FEMALE or low in ("i", "me"):
            return "person"
        return "unknown"
    if head.pos_ == "PROPN":
        return "organisation" if stype == "org" else "person"
    cls = noun_class(head)
    if cls == "doc":
        return "document"
    if cls == "org":
        return "organisation"
    lem = head.lemma_.lower()
    det = next((t.lower_ for t in head.lefts if t.dep_ in ("det", "nummod")), "")
    plural = head.tag_ in ("NNS", "NNPS")
    if cls in ("role", "human"):
        if plural or det in ("a", "an", "one", "another", "some", "several", "two", "three") \
                or lem in ("source", "insider", "person", "people", "someone"):
            return "anonymous"
        return "person"
    return "unknown"


@lru_cache(maxsize=1)
def default_model() -> SourceModel:
    """The shipped model, loaded once per process."""
    return SourceModel.load()


def rank(sdoc, content: tuple[int, int], cue: tuple[int, int] | None = None, ds: DocSources | None = None
         ) -> Source | None:
    """The source of one content span with the shipped model (pass ``ds`` to reuse a document's state)."""
    return default_model().rank(ds if ds is not None else DocSources(sdoc), content, cue)
