"""Build the actor and agent tables the events coder looks names up in.

What it builds (committed package data; the package never reads ../shared):

- src/newsgraph/data/actors.tsv: one row per actor,
  ``name <TAB> type <TAB> roles <TAB> keys``. ``name`` is the canonical name
  (states: the short English name of countries.tsv; people: their full name;
  organisations: their common name), ``type`` one of state (a country named as
  itself, its capital or seat of government: the state as an actor), people
  (its demonyms), place (a city or region), person, org, group (armed groups).
  ``roles`` are ``COUNTRY:SECTOR:FROM:TO`` separated by ``|`` (dated roles first,
  then undated defaults; FROM/TO are YYYYMMDD or empty for open ends), country
  an ISO 3166 alpha-3 code or one of PLOVER's non-state codes (IGO, UNO, EUR,
  NGO, IMG, MNC), sector a PLOVER sector. ``keys`` are the name variants, already
  normalised by ``newsgraph.link.actor_table.key_of``, ``|``-separated. A key
  belongs to the first row that claims it (rows are written in priority order).
- src/newsgraph/data/agents.tsv: ``key <TAB> sector <TAB> country <TAB> kind``:
  agent words and phrases ("foreign minister", "troops", "rebels") with their
  sector; ``country`` is a fallback (IGO for "peacekeepers", NGO for "rights
  group"); ``kind`` is "role" for generic role words that defer to a more
  specific modifier ("army spokesman" is MIL), "non" for phrases that are not
  actors ("the border", "the West").

Why our own tables: the coder needs dict look-ups on normalised keys, PLOVER's
codes rather than CAMEO's, and dates honoured ("Putin" is ELI in 1995, GOV in
2021). The facts come from the open (MIT) Phoenix dictionaries
(Phoenix.Countries/International/MilNonState.actors.txt, Phoenix.agents.txt)
and NGEC's PLOVER_agents.txt, plus the project's countries.tsv and
metonyms.tsv and a short list below of well-known international bodies and
general sector words.

The Phoenix format, as read here: a line starting a name opens an actor
("VLADIMIR_PUTIN_"), "+NAME" lines add variants, "[CODE]" or
"[CODE yymmdd-yymmdd]" / "[CODE >yymmdd]" / "[CODE <yymmdd]" give its
country+sector codes (3-letter chunks, CAMEO style: "RUSGOV", "IGOUNOKID"),
dated or not; an actor with no code takes the codes of the next actor (or, when
a blank line follows, of the previous one); "[---]" means "do not code".
Two-digit years up to 30 are 20xx.

Run: .venv/bin/python scripts/build_actors.py [path/to/shared]
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.link.actor_table import key_of  # noqa: E402  (one normaliser for builder and coder)
from newsgraph.link.names import TITLES  # noqa: E402

# ---------------------------------------------------------------- codes

NONSTATE = {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "ISM"}
# CAMEO regional and supra-national chunks: not countries (PLOVER codes no region).
REGIONS = set("AFR ASA BLK CAS CAU CFR CRB CEU EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS "
              "SAF SAM SAS SCN SEA WAF WEU WST INT KKL".split())
# Old or non-ISO country codes in the dictionaries -> the code countries.tsv uses.
REMAP = {"KSV": "XKX", "TMP": "TLS", "ANG": "AGO", "FRN": "FRA", "USR": "SUN", "KRJ": "HRV",
         "SRP": "BIH", "ROM": "ROU", "ZAR": "COD"}
DROP = {"---", "KNT"}
COUNTRY_CODES: set[str] = set()  # filled from countries.tsv: a code there is a country first  # "do not code"; a fictional test country
RELIGIONS = set("BUD HIN MOS MUS CHR JEW CTH BAH SHI SUF ITH CON JAN SIK ZRO DOX".split())
# CAMEO chunk -> PLOVER sector (CAMEO's MED was media, HLH health).
CAMEO_SECTOR = {
    **{s: s for s in "GOV MIL REB JUD LEG COP SPY OPP PTY BUS CRM CVL EDU ELI LAB REF REL AGR "
                     "UAF PRE PRM SOC UNK JRN".split()},
    "INS": "REB", "SEP": "REB", "MED": "JRN", "HLH": "MED", "HRI": "SOC", "ENV": "SOC",
    "DEV": "SOC", "UNR": "PRE", "PRO": "CVL",
}
PLOVER_SECTOR = {**{s: s for s in CAMEO_SECTOR.values()}, "MED": "MED", "JRN": "JRN"}


def decode(code: str, cameo: bool = True) -> tuple[str | None, str | None] | None:
    """CAMEO code -> (country, PLOVER sector); None for "do not code"."""
    code = re.sub(r"[^A-Z-]", "", code.upper())
    chunks = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not chunks or chunks[0] in DROP:
        return None
    head, rest = chunks[0], chunks[1:]
    country, region = None, False
    if head == "IGO":
        country = "UNO" if "UNO" in rest else "EUR" if "EEC" in rest else "IGO"
    elif head in ("NGO", "MNC", "IMG"):
        country = head
    elif head in COUNTRY_CODES:  # MUS is Mauritius here, a religion only further on
        country = head
    elif head in REGIONS:
        region = True
    elif head in CAMEO_SECTOR or head in RELIGIONS:
        rest = chunks
    else:
        country = REMAP.get(head, head)
    table = CAMEO_SECTOR if cameo else PLOVER_SECTOR
    sector = next((table[c] for c in rest if c in table), None)
    if sector == "GOV" and rest.index("GOV") + 1 < len(rest) and rest[rest.index("GOV") + 1] in ("LEG", "JUD"):
        sector = rest[rest.index("GOV") + 1]  # the legislature or judiciary of a state
    if sector is None and any(c in RELIGIONS for c in rest):
        sector = "REL"
    if head == "IMG" and sector is None:
        sector = "REB"
    if region and sector == "REB":
        country = "IMG"  # an armed group the dictionary places in a region: transnational
    return country, sector


def day(text: str, end: bool = False) -> str:
    """yymmdd or yyyymmdd -> YYYYMMDD ('' when unreadable)."""
    d = re.sub(r"\D", "", text)
    if len(d) == 9:
        d = d[:8]
    elif len(d) == 10:
        d = d[-8:]
    if len(d) == 6:
        d = ("20" if int(d[:2]) <= 30 else "19") + d
    if len(d) != 8 or not (1 <= int(d[4:6]) <= 12 and 1 <= int(d[6:8]) <= 31):
        return ""
    return d


def parse_dates(text: str) -> tuple[str, str] | None:
    """'991231-080507' / '>080508' / '<061231' / '' -> (from, to); None if unreadable."""
    t = text.replace(" ", "")
    if not t:
        return "", ""
    if t.startswith(">"):
        f = day(t[1:])
        return (f, "") if f else None
    if t.startswith("<"):
        e = day(t[1:])
        return ("", e) if e else None
    if "-" in t:
        a, b = t.split("-", 1)
        f, e = day(a), day(b)
        return (f, e) if f and e else None
    return None


# ---------------------------------------------------------------- actor files


@dataclass
class Block:
    names: list[str]
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, dates)
    source: str = ""
    person_hint: bool = False
    line: int = 0


_CODE = re.compile(r"\[([^\]]*)\]")


def _name_part(line: str) -> str:
    return line.split("[", 1)[0].replace("]", "").strip()


def parse_actor_file(path: Path) -> list[Block]:
    """Blocks of names and codes, codeless names joined to their neighbour."""
    blocks: list[Block] = []
    current: Block | None = None
    pending: list[str] = []
    pending_hint = False

    def close():
        nonlocal current
        if current is not None and current.codes:
            blocks.append(current)
        current = None

    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        hint = "CountryInfo" in raw
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            if current is not None and not current.codes:
                # codeless names followed by a blank line: variants of the actor before
                if blocks:
                    blocks[-1].names.extend(current.names)
                current = None
            continue
        stripped = line.strip()
        codes = [(m.group(1).split()[0], "".join(m.group(1).split()[1:]))
                 for m in _CODE.finditer(stripped) if m.group(1).split()]
        if stripped.startswith("+"):
            if current is None:
                current = Block([], source=path.name, line=n)
            name = _name_part(stripped[1:])
            if name:
                current.names.append(name)
            current.codes.extend(codes)
        elif stripped.startswith("["):
            if current is not None:
                current.codes.extend(codes)
        else:
            name = _name_part(stripped)
            if current is not None and not current.codes:
                pending, pending_hint = current.names, current.person_hint or pending_hint
                current = None
            else:
                close()
                pending, pending_hint = [], False
            current = Block(pending + ([name] if name else []), codes, path.name, hint or pending_hint, n)
            pending, pending_hint = [], False
    close()
    return blocks


def roles_of(block: Block) -> list[tuple[str | None, str | None, str, str]] | None:
    """Decoded roles, dated first; None when the block says "do not code" only."""
    dated, undated = [], []
    for code, dates in block.codes:
        cs = decode(code)
        if cs is None:
            continue
        span = parse_dates(dates)
        if span is None:
            continue
        (dated if any(span) else undated).append((cs[0], cs[1], span[0], span[1]))
    roles = dated + undated
    return roles or None


# ---------------------------------------------------------------- names


SMALL = set("of the and for in on at to de del la le du da di van von der den al el bin ibn y".split())
_PARENS = re.compile(r"\(([^)]*)\)")


def clean_name(name: str) -> tuple[str, list[str]]:
    """'ANIMAL_LIBERATION_FRONT_(ALF)_' -> ('ANIMAL LIBERATION FRONT', ['ALF']); a note in
    brackets that is not the name's acronym ('GEORGIA_(CAUCASUS)') is dropped."""
    notes = [m.strip().replace("_", " ") for m in _PARENS.findall(name) if m.strip()]
    name = _PARENS.sub(" ", name).replace("_", " ").replace("+", " ")
    name = re.sub(r"\s+", " ", name).strip(" ,;:-")
    initials_ = "".join(w[0] for w in re.split(r"[\s-]+", name.lower()) if w)
    extra = [n for n in notes if " " not in n and len(n) >= 2 and _subsequence(n.lower(), initials_)]
    return name, extra


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def pretty(name: str) -> str:
    """Upper-case dictionary name -> how news writes it: 'BAN KI-MOON' -> 'Ban Ki-moon',
    'NORTH ATLANTIC TREATY ORGANIZATION' -> 'North Atlantic Treaty Organization', 'NATO' kept."""
    words = name.split()
    if len(words) == 1 and (len(words[0]) <= 4 or not re.search(r"[AEIOU]", words[0], re.I)):
        return words[0].upper() if words[0].isalpha() else words[0]
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if "." in w or not re.search(r"[aeiouy]", lw):
            out.append(w.upper())
        elif i > 0 and lw in SMALL:
            out.append(lw)
        else:
            # "al-Assad", "Ki-moon", "Al-Qaeda": a part after a particle is capitalised
            parts = lw.split("-")
            done = []
            for j, p in enumerate(parts):
                if j == 0:
                    done.append(p if (p in SMALL and i > 0 and len(parts) > 1) else p.capitalize())
                else:
                    done.append(p.capitalize() if parts[j - 1] in SMALL else p)
            out.append("-".join(done))
    return " ".join(out)


