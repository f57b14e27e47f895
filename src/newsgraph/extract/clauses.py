"""Clause structure over a spaCy parse: where a clause ends, who its subject is.

An event's actor must come from the event's own clause, and its date from a
time expression of that clause. These helpers walk the dependency tree so the
extractor never stitches a subject from one clause to a verb of another,
except along the links grammar itself shares a subject over (coordinated verbs,
control verbs like "pledged to", purpose clauses).
"""
from __future__ import annotations

# Children that open a clause of their own: never part of the parent's clause.
CLAUSAL = frozenset({"conj", "ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp", "csubj", "csubjpass"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Links over which a verb without a subject of its own shares its head's subject.
SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl"})


# Verbs whose object, not subject, does what their infinitive says: "urged Russia to act".
OBJECT_CONTROL = frozenset({
    "urge", "ask", "allow", "force", "persuade", "order", "invite", "encourage", "tell", "permit",
    "compel", "press", "pressure", "require", "enable", "help", "call", "warn", "advise",
})


def is_verbal(token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def clause_tokens(head) -> list:
    """Tokens of the clause headed by ``head``: its subtree minus embedded clauses."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSAL and (is_verbal(child) or child.dep_ in ("ccomp", "parataxis")):
                continue
            if child.dep_ in ("conj", "cc") and tok == head and is_verbal(head):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def clause_head(token):
    """The verb heading the clause ``token`` sits in (``token`` itself for a verb)."""
    tok = token
    for _ in range(40):
        if is_verbal(tok) and tok.dep_ != "aux" and tok.dep_ != "auxpass":
            return tok
        if tok.head == tok:
            return tok
        tok = tok.head
    return tok


def own_subject(verb, passive: bool | None = None):
    """The subject child of ``verb``; ``passive`` picks nsubjpass (True) or nsubj (False)."""
    for child in verb.children:
        if child.dep_ == "nsubj" and passive is not True:
            return child
        if child.dep_ == "nsubjpass" and passive is not False:
            return child
    return None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def shared_subject(verb, depth: int = 0):
    """The subject of ``verb``, or the one it shares through conj/xcomp/advcl links.

    "Russia put X on a list but welcomed Y": "welcomed" shares "Russia".
    "Russia pledged to speed up shipments": "speed" shares "Russia".
    A relative clause's subject is the noun it modifies ("the group, which vowed").
    """
    subj = own_subject(verb)
    if subj is not None and verb.dep_ == "relcl" and subj.tag_ in ("WDT", "WP"):
        return verb.head  # "Brazil, which attacked Kenya": the relative pronoun is Brazil
    if subj is not None or depth > 4:
        return subj
    if verb.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children):
        return verb.head
    if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "Russia's willingness to invest": the noun's owner is the infinitive's subject.
        for child in verb.head.children:
            if child.dep_ == "poss":
                return child
        return None
    if verb.dep_ in SHARES_SUBJECT and verb.head != verb:
        head = verb.head
        if verb.dep_ == "advcl" and not _is_purpose(verb):
            return None
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            # Object control: "urged Russia to act" -> the object acts.
            for child in head.children:
                if child.dep_ == "dobj":
                    return child
        return shared_subject(head, depth + 1) if is_verbal(head) else None
    return None


def _is_purpose(verb) -> bool:
    """An infinitive adverbial clause ("visited Moscow to offer assurances")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def governing_verb(noun):
    """The verb a noun hangs from, directly or through prepositions ("during a visit")."""
    tok = noun
    for _ in range(4):
        head = tok.head
        if head == tok:
            return None
        if is_verbal(head):
            return head
        if head.dep_ not in ("prep", "agent", "dative") and tok.dep_ not in ("pobj",):
            return None
        tok = head
    return None
