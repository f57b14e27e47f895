"""The actor coder: names and noun phrases to (name, country, sector, type), dates honoured.

Sentences are invented; the people and bodies named are public figures and
institutions the committed tables know (the tables are not rebuilt here).
"""
import pytest

from newsgraph.link.actor_table import day_number, key_of, tables
from newsgraph.link.actors import actor_key, code_mention, code_name
from newsgraph.model import Actor


def _codes(actor):
    return None if actor is None else (actor.name, actor.country, actor.sector, actor.type)


def _mention(nlp, sentence: str, phrase: str, on: str | None = None):
    """Code the noun chunk of ``sentence`` whose text is ``phrase``."""
    doc = nlp(sentence)
    chunk = next((c for c in doc.noun_chunks if c.text == phrase), None)
    assert chunk is not None, [c.text for c in doc.noun_chunks]
    return code_mention(chunk, on)


# ---------------------------------------------------------------- tables


def test_tables_load_with_states_people_and_agents():
    t = tables()
    assert len(t.entries) > 10_000 and len(t.agents) > 1_000
    assert t.entries[t.index["russia"]].type == "state"
    assert t.agents["troops"].sector == "MIL"
    assert t.agents[key_of("the border")].non_actor


def test_keys_fold_punctuation_case_and_a_leading_the():
    assert key_of("U.N.") == key_of("UN") == "un"
    assert key_of("BAN_KI-MOON") == key_of("Ban Ki-moon") == "ban ki moon"
    assert key_of("The Élysée") == "elysee"
    assert day_number("2021-08-26") == 20210826 and day_number(None) > day_number("2999-01-01")


# ---------------------------------------------------------------- names as written


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia", ("Russia", "RUS", "GOV", "place")),
        ("the Kremlin", ("Russia", "RUS", "GOV", "place")),
        ("Moscow", ("Russia", "RUS", "GOV", "place")),
        ("Washington", ("United States", "USA", "GOV", "place")),
        ("the White House", ("United States", "USA", "GOV", "place")),
        ("Beijing", ("China", "CHN", "GOV", "place")),
        ("Élysée", ("France", "FRA", "GOV", "place")),
        ("Downing Street", ("United Kingdom", "GBR", "GOV", "place")),
    ],
)
def test_states_capitals_and_seats_stand_for_governments(text, expected):
    assert _codes(code_name(text)) == expected


@pytest.mark.parametrize("text", ["United Nations", "the UN", "U.N.", "UN"])
def test_the_united_nations_is_one_actor_whatever_the_spelling(text):
    assert _codes(code_name(text)) == ("United Nations", "UNO", None, "org")


@pytest.mark.parametrize(
    "text, country",
    [("NATO", "IGO"), ("European Union", "EUR"), ("the EU", "EUR"), ("Shanghai Cooperation Organization", "IGO")],
)
def test_international_bodies_get_plover_non_state_codes(text, country):
    assert code_name(text).country == country


@pytest.mark.parametrize(
    "text, country",
    [("Boko Haram", "NGA"), ("Hezbollah", "LBN"), ("al-Shabaab", "SOM"), ("Islamic State", "IMG")],
)
def test_armed_groups_carry_the_dictionary_codes(text, country):
    actor = code_name(text)
    assert (actor.country, actor.sector, actor.type) == (country, "REB", "group")


@pytest.mark.parametrize(
    "name, on, sector",
    [
        ("Vladimir Putin", "2021-08-26", "GOV"),
        ("Vladimir Putin", "1995-01-01", "ELI"),
        ("Boris Yeltsin", "1995-06-01", "GOV"),
        ("Boris Yeltsin", "2005-06-01", "ELI"),
        ("Tony Blair", "2003-01-01", "GOV"),
        ("Tony Blair", "2012-01-01", "ELI"),
    ],
)
def test_dated_roles_follow_the_day(name, on, sector):
    actor = code_name(name, on)
    assert actor.type == "person" and actor.sector == sector


