"""Copies built from an article at test time: exact, wrapped, truncated, spun, reordered.

Everything here is invented for the tests (the site furniture, the synonym
table); the articles copied are read from ../shared at run time and never
stored in the repository.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

# A general table of news English, one entry per base form; inflections follow a rule.
SYNONYMS = dict(entry.replace("_", " ").split(":") for entry in """
said:stated say:state says:states told:informed tell:inform reported:conveyed report:account
announced:declared announce:declare warned:cautioned warn:caution added:continued noted:remarked
described:characterised called:named asked:requested ask:request believe:think believes:thinks
meeting:gathering meetings:gatherings meet:convene met:convened talks:discussions talk:discuss
government:administration governments:administrations country:nation countries:nations
official:functionary officials:functionaries leader:chief leaders:chiefs group:faction groups:factions
war:conflict forces:troops force:might power:energy powers:energies security:safety people:persons
week:seven_days weeks:weeks year:twelvemonth years:years month:period day:daytime capital:metropolis
city:town state:nation deal:pact agreement:accord support:backing relations:ties relationship:bond
ties:links interview:conversation statement:declaration role:function chance:opportunity
new:fresh big:huge large:sizeable small:little important:significant major:main recent:latest
former:previous foreign:overseas local:native international:worldwide regional:territorial
political:governmental economic:financial military:armed public:open diplomatic:ambassadorial
also:additionally already:previously still:nonetheless recently:lately quickly:rapidly however:but
many:numerous several:a_number_of some:certain most:greatest_part_of much:a_lot_of
begin:start began:started start:begin started:begun end:finish ended:finished take:seize took:seized
taken:seized give:grant gave:granted make:create made:created hold:maintain held:maintained
help:assist helped:assisted seek:pursue sought:pursued keep:retain kept:retained lead:guide led:guided
want:wish wanted:wished need:require needed:required show:display showed:displayed see:view saw:viewed
seen:viewed come:arrive came:arrived go:proceed went:proceeded leave:depart left:departed
remain:stay remained:stayed become:turn_into became:turned_into move:shift moved:shifted
use:utilise used:utilised try:attempt tried:attempted work:labour worked:laboured
control:management threat:danger threats:dangers risk:hazard risks:hazards attack:assault
attacks:assaults fight:battle fighting:combat fought:battled troops:soldiers army:military
withdrawal:pullout withdraw:pull_out president:head minister:secretary ministry:department
embassy:mission ambassador:envoy envoy:emissary representative:delegate representatives:delegates
spokesman:speaker spokesperson:speaker expert:specialist experts:specialists analyst:commentator
analysts:commentators border:frontier borders:frontiers region:area regions:areas
takeover:seizure victory:win defeat:loss collapse:breakdown crisis:emergency
concern:worry concerns:worries interest:curiosity interests:pursuits influence:sway
policy:strategy strategy:approach approach:method decision:choice plan:scheme plans:schemes
effort:attempt efforts:attempts move:step steps:measures issue:matter issues:matters
problem:difficulty problems:difficulties question:query questions:queries answer:reply
way:method time:moment times:moments part:portion side:facet world:globe home:house
news:information media:press sites:websites site:website television:TV
terrorist:extremist terrorists:extremists militants:fighters militant:fighter
organization:organisation organisations:bodies organizations:bodies movement:motion
trust:faith trustworthy:dependable safe:secure safer:more_secure safety:protection
chaotic:disorderly rapid:fast quick:fast slow:sluggish long:lengthy short:brief
high:excessive low:reduced strong:robust weak:feeble good:fine bad:poor
first:initial last:final next:subsequent early:initial late:belated
open:unlock opened:unlocked close:shut closed:shut signal:sign signals:signs
possible:potential likely:probable unlikely:improbable clear:evident clearly:evidently
potential:possible opportunity:probability opportunities:probabilities
economy:financial_system trade:commerce investment:funding invest:fund
humanitarian:charitable aid:help food:meals cargo:freight ships:vessels ship:vessel
workers:employees worker:employee union:alliance strike:walkout port:harbour
price:cost prices:costs market:marketplace money:cash
even:yet within:inside well:properly since:because past:previous making:creating presence:existence
wrote:penned cooperation:collaboration allies:partners ally:partner allow:permit joint:shared
whether:if following:after moment:instant hosted:welcomed host:welcome opposition:resistance
involved:concerned get:obtain place:location views:opinions view:opinion willingness:readiness
towards:toward find:discover agencies:bureaus agency:bureau banned:forbidden matter:subject
failure:breakdown though:although establish:set_up establishing:setting_up established:set_up
reach:attain series:sequence contacts:connections earlier:previously given:provided offer:proposal
sign:indication friendly:amicable responsible:accountable near:close necessary:essential
remove:eliminate personal:private diplomacy:statecraft alongside:beside cautiously:carefully
reached:attained order:command particular:specific mentioned:cited acknowledge:recognise
serious:grave authorities:officials fled:escaped choose:select higher:greater solution:answer
stability:steadiness together:jointly certain:sure mission:task senior:high_ranking
resistance:opposition killing:slaying repeated:restated partner:associate partners:associates
responded:replied shared:common claims:assertions claim:assert strengthen:reinforce
position:stance prevent:stop maintain:keep welcome:greet received:got known:recognised
provide:supply negotiations:talks situation:circumstances members:participants member:participant
peace:calm accused:charged future:coming latest:newest allow:let drivers:motorists
companies:firms company:firm published:issued advantage:benefit negotiating:bargaining
others:the_rest play:perform assurances:guarantees list:record based:grounded
""".split())
WORD = re.compile(r"[A-Za-z]+")

HEADER = "The Daily Lantern | Independent news since 1998\n\nHome | World | Politics | Business | Sport | Opinion\n\n"
COOKIES = ("We use cookies to improve your experience on our site. By continuing to browse you agree to our "
           "use of cookies. Accept all | Manage preferences\n\n")
FOOTER = ("\n\nShare this article: Facebook | X | Email\n\nRelated stories\n\n"
          "Subscribe to our morning briefing for the day's top stories.\n\n"
          "© 2021 The Daily Lantern. All rights reserved. About us | Contact | Privacy policy")


def exact(text: str) -> str:
    """The same words with other spacing and typography (a new id, the same normalised body)."""
    out = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return re.sub(r"\n+", "\n\n\n", out).strip() + "\n"


def wrapped(text: str) -> str:
    """The article inside another site's header, navigation, cookie notice and footer."""
    return HEADER + COOKIES + text.strip() + FOOTER


