"""The learned source ranker: who is the source of a content the rules left without one, and what
kind of source it is. Texts written for these tests."""
from __future__ import annotations

from newsgraph.extract import sources


def _quote(doc, words: str):
    return next(q for q in doc.quotes if words in q.content.of(doc.text))


def test_a_cue_outside_the_lexicon_still_finds_its_speaker(extract):
    doc = extract("The council met on Monday to discuss the budget.\n\n"
                  "“We will not raise the water rates this year, whatever the deficit,” Maria Kessel fumed.\n")
    q = _quote(doc, "water rates")
    assert q.kind == "direct" and q.speaker is not None and q.speaker_name == "Maria Kessel"
    assert q.source_kind == "person"


def test_an_interjection_goes_to_the_one_who_interjects_not_the_previous_speaker(extract):
    doc = extract("“The harbour will be dredged before the summer, and the ferries will run on time,” "
                  "said Tobias Lind, the harbour master.\n\n"
                  "“Only if the money arrives from the ministry this month,” Mayor Ana Ferreira interjected.\n")
    assert _quote(doc, "dredged").speaker_name == "Tobias Lind"
    assert _quote(doc, "money arrives").speaker_name == "Ana Ferreira"


def test_source_kinds_documents_anonymous_people(extract):
    doc = extract("The audit found that the agency had overspent its travel budget by a third last year. "
                  "A senior official said that the minister would respond within the week. "
                  "Minister Jonas Berg said that the figures were wrong.\n")
    kinds = {q.content.of(doc.text)[:12]: q.source_kind for q in doc.quotes}
    assert kinds.get("the agency h") == "document"
    assert kinds.get("the minister") == "anonymous"
    assert kinds.get("the figures ") == "person"


def test_the_model_answers_none_when_no_mention_is_a_source(nlp):
    text = "Heavy snow closed the mountain pass on Friday. Traffic was diverted through the valley road.\n"
    sdoc = nlp(text)
    assert sources.rank(sdoc, (text.index("Traffic"), len(text) - 2)) is None


def test_the_shipped_weights_load_with_a_threshold():
    model = sources.default_model()
    assert len(model.weights) > 1000 and model.threshold is not None
