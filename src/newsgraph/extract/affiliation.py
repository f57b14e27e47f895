"""Party, office and home state said of a person in the article's own words.

"Sen. Ann Roe (D-Calif.)", "Rep. Ann Roe, R-Texas,", "Sen. Ann Roe (Vt.)", "the Democrat from
Ohio", "Republican nominee Ann Roe": the party letter or word, the state and the title are read
from the tokens and characters next to the name (offsets, never a search). A US party, state or
office implies the country USA.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

PARTY_WORDS = {"democrat": "Democratic", "democrats": "Democratic", "democratic": "Democratic",
               "republican": "Republican", "republicans": "Republican", "gop": "Republican",
               "libertarian": "Libertarian", "independent": None}
PARTY_LETTERS = {"D": "Democratic", "R": "Republican", "I": "Independent", "L": "Libertarian"}

# Titles written before a US legislator's or governor's name, and the office they name.
US_TITLES = {"sen": "Senator", "sens": "Senator", "senator": "Senator", "rep": "Representative",
             "reps": "Representative", "representative": "Representative", "congressman": "Representative",
             "congresswoman": "Representative", "gov": "Governor", "governor": "Governor"}
# Titles whose office is American wherever the article is from (the abbreviation is US style).
US_ONLY = frozenset({"sen", "sens", "rep", "reps", "congressman", "congresswoman", "gov"})
# Words inside a role that make it a US office.
US_ROLE_WORDS = frozenset({"congressman", "congresswoman", "congressional", "gop"})
US_ROLE_PHRASES = ("white house", "house speaker", "speaker of the house", "u.s.", "us senate", "senate majority",
                   "senate minority", "house majority", "house minority", "democratic", "republican")


@lru_cache(maxsize=1)
def states() -> dict[str, str]:
    """Every way a US state is written (name, postal code, AP abbreviation), lower-cased -> postal code."""
    out: dict[str, str] = {}
    text = resources.files("newsgraph.data").joinpath("us_states.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, postal, abbrs = line.split("\t")
        out[name.lower()] = postal
        out[postal.lower()] = postal
        for a in abbrs.split("|"):
            out[a.lower()] = postal
            out[a.lower().rstrip(".")] = postal
    return out


def us_state(text: str) -> str | None:
    return states().get(" ".join(text.split()).lower().strip(" ,"))


_TAG = re.compile(r"\s*[(,]\s*(?:([DRIL])\s*[-–]\s*)?([A-Z][A-Za-z. ]{0,16}?)\.?\s*[),]")


def party_tag(after: str) -> tuple[str | None, str] | None:
    """The party and state of a tag right after a name: "(D-Calif.)" -> ("Democratic", "CA");
    "(Vt.)" -> (None, "VT"). ``after`` is the text that follows the name."""
    m = _TAG.match(after[:30])
    if not m:
        return None
    state = us_state(m.group(2)) or us_state(m.group(2) + ".")
    if state is None:
        return None
    if m.group(1) is None and not after.lstrip().startswith("("):
        return None  # ", Ohio," after a name is more often a place than a tag
    return (PARTY_LETTERS.get(m.group(1)) if m.group(1) else None), state


def party_of(word: str) -> str | None:
    return PARTY_WORDS.get(word.lower().strip(".,"))


def us_title(word: str) -> tuple[str, bool] | None:
    """(office, surely American) for a title before a name: "Sen." -> ("Senator", True)."""
    w = word.lower().rstrip(".")
    return (US_TITLES[w], w in US_ONLY) if w in US_TITLES else None


# State names that are also countries elsewhere say nothing on their own.
_AMBIGUOUS_STATES = frozenset({"georgia"})


def names_us_state(text: str) -> bool:
    """A US state written out in full, capitalised ("a voter in Ohio", "New York University")."""
    words = [w.strip(",.;:()'’") for w in text.split()]
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if phrase[:1].isupper() and len(phrase) > 3 and phrase.lower() not in _AMBIGUOUS_STATES \
                    and "." not in phrase and phrase.lower() in states() and len(phrase) != 2:
                return True
    return False


def us_role(role: str) -> bool:
    """A role that is an American office or places its holder in a US state."""
    low = role.lower()
    return bool(set(low.split()) & US_ROLE_WORDS) or any(p in low for p in US_ROLE_PHRASES) \
        or names_us_state(role)
