"""Security forces going into the streets: when police or soldiers "take to", "pour onto" or
"flood" the streets, the state shows its force (CAMEO 153 police power, 154 armed forces), it
does not protest; when they protest with a word of protest ("police officers protested against
pay cuts", "soldiers rallied for back pay") they stay protesters (14)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dyadwatch.knowledge.words import PUBLIC_PLACES
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
