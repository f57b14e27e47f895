"""The learned content finder: candidates from the parse, the weight table, selection beside the rules."""
from __future__ import annotations

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.extract import contents
from newsgraph.extract.contents import Candidate, ContentModel, candidates, load_model, overlaps_badly, select

TEXT = ("The mayor believes that the ferry will run again by spring. "
        "According to the harbour board, repairs cost 4 million. "
        "Critics called the plan \"a costly and reckless gamble\" on Tuesday.")


def spans(nlp, text: str) -> dict[str, Candidate]:
    doc = nlp(text)
    closed = [(text.index("a costly"), text.index("a costly") + len("a costly and reckless gamble"))]
    return {text[c.start:c.end]: c for c in candidates(doc, closed)}


def test_candidates_cover_complements_according_sentences_and_quotations(nlp):
    found = spans(nlp, TEXT)
    assert "the ferry will run again by spring" in found  # 'that' and the full stop trimmed
    assert found["the ferry will run again by spring"].kind == "child"
    assert "repairs cost 4 million" in found and found["repairs cost 4 million"].kind == "according"
    assert "a costly and reckless gamble" in found
    assert "the harbour board" not in found  # under four words: never chosen, so never scored
    sentence = next(c for c in found.values() if c.kind == "sentence" and "mayor" in TEXT[c.start:c.end])
    assert "lem=believe" not in sentence.features and "kind=sentence" in sentence.features
    believe = found["the ferry will run again by spring"].features
    assert {"lem=believe", "rel=ccomp", "that|lem=believe", "subj.lem=mayor"} <= set(believe)


def test_offsets_are_raw_offsets(nlp):
    for text, cand in spans(nlp, TEXT).items():
        assert TEXT[cand.start:cand.end] == text


def test_weight_table_round_trip_and_probability(tmp_path):
    model = ContentModel({"lem=believe": 2.0, "kind=sentence": -1.5}, -0.5, 0.6, "test")
    path = tmp_path / "m.tsv.gz"
    model.write(path)
    back = ContentModel.read(path)
    assert (back.weights, back.bias, back.threshold, back.name) == (model.weights, -0.5, 0.6, "test")
    assert back.probability(["lem=believe"]) == pytest.approx(1 / (1 + 2.718281828 ** -1.5), rel=1e-6)
    assert back.probability(["unknown"]) < 0.5


def test_select_keeps_the_best_beside_taken_spans_and_nested_ones():
    model = ContentModel({"a": 3.0, "b": 2.0, "c": 1.0, "low": -5.0}, 0.0, 0.6)
    cands = [Candidate(0, 50, "child", features=("a",), words=9),       # best
             Candidate(10, 30, "child", features=("b",), words=4),      # inside it: may stand
             Candidate(40, 80, "child", features=("b",), words=7),      # crosses it: dropped
             Candidate(100, 140, "child", features=("c",), words=7),    # crosses a taken span: dropped
             Candidate(200, 220, "child", features=("low",), words=4),  # under the threshold
             Candidate(300, 312, "child", features=("a",), words=2),    # a fragment: too short
             Candidate(0, 60, "sentence", features=("a",), words=11),   # holds a chosen span: dropped
             Candidate(400, 460, "sentence", features=("b",), words=11)]  # a sentence alone stands
    chosen = [(c.start, c.end) for _, c in select(cands, model, taken=[(120, 160)])]
    assert chosen == [(0, 50), (10, 30), (400, 460)]
    assert overlaps_badly(0, 10, 1, 10)  # one nearly repeats the other


def test_load_model_by_name_none_and_missing():
    assert load_model("none") is None and load_model(None) is None
    shipped = load_model(contents.DEFAULT_MODEL)
    assert shipped.weights and 0 < shipped.threshold < 1
    with pytest.raises(NewsgraphError) as err:
        load_model("no-such-model")
    assert err.value.code == "E014"


def test_the_model_adds_a_conviction_the_rules_miss(extract):
    text = "Campaign aides are convinced that the senator will announce her bid next week.\n"

    def found(model):
        return [q for q in extract(text, model=model).quotes if "the senator will announce" in q.content.of(text)]

    assert found("none") == []
    (quote,) = found(contents.DEFAULT_MODEL)
    assert quote.kind == "indirect" and quote.cue is not None and quote.cue.of(text) == "convinced"
