"""Events end to end: a parsed document in, PLOVER events with actors, dates, modes and
evidence offsets out.

Sentences are invented; the document is dated Friday 2024-03-15 unless a test says otherwise.
"""
from __future__ import annotations

import pytest

from newsgraph.extract import extract_quotes
from newsgraph.extract.events import extract_events
from newsgraph.model import Document, Event, Removal

PUBLISHED = "2024-03-15"


@pytest.fixture(scope="module")
def code(nlp):
    """code(text) -> the Document with quotes, people, times and events filled."""
    def run(text: str, published: str | None = PUBLISHED, removed: list[Removal] | None = None) -> Document:
        doc = Document(id="t", source="t", text=text, published=published, removed=removed or [])
        doc.spacy = nlp(doc.body_view())
        extract_quotes(doc)
        return extract_events(doc)
    return run


def _show(doc: Document) -> list:
    return [(e.type, doc.text[e.trigger.start:e.trigger.end], [(a.name, a.country) for a in e.actors],
             [(r.name, r.country) for r in e.recipients]) for e in doc.events]


def one(doc: Document, type_: str, trigger: str | None = None) -> Event:
    """The single event of ``type_`` (whose trigger word is ``trigger``, if given)."""
    hits = [e for e in doc.events if e.type == type_
            and (trigger is None or doc.text[e.trigger.start:e.trigger.end] == trigger)]
    assert len(hits) == 1, f"expected one {type_} {trigger or ''}, got {_show(doc)}"
    return hits[0]


def countries(actors) -> list:
    return [a.country for a in actors]


# -- verb triggers --------------------------------------------------------------------

def test_verb_trigger_subject_acts_on_object(code):
    doc = code("France condemned Kenya.")
    e = one(doc, "ACCUSE")
    assert countries(e.actors) == ["FRA"]
    assert countries(e.recipients) == ["KEN"]
    assert e.mode == "disapprove"


def test_military_subject_is_coded_with_its_country_and_sector(code):
    doc = code("Brazil's army attacked Kenya.")
    e = one(doc, "ASSAULT")
    assert [(a.country, a.sector) for a in e.actors] == [("BRA", "MIL")]
    assert countries(e.recipients) == ["KEN"]


def test_invented_person_is_an_actor(code):
    doc = code("Tomas Verhoeven criticised Brazil.")
    e = one(doc, "ACCUSE")
    assert [(a.name, a.type) for a in e.actors] == [("Tomas Verhoeven", "person")]
    assert countries(e.recipients) == ["BRA"]


def test_passive_by_agent_is_the_actor(code):
    doc = code("Brazil was criticised by Kenya.")
    e = one(doc, "ACCUSE")
    assert countries(e.actors) == ["KEN"]
    assert countries(e.recipients) == ["BRA"]


def test_passive_with_generic_subject_keeps_agent_as_actor(code):
    doc = code("The rebels were attacked by the French army.")
    e = one(doc, "ASSAULT")
    assert [(a.country, a.sector) for a in e.actors] == [("FRA", "MIL")]
    assert e.recipients == []  # "the rebels" names no one the coder can place


def test_coordinated_subjects_give_one_actor_each(code):
    doc = code("France and Germany condemned Kenya.")
    e = one(doc, "ACCUSE")
    assert countries(e.actors) == ["FRA", "DEU"]
    assert countries(e.recipients) == ["KEN"]


def test_coordinated_verbs_share_the_subject(code):
    doc = code("France condemned Kenya and criticised Brazil.")
    assert sorted((e.type, doc.text[e.trigger.start:e.trigger.end], tuple(countries(e.actors)),
                   tuple(countries(e.recipients))) for e in doc.events) == [
        ("ACCUSE", "condemned", ("FRA",), ("KEN",)),
        ("ACCUSE", "criticised", ("FRA",), ("BRA",)),
    ]


def test_object_control_gives_the_complement_to_the_object(code):
    doc = code("France urged Kenya to withdraw from Somalia.")
    request = one(doc, "REQUEST")
    assert countries(request.actors) == ["FRA"] and countries(request.recipients) == ["KEN"]
    retreat = one(doc, "RETREAT")
    assert countries(retreat.actors) == ["KEN"]


def test_refusal_is_coded_and_refused_act_is_negated(code):
    doc = code("Kenya refused to meet Uganda.")
    reject = one(doc, "REJECT")
    assert countries(reject.actors) == ["KEN"] and countries(reject.recipients) == ["UGA"]
    meet = one(doc, "CONSULT")
    assert meet.negated is True
    assert countries(meet.actors) == ["KEN"]