def test_no_date_means_the_current_role():
    assert code_name("Putin").sector == "GOV"
    assert code_name("Putin").name == "Vladimir Putin"  # the canonical name, not the variant


def test_a_known_person_spelt_another_way_is_found():
    assert _codes(code_name("Yevgeniy Primakov", "1999-01-01")) == ("Yevgeny Primakov", "RUS", "GOV", "person")


def test_unknown_people_keep_their_name_and_no_codes():
    assert _codes(code_name("Marta Vilkaite")) == ("Marta Vilkaite", None, None, "person")


def test_titles_and_demonyms_in_a_written_name():
    assert _codes(code_name("President Jane Okafor")) == ("Jane Okafor", None, "GOV", "person")
    assert _codes(code_name("former President Hamid Karzai", "2015-01-01")) == ("Hamid Karzai", "AFG", "ELI", "person")
    assert _codes(code_name("Kenyan police")) == ("Kenya", "KEN", "COP", "org")


@pytest.mark.parametrize("text", ["us", "the situation", "the border", "the West", "Afghan territory", ""])
def test_non_actors_as_written(text):
    assert code_name(text) is None


def test_actor_key_is_the_model_key():
    actor = code_name("Russia")
    assert actor_key(actor) == actor.key == "Russia|RUS|GOV"
    assert actor_key(Actor("militants", None, "REB")) == "militants||REB"


# ---------------------------------------------------------------- noun phrases of a parse


def test_title_and_name_a_table_knows(nlp):
    actor = _mention(nlp, "Foreign Minister Sergei Lavrov rejected the plan.", "Foreign Minister Sergei Lavrov", "2021-07-12")
    assert _codes(actor) == ("Sergey Lavrov", "RUS", "GOV", "person")
    assert actor.span is not None and actor.span.start == 0


def test_title_demonym_and_unknown_name(nlp):
    actor = _mention(nlp, "Canadian Foreign Minister Jane Okafor said the talks were useful.",
                     "Canadian Foreign Minister Jane Okafor")
    assert _codes(actor) == ("Jane Okafor", "CAN", "GOV", "person")


def test_possessive_role_without_a_name_is_the_state(nlp):
    actor = _mention(nlp, "Norway's special representative on Sudan said the talks would resume.",
                     "Norway's special representative")
    assert (actor.name, actor.country, actor.sector) == ("Norway", "NOR", "GOV")


def test_appositive_names_the_role(nlp):
    actor = _mention(nlp, "Norway's special representative on Sudan, Lars Eikrem, met the delegation.",
                     "Norway's special representative")
    assert _codes(actor) == ("Lars Eikrem", "NOR", "GOV", "person")


def test_the_posting_does_not_give_the_country(nlp):
    actor = _mention(nlp, "The Chilean ambassador to Peru, Ana Souza, met the minister.", "The Chilean ambassador")
    assert _codes(actor) == ("Ana Souza", "CHL", "GOV", "person")
    actor = _mention(nlp, "The Chilean ambassador to Peru, Ana Souza, met the minister.", "Ana Souza")
    assert actor.country == "CHL"


@pytest.mark.parametrize(
    "sentence, phrase, expected",
    [
        ("Russian officials condemned the attack.", "Russian officials", ("Russia", "RUS", "GOV", "group")),
        ("Brazilian troops crossed the river.", "Brazilian troops", ("Brazil", "BRA", "MIL", "group")),
        ("Indian lawmakers rejected the bill.", "Indian lawmakers", ("India", "IND", "LEG", "group")),
        ("Egyptian judges postponed the trial.", "Egyptian judges", ("Egypt", "EGY", "JUD", "group")),
        ("The Kenyan police arrested two men.", "The Kenyan police", ("Kenya", "KEN", "COP", "org")),
    ],
)
def test_demonym_and_agent_word(nlp, sentence, phrase, expected):
    assert _codes(_mention(nlp, sentence, phrase)) == expected


