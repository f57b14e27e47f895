"""In-document speaker resolution: who a cue's subject is, and the fullest name for it.

Why here and not in the cross-document linker: "He added", "the envoy said" and
"Ortiz said" can only be resolved against the names this article itself
introduced ("Vatican envoy Lucia Ortiz"). This module turns a subject token
into a Mention (name, pronoun, role noun or organisation), resolves it by
recency with role and gender agreement, and describes each speaker (roles,
country from demonyms, possessives and metonyms) for ``Document.people``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..link.names import TITLES as NAME_TITLES
from ..link.names import given_names, is_plural_title, is_verb_form, similar_word, suffix
from ..model import Mention, Person
from . import affiliation
from .countries import country_of, is_country_word
from .cues import SPEECH_VERBS

# Nouns naming a person by function; a phrase ending in one is a role.
ROLE_NOUNS = frozenset("""
ambassador envoy minister president spokesman spokeswoman spokesperson secretary analyst expert
director chief head leader official diplomat senator governor mayor general commander columnist
journalist commentator fellow professor researcher economist representative chairman chairwoman
chair ceo founder editor correspondent reporter adviser advisor counsellor counselor consul deputy
lawmaker legislator mp premier chancellor king queen prince princess emir sheikh ayatollah cleric
imam bishop pope judge prosecutor lawyer attorney officer colonel lieutenant captain admiral
marshal ruler activist scientist historian scholar author writer blogger lecturer dean manager
executive negotiator mediator politician candidate militant emissary delegate aide coordinator
administrator commissioner inspector investigator strategist consultant pundit anchor presenter
host professor vice-president attaché speaker campaigner director-general secretary-general
""".split())

# Common nouns whose subjects speak as organisations.
ORG_NOUNS = frozenset("""
ministry government office agency embassy council committee department administration cabinet
parliament army police court commission company firm party movement group organisation
organization union bank service newspaper agency channel broadcaster network military navy
brigade institute university hospital school club team coalition alliance federation association
regulator watchdog authority prosecutor tribunal board senate congress assembly ministry""".split())
ORG_NOUNS = ORG_NOUNS | frozenset("""
airline operator manufacturer firm startup start-up charity foundation mission delegation
""".split())
# Texts that "say" on behalf of whoever issued them: "the statement said" speaks for the
# organisation named just before.
DOCUMENT_NOUNS = frozenset("statement communique communiqué memo memorandum release filing".split())
ORG_NOUNS = ORG_NOUNS | DOCUMENT_NOUNS

# Words that mark an ORG-shaped name as an organisation rather than a mislabelled person.
ORG_WORDS = frozenset("""
house ministry council agency office department committee center centre institute university
company corp corporation inc ltd group bank party government army police court times news post
press service organization organisation foundation union commission assembly parliament senate
congress network tv television radio channel journal daily tribune herald agency fund forum
association federation league club board authority bureau
""".split())

TITLES = frozenset("mr mrs ms miss dr prof sir dame lord lady president gen general col".split())
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f",
                    "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "lady": "f"}
# People named by what they are rather than by name ("analysts", "critics").
HUMAN_NOUNS = frozenset("""
people person man woman official critic observer commenter source resident witness protester
voter supporter opponent user citizen local villager survivor family relative parent student
worker authority insider participant member colleague friend neighbour neighbor victim expert
""".split())
GROUP_PRONOUNS = frozenset({"they"})
# Determiners of a role noun that keep its person unnamed ("an aide", "one strategist").
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three"})
NARRATOR_PRONOUNS = frozenset({"i", "we", "you", "it", "this", "that", "which", "who", "there"})


_BRACKETS = frozenset("[](){}")


def _end(tok) -> int:
    return tok.idx + len(tok.text)


_OBLIQUE = frozenset({"dobj", "dative", "iobj", "pobj"})


def _joins(tok) -> bool:
    """A hyphen written tight between two words, as inside a double-barrelled name."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _is_possessive(tok) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS"


_ROLE_SUFFIXES = ("ist", "ian", "eer", "er", "or", "ant", "man", "woman", "person")
_NOT_ROLES = frozenset("number order matter water power center centre river border paper letter "
                       "quarter corner summer winter october november december september".split())