# -- noun triggers ------------------------------------------------------------------------

def test_visit_by_x_to_y(code):
    doc = code("The visit by the French president to Kenya lasted two days.")
    e = one(doc, "CONSULT", "visit")
    assert e.mode == "visit"
    assert [(a.country, a.type) for a in e.actors] == [("FRA", "person")]
    assert countries(e.recipients) == ["KEN"]


def test_possessor_talks_with_y(code):
    doc = code("Brazil's talks with Kenya ended on Friday.")
    e = one(doc, "CONSULT", "talks")
    assert countries(e.actors) == ["BRA"]
    assert countries(e.recipients) == ["KEN"]


def test_exercises_between_x_and_y(code):
    doc = code("The exercises between France and Kenya began on Monday.")
    e = one(doc, "COOPERATE", "exercises")
    assert countries(e.actors) == ["FRA"]
    assert countries(e.recipients) == ["KEN"]
    assert "military" in e.context


def test_held_talks_with(code):
    doc = code("Kenya held talks with Brazil on Tuesday.")
    e = one(doc, "CONSULT")
    # A light verb's event is its object noun: the trigger is "talks", not "held".
    assert doc.text[e.trigger.start:e.trigger.end] == "talks"
    assert countries(e.actors) == ["KEN"]
    assert countries(e.recipients) == ["BRA"]


def test_received_assurances_from_x_makes_x_the_actor(code):
    doc = code("Brazil received assurances from France.")
    e = one(doc, "AGREE", "assurances")
    assert countries(e.actors) == ["FRA"]
    assert countries(e.recipients) == ["BRA"]


def test_military_exercises_abroad_take_the_host_as_recipient(code):
    doc = code("Kenya held military exercises in Uganda.")
    e = one(doc, "MOBILIZE", "exercises")
    assert countries(e.actors) == ["KEN"]
    assert countries(e.recipients) == ["UGA"]
    assert e.location == "Uganda"


def test_promise_takes_recipient_from_what_it_promises(code):
    doc = code("France gave Kenya assurances that it would not threaten Uganda.")
    agree = one(doc, "AGREE")
    assert countries(agree.actors) == ["FRA"] and countries(agree.recipients) == ["KEN"]
    threat = one(doc, "THREATEN")
    assert countries(threat.actors) == ["FRA"] and countries(threat.recipients) == ["UGA"]
    assert threat.negated is True and threat.hypothetical is True


# -- what is not an event -------------------------------------------------------------------

def test_no_event_without_an_actor(code):
    assert code("The attack killed five people.").events == []


@pytest.mark.parametrize("text", [
    "Kenya held a press conference on Monday.",
    "Kenya's foreign minister held a news conference in Nairobi.",
])
def test_press_conference_is_no_consultation(code, text):
    assert [e for e in code(text).events if e.type == "CONSULT"] == []


def test_sanction_without_recipient_is_dropped(code):
    # SANCTION needs someone sanctioned: "new measures" with no target codes nothing.
    assert [e for e in code("Kenya announced new sanctions.").events if e.type == "SANCTION"] == []


# -- anaphoric event nouns -------------------------------------------------------------------

def test_those_drills_take_the_previous_sentences_actor(code):
    doc = code("Kenya staged military drills near the border. Those drills ended on Friday.")
    drills = [e for e in doc.events if e.type == "MOBILIZE"]
    assert len(drills) == 2, _show(doc)
    second = max(drills, key=lambda e: e.trigger.start)
    assert second.trigger.start > doc.text.index("Those")
    assert countries(second.actors) == ["KEN"]
    assert second.date == "2024-03-15" and second.date_source == "clause"


def test_those_drills_do_not_reach_back_too_far(code):
    doc = code("Kenya staged military drills near the border. The weather was cold. "
               "Prices rose sharply. Those drills ended on Friday.")
    assert [e.trigger.start < doc.text.index("The weather") for e in doc.events] == [True]


def test_plain_event_noun_without_actor_takes_none(code):
    doc = code("Kenya staged military drills near the border. The drills ended on Friday.")
    assert len([e for e in doc.events if e.type == "MOBILIZE"]) == 1


# -- dates ------------------------------------------------------------------------------------

