"""Line classifiers: a registry of detectors, each naming one kind of web boilerplate.

A detector takes a unit's text and says whether it is that kind of
boilerplate; ``classify`` returns the reason of the first that fires. They
encode shapes found on thousands of news sites (WordPress comment forms,
video-player residue, share prompts, disclaimers), never an outlet's name.
Detectors are strict about length so a body sentence that merely mentions
"comment" or "video" is kept.
"""
from __future__ import annotations

import re
from typing import Callable

from .datelines import dateline_meta, source_meta
from .metadata import parse_byline

Detector = Callable[[str], bool]
REGISTRY: list[tuple[str, Detector]] = []


def detector(reason: str) -> Callable[[Detector], Detector]:
    """Register a detector under ``reason`` (the Removal reason code); order is priority."""

    def register(fn: Detector) -> Detector:
        REGISTRY.append((reason, fn))
        return fn

    return register


def classify(text: str) -> str | None:
    """The reason ``text`` is boilerplate, or None if it may be body."""
    for reason, fn in REGISTRY:
        if fn(text):
            return reason
    return None


def _words(text: str) -> int:
    """Word count, roughly (spaces + 1): cheap enough to guard every detector."""
    return text.count(" ") + 1


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


# --- provenance lines (they also carry metadata: see metadata.py) ---------------------------

@detector("byline")
def byline(text: str) -> bool:
    return parse_byline(text) is not None


@detector("dateline")
def dateline(text: str) -> bool:
    return dateline_meta(text) is not None


_SCRAPER = _rx(
    r"^\W{0,3}sources?\b\W*(?:\d+\s*[/.)-]\s*)?https?://"
    r"|\bcontact\s+us\s+to\s+(?:remove|delete|take\s+down|change)"
    r"|\b(?:this|the)\s+(?:article|post|content)\s+(?:was|is|has\s+been)\s+(?:automatically\s+)?(?:scraped|aggregated|auto-?generated|imported)\s+from\b"
)


@detector("scraper-attribution")
def scraper_attribution(text: str) -> bool:
    if _words(text) > 60:
        return False
    low = text.lower()
    return any(k in low for k in ("source", "contact us", "scraped", "aggregated", "generated", "imported")) and bool(_SCRAPER.search(text))


# a closing link line pointing to the original or the rest of the story
_FOOTER_LINK = _rx(
    r"^\W{0,3}(?:"
    r"(?:source|original|origin)\s+(?:link|url|article|story|post)"
    r"|(?:view|see|visit|go\s+to)\s+(?:the\s+)?(?:original|source|full)(?:\s+(?:article|story|post|report|source))?"
    r"|(?:read|view|see)\s+(?:the\s+)?(?:full|original|entire|complete|whole)\s+(?:article|story|post|report|piece|text)"
    r"|read\s+(?:the\s+)?rest\s+of\s+(?:the|this)\s+(?:article|story|post|report|piece)"
    r"|(?:click|tap)\s+here\s+(?:to|for)\s+(?:read\s+)?(?:more|the\s+(?:full|original|rest\s+of\s+the)\s+(?:article|story|post|report))"
    r"|(?:read\s+more|continue\s+reading|read\s+(?:it|this\s+(?:article|story))\s+in\s+full)(?=\s+(?:here|on|at)\b)"
    r")(?:\s*(?:[:|»›>-]|on|at|here)\s*(?:\S.{0,60})?)?\W*$"
)


@detector("footer-link")
def footer_link(text: str) -> bool:
    return _words(text) <= 12 and bool(_FOOTER_LINK.match(text))


@detector("source-line")
def source_line(text: str) -> bool:
    return source_meta(text) is not None


# --- publisher notes -------------------------------------------------------------------------

