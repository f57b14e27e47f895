"""Find quotations (direct, indirect, mixed) and attach each to a cue and a speaker.

Why this order: quotation marks are paired first (marks.py) because they are
the strongest evidence; each pair is then attached to a reporting verb after it
("...," X said), before it (X said: "..." / X said that "..."), inside it when
the closing mark is missing, or to the previous quotation's speaker when it
continues one. Reported clauses without marks come from the parse (a
reporting verb's ccomp, its object for verbs like "stressed", "according to
X", and attributions set off by commas inside a sentence). A model learned
from annotated news (contents.py) then adds the attributed contents the rules
do not enumerate, where they do not cross what the rules found. Speakers are
resolved in document order so pronouns find the latest name.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Mention, Quote, Span
from . import contents, cues, sources
from .marks import DOUBLE, SINGLE, Region, find_regions, paragraph_spans
from .speakers import SpeakerResolver

_MARKS = set(DOUBLE + SINGLE)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SENT_END = frozenset({".", "!", "?"})
_DASHES = frozenset("―—–-")
_MIN_SPEAKERLESS_WORDS = 6
_MIN_FRAGMENT_WORDS = 4


@dataclass
class _Cand:
    """A quotation found but not yet resolved to a name."""

    start: int
    end: int
    kind: str
    verb: object = None  # cue verb token
    cue: tuple[int, int] | None = None
    subj: object = None
    mention: Mention | None = None
    stype: str | None = None
    region: int | None = None  # index into regions for direct quotes
    name: str | None = None
    via: tuple = ()  # verbs whose subject the cue borrowed
    inherited: bool = False  # speaker taken from the quotation this one continues
    joined: bool = False  # continues the previous quotation's sentence: one attribution, its cue
    kind_of_source: str = "unknown"  # person | organisation | document | anonymous | unknown


class QuoteFinder:
    """One pass of quotation finding over one parsed document."""

    def __init__(self, sdoc, model: "contents.ContentModel | None" = None) -> None:
        self.doc = sdoc
        self.model = model
        self._sources = None  # the source ranker's view of the document, made when first needed
        self.text = sdoc.text
        self.starts = [t.idx for t in sdoc]
        self.regions: list[Region] = find_regions(self.text)
        self.paras = paragraph_spans(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.speakers = SpeakerResolver(sdoc, self.text)
        self.speakers.in_quote = lambda char: self.in_region(char) is not None
        self.reg_spans = [(r.open, (r.close if r.close is not None else r.end)) for r in self.regions]
        self.reg_opens = [r.open for r in self.regions]

    # ---- helpers -----------------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def in_region(self, char: int) -> int | None:
        k = bisect_right(self.reg_opens, char) - 1
        if k >= 0 and self.reg_spans[k][0] < char < self.reg_spans[k][1]:
            return k
        return None

    def _speaker(self, verb, not_inside: tuple[int, int] | None = None):
        subj = cues.subject_of(verb, exclude=not_inside)
        if subj is None:
            return None
        got = self.speakers.mention_for(subj, verb)
        if got is None:
            return None
        return subj, got[0], got[1]

    def _via(self, verb, subj) -> tuple:
        out, tok = [verb], verb
        while tok.i != subj.head.i and tok.head.i != tok.i and len(out) < 5:
            tok = tok.head
            out.append(tok)
        return tuple(t.i for t in out)

    # ---- direct quotations -------------------------------------------------------------
    def _after_cue(self, r: Region):
        """'"...," X said' and '"...," said X, a ...': a cue right after the closing mark."""
        if r.close is None:
            return None
        tail = self.text[r.start:r.close].rstrip()
        if tail.endswith(".") and not tail.endswith("..."):
            return None  # the quoted sentence ended: what follows is a new sentence
        doc = self.doc
        i = self.tok_at(r.close + 1)
        if doc[i].idx <= r.close:
            i += 1
        para_end = self.paras[r.para][1]
        k = bisect_right(self.reg_opens, r.close)
        nxt_open = self.reg_opens[k] if k < len(self.reg_opens) else para_end
        limit = min(para_end, nxt_open)
        window = []
        for k in range(i, min(len(doc), i + 45)):
            t = doc[k]
            if t.idx >= limit:
                break
            window.append(t)
            if t.text in _SENT_END:
                break
        for t in window:
            if not cues.is_cue_verb(t) or not cues.usable(t) or t.dep_ in ("relcl", "amod", "acl", "pcomp"):
                continue
            if t.dep_ == "advcl" and any(c.dep_ == "mark" or c.tag_ == "WRB" for c in t.children if c.i < t.i):
                return None  # '"...," when he said ...': a clause about another saying, not the cue
            got = self._speaker(t, not_inside=(r.open, r.close + 1))
            if got is None:
                return None
            subj = got[0]
            if subj.idx <= r.close or subj.idx >= limit:
                return None
            # Everything between the mark and the verb must be the subject or light words.
            span = set(range(subj.left_edge.i, subj.right_edge.i + 1))
            for u in window:
                if u.i >= t.i:
                    break
                if u.i in span or u.is_punct or u.dep_ in ("advmod", "aux", "neg", "cc") or u.text in _MARKS:
                    continue
                return None
            return t, got
        return None

    def _before_cue(self, r: Region, need_subtree: bool):
        """'X said: "..."', 'X said that "..."', 'X called Y "..."': a cue before the opening mark."""
        doc = self.doc
        o = self.tok_at(r.open)
        para_start = self.paras[r.para][0]
        n = bisect_right(self.reg_opens, r.open) - 2  # the region before this one
        prev = self.regions[n] if n >= 0 else None
        prev_close = (prev.close if prev.close is not None else prev.end) if prev is not None else -1
        j = o - 1
        while j >= 0 and doc[j].lower_ in ("that", ",") and doc[j].idx >= para_start:
            j -= 1
        colon = j >= 0 and doc[j].text == ":" and doc[j].idx >= para_start
        first = self.tok_at(r.start)
        k = j
        steps = 0
        fallback = None
        while k >= 0 and steps < 40:
            t = doc[k]
            if t.idx < para_start or t.idx <= prev_close or (t.text in _SENT_END and k < j):
                break
            if cues.is_cue_verb(t, naming=True) and cues.usable(t) and t.dep_ not in ("relcl", "amod"):
                # A short quoted fragment inside the cue's own clause is not a quotation of its own:
                # the clause that holds it is the attribution (mixed), which the content model finds.
                # (Measured on PolNeAR train: accepting fragments on a complement path lowers direct F1.)
                inside = t.left_edge.i <= first <= t.right_edge.i and len(
                    self.text[r.start:r.end].split()) >= _MIN_FRAGMENT_WORDS
                if colon or inside or not need_subtree:
                    got = self._speaker(t, not_inside=(r.start, r.end))
                    if got is not None:
                        return t, got
                    if colon:
                        return None
            elif colon and fallback is None and t.pos_ in ("VERB", "AUX") and t.i < j:
                fallback = t
            k -= 1
            steps += 1
        if fallback is not None:
            # 'X was blunter: "..."': a named person introducing a quotation with a colon.
            got = self._speaker(fallback, not_inside=(r.start, r.end))
            if got is not None and got[1].kind == "name" and got[2] == "person":
                return fallback, got
        return None

    def _signature(self, r: Region):
        """'"..." ― Name' or '"..." — Name, a teacher': a dash and a name closing the quotation's
        line, the signature of round-ups and epigraphs. The dash is the cue, the name the speaker."""
        if r.close is None:
            return None
        line_end = self.text.find("\n", r.close)
        line_end = self.paras[r.para][1] if line_end < 0 else min(line_end, self.paras[r.para][1])
        k = _skip_space(self.text, r.close + 1, line_end)
        dash = k
        while k < line_end and self.text[k] in _DASHES:
            k += 1
        if k == dash or k - dash > 2:
            return None
        cue = (dash, k)
        k = _skip_space(self.text, k, line_end)
        doc = self.doc
        i = self.tok_at(k)
        if i >= len(doc) or doc[i].idx != k or not doc[i].text[:1].isupper():
            return None
        j = i
        while j < len(doc) and doc[j].idx < line_end and (doc[j].pos_ == "PROPN" or doc[j].text == "."
                                                          and doc[j - 1].pos_ == "PROPN" and len(doc[j - 1]) == 1):
            j += 1
        if j == i or j - i > 5 or j < len(doc) and doc[j].idx < line_end and not doc[j].is_space \
                and doc[j].text not in ",.;(":
            return None
        got = self.speakers.mention_for(doc[j - 1], doc[j - 1])
        if got is None or got[1] != "person" or got[0].kind != "name":
            return None
        return cue, doc[j - 1], got

    def _inner_cue(self, r: Region):
        """An unclosed quotation whose attribution sits inside it: '"... the region, X, a lawyer, wrote'."""
        doc = self.doc
        a, b = self.tok_at(r.start), self.tok_at(max(r.start, r.end - 1))
        for k in range(a + 3, b + 1):
            t = doc[k]
            if not cues.is_cue_verb(t) or not cues.usable(t):
                continue
            got = self._speaker(t)
            if got is None or got[1].kind != "name":
                continue
            subj = got[0]
            left = subj.left_edge.i
            if left - 1 > a and (doc[left - 1].is_punct or doc[left - 1].text in _MARKS):
                cut = doc[left - 1].idx
                return t, got, cut
        return None

    def _direct(self) -> list[_Cand]:
        out: list[_Cand] = []
        for n, r in enumerate(self.regions):
            start, end = r.start, r.end
            hit = None
            if not r.closed and not r.continues:
                inner = self._inner_cue(r)
                if inner is None:
                    continue
                verb, got, cut = inner
                end = cut
                hit = (verb, got)
            sign = self._signature(r) if r.closed else None
            if sign is not None:
                cue, subj, (mention, stype) = sign
                end = _trim_end(self.text, start, end)
                out.append(_Cand(start, end, "direct", cue=cue, subj=subj, mention=mention, stype=stype, region=n))
                continue
            if hit is None:
                before = self._before_cue(r, need_subtree=True)
                if before is not None and any(t.tag_ in _FINITE for t in self.doc[before[0].i + 1:self.tok_at(r.open)]):
                    # A clause stands between cue and quotation: a fragment of a reported clause
                    # (the indirect pass makes it mixed) unless a cue follows the quotation.
                    hit = self._after_cue(r) or before
                else:
                    hit = before or self._after_cue(r)
            end = _trim_end(self.text, start, end)
            if end <= start:
                continue
            c = _Cand(start, end, "direct", region=n)
            if hit is not None:
                verb, (subj, mention, stype) = hit
                c.verb, c.subj, c.mention, c.stype = verb, subj, mention, stype
                c.cue = cues.cue_span(verb, stop_after=None if r.open < verb.idx else r.open)
                if not cues.is_cue_verb(verb, naming=True):  # 'X was blunter: "..."'
                    colon = self.text.rfind(":", verb.idx, r.open)
                    c.cue = (verb.idx, colon) if colon > verb.idx else c.cue
                c.via = self._via(verb, subj)
            out.append(c)
        return out

    # ---- interview form ----------------------------------------------------------------
    def _interview(self) -> list[_Cand]:
        """A paragraph opening with a known person's name and a colon: 'Surname: ...'."""
        out = []
        doc = self.doc
        for ps, pe in self.paras:
            i = self.tok_at(ps)
            if doc[i].idx < ps:
                i += 1
            k = i
            while k < len(doc) and k - i < 4 and doc[k].pos_ == "PROPN" and doc[k].idx < pe:
                k += 1
            if k == i or k >= len(doc) or doc[k].text != ":":
                continue
            label = doc[i:k]
            last = label[-1].text
            # A transcript's label may be in capitals ('SMITH:'): a surname the article has named.
            if (last.title() if label.text.isupper() else last) not in self.speakers.surnames:
                continue
            rest_start = _skip_space(self.text, doc[k].idx + 1, pe)
            if len(self.text[rest_start:pe].split()) < _MIN_FRAGMENT_WORDS:
                continue
            mention = Mention(label[0].idx, label[-1].idx + len(label[-1].text), label.text, "name")
            out.append(_Cand(rest_start, _trim_end(self.text, rest_start, pe), "direct",
                             cue=(doc[k].idx, doc[k].idx + 1), mention=mention, stype="person", subj=label[-1]))
        return out

    # ---- indirect and mixed ------------------------------------------------------------
    def _indirect(self, used: set[int]) -> list[_Cand]:
        doc = self.doc
        out: list[_Cand] = []
        for t in doc:
            if t.pos_ not in ("VERB", "AUX", "ADP", "NOUN"):
                continue
            if t.lower_ == "according":
                c = self._according(t)
                if c is not None:
                    out.append(c)
                continue
            if t.lower_ == "in":
                c = self._in_document(t)
                if c is not None:
                    out.append(c)
                continue
            naming = _naming_object(t)
            document = self._evidence_subject(t)
            belief = cues.lemma(t) in cues.BELIEF_VERBS and t.pos_ == "VERB" and any(
                c.dep_ == "ccomp" for c in t.children)
            if not (cues.is_cue_verb(t) or naming or document or belief) or not cues.usable(t) \
                    or t.dep_ in ("relcl", "amod", "acl"):
                continue
            if self.in_region(t.idx) is not None:
                continue
            if naming:  # 'X called the plan "a disgrace"': what is named, and the name
                toks = list(t.doc[naming[0].left_edge.i:max(naming[0].right_edge.i, naming[1].right_edge.i) + 1])
                content = naming[0]
            else:
                content, toks = self._content_of(t)
                if content is None:
                    continue
            while toks and (toks[0].lower_ == "that" and toks[0].dep_ == "mark" or toks[0].is_punct
                            or toks[0].is_space):
                toks.pop(0)
            _strip_end(toks)
            if len(toks) < 3 and not naming or not toks:
                continue
            got = self._speaker(t, not_inside=(toks[0].idx, toks[-1].idx + 1))
            if got is None and document is not None:
                got = document, self._document_mention(document), None
            if got is None:
                continue
            subj, mention, stype = got
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            c = _Cand(s, e, "indirect", verb=t, subj=subj, mention=mention, stype=stype)
            c.cue = cues.cue_span(t, stop_after=s if s > t.idx else None)
            c.via = self._via(t, subj)
            out.append(c)
        used_now = set(used)
        for c in out:
            used_now.update(c.via)
        out += self._parenthetical(used_now)
        return out

    def _content_of(self, t):
        """The reported clause of cue verb ``t`` (its head token and tokens), or (None, [])."""
        content = None
        for ch in t.children:
            if ch.dep_ == "ccomp":
                content = ch
                break
        if content is None:
            content = _that_clause_in_cue(t)  # "said in a statement that ..."
        if content is None and cues.lemma(t) in cues.OBJECT_CONTENT_VERBS:
            for ch in t.children:
                if ch.dep_ == "dobj" and ch.pos_ not in ("PRON",) and ch.i > t.i:
                    content = ch
                    break
        if content is None:
            return None, []
        toks = list(content.subtree)
        if toks[0].i < t.i and not self._ends_after_cue(t):
            return None, []  # a clause before the verb is its content only in "..., X said."
        return content, self._lost_subject(t, content, toks)

    def _lost_subject(self, verb, content, toks: list) -> list:
        """'The office said about half of the rise reflected ...': the parser hung the clause's subject
        on the cue verb, leaving a subjectless complement. The content then starts right after the cue
        phrase, when only words the parser gave the verb stand between them, unbroken by punctuation."""
        if toks[0].i <= verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in content.children):
            return toks
        _, ce = cues.cue_span(verb, stop_after=toks[0].idx)
        doc = self.doc
        k = verb.i + 1
        while k < toks[0].i and doc[k].idx < ce:
            k += 1
        gap = doc[k:toks[0].i]
        if not len(gap) or any(t.is_punct or t.is_space or t.lower_ == "that" or t.ent_type_ in ("DATE", "TIME")
                               or t.dep_ in ("npadvmod", "advmod") and t.head.i == verb.i for t in gap) \
                or any(t.head.i != verb.i and not (gap[0].i <= t.head.i < toks[0].i) for t in gap):
            return toks
        return list(gap) + toks

    def _ends_after_cue(self, verb) -> bool:
        """Nothing but the cue phrase, time words and punctuation follows the verb."""
        _, ce = cues.cue_span(verb)
        for t in verb.sent:
            if t.idx >= ce and not (t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME")
                                    or t.dep_ in ("advmod", "npadvmod")):
                return False
        return True

    def _according(self, tok) -> _Cand | None:
        """'according to X, ...' and '..., according to X.'"""
        to, pobj = _to_object(tok)
        if pobj is None:
            return None
        got = self.speakers.mention_for(pobj, tok)
        if got is None:
            return None
        sent = tok.sent
        phrase = list(tok.subtree)
        toks = [t for t in sent if not (phrase[0].i <= t.i <= phrase[-1].i)]
        while toks and (toks[0].is_punct and toks[0].text not in _MARKS):
            toks.pop(0)
        while toks and toks[-1].is_punct and toks[-1].text not in _MARKS:
            toks.pop()
        if len(toks) < 3:
            return None
        # the content is the contiguous side of the sentence holding most of it
        before = [t for t in toks if t.i < phrase[0].i]
        after = [t for t in toks if t.i > phrase[-1].i]
        side = after if len(after) >= len(before) else before
        while side and side[-1].is_punct and side[-1].text not in _MARKS:
            side.pop()
        while side and side[0].is_punct and side[0].text not in _MARKS:
            side.pop(0)
        if len(side) < 3:
            return None
        s, e = side[0].idx, side[-1].idx + len(side[-1].text)
        cue = (tok.idx, to.idx + len(to.text))
        return _Cand(s, e, "indirect", verb=tok, cue=cue, subj=pobj, mention=got[0], stype=got[1], via=(tok.i,))

    def _in_document(self, tok) -> _Cand | None:
        """'In a Des Moines Register poll last month, Cruz had a lead.': a sentence opening on the
        document it reports from; the clause after the comma is that document's content (unless a
        reporting verb of its own attributes it)."""
        sent = tok.sent
        if tok.i != sent.start or tok.dep_ != "prep" or tok.head.i != sent.root.i or cues.is_cue_verb(sent.root):
            return None
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in cues.REPORTING_DOCUMENTS or pobj.ent_type_ in ("DATE", "TIME"):
            return None
        comma = tok.right_edge.i + 1
        doc = self.doc
        if comma >= sent.end or doc[comma].text != ",":
            return None
        toks = [t for t in doc[comma + 1:sent.end]]
        _strip_end(toks)
        if len(toks) < 3 or any(t.text in _MARKS or self.in_region(t.idx) is not None for t in toks):
            return None  # a quotation inside has a source of its own
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return _Cand(s, e, "indirect", verb=tok, cue=(tok.idx, tok.idx + len(tok.text)), subj=pobj,
                     mention=self._document_mention(pobj), stype=None, via=(tok.i,))

    def _document_mention(self, head) -> Mention:
        """A document source: its noun and the words before it, without the article ('new filings')."""
        left = head.left_edge
        while left.i < head.i and left.dep_ == "det":
            left = self.doc[left.i + 1]
        end = head.idx + len(head.text)
        return Mention(left.idx, end, self.text[left.idx:end], "org")

    @staticmethod
    def _evidence_subject(verb):
        """The document subject of a verb of evidence ('new filings show ...', 'the study found ...')."""
        if cues.lemma(verb) not in cues.EVIDENCE_VERBS:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in cues.REPORTING_DOCUMENTS | cues.RECORDS:
            return None
        return subj

    def _parenthetical(self, used: set[int]) -> list[_Cand]:
        """'The only way forward, X told Y, was ...': an attribution set off by commas."""
        doc = self.doc
        out = []
        for t in doc:
            if t.i in used or not cues.is_cue_verb(t) or not cues.usable(t):
                continue
            if any(c.dep_ == "ccomp" for c in t.children) or self.in_region(t.idx) is not None:
                continue
            got = self._speaker(t)
            if got is None:
                continue
            subj = got[0]
            if subj.i > t.i:
                continue
            left = subj.left_edge.i
            cs, ce = cues.cue_span(t)
            right = self.tok_at(ce - 1)
            sent = t.sent
            if left - 1 <= sent.start or doc[left - 1].text != "," or right + 1 >= sent.end \
                    or doc[right + 1].text != ",":
                continue
            toks = list(sent)
            _strip_end(toks)
            if right + 4 > toks[-1].i or left - 3 < sent.start:
                continue
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            c = _Cand(s, e, "indirect", verb=t, cue=(cs, ce), subj=subj, mention=got[1], stype=got[2])
            c.via = (t.i,)
            out.append(c)
        return out

    # ---- assembly ----------------------------------------------------------------------
    def run(self) -> tuple[list[Quote], list]:
        direct = self._direct()
        interview = self._interview()
        used = {c.verb.i for c in direct if c.verb is not None}
        indirect = self._indirect(used)
        # An indirect clause holding a quoted fragment of the same cue is one mixed quote.
        drop: set[int] = set()
        keep_ind: list[_Cand] = []
        by_region = {c.region: c for c in direct}
        for c in indirect:
            lo = bisect_right(self.reg_opens, c.start - 2)
            hi = bisect_right(self.reg_opens, c.end - 1)
            inside = list(range(lo, hi))
            if not inside:
                edge = [n for n in (self.in_region(c.start), self.in_region(c.end - 1)) if n is not None]
                if any(self.regions[n].closed for n in edge):
                    continue  # the clause starts or ends inside a quotation: the direct reading wins
                keep_ind.append(c)
                continue
            own, pos = 0, c.start
            for n in inside:
                own += len(self.text[pos:self.regions[n].open].split())
                pos = max(pos, self.regions[n].close if self.regions[n].close is not None else self.regions[n].end)
            own += len(self.text[pos:c.end].split())
            if own < 3:
                continue  # the clause is the quotation: the direct reading says it
            c.kind = "mixed"
            last = self.regions[inside[-1]]
            c.end = max(c.end, last.close + 1 if last.close is not None else last.end)
            for n in inside:
                d = by_region.get(n)
                if d is not None and (d.verb is None or c.verb is not None and d.verb.i == c.verb.i or d.verb.i in c.via):
                    drop.add(n)
            keep_ind.append(c)
        cands = [c for c in direct if c.region not in drop] + interview + keep_ind
        cands = _dedupe(cands)
        self._resolve(cands)
        cands.sort(key=lambda c: c.start)
        self._continuations([c for c in cands if c.region is not None])
        self._learned_sources(cands)
        cands = [c for c in cands if c.mention is not None or self._kept_speakerless(c)]
        # The model adds what the rules kept nothing at; the source ranker names its speakerless ones.
        learned = self._learned(cands)
        self._resolve(learned)
        self._learned_sources(learned, rules=False)
        cands = sorted(cands + learned, key=lambda c: c.start)
        quotes = [Quote(content=Span(c.start, c.end), kind=c.kind, cue=Span(*c.cue) if c.cue else None,
                        speaker=c.mention, speaker_name=c.name,
                        speaker_type=c.stype if c.mention is not None else None,
                        source_kind=c.kind_of_source if c.mention is not None else "unknown") for c in cands]
        return quotes, self.speakers.people()

    def _resolve(self, cands: list[_Cand]) -> None:
        """Names for the candidates' speaker mentions, in the order the mentions come."""
        for c in sorted(cands, key=lambda c: (c.mention.start if c.mention is not None else c.start)):
            if c.mention is not None:
                c.name = self.speakers.resolve(c.mention, c.stype, c.subj)

    # ---- learned contents --------------------------------------------------------------
    def _learned(self, found: list[_Cand]) -> list[_Cand]:
        """Contents the model finds beside the rules' quotations, with the cue and speaker their
        anchor gives: the subject of the verb they hang off, or the X of "according to X"."""
        if self.model is None:
            return []
        closed = [(r.start, r.end) for r in self.regions if r.closed and r.end > r.start]
        chosen = contents.select(contents.candidates(self.doc, closed), self.model, [(c.start, c.end) for c in found])
        out = []
        for _, cand in chosen:
            inside = [(a, b) for a, b in closed if cand.start - 1 <= a and b <= cand.end + 1]
            whole = next(((a, b) for a, b in inside if abs(a - cand.start) <= 1 and abs(b - cand.end) <= 1), None)
            kind = "direct" if whole else "mixed" if inside else "indirect"
            c = _Cand(*(whole or (cand.start, cand.end)), kind)  # a quotation's content is inside its marks
            anchor = self.doc[cand.anchor] if cand.anchor is not None else None
            if cand.kind == "according":
                to, pobj = _to_object(anchor)
                got = self.speakers.mention_for(pobj, anchor) if pobj is not None else None
                if got is not None:
                    c.verb, c.subj, c.mention, c.stype = anchor, pobj, got[0], got[1]
                    c.cue = (anchor.idx, to.idx + len(to.text))
            elif cand.kind == "child" and anchor.pos_ in ("VERB", "AUX"):
                got = self._speaker(anchor, not_inside=(cand.start, cand.end))
                c.verb = anchor
                c.cue = cues.cue_span(anchor, stop_after=cand.start if cand.start > anchor.idx else None)
                if got is not None:
                    c.subj, c.mention, c.stype = got
                    c.via = self._via(anchor, got[0])
            elif cand.kind == "sentence":
                self._sentence_source(c, inside)
            out.append(c)
        return out

    def _sentence_source(self, c: _Cand, marks: list[tuple[int, int]]) -> None:
        """A whole sentence chosen as a content ('X described it as a “…”', 'According to X, it was
        “…”'): the name it opens with speaks, the subject of its main verb or the X of its 'according
        to X', when that name comes before the first quotation mark."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return
        first = min((a for a, _ in marks), default=c.end)
        acc = next((t for t in span if t.lower_ == "according" and t.idx < first), None)
        if acc is not None:
            to, pobj = _to_object(acc)
            got = self.speakers.mention_for(pobj, acc) if pobj is not None and pobj.idx < first else None
            if got is not None and got[0].kind in ("name", "org"):
                c.verb, c.subj, c.mention, c.stype = acc, pobj, got[0], got[1]
                c.cue = (acc.idx, to.idx + len(to.text))
                if acc.idx <= c.start + 1:  # the content is what follows 'According to X,'
                    comma = next((t for t in self.doc[pobj.i:span.end] if t.text == ","), None)
                    if comma is not None and comma.idx < first and comma.i + 1 < span.end:
                        c.start = self.doc[comma.i + 1].idx
            return
        root = span.root
        if root.pos_ not in ("VERB", "AUX") or root.idx >= first:
            return
        got = self._speaker(root, not_inside=(first, c.end))
        if got is not None and got[0].idx < root.idx and got[1].kind in ("name", "org"):
            c.verb, (c.subj, c.mention, c.stype) = root, got
            c.cue = cues.cue_span(root, stop_after=first)
            c.via = self._via(root, got[0])

    def _learned_sources(self, cands: list[_Cand], rules: bool = True) -> None:
        """The source model (sources.py) where no speaker was found. For the rules' quotations,
        quotations continuing those then take their speaker, and a quotation that only inherited
        the previous one's speaker takes the model's source when its own sentence names another
        one with confidence ('“…,” Trump interjected.'). Last, every quotation's source kind."""
        if any(c.mention is None or c.inherited for c in cands):
            if self._sources is None:
                self._sources = sources.DocSources(self.doc, self.text, self.regions, self.paras)
            ds = self._sources
            self._rank_sources(ds, [c for c in cands if c.mention is None and (not rules or self._kept_speakerless(c))])
            if rules:
                self._continuations([c for c in cands if c.region is not None])
                self._rank_sources(ds, [c for c in cands if c.inherited], override=True)
        for c in cands:
            if c.mention is not None:
                c.kind_of_source = sources.source_kind(c.subj, c.stype)

    def _rank_sources(self, ds, cands: list[_Cand], override: bool = False) -> None:
        model = sources.default_model()
        for c in cands:
            got = model.rank(ds, (c.start, c.end), c.cue)
            if got is None or override and (got.score < sources.OVERRIDE or not ds.same_sentence(
                    got.head, c.start, c.end)):
                continue
            tok = self.doc[got.head]
            found = self.speakers.mention_for(tok, tok)
            mention, stype = found if found is not None else (got.mention, None)
            c.mention, c.stype, c.subj, c.inherited = mention, stype, tok, False
            if c.joined:
                c.cue, c.joined = None, False
            c.verb = tok.head if tok.dep_ in cues.SUBJECT_DEPS else None
            c.name = self.speakers.resolve(mention, stype, tok) if stype is not None else None

    def _kept_speakerless(self, c: _Cand) -> bool:
        words = len(self.text[c.start:c.end].split())
        return words >= _MIN_SPEAKERLESS_WORDS and _sentence_like(self.text[c.start:c.end])

    def _continuations(self, direct: list[_Cand]) -> None:
        """Quotes with no cue of their own take the speaker of the quotation they continue."""
        regions = self.regions
        # Multi-paragraph quotations: share the speaker across the group, both ways.
        groups: list[list[_Cand]] = []
        for c in direct:
            r = regions[c.region]
            if groups and regions[groups[-1][-1].region].continues and \
                    regions[groups[-1][-1].region].para + 1 == r.para:
                groups[-1].append(c)
            else:
                groups.append([c])
        for g in groups:
            src = next((c for c in reversed(g) if c.mention is not None), None)
            if src is None or len(g) == 1:
                continue
            for c in g:
                if c.mention is None:
                    _inherit(c, src)
        prev: _Cand | None = None
        for c in direct:
            r = regions[c.region]
            if c.mention is None and prev is not None and prev.mention is not None and r.closed:
                pr = regions[prev.region]
                words = len(self.text[c.start:c.end].split())
                same_para = pr.para == r.para and self._gap_clear(prev, r)
                opens_para = pr.para + 1 == r.para and not self.text[self.paras[r.para][0]:r.open].strip() \
                    and self._ends_para(prev)
                if words >= _MIN_FRAGMENT_WORDS and (same_para or opens_para) and _sentence_like(
                        self.text[c.start:c.end], strict=False):
                    _inherit(c, prev)
                    if same_para and c.cue is None and prev.cue is not None:
                        # '"A," she said. "B."': one statement split round its cue, which cues both.
                        c.cue, c.joined = prev.cue, True
            if prev is not None and c.mention is None and self._in_cue_clause(prev, r):
                continue  # a title inside the cue ('said on CBS's "Face the Nation"'), not a new speaker's
            prev = c

    def _in_cue_clause(self, prev: _Cand, r: Region) -> bool:
        """The region opens inside the clause of the previous quotation's cue verb, after the verb."""
        v = prev.verb
        return v is not None and v.idx < r.open <= v.right_edge.idx + len(v.right_edge)

    def _gap_clear(self, prev: _Cand, r: Region) -> bool:
        """Between two quotations only the first one's attribution (no other clause)."""
        pr = self.regions[prev.region]
        a = pr.close if pr.close is not None else pr.end
        doc = self.doc
        sub = set(range(prev.verb.left_edge.i, prev.verb.right_edge.i + 1)) if prev.verb is not None else set()
        for k in range(self.tok_at(a) + 1, self.tok_at(r.open)):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") and t.i not in sub:
                return False
        return True

    def _ends_para(self, prev: _Cand) -> bool:
        pr = self.regions[prev.region]
        pe = self.paras[pr.para][1]
        tail = self.text[(pr.close if pr.close is not None else pr.end):pe]
        return len(tail.split()) <= 40


