"""Event triggers: which verb or noun reports which PLOVER type and mode.

Sentences are invented; each names the word whose trigger is checked.
"""
from __future__ import annotations

from importlib import resources

import pytest

from newsgraph.extract.triggers import LIGHT_VERBS, PURE_SPEECH, Trigger, tables, trigger_for
from newsgraph.ontology.plover import CONTEXTS, MODES, TYPES


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def _trigger(nlp, text: str, word: str) -> Trigger | None:
    doc = nlp(text)
    return trigger_for(_token(doc, word))


VERBS = [
    ("The delegation visited Moscow on Thursday.", "visited", "CONSULT", "visit"),
    ("She met with the Iranian foreign minister.", "met", "CONSULT", None),
    ("Putin called Erdogan on Tuesday.", "called", "CONSULT", "phone"),
    ("The two leaders spoke by phone on Monday.", "spoke", "CONSULT", "phone"),
    ("The minister praised the group for its restraint.", "praised", "SUPPORT", None),
    ("The Kremlin welcomed the decision.", "welcomed", "SUPPORT", None),
    ("Officials condemned the president for fleeing the country.", "condemned", "ACCUSE", "disapprove"),
    ("Lawmakers criticised the decision.", "criticised", "ACCUSE", "disapprove"),
    ("The group assured Moscow that it would not attack its neighbours.", "assured", "AGREE", None),
    ("The foreign minister rejected the idea of new bases in the region.", "rejected", "REJECT", None),
    ("The opposition denied the allegations.", "denied", "REJECT", None),
    ("Iran warned Israel against any attack.", "warned", "THREATEN", None),
    ("Iran warned of retaliation.", "warned", "THREATEN", None),
    ("Dockers asked for higher wages.", "asked", "REQUEST", None),
    ("The president urged Congress to act.", "urged", "REQUEST", None),
    ("The United States withdrew its forces from the country.", "withdrew", "RETREAT", "withdraw"),
    ("Police arrested dozens of protesters.", "arrested", "COERCE", "arrest"),
    ("Russia deployed troops to the border.", "deployed", "MOBILIZE", "troops"),
    ("Rebels shelled the city overnight.", "shelled", "ASSAULT", "heavy-weapons"),
    ("Thousands protested in the capital.", "protested", "PROTEST", "demo"),
    ("Russia expelled two diplomats.", "expelled", "SANCTION", "expel"),
    ("The minister resigned on Friday.", "resigned", "RETREAT", "resign"),
]

PHRASAL = [
    ("US troops pulled out of the country last month.", "pulled", "RETREAT", "withdraw"),
    ("The envoy called on both sides to show restraint.", "called", "REQUEST", None),
    ("The EU imposed sanctions on Iran.", "imposed", "SANCTION", "discontinue"),
    ("Russian forces fired on the crowd.", "fired", "ASSAULT", "firearms"),
    ("The prisoner went on hunger strike.", "went", "PROTEST", "hunger"),
    ("Moscow has listed the movement as a terrorist organisation since 2003.", "listed", "SANCTION", None),
]

LIGHT = [
    ("Russia and China held joint exercises near the border.", "held", "exercises", "COOPERATE", None),
    ("Russia held military exercises with Tajikistan.", "held", "exercises", "COOPERATE", None),
    ("Russia will hold military exercises in Kyrgyzstan next month.", "hold", "exercises", "MOBILIZE",
     "troops"),
    ("The foreign minister paid a visit to Beijing.", "paid", "visit", "CONSULT", "visit"),
    ("The ministers had a telephone conversation.", "had", "conversation", "CONSULT", "phone"),
    ("The two countries reached a deal on gas prices.", "reached", "deal", "AGREE", None),
    ("The two sides signed an agreement on trade.", "signed", "agreement", "SUPPORT", None),
    ("The army carried out airstrikes on the town.", "carried", "airstrikes", "ASSAULT", "aerial"),
    ("Workers staged a general strike.", "staged", "strike", "PROTEST", "strike"),
    ("The ministers held a round of talks in Geneva.", "held", "talks", "CONSULT", None),
    ("Germany expressed support for the plan.", "expressed", "support", "SUPPORT", None),
    # an offer of cooperation is a promise
    ("China offered humanitarian aid to Afghanistan.", "offered", "aid", "AGREE", None),
]

NOUNS = [
    ("The phone call lasted an hour.", "call", "CONSULT", "phone"),
    ("Peace talks resumed in Doha.", "talks", "CONSULT", None),
    ("The visit was the first in a decade.", "visit", "CONSULT", "visit"),
    ("The war games began on Monday.", "games", "MOBILIZE", "troops"),
    ("Joint patrols started last week.", "patrols", "COOPERATE", None),
    ("The exercises between Russia and China ended on Friday.", "exercises", "COOPERATE", None),
    ("Drone strikes hit the camp.", "strikes", "ASSAULT", "drone"),
    ("An airstrike killed ten people.", "airstrike", "ASSAULT", "aerial"),
    ("A strike by dock workers halted shipping.", "strike", "PROTEST", "strike"),
    ("The arrest of the journalist drew criticism.", "arrest", "COERCE", "arrest"),
    ("The arrest of the journalist drew criticism.", "criticism", "ACCUSE", "disapprove"),
    ("Thousands joined the demonstration.", "demonstration", "PROTEST", "demo"),
    ("The withdrawal of foreign forces began in May.", "withdrawal", "RETREAT", "withdraw"),
    ("The Taliban gave assurances that they would not attack neighbours.", "assurances", "AGREE", None),
    ("Russia pledged to speed up arms shipments to Central Asia.", "shipments", "AID", None),
]