_DISCLAIMER = _rx(
    r"^\W{0,3}disclaimer\b"
    r"|\b(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\b.{0,120}\b(?:do|does)\s+not\s+(?:necessarily\s+)?(?:reflect|represent)"
    r"|\b(?:views|opinions)\s+expressed\b.{0,120}\b(?:are|is)\s+(?:solely\s+)?(?:those|that)\s+of\s+the\s+(?:author|writer|contributor)"
    r"|\bfor\s+(?:general\s+)?informational?\s+purposes\s+only\b"
    r"|\bdoes\s+not\s+constitute\s+(?:financial|investment|legal|medical)\s+advice\b"
)


@detector("disclaimer")
def disclaimer(text: str) -> bool:
    if _words(text) > 80:
        return False
    low = text.lower()
    return any(k in low for k in ("disclaimer", "expressed", "informational", "constitute")) and bool(_DISCLAIMER.search(text))


_SUBMISSIONS = _rx(
    r"\bwe\s+(?:welcome|accept|invite|encourage)\b.{0,60}\b(?:pitches|submissions|contributions|op-eds?|guest\s+posts?|letters\s+to\s+the\s+editor)\b"
    r"|\b(?:want|like|interested)\s+(?:to\s+|in\s+)(?:write|writing|contribute|contributing)\s+(?:for|to)\s+us\b"
    r"|\b(?:send|email|submit)\s+(?:us\s+)?(?:your\s+)?(?:pitches|submissions|op-eds?|story\s+tips|news\s+tips)\b"
    r"|\bhave\s+a\s+(?:news\s+)?tip\b.{0,40}\b(?:contact|email|send)\b"
)


@detector("call-for-submissions")
def call_for_submissions(text: str) -> bool:
    if _words(text) > 50:
        return False
    low = text.lower()
    return any(k in low for k in ("pitch", "submi", "contribut", "op-ed", "guest", "letters", "tip")) and bool(_SUBMISSIONS.search(text))


# --- reader interaction ------------------------------------------------------------------------

_FORM_FIELD = r"(?:e-?mail(?:\s+address)?|name|user\s*name|password|website|url|captcha|code)"
_COMMENT_PHRASE = (
    r"(?:"
    r"(?:leave|post|add|write|submit|share)\s+(?:a|your|the)\s+(?:reply|comment|response|thoughts)s?"
    r"|please\s+(?:enter|type|provide)\s+your\s+(?:comment|name|e-?mail(?:\s+address)?|website)(?:\s+(?:here|below))?"
    r"|your\s+e-?mail\s+(?:address\s+)?will\s+not\s+be\s+(?:published|shared|displayed)"
    r"|required\s+fields\s+are\s+marked(?:\s+\*)?"
    r"|(?:save|remember)\s+my\s+name\b.{0,80}\bcomment"
    r"|you\s+must\s+be\s+logged\s+in\s+to\s+(?:post|leave)(?:\s+a)?\s+comment"
    r"|notify\s+me\s+of\s+(?:follow-?up\s+comments|new\s+(?:posts|comments|replies))(?:\s+(?:by|via)\s+e-?mail)?"
    r"|this\s+site\s+uses\s+akismet\b.*"
    r"|cancel\s+reply|post\s+comment|submit\s+comment|reply\s+to\s+this\s+comment"
    r"|\d+\s+(?:comments?|responses?|replies)|no\s+(?:comments|responses|replies)\s+yet"
    r"|comments?(?:\s+\(\d+\))?|comment\s+policy|show\s+comments|view\s+comments|load\s+comments"
    r"|be\s+the\s+first\s+to\s+comment|join\s+the\s+(?:discussion|conversation)"
    r"|log\s*in\s+to\s+(?:comment|reply)|sign\s+in\s+to\s+(?:comment|reply)"
    # validation messages a form prints beside its fields
    r"|you\s+(?:have\s+)?entered\s+an?\s+(?:incorrect|invalid|wrong)\s+" + _FORM_FIELD +
    r"|please\s+(?:enter|type|provide)\s+an?\s+valid\s+" + _FORM_FIELD +
    r"|(?:an?\s+)?(?:invalid|incorrect)\s+" + _FORM_FIELD + r"|this\s+field\s+is\s+required"
    r"|(?:your\s+)?comment\s+is\s+awaiting\s+moderation|comments\s+(?:are|have\s+been)\s+closed"
    r"|(?:name|e-?mail|website)\s*\*?"
    r")"
)
# one or more form phrases and nothing else on the line
_COMMENT_FORM = _rx(r"^\W{0,3}" + _COMMENT_PHRASE + r"(?:[\W\s]+" + _COMMENT_PHRASE + r")*\W*$")


