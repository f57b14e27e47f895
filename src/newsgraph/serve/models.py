"""Response shapes of the API: what /openapi.json promises and what every response is checked against.

Field names follow the JSONL output contract of the CLI (README), so a script
written against one reads the other. Offsets are Python string indices into
the document's raw text, as everywhere in newsgraph.
"""
from __future__ import annotations

from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    total: int = Field(description="Items matching the filters, on all pages.")
    limit: int
    offset: int
    items: list[T]


class Problem(BaseModel):
    error: str = Field(description="A stable code, such as E019, or HTTP for a request the API cannot take.")
    message: str
    hint: str = ""


class Health(BaseModel):
    status: str
    schema_version: int
    documents: int
    writable: bool


class CopyLink(BaseModel):
    document_id: str = Field(description="The other document of the pair.")
    source: str
    kind: str
    similarity: float


class DocumentSummary(BaseModel):
    id: str
    source: str
    url: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None
    published_from: Optional[str] = None
    published_to: Optional[str] = None
    language: Optional[str] = None
    flags: list[str] = []
    characters: int
    quotes: int
    events: int = Field(description="Event reports coded from this document.")
    story: Optional[int] = None
    copy_of: list[CopyLink] = Field(default=[], description="Documents this one copies.")
    version_of: Optional[str] = Field(None, description="The earlier version, read from the same source.")
    superseded_by: Optional[str] = Field(None, description="The later version, read from the same source.")
    current: bool = Field(True, description="No later version of this document was read from its source.")


class Quote(BaseModel):
    id: int
    document_id: str
    source: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None
    start: int
    end: int
    text: str
    kind: str
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    speaker: Optional[str] = None
    speaker_id: Optional[int] = None
    speaker_mention: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    source_kind: str = "unknown"  # person | organisation | document | anonymous | unknown
    statement: Optional[int] = None


class ReportLink(BaseModel):
    event_id: int
    type: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    text: str
    actors: str = Field(description="Who did what to whom, in words.")


class Document(DocumentSummary):
    text: str = Field(description="The raw text every offset points into.")
    kept: list[list[int]] = Field(description="[start, end] ranges of article body.")
    removed: list[list] = Field(description="[start, end, reason] ranges cut as not article body.")
    copied_by: list[CopyLink] = Field(default=[], description="Documents that copy this one.")
    quotations: list[Quote] = []
    event_reports: list[ReportLink] = []


class Person(BaseModel):
    id: int
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    country: Optional[str] = None
    party: Optional[str] = None
    office: Optional[str] = None
    gender: Optional[str] = None
    quote_count: int
    documents: int


class PersonSource(BaseModel):
    """One document naming the person, with what it said of them (dated by the document)."""
    document_id: str
    source: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None
    name: str
    roles: list[str]
    country: Optional[str] = None
    party: Optional[str] = None
    office: Optional[str] = None


class PersonDetail(Person):
    quotes: list[Quote]
    sources: list[PersonSource] = []


class ActorRef(BaseModel):
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None


class Evidence(BaseModel):
    source: str
    url: Optional[str] = None
    document: str
    start: int
    end: int
    text: str
    trigger_start: int
    trigger_end: int
    trigger: str
    date: Optional[str] = None
    date_source: str
    location: Optional[str] = None
    statement: bool
    publisher: Optional[str] = None
    published: Optional[str] = None


class Event(BaseModel):
    id: int
    type: str
    quad: int = Field(description="PLOVER quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict.")
    mode: Optional[str] = None
    context: list[str]
    actor: list[ActorRef]
    recipient: list[ActorRef]
    date: Optional[str] = None
    date_precision: Optional[str] = None
    date_first: Optional[str] = Field(None, description="First day the event may have happened on.")
    date_last: Optional[str] = Field(None, description="Last day the event may have happened on.")
    negated: bool
    future: bool
    hypothetical: bool
    historical: bool
    evidence: list[Evidence]
    reports: int
    publishers: int
    sources: int
    score: Optional[float] = None


class Actor(BaseModel):
    id: int
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None
    type: str
    events: int
    as_recipient: int


class NetworkNode(BaseModel):
    id: int
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None
    events: int


class NetworkEdge(BaseModel):
    source: int = Field(description="Actor id of the side that acts.")
    target: int = Field(description="Actor id of the recipient.")
    events: int
    cooperation: int = Field(description="Events of quad class 1 or 2.")
    conflict: int = Field(description="Events of quad class 3 or 4.")
    mean_score: Optional[float] = None


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class RelationEvent(BaseModel):
    id: int
    date: Optional[str] = None
    date_precision: Optional[str] = None
    type: str
    mode: Optional[str] = None
    quad: int
    direction: str
    score: Optional[float] = None
    reports: int
    negated: bool
    hypothetical: bool
    actor: list[ActorRef]
    recipient: list[ActorRef]
    evidence: list[Evidence]


class Period(BaseModel):
    period: str
    count: int
    mean_score: Optional[float] = None
    sum_score: float
    cooperation: int
    conflict: int


class Relation(BaseModel):
    a: str
    b: str
    by: str
    total: int = Field(description="Events between the two, on all pages.")
    offset: int
    events: list[RelationEvent]
    series: list[Period]
    unplaced: int = Field(description="Events whose date is coarser than a period.")
    left_out: int = Field(description="Negated or hypothetical events, listed but not in the series.")


class Story(BaseModel):
    id: int
    label: str
    title: str
    actors: list[str]
    documents: int
    first: Optional[str] = None
    last: Optional[str] = None


class CopyPair(BaseModel):
    id: int
    document_id: str
    source: str
    title: Optional[str] = None
    published: Optional[str] = None
    original_id: str
    original: str
    original_title: Optional[str] = None
    original_published: Optional[str] = None
    kind: str
    similarity: float
    direction: str
    spans: list[list[int]] = Field(description="[copy_start, copy_end, original_start, original_end] per aligned sentence.")


class StoryDetail(Story):
    countries: list[str]
    independent: int = Field(description="Documents left when copies of one another count once.")
    members: list[DocumentSummary]
    copies: list[CopyPair]
    publishers: list[str]


class StatementQuote(BaseModel):
    id: int
    document_id: str
    source: str
    start: int
    end: int
    text: str
    publisher: Optional[str] = None
    published: Optional[str] = None


class Statement(BaseModel):
    id: int
    speaker: Optional[str] = None
    speaker_id: Optional[int] = None
    text: str
    reports: int
    sources: int
    quotes: list[StatementQuote]


class Hit(BaseModel):
    kind: str = Field(description="document or quote.")
    document_id: str
    source: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None
    snippet: str
    marks: list[list[int]] = Field(description="[start, end] of each matched word inside the snippet.")
    spans: list[list[int]] = Field(description="[start, end] of each matched word in the raw text.")
    quote: Optional[Quote] = None


class Summary(BaseModel):
    documents: int
    quotes: int
    people: int
    events: int
    actors: int
    stories: int
    copies: int
    publishers: int
    first: Optional[str] = None
    last: Optional[str] = None
