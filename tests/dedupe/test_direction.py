"""Which copy is the original: published first, else longer, else cleaner, else stored first."""
from newsgraph.dedupe.direction import Side, original_of


def side(name, published=None, first=None, last=None, words=100, removed=0):
    return Side(name, published, first, last, words, removed)


def test_the_earlier_published_is_the_original_whatever_the_length():
    original, copy, why = original_of(side("new", "2021-03-02", words=900), side("old", "2021-03-01", words=10))
    assert (original.id, copy.id, why) == ("old", "new", "published")


def test_an_undated_window_never_counts_as_earlier():
    # published_from is only "not before": an article that mentions 2018 is not from 2018.
    undated = side("copy", first="2018-01-01", words=90)
    dated = side("orig", "2021-08-28", words=100)
    assert original_of(undated, dated)[0].id == "orig"
    assert original_of(undated, dated)[2] == "longer"


def test_windows_that_do_not_overlap_decide():
    assert original_of(side("a", first="2021-01-01", last="2021-01-31"),
                       side("b", "2021-02-15"))[:1][0].id == "a"


def test_the_same_day_falls_back_to_length_then_cleanliness_then_storage_order():
    assert original_of(side("a", "2021-03-01", words=50), side("b", "2021-03-01", words=60))[2] == "longer"
    original, _, why = original_of(side("a", words=60, removed=3), side("b", words=60, removed=1))
    assert (original.id, why) == ("b", "cleaner")
    original, _, why = original_of(side("new"), side("stored"))
    assert (original.id, why) == ("stored", "first-stored")
