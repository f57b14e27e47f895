"""Copy detection on invented articles: each kind, direction, spans, the index's life cycle."""
import logging

from newsgraph.dedupe import copies
from newsgraph.dedupe.copies import compare
from newsgraph.dedupe.fingerprint import Fingerprint
from newsgraph.dedupe.sentences import document_sentences

from .conftest import MeaningEncoder, make_doc, save
from .texts import ARTICLE, INDEPENDENT, TRANSLATED, spin


def fp(text):
    return Fingerprint.of(make_doc(text))


def kind(a, b, cosines=None):
    match = compare(fp(a), fp(b), cosines)
    return match.kind if match else None


def paragraphs(text):
    return [p for p in text.splitlines() if p.strip()]


def test_exact_near_and_partial():
    assert kind(ARTICLE, ARTICLE.replace("\n", "\n\n")) == "exact"
    moved = paragraphs(ARTICLE)
    moved[0], moved[3] = moved[3], moved[0]
    assert kind(ARTICLE, "\n".join(moved)) == "near"
    edited = ARTICLE.replace("Tuesday", "Wednesday").replace("spring", "summer")
    assert kind(ARTICLE, edited) == "near"
    assert kind(ARTICLE, "\n".join(paragraphs(ARTICLE)[:5])) == "partial"
    furniture = "\n".join(f"Read more: a story about item number {n} on another subject entirely" for n in range(16))
    assert kind(ARTICLE, furniture + "\n" + ARTICLE) == "partial"


def test_a_few_lines_around_the_same_body_keep_it_exact_more_do_not():
    framed = "Home | World | Sport | Opinion\n" + ARTICLE + "Share this article on social media today.\n"
    match = compare(fp(ARTICLE), fp(framed), None)
    assert match.kind == "exact" and 0.9 <= match.similarity < 1
    cut = "\n".join(paragraphs(ARTICLE)[:-2])  # the last two paragraphs missing: cut, not framed
    assert kind(ARTICLE, cut) != "exact"


def test_paragraphs_lifted_into_a_longer_text_are_a_partial_copy():
    roundup = "\n".join(
        [f"In other news, item {n} of the evening bulletin concerned the weather in the hills and the roads."
         for n in range(12)] + paragraphs(ARTICLE)[3:8] +
        [f"Sports results, part {n}, followed the news and ended the bulletin at nine o'clock." for n in range(10)])
    match = compare(fp(ARTICLE), fp(roundup), None)
    assert match.kind == "partial" and len(match.spans) == 5
    one_quote = "\n".join(paragraphs(INDEPENDENT) + paragraphs(ARTICLE)[3:4])  # a quotation both carry
    assert kind(ARTICLE, one_quote) is None


def test_spun_copy_is_found_on_words_kept_in_order():
    match = compare(fp(ARTICLE), fp(spin(ARTICLE)), None)
    assert match.kind == "spun" and 0.6 < match.similarity < 1


def test_an_independent_report_of_the_same_event_is_no_copy():
    no_vectors = lambda short, long: None  # noqa: E731 - no encoder: words alone
    assert kind(ARTICLE, INDEPENDENT, no_vectors) is None


def test_translation_needs_sentence_vectors():
    a, b = fp(ARTICLE), fp(TRANSLATED)
    assert compare(a, b, None) is None
    encoder = MeaningEncoder({s.text: i for i, s in enumerate(a.sentences)} |
                             {s.text: i for i, s in enumerate(b.sentences)})
    match = compare(a, b, lambda s, t: encoder.encode([x.text for x in s.sentences]) @
                    encoder.encode([x.text for x in t.sentences]).T)
    assert match.kind == "translated" and match.similarity > 0.9
    assert len(match.spans) == len(a.sentences)


def test_sentences_matched_out_of_order_are_not_a_translation():
    a, b = fp(ARTICLE), fp(TRANSLATED)
    n = len(a.sentences)
    encoder = MeaningEncoder({s.text: i for i, s in enumerate(a.sentences)} |
                             {s.text: n - 1 - i for i, s in enumerate(b.sentences)})
    assert compare(a, b, lambda s, t: encoder.encode([x.text for x in s.sentences]) @
                   encoder.encode([x.text for x in t.sentences]).T) is None


def test_real_encoder_finds_the_translation_and_not_the_independent_report(real_encoder):
    def cosines(short, long):
        return real_encoder.encode([s.text for s in short.sentences]) @ \
            real_encoder.encode([s.text for s in long.sentences]).T

    assert kind(ARTICLE, TRANSLATED, cosines) == "translated"
    assert kind(ARTICLE, INDEPENDENT, cosines) is None


# -- at ingest, in a store ---------------------------------------------------------------------
def test_ingest_records_the_pair_with_direction_and_spans(store):
    original = make_doc(ARTICLE, "original", published="2024-05-01")
    copy = make_doc(spin(ARTICLE), "copy", published="2024-05-03")
    assert save(store, copy) == []
    [pair] = save(store, original)
    assert (pair.copy_id, pair.original_id, pair.kind, pair.direction) == (copy.id, original.id, "spun", "published")
    first = pair.spans[0]
    copy_sentence, original_sentence = copy.text[first[0]:first[1]], original.text[first[2]:first[3]]
    assert copy_sentence.startswith("Councillors in Velmora balloted") and original_sentence.startswith(
        "Councillors in Velmora voted")
    row = store.db.execute("SELECT document_id, original_id, kind, direction FROM copies").fetchone()
    assert tuple(row) == (copy.id, original.id, "spun", "published")