def test_date_from_the_clause(code):
    doc = code("Kenyan troops attacked Somalia on March 3.")
    e = one(doc, "ASSAULT")
    assert (e.date, e.date_precision, e.date_source) == ("2024-03-03", "day", "clause")
    assert (e.date_first, e.date_last) == ("2024-03-03", "2024-03-03")
    assert e.historical is False and e.future is False


def test_weekday_is_resolved_against_the_document(code):
    e = one(code("Kenya met Uganda on Monday."), "CONSULT")
    assert (e.date, e.date_source) == ("2024-03-11", "clause")


def test_document_date_is_the_fallback(code):
    e = one(code("France condemned Kenya."), "ACCUSE")
    assert (e.date, e.date_precision, e.date_source) == (PUBLISHED, "day", "document")
    # A report dated only by its document covers the month before it.
    assert (e.date_first, e.date_last) == ("2024-02-13", "2024-03-15")


def test_no_document_date_leaves_the_event_undated(code):
    e = one(code("France condemned Kenya.", published=None), "ACCUSE")
    assert e.date is None and e.date_source == "document"


def test_event_more_than_a_year_old_is_historical(code):
    e = one(code("France attacked Kenya in 2019."), "ASSAULT")
    assert (e.date, e.date_precision, e.date_source) == ("2019", "year", "clause")
    assert e.historical is True


@pytest.mark.parametrize("when, historical", [
    ("in February 2023", True),   # ended 2023-02-28, 381 days before
    ("in March 2023", False),     # ended 2023-03-31, 350 days before
    ("last year", False),         # 2023 ends 2023-12-31
])
def test_historical_threshold_is_one_year_from_the_events_end(code, when, historical):
    e = one(code(f"France attacked Kenya {when}."), "ASSAULT")
    assert e.date_source == "clause"
    assert e.historical is historical


def test_month_precision_date_is_the_month(code):
    e = one(code("France attacked Kenya in February 2023."), "ASSAULT")
    assert (e.date, e.date_precision) == ("2023-02", "month")
    assert (e.date_first, e.date_last) == ("2023-02-01", "2023-02-28")


def test_future_from_will(code):
    e = one(code("France will hold talks with Kenya."), "CONSULT")
    assert e.future is True and e.hypothetical is False
    assert e.date_source == "document"
    # A future event dated by its document covers the month after it.
    assert (e.date_first, e.date_last) == ("2024-03-15", "2024-04-15")


def test_future_from_a_later_clause_date(code):
    e = one(code("France will hold talks with Kenya on March 20."), "CONSULT")
    assert (e.date, e.date_source, e.future) == ("2024-03-20", "clause", True)


def test_future_date_alone_makes_the_event_future(code):
    e = one(code("Kenya hosts Brazil for talks on March 20."), "CONSULT")
    assert e.date == "2024-03-20" and e.future is True


# -- modes ----------------------------------------------------------------------------------

def test_negated(code):
    e = one(code("France did not attack Kenya."), "ASSAULT")
    assert e.negated is True and e.hypothetical is False and e.future is False


def test_negated_by_no(code):
    e = one(code("Kenya has held no talks with Uganda."), "CONSULT")
    assert e.negated is True


def test_hypothetical_modal(code):
    e = one(code("France could sanction Kenya."), "SANCTION")
    assert e.hypothetical is True and e.negated is False
    assert countries(e.actors) == ["FRA"] and countries(e.recipients) == ["KEN"]


def test_opinion_is_hypothetical(code):
    doc = code('"I believe that France will attack Kenya," said Joseph Mwangi.')
    e = one(doc, "ASSAULT")
    assert e.hypothetical is True and e.future is True
    assert countries(e.actors) == ["FRA"]


def test_plain_past_report_has_no_mode(code):
    e = one(code("Kenya attacked Somalia."), "ASSAULT")
    assert (e.negated, e.future, e.hypothetical, e.historical, e.statement) == (False,) * 5


# -- evidence offsets --------------------------------------------------------------------------

def test_trigger_and_sentence_offsets_point_into_the_raw_text(code):
    text = ("Markets were calm on Thursday.\n\n"
            "Kenyan troops attacked militants near the border. Later, Brazil criticised Uganda.")
    doc = code(text)
    attack, critic = one(doc, "ASSAULT"), one(doc, "ACCUSE")
    assert doc.text[attack.trigger.start:attack.trigger.end] == "attacked"
    assert doc.text[critic.trigger.start:critic.trigger.end] == "criticised"
    assert doc.text[attack.sentence.start:attack.sentence.end] == \
        "Kenyan troops attacked militants near the border."
    assert doc.text[critic.sentence.start:critic.sentence.end] == "Later, Brazil criticised Uganda."
    for e in (attack, critic):
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
    span = attack.actors[0].span
    assert span is not None and doc.text[span.start:span.end] == "Kenyan troops"


