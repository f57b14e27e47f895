"""Event triggers: which word of a clause reports which PLOVER event.

One question per token: does this verb or noun report an event, and of what
PLOVER type, mode and context? The answer is a lookup in two committed tables
(data/event_verbs.tsv, data/event_nouns.tsv, built by
scripts/build_event_lexicon.py), keyed on the lemma plus the cue words the
parse puts around it: a particle ("pull out"), an object ("impose
sanctions"), a preposition and its object ("spoke by phone") or, for nouns, a
modifier ("phone call", "joint exercises"). The most specific cue wins.

Light verbs ("hold talks", "made a visit", "carried out strikes") carry no
event of their own: the object noun decides, and the trigger points at the
noun with the verb as its support. Speech verbs, copulas and auxiliaries are
never triggers; the extractor handles speech, negation and modality itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Verbs whose object noun names the event. "carry" counts only with "out".
LIGHT_VERBS = frozenset("""hold make conduct carry have give offer express sign reach launch stage pay
mount voice extend issue undertake perform begin start resume""".split())

# Verbs that report speech and nothing else: never a trigger, whatever the cue.
PURE_SPEECH = frozenset("""say tell note state remark comment mention reply respond write explain stress
emphasise emphasize reiterate repeat quote tweet post""".split())

COPULAS = frozenset("be become seem remain appear look feel sound".split())

# Nouns that count a following "of" phrase: "a round of talks", "a series of strikes".
QUANTIFIERS = frozenset("round series number wave spate string set couple lot batch".split())

# Types an offer turns into a promise (PLOVER: offers of future cooperation are AGREE).
_OFFERED = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})

_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr"})
_ACTOR_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
_NOT_EVENT_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "MONEY", "CARDINAL", "PERCENT"})
# Light verbs that support only some event types: "had talks", not "has the best offers".
LIGHT_TYPES = {"have": frozenset({"CONSULT"})}
_NOUN_MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})
BLOCK = "-"

Entry = tuple[str, "str | None", tuple[str, ...]]


@dataclass(frozen=True)
class Trigger:
    """A word that reports an event, with its PLOVER coding.

    ``token`` is the index of the trigger in the spaCy doc (the noun for a
    noun trigger); ``light`` is the index of the support verb of a noun
    trigger ("hold" in "hold talks"), or None.
    """
    type: str
    mode: str | None
    context: tuple[str, ...]
    kind: str  # "verb" | "noun"
    token: int
    light: int | None = None


def _read(name: str):
    text = resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, dict[str, Entry | None]], dict[str, dict[str, tuple[int, Entry | None]]]]:
    """(verbs, nouns): lemma -> cue -> entry ('' is the bare word; None blocks).

    Noun entries carry their row number: when several modifiers match, the
    earlier row wins.
    """
    verbs: dict[str, dict[str, Entry | None]] = {}
    for verb, cue, type_, mode, context, *_ in _read("event_verbs.tsv"):
        verbs.setdefault(verb, {})[cue] = _entry(type_, mode, context)
    nouns: dict[str, dict[str, tuple[int, Entry | None]]] = {}
    for rank, (noun, cue, type_, mode, context, *_) in enumerate(_read("event_nouns.tsv")):
        nouns.setdefault(noun, {}).setdefault(cue, (rank, _entry(type_, mode, context)))
    return verbs, nouns


def _entry(type_: str, mode: str, context: str) -> Entry | None:
    if type_ == BLOCK:
        return None
    return type_, mode or None, tuple(c for c in context.split(";") if c)


# Closed compounds that name a kind of their last part: "watchlist" and "blacklist" are lists.
COMPOUND_HEADS = ("list",)


def _forms(tok) -> tuple[str, ...]:
    """Lemma and lower-case form (both, when they differ): tables hold lemmas, spaCy's may vary.
    A closed compound also gives its head ("watchlist" -> "list")."""
    lem, low = tok.lemma_.lower(), tok.lower_
    forms = (lem,) if lem == low else (lem, low)
    for tail in COMPOUND_HEADS:
        if lem.endswith(tail) and len(lem) > len(tail) + 2 and tail not in forms:
            forms += (tail,)
    return forms


# ---------------------------------------------------------------- verbs

def trigger_for(token) -> Trigger | None:
    """The event trigger ``token`` (a spaCy Token) is, or None."""
    pos = token.pos_
    if pos == "VERB" or (pos == "AUX" and token.dep_ not in ("aux", "auxpass")):
        return _verb_trigger(token)[0]
    if pos in ("NOUN", "PROPN"):
        return _noun_trigger(token)
    return None


def _verb_lemma(verb) -> str:
    """spaCy's lemma, mended where its rules drop a final e ("staged" -> "stag")."""
    lem = verb.lemma_.lower()
    if lem in LIGHT_VERBS or lem in tables()[0] or not verb.lower_.endswith(("ed", "ing", "es")):
        return lem
    mended = lem + "e"
    return mended if mended in LIGHT_VERBS or mended in tables()[0] else lem