def test_unrelated_documents_are_never_compared(store, monkeypatch):
    save(store, make_doc(ARTICLE, "a"))
    looked = []
    monkeypatch.setattr(copies, "compare", lambda *a, **k: looked.append(a))
    save(store, make_doc("Heavy rain closed the mountain pass for a third day, and drivers were told to wait. "
                         "Snow ploughs could not reach the top before the weekend.", "b"))
    assert looked == []


def test_deleting_a_document_removes_it_from_the_index(store):
    a, b = make_doc(ARTICLE, "a"), make_doc(ARTICLE.replace("\n", "\n\n"), "b")
    save(store, a)
    save(store, b)
    count = lambda table: store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert (count("fingerprints"), count("copies")) == (2, 1)
    assert count("lsh_buckets") > 0
    assert store.delete_document(b.id)
    assert (count("fingerprints"), count("copies")) == (1, 0)
    assert store.db.execute("SELECT COUNT(*) FROM lsh_buckets WHERE document_id = ?", (b.id,)).fetchone()[0] == 0
    assert store.delete_document(a.id)
    assert count("lsh_buckets") == 0 and count("fingerprints") == 0


def test_vectors_are_computed_only_for_candidates_that_need_them(store):
    encoder = MeaningEncoder()
    save(store, make_doc(ARTICLE, "a"), encoder)
    save(store, make_doc(ARTICLE.replace("\n", "\n\n"), "b"), encoder)  # exact: words decide
    save(store, make_doc(spin(ARTICLE), "c"), encoder)  # spun: words kept in order decide
    assert encoder.calls == 0
    save(store, make_doc(TRANSLATED, "d"), encoder)  # words fall short: vectors asked for
    assert encoder.calls > 0
    cached = store.db.execute("SELECT COUNT(*) FROM sentence_vectors").fetchone()[0]
    assert cached >= len(document_sentences(make_doc(TRANSLATED)))


def test_without_an_encoder_one_warning_and_lexical_kinds_still_work(store, monkeypatch, caplog):
    monkeypatch.setattr(copies, "ENCODERS", copies.Encoders())
    caplog.set_level(logging.WARNING, logger="newsgraph.copies")
    with store.transaction():
        for name, text in (("a", ARTICLE), ("b", TRANSLATED), ("c", ARTICLE.replace("\n", "\n\n"))):
            doc = make_doc(text, name)
            store.insert_document(doc)
            copies.link_copies(store, doc, model="no-such-model-anywhere")
        again = make_doc(TRANSLATED.replace("\n", "\n\n"), "d")
        store.insert_document(again)
        copies.link_copies(store, again, model="no-such-model-anywhere")
    warnings = [r for r in caplog.records if "no sentence encoder" in r.getMessage()]
    assert len(warnings) == 1 and "E022" in warnings[0].getMessage()
    kinds = sorted(r[0] for r in store.db.execute("SELECT kind FROM copies"))
    assert kinds == ["exact", "exact"]


def test_tiny_documents_are_indexed_but_never_called_copies(store):
    save(store, make_doc("Subscribe to read the full story.", "a"))
    assert save(store, make_doc("Subscribe to read the full story.\n", "b")) == []
    assert store.db.execute("SELECT COUNT(*) FROM fingerprints").fetchone()[0] == 2


def test_a_bucket_holds_at_most_its_cap_and_copies_are_still_found(store, monkeypatch):
    monkeypatch.setattr(copies, "BUCKET_CAP", 3)
    docs = [make_doc(ARTICLE + f"\nEditor's note {n}: corrected on day {n}.", f"copy{n}") for n in range(6)]
    for doc in docs:
        save(store, doc)
    largest = store.db.execute("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM lsh_buckets GROUP BY band, bucket)")
    assert largest.fetchone()[0] == 3
    last = docs[-1].id
    assert store.db.execute("SELECT COUNT(*) FROM copies WHERE document_id = ? OR original_id = ?",
                            (last, last)).fetchone()[0] >= 1


def test_documents_stored_before_copy_detection_are_indexed_on_the_next_ingest(tmp_path):
    from newsgraph import api
    from newsgraph.store.sqlite import Store

    from .builders import write_jsonl

    feed = write_jsonl(tmp_path / "feed.jsonl", [{"text": ARTICLE, "published": "2024-01-01"},
                                                 {"text": spin(ARTICLE), "published": "2024-01-02"}])
    db = tmp_path / "old.db"
    api.ingest([feed], db=db, pipeline="clean,language", workers=1, progress=False)
    with Store(db) as old:  # as a database filled before the copy index existed
        old.db.execute("DELETE FROM fingerprints")
        old.db.execute("DELETE FROM copies")
    report = api.ingest([feed], db=db, pipeline="clean,language", workers=1, progress=False)
    assert report.already_stored == 2
    assert [(c["kind"], c["direction"]) for c in api.copies(db=db)] == [("spun", "published")]