@pytest.mark.parametrize(
    "sentence, phrase, expected",
    [
        ("The Kremlin said the talks had failed.", "The Kremlin", ("Russia", "RUS", "GOV", "place")),
        ("Washington rejected the offer.", "Washington", ("United States", "USA", "GOV", "place")),
        ("A Kremlin envoy praised the deal.", "A Kremlin envoy", ("Russia", "RUS", "GOV", "person")),
    ],
)
def test_metonymy_in_a_parse(nlp, sentence, phrase, expected):
    assert _codes(_mention(nlp, sentence, phrase)) == expected


def test_a_named_group_outranks_the_agent_word(nlp):
    actor = _mention(nlp, "Boko Haram militants attacked the village.", "Boko Haram militants")
    assert _codes(actor) == ("Boko Haram", "NGA", "REB", "group")
    actor = _mention(nlp, "A Hezbollah spokesman, Karim Nasser, denied the report.", "A Hezbollah spokesman")
    assert _codes(actor) == ("Karim Nasser", "LBN", "REB", "person")


def test_unknown_militants_are_rebels_of_no_country(nlp):
    assert _codes(_mention(nlp, "The militants seized the town.", "The militants")) == ("militants", None, "REB", "group")


def test_a_specific_modifier_beats_a_generic_role(nlp):
    actor = _mention(nlp, "An army spokesman said the road was closed.", "An army spokesman")
    assert actor.sector == "MIL"


def test_dated_role_in_a_parse(nlp):
    sentence = "Vladimir Putin met the delegation."
    assert _mention(nlp, sentence, "Vladimir Putin", "2021-08-26").sector == "GOV"
    assert _mention(nlp, sentence, "Vladimir Putin", "1995-01-01").sector == "ELI"


def test_former_office_holder_is_an_elite(nlp):
    actor = _mention(nlp, "Former President Tony Blair spoke at the forum.", "Former President Tony Blair", "2003-01-01")
    assert actor.sector == "ELI"


@pytest.mark.parametrize(
    "sentence, phrase",
    [
        ("The situation worsened after the vote.", "The situation"),
        ("They saw a chance to leave.", "a chance"),
        ("Troops moved to the border.", "the border"),
        ("The company protects its interests.", "its interests"),
        ("Brazil's interests were at stake.", "Brazil's interests"),
        ("They said the West had failed.", "They"),
        ("They said the West had failed.", "the West"),
        ("The spokesman declined to comment.", "The spokesman"),
    ],
)
def test_phrases_that_name_no_actor(nlp, sentence, phrase):
    assert _mention(nlp, sentence, phrase) is None


def test_a_country_named_against_the_head_is_not_its_country(nlp):
    actor = _mention(nlp, "The anti-American militants fled.", "The anti-American militants")
    assert actor.country is None and actor.sector == "REB"


@pytest.mark.parametrize("text", ["2021", "The", "the president", "Kremlin-backed separatists"])
def test_numbers_lone_titles_and_backers_are_not_coded_as_actors(text):
    actor = code_name(text)
    assert actor is None or actor.country is None


def test_world_regions_are_places_without_a_country():
    assert _codes(code_name("Central Asia")) == ("Central Asia", None, None, "place")


def test_a_name_that_contains_a_place_name_is_a_person(nlp):
    # "Vladimir" is also a Russian region in the dictionaries.
    assert _codes(code_name("Vladimir Okonkwo")) == ("Vladimir Okonkwo", None, None, "person")
    actor = _mention(nlp, "Vladimir Okonkwo, a Nigerian diplomat, arrived.", "Vladimir Okonkwo")
    assert (actor.name, actor.type) == ("Vladimir Okonkwo", "person")


def test_a_hyphenated_title_is_one_agent_phrase(nlp):
    """"secretary-general" is one title, not the military "general"."""
    actor = _mention(nlp, "Union secretary-general Ruth Onyango addressed the crowd.",
                     "Union secretary-general Ruth Onyango")
    assert actor is not None and actor.sector != "MIL"
