"""From an argument token to the actors it stands for.

A noun phrase goes to the actor coder; a coordination ("Russia and China")
gives one actor per conjunct; a first-person pronoun inside a quotation is its
speaker; a third-person pronoun is the nearest earlier actor of the same kind
(a person for he/she, a group or place for they/it) in the same or previous
sentence. A generic head ("the interests of Russia", "countries in Central
Asia") stands for the actor it is about.
"""
from __future__ import annotations

from bisect import bisect_left

from ..link.actors import code_mention, code_name
from .clauses import clause_head, own_subject
from ..model import Actor, Document, Span

FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "it", "its"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Children left out of an argument's noun phrase: they are actors or clauses of their own.
NOT_IN_PHRASE = frozenset({"conj", "cc", "relcl", "acl", "advcl", "prep"})
# Prepositions through which a non-actor head points at its actor.
ABOUT = frozenset({"of", "in", "from"})
# Heads that stand for the actor they are of: "the interests of Russia", "Russia's allies",
# "countries in Central Asia". Event nouns never do ("the poisoning of X" is not X).
RELATIONAL = frozenset({
    "interest", "government", "leadership", "people", "member", "representative", "delegation",
    "ally", "side", "capital", "authority", "force", "regime", "administration", "country", "state",
    "nation", "partner", "neighbour", "neighbor", "official", "envoy", "embassy", "diplomat",
    "leader", "troop", "army", "military", "ministry", "minister", "spokesman", "spokesperson",
    "spokeswoman", "delegate", "envoys", "camp", "faction", "wing", "unit", "fighter", "militant",
    "reserve", "resource", "economy", "market", "infrastructure", "territory", "soil", "airspace",
})
LOOKBACK_CHARS = 600
# Roles that speak or act for a group: "a Hamas spokesman" acts as the Hamas.
SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "delegation",
                        "delegate", "emissary"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _dateline(token) -> bool:
    """A place in capitals before a dash at the head of a paragraph ("PARIS —") says where
    the story was filed, not who acted."""
    doc = token.doc
    if not (token.is_upper and len(token.text) > 1):
        return False
    nxt = token.i + 1
    while nxt < len(doc) and doc[nxt].is_upper and doc[nxt].is_alpha:
        nxt += 1
    return nxt < len(doc) and doc[nxt].text in ("—", "–", "-", "--") and token.i - token.sent.start < 6