@detector("comment-form")
def comment_form(text: str) -> bool:
    return _words(text) <= 20 and bool(_COMMENT_FORM.match(text))


_TIMECODE = re.compile(r"(?<![\w:])(?:\d{1,2}:)?\d{1,2}:\d\d(?![\w:])")
_RESOLUTION = re.compile(r"\b\d{3,4}p\s*\|?\s*\d+(?:\.\d+)?\s*[KMG]i?B\b", re.I)
_PLAYER_MESSAGE = _rx(
    r"^\W{0,3}(?:no\s+media\s+source\s+(?:is\s+)?(?:currently\s+)?available"
    r"|your\s+browser\s+does\s+not\s+support\s+(?:the\s+)?(?:video|audio|html5)(?:\s+(?:tag|element|player|format|playback))?"
    r"|(?:this\s+)?(?:video|audio|media|content)\s+(?:is\s+)?(?:not\s+available|unavailable|cannot\s+be\s+played)"
    r"|(?:please\s+)?(?:enable|turn\s+on)\s+javascript\s+to\s+(?:view|watch|play)"
    r"|to\s+(?:view|watch|play)\s+this\s+(?:video|content)"
    r"|(?:an\s+)?error\s+occurred\s+(?:while\s+)?(?:loading|playing)"
    r"|loading\s+(?:the\s+)?(?:video|player|media)"
    r"|(?:please\s+wait|loading)\W*"
    r"|direct\s+link|embed(?:\s+code)?|auto-?play|(?:un)?mute|full\s?screen|playback\s+speed"
    # what a player's share panel prints: clipboard notices, empty size fields, a rendition
    r"|(?:the\s+)?(?:embed\s+)?(?:code|url|link|address)\s+(?:has\s+been\s+|was\s+|is\s+)?copied(?:\s+to\s+(?:your\s+|the\s+)?clipboard)?"
    r"|copied\s+to\s+(?:your\s+|the\s+)?clipboard"
    r"|(?:(?:width|height)\s*\d*\s*px[\s,x×]*){1,2}"
    r"|\d{3,4}p(?:\s*[|(-]?\s*\d+(?:\.\d+)?\s*[KMG]i?B\)?)?"
    r")\W*$"
)
# a line made only of player controls, one of them specific to players ("Embed share")
_CONTROL = frozenset("embed share copy link download autoplay auto-play mute unmute fullscreen replay captions subtitles settings quality speed close".split())
_PLAYER_CONTROL = frozenset("embed download autoplay auto-play mute unmute fullscreen replay captions subtitles".split())


def _controls_only(text: str) -> bool:
    """Every word a player control, and at least one that only a player has ("Embed share", not "Share")."""
    words = re.findall(r"[\w-]+", text.lower())
    return bool(words) and all(w in _CONTROL for w in words) and any(w in _PLAYER_CONTROL for w in words)


# strong markers hardly occur in prose; weak ones do ("embed", "mute"), so they only add up
_STRONG_LITERALS = ("please wait", "copied to your clipboard", "copied to clipboard", "direct link", "no media source")
_PX = re.compile(r"\b(?:width|height)\s*(?:\d+\s*)?px\b")
_WEAK_LITERALS = ("embed", "autoplay", "auto-play", "fullscreen", "full screen", "playback", "mute")


