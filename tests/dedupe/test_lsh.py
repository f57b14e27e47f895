"""The LSH index: a fixed number of rows per document, and copies meet in a band."""
from newsgraph.dedupe.fingerprint import Fingerprint
from newsgraph.dedupe.lsh import ANCHOR_BANDS, SENTENCE_BAND, SENTENCE_SAMPLE, TEXT_BANDS, band_keys, query_keys

from .conftest import make_doc
from .texts import ARTICLE, INDEPENDENT, spin


def keys(text):
    return set(band_keys(Fingerprint.of(make_doc(text))))


def test_rows_per_document_are_bounded_whatever_its_length():
    bound = TEXT_BANDS + ANCHOR_BANDS + SENTENCE_SAMPLE
    assert len(keys(ARTICLE)) == TEXT_BANDS + ANCHOR_BANDS + 11  # eleven sentences of 8+ words
    long = "\n".join(f"Paragraph {n}: " + line for n in range(20) for line in ARTICLE.splitlines())
    assert len(keys(long)) == bound
    assert len(query_keys(Fingerprint.of(make_doc(long)))) > bound  # a look-up may ask for every sentence


def test_a_text_without_names_gets_no_anchor_bands():
    bands = {band for band, _ in keys("the vote was close and the mood was tense in the hall that night")}
    assert bands == set(range(TEXT_BANDS)) | {SENTENCE_BAND}


def test_a_truncated_copy_and_a_spun_copy_share_bands_with_the_original():
    original = keys(ARTICLE)
    half = ARTICLE[: len(ARTICLE) // 2].rsplit("\n", 1)[0]
    assert original & keys(half)
    assert {band for band, _ in original & keys(spin(ARTICLE))}  # at least the anchor bands meet


def test_an_independent_report_shares_no_shingle_band():
    assert not {band for band, _ in keys(ARTICLE) & keys(INDEPENDENT) if band < TEXT_BANDS}
