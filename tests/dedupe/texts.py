"""Invented articles for the unit tests: one report, and another outlet's independent
report of the same event (same names and numbers, its own sentences)."""
from __future__ import annotations

ARTICLE = """\
Councillors in Velmora voted 31 to 12 on Tuesday to build a new tram line across the river, ending a debate that has run for almost a decade.
The line will run 14 kilometres from the central station to the Harbour district and is expected to cost 610 million euros.
Mayor Ilse Brandvold called the vote a turning point for a city whose roads are choked every morning.
"We have talked about this tram for nine years, and tonight we finally decided to build it," Brandvold told reporters after the session.
Opponents argued that the money would be better spent on buses, which could be running within months rather than years.
Councillor Tomas Reinholt, who led the opposition, said the estimate was too optimistic and warned that the budget could double.
The regional transport authority has promised to cover 40 percent of the cost if construction begins before 2027.
Shopkeepers along Quay Street, where the tracks will be laid, fear two years of roadworks will drive customers away.
The council said it would offer rent relief to businesses on the route while the works last.
Engineers will begin surveying the riverbank in the spring, and the first trams could carry passengers by 2031.
A public consultation on the exact location of the eleven stops will open next month.
"""

INDEPENDENT = """\
VELMORA — A long-awaited tram across the river is finally going ahead after a stormy council meeting on Tuesday evening.
By 31 votes to 12, the council backed a 14-kilometre route linking the central station with the Harbour district.
The price tag, 610 million euros, drew the loudest objections from the floor.
Tomas Reinholt, the most vocal critic, told the chamber that similar projects elsewhere had ended up costing twice what was promised.
Ilse Brandvold, the mayor, dismissed those fears and said the city could not afford another decade of traffic jams.
Under the plan, the regional transport authority pays 40 percent, provided work starts before 2027.
Traders on Quay Street are unconvinced: several told this newspaper they would not survive two years of digging outside their doors.
The first passengers are not expected before 2031, and the eleven stops have yet to be placed.
"""

# A few content words of ARTICLE swapped for synonyms in place (a spinner's work).
SPIN = {
    "voted": "balloted", "build": "construct", "new": "fresh", "ending": "concluding", "debate": "dispute",
    "almost": "nearly", "decade": "ten years", "expected": "anticipated", "cost": "price", "called": "named",
    "turning": "pivotal", "city": "town", "roads": "streets", "choked": "clogged", "morning": "dawn",
    "talked": "spoken", "finally": "at last", "decided": "resolved", "told": "informed", "argued": "contended",
    "money": "cash", "better": "more wisely", "running": "operating", "months": "weeks", "led": "headed",
    "estimate": "projection", "optimistic": "hopeful", "warned": "cautioned", "budget": "spending",
    "promised": "pledged", "cover": "pay", "begins": "starts", "fear": "dread", "drive": "push",
    "customers": "shoppers", "offer": "provide", "relief": "help", "businesses": "firms", "works": "building",
    "last": "continue", "begin": "start", "surveying": "inspecting", "carry": "transport", "exact": "precise",
    "open": "launch", "next": "following", "session": "meeting", "opponents": "critics",
}


def spin(text: str) -> str:
    import re

    return re.sub(r"[a-z]+", lambda m: SPIN.get(m.group(), m.group()), text)

# ARTICLE as a machine translation back into English would give it: each sentence
# rebuilt in other words and order, names and numbers kept, the sentence order kept.
TRANSLATED = """\
On Tuesday the councillors of Velmora decided with 31 against 12 votes that a tram line over the river shall be built, which closes a discussion of nearly ten years.
From the central station up to the Harbour district the line goes over 14 kilometres, and its costs are estimated at 610 million euros.
As a turning point the vote was designated by mayor Ilse Brandvold, for a city in which each morning the streets are blocked.
"Nine years long we spoke about this tram, and this evening we have at last taken the decision to build it", said Brandvold to journalists after the sitting.
The adversaries were of the opinion that buses would be a better use of the money, since these could drive within months instead of years.
The leader of the opposition, councillor Tomas Reinholt, found the estimate too optimistic and gave the warning that the budget could be doubled.
Forty percent of the costs, so promised the regional transport authority, will be taken over if the construction starts before 2027.
In Quay Street, where the rails are laid, the shop owners have fear that two years of road works will chase away the clients.
For the businesses along the route the council wants to offer a rent relief during the works.
In spring the engineers will start to measure the river bank, and by 2031 the first trams could transport passengers.
Next month a public consultation will be opened about where exactly the eleven stops are placed.
"""
