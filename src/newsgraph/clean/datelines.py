"""Wire datelines and outlet lines: where, when and through whom a story was filed.

News copy opens with a dateline, on its own line or at the head of the first
paragraph ("LIMA, 10 April 2025 (Andes Wire) —", "WASHINGTON (Reuters) -",
"NAIROBI, Kenya, March 3 (AP) --"), and some sites print the outlet and the
date on a line of their own ("Daily Planet, 5 May 2024"). They give the
publication date and the publisher, and they are not body: a quotation or an
event sentence must not start with them.

The shapes are strict so that a sentence which merely starts with a place
("Lima is ...", "Lima, the capital, ...") never is one: after the place comes
a parenthesised agency, a date, or a dash, and a place in title case with
only a dash after it must be a known country or capital.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .datefmt import DateMention, find_dates
from .metadata import Meta, _publisher, parse_dateline, parse_source_line

_CAPS = r"[A-Z][A-Z'’.&/-]*[A-Z.]"  # LIMA, NEW YORK, ST. LOUIS, U.S., BEIRUT/DUBAI
_TITLE = r"(?:[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*\.?|St\.|Ft\.|Mt\.)"  # Lima, Port-au-Prince, St.
_PARTICLE = r"(?:de|del|della|da|do|dos|das|du|la|le|el|es|al|au|sur|upon|of|on|am|an|der|den)"
_CAPS_PLACE = re.compile(rf"{_CAPS}(?:[ ]{_CAPS}){{0,3}}")
_TITLE_PLACE = re.compile(rf"{_TITLE}(?:[ ](?:{_TITLE}|{_PARTICLE}(?=[ ]{_TITLE}))){{0,3}}")
# a state, province or country after the city: "Kenya", "N.H.", "Ill.", "Ore.", "D.C.", "NEW SOUTH WALES"
_REGION = re.compile(rf"(?:[A-Z][A-Za-z'’.-]*)(?:[ ](?:[A-Z][A-Za-z'’.-]*|{_PARTICLE}(?=[ ][A-Z]))){{0,2}}")
_COMMA = re.compile(r"\s*,\s*")
_AGENCY = re.compile(r"\s*(?:\((?P<p>[^()\n]{1,40})\)|/(?P<s>[^/\n]{2,40})/)")
# the dash that ends a dateline; a lone hyphen only between spaces, a colon only after strong evidence
_DASH = re.compile(r"\s*(?:—|–|―|-{2,})\s*|\s+-\s+")
_COLON = re.compile(r"\s*:\s+")
_SLASH_DATE = re.compile(r"\s*,?\s*")  # before a date that follows the agency ("/ WIRE / June 24, 2020")
_SLASH_END = re.compile(r"\s*,?\s*/\s+")
_BODY_START = re.compile(r"[A-Z0-9“\"‘'(]")
# capitals that open a paragraph as a label, not a place ("BREAKING —", "FILE -")
_LABELS = frozenset("""
    breaking exclusive update updated watch live video videos photo photos audio listen read note correction
    analysis opinion editorial comment commentary explainer review interview feature sponsored advertisement
    file podcast factbox fact check timeline q a summary background urgent flash alert bulletin wrap
""".split())
# words of a phrase in capitals, never of a place name ("COUNCIL HAS OVERRULED HER —")
_NOT_PLACE_WORDS = frozenset("is are was were has have had him her his its it and or to for with by not no who what why how".split())
# parentheses that are not an agency ("(File)", "(Photo)", "(Updated)")
_NOT_AGENCY = frozenset("""
    file photo photos picture pictures image video audio updated update live watch listen pictured graphic map
    opinion analysis editorial sponsored advertisement ad left right centre center above below
""".split())
# a person, not a place: "Sen. Ana Ruiz (D-Ore.) —"
_HONORIFICS = frozenset("""
    mr mrs ms miss dr sen senator rep gov governor gen col lt sgt capt prof rev sir dame lord lady president
    prime minister king queen prince princess pope mayor judge justice
""".split())
_MAX_LINE = 120  # a dateline alone on its line is short
_OUTLET_WORDS = frozenset("""
    times news post herald journal tribune gazette daily weekly wire press telegraph guardian observer chronicle
    courier monitor ledger express mail star sun standard review record register today magazine radio tv
    television network agency bulletin dispatch examiner inquirer mirror globe independent insider reporter
    sentinel voice online media broadcasting channel report digest newsletter pioneer leader