ORG_NOUNS = set("""
ministry ministries department council party front army forces force movement organization
organisation union association committee commission agency assembly parliament court bank
company corporation corp inc ltd group groups league alliance government administration office
service services institute foundation fund brigade brigades battalion battalions corps police
navy guard guards federation congress senate house cabinet embassy mission authority board
network society church university school times post news press radio television tv club team
cell cells faction militia brotherhood nuclei nucleus revolution revolutionary tigers army's
legion commando commandos unit units squad squads council's centre center program programme
secretariat tribunal bureau directorate command coalition conference forum initiative project
trust institution industries airlines airways holdings international
""".split())

STATE_CODE = re.compile(r"^[A-Z]{3}$")


def is_demonym(key: str, names: set[str], metonyms: set[str]) -> bool:
    """'russian', 'south koreans', 'afghani' -> True; names and capitals -> False."""
    last = key.split()[-1] if key else ""
    if not last or key in names or key in metonyms or last.endswith("stan"):
        return False
    return last.endswith(("an", "ans", "ian", "ians", "ese", "ish", "i", "is", "ic", "ch",
                          "er", "ers", "ot", "ots", "eno", "enos", "ino", "inos", "ard",
                          "ards", "ite", "ites", "ean", "eans", "ois", "ais", "ene", "ine", "ines",
                          "ak", "aks"))