def is_role_word(tok, loose: bool = False) -> bool:
    """A noun naming a person by function; ``loose`` also accepts agent-like suffixes
    (hydrologist, engineer, volunteer) for lower-case nouns."""
    low, lem = tok.lower_, tok.lemma_.lower()
    if low in ROLE_NOUNS or lem in ROLE_NOUNS:
        return True
    return loose and (tok.pos_ == "NOUN" or tok.dep_ == "compound") and (tok.text.islower() or tok.is_sent_start) and lem not in _NOT_ROLES \
        and len(lem) > 4 and lem.endswith(_ROLE_SUFFIXES)


@dataclass
class NameRef:
    """A name as written: token range and text."""

    start: int  # token index
    end: int
    text: str
    type: str = "person"


@dataclass
class _Speaker:
    name: str
    type: str
    variants: dict[str, None] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)


class SpeakerResolver:
    """Name index and resolution state for one parsed document."""

    def __init__(self, sdoc, text: str | None = None) -> None:
        self.doc = sdoc
        self.text = sdoc.text if text is None else text  # Doc.text joins every token: compute once
        self.ent_at: list = [None] * len(sdoc)
        self.persons: list[NameRef] = []
        for ent in sdoc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
            if ent.label_ == "PERSON":
                ref = self._trim_name(self._extend_left(ent.start), ent.end)
                if ref is not None:
                    self.persons.append(ref)
        self.surnames: set[str] = {_last(p.text) for p in self.persons}
        self._full: dict[str, list[tuple[int, str]]] = {}  # surname -> (char offset, name as written)
        for p in self.persons:
            self._add_full(p.text, sdoc[p.start].idx)
        self.orgs: list[tuple[int, str]] = [
            (ent.start_char, _org_name(ent.text)) for ent in sdoc.ents if ent.label_ == "ORG"]
        self.in_quote = lambda char: False  # set by the quote finder: names quoted are no antecedents
        self.gender: dict[str, str] = {}
        self._speakers: dict[tuple[str, str], _Speaker] = {}
        self._recent: list[tuple[int, str]] = []  # (char offset, resolved person name) of speakers

    # ---- names -------------------------------------------------------------------------
    def _trim_name(self, start: int, end: int) -> NameRef | None:
        """Drop titles, possessive marks and non-name tokens at the edges of a name."""
        doc = self.doc
        while start < end and (doc[start].lower_.rstrip(".") in TITLES or is_role_word(doc[start])
                               or doc[start].pos_ not in ("PROPN",) and not doc[start].text[:1].isupper()
                               or end - start > 1 and is_country_word(doc[start].text)
                               or is_plural_title(doc[start].text)
                               or end - start > 1 and doc[start].tag_ in ("VBD", "VBZ") and _reporting_form(doc[start].text)):
            start += 1  # the last test: an inverted cue read into the name ("Said Ellis:")
        # Headline case runs a name into its verb ("Ann Roe Slams Rivals"): the name ends before an
        # inflected verb after two words, or after one when it reports speech ("Roe Says") or the
        # sentence is a headline ("Roe Seeks Recount").
        for k in range(start + 1, end):
            if is_verb_form(doc[k].text) and (k >= start + 2 or _reporting_form(doc[k].text)
                                               or _headline(doc[k].sent)):
                end = k
                break
        while end > start and (doc[end - 1].tag_ == "POS" or not doc[end - 1].text[:1].isalpha()):
            end -= 1
        if end <= start or not doc[start].text[:1].isupper():
            return None
        # From the raw slice, not joined tokens: "Nouri-Baptiste" stays one word.
        raw = self.text[doc[start].idx:_end(doc[end - 1])]
        text = " ".join("".join(c for c in raw if c not in _BRACKETS).split())
        return NameRef(start, end, text) if text else None

    def _extend_left(self, start: int) -> int:
        """The small model often drops a leading given name ("Esteban [Larraín Cox]"): take
        capitalised proper nouns back in, up to a title, role word or sentence start."""
        doc = self.doc
        sent_start = doc[start].sent.start
        while start > sent_start:
            t = doc[start - 1]
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or _is_possessive(t) or t.tag_ == "POS" \
                    or t.lower_.rstrip(".") in NAME_TITLES or is_role_word(t, loose=True) or is_country_word(t.text) \
                    or (self.ent_at[t.i] is not None and self.ent_at[t.i].label_ != "PERSON"):
                break
            start -= 1
        return start

    def _add_full(self, text: str, pos: int = 0) -> None:
        words = text.split()
        if len(words) < 2 or not given_names(text):
            return
        self._full.setdefault(_last(text), []).append((pos, text))
        # Double surnames ("Esteban Larraín Cox") are shortened to their first part.
        for middle in words[1:-1]:
            if middle[:1].isupper() and len(middle) > 2:
                self._full.setdefault("~" + middle, []).append((pos, text))

    def _candidates(self, key: str, pos: int | None) -> list[tuple[int, str]]:
        found = self._full.get(key) or self._full.get("~" + key) or []
        if pos is not None and any(p <= pos for p, _ in found):
            found = [(p, t) for p, t in found if p <= pos]
        return found

    def fullest(self, text: str, pos: int | None = None, gender: str | None = None) -> str:
        """The fullest in-document form of a name. A full name keeps its own given name and
        suffix (it only grows to a longer form of the same person: "Ann Roe" -> "Ann B. Roe");
        a bare surname or title + surname goes to the one person of that surname the article
        introduced (before ``pos`` where there is one; of ``gender`` where a title says) and stays
        as written when there are two; a lone given name goes to the one full name it begins."""
        words = text.split()
        if not words:
            return text
        found = self._candidates(_last(text), pos)
        if given_names(text) and len(words) > 1:
            # the same given name, or the name's last words ("Larraín Cox" for "Esteban Larraín Cox":
            # a double surname written alone, not another given name)
            same = [t for _, t in found if _same_person(text, t)
                    or len(t.split()) > len(words) and t.split()[-len(words):] == words]
            return max(same, key=lambda t: len(t.split())) if same else text
        people = _distinct([t for _, t in found])
        title = words[0].lower().rstrip(".")
        if gender is None:
            gender = HONORIFIC_GENDER.get(title)
        if gender is not None and len(people) > 1:
            fitting = [p for p in people if self._gender_of(p) in (None, gender)]
            known = [p for p in fitting if self._gender_of(p) == gender]
            people = known if len(known) == 1 else fitting
        if len(people) == 1:
            return people[0]
        if not people and len(words) == 1:
            starts = _distinct([f for lst in self._full.values() for _, f in lst if f.split()[0] == words[0]])
            if len(starts) == 1:
                return starts[0]
        return text

    def _gender_of(self, name: str) -> str | None:
        """A full name's gender as the article says it: a pronoun resolved to it, or an
        honorific before one of its full forms ("Mrs. Ann Roe")."""
        if name in self.gender:
            return self.gender[name]
        for ref in self.persons:
            if ref.start > 0 and given_names(ref.text) and _same_person(ref.text, name):
                g = HONORIFIC_GENDER.get(self.doc[ref.start - 1].lower_)
                if g:
                    return g
        return None

    def ref_name(self, ref: NameRef) -> str:
        """The fullest form of one name occurrence, with the honorific before it as its gender."""
        doc = self.doc
        gender = HONORIFIC_GENDER.get(doc[ref.start - 1].lower_) if ref.start > 0 else None
        return self.fullest(ref.text, doc[ref.start].idx, gender)

    def _propn_run(self, tok) -> NameRef | None:
        doc, sent = self.doc, tok.sent
        s = tok.i
        while True:
            if s - 1 >= sent.start and doc[s - 1].pos_ == "PROPN" and doc[s - 1].tag_ != "POS" \
                    and not _is_possessive(doc[s - 1]):
                s -= 1
            elif s - 2 >= sent.start and _joins(doc[s - 1]) and doc[s - 2].text[:1].isupper():
                s -= 2  # a hyphenated name: "Sahota-Grey"
            else:
                break
        e = tok.i + 1
        while True:
            if e < sent.end and doc[e].pos_ == "PROPN":
                e += 1
            elif e + 1 < sent.end and _joins(doc[e]) and doc[e + 1].text[:1].isupper():
                e += 2
            else:
                break
        # Leading place names ("Chile Marc Dupuis") are not part of a person's name.
        while s < tok.i and self.ent_at[s] is not None and self.ent_at[s].label_ in ("GPE", "NORP", "LOC") \
                and (self.ent_at[tok.i] is None or self.ent_at[tok.i].label_ != self.ent_at[s].label_):
            s += 1
        return self._trim_name(s, e)

    def _looks_person(self, ref: NameRef, ent_label: str | None) -> bool:
        doc = self.doc
        words = ref.text.split()
        if ent_label == "PERSON":
            return True
        if _last(ref.text) in self.surnames:
            return True
        if any(w.lower() in ORG_WORDS for w in words) or country_of(ref.text):
            return False
        if ent_label in ("GPE", "LOC", "NORP", "FAC"):
            return False
        prev = doc[ref.start - 1] if ref.start > 0 else None
        if prev is not None and is_role_word(prev):
            return True
        return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)

    def name_at(self, tok) -> NameRef | None:
        """The name (person or organisation) that ``tok`` is part of, if any."""
        if tok.pos_ != "PROPN" and (self.ent_at[tok.i] is None or tok.pos_ in ("PRON", "VERB")):
            return None
        ent = self.ent_at[tok.i]
        if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            ref = self._trim_name(ent.start, ent.end)
            if ent.label_ != "PERSON" and ref is not None and tok.pos_ == "PROPN":
                run = self._propn_run(tok)
                if run is not None and (run.start < ref.start or run.end > ref.end):
                    ref = run if self._looks_person(run, None) else ref
            label = ent.label_
        else:
            ref, label = self._propn_run(tok), None
        if ref is None:
            return None
        ref.type = "person" if self._looks_person(ref, label) else "org"
        return ref

    # ---- subjects ----------------------------------------------------------------------
    def mention_for(self, subj, verb) -> tuple[Mention, str] | None:
        """A Mention for the subject token of a cue, with its kind's speaker type."""
        doc = self.doc
        low = subj.lower_
        if subj.pos_ == "PRON":
            if low in MALE or low in FEMALE:
                return Mention(subj.idx, _end(subj), subj.text, "pronoun"), "person"
            if low in GROUP_PRONOUNS:
                return Mention(subj.idx, _end(subj), subj.text, "pronoun"), "person"
            return None
        ref = self.name_at(subj) if not _is_possessive(subj) else None
        if ref is None:
            for c in subj.children:
                if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN":
                    ref = self.name_at(c)
                    if ref is not None:
                        break
        if ref is None and subj.pos_ in ("NOUN", "PROPN"):
            # Names inside the subject phrase, nearest the verb, not possessors ("the mayor's aide").
            best = None
            for t in subj.subtree:
                if t.pos_ == "PROPN" and not _is_possessive(t) and self.ent_at[t.i] is not None \
                        and self.ent_at[t.i].label_ == "PERSON":
                    if best is None or abs(t.i - verb.i) < abs(best.i - verb.i):
                        best = t
            if best is not None:
                ref = self.name_at(best)
        if ref is not None:
            s, e = doc[ref.start].idx, _end(doc[ref.end - 1])
            kind = "name" if ref.type == "person" else "org"
            if ref.type == "person" and all(p.start != ref.start for p in self.persons):
                self.persons.append(ref)
                self.surnames.add(_last(ref.text))
                self._add_full(ref.text, doc[ref.start].idx)
            return Mention(s, e, self.text[s:e], kind), ref.type
        if subj.pos_ == "NOUN":
            left = [t for t in subj.lefts if t.dep_ in ("amod", "compound", "det", "poss", "nmod")
                    or t.dep_ == "nummod" and t.lower_ == "one"]
            s_tok = left[0] if left else subj
            if s_tok.i < subj.i and doc[s_tok.i].dep_ == "poss":
                s_tok = subj if not any(t.i > s_tok.i for t in left) else [t for t in left if t.i > s_tok.i][0]
            s = doc[min(s_tok.i, subj.i)].idx
            text = self.text[s:_end(subj)]
            lem = subj.lemma_.lower()
            if lem in ORG_NOUNS:
                return Mention(s, _end(subj), text, "org"), "org"
            if lem in ROLE_NOUNS or lem in HUMAN_NOUNS or is_role_word(subj, loose=True):
                return Mention(s, _end(subj), text, "role"), "person"
            return None
        return None

    # ---- resolution --------------------------------------------------------------------
    def resolve(self, mention: Mention, stype: str, head_tok=None) -> str | None:
        """The fullest in-document name for a mention, recording it for later pronouns."""
        if mention.kind == "name":
            text = " ".join(w for w in mention.text.split() if w not in _BRACKETS).replace("[", "").replace("]", "")
            gender = None
            if mention.start > 0:
                before = self.text[max(0, mention.start - 6):mention.start].split()
                gender = HONORIFIC_GENDER.get(before[-1].lower()) if before else None
            name = self.fullest(text, mention.start, gender).replace("’", "'")
            self._note(mention, name, "person")
            self._recent.append((mention.start, name))
            return name
        if mention.kind == "org":
            name = _org_name(mention.text)
            if head_tok is not None and head_tok.pos_ == "NOUN" and not any(
                    w[:1].isupper() for w in name.split()):
                name = self._recent_org(head_tok.lemma_.lower(), mention.start)  # "the ministry"
                if name is None:
                    return None
            self._note(mention, name, "org")
            return name
        if mention.kind == "pronoun":
            low = mention.text.lower()
            if low in GROUP_PRONOUNS:
                return None
            gender = "m" if low in MALE else "f"
            name = self._recent_person(mention.start, gender)
            if name is not None:
                self.gender.setdefault(name, gender)
                self._note(mention, name, "person")
                self._recent.append((mention.start, name))
            return name
        if mention.kind == "role":
            head = mention.text.split()[-1].lower()
            if mention.text.split()[0].lower() in INDEFINITE:
                return None  # "one GOP strategist", "a senior official": left unnamed on purpose
            if head.endswith("s") and head[:-1] in ROLE_NOUNS:
                return None  # "diplomats", "analysts": a group, not one person
            name = None
            if head in ROLE_NOUNS:
                name = self._person_with_role(head, mention.start)
            if name is not None:
                self._note(mention, name, "person")
                self._recent.append((mention.start, name))
            return name
        return None

    def _note(self, mention: Mention, name: str, stype: str) -> None:
        sp = self._speakers.setdefault((name, stype), _Speaker(name, stype))
        if mention.kind in ("name", "org"):
            sp.variants[mention.text] = None
        sp.mentions.append(mention)

    def _recent_org(self, noun: str, pos: int) -> str | None:
        """'the ministry', 'the company': the latest organisation named before ``pos``,
        preferring one whose name holds the noun."""
        before = [(s, n) for s, n in self.orgs if s < pos and pos - s < 2500 and not self.in_quote(s)]
        for s, n in reversed(before):
            if noun in n.lower().split():
                return n
        if noun in ("company", "firm", "group", "organisation", "organization", "movement", *DOCUMENT_NOUNS) \
                and before:
            s, n = before[-1]
            return n if pos - s < 1200 else None
        return None

    def _recent_person(self, pos: int, gender: str) -> str | None:
        """The latest person named before ``pos`` whose gender does not conflict."""
        doc = self.doc
        cands = [(start, name, False) for start, name in self._recent if start < pos]
        cands += [(doc[r.start].idx, self.ref_name(r), doc[r.end - 1].dep_ in _OBLIQUE) for r in self.persons
                  if doc[r.start].idx < pos and not self.in_quote(doc[r.start].idx)]
        # A subject pronoun refers back to a subject or speaker far more often than to the
        # object of "told X" or "met X": those are a fallback only.
        for allow_oblique in (False, True):
            for start, name, oblique in sorted(cands, reverse=True):
                if pos - start > 2500:
                    break
                if oblique and not allow_oblique:
                    continue
                if self.gender.get(name, gender) != gender or self._honorific_gender(name) not in (None, gender):
                    continue
                return name
        return None

    def _honorific_gender(self, name: str) -> str | None:
        doc = self.doc
        for ref in self.persons:
            if ref.start > 0 and self.ref_name(ref) == name:
                g = HONORIFIC_GENDER.get(doc[ref.start - 1].lower_)
                if g:
                    return g
        return None

    def _person_with_role(self, head: str, pos: int) -> str | None:
        best, best_pos = None, -1
        doc = self.doc
        for ref in self.persons:
            s = doc[ref.start].idx
            if s >= pos or s < best_pos or self.in_quote(s):
                continue
            roles, _ = self.describe(ref)
            words = {w for r in roles for w in r.lower().split()}
            if words & _synonyms(head):
                best, best_pos = self.ref_name(ref), s
        return best

    # ---- description -------------------------------------------------------------------
    def describe(self, ref: NameRef) -> tuple[list[str], str | None]:
        """Roles and country said of one name occurrence: the words before it
        ("Canadian Ambassador to Chile X") and its apposition ("X, a Peruvian economist")."""
        doc = self.doc
        roles: list[str] = []
        country = None
        phrases = []
        # (a) contiguous pre-modifiers
        k = ref.start - 1
        sent_start = doc[ref.start].sent.start
        while k >= sent_start:
            t = doc[k]
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or t.tag_ in ("POS", "HYPH") or \
                    (t.pos_ == "ADP" and t.lower_ in ("to", "on", "of", "for", "at")) or \
                    (t.pos_ == "CCONJ" and t.lower_ == "and") or (t.tag_ == "VBN" and t.dep_ == "amod") or \
                    (t.pos_ == "DET" and t.lower_ == "the" and k + 1 < ref.start and doc[k + 1].pos_ == "PROPN"
                     and self.ent_at[k + 1] is not None and self.ent_at[k + 1].label_ == "ORG"):
                k -= 1
                continue
            break
        if k + 1 < ref.start:
            phrases.append(list(doc[k + 1:ref.start]))
        # (b) apposition after the name, (c) the name in apposition to a role noun
        head = doc[ref.end - 1]
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i and c.pos_ == "NOUN":
                phrases.append(self._appos_tokens(c) + [None, c])
        if ref.start >= 2 and doc[ref.start - 1].text == "," and ref.end < len(doc) and doc[ref.end].text == ",":
            k = ref.start - 2
            while k >= sent_start and (doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or doc[k].tag_ in ("POS", "HYPH")
                                        or doc[k].pos_ == "ADP" and doc[k].lower_ in ("to", "on", "of", "for")):
                k -= 1
            toks = list(doc[k + 1:ref.start - 1])
            if toks and is_role_word(max(toks, key=lambda t: is_role_word(t))):
                phrases.append(toks)
        elif head.dep_ == "appos" and head.head.i < ref.start and is_role_word(head.head):
            h = head.head
            toks = [t for t in h.subtree if t.i < ref.start and t.i >= h.left_edge.i]
            while toks and toks[-1].is_punct:
                toks.pop()
            phrases.append(toks)
        for toks in phrases:
            role, ctry = _role_of(toks, self.text)
            if role and role not in roles:
                roles.append(role)
            country = country or ctry
        return roles, country

    def affiliation(self, ref: NameRef) -> tuple[str | None, str | None, bool]:
        """(party, office, American) said next to one name occurrence: a title ("Sen."), party
        words before it ("Republican nominee") or in its apposition ("the Democrat from Ohio"),
        a party-state tag after it ("(D-Calif.)", "(Vt.)")."""
        doc = self.doc
        party = office = None
        american = False
        sent_start = doc[ref.start].sent.start
        k = ref.start - 1
        while k >= sent_start and k >= ref.start - 6 and (
                doc[k].pos_ in ("PROPN", "NOUN", "ADJ") or doc[k].text == "." or doc[k].tag_ == "HYPH"):
            t = doc[k]
            title = affiliation.us_title(t.text)
            if title and office is None and k >= ref.start - 2:
                office = title[0]
                american = american or title[1]
            party = party or affiliation.party_of(t.text)
            if affiliation.us_state(t.text) and t.text[:1].isupper():
                american = True
            k -= 1
        after = self.text[_end(doc[ref.end - 1]):]
        tag = affiliation.party_tag(after)
        if tag:
            party = party or tag[0]
            american = True
        head = doc[ref.end - 1]
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i:
                toks = self._appos_tokens(c)
                for i, t in enumerate(toks):
                    party = party or affiliation.party_of(t.text)
                    if t.lower_ in ("from", "of") and i + 1 < len(toks):
                        nxt = " ".join(x.text for x in toks[i + 1:i + 3])
                        if affiliation.us_state(toks[i + 1].text) or affiliation.us_state(nxt):
                            american = True
        if party:
            american = True
        return party, office, american

    def _appos_tokens(self, tok) -> list:
        """The apposition's words up to the first comma, without relative clauses."""
        skip: set[int] = set()
        for c in tok.children:
            if c.dep_ in ("relcl", "acl") and c.i > tok.i:
                skip.update(t.i for t in c.subtree)
        out = []
        for t in tok.subtree:
            if t.i in skip:
                continue
            if t.text in (",", ";", "(", ")", "—", "–"):
                if t.i > tok.i:
                    break
                continue
            out.append(t)
        return out

    def people(self) -> list[Person]:
        """Every speaker resolved in this document, described."""
        out = []
        doc = self.doc
        for (name, stype), sp in self._speakers.items():
            person = Person(name=name, type=stype)
            variants = dict(sp.variants)
            if stype == "person":
                american = False
                for ref in self.persons:
                    if self.ref_name(ref) == name:
                        variants[ref.text] = None
                        roles, country = self.describe(ref)
                        for r in roles:
                            if r not in person.roles:
                                person.roles.append(r)
                        person.country = person.country or country
                        party, office, us = self.affiliation(ref)
                        person.party = person.party or party
                        person.office = person.office or office
                        american = american or us or any(affiliation.us_role(r) for r in roles)
                        person.mentions.append(Mention(doc[ref.start].idx, _end(doc[ref.end - 1]), ref.text, "name"))
                person.country = person.country or ("USA" if american else None)
                person.office = person.office or (person.roles[0] if person.roles else None)
                person.gender = self._gender_of(name)
            person.aliases = [v for v in variants if v != name]
            known = {(m.start, m.end) for m in person.mentions}
            person.mentions += [m for m in sp.mentions if (m.start, m.end) not in known]
            person.mentions.sort(key=lambda m: m.start)
            out.append(person)
        self._place_by_named(out)
        setting, lean = self.setting(out)
        for p in out:
            if p.type == "person" and not p.country:
                # An office the article's main country has ("Senator", "Governor") is taken to be its.
                if setting or (lean == "USA" and p.office in affiliation.US_TITLES.values()):
                    p.country = setting or lean
        self._place_by_named(out)
        return out

    @staticmethod
    def _place_by_named(out: list[Person]) -> None:
        """"a Roe campaign aide", "adviser to Ann Roe": a role naming another person of the article
        places its holder in that person's country."""
        located = {_last(p.name).lower(): p.country for p in out if p.type == "person" and p.country}
        for p in out:
            if p.type == "person" and not p.country:
                words = {w.strip(",.'’s").lower() for r in p.roles for w in r.split() if w[:1].isupper()}
                found = {located[w] for w in words if w in located and w != _last(p.name).lower()}
                if len(found) == 1:
                    p.country = found.pop()

    def setting(self, people: list[Person]) -> tuple[str | None, str | None]:
        """The one country the article is set in, when every place it names and every person it
        places agree (at least three signs, three in four of one country): a person the article
        says nothing else about is taken to be from there ("a voter", "Ann Roe said"). Second: the
        country most signs point to (half or more), the article's lean."""
        votes: dict[str, int] = {}
        for p in people:
            if p.country:
                votes[p.country] = votes.get(p.country, 0) + 1
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "NORP", "LOC"):
                continue
            c = country_of(ent.text) or ("USA" if affiliation.names_us_state(ent.text)
                                         or ent.text in ("U.S.", "US", "U.S.A.") else None)
            if c:
                votes[c] = votes.get(c, 0) + 1
        if not votes:
            return None, None
        top = max(votes, key=votes.get)
        total = sum(votes.values())
        return (top if total >= 3 and votes[top] >= 0.75 * total else None), \
            (top if votes[top] >= 0.5 * total else None)


