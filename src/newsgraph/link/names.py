"""Personal names compared across documents: titles off, accents folded, variants matched.

"Yuri Sokolov", "Yury Sokolov", "Ambassador Sokolov" and "Sokolov" should
meet; "Anna Smith" and "John Smith" should not. Transliteration variants of a
given name are matched by a folded skeleton plus an edit-distance bound, not by
a list of names.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from difflib import SequenceMatcher

# Honorifics and titles that may precede a name in running text; they are not
# part of the name. Lower-case, without trailing period.
TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice prime minister premier chancellor secretary general gen lt col maj capt
    adm admiral colonel major captain sergeant sgt commander ambassador envoy senator sen rep
    representative congressman congresswoman governor gov mayor judge justice king queen prince
    princess sheikh sheik emir imam rabbi pope cardinal bishop chairman chairwoman chair ceo
    director deputy foreign defence defense interior finance special spokesman spokeswoman
    spokesperson mp mep minister-president state former acting chief
    councilman councilwoman councillor councilor alderman alderwoman assemblyman assemblywoman
    emeritus archbishop coach detective inspector superintendent constable trooper provost
    rector commissioner attorney prosecutor magistrate lawmaker legislator speaker ayatollah
    sultan crown sen. supt det insp cllr hon honourable honorable dr.
    """.split()
)

# Particles that belong to a surname ("van der Berg", "al-Assad", "de Gaulle").
PARTICLES = frozenset("van von der den de del della di da du la le al el bin ibn ben abu".split())

_SUFFIXES = frozenset("jr sr ii iii iv".split())


# The same few names are compared thousands of times per document (each mention with each person
# met so far): folding and splitting them once each is most of the speakers' time saved.
_CACHED = 1 << 16


@functools.lru_cache(maxsize=_CACHED)
def fold(text: str) -> str:
    """Lower-case ASCII skeleton of a name: accents off, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("'s", "") if text.endswith(("'s", "’s")) else text
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def name_parts(name: str) -> list[str]:
    """The name's words without titles and suffixes: ["yuri", "sokolov"]."""
    return list(_name_parts(name))


@functools.lru_cache(maxsize=_CACHED)
def _name_parts(name: str) -> tuple[str, ...]:
    words = fold(name).split()
    while words and words[0] in TITLES and len(words) > 1:
        words = words[1:]
    while words and words[-1] in _SUFFIXES and len(words) > 1:
        words = words[:-1]
    return tuple(words)


@functools.lru_cache(maxsize=_CACHED)
def surname(name: str) -> str:
    """The family-name key: last word, with a leading particle kept ("al assad")."""
    parts = _name_parts(name)
    if not parts:
        return ""
    if len(parts) >= 2 and parts[-2] in PARTICLES:
        return " ".join(parts[-2:])
    return parts[-1]


def given_names(name: str) -> list[str]:
    parts = _name_parts(name)
    sur = surname(name).split()
    return list(parts[: len(parts) - len(sur)])


def _skeleton(word: str) -> str:
    """Transliteration-tolerant form: y/i/j merged, doubled letters and final vowels dropped."""
    w = word.replace("y", "i").replace("j", "i").replace("ks", "x").replace("ph", "f").replace("w", "v")
    w = re.sub(r"(.)\1+", r"\1", w)
    return w.rstrip("aeiou") or w


def similar_word(a: str, b: str) -> bool:
    """Same word in another transliteration: Dmitry/Dmitri, Alexei/Aleksei, Nikolai/Nikolay."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    if a[0] != b[0]:
        return False
    sa, sb = _skeleton(a), _skeleton(b)
    if sa == sb:
        return True
    ratio = SequenceMatcher(None, sa, sb).ratio()
    # Vowels are what transliterations change most (Yusuf/Yousef): same consonants
    # and a fair overlap is the same name.
    return ratio >= 0.8 or (ratio >= 0.7 and _consonants(a) == _consonants(b))


def _consonants(word: str) -> str:
    w = _skeleton(word)
    return w[0] + re.sub(r"[aeiou]", "", w[1:])


def compatible(a: str, b: str) -> bool:
    """Could the two names denote the same person? Surnames must agree; given names,
    where both are given, must be variants of each other (or initials)."""
    sa, sb = surname(a), surname(b)
    if not sa or not sb:
        return False
    if sa != sb and not similar_word(sa.replace(" ", ""), sb.replace(" ", "")):
        return False
    ga, gb = given_names(a), given_names(b)
    if not ga or not gb:
        return True
    return similar_word(ga[0], gb[0])


def display_name(name: str) -> str:
    """The name as a person would write it, titles dropped: "Ambassador Jo Lee" -> "Jo Lee"."""
    words = name.split()
    kept = list(words)
    while len(kept) > 1 and fold(kept[0]) in TITLES:
        kept = kept[1:]
    return " ".join(kept).strip(" ,.;:")


SUFFIXES = _SUFFIXES


def suffix(name: str) -> str:
    """The generational suffix of a name ("jr", "sr", "ii", "iii", "iv"), or ""."""
    words = fold(name).split()
    return words[-1] if len(words) > 1 and words[-1] in _SUFFIXES else ""


def is_plural_title(word: str) -> bool:
    """"Representatives", "Senators", "Sens.": a title in the plural names several people."""
    w = fold(word)
    if len(w) < 4 or not w.endswith("s") or w in TITLES:
        return False
    return w[:-1] in TITLES or (w.endswith("es") and w[:-2] in TITLES)


def _inflections(lemma: str) -> set[str]:
    """Third-person and past forms of a verb lemma, by the regular rules."""
    out = {lemma + "s", lemma + "ed"}
    if lemma.endswith("e"):
        out |= {lemma + "d"}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        out |= {lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed"}
    return out


_IRREGULAR = frozenset("""said told wrote spoke met left took gave made saw sent won lost fought hit
struck sought brought bought thought kept held led fled threw""".split())


def _verb_forms() -> frozenset[str]:
    """Inflected verb forms (never bare lemmas, which double as given names: "Bill", "Mark") of the
    reporting lexicon and the event lexicon; a capitalised one inside a headline-case run is no name."""
    from importlib import resources

    from ..extract.cues import SPEECH_VERBS
    lemmas = set(SPEECH_VERBS) | {"blast", "slam", "thank", "hit", "rip", "bash", "praise", "mock", "attack",
                                  "defend", "endorse", "back", "accuse", "call", "say"}
    table = resources.files("newsgraph.data").joinpath("event_verbs.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line and not line.startswith("#"):
            verb = line.split("\t", 1)[0].strip().lower()
            if verb.isalpha():
                lemmas.add(verb)
    return frozenset(f for lem in lemmas for f in _inflections(lem)) | _IRREGULAR


_VERB_FORMS: frozenset[str] | None = None


def is_verb_form(word: str) -> bool:
    """An inflected verb form ("Tells", "Blasts", "Thanked")."""
    global _VERB_FORMS
    if _VERB_FORMS is None:
        _VERB_FORMS = _verb_forms()
    return fold(word) in _VERB_FORMS
