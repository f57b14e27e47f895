"""Each boilerplate detector on made-up lines: what it must catch and the body it must keep."""
from __future__ import annotations

import pytest

from newsgraph.clean.boilerplate import REGISTRY, classify

DROP = [
    ("byline", "By Jane Alvarez"),
    ("byline", "By JANE ALVAREZ, Harbour Gazette"),
    ("byline", "Written by Northline News staff reporter Omar Haddad, with additional reporting by wire services"),
    ("byline", "Originally published by Lena Fischer | The Valley Courier | March 3, 2019"),
    ("byline", "Posted by Kim Larsen on 12 May 2020"),
    ("dateline", "Published: 14 February 2022"),
    ("dateline", " date 2019-11-05 "),
    ("dateline", "Tuesday, March 3, 2020 10:45 am"),
    ("dateline", "Updated Oct. 9, 2018 at 6:02 p.m. ET"),
    ("source-line", "Source: Valley Courier"),
    ("source-line", "Via: Northline News"),
    ("source-line", "This article originally appeared in The Valley Courier."),
    ("scraper-attribution", "Sources 1/ https://example.org/ 2/ https://example.com/story-1 You can contact us to remove this article"),
    ("disclaimer", "Disclaimer: This article is for informational purposes only."),
    ("disclaimer", "The views and opinions expressed in this article are those of the author and do not necessarily reflect the position of this site."),
    ("call-for-submissions", "We welcome op-eds and submissions from readers; send them to our desk."),
    ("call-for-submissions", "Want to write for us? Send your pitches to the editors."),
    ("comment-form", "Leave a Reply"),
    ("comment-form", "Leave a comment"),
    ("comment-form", "Please enter your email address here"),
    ("comment-form", "Your email address will not be published. Required fields are marked *"),
    ("comment-form", "Save my name, email, and website in this browser for the next time I comment."),
    ("comment-form", "12 Comments"),
    ("comment-form", "Cancel reply"),
    ("player-debris", "0:00 0:01:45 0:00"),
    ("player-debris", "360p | 9.1MB 720p | 30.2MB"),
    ("player-debris", "Your browser does not support the video tag."),
    ("player-debris", "No media source currently available"),
    ("player-debris", "Flood waters rise in the valley please wait Embed share The code has been copied to your clipboard. width px height px"),
    ("player-debris", "1080p | 52.4MB"),
    ("player-debris", "480p"),
    ("player-debris", "Embed share"),
    ("player-debris", "Mute Fullscreen"),
    ("player-debris", "The code has been copied to your clipboard."),
    ("player-debris", "The URL has been copied to your clipboard"),
    ("player-debris", "Link copied"),
    ("player-debris", "width px height px"),
    ("player-debris", "width 640px height 360px"),
    ("comment-form", "You have entered an incorrect email address!"),
    ("comment-form", "Please enter a valid email address."),
    ("comment-form", "This field is required"),
    ("comment-form", "Your comment is awaiting moderation."),
    ("comment-form", "Comments are closed."),
    ("footer-link", "Source link"),
    ("footer-link", "Original article"),
    ("footer-link", "Read the full story here"),
    ("footer-link", "Read the full article at The Valley Courier"),
    ("footer-link", "Continue reading on Northline News"),
    ("footer-link", "Read more here."),
    ("footer-link", "Click here to read the full story"),
    ("footer-link", "View original post"),
    ("share-embed", "WATCH: Flood waters rise in the valley"),
    ("share-embed", "Share on Facebook Share on Twitter Email Print"),
    ("share-embed", "Click to share on WhatsApp (Opens in new window)"),
    ("related-link", "READ MORE: Council delays the budget vote"),
    ("related-link", "Related Articles"),
    ("newsletter", "Sign up for our daily newsletter to get the latest headlines"),
    ("newsletter", "Get the best stories delivered straight to your inbox."),
    ("cookie-notice", "We use cookies to improve your experience. By continuing you accept all cookies."),
    ("copyright", "© 2021 Harbour Gazette. All rights reserved."),
    ("advertisement", "Advertisement"),
    ("advertisement", "Story continues below advertisement"),
    ("image-credit", "Photo: Harbour Gazette archive"),
    ("tags", "Tags: transport, council, budget"),
]

KEEP = [
    "By contrast, the council’s own figures show the budget fell by a third.",
    "By Monday, the river had risen another metre and the mayor ordered an evacuation.",
    "The ministry declined to comment on the report, saying the investigation was continuing.",
    "“I will leave a reply on his desk tomorrow,” she said.",
    "A video posted online showed soldiers crossing the bridge at dawn.",
    "Viewers could watch the ceremony live; the broadcaster said 2 million did.",
    "Source of the leak remains unknown, officials said on Thursday after a long meeting with reporters.",
    "Sources close to the negotiations said the talks had stalled over the price of gas.",
    "Share prices fell sharply",
    "The views expressed at the summit differed widely, diplomats said.",
    "We welcome the decision, the union said in a statement.",
    "The meeting began at 10:30 and ended at 11:45, when the delegates left.",
    "Users can embed the clip, mute it and play it full screen, the company said.",
    "Photographs from the scene showed burned-out cars.",
    "And largely for the benefit of the capital.",
    "“Never again,” he said.",
    "Written by hand, the letter was delivered to the embassy on Friday.",
    "The company said its cookies and biscuits would be sold in 40 countries.",
    "Related talks in Geneva ended without agreement.",
    "Watch what they do, not what they say, a senior diplomat told reporters.",
    "“No comment.”",
    "Register to vote by email, the election commission urged residents.",
    "The regulator fined the company over its cookie policy, saying users were not told.",
    "Subscribers complained that the newsletter arrived late, the paper admitted.",
    "By the Numbers",
    # near misses of the player, form and footer rules
    "The 720p version of the film was released in 2010, the studio said.",
    "Embed share prices rose, analysts said.",
    "The code was copied to a clipboard by the clerk, prosecutors said.",
    "The screen was 640px wide, the designer said.",
    "You have entered an incorrect plea, the judge told the defendant.",
    "Please enter a valid reason for the delay, the court told the ministry.",
    "Source link between the two outbreaks was confirmed on Monday, the health ministry said.",
    "Read the full report, the minister urged lawmakers before Tuesday’s vote.",
    "The original article was retracted after complaints from the family.",
    "Read on, he told the class.",
    "Continue reading the statement, she said.",
    "Click here to vote, the message said, a tactic used by scammers.",
    "Comments are closed to the public until the inquiry ends, the court said.",
    "Mute the microphone, the chair told the delegate.",
]


@pytest.mark.parametrize("reason,line", DROP, ids=[f"{r}-{l[:30]}" for r, l in DROP])
def test_detector_catches(reason, line):
    assert classify(line) == reason


@pytest.mark.parametrize("line", KEEP, ids=[l[:40] for l in KEEP])
def test_body_line_kept(line):
    assert classify(line) is None


def test_every_detector_has_a_positive_case():
    assert {r for r, _ in REGISTRY} <= {r for r, _ in DROP}