def truncated(text: str, share: float = 0.5) -> str:
    """The first ``share`` of the article, cut at the end of a paragraph or sentence."""
    cut = int(len(text) * share)
    for mark in ("\n", ". "):
        at = text.rfind(mark, 0, cut)
        if at > len(text) * 0.4:
            return text[:at + 1].strip()
    return text[:cut].strip()


def _inflected(word: str) -> str | None:
    lower = word.lower()
    if lower in SYNONYMS:
        return SYNONYMS[lower]
    for suffix in ("s", "ed", "ing", "ly"):
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and stem in SYNONYMS and " " not in SYNONYMS[stem]:
            return SYNONYMS[stem] + suffix
    return None


def spun(text: str) -> tuple[str, float]:
    """Every lower-case word the table knows swapped for its synonym; (text, share of
    content words swapped), content words being lower-case words of 3+ letters."""
    from newsgraph.dedupe.fingerprint import STOPWORDS

    content = swapped = 0

    def swap(match: re.Match) -> str:
        nonlocal content, swapped
        word = match.group()
        if word[0].isupper() or len(word) < 3 or word.lower() in STOPWORDS:
            return word
        content += 1
        other = _inflected(word)
        if other is None:
            return word
        swapped += 1
        return other

    out = WORD.sub(swap, text)
    return out, swapped / max(1, content)


def reordered(text: str) -> str:
    """The paragraphs in another order: pairs swapped (1 2 3 4 5 -> 2 1 4 3 5)."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text.strip()) if p.strip()]
    for i in range(0, len(paragraphs) - 1, 2):
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    return "\n\n".join(paragraphs)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
