"""Party, office, home state and country from an article's own words (invented text)."""
from __future__ import annotations

from newsgraph.extract.affiliation import party_tag, us_state


def _person(doc, name):
    return next(p for p in doc.people if p.name == name)


def test_party_state_tags():
    assert party_tag(" (D-Calif.) said") == ("Democratic", "CA")
    assert party_tag(", R-Texas, said") == ("Republican", "TX")
    assert party_tag(" (Vt.) said") == (None, "VT")
    assert party_tag(", who said") is None
    assert us_state("N.Y.") == "NY" and us_state("Ohio") == "OH" and us_state("Paris") is None


def test_title_and_tag_give_office_party_and_country(extract):
    doc = extract("Sen. Willa Tarrant (D-Ore.) criticised the bill on Tuesday.\n\n"
                  "“This bill does nothing for farmers,” Tarrant said.")
    p = _person(doc, "Willa Tarrant")
    assert (p.office, p.party, p.country) == ("Senator", "Democratic", "USA")


def test_party_word_before_the_name(extract):
    doc = extract("Republican nominee Corwin Ashby spoke in the evening.\n\n"
                  "“We will win this state,” Ashby said.")
    p = _person(doc, "Corwin Ashby")
    assert p.party == "Republican" and p.country == "USA"


def test_plural_title_and_headline_verb_are_not_names(extract):
    doc = extract("Senators Odile Brannock Slams Rivals\n\n"
                  "“The vote was rigged,” Odile Brannock Slams said.\n\n"
                  "Representatives Hugo Fenwick and others met on Monday. “We disagree,” Fenwick said.")
    names = {p.name for p in doc.people}
    assert "Odile Brannock" in names
    assert not any("Slams" in n or n.startswith(("Senators", "Representatives")) for n in names)


def test_family_members_are_not_one_person(extract, find):
    doc = extract("Dana Kessel and her husband Robert Kessel arrived at the gala.\n\n"
                  "“We are delighted to be here,” Robert Kessel said.\n\n"
                  "“It is a wonderful night,” Dana Kessel said.")
    q = find(doc, "We are delighted")
    assert q and q[0].speaker_name == "Robert Kessel"
    q = find(doc, "It is a wonderful night")
    assert q and q[0].speaker_name == "Dana Kessel"
    assert {p.name for p in doc.people} >= {"Dana Kessel", "Robert Kessel"}
    assert not any("Robert Kessel" in p.aliases for p in doc.people if p.name == "Dana Kessel")


def test_bare_surname_with_two_people_stays_unresolved(extract, find):
    doc = extract("Dana Kessel and Robert Kessel arrived at the gala.\n\n"
                  "“We are delighted to be here,” Kessel said.")
    q = find(doc, "We are delighted")
    assert q and q[0].speaker_name == "Kessel"


def test_title_gender_picks_between_two_of_one_surname(extract, find):
    doc = extract("Mrs. Dana Kessel and Mr. Robert Kessel arrived at the gala.\n\n"
                  "“We are delighted to be here,” Mrs. Kessel said.")
    q = find(doc, "We are delighted")
    assert q and q[0].speaker_name == "Dana Kessel"


def test_junior_and_senior_stay_apart(extract, find):
    doc = extract("Hal Brisco Jr. spoke after his father, Hal Brisco.\n\n"
                  "“I am proud of him,” Hal Brisco said.")
    q = find(doc, "I am proud of him")
    assert q and q[0].speaker_name == "Hal Brisco"