@detector("player-debris")
def player_debris(text: str) -> bool:
    n = _words(text)
    if n <= 15 and _PLAYER_MESSAGE.match(text):
        return True
    if n <= 5 and _controls_only(text):
        return True
    stamps = _TIMECODE.findall(text) if ":" in text else []
    low = text.lower()
    if "mb" in low or "kb" in low or "gb" in low:
        stamps += _RESOLUTION.findall(text)
    if len(stamps) >= 2:
        residue = _RESOLUTION.sub(" ", _TIMECODE.sub(" ", text))
        if len(re.findall(r"[^\W\d_]{2,}", residue)) <= 4:
            return True
    strong = sum(1 for k in _STRONG_LITERALS if k in low) + bool(stamps) + len(_PX.findall(low))
    if strong < 2:
        return False
    weak = sum(1 for k in _WEAK_LITERALS if k in low)
    return strong + weak >= 3


_CREDIT = _rx(
    r"^\W{0,3}(?:photo|image|picture|file\s+photo|photograph|illustration|video|graphic)s?(?:\s+credits?)?\s*[:：]\s*\S"
    r"|^\W{0,3}\(?(?:photo|image)\s+(?:by|credit|courtesy)\b.{0,80}\)?\W*$"
)


@detector("image-credit")
def image_credit(text: str) -> bool:
    return _words(text) <= 10 and bool(_CREDIT.match(text))


_EMBED_LABEL = _rx(r"^\W{0,3}(?:watch|video|listen|audio|podcast|photos?|gallery|slideshow|in\s+pictures|graphic)\s*[:|»›>]\s*\S")
_RELATED_LABEL = _rx(
    r"^\W{0,3}(?:read\s+(?:more|also|next)|also\s+read|related(?:\s+(?:articles?|stories|news|coverage|content))?|see\s+also|"
    r"more\s+(?:on\s+this\s+(?:story|topic)|from\s+\w+|stories)|recommended(?:\s+for\s+you)?|trending|most\s+(?:read|popular)|"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|don[’']?t\s+miss|editor[’']?s\s+picks?)\s*(?:[:|»›>-]\s*\S.*|\W*)$"
)
_SHARE_WORD = r"(?:(?:click\s+to\s+)?share(?:\s+(?:this|the))?(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via))?|tweet|e-?mail|print|copy\s+(?:link|url)|whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|telegram|messenger|flipboard|click\s+to\s+share|opens\s+in\s+(?:a\s+)?new\s+window)"
_SHARE_ONLY = re.compile(r"^\W*" + _SHARE_WORD + r"(?:[\W\s]+" + _SHARE_WORD + r")*\W*$", re.I)


@detector("share-embed")
def share_embed(text: str) -> bool:
    if _words(text) > 25:
        return False
    return bool(_EMBED_LABEL.match(text) or _SHARE_ONLY.match(text) or re.match(r"^\W{0,3}follow\s+us\s+on\b", text, re.I))


@detector("related-link")
def related_link(text: str) -> bool:
    return _words(text) <= 25 and bool(_RELATED_LABEL.match(text))


_NEWSLETTER = _rx(
    r"^\W{0,3}newsletter(?:\s+promotion)?\s*[:：]"
    r"|\bnewsletter\b.{0,100}\b(?:subscribe|sign\s+up)\b"
    r"|^\W{0,3}(?:sign\s+up|subscribe)\b.{0,60}\b(?:newsletter|e-?mail|alerts|updates|briefing|inbox)\b"
    r"|\b(?:delivered|straight|direct)\s+to\s+your\s+inbox\b"
    r"|^\W{0,3}(?:subscribe(?:\s+now)?|sign\s+up(?:\s+now)?)\W*$"
)


@detector("newsletter")
def newsletter(text: str) -> bool:
    return _words(text) <= 35 and bool(_NEWSLETTER.search(text))


_COOKIES = _rx(
    r"\b(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b"
    r"|\bby\s+(?:continuing|using)\b.{0,80}\b(?:agree|accept|consent)\b.{0,40}\bcookies\b"
    r"|^\W{0,3}(?:accept|reject|manage|allow)\s+(?:all\s+)?cookies\b"
)
_COOKIE_BUTTON = _rx(r"^\W{0,3}cookie\s+(?:policy|settings|preferences|consent)\W*$")


