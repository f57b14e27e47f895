"""HTML to article text and metadata with trafilatura.

The text trafilatura extracts *is* the document's raw text for an HTML input:
all offsets refer to it, not to the markup. Each block trafilatura keeps
(paragraph, heading, list, table, quotation) becomes one paragraph and
paragraphs are separated by a blank line, as in a plain-text article; a line
break inside a block stays a single newline. Comments are left out.
"""
from __future__ import annotations

import re
from typing import Any

from ..errors import E, NewsgraphError
from .decode import normalise_newlines

# lxml refuses an already decoded string that still declares its encoding
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# trafilatura's metadata name -> Document field
_META = {"title": "title", "author": "author", "sitename": "publisher", "date": "published", "url": "url"}


def extract_html(html: str, source: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return ``(text, metadata)`` of the article in ``html``.

    Raises BAD_HTML when the page cannot be parsed and NO_BODY when it holds no
    article text.
    """
    import trafilatura  # heavy import, only when HTML is met
    from trafilatura.xml import xmltotxt

    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=True, include_images=False, include_links=False,
        )
    except Exception as exc:  # lxml and trafilatura fail in many ways on broken markup
        raise NewsgraphError(E.BAD_HTML, path=source, detail=str(exc) or type(exc).__name__) from None
    body = getattr(result, "body", None) if result is not None else None
    if body is None:
        raise NewsgraphError(E.NO_BODY, path=source)
    blocks = ("\n".join(line.rstrip() for line in xmltotxt(child, False).strip().split("\n"))
              for child in body)
    text = normalise_newlines("\n\n".join(b for b in blocks if b.strip()))
    if not text.strip():
        raise NewsgraphError(E.NO_BODY, path=source)
    meta = {field: getattr(result, name, None) for name, field in _META.items()}
    if url:
        meta["url"] = url
    return text, meta
