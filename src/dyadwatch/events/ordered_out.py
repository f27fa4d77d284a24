"""People ordered out of a country: an expulsion, not a demand to de-escalate.

"The junta ordered French troops to leave the country" demands that another's forces pull out
(CAMEO 1056). Ordering a correspondent, aid officials or a businessman to leave is no demand on
an armed party: the state sends individuals away, CAMEO's expulsion of individuals (174), or of
aid agencies when they are an international body's or a relief group's staff (1663; its
peacekeepers 1661, its monitors 1662). Armed men, mercenaries included, and firms stay as they were.
Diplomats ordered out have a pattern of their own (their state's relations are cut, 16).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match

# The demand that a party pull back, the code an order to leave takes from its pattern.
_DEMANDED_WITHDRAWAL: Final = "1056"
# Sectors of armed parties: what an order to leave asks of them stays a demand to pull back.
_ARMED: Final = frozenset({"MIL", "COP", "SPY", "REB", "INS", "UAF", "CRM", "PRM"})
# Sectors of bodies whose staff, sent away, are an aid agency's.
_AID_BODIES: Final = frozenset({"NGO", "IGO"})
# What an order to leave names when it sends people out of the state: "leave THE COUNTRY".
_COUNTRY_WORDS: Final = frozenset({"country", "nation", "territory"})
_EXPEL_PEOPLE: Final = "174"
# Those an international body sends whom CAMEO names apart from aid agencies.
_PEACEKEEPERS: Final = frozenset({"peacekeeper"})
_MONITORS: Final = frozenset({"monitor", "observer", "inspector", "investigator"})
_EXPEL_PEACEKEEPERS: Final = "1661"
_EXPEL_MONITORS: Final = "1662"
_EXPEL_AID: Final = "1663"


def people_ordered_out(found: Match, clauses: Clauses) -> Match:
    """``found`` as an expulsion when those ordered to leave the country are unarmed people
    ("ordered BBC correspondent X to leave the country": 174; "seven UN aid officials": 1663)."""
    if found.code != _DEMANDED_WITHDRAWAL or found.obj is None:
        return found
    left = found.inner.obj if found.inner is not None else None
    if left is None or left.lemma_.lower() not in _COUNTRY_WORDS:
        return found  # "ordered residents to leave the city": an evacuation, no one sent abroad
    ordered = clauses.actor(found.obj)
    if ordered is None or ordered.kind == "state" or ordered.sector in _ARMED or ordered.sector == "BUS":
        return found  # forces, or a firm ("ordered the miner Orano to leave"): no individuals
    if found.obj.pos_ == "PROPN" and found.obj.ent_type_ != "PERSON" and ordered.kind != "igo" \
            and ordered.sector not in _AID_BODIES:
        return found  # a name, not a person's nor a relief group's ("the miner Orano"): a body
    word = found.obj.lemma_.lower()
    if word in _PEACEKEEPERS or word in _MONITORS:
        code = _EXPEL_PEACEKEEPERS if word in _PEACEKEEPERS else _EXPEL_MONITORS
    elif ordered.kind == "igo" or ordered.sector in _AID_BODIES:
        code = _EXPEL_AID
    else:
        code = _EXPEL_PEOPLE
    return replace(found, code=code, base=code, rule=found.rule + "+people-ordered-out")
