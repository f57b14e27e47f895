"""One invented sentence per construction the quote finder must handle, plus negatives."""
from __future__ import annotations


def test_cue_after(one):
    q, doc = one("“We will rebuild the harbour before winter,” Maria Lopez said on Tuesday.", "We will rebuild")
    assert q.kind == "direct" and q.speaker_name == "Maria Lopez"
    assert q.cue.of(doc.text).startswith("said")
    assert q.content.of(doc.text) == "We will rebuild the harbour before winter"


def test_cue_before_colon(one):
    q, _ = one('Harbour master Tomas Berg said: "The ships cannot dock until the storm passes."', "The ships cannot")
    assert q.speaker_name == "Tomas Berg" and q.kind == "direct"


def test_cue_inverted_with_apposition(one):
    q, doc = one("“Nobody expected the dam to fail,” said Helen Park, a hydrologist at the state university.",
                 "Nobody expected")
    assert q.speaker_name == "Helen Park"
    assert doc.people and "hydrologist" in " ".join(doc.people[0].roles)


def test_cue_inside_split_quotation(extract, find):
    doc = extract("“The budget is tight,” finance minister Arjun Rao said, “but the schools will be funded.”")
    first, second = find(doc, "The budget is tight"), find(doc, "but the schools")
    assert first and first[0].speaker_name == "Arjun Rao"
    assert second and second[0].speaker_name == "Arjun Rao"


def test_continuation_next_sentence_same_paragraph(extract, find):
    doc = extract("“Water levels are rising fast,” engineer Lena Vogt told reporters. "
                  "“We have asked the families near the river to leave tonight.”")
    q = find(doc, "We have asked the families")
    assert q and q[0].speaker_name == "Lena Vogt"


def test_continuation_next_paragraph(extract, find):
    doc = extract("“The vaccine shipment arrived this morning,” health official Samir Haddad said.\n\n"
                  "“We expect to reach every village within two weeks of today.”")
    q = find(doc, "We expect to reach every village")
    assert q and q[0].speaker_name == "Samir Haddad"


def test_colon_form_with_verb_phrase(one):
    q, doc = one('As the novelist Ines Moreau quipped on social media: "Every train here is late, '
                 'but at least they are consistently late."', "Every train here is late")
    assert q.speaker_name == "Ines Moreau"
    assert "on social media" in q.cue.of(doc.text)


def test_interview_form(extract, find):
    doc = extract("We spoke to economist Karl Weber about the coming recession.\n\n"
                  "Weber: I think the central bank will cut rates twice before the summer ends.")
    q = find(doc, "I think the central bank")
    assert q and q[0].speaker_name == "Karl Weber"


def test_interview_form_needs_a_known_name(extract, find):
    doc = extract("Note: the figures below were revised after the report was first published.")
    assert not find(doc, "the figures below")


def test_attribution_interrupting_content(extract, find):
    doc = extract("The only solution, mayor Paulo Santos told the local radio station, "
                  "was to close the old bridge for a year.")
    q = find(doc, "was to close the old bridge")
    assert q and q[0].speaker_name == "Paulo Santos" and q[0].kind == "indirect"


def test_indirect_said_that(one):
    q, doc = one("Police chief Anna Kowalski said that the suspect had left the city.", "the suspect had left")
    assert q.kind == "indirect" and q.speaker_name == "Anna Kowalski"
    assert q.content.of(doc.text) == "the suspect had left the city"


def test_indirect_warned_without_that(one):
    q, _ = one("Climate scientist Omar Farouk warned the glacier would be gone within a decade.", "the glacier would")
    assert q.speaker_name == "Omar Farouk" and q.kind == "indirect"


def test_according_to_before(one):
    q, doc = one("According to coach Ruth Mbeki, the team will play without its captain next week.",
                 "the team will play")
    assert q.speaker_name == "Ruth Mbeki"
    assert q.cue.of(doc.text) == "According to"