""".split())


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the head of ``text``: the body starts at ``end``."""

    end: int | None  # offset in the text where the body begins; None when the text is all dateline
    place: str
    agency: str | None
    date: DateMention | None

    @property
    def whole(self) -> bool:
        return self.end is None

    def meta(self) -> Meta:
        d = self.date
        published = d.first().isoformat() if d and d.year and d.day else None
        month_day = (d.month, d.day) if d and d.day and not d.year else None
        return Meta(publisher=self.agency, published=published, month_day=month_day)


def _known_place(name: str) -> bool:
    from ..extract.countries import country_of  # the country and capital tables; loaded on first use

    return country_of(name) is not None


def _agency(raw: str) -> str | None:
    """The agency named in '(Reuters)' or '/PRNewswire/', if it reads as one."""
    name = " ".join(raw.split())
    words = name.replace("/", " ").split()
    if not 1 <= len(words) <= 5 or not name[:1].isupper() or not any(c.isalpha() for c in name):
        return None
    if any(w.lower().strip(".,") in _NOT_AGENCY for w in words) or re.search(r"\d{2}|https?:|@", name):
        return None
    if re.match(r"[A-Z]-", name):
        return None  # a party and state after a name: "(R-Texas)"
    return name


def _date_at(text: str, pos: int) -> DateMention | None:
    """A date written at ``pos`` (offsets of the mention relative to the text)."""
    for dm in find_dates(text[pos:pos + 40]):
        if dm.start == 0 and dm.day:
            return DateMention(pos + dm.start, pos + dm.end, dm.month, dm.year, dm.day, dm.day_end)
        break
    return None


def _only_date(rest: str) -> DateMention | None:
    """The date if ``rest`` holds only a (labelled) date, else None."""
    meta = parse_dateline(rest) if rest else None
    if meta is None or not meta.published:
        return None
    return next((d for d in find_dates(rest) if d.year and d.day), None)


def _parenthetical(rest: str, dash: str) -> bool:
    """'Ukraine — Not Russia — is ...': the dash opens an aside, it does not end a dateline."""
    sentence = re.split(r"[.!?](?:\s|$)", rest, maxsplit=1)[0]
    mark = dash.strip()
    return (f" {mark} " if mark == "-" else mark) in sentence


def _place(text: str) -> tuple[re.Match, bool] | None:
    """The place opening ``text`` and whether it is in capitals, or None."""
    m = _CAPS_PLACE.match(text)
    if m:
        words = m.group().lower().split()
        if m.group().lower() in _LABELS or words[0] in _LABELS or sum(c.isalpha() for c in m.group()) < 3 \
                or any(w in _NOT_PLACE_WORDS for w in words):
            return None
        return m, True
    m = _TITLE_PLACE.match(text)
    if not m or m.group().split()[0].lower().strip(".") in _HONORIFICS:
        return None
    return m, False


def _regions_and_date(text: str, pos: int) -> tuple[int, DateMention | None] | None:
    """Skip ", Kenya", ", N.H." (two at most) and read ", March 3"; None if a comma leads into prose."""
    for _ in range(3):
        c = _COMMA.match(text, pos)
        if not c:
            return pos, None
        date = _date_at(text, c.end())
        if date:
            return date.end, date
        r = _REGION.match(text, c.end())
        if not r:
            return None  # "Lima, the capital, ..." is a sentence
        pos = r.end()
    return pos, None


