"""The attribution scorer on invented brat files: spans, the reference annotator, the five figures."""
from __future__ import annotations

from newsgraph.benchmark.attribution import Attribution, Prediction, Scores, read_ann, read_gold

TEXT = ('Mayor Ada Quill said the ferry would run again. "We are ready," Quill told reporters. '
        'Critics believe the budget is too thin.')


def ann(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def spans(text: str, part: str) -> str:
    start = text.index(part)
    return f"{start} {start + len(part)}"


def write_article(folder, name: str, annotators: dict[str, str]) -> None:
    (folder / "text").mkdir(exist_ok=True)
    (folder / "ann").mkdir(exist_ok=True)
    (folder / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    for who, body in annotators.items():
        (folder / "ann" / f"{name}_{who}.ann").write_text(body, encoding="utf-8")


QUOTE = '"We are ready,"'


def gold_lines() -> str:
    t = TEXT
    return ann(
        f"T1\tSource {spans(t, 'Mayor Ada Quill')}\tMayor Ada Quill",
        f"T2\tCue {spans(t, 'said')}\tsaid",
        f"T3\tContent {spans(t, 'the ferry would run again')}\tthe ferry would run again",
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        f"T4\tContent {spans(t, QUOTE)}\t{QUOTE}",
        f"T5\tSource {spans(t, 'Quill told')}\tQuill told",
        "E2\tAttribution:T2 Source:T5 Content:T4",
        f"T6\tContent {spans(t, 'the budget is too thin')}\tthe budget is too thin",
        f"T7\tSource {spans(t, 'Critics')}\tCritics",
        f"T8\tCue {spans(t, 'believe')}\tbelieve",
        "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T6",
    )


def test_read_ann_keeps_discontinuous_spans_and_roles(tmp_path):
    path = tmp_path / "a.ann"
    path.write_text(ann("T1\tContent 0 4;10 15\tMayo Quill", "T2\tSource 20 25\tthe x", "E1\tAttribution:T1 Content:T1 Source:T2"))
    (a,) = read_ann(path)
    assert a.content == ((0, 4), (10, 15)) and a.source == "the x" and len(a.chars) == 9
    assert a.source_spans == ((20, 25),) and a.cue_spans == ()


def test_named_source_and_direct():
    assert Attribution(((0, 5),), '"Go"', source="Ada Quill").named_source
    assert not Attribution(((0, 5),), "go", source="she").named_source
    assert not Attribution(((0, 5),), "go", source="the mayor").named_source
    assert Attribution(((0, 5),), '“Go”').direct and not Attribution(((0, 5),), "Clinton’s plan").direct


def test_the_first_annotator_is_the_reference_and_all_widen_precision(tmp_path):
    write_article(tmp_path, "art", {"a": gold_lines(), "b": ann(
        f"T1\tContent {spans(TEXT, 'Critics believe the budget is too thin')}\tx", "E1\tAttribution:T1 Content:T1")})
    gold = read_gold(tmp_path / "text", tmp_path / "ann")
    attrs, allowed = gold["art"]
    assert len(attrs) == 3
    assert set(range(TEXT.index("Critics"), TEXT.index("Critics") + 7)) <= allowed


def test_scores_count_found_right_and_speakers(tmp_path):
    write_article(tmp_path, "art", {"a": gold_lines()})
    attrs, allowed = read_gold(tmp_path / "text", tmp_path / "ann")["art"]
    quote = TEXT.index(QUOTE)
    preds = [
        Prediction.span(quote, quote + 15, "direct", "Ada Quill"),                              # found, right speaker
        Prediction.span(TEXT.index("the ferry"), TEXT.index("again") + 5, "indirect", None),   # found
        Prediction.span(0, 5, "indirect", None),                                               # wrong: not content
    ]
    s = Scores()
    s.add("art", TEXT, attrs, allowed, preds)
    f = s.figures()
    assert (f["direct_recall"], f["direct_precision"], f["named_speaker_accuracy"]) == (1.0, 1.0, 1.0)
    assert f["all_recall"] == round(2 / 3, 3) and f["all_precision"] == round(2 / 3, 3)
    assert s.errors["indirect missed: belief/knowledge"] == 1  # "Critics believe ..." not predicted
    assert s.errors["false indirect quotation"] == 1
    s2 = Scores()
    s2.add("art", TEXT, attrs, allowed, [Prediction.span(quote, quote + 15, "direct", "Critics")])
    assert s2.figures()["named_speaker_accuracy"] == 0.0 and s2.errors["direct found, wrong speaker"] == 1


def test_quotations_sharing_a_cue_are_one_attribution_in_pieces():
    from types import SimpleNamespace as NS

    from newsgraph.benchmark.attribution import predictions_of
    from newsgraph.model import Quote, Span

    text = '"Roads are closed," Ada Quill said. "Stay home." "Wait for us." "Later," Bo Ek said.'
    cue, other = Span(text.index("said"), text.index("said") + 4), Span(text.rindex("said"), text.rindex("said") + 4)
    pieces = [(text.index(w), text.index(w) + len(w)) for w in ("Roads are closed", "Stay home", "Wait for us")]
    c = text.index("Later")
    doc = NS(quotes=[Quote(Span(*p), "direct", cue, speaker_name="Ada Quill") for p in pieces] +
             [Quote(Span(c, c + 5), "direct", other, speaker_name="Bo Ek"),
              Quote(Span(c, c + 4), "indirect", None, speaker_name=None)])
    preds = predictions_of(doc)
    assert [p.pieces for p in preds] == [tuple(pieces), ((c, c + 5),), ((c, c + 4),)]
    # One gold content in three pieces round its cue: found by the joined prediction, by no piece alone.
    gold = [Attribution(tuple(pieces), '"' + text[pieces[0][0]:pieces[0][1]], source="Ada Quill")]
    for ps, found in ((preds[:1], 1), ([Prediction.span(*p, "direct", "Ada Quill") for p in pieces], 0)):
        s = Scores()
        s.add("art", text, gold, gold[0].chars, ps)
        assert s.found_direct == found


def test_an_article_a_stage_failed_on_is_named_not_silently_scored_lower(tmp_path, monkeypatch):
    from newsgraph.benchmark.attribution import evaluate
    from newsgraph.pipeline import registry, stages  # noqa: F401  (registers the stages)
    from newsgraph.settings import Settings

    write_article(tmp_path, "art", {"a": gold_lines()})

    def broken(doc):
        raise NameError("a slip in the quotation stage")

    monkeypatch.setitem(registry.STAGES, "quotes", lambda settings: registry.per_document(broken, "quotes"))
    scores = evaluate(tmp_path / "text", tmp_path / "ann", Settings(workers=1, pipeline=("clean", "quotes")))
    assert [name for name, _ in scores.failed] == ["art"]
    assert "NameError" in scores.failed[0][1] and scores.found_all == 0
