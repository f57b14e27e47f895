"""The public entry point: contract, robustness and cost relative to the parse."""
from __future__ import annotations


from newsgraph.extract import extract_quotes
from newsgraph.model import Document, Removal

ARTICLE = (
    "“The new line will open in May,” transport minister Elena Ruiz said on Monday. "
    "“Trains will run every ten minutes.”\n\n"
    "Ruiz added that ticket prices would not rise this year.\n\n"
    "Union spokesman Pavel Novak said that drivers had not been consulted.\n\n"
)


def test_no_parse_gives_empty_lists():
    doc = Document(id="x", source="x", text="“Hello there, how are you all today,” she said.")
    assert extract_quotes(doc) is doc
    assert doc.quotes == [] and doc.people == []


def test_empty_text(extract):
    doc = extract("")
    assert doc.quotes == [] and doc.people == []


def test_removed_ranges_yield_no_quotes(nlp):
    text = ARTICLE + "“Buy cheap insurance quotes online today from the best providers,” said Sales Bot Ltd."
    cut = text.index("“Buy")
    doc = Document(id="x", source="x", text=text, removed=[Removal(cut, len(text), "spam")])
    doc.spacy = nlp(doc.body_view())
    extract_quotes(doc)
    assert doc.quotes and all(q.content.end <= cut for q in doc.quotes)


def test_quote_fields_filled(extract):
    doc = extract(ARTICLE)
    kinds = {q.kind for q in doc.quotes}
    assert kinds <= {"direct", "indirect", "mixed"} and {"direct", "indirect"} <= kinds
    for q in doc.quotes:
        assert q.speaker_type in ("person", "org")
        assert q.speaker_name in ("Elena Ruiz", "Pavel Novak")
    names = {p.name: p for p in doc.people}
    assert set(names) == {"Elena Ruiz", "Pavel Novak"}
    assert "Ruiz" in names["Elena Ruiz"].aliases
    assert "transport minister" in names["Elena Ruiz"].roles


def test_random_marks_never_crash(nlp):
    """Fuzz: shuffled sentences with marks in odd places; offsets stay valid."""
    import random

    rng = random.Random(7)
    pieces = ["“", "”", '"', "‘", "’", "'", " he said", " said Anna Berg", ": ", ", ", ". ", "\n\n", "\n",
              "The council", " warned that", " taxes would rise", " according to officials", " She added",
              " don’t", " the mayor’s office", "“Never", " again,“", " Berg told the paper"]
    for _ in range(25):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(5, 60)))
        doc = Document(id="f", source="f", text=text)
        doc.spacy = nlp(text)
        extract_quotes(doc)
        for q in doc.quotes:
            assert 0 <= q.content.start < q.content.end <= len(text)
            if q.cue is not None:
                assert 0 <= q.cue.start <= q.cue.end <= len(text)