@dataclass
class Row:
    name: str
    type: str
    roles: list[tuple[str | None, str | None, str, str]]
    keys: list[str]
    order: int = 0

    def signature(self):
        return tuple(self.roles)


def read_countries(out: Path):
    names: dict[str, str] = {}  # iso3 -> short name
    aliases: dict[str, list[str]] = {}
    for line in (out / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, name, *rest = line.split("\t")
        names.setdefault(iso, name)
        aliases.setdefault(iso, []).extend([name] + (rest[0].split("|") if rest and rest[0] else []))
    metonyms: dict[str, list[str]] = {}
    for line in (out / "metonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, iso = line.split("\t")
        metonyms.setdefault(iso, []).append(term)
    return names, aliases, metonyms


# Well-known international bodies the dictionaries lack or name oddly (general facts):
# name, PLOVER country code, sector, variants.
KNOWN_BODIES = [
    ("United Nations", "UNO", None, ["UN", "U.N.", "United Nations Organization"]),
    ("UN Security Council", "UNO", None, ["U.N. Security Council", "United Nations Security Council", "UNSC", "Security Council"]),
    ("European Union", "EUR", None, ["EU", "E.U."]),
    ("European Commission", "EUR", "GOV", []),
    ("European Parliament", "EUR", "LEG", []),
    ("NATO", "IGO", None, ["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "N.A.T.O."]),
    ("Collective Security Treaty Organization", "IGO", None, ["CSTO", "Collective Security Treaty Organisation"]),
    ("Shanghai Cooperation Organisation", "IGO", None, ["SCO", "Shanghai Cooperation Organization"]),
    ("African Union", "IGO", None, ["AU"]),
    ("Organization for Security and Co-operation in Europe", "IGO", None, ["OSCE", "Organization for Security and Cooperation in Europe", "Organisation for Security and Co-operation in Europe"]),
    ("Association of Southeast Asian Nations", "IGO", None, ["ASEAN"]),
    ("Arab League", "IGO", None, ["League of Arab States"]),
    ("Gulf Cooperation Council", "IGO", None, ["GCC", "Cooperation Council for the Arab States of the Gulf"]),
    ("Organisation of Islamic Cooperation", "IGO", None, ["OIC", "Organization of Islamic Cooperation"]),
    ("Commonwealth of Independent States", "IGO", None, ["CIS"]),
    ("Eurasian Economic Union", "IGO", None, ["EAEU", "EEU"]),
    ("BRICS", "IGO", None, []),
    ("G7", "IGO", None, ["Group of Seven", "G-7"]),
    ("G20", "IGO", None, ["Group of 20", "Group of Twenty", "G-20"]),
    ("International Monetary Fund", "IGO", None, ["IMF"]),
    ("World Bank", "IGO", None, []),
    ("World Health Organization", "UNO", "MED", ["WHO", "World Health Organisation"]),
    ("International Criminal Court", "IGO", "JUD", ["ICC"]),
    ("International Atomic Energy Agency", "UNO", None, ["IAEA"]),
    ("OPEC", "IGO", None, ["Organization of the Petroleum Exporting Countries"]),
    ("Interpol", "IGO", "COP", []),
    ("Islamic State", "IMG", "REB", ["ISIS", "ISIL", "Daesh", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant", "IS-K", "ISIS-K", "Islamic State Khorasan"]),
    ("Al-Qaeda", "IMG", "REB", ["al-Qaida", "al Qaeda", "Al Qaeda", "al-Qaeda", "Al-Qaida"]),
    ("Red Cross", "NGO", "MED", ["International Committee of the Red Cross", "ICRC"]),
    ("Amnesty International", "NGO", "SOC", []),
    ("Human Rights Watch", "NGO", "SOC", []),
]


# World regions: places with no country (PLOVER codes no region, but a reader wants them named).
REGIONS_NAMED = [
    "Central Asia", "South Asia", "Southeast Asia", "South-East Asia", "East Asia", "Asia-Pacific",
    "Middle East", "Near East", "Latin America", "Central America", "South America", "North America",
    "the Caribbean", "Europe", "Eastern Europe", "Western Europe", "Central Europe", "Northern Europe",
    "Southern Europe", "the Balkans", "the Baltics", "Scandinavia", "the Caucasus", "South Caucasus",
    "North Caucasus", "Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Central Africa", "Sub-Saharan Africa", "the Sahel", "the Maghreb", "Horn of Africa", "the Gulf",
    "Persian Gulf", "Arabian Peninsula", "the Levant", "Eurasia", "Asia", "Oceania", "the Arctic",
    "the Pacific", "Indo-Pacific",
]


def country_rows(short, aliases, metos, name_keys, meto_keys):
    """Rows for the well-known bodies, and for each state: its names, capital and seats
    (type state, GOV) and its demonyms (type people), from countries.tsv and metonyms.tsv."""
    bodies = [Row(n, "group" if c == "IMG" else "org", [(c, s, "", "")],
                  [key_of(v) for v in [n] + vs], -1) for n, c, s, vs in KNOWN_BODIES]
    body_by_key = {b.keys[0]: b for b in bodies}
    state_rows: dict[str, Row] = {}
    people_rows: dict[str, Row] = {}
    for iso, name in sorted(short.items()):
        if iso in NONSTATE:  # the UN, the EU: organisations, not states
            row = body_by_key.get(key_of(name))
            if row is None:
                row = Row(name, "org", [(iso, None, "", "")], [key_of(name)])
                bodies.append(row)
            row.keys += [key_of(a) for a in aliases.get(iso, [])]
            continue
        country = iso[:3]
        if iso.endswith("PRE"):
            row = Row(name, "place", [(country, "PRE", "", "")], [])
            state_rows[iso] = row
        else:
            row = state_rows.setdefault(country, Row(name, "state", [(country, "GOV", "", "")], []))
        people = people_rows.setdefault(
            country, Row(short.get(country, name), "people", [(country, None, "", "")], []))
        for a in aliases.get(iso, []):
            k = key_of(a)
            if is_demonym(k, name_keys, meto_keys) and not iso.endswith("PRE"):
                people.keys.append(k)
            else:
                row.keys.append(k)
    for iso, terms in metos.items():
        if iso in state_rows:
            state_rows[iso].keys += [key_of(t) for t in terms]
    return bodies, state_rows, people_rows



def build_rows(shared: Path, out: Path) -> tuple[list[Row], dict]:
    short, aliases, metos = read_countries(out)
    COUNTRY_CODES.update(iso[:3] for iso in short if iso not in NONSTATE)
    alias_owner: dict[str, str] = {}
    for iso in sorted(aliases):
        for a in aliases[iso]:
            alias_owner.setdefault(key_of(a), iso)
    files = [("Phoenix.Countries.actors.txt", "countries"),
             ("Phoenix.International.actors.txt", "international"),
             ("Phoenix.MilNonState.actors.txt", "milnonstate")]
    blocks: list[tuple[Block, str]] = []
    for fname, kind in files:
        blocks += [(b, kind) for b in parse_actor_file(shared / "data" / "phoenix" / fname)]

    given: set[str] = set()  # first names of people the country lists mark as people
    for b, kind in blocks:
        if kind == "countries" and b.person_hint:
            words = clean_name(b.names[0])[0].split()
            if len(words) >= 2 and len(words[0]) > 2 and words[0].isalpha():
                given.add(words[0].lower())

    name_keys = {key_of(n) for iso, n in short.items()}
    all_name_keys = {key_of(a) for iso in aliases for a in aliases[iso]}
    meto_keys = {key_of(t) for iso in metos for t in metos[iso]}

    bodies, state_rows, people_rows = country_rows(short, aliases, metos, name_keys, meto_keys)

    other: list[Row] = []
    places: list[Row] = []
    people_by_key: dict[str, tuple[Row, str]] = {}
    stats = {"blocks": len(blocks), "dropped": 0, "given": given}
    for order, (b, kind) in enumerate(blocks):
        roles = roles_of(b)
        if roles is None:
            stats["dropped"] += 1
            continue
        if kind == "milnonstate":  # an armed group placed in a region only is transnational
            roles = [(c or "IMG", s or "REB", f, t) for c, s, f, t in roles]
        cleaned = [clean_name(n) for n in b.names if n.strip()]
        if not cleaned:
            continue
        variants = []
        for n, extra in cleaned:
            variants += [n] + extra
        keys = [k for k in dict.fromkeys(key_of(v) for v in variants) if k]
        root = cleaned[0][0]
        countries = {r[0] for r in roles}
        sectors = {r[1] for r in roles}
        is_place = (sectors <= {None, "PRE"} and not countries & NONSTATE and not b.person_hint
                    and all(c and STATE_CODE.match(c) for c in countries))
        if is_place:
            # the state a country block names: the country of its latest role (Georgia after 1991)
            main = next((r[0] for r in reversed(roles) if r[0] in short and r[0] in state_rows
                         and state_rows[r[0]].type == "state"), None)
            if main is None and len(roles) == 1 and not roles[0][2] and not roles[0][3] and kind == "countries":
                # a state the country list lacks (the Soviet Union, Yugoslavia)
                state_rows[roles[0][0]] = Row(pretty(root), "state", [(roles[0][0], "GOV", "", "")], keys, order)
                continue
            if main and kind == "countries" and any(k in all_name_keys for k in keys):
                state, people = state_rows[main], people_rows[main]
                for k in keys:
                    if alias_owner.get(k, main) != main:
                        continue  # another entry of the country list names it (Abkhazia)
                    if k in all_name_keys or k in meto_keys or k == key_of(root):
                        (people if is_demonym(k, name_keys, meto_keys) else state).keys.append(k)
                    elif k not in given:  # cities and regions: places of their own
                        places.append(Row(pretty(k.upper()), "place", roles, [k], order))
                continue
            places.append(Row(pretty(root), "place", roles, keys, order))
            continue
        words = root.lower().split()
        bare = untitled(words)
        if bare != words and len(bare) >= 2 and bare[0] in given:
            root, words = " ".join(root.split()[len(words) - len(bare):]), bare
        has_org_word = any(w.strip(".,'") in ORG_NOUNS for w in words)
        armed = "IMG" in countries or "REB" in sectors or kind == "milnonstate"
        personlike = 2 <= len(words) <= 5 and not has_org_word
        dated = any(r[2] or r[3] for r in roles)
        listed = kind == "countries" and (b.person_hint or dated or "ELI" in sectors)
        if (personlike and (words[0] in given or listed)) or (len(words) == 1 and b.person_hint):
            type_ = "person"
        elif armed:
            type_ = "group"
        else:
            type_ = "org"
        row = Row(pretty(root), type_, roles, [key_of(root)] + keys, order)
        if type_ == "person":
            same = people_by_key.get(key_of(root))
            if same is not None and same[1] != kind:  # one career across two dictionaries
                same[0].roles = [r for r in same[0].roles + roles if r[2] or r[3]] + \
                    [r for r in same[0].roles + roles if not (r[2] or r[3])][:1]
                same[0].keys += row.keys
                continue
            people_by_key.setdefault(key_of(root), (row, kind))
        other.append(row)

    regions = [Row(n[4:] if n.startswith("the ") else n, "region", [], [key_of(n)]) for n in REGIONS_NAMED]
    rows = (list(state_rows.values()) + bodies + regions + list(people_rows.values()) + merge_orgs(other) + places)
    return dedupe(rows, stats), stats


def untitled(words: list[str]) -> list[str]:
    """Words of a name without leading titles ("secretary-general ban ki-moon" -> "ban ki-moon")."""
    i = 0
    while i < len(words) and all(p.strip(".") in TITLES or p in ("un", "u.n.") for p in words[i].split("-")):
        i += 1
    return words[i:]


def initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in SMALL)


def merge_orgs(rows: list[Row]) -> list[Row]:
    """One row per organisation: same codes and the same name, or one name the acronym
    of the other ("UN" and "United Nations"); the row met first keeps its name."""
    by_name: dict[tuple, Row] = {}
    by_initials: dict[tuple, Row] = {}
    out: list[Row] = []
    for row in rows:
        k = row.keys[0] if row.keys else ""
        if row.type == "person" or not k:
            out.append(row)
            continue
        sig = row.signature()
        target = by_name.get((sig, k))
        if target is None and " " not in k and 2 <= len(k) <= 6:
            target = by_initials.get((sig, k))
        if target is None and " " in k:
            target = by_name.get((sig, initials(k)))
        if target is not None:
            target.keys += row.keys
            continue
        by_name[(sig, k)] = row
        if " " in k and len(initials(k)) >= 2:
            by_initials.setdefault((sig, initials(k)), row)
        out.append(row)
    return out


def dedupe(rows: list[Row], stats: dict) -> list[Row]:
    """Each key to the first row claiming it; rows left without keys are dropped."""
    seen: set[str] = set()
    kept = []
    conflicts = 0
    for row in rows:
        keys = []
        for k in dict.fromkeys(row.keys):
            if not k:
                continue
            if k in seen:
                conflicts += 1
                continue
            seen.add(k)
            keys.append(k)
        if keys:
            row.keys = keys
            kept.append(row)
    stats["key_conflicts"] = conflicts
    return kept


def role_text(r) -> str:
    country, sector, start, end = r
    return f"{country or ''}:{sector or ''}:{start}:{end}".rstrip(":")


# ---------------------------------------------------------------- agents

# Our own general sector words, which win over the dictionaries: what news uses
# for officials and armed actors, and role words that defer to their modifier.
AGENT_WORDS = {
    "GOV": "official officials government_official minister ministry foreign_minister foreign_ministry "
           "envoy special_envoy ambassador diplomat diplomats delegation delegate negotiator "
           "president vice_president prime_minister premier chancellor head_of_state "
           "authorities administration embassy consulate regime government cabinet "
           "special_representative presidential_envoy foreign_affairs_ministry "
           "secretary_general secretary-general general_secretary "
           "spokesman spokeswoman spokesperson spokespeople representative representatives "
           "leader leaders leadership chief head aide aides adviser advisers advisor advisors "
           "state states country countries nation nations capital",
    "MIL": "army troops troop soldiers soldier military navy air_force armed_forces forces "
           "defence_ministry defense_ministry defence_minister defense_minister general generals "
           "commander commanders marines",
    "REB": "rebels rebel insurgents insurgent militants militant jihadists jihadist terrorists terrorist "
           "guerrillas guerrilla separatists separatist",
    "COP": "police policeman policemen police_officer police_officers",
    "JUD": "court judge judges prosecutor prosecutors supreme_court",
    "LAB": "union unions trade_union trade_unions labour_union labor_union workers_union",
    "LEG": "parliament parliamentarian parliamentarians senator senators lawmaker lawmakers legislator "
           "legislators congress senate house_of_representatives mps",
    "SPY": "intelligence_service intelligence_services intelligence_agency spy_agency spies spy",
    "JRN": "journalist journalists reporter reporters",
}
# Generic role words: a person or body with no sector of its own; a modifier decides.
ROLE_WORDS = ("state states country countries nation nations "
              "spokesman spokeswoman spokesperson spokespeople representative representatives "
              "leader leaders leadership chief head aide aides adviser advisers advisor advisors "
              "envoy official officials delegation secretary_general secretary-general general_secretary")
NON_ACTORS = ("border the_border west the_west international_community world situation")


def parse_agent_file(path: Path, cameo: bool) -> list[tuple[str, str | None, str | None, str]]:
    """(key, sector, country, kind) for every phrase, with substitutions and plurals expanded."""
    subs: dict[str, list[str]] = {}
    out = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = re.search(r"\[([^\]]*)\]", line)
        if not cm:
            continue
        code = cm.group(1).strip()
        phrase = line[:line.index("[")]
        plural_m = re.search(r"\{([^}]*)\}", phrase)
        plurals = None
        if plural_m:
            plurals = [p.strip() for p in plural_m.group(1).split(",") if p.strip()]
            phrase = phrase[:plural_m.start()]
        forms = [phrase.strip()]
        for sub, alts in subs.items():
            forms = [f.replace(sub, a) for f in forms for a in alts] if any(sub in f for f in forms) else forms
        if code.startswith("~"):
            chunk = code[1:4].upper()
            country = None
        else:
            chunk, country = "", code.rstrip("~")[:3].upper()
        kind = ""
        if chunk in ("NON", "JNK"):
            sector, kind = None, "non"
        elif chunk == "NGO":
            sector, country = "SOC", "NGO"
        elif chunk == "IGO":
            sector, country = None, "IGO"
        elif chunk == "IMG":
            sector, country = "REB", "IMG"
        elif chunk == "UNK":
            sector, kind = None, "role"  # "group", "members": someone, not a sector
        elif chunk:
            d = decode(code[1:].upper(), cameo=cameo)
            sector = d[1] if d else None
            if sector is None:
                continue
        else:
            sector = None
        for form in forms:
            words = form.replace("_", " ").split()
            if not words:
                continue
            variants = [form]
            if plurals is None:
                variants.append(" ".join(words[:-1] + [plural(words[-1])]))
            else:
                variants += plurals
            for v in variants:
                k = key_of(v)
                if k:
                    out.append((k, sector, country, kind))
    return out


def plural(word: str) -> str:
    w = word.lower()
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return word[:-1] + "ies"
    if w.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def build_agents(shared: Path) -> list[tuple[str, str | None, str | None, str]]:
    ours = []
    for sector, words in AGENT_WORDS.items():
        for w in words.split():
            ours.append((key_of(w), sector, None, ""))
    roles = {key_of(w) for w in ROLE_WORDS.split()}
    ours = [(k, s, c, "role" if k in roles else kind) for k, s, c, kind in ours]
    ours += [(key_of(w), None, None, "role") for w in ROLE_WORDS.split() if key_of(w) not in {o[0] for o in ours}]
    ours += [(key_of(w), None, None, "non") for w in NON_ACTORS.split()]
    plover = parse_agent_file(shared / "data" / "ngec" / "PLOVER_agents.txt", cameo=False)
    phoenix = parse_agent_file(shared / "data" / "phoenix" / "Phoenix.agents.txt", cameo=True)
    seen: set[str] = set()
    rows = []
    for k, s, c, kind in ours + plover + phoenix:
        if k in seen:
            continue
        # A role word keeps the sector the dictionaries give it, used when no modifier decides.
        seen.add(k)
        rows.append((k, s, c, kind))
    return rows


# ---------------------------------------------------------------- main


def build(shared: Path) -> None:
    rows, stats = build_rows(shared, OUT)
    agents = build_agents(shared)
    # Generic words are agents, not actors: a title ("Lt") or a category with a
    # fallback code ("NGO", "aid group") must not name one organisation.
    generic = {k for k, s, c, kind in agents if c} | set(TITLES)
    common = {k for k, s, c, kind in agents if " " not in k} | ORG_NOUNS | set(TITLES)
    given = stats.pop("given")
    for r in rows:
        if r.type in ("state", "people", "region") or r.order == -1:  # curated rows keep their keys
            continue
        # one generic word ("foundation", "nation") or a given name ("Abdullah") names no one actor
        r.keys = [k for k in r.keys if k not in generic and not (" " not in k and (k in common or k in given))]
    rows = [r for r in rows if r.keys]
    with open(OUT / "actors.tsv", "w", encoding="utf-8") as fh:
        fh.write("# name\ttype\troles (COUNTRY:SECTOR:FROM:TO|...)\tkeys; built by scripts/build_actors.py "
                 "from the Phoenix dictionaries (MIT), countries.tsv and metonyms.tsv\n")
        for r in rows:
            fh.write(f"{r.name}\t{r.type}\t{'|'.join(role_text(x) for x in r.roles)}\t{'|'.join(r.keys)}\n")
    with open(OUT / "agents.tsv", "w", encoding="utf-8") as fh:
        fh.write("# key\tsector\tcountry\tkind (role|non); built by scripts/build_actors.py from "
                 "NGEC PLOVER_agents.txt and Phoenix.agents.txt (MIT) plus general sector words\n")
        for k, s, c, kind in agents:
            fh.write(f"{k}\t{s or ''}\t{c or ''}\t{kind}\n")
    types: dict[str, int] = {}
    for r in rows:
        types[r.type] = types.get(r.type, 0) + 1
    size = (OUT / "actors.tsv").stat().st_size
    print(f"actors.tsv: {len(rows)} actors {types}, {sum(len(r.keys) for r in rows)} keys, "
          f"{size / 1e6:.2f} MB; {stats}")
    print(f"agents.tsv: {len(agents)} phrases, {(OUT / 'agents.tsv').stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