def test_according_to_after(one):
    q, doc = one("The factory will close in March, according to union leader Tariq Aziz.", "The factory will close")
    assert q.speaker_name == "Tariq Aziz"
    assert q.content.of(doc.text) == "The factory will close in March"


def test_object_content_verb(one):
    q, _ = one("Prime Minister Lars Dahl stressed the importance of cheap energy for the factories.",
               "the importance of cheap energy")
    assert q.speaker_name == "Lars Dahl" and q.kind == "indirect"


def test_spun_reporting_verbs(extract, find):
    doc = extract("“The talks were useful and we will meet again,” envoy Pieter Claes mentioned.\n\n"
                  "“Our borders stay open to traders from the south,” Claes instructed the Daily Courier.")
    a, b = find(doc, "The talks were useful"), find(doc, "Our borders stay open")
    assert a and a[0].speaker_name == "Pieter Claes"
    assert b and b[0].speaker_name == "Pieter Claes"


def test_mixed_quote(one):
    q, doc = one("Senator Grace Obi argued that the law would “punish the poorest families in the country” "
                 "and must be repealed.", "punish the poorest")
    assert q.kind == "mixed" and q.speaker_name == "Grace Obi"
    assert q.content.of(doc.text).startswith("the law would")


def test_unclosed_quotation_with_speaker_after(one):
    q, doc = one('"The new tariff is a gift to the smugglers of the region, lawyer Nadia Petrenko wrote on her blog.',
                 "The new tariff is a gift")
    assert q.speaker_name == "Nadia Petrenko"
    assert "wrote" not in q.content.of(doc.text)


def test_multi_paragraph_quotation(extract, find):
    doc = extract("“The first thing we did was count the survivors.\n\n"
                  "“Then we started to rebuild the school,” volunteer Jonas Lind said.")
    a, b = find(doc, "The first thing we did"), find(doc, "Then we started to rebuild")
    assert a and b and a[0].speaker_name == b[0].speaker_name == "Jonas Lind"


# ---- negatives -----------------------------------------------------------------------
def test_a_quoted_phrase_in_reported_mockery_is_attributed_to_the_mockers(extract):
    # Real news annotation (PolNeAR) counts this as an attribution: the critics' words, not a bare quotation.
    doc = extract("The ministry called the meeting a success, while critics mocked the so-called “peace plan” "
                  "as a distraction.")
    found = [q for q in doc.quotes if "peace plan" in q.content.of(doc.text)
             and q.speaker is not None and q.speaker.text == "critics"]
    assert len(found) == 1 and found[0].kind in ("mixed", "indirect") and found[0].cue.of(doc.text) == "mocked"


def test_title_in_quotes_is_not_a_quotation(extract):
    doc = extract("The director's new film “The Long Road Home” opens in cinemas across the country on Friday.")
    assert not [q for q in doc.quotes if "Long Road" in q.content.of(doc.text)]


def test_apostrophes_make_no_quotes(extract):
    doc = extract("The farmers’ union didn’t expect the government’s plan to pass, and it didn’t.")
    # An expectation may be reported as attributed belief, but no apostrophe opens a quotation.
    assert [q.kind for q in doc.quotes if q.kind != "indirect"] == []


def test_describe_as_with_fragment_is_the_describers_attribution(extract):
    doc = extract("The ambassador described the meetings as “constructive talks” after the visit.")
    assert all(q.kind != "direct" for q in doc.quotes)  # a fragment inside reported speech, never a whole quotation
    assert all(q.speaker is None or q.speaker.text == "The ambassador" for q in doc.quotes)


def test_a_belief_is_an_attribution_but_not_a_quotation(extract):
    # "X believes that ..." is attributed content (issue 11); the events stage reads it as a forecast.
    doc = extract("I believe the company will announce its results late, as it always does.")
    assert all(q.kind == "indirect" for q in doc.quotes)


