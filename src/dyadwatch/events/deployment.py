"""Security forces going into the streets: when police or soldiers "take to", "pour onto" or
"flood" the streets, the state shows its force (CAMEO 153 police power, 154 armed forces), it
does not protest; when they protest with a word of protest ("police officers protested against
pay cuts", "soldiers rallied for back pay") they stay protesters (14). Drills held with another
state's forces are military cooperation (062), one state's own a show of force (150). Forces
sent to another state "to help", "to protect" or "as part of" a mission there protect it (074)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from dyadwatch.knowledge.words import EDGE_NOUNS, PROTECTIVE_AIMS, PUBLIC_PLACES
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.records import Actor

# The sectors of the state's forces and the CAMEO code of mobilising each.
_FORCE_CODES: Final = {"COP": "153", "MIL": "154"}


def into_streets(trigger: Token) -> bool:
    """Whether the trigger's own object or prepositional phrase is the streets ("flooded the
    streets", "poured onto the streets of Nairobi", "took to the streets"), not a protest word."""
    return any(
        (c.dep_ == "dobj" and c.lower_ in PUBLIC_PLACES)
        or (c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ in PUBLIC_PLACES for o in children_of(c)))
        for c in children_of(trigger)
    )


def force_shown(code: str, trigger: Token, sources: list[Actor]) -> str | None:
    """The code of a show of force for a protest code whose doers are all police (153) or all
    state forces with some soldiers (154) going into the streets, else None."""
    if code[:2] != "14" or not sources or not into_streets(trigger):
        return None
    sectors = {s.sector for s in sources}
    if not sectors <= set(_FORCE_CODES):
        return None
    return _FORCE_CODES["MIL"] if "MIL" in sectors else _FORCE_CODES["COP"]


# The words that put a partner beside the one who holds a drill ("drills with Japan").
_PARTNER_PREPS: Final = frozenset({"with", "alongside"})


def exercise_partners(code: str, trigger: Token, exercise: Token | None, sources: list[Actor],
                      actor: Callable[[Token], Actor | None]) -> list[Actor]:
    """The other states' forces a show of force (150) is held with, which makes it a joint
    exercise (CAMEO's 062 usage note: joint games and manoeuvres): the object of 'with' or
    'alongside' on the verb or on the drills ("held naval drills with China"); none when the
    'with' names no actor of another country ("a show of force with live-fire drills")."""
    if code != "150":
        return []
    own = {a.country for a in sources}
    partners: list[Actor] = []
    for head in (trigger, exercise):
        if head is None:
            continue
        for prep in children_of(head):
            if prep.dep_ != "prep" or prep.lower_ not in _PARTNER_PREPS:
                continue
            if prep.i > 0 and prep.doc[prep.i - 1].lemma_.lower() in EDGE_NOUNS:
                continue  # "near the border with Pakistan", however it was attached: a place
            for pobj in children_of(prep):
                if pobj.dep_ != "pobj":
                    continue
                for tok in (pobj, *(c for c in pobj.conjuncts)):
                    found = actor(tok)
                    if found is not None and found.country and found.country not in own:
                        partners.append(found)
    return partners


# The codes of sending forces somewhere (153 police, 154 armed forces).
_SENDING_CODES: Final = frozenset(_FORCE_CODES.values())


def protective(code: str, trigger: Token, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether forces sent (153, 154) to another state go to protect it (CAMEO 074): the sending
    has an aim of help or protection ("sent troops to Mozambique TO HELP fight insurgents",
    "deployed police to Haiti TO LEAD a security mission") or the forces go "as part of" a
    protective body ("as part of an ECOWAS stabilisation FORCE"). Forces sent to a border or
    against someone are no protection: the target must be another state's and no 'against'."""
    if code not in _SENDING_CODES or not sources or not targets:
        return False
    own = {a.country for a in sources}
    if None in own or any(t.country is None or t.country in own for t in targets):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in children_of(trigger)):
        return False
    for c in children_of(trigger):
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in PROTECTIVE_AIMS and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c)):
            return True
        if c.dep_ == "prep" and c.lower_ == "as":
            part = [p for p in children_of(c) if p.dep_ == "pobj" and p.lower_ == "part"]
            for p in part:
                for of in children_of(p):
                    if of.dep_ == "prep" and of.lower_ == "of" and any(
                            o.dep_ == "pobj" and o.lemma_.lower() in PROTECTIVE_AIMS for o in children_of(of)):
                        return True
    return False
