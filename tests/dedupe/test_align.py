"""Sentence alignment: shared words in order, cosines, order and coverage."""
import random

import numpy as np

from newsgraph.dedupe import align


def _dp(a, b):
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def test_bit_parallel_lcs_agrees_with_the_dynamic_programme():
    rng = random.Random(7)
    for _ in range(500):
        a = [rng.choice("abcdef") for _ in range(rng.randint(0, 25))]
        b = [rng.choice("abcdefg") for _ in range(rng.randint(0, 25))]
        assert align.lcs_length(a, b) == _dp(a, b)


def words(text):
    return text.lower().split()


SHORT = [words("the mayor opened the new bridge on friday"), words("crowds lined the river banks"),
         words("the bridge cost twelve million")]
LONG = [words("a fresh mayor opened the new bridge on friday morning"), words("it rained all day"),
        words("crowds lined both river banks"), words("the bridge cost twelve million to build")]


def test_each_sentence_finds_its_partner_by_shared_words():
    links = align.align(SHORT, LONG)
    assert [(link.i, link.j) for link in links] == [(0, 0), (1, 2), (2, 3)]
    assert align.coverage(links, [len(s) for s in SHORT]) == 1.0


def test_unrelated_sentences_do_not_match():
    assert align.align([words("prices of maize rose again")], LONG) == []


def test_links_that_go_backwards_are_dropped():
    links = [align.Link(0, 3, 1.0), align.Link(1, 0, 1.0), align.Link(2, 4, 1.0)]
    kept = align.in_order(links, [5, 1, 5])
    assert [(link.i, link.j) for link in kept] == [(0, 3), (2, 4)]


def test_a_high_cosine_matches_without_shared_words():
    cosines = np.zeros((1, 2), dtype=np.float32)
    cosines[0, 1] = 0.9
    links = align.align([words("prices of maize rose again")], [words("x y"), words("maize became dearer")], cosines)
    assert [(link.j, round(link.score, 2)) for link in links] == [(1, 0.9)]


def test_in_place_swaps_are_spinning_reordering_is_not():
    short = [words("the mayor opened the new bridge")]
    spun = [words("the mayor inaugurated the fresh bridge")]
    rebuilt = [words("opened was the new bridge by the mayor")]
    link = [align.Link(0, 0, 0.7)]
    assert align.substitution_share(link, short, spun) == 1.0
    assert align.substitution_share(link, short, rebuilt) < 0.45
