"""The nouns every stage shares: documents, spans, mentions, quotations, people,
actors, time expressions and events.

Offsets are the one currency between stages: every span is (start, end) into
``Document.text``, the raw text as read, never a substring to search again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_BLANK = re.compile(r"[^\n]")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range [start, end) into a document's raw text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class Removal:
    """A range the cleaner judged not to be article body, and why."""

    start: int
    end: int
    reason: str


@dataclass
class Mention:
    """A stretch of text naming or pointing at an actor (name, pronoun, role noun)."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name | pronoun | role | org


@dataclass
class Quote:
    """A reported statement: what was said (content), how (cue) and by whom (speaker)."""

    content: Span
    kind: str  # direct | indirect | mixed
    cue: Span | None = None
    speaker: Mention | None = None
    # Name of the speaker as resolved inside the document ("Ivan Petrov" for
    # a "He added"), before cross-document linking makes it canonical.
    speaker_name: str | None = None
    speaker_type: str | None = None  # person | org
    # What the source is: person | organisation | document | anonymous | unknown.
    source_kind: str = "unknown"


@dataclass
class Person:
    """An actor as described inside one document: its fullest name, variants, roles."""

    name: str
    type: str = "person"  # person | org
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-3
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None  # m | f, only where the article says (honorific, pronoun)
    party: str | None = None  # "Democratic", "Republican", ... as the article says
    office: str | None = None  # the office held on the article's date ("Senator", "Foreign Minister")


@dataclass
class Actor:
    """An actor as events code it: a name, a country and a sector.

    ``country`` is ISO 3166 alpha-3 or one of PLOVER's non-state codes (IGO,
    NGO, ...); ``sector`` a PLOVER/CAMEO sector code (GOV, MIL, REB, JUD, ...).
    ``span`` is where this document names the actor.
    """

    name: str
    country: str | None = None
    sector: str | None = None
    type: str = "org"  # person | org | group | place
    span: Span | None = None

    @property
    def key(self) -> str:
        """What makes two actors the same actor across documents."""
        return f"{self.name}|{self.country or ''}|{self.sector or ''}"


@dataclass
class TimeExpression:
    """A time expression normalised against the document's date.

    ``value`` is TIMEX-style: 2021-07-08, 2021-07-08/2021-07-09 (a range),
    2021-W28, 2021-07 or 2021. ``first`` and ``last`` are the calendar days it
    covers (YYYY-MM-DD, inclusive); ``anchored`` says the value was resolved
    against the document's date (relative expressions, yearless dates).
    """

    span: Span
    text: str
    value: str
    precision: str  # day | week | month | year
    first: str
    last: str
    anchored: bool = False


@dataclass
class Event:
    """One report of an action, coded in PLOVER, with its evidence offsets.

    ``date_source`` is "clause" when the date comes from a time expression of
    the event's own clause, "document" when it falls back to the document's date.
    """

    type: str
    trigger: Span
    sentence: Span
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_precision: str | None = None  # day | week | month | year
    date_first: str | None = None
    date_last: str | None = None
    date_source: str = "document"  # clause | document
    location: str | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    statement: bool = False  # coded from a quotation or reported speech


@dataclass
class Document:
    """One article: the raw text as read plus what the stages learn about it.

    ``text`` is never rewritten. Cleaning fills ``removed`` (with reasons) and
    ``kept``; metadata fields are filled from the input record first, then from
    the text. ``spacy`` holds the parse while the document is in flight and is
    never stored.
    """

    id: str
    source: str
    text: str
    format: str = "txt"
    url: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None
    published_to: str | None = None
    encoding: str | None = None
    language: str | None = None
    flags: list[str] = field(default_factory=list)
    content_hash: str | None = None
    version_of: str | None = None
    reuse_of: str | None = None
    kept: list[Span] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # (start, end, vector) of sentences embedded in a worker process, for storage to reuse.
    vectors: list[tuple[int, int, Any]] = field(default_factory=list)
    spacy: Any = None

    @property
    def analysable(self) -> bool:
        """False for documents stored but not analysed (non-English, empty body)."""
        return "not-analysed" not in self.flags

    def body_view(self) -> str:
        """The raw text with every removed range blanked out, same length.

        Newlines are kept and other characters become spaces, so a parser run
        over this view yields offsets that are offsets into the raw text.
        """
        if not self.removed:
            return self.text
        parts, pos = [], 0
        for r in sorted(self.removed, key=lambda r: r.start):
            start = max(r.start, pos)
            if r.end <= start:
                continue
            parts.append(self.text[pos:start])
            parts.append(_BLANK.sub(" ", self.text[start:r.end]))
            pos = r.end
        parts.append(self.text[pos:])
        return "".join(parts)

    def body(self) -> str:
        """The kept body as one string, ranges joined by blank lines (for display)."""
        return "\n\n".join(self.text[s.start:s.end].strip() for s in self.kept if self.text[s.start:s.end].strip())


@dataclass(frozen=True)
class Problem:
    """An input that was skipped, and why: the reader yields it instead of raising,
    so one bad file never stops a run. ``message`` is the error's full CLI line;
    ``status`` is "error" for input that failed, "skipped" for a path left out by
    choice (hidden, unknown suffix, not a regular file)."""

    source: str
    code: str
    message: str
    status: str = "error"

    @classmethod
    def of(cls, source: str, error: Any, status: str = "error") -> "Problem":
        """Build from a ``NewsgraphError`` met while reading ``source``."""
        return cls(source=source, code=error.code, message=error.line(), status=status)
