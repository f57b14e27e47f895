"""Read metadata out of boilerplate lines: bylines, datelines, source lines, titles.

Each parser takes one line (a unit's text) and returns what it found, or None
when the line does not have that shape. Shapes are general web conventions
("By <Name>", "Originally published by <Name> – <Publisher> – <date>",
"Written by <Publisher> <role> <Name>", "Source: <Publisher>", a bare date),
so the parsers stay strict: a body sentence must not parse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .datefmt import find_dates


@dataclass(frozen=True)
class Meta:
    """What one line says about the article."""

    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    month_day: tuple[int, int] | None = None  # a date written without its year ("March 3"): the year must come from elsewhere


_BYLINE_LEAD = re.compile(
    r"^\W{0,3}(?:(?:originally|first)\s+)?(?:published|posted|written|reported|filed|compiled|story|article|words|report|reporting)"
    r"\s+by\s*:?\s+",
    re.I,
)
_BY_LEAD = re.compile(r"^\W{0,3}by\s*:?\s+", re.I)
_SEPARATORS = re.compile(r"\s+[–—|•·/]\s+|\s+-\s+|\s*,\s+|\s*;\s+|\s+on\s+(?=\d|[A-Z])|\s+for\s+(?=[A-Z])")
_ROLE = re.compile(
    r"^(?:senior|chief|staff|special|foreign|political|economics?|diplomatic|security|defen[cs]e|investigative|"
    r"contributing|guest|freelance|associate|deputy|managing|executive|news|sports?|business|bureau|"
    r"correspondents?|reporters?|writers?|editors?|contributors?|columnists?|journalists?|analysts?|"
    r"producers?|photographers?|author|head|desk|team|the|our|a|an)$",
    re.I,
)
_ROLE_NOUN = re.compile(
    r"^(?:correspondents?|reporters?|writers?|editors?|contributors?|columnists?|journalists?|analysts?|producers?|photographers?)$",
    re.I,
)
_PARTICLES = {"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ibn", "ben", "y", "st."}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'.-]*|[A-Z]\.|(?:al|el)-[A-Z][\w’'-]*)$")
_PUBLISHER_TOKEN = re.compile(r"^[A-Z0-9&][\w’'.&/+-]*$")
_MAX_BYLINE_WORDS = 30


def _name(tokens: list[str]) -> str | None:
    """The tokens as a person's name, if they look like one (2-5 capitalised words)."""
    if not 2 <= len(tokens) <= 5:
        return None
    if not all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES for t in tokens):
        return None
    if tokens[0].lower() in _PARTICLES or any(ch.isdigit() for t in tokens for ch in t):
        return None
    name = " ".join(tokens)
    return name.title() if name.isupper() else name


def _publisher(field: str) -> str | None:
    """The field as an outlet name (short, capitalised, no digits-only or URL)."""
    tokens = field.split()
    if not 1 <= len(tokens) <= 6 or "http" in field or "@" in field:
        return None
    if not _PUBLISHER_TOKEN.match(tokens[0]) or not any(c.isalpha() for c in field):
        return None
    if not all(_PUBLISHER_TOKEN.match(t) or t.lower() in {"of", "the", "and", "for", "on", "de", "la"} for t in tokens):
        return None
    return field.strip(" .")


def _author_field(field: str) -> tuple[str | None, str | None]:
    """(author, publisher) from 'Name' or '<Outlet> <role words> Name'."""
    tokens = field.split()
    roles = [i for i, t in enumerate(tokens) if _ROLE_NOUN.match(t)]
    if roles:
        last = roles[-1]
        name = _name(tokens[last + 1:])
        first_role = last
        while first_role > 0 and _ROLE.match(tokens[first_role - 1]) and (
            tokens[first_role - 1].islower() or all(_ROLE.match(t) for t in tokens[:first_role])
        ):
            first_role -= 1  # lower-case role words only: "Harbour News senior editor X" keeps "News"
        pub = _publisher(" ".join(tokens[:first_role])) if first_role else None
        return name, pub
    return _name(tokens), None


_NAME_AND_DESK = re.compile(
    r"^\W{0,3}(?!By\s)(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:Correspondent|Reporter|Editor|Writer|Columnist|Journalist)\s*$"
)


