from newsgraph.clean.lines import units

WRAPPED = (
    "The council met on Tuesday evening to discuss the budget for the\n"
    "coming year, which the treasurer described as the tightest in a\n"
    "decade and which several members said would force cuts.\n\n"
    "Residents who attended the meeting asked why the library hours\n"
    "had been reduced while the parking budget had grown again.\n"
)


def test_hard_wrapped_paragraphs_are_joined():
    assert len(units(WRAPPED)) == 2


def test_a_short_header_block_above_long_paragraphs_is_not_wrapping():
    long_para = "The council met on Tuesday evening to discuss the budget, " * 6
    text = ("Council cuts library hours again\nPosted by Ana Lee on May 2, 2024 in Local\n"
            "Share this article: Facebook | Email\n" + long_para + "\n\n" + long_para + "\n")
    got = [u.text[:20] for u in units(text)]
    assert len(got) == 5 and got[1].startswith("Posted by")
