"""In-document speaker resolution on invented articles: pronouns, role nouns,
surnames, roles, countries and organisations."""
from __future__ import annotations


def test_pronoun_resolves_to_latest_person(extract, find):
    doc = extract("Trade minister Olga Berger met farmers on Monday. She said that export quotas would be lifted.\n\n"
                  "He added that the decision was final.")
    q = find(doc, "export quotas would be lifted")
    assert q and q[0].speaker_name == "Olga Berger" and q[0].speaker.kind == "pronoun"


def test_pronoun_gender_agreement(extract, find):
    doc = extract("Mr. David Stone chaired the session. “The accounts are in order,” Stone said.\n\n"
                  "Auditor Mrs. Jane Holt disagreed with the board on the figures. "
                  "He added that the board would publish its accounts in May.")
    q = find(doc, "the board would publish")
    assert q and q[0].speaker_name == "David Stone"


def test_surname_to_full_name_mentioned_earlier(extract, find):
    doc = extract("Geologist Priya Natarajan has studied the volcano for years.\n\n"
                  "“The crater floor has risen by two metres,” Natarajan said.")
    q = find(doc, "The crater floor")
    assert q and q[0].speaker_name == "Priya Natarajan" and q[0].speaker.text == "Natarajan"


def test_surname_to_full_name_mentioned_later(extract, find):
    doc = extract("“Prices will keep falling this year,” Ibsen said.\n\n"
                  "Analyst Kristoffer Ibsen has followed the housing market for a decade.")
    q = find(doc, "Prices will keep falling")
    assert q and q[0].speaker_name == "Kristoffer Ibsen"


def test_role_noun_resolves_to_person_with_that_role(extract, find):
    doc = extract("Canadian Ambassador to Chile Marc Dupuis visited the port on Friday.\n\n"
                  "The ambassador said that the trade deal would be signed in June.")
    q = find(doc, "the trade deal would be signed")
    assert q and q[0].speaker_name == "Marc Dupuis" and q[0].speaker.kind == "role"


def test_role_and_country_from_demonym(extract):
    doc = extract("Canadian Ambassador to Chile Marc Dupuis said that the talks had gone well.")
    p = next(p for p in doc.people if p.name == "Marc Dupuis")
    assert "Ambassador to Chile" in p.roles
    assert p.country == "CAN"


def test_country_from_possessive_and_apposition(extract):
    doc = extract("“The border will stay closed,” said Kenji Sato, Japan’s deputy foreign minister.")
    p = next(p for p in doc.people if p.name == "Kenji Sato")
    assert p.country == "JPN"
    assert any("foreign minister" in r for r in p.roles)


def test_country_from_metonym(extract):
    doc = extract("Kremlin spokesman Ivan Orlov said that no decision had been taken.")
    p = next(p for p in doc.people if p.name == "Ivan Orlov")
    assert p.country == "RUS"


def test_posting_country_is_not_nationality(extract):
    doc = extract("Ambassador to France Lucy Grant said that the embassy would reopen.")
    p = next(p for p in doc.people if p.name == "Lucy Grant")
    assert p.country != "FRA"


def test_organisation_speaker(extract, find):
    doc = extract("The Health Ministry said that the clinics would reopen next week.")
    q = find(doc, "the clinics would reopen")
    assert q and q[0].speaker_type == "org" and q[0].speaker_name == "Health Ministry"
    assert any(p.type == "org" and p.name == "Health Ministry" for p in doc.people)


def test_aliases_are_variants_seen(extract):
    doc = extract("Coach Ruth Mbeki picked a young squad.\n\n“We are ready,” Mbeki said after training ended.")
    p = next(p for p in doc.people if p.name == "Ruth Mbeki")
    assert "Mbeki" in p.aliases


def test_group_subject_has_no_person_name(extract, find):
    doc = extract("Analysts said that the currency would weaken further before the election.")
    q = find(doc, "the currency would weaken")
    assert q and q[0].speaker is not None and q[0].speaker_name is None


def test_org_anaphor_resolves_to_named_organisation(extract, find):
    doc = extract("Northwind Shipping Ltd chartered three vessels this spring.\n\n"
                  "“The vessels will sail on Friday,” the company said in a statement.")
    q = find(doc, "The vessels will sail")
    assert q and q[0].speaker_type == "org" and q[0].speaker_name == "Northwind Shipping Ltd"