def parse_byline(line: str) -> Meta | None:
    """Author, publisher and date from a byline, or None if the line is not one."""
    if len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    desk = _NAME_AND_DESK.match(line.strip())
    if desk:  # "Ana Lee, Science Correspondent"
        return Meta(author=desk.group("name"), publisher=None, published=None)
    lead = _BYLINE_LEAD.match(line) or _BY_LEAD.match(line)
    if not lead:
        return None
    rest = line[lead.end():]
    published = None
    for dm in find_dates(rest):
        if dm.year and dm.day:
            published = dm.first().isoformat()
            rest = rest[:dm.start] + " | " + rest[dm.end:]
            break
    fields = [re.sub(r"\s+(?:on|at|in)$", "", f.strip(" .:")) for f in _SEPARATORS.split(rest)]
    fields = [f for f in fields if f]
    if not fields:
        return None
    author, publisher = _author_field(fields[0])
    if author is None:
        if _BY_LEAD.match(line) and not _BYLINE_LEAD.match(line):
            return None  # "By contrast, ..." is a sentence, not a byline
        publisher = publisher or (_publisher(fields[0]) if len(fields[0].split()) <= 4 else None)
        if publisher is None:
            return None
    for f in fields[1:]:
        if f[:1].islower():
            break  # "with reporting by ...": credits, not outlet
        if publisher is None and not _ROLE_NOUN.match(f.split()[-1]):
            publisher = _publisher(f)  # "Justice Reporter" is the author's desk, not the outlet
    if _BY_LEAD.match(line) and line.rstrip().endswith((".", "?", "!")) and published is None and len(fields) > 3:
        return None
    return Meta(author=author, publisher=publisher, published=published)


_SOURCE = re.compile(
    r"^\W{0,3}(?:source|sources|via|courtesy(?:\s+of)?|credit|credits|origin|"
    r"(?:re)?published\s+(?:from|with\s+permission\s+(?:of|from))|reprinted\s+(?:from|with\s+permission\s+(?:of|from)))"
    r"\s*[:：-]?\s+(?P<pub>\S.*)$",
    re.I,
)
_APPEARED = re.compile(
    r"^\W{0,3}this\s+(?:article|story|post|piece)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published|ran)\s+"
    r"(?:in|on|at|by)\s+(?P<pub>[^,.]+?)(?:\s+on\s+.*|\s*[,.].*)?$",
    re.I,
)


def parse_source_line(line: str) -> Meta | None:
    """Publisher from 'Source: X' / 'This article originally appeared in X', or None."""
    if len(line.split()) > 25:
        return None
    m = _SOURCE.match(line) or _APPEARED.match(line)
    if not m:
        return None
    if _SOURCE.match(line) and not re.match(r"^\W{0,3}\w+(?:\s+of)?\s*[:：]", line) and len(line.split()) > 8:
        return None  # "Sources close to the talks said ..." is a sentence
    pub = m.group("pub").strip()
    if m.re is _SOURCE and not (":" in line[:m.start("pub")] or "：" in line[:m.start("pub")]):
        # without a colon only a bare outlet name qualifies ("Via Reuters")
        if _publisher(pub.rstrip(".")) is None:
            return None
    return Meta(publisher=_publisher(pub.rstrip(".")))


_DATE_LABEL = re.compile(
    r"\b(?:date|dated|published|posted|first\s+published|publication\s+date|updated|last\s+updated|modified|"
    r"last\s+modified|on|at|[ap]\.?m\.?(?!\w)|gmt|utc|bst|cest|cet|eest|eet|msk|ist|jst|[ecmp][sd]?t|"
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:[:.]\d\d)?\b|[+-]\d{2}:?\d{2}\b|\bT\d")


def parse_dateline(line: str) -> Meta | None:
    """The date of a line that holds only a (labelled) date, or None.

    A date labelled 'updated'/'modified' is a dateline but not the
    publication date, so it returns Meta() with no date.
    """
    if len(line) > 80:
        return None
    dates = [d for d in find_dates(line) if d.year and d.day]
    if len(dates) != 1:
        return None
    d = dates[0]
    residue = line[:d.start] + " " + line[d.end:]
    residue = _TIME.sub(" ", residue)
    residue = _DATE_LABEL.sub(" ", residue)
    if re.search(r"\w", residue):
        return None
    if re.search(r"\b(?:updated|modified)\b", line, re.I) and not re.search(r"\b(?:published|posted)\b", line, re.I):
        return Meta()
    return Meta(published=d.first().isoformat())


_DANGLING = re.compile(r"\s+[–—|:-]+\s*[.\s]*$")
_END_PUNCT = (".", "!", ";", ",", ":", ")")
_QUOTES = "”\"’'"


def title_text(line: str) -> str:
    """The line with a dangling site separator removed ('Title – .' -> 'Title')."""
    return _DANGLING.sub("", line).strip()


def looks_like_title(line: str) -> bool:
    """A headline shape: short, at least three words, no final sentence punctuation."""
    t = title_text(line)
    words = t.split()
    if not 3 <= len(words) <= 25 or len(t) > 250:
        return False
    if t.rstrip(_QUOTES).endswith(_END_PUNCT):
        return False
    return any(c.isupper() for c in t[:1]) or t[:1] in "‘'\"“"


def norm_title(s: str) -> str:
    """Comparison key for titles: case, spacing and punctuation folded."""
    return " ".join(re.sub(r"[^\w]+", " ", title_text(s).casefold()).split())
