"""Actors as events code them: a name, a country and a sector, from the tables and the parse.

Two sources agree on most mentions: the table (built from open dictionaries,
with dated roles: "Putin" is ELI in 1995 and GOV in 2021) and the phrase
itself (a title or agent word gives the sector, a demonym, possessive or
metonym the country: "Russia's special representative", "Chinese troops",
"Kremlin envoy"). A phrase is an actor only when its head is one: a name, an
agent word or a known actor; "the situation" or "Russia's interests" are not.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Actor, Span
from .actor_table import Agent, Entry, norm_word, person_entry, state_name, tables, words_of
from .names import TITLES, display_name

# Table types -> Actor.type: a state named as itself is a place acting as its government.
_TYPE = {"state": "place", "people": "group", "place": "place", "region": "place",
         "person": "person", "org": "org", "group": "group"}
_PLACES = frozenset({"state", "people", "place", "person"})  # what gives a modifier's country
# Agent heads that name a body rather than a person ("the ministry", "the army").
_BODIES = frozenset("""
ministry ministries government army police court parliament embassy military navy capital
administration council delegation regime authorities authority cabinet leadership senate
congress assembly office department agency service services group
organization organisation movement media tv television channel newspaper community intelligence
""".split())
# Words that make an unknown capitalised name an organisation, not a person.
_ORG_WORDS = frozenset("""
party front movement organization organisation union group council committee company
corporation agency bank institute foundation news times post press ministry army forces
association alliance league federation network brigade brigades battalion militia
""".split())
_FORMER = frozenset({"former", "ex", "erstwhile", "ousted", "deposed", "exiled"})
# A country in "Russian-banned", "Kremlin-backed", "U.S.-allied" or "anti-Soviet" is not
# the head's own country.
_AGAINST = frozenset({"ban", "banned", "designate", "designated", "sanction", "sanctioned",
                      "blacklist", "blacklisted", "list", "listed", "oppose", "opposed", "target",
                      "targeted", "back", "backed", "fund", "funded", "sponsor", "sponsored", "ally",
                      "allied", "arm", "armed", "train", "trained", "majority", "dominated",
                      "speaking", "inspired", "friendly", "leaning", "aligned"})
_AGAINST_PREFIX = frozenset({"anti", "pro", "non", "post", "pre"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})
_PREPS = frozenset("of on to for in at from with over about against by".split())
_SKIP_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "cc", "punct", "appos", "prep", "case"})
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
_NON = object()  # "a known non-actor" ("the border"): no fallback may code it


@dataclass
class _Word:
    """One word of a phrase with what the coder needs from the parse (or from the text)."""

    text: str
    key: str
    lemma: str = ""
    pos: int = 0  # position, to find contiguous runs
    ti: int = -1  # index of the parse token it comes from
    head: bool = False  # the phrase's head (its root)
    chain: bool = False  # in the root's own name ("Daesh" in "Daesh-K")
    person: bool = False  # inside a personal name
    proper: bool = False  # a proper noun (PROPN in a parse, capitalised in a name as written)
    poss: bool = False  # inside a possessive or "of" modifier ("Putin's spokesman")
    plural: bool = False
    ent: str = ""


@dataclass
class _Match:
    start: int
    end: int
    words: list = field(default_factory=list)
    entry: int | None = None
    agent: Agent | None = None

    def covers(self, w: _Word) -> bool:
        return any(x is w for x in self.words)

    @property
    def key(self) -> str:
        return " ".join(w.key for w in self.words)


def _capitalised(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _scan(words: list[_Word], relaxed: bool = False) -> list[_Match]:
    """Longest matches, left to right, of table names and agent phrases over contiguous
    words; a table name must start with a capital unless ``relaxed``."""
    t = tables()
    longest = max(t.max_words, t.agent_max_words)
    out: list[_Match] = []
    i = 0
    while i < len(words):
        end = i + 1
        while end < len(words) and words[end].pos == words[end - 1].pos + 1:
            end += 1
        best = None
        for n in range(min(longest, end - i), 0, -1):
            chunk = words[i:i + n]
            key = " ".join(w.key for w in chunk)
            if n <= t.max_words and key in t.index and (relaxed or _capitalised(chunk[0].text)):
                best = _Match(i, i + n, chunk, entry=t.index[key])
                break
            if n <= t.agent_max_words:
                agent = t.agents.get(key)
                if agent is None and chunk[-1].lemma and chunk[-1].lemma != chunk[-1].key:
                    agent = t.agents.get(" ".join([w.key for w in chunk[:-1]] + [chunk[-1].lemma]))
                if agent is not None:
                    best = _Match(i, i + n, chunk, agent=agent)
                    break
        if best is None:
            i += 1
        else:
            out.append(best)
            i = best.end
    return out


def _entry(m: _Match) -> Entry:
    return tables().entries[m.entry]


def _agent_sector(agents: list[_Match], head_words: list[_Word]) -> str | None:
    """The phrase's sector: the head's agent unless it is a generic role word and a
    modifier is more specific ("army spokesman" is MIL, "government troops" MIL)."""
    head = [m for m in agents if any(m.covers(w) for w in head_words)]
    others = [m for m in agents if m not in head and m.agent.sector]
    if head and head[-1].agent.sector and not head[-1].agent.role:
        return head[-1].agent.sector
    strong = [m for m in others if not m.agent.role]
    if strong:
        return strong[-1].agent.sector
    if head and head[-1].agent.sector:
        return head[-1].agent.sector
    return others[-1].agent.sector if others else None


def _decide(words: list[_Word], on: str | None, relaxed: bool = False, span: Span | None = None):
    """The actor a phrase names (an Actor), None, or _NON for a known non-actor."""
    if not words:
        return None
    t = tables()
    matches = _scan(words, relaxed)
    has_place = any(m.entry is not None and (_entry(m).type in ("state", "people", "place")
                                             or any(w.poss for w in m.words)) for m in matches)
    kept = []
    for m in matches:
        if m.entry is not None:
            e = _entry(m)
            # Inside a personal name only a table person counts ("Vladimir" the region does not),
            # and only if it spans the whole name ("Abdullah" is not "Abdullah Abdullah").
            if all(w.person for w in m.words):
                if e.type in ("state", "people", "place", "region"):
                    continue
                rest = [w for w in words if w.person and not w.poss and not m.covers(w) and w.key not in TITLES
                        and w.ent == m.words[0].ent]
                if rest and not any(w.poss for w in m.words):
                    continue
            # A generic body name ("Security Council") with a country in the phrase is that
            # country's body: code it as the agent phrase it also is.
            if e.type in ("org", "group") and m.key in t.agents and has_place:
                m = _Match(m.start, m.end, m.words, agent=t.agents[m.key])
        elif all(w.person for w in m.words):
            continue
        kept.append(m)
    matches = kept
    head_words = [w for w in words if w.head]
    # The head is the root; a body named in the root's own name counts too ("Daesh" in
    # "Daesh-K"), a country in it does not ("Russian" in "Russian Council for ...").
    at_head = [m for m in matches if any(m.covers(w) for w in head_words) or (
        m.entry is not None and _entry(m).type in ("org", "group") and any(m.covers(w) for w in words if w.chain))]
    if any(m.agent is not None and m.agent.non_actor for m in at_head):
        return _NON
    agents = [m for m in matches if m.agent is not None and not m.agent.non_actor]
    entries = [m for m in matches if m.entry is not None]
    sector = _agent_sector(agents, head_words)
    head_agent = next((m for m in at_head if m.agent is not None), None)
    head_entry = next((m for m in at_head if m.entry is not None), None)
    former = any(w.key in _FORMER for w in words)
    plural = any(w.plural for w in head_words)
    people = [m for m in entries if _entry(m).type == "person" and not any(w.poss for w in m.words)]
    modifiers = [m for m in entries if m not in people]
    orgs = [m for m in modifiers if _entry(m).type in ("org", "group")]
    places = [m for m in modifiers if _entry(m).type in _PLACES]
    covered = {id(w) for m in matches for w in m.words}
    name_words = [w for w in words if w.person and not w.poss and id(w) not in covered and w.key not in TITLES]
    # A name other than the head (an appositive) names the phrase only when its head is a
    # role ("the ambassador, Ivan Petrov"), not when it is "calls" or "a fellow".
    names_head = head_agent is not None or any(w.head for w in name_words)
    if people and not (names_head or any(m is head_entry for m in people)):
        people = []
    if name_words and not names_head:
        name_words = []

    def country_of(ms: list[_Match]) -> str | None:
        for m in ms:
            country = _entry(m).role_on(on)[0]
            if country:
                return country
        return None

    if name_words and not people:  # spelt another way than the table ("Nikolai" for "Nikolay")
        i = person_entry(" ".join(w.text for w in name_words))
        if i is not None:
            people = [_Match(0, 0, name_words, entry=i)]
            name_words = []
    if people:  # a person the table knows: its dated role, the text's title for the sector
        e = _entry(people[-1])
        country, table_sector = e.role_on(on)
        country = country or country_of(places) or country_of(orgs)
        return Actor(e.name, country, "ELI" if former else (sector or table_sector), "person", span)
    if name_words and head_entry is None:  # a name the table does not know
        name = display_name(" ".join(w.text for w in name_words))
        ent = name_words[-1].ent
        if any(w.key in _ORG_WORDS for w in name_words) or ent in ("ORG", "NORP"):
            type_ = "org"
        elif ent in ("GPE", "LOC", "FAC"):
            type_ = "place"
        else:
            type_ = "person"
        if orgs:  # "Hamas spokesman Ali Karimi" speaks for the Hamas
            country, org_sector = _entry(orgs[-1]).role_on(on)
            return Actor(name, country, org_sector or sector, type_, span)
        if former and sector and type_ == "person":
            sector = "ELI"
        return Actor(name, country_of(places), sector, type_, span)
    if head_entry is not None:  # the head is a known organisation, state, people or place
        e = _entry(head_entry)
        country, table_sector = e.role_on(on)
        if e.type in ("org", "group"):
            return Actor(e.name, country, table_sector or sector, _TYPE[e.type], span)
        if e.type == "state":
            return Actor(e.name, country, table_sector, "place", span)
        if e.type == "people":
            return Actor(e.name, country, sector, "group", span)
        return Actor(e.name, country, sector or table_sector, "place", span)
    if head_agent is None:
        return None
    # The head is an agent word: "Russian officials", "Hamas militants", "the rebels".
    first = head_agent.start
    while first > 0 and words[first - 1].proper and id(words[first - 1]) not in covered \
            and words[first - 1].key not in TITLES and not words[first - 1].poss \
            and words[first - 1].pos == words[first].pos - 1:
        first -= 1
    if first < head_agent.start:  # "Acme Corporation", "Zorbian Liberation Army": a named body
        name = " ".join(w.text for w in words[first:head_agent.end])
        return Actor(name, country_of(places) or country_of(orgs), sector, "org", span)
    head_key = head_words[-1].lemma or head_words[-1].key
    type_ = "org" if head_key in _BODIES or head_words[-1].key in _BODIES else "group" if plural else "person"
    if orgs:
        e = _entry(orgs[-1])
        country, org_sector = e.role_on(on)
        return Actor(e.name, country, org_sector or sector, _TYPE[e.type], span)
    if former and sector and type_ == "person":
        sector = "ELI"
    country = country_of(places)
    if country:
        return Actor(state_name(country) or country, country, sector, type_, span)
    fallback = next((m.agent.country for m in agents if m.agent.country), None)
    if fallback:
        return Actor(fallback, fallback, sector, type_, span)
    specific = [m for m in agents if m is not head_agent and m.agent.sector and not m.agent.role]
    office = not plural and head_agent.key in TITLES  # "the president": one person, unknown
    if not sector or ((head_agent.agent.role or office) and not specific):
        return None  # "the spokesman", "officials": who they are is for coreference
    first = min([head_agent] + specific, key=lambda m: m.start).start
    return Actor(" ".join(w.text for w in words[first:head_agent.end]).lower(), None, sector, type_, span)


# ---------------------------------------------------------------- names as written


def code_name(text: str, on: str | None = None) -> Actor | None:
    """The actor a name as written stands for ("Russia", "the Kremlin", "Vladimir Putin",
    "U.N.", "Hamas militants"), its country and sector on the day ``on`` (YYYY-MM-DD;
    None: the current or undated role). None when the text names no actor."""
    relaxed = text.islower() and len(text.strip()) > 3  # "hamas" typed as a filter; never "us"
    kept = []
    for chunk in text.split():
        parts = [p.lower() for p in chunk.split("-") if p]
        if len(parts) > 1 and (parts[0] in _AGAINST_PREFIX or norm_word(parts[-1]) in _AGAINST):
            continue  # "anti-Western", "Kremlin-backed": not the head's own country
        kept.append(chunk)
    raw = words_of(" ".join(kept))
    while len(raw) > 1 and raw[0].lower() in _DETERMINERS:
        raw = raw[1:]
    words = []
    for i, r in enumerate(raw):
        key = norm_word(r)
        if key:
            words.append(_Word(r, key, pos=i, proper=_capitalised(r), poss=r.endswith(("'s", "’s")),
                               plural=key.endswith("s") and not key.endswith("ss")))
    if not words:
        return None
    # The head is the last word before a preposition ("Minister of Foreign Affairs"); an
    # "of" phrase still describes it ("... of Russia"), other phrases do not.
    t = tables()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.text in _PREPS), len(words))
    if " ".join(w.key for w in words) in t.index and (relaxed or _capitalised(words[0].text)):
        cut = len(words)  # the whole text is a known name
    core = words[:cut]
    core[-1].head = True
    _mark_name(core, relaxed)
    tail, keep = [], False
    for w in words[cut:]:
        if w.text in _PREPS:
            keep = w.text == "of"
        elif keep:
            w.poss = True
            tail.append(w)
    actor = _decide(core + tail, on, relaxed)
    return None if actor is _NON else actor


def _mark_name(words: list[_Word], relaxed: bool) -> None:
    """Capitalised words ending at the head form a personal name when one of them is
    known to no table (a city's name may be a given name: "Vladimir Vanetik")."""
    if relaxed or not _capitalised(words[-1].text):
        return
    t = tables()
    known = {id(w) for m in _scan(words) for w in m.words
             if m.agent is not None or t.entries[m.entry].type != "place"}
    if id(words[-1]) in known and not any(
            m.entry is not None and t.entries[m.entry].type == "person" for m in _scan(words)):
        return
    run = []
    for w in reversed(words):
        if not _capitalised(w.text) or not w.key.isalpha() or w.key in TITLES or w.key in _DETERMINERS or w.poss:
            break
        if id(w) in known and not any(m.entry is not None and t.entries[m.entry].type == "person"
                                      and m.covers(w) for m in _scan(words)):
            break
        run.append(w)
    placed = {id(w) for m in _scan(run[::-1]) for w in m.words}
    if len(run) == 1 and len(run[0].key) < 2:
        return
    if len(run) == 1 and len(words) >= 2 and words[-2] is not run[0]:
        before = words[-2]
        alone = [m for m in _scan([before]) if m.entry is not None and t.entries[m.entry].type == "state"]
        if alone and _capitalised(before.text) and not before.poss and words[-1] is run[0]:
            run.append(before)  # "Chad Smith", "Jordan Peterson": a country's name as a given name
    if run and any(id(w) not in placed for w in run) or any(
            m.entry is not None and t.entries[m.entry].type == "person" for m in _scan(run[::-1])):
        for w in run:
            w.person = True


# ---------------------------------------------------------------- phrases of a parse


def code_mention(span, on: str | None = None) -> Actor | None:
    """The actor a noun phrase of the parse names, or None when it names none.

    Uses the parse: the phrase's head, its compounds, possessive, adjectival and
    "of" modifiers, and its appositive ("Russia's special representative on
    Syria, Pavel Orlov" is Pavel Orlov, RUS GOV); other prepositional
    phrases ("on Afghanistan", "to the UN") do not give the country.
    """
    root = span.root
    if root.pos_ == "PRON" or root.ent_type_ in _NOT_ACTOR_ENTS or root.like_num:
        return None
    tokens: dict[int, tuple] = {}  # token index -> (token, in a possessive or "of" modifier)
    _collect(root, tokens, poss=False)
    for tok in _appositives(root):
        _collect(tok, tokens, poss=False)
    for tok in _trailing_person(root):
        tokens.setdefault(tok.i, (tok, False))
    if root.dep_ == "appos":  # "..., Pavel Orlov," is described by the phrase it renames
        described = root.head
        if described.dep_ == "pobj" and described.head.dep_ == "prep":
            described = described.head.head  # "the ambassador to Kabul, Ivan Petrov"
        _collect(described, tokens, poss=False)
    chain = _head_ids(root)
    doc = root.doc
    words: list[_Word] = []
    pos, last = 0, None
    for i in sorted(tokens):
        tok, poss = tokens[i]
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _AGAINST_PREFIX:
            continue  # "anti-Soviet"
        if tok.dep_ == "det" and tok.lower_ in _DETERMINERS:
            continue
        parts = [p for p in tok.text.split("-") if p] if "-" in tok.text[1:-1] else [tok.text]
        if len(parts) > 1 and (parts[0].lower() in _AGAINST_PREFIX or parts[-1].lower() in _AGAINST):
            continue  # "anti-Soviet", "Russian-banned" as one token
        # Words joined by a hyphen token stay one phrase ("secretary - general").
        joined = last is not None and (i == last + 1 or (i == last + 2 and doc[i - 1].text in ("-", "‐")))
        pos += 1 if joined else 2
        last = i
        for k, part in enumerate(parts):
            key = norm_word(part)
            if not key:
                continue
            whole = len(parts) == 1
            words.append(_Word(
                part, key, lemma=norm_word(tok.lemma_) if whole else key, pos=pos + k, ti=tok.i,
                head=tok.i == root.i, chain=tok.i in chain and tok.i != root.i,
                person=tok.lower_ not in TITLES and (tok.ent_type_ == "PERSON" or (
                    tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ in ("compound", "flat")
                    and tok.head.ent_type_ == "PERSON")),  # "Ana" when NER took only "Souza"
                proper=tok.pos_ == "PROPN" or (not whole and _capitalised(part)),
                poss=poss, plural=tok.tag_ in ("NNS", "NNPS") and k == len(parts) - 1, ent=tok.ent_type_,
            ))
        pos += len(parts) - 1
    # A multi-word proper name NER missed: a person's, unless a word says it is a body.
    named = [w for w in words if w.ti in chain]
    unnamed = root.pos_ == "PROPN" and not root.ent_type_ and len(named) >= 2 \
        and all(_capitalised(w.text) for w in named)
    t = tables()
    body = any(w.key in t.agents or w.key in _ORG_WORDS for w in named)
    if unnamed and not body:
        for w in named:
            w.person = w.key not in TITLES
    where = Span(span.start_char, span.end_char)
    actor = _decide(words, on, span=where)
    if actor is _NON:
        return None
    if actor is None and root.pos_ == "PROPN" and root.ent_type_ in ("ORG", "NORP", "GPE", "LOC", "FAC"):
        actor = _unknown_entity(root, words, on, where)
    if actor is None and unnamed and body:  # "the Islamic Emirate"
        actor = Actor(" ".join(w.text for w in named), None, None, "org", where)
    return actor


def _unknown_entity(root, words: list[_Word], on: str | None, span: Span) -> Actor | None:
    """An organisation or place the tables do not know, named by NER: its own name,
    with a country and sector when the rest of the phrase gives them."""
    ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    if ent is None:
        return None
    inside = range(ent.start, ent.end)
    rest = [w for w in words if w.pos not in inside]
    country = None
    matches = _scan(rest)
    for m in matches:
        if m.entry is not None and _entry(m).type in _PLACES:
            country = country or _entry(m).role_on(on)[0]
    sector = _agent_sector([m for m in matches if m.agent is not None and not m.agent.non_actor], [])
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return Actor(name, country, sector, "place" if ent.label_ in ("GPE", "LOC", "FAC") else "org", span)


def _collect(tok, out: dict, poss: bool) -> None:
    """The token and the modifiers that describe it: not clauses, conjuncts, or
    prepositional phrases other than "of" (whose object is marked like a possessive)."""
    out.setdefault(tok.i, (tok, poss))
    for child in tok.children:
        dep = child.dep_
        if dep == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    _collect(obj, out, True)
            continue
        if dep in _SKIP_DEPS:
            continue
        if dep in ("amod", "npadvmod", "advmod", "nmod", "compound") and child.lemma_.lower() in _AGAINST:
            continue  # "a Russian-banned organisation" is not Russian
        _collect(child, out, poss or dep == "poss")


def _appositives(root) -> list:
    """Appositives of the head, and a name the parser hung on the object of the head's
    own prepositional phrase ("the ambassador to Kabul, Ivan Petrov")."""
    out = [c for c in root.children if c.dep_ == "appos"]
    for prep in (c for c in root.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            out += [c for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return out


def _trailing_person(root) -> list:
    """A name the parser put inside the head's prepositional phrase: in "envoy on
    Syria Pavel Orlov" the object's compound chain ends in a person."""
    out = []
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ != "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            chain = sorted([c for c in obj.children if c.dep_ == "compound"] + [obj], key=lambda t: t.i)
            if obj.ent_type_ == "PERSON" and chain[0].ent_type_ != "PERSON":
                out += [t for t in chain if t.ent_type_ == "PERSON"]
    return out


def _head_ids(root) -> set[int]:
    """The root, plus the rest of the name it ends ("Angela Merkel", "United Nations")."""
    ids = {root.i}
    if root.ent_type_:
        ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
        if ent is not None:
            ids |= set(range(ent.start, ent.end))
    for c in root.children:
        if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.ent_type_ == root.ent_type_:
            ids.add(c.i)
    return ids


def actor_key(actor: Actor) -> str:
    """What makes two actors the same actor across documents (``Actor.key``)."""
    return actor.key