def _placed_after(toks: list) -> str | None:
    """The country of a place named after a role's head ("in X", "from X", "of X", a demonym),
    never the place after "to" or "with" ("ambassador to X" names the host)."""
    prep = None
    for i, t in enumerate(toks):
        if t is None:
            continue
        if t.pos_ == "ADP":
            prep = t.lower_
            continue
        if prep in ("to", "with", "toward", "towards", "against") or not t.text[:1].isupper():
            continue
        pair = f"{t.text} {toks[i + 1].text}" if i + 1 < len(toks) and toks[i + 1] is not None else None
        found = (country_of(pair) if pair else None) or country_of(t.text)
        if found:
            return found
    return None


def _headline(sent) -> bool:
    """A sentence in headline case: four words or more, nearly all capitalised."""
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _reporting_form(word: str) -> bool:
    """"Says", "Warns", "Told": a reporting verb's inflected form (headline case runs it into a name)."""
    low = word.lower()
    return any(low in (lem + "s", lem + "es", lem + "ed", lem + "d", lem[:-1] + "ies") for lem in SPEECH_VERBS) \
        or low in ("said", "told", "wrote")


def _last(name: str) -> str:
    """The surname word as written: the last word that is not a suffix ("Jr.")."""
    words = name.split()
    while len(words) > 1 and suffix(" ".join(words[-2:])):
        words = words[:-1]
    return words[-1] if words else ""


