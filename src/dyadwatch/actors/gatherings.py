"""Bodies and leaders named by the people they gather: a faith's ("Christian leaders", "a Muslim
organisation") are PLOVER's REL, the sector of religious bodies and their clergy; a gathering of
civilians ("women's groups", "victims' associations") is an organisation of civil society, SOC;
one of a trade keeps the trade's ("a farmers' association" AGR). Believers and civilians
themselves keep their own sector ("Muslim worshippers" CVL)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.base import Role
from dyadwatch.knowledge.words import FAITH_ADJECTIVES, MEMBERSHIP_NOUNS, WEAK_ROLE_TERMS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Modifiers that say whom a head gathers or leads: "Christian leaders", "women's groups",
# "citizen groups"; not a clause or a prepositional phrase after the head.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
# The sector of a gathering by the sector of the people it gathers: civilians organised are civil
# society (SOC); a trade, a profession or a faith organised keeps its own sector, as a union of
# a trade is that trade's ("a farmers' association" AGR, "a doctors' association" MED). People
# of the state's sectors (soldiers, officials) gather in bodies of their own, not read here.
_GATHERED = {"CVL": "SOC", "AGR": "AGR", "LAB": "LAB", "EDU": "EDU", "MED": "MED", "BUS": "BUS",
             "JRN": "JRN", "REL": "REL"}


def _faith_word(head: Token) -> Token | None:
    """The faith adjective that modifies ``head`` directly, outside any listed name."""
    return next((c for c in head.lefts if c.dep_ in _MODIFIER_DEPS
                 and c.lower_.replace("’", "'") in FAITH_ADJECTIVES), None)


def faith_leaders(head: Token, weak: Role) -> tuple[Role, str] | None:
    """A weak head ("leaders", "officials") a faith's adjective modifies, with no body of its
    own beside it: the faith's leaders, REL ("Christian leaders in Nigeria")."""
    if weak.term not in WEAK_ROLE_TERMS or (faith := _faith_word(head)) is None:
        return None
    return Role(weak.term, "REL", weak.kind, ""), f"'{faith.text} {head.text}': a faith's -> REL"


def gathering_role(head: Token, found: list[tuple[int, int, Role]], starts: dict[int, Token]) -> tuple[Role, str] | None:
    """A gathering noun that names no role ("group", "organisation", "association"): a faith's
    is a religious body (REL), one of civilians an organisation of civil society (SOC), one of a
    trade that trade's (AGR, LAB, EDU, MED, BUS, JRN). The people must be a noun that modifies
    the head ("women's", "victims'", "farmers'"), not an adjective ("national") nor a word of a
    name."""
    lemma = head.lemma_.lower()
    if lemma not in MEMBERSHIP_NOUNS or head.pos_ != "NOUN":
        return None
    if (faith := _faith_word(head)) is not None:
        return Role(lemma, "REL", "body", ""), f"'{faith.text} {head.text}': a faith's body -> REL"
    for start, _, role in found:
        tok = starts.get(start)
        if (role.sector in _GATHERED and tok is not None and tok.head.i == head.i and tok.i < head.i
                and tok.dep_ in _MODIFIER_DEPS and tok.pos_ in ("NOUN", "PROPN") and not tok.ent_type_):
            sector = _GATHERED[role.sector]
            return Role(lemma, sector, "body", ""), f"'{head.text}' of '{role.term}' -> {sector}"
    return None