def parse_wire(text: str) -> Dateline | None:
    """The dateline at the head of ``text`` (a unit's text), or None.

    ``end`` is where the body starts, or None when the whole text is the
    dateline (a line of its own, possibly with the date after the dash).
    """
    found = _place(text)
    if not found:
        return None
    m, caps = found
    place = m.group()
    after = _regions_and_date(text, m.end())
    if after is None:
        return None
    pos, date = after
    agency = None
    a = _AGENCY.match(text, pos)
    if a:
        agency = _agency(a.group("p") or a.group("s"))
        if agency is None:
            return None
        pos = a.end()
        if date is None and (date := _date_at(text, _SLASH_DATE.match(text, pos).end())):
            pos = date.end  # "LOS ANGELES, CA / WIRE / June 24, 2020 / ..."
    strong = agency is not None or date is not None
    d = _DASH.match(text, pos) or (_COLON.match(text, pos) if strong else None) \
        or (_SLASH_END.match(text, pos) if agency and date else None)
    rest_at = d.end() if d else pos
    rest = text[rest_at:].strip()
    if not caps and not agency and not (date and d) and not ((d or (date and not rest)) and _known_place(place)):
        return None  # a title-case name with only a dash, or only a date, must be a known place
    if not rest:
        return Dateline(None, place, agency, date) if (strong or d) and len(text) <= _MAX_LINE else None
    late = _only_date(rest) if date is None and (d or agency) and len(text) <= _MAX_LINE else None
    if late:  # "SYDNEY (Pacific Business Wire) - July 17, 2024", "COLUMBUS, OH / PR NEWSLINE / March 11, 2025"
        return Dateline(None, place, agency, late)
    if not d:
        if not (agency and date and re.match(r"\s+[A-Z“\"]", text[pos:])):
            return None  # "New Delhi, Mar 3 (PTI) The ...": without a dash, a place, a date and an agency
        rest_at = pos + len(text[pos:]) - len(text[pos:].lstrip())
    if not _BODY_START.match(text, rest_at) or not re.search(r"[a-z]", text[rest_at:]):
        return None  # an appositive ("Biden — who ...") or a line in capitals
    if not strong and _parenthetical(text[rest_at:], d.group()):
        return None
    return Dateline(rest_at, place, agency, date)


def wire_line(line: str) -> Meta | None:
    """Metadata of a line that is a dateline and nothing else, or None."""
    dl = parse_wire(line.strip())
    return dl.meta() if dl and dl.whole else None


def wire_prefix(text: str) -> Dateline | None:
    """The dateline heading a paragraph that goes on with body text, or None."""
    dl = parse_wire(text)
    return dl if dl and not dl.whole else None


_OUTLET_LINE = re.compile(r"^(?P<name>[^,|–—:]{2,60}?)\s*(?:,|\||–|—|\s-\s)\s*(?P<rest>\S.*)$")


def outlet_line(line: str) -> Meta | None:
    """'Daily Planet, 5 May 2024': an outlet's name and a date, alone on a line, or None.

    The name is taken as the publisher only when it reads as an outlet (a word
    such as Times, News, Wire, a leading "The", a domain); a place or any
    other name still dates the article.
    """
    m = _OUTLET_LINE.match(line.strip())
    if not m or len(line) > _MAX_LINE or parse_dateline(line) is not None:
        return None  # "Friday, December 4, 2015" is a date line
    date = _only_date(m.group("rest"))
    name = m.group("name").strip()
    if date is None or _publisher(name) is None or _known_place(name):
        return None
    words = name.split()
    outlet = (words[0] == "The" and len(words) > 1) or any(w.lower().strip(".") in _OUTLET_WORDS for w in words) \
        or re.search(r"\w\.(?:com|org|net|co|news|info)\b", name, re.I)
    return Meta(publisher=name if outlet else None, published=date.first().isoformat())


def dateline_meta(line: str) -> Meta | None:
    """A date line ('Published: 2 July 2019') or a wire dateline alone on its line."""
    return parse_dateline(line) or wire_line(line)


def source_meta(line: str) -> Meta | None:
    """A source line ('Source: X', 'This article first appeared in X') or an outlet line."""
    return parse_source_line(line) or outlet_line(line)


_URL_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]\d)(?![\d])")


def year_of(month: int, day: int, url: str | None, lo: str | None, hi: str | None) -> int | None:
    """The year of a dateline's yearless date, when something else pins it; never a guess.

    The year of a dated URL path (/2025/03/...) whose month agrees, else the one
    year that puts the day inside a closed publication window [lo, hi].
    """
    for m in _URL_DATE.finditer(url or ""):
        if int(m.group("m")) == month and _day(int(m.group("y")), month, day):
            return int(m.group("y"))
    if not (lo and hi):
        return None
    first, last = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    fits = [y for y in range(first.year, last.year + 1) if (d := _day(y, month, day)) and first <= d <= last]
    return fits[0] if len(fits) == 1 else None


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