def _same_person(a: str, b: str) -> bool:
    """Two full forms one person may have: the same first given name (or its initial or
    variant) and the same suffix."""
    ga, gb = given_names(a), given_names(b)
    if not ga or not gb or suffix(a) != suffix(b) or _last(a).lower() != _last(b).lower():
        return False
    return similar_word(ga[0], gb[0])


def _distinct(names: list[str]) -> list[str]:
    """One form per person (the longest), in order of first mention."""
    out: list[str] = []
    for n in names:
        same = next((i for i, o in enumerate(out) if _same_person(n, o)), None)
        if same is None:
            out.append(n)
        elif len(n.split()) > len(out[same].split()):
            out[same] = n
    return out


# Titles news uses interchangeably for the same office ("Cabinet Secretary" ... "the minister").
ROLE_SYNONYMS = (
    frozenset("minister secretary chancellor premier".split()),
    frozenset("spokesman spokeswoman spokesperson".split()),
    frozenset("president chairman chairwoman chair head chief leader".split()),
    frozenset("ambassador envoy diplomat representative emissary consul".split()),
    frozenset("analyst expert scholar researcher fellow economist scientist".split()),
    frozenset("general commander officer".split()),
    frozenset("judge justice magistrate".split()),
)


def _synonyms(head: str) -> frozenset[str]:
    return frozenset({head}).union(*(g for g in ROLE_SYNONYMS if head in g))