NOT_EVENTS = [
    ("He said the plan would work.", "said"),
    ("She told reporters that nothing had changed.", "told"),
    ('"We are ready," he added.', "added"),
    ("He noted that prices had risen.", "noted"),
    ("The weather is nice.", "is"),
    ("The talks have ended.", "have"),
    ("The president called the decision a mistake.", "called"),
    ("He made a speech in parliament.", "made"),
    ("They had a great deal of trouble.", "deal"),
    ("Sellers have the best offers.", "have"),
    ("They are decent, well-armed guys.", "armed"),
    ("The interview released on Monday caused a stir.", "released"),
    ("The threat of terrorism remains high.", "threat"),
    ("The company reported higher profits.", "reported"),
    ("Residents fled the city.", "fled"),
    ("Analysts warned that prices would rise.", "warned"),
]


@pytest.mark.parametrize("text,word,type_,mode", VERBS + PHRASAL)
def test_verb_trigger(nlp, text, word, type_, mode):
    trig = _trigger(nlp, text, word)
    assert trig is not None, (text, word)
    assert (trig.type, trig.mode, trig.kind, trig.light) == (type_, mode, "verb", None)


@pytest.mark.parametrize("text,verb,noun,type_,mode", LIGHT)
def test_light_verb_takes_its_object(nlp, text, verb, noun, type_, mode):
    doc = nlp(text)
    v, n = _token(doc, verb), _token(doc, noun)
    trig = trigger_for(v)
    assert trig is not None, text
    assert (trig.type, trig.mode, trig.kind, trig.token, trig.light) == (type_, mode, "noun", n.i, v.i)
    assert trigger_for(n) == trig  # the noun reports the same trigger, so the two merge


@pytest.mark.parametrize("text,word,type_,mode", NOUNS)
def test_noun_trigger(nlp, text, word, type_, mode):
    trig = _trigger(nlp, text, word)
    assert trig is not None, (text, word)
    assert (trig.type, trig.mode, trig.kind) == (type_, mode, "noun")


def test_verb_and_its_cue_noun_are_one_trigger(nlp):
    doc = nlp("The EU imposed sanctions on Iran.")
    assert trigger_for(_token(doc, "sanctions")) == trigger_for(_token(doc, "imposed"))


def test_an_event_noun_under_another_event_stays_its_own(nlp):
    doc = nlp("Russia condemned the bombing of the hospital.")
    assert trigger_for(_token(doc, "condemned")).type == "ACCUSE"
    assert trigger_for(_token(doc, "bombing")).type == "ASSAULT"


@pytest.mark.parametrize("text,word", NOT_EVENTS)
def test_not_a_trigger(nlp, text, word):
    assert _trigger(nlp, text, word) is None


@pytest.mark.parametrize("verb,type_", [
    *[(v, "SUPPORT") for v in "praise hail commend welcome".split()],
    *[(v, "ACCUSE") for v in "condemn denounce criticise criticize accuse blame".split()],
    *[(v, "AGREE") for v in "promise pledge vow assure guarantee".split()],
    *[(v, "REJECT") for v in "reject deny refuse oppose".split()],
    *[(v, "THREATEN") for v in "threaten".split()],
    *[(v, "REQUEST") for v in "urge demand ask".split()],
    *[(v, "CONSULT") for v in "meet host visit negotiate call".split()],
])
def test_core_statement_verbs(verb, type_):
    assert tables()[0][verb][""][0] == type_


@pytest.mark.parametrize("verb,cue,type_", [
    ("call", "on", "REQUEST"), ("call", "for", "REQUEST"), ("talk", "with", "CONSULT"),
    ("pull", "out", "RETREAT"), ("impose", "sanction", "SANCTION"), ("hold", "talk", "CONSULT"),
    ("sign", "agreement", "SUPPORT"),
])
def test_core_cued_verbs(verb, cue, type_):
    assert tables()[0][verb][cue][0] == type_


def test_speech_and_light_verbs_have_no_bare_entry():
    verbs = tables()[0]
    assert not [v for v in PURE_SPEECH if v in verbs]
    assert not [v for v in LIGHT_VERBS if "" in verbs.get(v, {}) and v != "offer"]


@pytest.mark.parametrize("name,width", [("event_verbs.tsv", 6), ("event_nouns.tsv", 5)])
def test_table_codes_are_plover(name, width):
    text = resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) > 100
    bad = []
    for row in rows:
        if len(row) != width or not row[0] or row[0] != row[0].lower():
            bad.append(row)
            continue
        type_, mode, context = row[2], row[3], row[4]
        if type_ == "-":
            continue
        if type_ not in TYPES or (mode and mode not in MODES[type_]) \
                or any(c not in CONTEXTS for c in context.split(";") if c):
            bad.append(row)
    assert not bad, bad[:10]