@detector("cookie-notice")
def cookie_notice(text: str) -> bool:
    if _words(text) > 60 or "cookie" not in text.lower():
        return False
    return bool(_COOKIES.search(text) or _COOKIE_BUTTON.match(text))


_COPYRIGHT = _rx(r"^\W{0,3}(?:©|\(c\)|copyright\b)|\ball\s+rights\s+reserved\b")


@detector("copyright")
def copyright_line(text: str) -> bool:
    return _words(text) <= 25 and bool(_COPYRIGHT.search(text))


_AD = _rx(
    r"^\W{0,3}(?:advertisement|advertising|sponsored(?:\s+content)?|ad|story\s+continues\s+(?:below|after)(?:\s+(?:the\s+)?(?:advertisement|ad))?|"
    r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?)\W*$"
)


@detector("advertisement")
def advertisement(text: str) -> bool:
    return bool(_AD.match(text))


_TAGS = _rx(r"^\W{0,3}(?:tags?|topics?|filed\s+under|categor(?:y|ies)|keywords)\s*[:：]\s*\S")


@detector("tags")
def tags(text: str) -> bool:
    return _words(text) <= 40 and bool(_TAGS.match(text))


# --- credits, corrections, navigation and comment threads around the article -----------------

# A caption ending in its credit: "Smoke over the ridge on Friday. Picture: Ann Lee", "(Photo: X/Agency)".
_CAPTION_CREDIT = _rx(
    r"(?:^|[\s(])(?:photo|picture|photograph|image|illustration|video|footage)s?(?:\s+(?:credit|by))?\s*[:：]"
    r"\s*[^.:!?]{2,80}\)?\s*$"
)


@detector("image-credit")
def caption_with_credit(text: str) -> bool:
    return _words(text) <= 60 and bool(_CAPTION_CREDIT.search(text))


_CORRECTION = _rx(
    r"^\W{0,3}(?:correction|clarification|editor[’']?s\s+note)\s*[:：]"
    r"|^\W{0,3}this\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+(?:amended|updated|corrected|edited)\b"
    r"|^\W{0,3}an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|piece)\b"
)


@detector("correction-note")
def correction_note(text: str) -> bool:
    return _words(text) <= 80 and bool(_CORRECTION.match(text))


_BREADCRUMB = _rx(r"^\W{0,2}home\s*[>›»/|]\s*\S")


@detector("breadcrumb")
def breadcrumb(text: str) -> bool:
    return _words(text) <= 12 and bool(_BREADCRUMB.match(text)) and not text.rstrip().endswith((".", "?", "!"))


_WIRE_CREDIT = _rx(r"^\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics)\s+by\b[^()]*\)\W*$")


@detector("wire-credit")
def wire_credit(text: str) -> bool:
    return _words(text) <= 40 and bool(_WIRE_CREDIT.match(text))


_CONTACT = _rx(r"\bcan\s+be\s+(?:reached|contacted|emailed)\s+(?:at|on|via)\b.{0,80}(?:@|\d{3}[-.\s]\d{3,4})")


@detector("author-contact")
def author_contact(text: str) -> bool:
    return _words(text) <= 30 and bool(_CONTACT.search(text))


_COMMENT_CHROME = _rx(
    r"^\W{0,3}sort\s+by\s*[:：]?\s*(?:newest|oldest|best|top|popular|most\s+liked)\W*$"
    r"|^\W{0,3}(?:\d+\s+)?(?:comments?|replies)(?:\s*\(\d+\))?\W*$"
    r"|^\W{0,3}(?:reply|like|likes|dislike|report|flag|share)(?:\s*\(\d+\))?(?:\s*[·|•]\s*(?:reply|like|likes|dislike|report|flag|share)(?:\s*\(\d+\))?)+\W*$"
    r"|^\S{2,30}\s+\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\W*$"
)


@detector("comment-section")
def comment_chrome(text: str) -> bool:
    return _words(text) <= 8 and bool(_COMMENT_CHROME.match(text))
