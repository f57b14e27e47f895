"""Reporting-verb lexicon and cue detection over the spaCy parse.

Why lemmas and not surface strings: the same rule must catch "said", "says",
"saying", and machine-spun substitutes ("mentioned", "instructed X" for "told
X", "remarked"), so the lexicon is of lemmas, and the role each verb plays
(does its object carry the content? does it take an addressee?) is data here,
not branches in the quote finder.
"""
from __future__ import annotations

# Verbs whose clausal complement (ccomp) or quoted complement is reported speech.
SPEECH_VERBS = frozenset("""
say tell add note warn stress claim argue insist explain write tweet post declare announce state
hint suggest emphasise emphasize underline underscore highlight postulate acknowledge admit reveal
confirm deny joke mention remark comment observe assert maintain contend predict caution complain
concede recall reply respond answer ask urge vow pledge promise threaten boast lament reiterate
repeat allege agree disagree affirm proclaim recount report retort quip muse conclude indicate
signal blog posit opine remind assure inform instruct advise brief notify reckon estimate forecast
specify clarify elaborate cry shout exclaim whisper mutter demand
protest counter stipulate speculate theorize theorise hypothesize hypothesise
""".split())

# Verbs whose direct object is itself the reported content ("stressed the need for calm").
OBJECT_CONTENT_VERBS = frozenset("""
stress emphasise emphasize highlight underline underscore reiterate declare announce confirm deny
acknowledge admit reveal note mention postulate predict
""".split())

# Verbs that name an addressee as object ("told the agency", "instructed CBS").
ADDRESSEE_VERBS = frozenset("tell instruct inform assure warn remind advise brief notify".split())

# Verbs that attach a quotation as a naming complement: X called Y "a partner".
NAMING_VERBS = frozenset("call dub term label brand designate".split())

# Verbs that say what their object is or did, with the preposition that carries it: "described the
# plan as reckless", "accused him of lying", "blamed the mayor for the delay" (mined from the cues of
# PolNeAR train's attributions; the object and what follows are the content).
OBJECT_PREDICATES = {
    "as": frozenset("describe portray characterize cast paint depict dismiss brand label hail tout deride "
                    "denounce criticize praise mock".split()),
    "of": frozenset("accuse".split()),
    "for": frozenset("blame fault criticize praise".split()),
    "with": frozenset("charge credit".split()),
}

# Documents that report what the clause after them says ('In a new poll, ...', 'In the filing, ...').
REPORTING_DOCUMENTS = frozenset("""poll survey study report statement analysis memo letter filing speech editorial
column op-ed essay post tweet video ad book article email e-mail document transcript testimony complaint lawsuit
ruling opinion release""".split())

# Verbs of belief whose clause annotators attribute to the believer ('his aides believe they can win').
BELIEF_VERBS = frozenset("think believe hope fear doubt suspect feel expect worry".split())

# Verbs by which a document reports ('records show', 'the study found'), and records that do.
EVIDENCE_VERBS = frozenset("show find demonstrate project".split())
RECORDS = frozenset("record filing data figure document disclosure number result tally count estimate".split())

# Phrasal forms: (verb lemma, particle/preposition) that report speech.
PHRASAL = frozenset({("talk", "about"), ("point", "out"), ("speak", "about"), ("go", "on"), ("write", "in")})

# Prepositions whose phrase belongs to the cue ("wrote on her blog", "said in a statement").
CUE_PREPS = frozenset("on in to via through at during with for".split())

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def lemma(tok) -> str:
    return tok.lemma_.lower()


def is_cue_verb(tok, naming: bool = False) -> bool:
    """A verb token from the reporting lexicon (or a naming verb when ``naming``)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD":
        return False
    lem = lemma(tok)
    if lem in SPEECH_VERBS or (naming and lem in NAMING_VERBS):
        return True
    return any((lem, c.lower_) in PHRASAL for c in tok.children if c.dep_ in ("prt", "prep"))


def is_infinitival(tok) -> bool:
    """'to underline its pledge': a purpose clause, not a report."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def usable(tok) -> bool:
    """A cue verb that reports: not a purpose infinitive, not a modal prediction."""
    return not is_infinitival(tok) and not has_modal(tok)


def has_modal(tok) -> bool:
    """'the firm will announce ...': a prediction, not a report."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def subject_of(verb, exclude: tuple[int, int] | None = None):
    """The grammatical subject of ``verb`` (the one nearest the verb, outside the char
    range ``exclude``), climbing conj/advcl/xcomp for subject-less participles
    ("..., noting that"), or None."""
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    tok, hops = verb, 0
    while tok is not None and hops < 4:
        subs = [c for c in tok.children if c.dep_ in SUBJECT_DEPS
                and not (exclude is not None and exclude[0] <= c.idx < exclude[1])]
        if subs:
            return min(subs, key=lambda c: abs(c.i - tok.i))
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
            if tok.dep_ == "advcl" and tok.tag_ not in ("VBG",):
                return None
            tok = tok.head
            hops += 1
            continue
        return None
    return None


def _inverted_subject(verb):
    """'Said Ellis: "..."': a sentence-opening reporting verb followed by the speaker's name,
    which the parser reads as a compound or an object of the verb."""
    if not verb.text[:1].isupper() or not (verb.is_sent_start or verb.i == 0 or verb.nbor(-1).is_punct
                                           or verb.nbor(-1).is_space):
        return None
    doc, k = verb.doc, verb.i + 1
    while k < len(doc) and k - verb.i <= 4 and doc[k].pos_ == "PROPN":
        k += 1
    if k == verb.i + 1 or k >= len(doc) or doc[k].text not in (":", ","):
        return None
    last = doc[k - 1]
    if last.head.i == verb.i or (verb.dep_ == "compound" and verb.head.i == last.i):
        return last
    return None


def cue_span(verb, stop_after: int | None = None) -> tuple[int, int]:
    """Character span of the reporting phrase around ``verb``: the verb, its particle,
    its addressee object and cue prepositions ("told the local radio station",
    "wrote on her blog"), never reaching into the content that starts at ``stop_after``."""
    start, end = verb.idx, verb.idx + len(verb.text)
    lem = lemma(verb)
    for c in verb.children:
        if c.i < verb.i:
            if c.dep_ == "neg" and c.i == verb.i - 1:
                start = c.idx
            continue
        ok = c.dep_ in ("prt", "dative") or (c.dep_ == "dobj" and lem in ADDRESSEE_VERBS) or (
            c.dep_ == "prep" and c.lower_ in CUE_PREPS and any(g.dep_ == "pobj" for g in c.children)
        ) or (c.dep_ == "prep" and (lem, c.lower_) in PHRASAL)
        if not ok:
            continue
        sub = [t for t in c.subtree if stop_after is None or t.idx + len(t.text) <= stop_after]
        while sub and (sub[-1].is_punct or sub[-1].is_space or sub[-1].lower_ == "that"):
            sub.pop()
        if not sub or sub[0].i != c.left_edge.i:
            continue
        e = sub[-1].idx + len(sub[-1].text)
        if any(not t.is_space for t in verb.doc[verb.i + 1:c.left_edge.i] if t.idx >= end):
            continue  # keep the cue contiguous
        end = max(end, e)
    return start, end