def test_stray_unclosed_mark_early_still_yields_later_quotes(extract, find):
    doc = extract("The report, titled “Rivers at Risk, was released on Monday.\n\n"
                  "Nothing else happened that day in the valley.\n\n"
                  "“We need a new dam within five years,” engineer Ruth Adler said.\n\n"
                  "“The old one is cracked and leaking badly,” Adler added.")
    a, b = find(doc, "We need a new dam"), find(doc, "The old one is cracked")
    assert a and a[0].speaker_name == "Ruth Adler"
    assert b and b[0].speaker_name == "Ruth Adler"


def test_long_quote_without_speaker_may_be_kept_with_none(extract, find):
    doc = extract("A sign on the door read: “This shop will stay closed until the owners return from abroad.”")
    hits = find(doc, "This shop will stay closed")
    assert all(q.speaker_name is None for q in hits)


def test_split_quotation_is_one_attribution_with_one_cue(extract, find):
    # '"A," she said. "B."': the second sentence continues the first; both carry the one cue.
    doc = extract("“The bridge will reopen in March,” mayor Ines Duarte said on Monday. "
                  "“Every lane will be repaved before then.”")
    first, second = find(doc, "The bridge will reopen")[0], find(doc, "Every lane will")[0]
    assert second.speaker_name == "Ines Duarte"
    assert second.cue is not None and second.cue == first.cue


def test_quotation_in_another_paragraph_keeps_its_own_cue(extract, find):
    doc = extract("“The bridge will reopen in March,” mayor Ines Duarte said on Monday.\n\n"
                  "“Every lane will be repaved before then, and the tolls will go.”")
    second = find(doc, "Every lane will")[0]
    assert second.speaker_name == "Ines Duarte" and second.cue is None


def test_signature_dash_names_each_line(extract, find):
    # Round-ups: one quotation a line, each signed with a dash and a name after the closing mark.
    doc = extract("Readers told us what they thought of the new tram line.\n"
                  "“It takes me to work in twenty minutes instead of an hour.” ― Olga Brenner\n"
                  "“The stops are too far apart for older people like my mother.” — Tomas Ekwueme, a nurse\n"
                  "“I still prefer my bicycle on sunny days in the summer.” ― Priya Lund.")
    for words, name in (("It takes me to work", "Olga Brenner"), ("The stops are too far", "Tomas Ekwueme"),
                        ("I still prefer", "Priya Lund")):
        q = find(doc, words)[0]
        assert q.speaker_name == name and q.kind == "direct"
        assert doc.text[q.cue.start:q.cue.end].strip() in "―—"


def test_dash_before_a_clause_is_not_a_signature(extract, find):
    doc = extract("“We will not raise fares this year” — Mayor Ines Duarte repeated that promise twice.")
    assert all(q.cue is None or q.cue.of(doc.text).strip() not in ("―", "—") for q in doc.quotes)


def test_a_title_in_the_cue_does_not_break_the_continuation(extract, find):
    # 'said on Channel Four's "Morning Briefing."' names a programme inside the cue; the next
    # quotation still continues the first speaker's statement, under the same cue.
    doc = extract("“The gap between this office and our sailors is severe,” Holt, a campaign adviser, said on "
                  "Thursday on Channel Four’s “Morning Briefing.” “I mean, there is a lot of frustration in the ranks.”")
    first, last = find(doc, "The gap between")[0], find(doc, "I mean, there is")[0]
    assert last.speaker_name == first.speaker_name == "Holt"
    assert last.cue is not None and last.cue == first.cue


def test_inverted_said_with_colon_names_the_speaker(extract, find):
    doc = extract("The port authority has promised new cranes by spring. Critics doubt it. "
                  "Said Okafor: “I have heard that promise every year since the flood.”")
    q = find(doc, "I have heard that promise")
    assert q and q[0].speaker_name == "Okafor"


