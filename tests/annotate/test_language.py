from newsgraph.annotate import detect_language
from newsgraph.model import Document, Span


def _doc(text):
    return Document(id="x", source="x", text=text, kept=[Span(0, len(text))])


def test_english_is_analysed():
    doc = detect_language(_doc("The council voted on Tuesday to close the old bridge to lorries after engineers "
                               "warned that its supports were failing."))
    assert doc.language == "en" and doc.analysable


def test_other_languages_are_stored_but_flagged_not_analysed():
    doc = detect_language(_doc("El ayuntamiento votó el martes cerrar el viejo puente a los camiones después de que "
                               "los ingenieros advirtieran que sus soportes estaban fallando."))
    assert doc.language == "es"
    assert "non-english" in doc.flags and not doc.analysable


def test_a_very_short_body_is_not_judged():
    doc = detect_language(_doc("Ja."))
    assert doc.analysable