def test_offsets_survive_removed_ranges(code):
    junk = "Subscribe now | Share this\n"
    text = junk + "France condemned Kenya on Tuesday."
    doc = code(text, removed=[Removal(0, len(junk), "boilerplate")])
    e = one(doc, "ACCUSE")
    assert doc.text[e.trigger.start:e.trigger.end] == "condemned"
    assert doc.text[e.sentence.start:e.sentence.end] == "France condemned Kenya on Tuesday."
    assert e.date == "2024-03-12"


# -- statements -------------------------------------------------------------------------------

def test_first_person_in_a_quote_is_the_speaker(code):
    doc = code("\"We will impose sanctions on Brazil,\" said French minister Anne Moreau.")
    e = one(doc, "SANCTION")
    assert e.statement is True and e.future is True
    assert [(a.name, a.country, a.type) for a in e.actors] == [("Anne Moreau", "FRA", "person")]
    assert countries(e.recipients) == ["BRA"]
    assert doc.text[e.trigger.start:e.trigger.end] == "impose"


def test_event_inside_a_quote_is_a_statement_even_with_a_named_actor(code):
    doc = code("\"Kenya will not attack Somalia,\" said Daniel Otieno, the Kenyan interior minister.")
    e = one(doc, "ASSAULT")
    assert e.statement is True and e.negated is True and e.future is True
    assert countries(e.actors) == ["KEN"] and countries(e.recipients) == ["SOM"]


def test_narration_is_not_a_statement(code):
    doc = code("\"Trade will grow,\" said Anne Moreau. France condemned Kenya.")
    assert one(doc, "ACCUSE").statement is False


def test_empty_document_has_no_events(nlp):
    doc = Document(id="t", source="t", text="", published=PUBLISHED)
    doc.spacy = nlp("")
    extract_events(doc)
    assert doc.events == [] and doc.times == []


# -- known bugs (see report) ---------------------------------------------------------------------

@pytest.mark.parametrize("text, critic", [
    ("Kenya condemned the attack on Uganda.", "KEN"),
    ("Brazil criticised the military exercises.", "BRA"),
])
def test_object_of_a_non_light_verb_is_not_performed_by_its_subject(code, text, critic):
    doc = code(text)
    assert countries(one(doc, "ACCUSE").actors) == [critic]
    assert [e for e in doc.events if e.type in ("ASSAULT", "MOBILIZE") and critic in countries(e.actors)] == []


def test_imposed_sanctions_on_x(code):
    e = one(code("France imposed sanctions on Kenya."), "SANCTION")
    assert countries(e.actors) == ["FRA"] and countries(e.recipients) == ["KEN"]


def test_relative_clause_event_takes_the_modified_noun(code):
    e = one(code("Brazil, which attacked Kenya last week, denied the report."), "ASSAULT")
    assert countries(e.actors) == ["BRA"] and countries(e.recipients) == ["KEN"]


def test_relative_clause_date_does_not_date_the_main_clause(code):
    e = one(code("Brazil, which attacked Kenya last week, denied the report."), "REJECT")
    assert e.date_source == "document"


def test_requested_act_is_not_reported_as_done(code):
    e = one(code("France urged Kenya to withdraw from Somalia."), "RETREAT")
    assert e.future or e.hypothetical


@pytest.mark.xfail(reason="referents._governing_subject climbs an object-control xcomp to the main "
                          "subject: in 'urged Kenya to withdraw its troops' 'its' becomes France",
                   strict=True)
def test_possessive_in_object_control_complement_is_the_object(code):
    e = one(code("France urged Kenya to withdraw its troops from Somalia."), "RETREAT")
    assert countries(e.actors) == ["KEN"]
    assert "FRA" not in countries(e.recipients)


def test_a_dateline_is_never_the_actor(code):
    doc = code("LIMA — Peru on Monday condemned the raid on its embassy in Quito.")
    for event in doc.events:
        assert all(a.name.isupper() is False for a in event.actors), _show(doc)
    accuse = one(doc, "ACCUSE")
    assert countries(accuse.actors) == ["PER"]
