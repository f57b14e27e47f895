"""Content words of a paragraph, for comparing what paragraphs are about.

Function words say nothing about topic, so they are dropped; what remains
(lower-cased, crudely de-pluralised) is compared between paragraphs.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{2}")

STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any anyone
anything are around as at away back be became because become been before being below between both but
by can cannot could did do does doing done down during each either else enough even ever every few
first for from further get gets getting give given go going got had has have having he her here hers
herself him himself his how however i if in including into is it its itself just last later least less
like made make makes many may me might more most much must my myself near never new next no nor not
now of off often on once one only onto or other others otherwise our ours ourselves out over own per
perhaps put quite rather really said same say says see seem seemed seems several shall she should
since so some something still such than that the their theirs them themselves then there these they
thing things this those though through thus to together too toward towards two under until up upon us
use used very via was we well were what whatever when where whether which while who whom whose why will
with within without would yet you your yours yourself yourselves year years time times day days week
weeks month months today yesterday tomorrow mr mrs ms dr according told tell asked added including
""".split())


def stem(word: str) -> str:
    """A crude plural/possessive folding of a lower-cased word ('talks' -> 'talk')."""
    w = word[:-2] if word.endswith("'s") else word
    if w.endswith("s") and len(w) > 3 and not w.endswith("ss"):
        return w[:-3] + "y" if w.endswith("ies") and len(w) > 4 else w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Topic-bearing words of ``text``, lower-cased and folded, in order (repeats kept)."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w in STOPWORDS:
            continue
        w = stem(w)
        if len(w) > 2 and w not in STOPWORDS:
            out.append(w)
    return out