def test_that_clause_after_statement(one):
    q, _ = one("The Ministry of Health said in a statement that it was reviewing the hospital budgets.",
               "it was reviewing the hospital budgets")
    assert q.kind == "indirect" and q.speaker_name == "Ministry of Health"


def test_title_then_role_noun_in_same_paragraph(extract, find):
    doc = extract("Finance Secretary Ada Mensah said the budget was balanced. "
                  "“We will not raise taxes this year,” the minister said at a briefing.")
    q = find(doc, "We will not raise taxes")
    assert q and q[0].speaker_name == "Ada Mensah"


def test_names_inside_quotes_are_not_pronoun_antecedents(extract, find):
    doc = extract("Health minister Rosa Lind visited the north on Monday.\n\n"
                  "“Our first duty is to the people of Tomas Berg county and nearby villages,” she said.")
    q = find(doc, "Our first duty")
    assert q and q[0].speaker_name == "Rosa Lind"


def test_role_noun_of_another_office_is_not_the_last_person(extract, find):
    doc = extract("Finance Secretary Ada Mensah said the budget was balanced. "
                  "The ambassador said that the embassy would stay open.")
    q = find(doc, "the embassy would stay open")
    assert q and q[0].speaker_name is None


def test_country_from_an_of_phrase_after_the_role(extract):
    doc = extract("“The road will reopen,” said Amir Haddad, the special envoy of Jordan, on Monday.")
    p = next(p for p in doc.people if p.name == "Amir Haddad")
    assert p.country == "JOR"


def test_hyphenated_surname_stays_one_word(extract, find):
    doc = extract("Health economist Rosa Lind-Okoro studied the figures for a year.\n\n"
                  "“The waiting lists will not shrink this winter,” Lind-Okoro said.")
    q = find(doc, "The waiting lists")
    assert q and q[0].speaker_name == "Rosa Lind-Okoro"


def test_given_name_alone_resolves_to_the_one_full_name_it_begins(extract, find):
    doc = extract("The rebels were led by backbencher Sir Tobias Wrenfield-Hart.\n\n"
                  "“We will table our amendments next week,” Sir Tobias told reporters.")
    q = find(doc, "We will table our amendments")
    assert q and q[0].speaker_name == "Tobias Wrenfield-Hart"


def test_given_name_shared_by_two_people_is_not_guessed(extract, find):
    doc = extract("Anna Berg and Anna Lutz both sit on the committee.\n\n"
                  "“The budget is too small,” Anna said.")
    q = find(doc, "The budget is too small")
    assert not q or q[0].speaker_name not in ("Anna Berg", "Anna Lutz")


def test_a_statement_speaks_for_the_organisation_that_issued_it(extract, find):
    doc = extract("The Harbour Authority of Tasmania raised its fees on Friday.\n\n"
                  "“Costs have risen for three years in a row,” the statement said.")
    q = find(doc, "Costs have risen")
    assert q and q[0].speaker_name == "Harbour Authority of Tasmania"


def test_a_double_surname_shortened_to_its_first_part_resolves(extract, find):
    doc = extract("Finance Minister Rodrigo Pérez Soto said the budget was balanced.\n\n"
                  "“We will not raise taxes this year,” Pérez told parliament.")
    q = find(doc, "We will not raise taxes")
    assert q and q[0].speaker_name == "Rodrigo Pérez Soto"


def test_a_pronoun_refers_to_the_subject_not_to_whom_they_spoke(extract, find):
    doc = extract("Port director Hannah Velde told Marcus Oyelowo that the cranes were unsafe. "
                  "“We cannot open on Monday,” she said.")
    q = find(doc, "We cannot open on Monday")
    assert q and q[0].speaker_name == "Hannah Velde"


def test_an_object_is_still_the_antecedent_when_no_subject_fits(extract, find):
    doc = extract("Reporters met Simon Achterberg at the station. “The trains will run,” he said.")
    q = find(doc, "The trains will run")
    assert q and q[0].speaker_name == "Simon Achterberg"
