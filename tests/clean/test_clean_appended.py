"""The appended-text detector: keeps an article's own ending, drops an unrelated appendix."""
from __future__ import annotations

from newsgraph.clean import clean
from newsgraph.clean.appended import appended_start
from newsgraph.model import Document

from .conftest import ARTICLE_PARAGRAPHS, PRESS_RELEASE

BODY = ARTICLE_PARAGRAPHS[1:]


def test_normal_article_keeps_its_last_paragraphs():
    assert appended_start(BODY) == len(BODY)


def test_article_ending_on_a_quote_is_kept():
    closing = "“It is about time,” another resident said."
    assert appended_start(BODY + [closing]) == len(BODY) + 1


def test_appended_press_release_is_dropped():
    assert appended_start(BODY + PRESS_RELEASE) == len(BODY)


def test_appended_block_removed_in_clean(article_text):
    text = article_text + "\n" + "\n\n".join(PRESS_RELEASE) + "\n"
    doc = clean(Document(id="t", source="t", text=text))
    appended = [r for r in doc.removed if r.reason == "appended-unrelated"]
    assert [text[r.start:r.end] for r in appended] == PRESS_RELEASE
    last_kept = text[doc.kept[-1].start:doc.kept[-1].end]
    assert last_kept == ARTICLE_PARAGRAPHS[-1]


def test_short_article_is_never_cut():
    short = BODY[:2] + PRESS_RELEASE[:1]
    assert appended_start(short) == len(short)
