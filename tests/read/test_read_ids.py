"""Document ids: content-based, stable across names and Unicode forms."""
from __future__ import annotations

import re
import unicodedata

from newsgraph.read import document_id


def test_same_content_two_paths_same_id(read, tmp_path):
    text = "The council voted on Tuesday to close the old bridge to lorries.\n"
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-16")
    a, b = read(tmp_path / "one" / "a.txt", tmp_path / "b.txt")
    assert a.source != b.source
    assert a.id == b.id == document_id(text)


def test_id_shape_and_sensitivity():
    a = document_id("The council voted on Tuesday.")
    assert re.fullmatch(r"[0-9a-f]{16}", a)
    assert document_id("The council voted on Wednesday.") != a
    assert document_id("The council voted on Tuesday. ") != a


def test_id_ignores_unicode_composition():
    composed = "Café in Zürich"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert document_id(composed) == document_id(decomposed)