class Referents:
    """Resolves argument tokens of one parsed document to actors (cached per token)."""

    def __init__(self, doc: Document, on: str | None) -> None:
        self.doc, self.sdoc, self.on = doc, doc.spacy, on
        self._cache: dict[int, Actor | None] = {}
        self._people = self._people_index()
        self._speakers = self._quote_speakers()
        self._history: list[tuple[int, Actor, bool]] | None = None  # coded on the first pronoun
        self._starts: list[int] = []

    # -- public -----------------------------------------------------------------
    def actors(self, token) -> list[Actor]:
        """The actors ``token`` (a phrase head) stands for, one per conjunct."""
        found = []
        for head in [token, *self._conjuncts(token)]:
            actor = self.actor(head)
            if actor is not None and all(actor.key != a.key for a in found):
                found.append(actor)
        return found

    def actor(self, token) -> Actor | None:
        if token.i not in self._cache:
            self._cache[token.i] = self._resolve(token)
        return self._cache[token.i]

    def in_quote(self, char: int) -> bool:
        return any(span.start <= char < span.end for span, _ in self._speakers)

    # -- resolution -------------------------------------------------------------
    def _resolve(self, token) -> Actor | None:
        low = token.lower_
        if token.pos_ == "PRON" or low in FIRST_PERSON or low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            return self._pronoun(token)
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
        if _dateline(token):
            return None
        actor = code_mention(self._phrase(token), self.on)
        if actor is None and token.ent_type_ in ENTITY_LABELS:
            actor = code_name(token.text, self.on)
        if actor is not None and actor.type == "person":
            actor = self._group_spoken_for(token, actor) or actor
        if actor is not None:
            actor = self._with_person_facts(actor)
            if actor.country is None:
                actor = self._owner_country(token, actor)
            if actor is None:
                return None
            return self._with_span(actor, token)
        if token.lemma_.lower() not in RELATIONAL:
            return None
        # A relational head about an actor: "the interests of Russia", "countries in Central
        # Asia", "the Russian capital", "their delegation".
        children = sorted(token.children, key=lambda c: c.dep_ != "prep")
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ABOUT and (child.lower_ == "of" or token.tag_ == "NNS"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.actor(pobj)
            if child.dep_ == "poss":
                return self.actor(child)
            if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
                found = code_name(child.text, self.on)
                if found is not None and found.country:
                    return self._with_span(found, token)
        return None

    def _group_spoken_for(self, token, actor: Actor) -> Actor | None:
        """The organisation a spokesperson or delegate speaks for ("Hamas spokesman X")."""
        for tok in self._phrase(token):
            if tok.lemma_.lower() not in SPEAKS_FOR:
                continue
            for child in tok.children:
                if child.dep_ in ("compound", "poss", "amod") and child.ent_type_ == "ORG":
                    names = [e.text for e in self.sdoc.ents if e.start <= child.i < e.end] + [child.text]
                    group = next((g for g in (code_name(n, self.on) for n in names) if g is not None), None)
                    if group is not None and group.type != "person" and group.country:
                        return self._with_span(group, token)
        return None

    def _owner_country(self, token, actor: Actor) -> Actor | None:
        """A generic actor ("its embassy", "the militants") takes its owner's country, or is
        dropped: an actor with neither a name nor a country cannot be coded."""
        for child in token.children:
            if child.dep_ == "poss":
                owner = self.actor(child)
                if owner is not None and owner.country:
                    return Actor(owner.name, owner.country, actor.sector or owner.sector,
                                 owner.type if actor.type == "place" else actor.type)
        named = token.pos_ == "PROPN" or token.ent_type_ in ENTITY_LABELS
        return actor if named else None

    def _phrase(self, token):
        """The contiguous noun phrase headed by ``token``: clauses, conjuncts and
        prepositional phrases other than "of" left out, appositives kept."""
        keep, stack = [token], [token]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in NOT_IN_PHRASE and not (child.dep_ == "prep" and child.lower_ == "of"):
                    continue
                keep.append(child)
                stack.append(child)
        left = min(t.i for t in keep)
        right = max(t.i for t in keep)
        return self.sdoc[left:right + 1]

    def _with_span(self, actor: Actor, token) -> Actor:
        if actor.span is None:
            phrase = self._phrase(token)
            actor.span = Span(phrase.start_char, phrase.end_char)
        return actor

    def _conjuncts(self, token) -> list:
        out, stack = [], [token]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                    out.append(child)
                    stack.append(child)
        return out

    # -- pronouns -----------------------------------------------------------------
    def _pronoun(self, token) -> Actor | None:
        low = token.lower_
        if low in FIRST_PERSON:
            for span, speaker in self._speakers:
                if span.start <= token.idx < span.end:
                    return speaker
            return None
        want_person = low in PERSON_PRONOUNS
        if not want_person and low not in GROUP_PRONOUNS:
            return None
        # The subject of the clause this one depends on: "Russia insisted it would not...",
        # or of its own clause for a possessive: "Russia evacuated its embassy".
        subject = self._governing_subject(token)
        if subject is not None:
            actor = self.actor(subject)
            if actor is not None and (actor.type == "person") == want_person:
                return actor
            if actor is None and subject.pos_ != "PRON":
                return None  # "the group vowed that its ...": an antecedent we cannot code
        floor = token.idx - LOOKBACK_CHARS
        fallback = None
        if self._history is None:
            self._history = self._entity_history()
            self._starts = [entry[0] for entry in self._history]
        pos = bisect_left(self._starts, token.idx) - 1
        while pos >= 0 and self._history[pos][0] >= floor:
            _, actor, is_subject = self._history[pos]
            if (actor.type == "person") == want_person:
                if is_subject:
                    return actor
                fallback = fallback or actor
            pos -= 1
        return fallback

    def _governing_subject(self, token):
        """The subject a pronoun most likely points back to, from the parse alone."""
        verb = clause_head(token)
        if token.dep_ == "poss":
            subject = own_subject(verb)
            if subject is not None and subject.i < token.i and token not in list(subject.subtree):
                return subject
        steps = 0
        while verb.dep_ in ("ccomp", "advcl", "xcomp", "conj", "acl") and steps < 4:
            parent = clause_head(verb.head)
            subject = own_subject(parent)
            if subject is not None and subject.i < token.i:
                return subject
            verb, steps = parent, steps + 1
        return None

    def _entity_history(self) -> list[tuple[int, Actor, bool]]:
        """Named actors in document order, and whether each is (part of) a subject."""
        history = []
        for ent in self.sdoc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            actor = code_mention(ent, self.on) or code_name(ent.text, self.on)
            if actor is not None:
                if actor.span is None:
                    actor.span = Span(ent.start_char, ent.end_char)
                root = ent.root
                is_subject = root.dep_ in SUBJECT_DEPS or (
                    root.dep_ in ("compound", "amod", "poss") and root.head.dep_ in SUBJECT_DEPS)
                history.append((ent.start_char, actor, is_subject))
        return history

    def _people_index(self) -> dict:
        """Each person of the document under its name, aliases and surname."""
        index: dict = {}
        for person in self.doc.people:
            if person.type != "person":
                continue
            for name in [person.name, *person.aliases, person.name.split()[-1]]:
                index.setdefault(name.lower(), person)
        return index

    def _quote_speakers(self) -> list[tuple[Span, Actor]]:
        """(quotation content, its speaker as an actor) for first-person pronouns."""
        out = []
        for quote in self.doc.quotes:
            actor = None
            if quote.speaker is not None:
                span = self.sdoc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
                if span is not None and quote.speaker.kind != "pronoun":
                    actor = code_mention(span, self.on)
            if actor is None and quote.speaker_name:
                actor = code_name(quote.speaker_name, self.on)
                if actor is None:
                    actor = Actor(quote.speaker_name, type=quote.speaker_type or "person")
            if actor is not None:
                actor = self._with_person_facts(actor)
                out.append((quote.content, actor))
        return out

    def _with_person_facts(self, actor: Actor) -> Actor:
        """A person the table does not know takes the document's fullest name for them
        ("Petrov" -> the "Ivan Petrov" of the same article) and the country it gives."""
        if actor.type != "person" or actor.country is not None:
            return actor
        person = self._people.get(actor.name.lower())
        if person is None:
            return actor
        known = code_name(person.name, self.on) if person.name != actor.name else None
        if known is not None and known.type == "person" and known.country:
            known.span = actor.span
            return known
        return Actor(person.name, person.country or actor.country, actor.sector, "person", actor.span)
