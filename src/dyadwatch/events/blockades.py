"""Blockades by who makes them: CAMEO codes a blockade twice, as a protest that obstructs passage
(144; a threat of it is dissent, 133) and as a blockade imposed by force (191; a threat of it
1381). The lexicon picks one by the word blocked ("blocked the ports", "besieged the town");
which one a report is depends on its doer: farmers' tractors on a road protest, a state's or an
armed group's ships or troops impose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyadwatch.records import Actor

# Sectors whose blockades are imposed by force: the state's forces and armed groups.
_FORCEFUL = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "INS", "UAF"})
# Sectors whose blockades are civilian collective action.
_CIVILIAN = frozenset({"CVL", "AGR", "LAB", "OPP", "EDU", "MED", "BUS", "REF", "HLH"})
# (protest code, force code) of a blockade done and of one threatened.
_PAIRS = (("144", "191"), ("133", "1381"))


def blockade_code(code: str, base: str | None, sources: list[Actor]) -> str | None:
    """The code of a blockade (done, or threatened by a frame over it) for its doers: the force
    code when all are states or armed, the protest code when all are civilian groups; None
    when the code is no blockade, is already the right one, or the doers are mixed or unnamed."""
    act = base if code[:2] == "13" and base is not None else code
    if act not in ("144", "191") or not sources:
        return None
    pair = _PAIRS[1] if code[:2] == "13" else _PAIRS[0]
    if code not in pair:
        return None  # a threat coded otherwise ("or face a blockade" 130) keeps its code
    if all(_forceful(a) for a in sources):
        wanted = pair[1]
    elif all(a.sector in _CIVILIAN for a in sources):
        wanted = pair[0]
    else:
        return None
    return wanted if wanted != code else None


def _forceful(actor: Actor) -> bool:
    """A state named without a sector ('China', 'Azerbaijan'), or its forces, or an armed group."""
    return (actor.kind == "state" and actor.sector is None) or actor.sector in _FORCEFUL