def _naming_object(verb):
    """(object, its predicate) after a verb that names or judges its object ('called him "weak"',
    'described the plan as reckless', 'accused him of lying'), else None."""
    if verb.pos_ != "VERB":
        return None
    lem = cues.lemma(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    for c in list(verb.children) + [c for c in obj.children if c.dep_ == "prep" and c.lower_ != "as"]:
        if c.i <= obj.i:
            continue
        if c.dep_ == "oprd" and lem in cues.NAMING_VERBS:
            return obj, c
        if c.dep_ == "prep" and lem in cues.OBJECT_PREDICATES.get(c.lower_, ()) and any(
                g.dep_ in ("pobj", "pcomp") or c.lower_ == "as" and g.pos_ in ("ADJ", "NOUN") for g in c.children):
            return obj, c
    return None


def _that_clause_in_cue(verb):
    """A that-clause hanging off the noun of a cue phrase ("said in a statement that ..."),
    where the parser attached the reported clause to the noun instead of the verb."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for c in pobj.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and c.i > pobj.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return c
    return None


def _to_object(according):
    """The 'to' of 'according to X' and its X (None, None where the parse has no such pair)."""
    to = next((t for t in according.children if t.lower_ == "to"), None)
    pobj = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
    return (to, pobj) if pobj is not None else (None, None)


def _inherit(c: _Cand, src: _Cand) -> None:
    c.mention, c.stype, c.name, c.subj = src.mention, src.stype, src.name, src.subj
    c.inherited, c.kind_of_source = True, src.kind_of_source


def _strip_end(toks: list) -> None:
    """Drop trailing spaces and punctuation from a content's tokens, closing quotation marks kept."""
    while toks and (toks[-1].is_space or toks[-1].is_punct and toks[-1].text not in _MARKS):
        toks.pop()


def _nested(a: _Cand, b: _Cand) -> bool:
    """Whether one is an attribution inside the other's content: its cue word lies in that content
    ('officials said [Kenya accused [Tanzania of blocking ...]]')."""
    return any(x.verb is not None and y.start <= x.verb.idx < y.end and x.start >= y.start and x.end <= y.end
               for x, y in ((a, b), (b, a)))


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    """Drop a candidate whose content overlaps an earlier-kept one by most of its length, unless
    one is an attribution nested in the other's content."""
    kept: list[_Cand] = []
    for c in cands:
        dup = False
        for k in kept:
            ov = min(c.end, k.end) - max(c.start, k.start)
            if ov > 0 and ov >= 0.6 * min(c.end - c.start, k.end - k.start) and not _nested(c, k):
                if k.mention is None and c.mention is not None:
                    kept.remove(k)
                    break
                dup = True
                break
        if not dup:
            kept.append(c)
    return kept


def _trim_end(text: str, start: int, end: int) -> int:
    """Content end without trailing spaces, commas, dashes or stray marks."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-" or text[end - 1] in _MARKS):
        end -= 1
    return end


def _skip_space(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _sentence_like(s: str, strict: bool = True) -> bool:
    """A quoted sentence rather than a title or a scare-quoted phrase."""
    words = [w for w in s.split() if w[:1].isalpha()]
    if not words or not s.lstrip()[:1].isupper() and strict:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps < 0.6 * len(words) or len(words) < 3 and not strict