def _is_light(verb) -> bool:
    lem = _verb_lemma(verb)
    if lem == "carry":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lem in LIGHT_VERBS


def _objects(verb) -> list:
    """Objects of a verb: direct object, predicate noun, the subject of a passive, and the
    noun a participle modifies ("the interview released on Monday")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    objs = [c for c in verb.children if c.dep_ in _OBJECT_DEPS or (passive and c.dep_ == "nsubjpass")]
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        objs.append(verb.head)
    return objs


def _verb_trigger(verb) -> tuple[Trigger | None, int | None]:
    """(trigger, index of the cue noun it consumed or None)."""
    if verb.dep_ in ("aux", "auxpass") or verb.tag_ == "MD":
        return None, None
    if verb.dep_ == "amod" and not any(c.dep_ == "npadvmod" and c.ent_type_ in _ACTOR_ENTS
                                       for c in verb.children):
        return None, None  # "well-armed guys" describes; "Russian-banned group" still reports
    lem = _verb_lemma(verb)
    if lem in COPULAS or lem in PURE_SPEECH:
        return None, None
    verbs, _ = tables()
    if _is_light(verb):
        trig = _light_trigger(verb, verbs.get(lem, {}))
        if trig is not None or any(True for _ in _event_objects(verb)):
            return trig, (trig.token if trig else None)
    row = verbs.get(lem)
    if not row:
        return None, None
    prts = [c for c in verb.children if c.dep_ == "prt"]
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent")]
    objs = _objects(verb)
    # most specific first: particle + object, preposition + object, object, particle, preposition
    candidates: list[tuple[str, int | None]] = []
    for p in prts:
        for o in objs:
            candidates += [(f"{p.lower_} {f}", o.i) for f in _forms(o)]
    for p in preps:
        for o in p.children:
            if o.dep_ == "pobj":
                candidates += [(f"{p.lower_} {f}", o.i) for f in _forms(o)]
    for o in objs:
        candidates += [(f, o.i) for f in _forms(o)]
    candidates += [(p.lower_, None) for p in prts]
    candidates += [(p.lower_, None) for p in preps if not _timely(p)]
    for cue, used in candidates:
        if cue in row:
            entry = row[cue]
            if entry is None:
                return None, None
            if used is not None:
                entry = _refine(entry, verb.doc[used])
            return Trigger(entry[0], entry[1], entry[2], "verb", verb.i), used
    if prts or "" not in row or row[""] is None:  # a phrasal verb is not its bare verb
        return None, None
    if lem == "call" and not _plain_call(verb):
        return None, None
    entry = row[""]
    return Trigger(entry[0], entry[1], entry[2], "verb", verb.i), None


def _refine(entry: Entry, noun) -> Entry:
    """A verb+noun entry made as precise as the noun's own ("went on hunger strike")."""
    own = _noun_entry(noun)
    if own is None or own[0] != entry[0] or not own[1]:
        return entry
    return entry[0], own[1], tuple(dict.fromkeys(entry[2] + own[2]))


