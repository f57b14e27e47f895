"""PLOVER 2.0 facts: event types, quad classes, modes, contexts and scores.

Facts from the PLOVER manual (draft 2.0, CC BY-SA 4.0): the sixteen event
types, their quad class, the modes each type allows, the general contexts and
the cooperation/conflict score of each type and type:mode. Kept in code, not
a table file, because every stage that codes, merges or plots events needs them.
"""
from __future__ import annotations

# type -> quad class: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict (the manual's table of quad categories).
QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
TYPES: tuple[str, ...] = tuple(QUAD)

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# Base score of each type and the score of each type:mode (the manual's table
# of conflict-cooperation scores, -10 most conflictual to +10 most cooperative).
# The manual prints ACCUSE's base as 3; every ACCUSE mode is negative and the
# type is verbal conflict, so the sign is taken as a misprint and -3 is used.
BASE_SCORE: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
    "RETREAT": 6.5, "REQUEST": 0, "ACCUSE": -3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5,
    "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9,
}
MODE_SCORE: dict[str, dict[str, float]] = {
    "CONSULT": {"visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5},
    "RETREAT": {"withdraw": 8, "release": 6.5, "disarm": 10, "ceasefire": 7.5, "access": 6.5, "resign": 4.5},
    "REQUEST": {"assist": 0.5, "change": -1, "yield": -1, "meet": 0},
    "ACCUSE": {"disapprove": -2, "investigate": -3.5, "allege": -3.5},
    "REJECT": {"assist": -1.5, "change": -2, "yield": -2, "meet": -2},
    "THREATEN": {"restrict": -3, "arrest": -3.5, "relations": -3.5, "expel": -3.5, "territory": -4,
                 "violence": -3.5},
    "PROTEST": {"demo": -5, "riot": -7, "strike": -5, "hunger": -4.5, "boycott": -4.5, "obstruct": -4.5},
    "SANCTION": {"convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6},
    "MOBILIZE": {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6},
    "COERCE": {"seize": -7, "restrict": -7, "censor": -6.5, "curfew": -6.5, "martial-law": -7.5,
               "arrest": -7, "deport": -7, "withhold": -7, "misinformation": -6.5, "cyber": -7},
    "ASSAULT": {"abduct": -8.5, "beat": -7.5, "torture": -8.5, "sexual": -8.5, "targeted": -9.5,
                "destroy": -8.5, "primitive": -8, "firearms": -9, "explosives": -9,
                "suicide-attack": -9.5, "aerial": -9.5, "drone": -9.5, "heavy-weapons": -9.5,
                "crowd-control": -7.5, "unconventional": -10},
}
MODES: dict[str, tuple[str, ...]] = {t: tuple(MODE_SCORE.get(t, {})) for t in TYPES}

CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
)

# Types the manual says require a recipient.
NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})

# Sector codes PLOVER actors carry (the manual's table of sector codes).
SECTORS: tuple[str, ...] = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)


def score(type_: str, mode: str | None = None) -> float:
    """The PLOVER cooperation/conflict score of a type, or of type:mode when the mode has one."""
    if type_ not in BASE_SCORE:
        raise ValueError(f"not a PLOVER event type: {type_!r}")
    if mode and mode in MODE_SCORE.get(type_, {}):
        return float(MODE_SCORE[type_][mode])
    return float(BASE_SCORE[type_])


def quad(type_: str) -> int:
    """The quad class (1-4) of a PLOVER type."""
    return QUAD[type_]

# Country-field codes for international non-state actors (the manual's table).
NON_STATE: dict[str, str] = {
    "IGO": "International Governmental Organization", "UNO": "United Nations", "EUR": "European Union",
    "NGO": "Non-governmental Organization", "ISM": "International Social Movement",
    "IMG": "Transnational Militarized Group", "MNC": "Multi-national Corporation",
}