def test_a_saying_in_a_when_clause_is_not_the_fragments_cue(extract, find):
    doc = extract("Senator Ruth Abara said Mayor Tom Kell was “plainly wrong” when he said on Monday that "
                  "the bridge would reopen.")
    q = find(doc, "plainly wrong")
    assert q and all(x.speaker_name == "Ruth Abara" for x in q)
    assert find(doc, "the bridge would reopen")[-1].speaker_name == "Tom Kell"


def test_a_subject_the_parser_hung_on_the_cue_stays_in_the_content(extract):
    doc = extract("The budget office said about half of the higher adjustment in its deficit projections "
                  "reflected revenue losses from the tax cuts.")
    contents = [q.content.of(doc.text) for q in doc.quotes]
    assert contents == ["about half of the higher adjustment in its deficit projections reflected revenue losses "
                        "from the tax cuts"]


def test_what_a_naming_verb_names_and_the_name_are_the_content(extract):
    doc = extract("Council member Dara Osei called the harbour plan “a costly mistake” on Friday.")
    named = [q for q in doc.quotes if q.content.of(doc.text).startswith("the harbour plan")]
    assert named and named[0].speaker_name == "Dara Osei" and named[0].kind == "mixed"
    assert named[0].content.of(doc.text) == "the harbour plan “a costly mistake”"


def test_what_a_judging_verb_says_of_its_object_is_the_content(extract):
    doc = extract("Harbour master Tomas Berg described the repairs as “far too slow.” "
                  "Union leader Grace Mwangi accused the port authority of hiding the costs from the public.")
    got = {q.content.of(doc.text): q.speaker_name for q in doc.quotes}
    assert got.get("the repairs as “far too slow.”") == "Tomas Berg"
    assert got.get("the port authority of hiding the costs from the public") == "Grace Mwangi"


def test_a_sentence_opening_on_a_poll_reports_the_poll(extract):
    doc = extract("In a Coastal Tribune poll last month, the mayor had a ten-point lead over her rival. "
                  "In the morning, the mayor visited the flooded bridge with her staff.")
    got = [(q.content.of(doc.text), q.source_kind) for q in doc.quotes]
    assert got == [("the mayor had a ten-point lead over her rival", "document")]


def test_records_that_show_are_a_document_source(extract, nlp):
    from newsgraph.extract.quotes import QuoteFinder

    doc = extract("With the campaign short of money, new filings show it has less than a million dollars on hand.")
    got = [(q.content.of(doc.text), q.source_kind) for q in doc.quotes]
    assert got == [("it has less than a million dollars on hand", "document")]
    verbs = {t.text: t for t in nlp("New filings show it has little cash. Police found the car was stolen.")}
    assert QuoteFinder._evidence_subject(verbs["show"]).text == "filings"
    assert QuoteFinder._evidence_subject(verbs["found"]) is None


def rules_only(extract, text: str):
    """The rules' quotations alone (no learned contents): (content, speaker, source kind)."""
    return [(q.content.of(text), q.speaker_name, q.source_kind) for q in extract(text, model=None).quotes]


def test_a_belief_is_attributed_to_the_believer_by_the_rules(extract):
    got = rules_only(extract, "Harbour master Tomas Berg believes the new cranes will arrive before the storms.")
    assert got == [("the new cranes will arrive before the storms", "Tomas Berg", "person")]


def test_records_that_show_are_a_document_source_by_the_rules(extract):
    got = rules_only(extract, "With the campaign short of money, new filings show it has less than a million dollars.")
    assert got == [("it has less than a million dollars", None, "document")]


def test_an_attribution_inside_another_ones_content_is_kept(extract):
    got = rules_only(extract, "Union leaders accused the port authority of hiding the repair costs, officials said on Monday.")
    contents = {c for c, _, _ in got}
    assert "Union leaders accused the port authority of hiding the repair costs" in contents
    assert "the port authority of hiding the repair costs" in contents
