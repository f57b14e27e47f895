import json

from newsgraph.link.people import link_person
from newsgraph.model import Document, Person
from newsgraph.store.sqlite import Store


def _store():
    """An in-memory store holding four empty documents d1..d4 to link people to."""
    store = Store(":memory:")
    for i in range(1, 5):
        store.insert_document(Document(id=f"d{i}", source=f"d{i}.txt", text=""))
    return store


def test_name_variants_across_documents_become_one_person():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Dmitry Petrenko", roles=["Ambassador to Chile"], country="UKR"))
        b = link_person(store, "d2", Person(name="Dmitri Petrenko"))
        c = link_person(store, "d3", Person(name="Ambassador Dmitry Petrenko"))
        d = link_person(store, "d4", Person(name="Petrenko"))
        assert a == b == c == d
        row = store.person(a)
        assert row["name"] == "Dmitry Petrenko"  # the form most documents use
        assert "Dmitri Petrenko" in row["aliases"]
        assert row["country"] == "UKR"
        assert "Ambassador to Chile" in row["roles"]


def test_same_surname_different_given_names_stay_apart():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Anna Smith"))
        b = link_person(store, "d2", Person(name="John Smith"))
        assert a != b


def test_same_name_different_countries_stay_apart():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Ali Khan", country="PAK"))
        b = link_person(store, "d2", Person(name="Ali Khan", country="GBR"))
        assert a != b


def test_organisations_link_by_whole_name_not_surname():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Ministry of Water", type="org"))
        b = link_person(store, "d2", Person(name="ministry of water", type="org"))
        c = link_person(store, "d3", Person(name="Ministry of Trade", type="org"))
        assert a == b != c


def test_canonical_name_prefers_the_full_form_over_a_surname():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Okafor"))
        link_person(store, "d2", Person(name="Okafor"))
        b = link_person(store, "d3", Person(name="Jane Okafor"))
        assert a == b
        assert store.person(a)["name"] == "Jane Okafor"


def test_roles_are_merged_without_repeats():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Lena Varga", roles=["Minister", "Water Minister"]))
        link_person(store, "d2", Person(name="Lena Varga", roles=["water minister", "envoy"]))
        assert json.loads(store.person(a)["roles"]) == ["Water Minister", "envoy"]


def test_a_suffix_keeps_father_and_son_apart():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Warren Pell"))
        b = link_person(store, "d2", Person(name="Warren Pell Jr."))
        c = link_person(store, "d3", Person(name="Warren Pell Jr"))
        assert a != b == c


def test_conflicting_gender_keeps_people_apart():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Jordan Vale", gender="m"))
        b = link_person(store, "d2", Person(name="Jordan Vale", gender="f"))
        assert a != b


def test_bare_surname_with_two_candidates_goes_to_no_one():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Anna Quist"))
        b = link_person(store, "d2", Person(name="Boris Quist"))
        c = link_person(store, "d3", Person(name="Quist"))
        assert c not in (a, b)
        d = link_person(store, "d4", Person(name="Quist"))
        assert d == c  # the ambiguous surname is one bare entry, not a new one per article


def test_bare_surname_goes_to_the_candidate_whose_role_agrees():
    with _store() as store:
        a = link_person(store, "d1", Person(name="Anna Quist", roles=["Mayor"]))
        link_person(store, "d2", Person(name="Boris Quist", roles=["goalkeeper"]))
        c = link_person(store, "d3", Person(name="Quist", roles=["Mayor"]))
        assert c == a


def test_party_and_office_are_kept_with_the_latest_dated_document():
    with _store() as store:
        store.db.execute("UPDATE documents SET published = '2016-01-05' WHERE id = 'd1'")
        store.db.execute("UPDATE documents SET published = '2016-09-05' WHERE id = 'd2'")
        a = link_person(store, "d2", Person(name="Nadia Orr", party="Democratic", office="Senator", country="USA"))
        b = link_person(store, "d1", Person(name="Nadia Orr", office="Representative"))
        assert a == b
        row = store.person(a)
        assert (row["party"], row["office"], row["country"]) == ("Democratic", "Senator", "USA")