def _timely(prep) -> bool:
    """'on Tuesday', 'in July': a time phrase, which never makes 'call on' or 'meet at'."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def _plain_call(verb) -> bool:
    """'Putin called Khan' (a phone call), not 'called it a mistake' or 'a group called X'."""
    if verb.dep_ in ("amod", "acl") or any(c.dep_ in ("oprd", "ccomp", "xcomp", "auxpass", "acomp")
                                           for c in verb.children):
        return False
    return any(c.dep_ == "dobj" for c in verb.children)


def _event_objects(verb):
    """The object nouns of a light verb, through "a round of" quantifiers."""
    for o in _objects(verb):
        if o.pos_ not in ("NOUN", "PROPN"):
            continue
        if o.lemma_.lower() in QUANTIFIERS:
            inner = [g for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"]
            if inner:
                yield inner[0]
                continue
        yield o


def _light_trigger(verb, row: dict[str, Entry | None]) -> Trigger | None:
    """The trigger of a light verb: its object noun's event, the verb as support."""
    for noun in _event_objects(verb):
        entry = next((row[f] for f in _forms(noun) if f in row), None)  # "sign|agreement"
        if entry is None:
            entry = _noun_entry(noun, verb)
        if entry is None:
            continue
        type_, mode, context = entry
        lem = _verb_lemma(verb)
        if lem in LIGHT_TYPES and type_ not in LIGHT_TYPES[lem]:
            continue
        if lem == "offer" and type_ in _OFFERED:
            type_, mode = "AGREE", None
        return Trigger(type_, mode, context, "noun", noun.i, verb.i)
    return None


# ---------------------------------------------------------------- nouns

def _light_of(noun):
    """The light verb ``noun`` is the object of (directly or through a quantifier), or None."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" \
            and head.head.lemma_.lower() in QUANTIFIERS:
        noun, head = head.head, head.head.head
    if head is noun or head.pos_ not in ("VERB", "AUX"):
        return None
    if noun.dep_ in _OBJECT_DEPS or noun.dep_ == "nsubjpass":
        return head if _is_light(head) else None
    return None


def _noun_entry(noun, light=None) -> Entry | None:
    """The noun table's entry for ``noun``, honouring its modifiers and prepositions
    (and those of its light verb: "held exercises with X")."""
    _, nouns = tables()
    row = next((nouns[f] for f in _forms(noun) if f in nouns), None)
    if row is None:
        return None
    cues: list[str] = []
    for c in noun.children:
        if c.dep_ in _NOUN_MOD_DEPS:
            cues += _forms(c)
    for holder in (noun, light) if light is not None else (noun,):
        for p in holder.children:
            if p.dep_ == "prep":
                cues.append(p.lower_)
                cues += [f"{p.lower_} {f}" for g in p.children if g.dep_ == "pobj" for f in _forms(g)]
    best = min((row[c] for c in cues if c in row), default=None, key=lambda hit: hit[0])
    if best is None:
        best = row.get("")
    return best[1] if best else None


def _noun_trigger(noun) -> Trigger | None:
    if noun.dep_ == "compound" or noun.ent_type_ in _NOT_EVENT_ENTS:
        return None  # "talks venue": the modifier is not the event; "in March": a date
    _, nouns = tables()
    if not any(f in nouns for f in _forms(noun)):
        return None
    light = _light_of(noun)
    if light is not None:
        trig = _light_trigger(light, tables()[0].get(_verb_lemma(light), {}))
        return trig if trig is not None and trig.token == noun.i else None
    entry = _noun_entry(noun)
    if entry is None:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    if head is not noun and head.pos_ in ("VERB", "AUX"):
        trig, used = _verb_trigger(head)
        # "impose sanctions" is one event, told by the verb; "condemned the attack" is two
        if trig is not None and used == noun.i and trig.type == entry[0]:
            return trig
    return Trigger(entry[0], entry[1], entry[2], "noun", noun.i)
