"""The rule sentence splitter: offsets into the raw text, quotes kept with their sentence."""
from newsgraph.cluster.sentences import sentences, split
from newsgraph.model import Document, Removal, Span


def test_spans_are_offsets_into_the_text():
    text = 'He said: "It is over." Then he left. U.S. forces stayed on Aug. 30.\nA new line starts here.'
    found = split(text, 100)
    assert [t for _, _, t in found] == ['He said: "It is over."', "Then he left.", "U.S. forces stayed on Aug. 30.",
                                        "A new line starts here."]
    assert all(text[a - 100:b - 100] == t for a, b, t in found)


def test_no_split_after_an_initial_or_a_title():
    assert len(split("John F. Kennedy met Mr. Lee in Dallas. They talked.")) == 2


def test_sentences_come_from_kept_ranges_only():
    text = "Menu Home Sport\nThe council met on Monday. It voted twice.\nShare this"
    body = text.index("The council")
    doc = Document(id="d", source="s", text=text, kept=[Span(body, text.index("Share") - 1)],
                   removed=[Removal(0, body, "menu")])
    assert [t for _, _, t in sentences(doc)] == ["The council met on Monday.", "It voted twice."]
    assert [t for _, _, t in sentences(doc, min_words=4)] == ["The council met on Monday."]
    assert len(sentences(doc, limit=1)) == 1


def test_a_document_no_cleaner_saw_is_read_whole():
    doc = Document(id="d", source="s", text="One sentence here. Another one there.")
    assert len(sentences(doc)) == 2