def _org_name(text: str) -> str:
    """An organisation's name without a leading article, with plain apostrophes."""
    text = " ".join(text.split()).replace("’", "'")
    return text[4:] if text.lower().startswith("the ") else text


def _role_of(toks: list, text: str) -> tuple[str | None, str | None]:
    """Split a descriptive phrase into a role text and a country code.

    A phrase may end with ``None, head``: the apposition's head noun, a role
    whatever the word."""
    forced = None
    if len(toks) >= 2 and toks[-2] is None:
        forced, toks = toks[-1], toks[:-2]
    if not toks:
        return None, None
    # The head role noun: the last role word before the first preposition.
    first_adp = next((i for i, t in enumerate(toks) if t.pos_ == "ADP" and i > 0), len(toks))
    ridx = max((i for i, t in enumerate(toks[:first_adp]) if is_role_word(t, loose=True)), default=None)
    if ridx is None:
        ridx = next((i for i, t in enumerate(toks) if is_role_word(t, loose=True)), None)
    if ridx is None and forced is not None:
        ridx = next((i for i, t in enumerate(toks) if t.i == forced.i), None)
    if ridx is None:
        return None, None
    country = None
    start = 0
    for i, t in enumerate(toks[:ridx]):
        if t.tag_ == "POS":
            owner = toks[i - 1].text if i > 0 else ""
            country = country_of(owner) or country
            start = i + 1
    for t in toks[start:ridx]:
        c = country_of(t.text, metonyms=False)
        if c:
            country = c
    if country is None:
        for t in toks[:ridx]:
            country = country_of(t.text) or country
    if country is None:  # "South Korean President", "United States ambassador"
        for a, b in zip(toks[:ridx], toks[1:ridx + 1]):
            country = country_of(f"{a.text} {b.text}", metonyms=False) or country
    if country is None:  # "professor at a university in Cape Town", "lawyer from New Delhi"
        country = _placed_after(toks[ridx + 1:])
    if country is None:  # "envoy of Tanzania" (but not "ambassador to X": X is the host)
        for prev, t in zip(toks[ridx:], toks[ridx + 1:]):
            if prev.lower_ == "of" and country_of(t.text, metonyms=False):
                country = country_of(t.text, metonyms=False)
                break
    # strip leading determiners, demonyms and country names from the role text
    while start < ridx and (toks[start].pos_ in ("DET", "CCONJ", "ADP") or is_country_word(toks[start].text)):
        start += 1
    # end: drop a trailing conjunction/preposition left dangling
    end = len(toks)
    while end > ridx + 1 and toks[end - 1].pos_ in ("ADP", "CCONJ", "DET", "PUNCT"):
        end -= 1
    words = toks[start:end]
    if not words:
        return None, country
    return " ".join(text[words[0].idx:_end(words[-1])].split()), country
