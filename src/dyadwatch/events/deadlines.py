"""Deadlines set for an answer to a demand: 'gave Britain 48 hours to respond to its demand'.

A time given for an act that yields nothing ("to prepare its case") is no ultimatum (events/
senses.py, ``benign_deadline``). A time given to answer, meet or accept the giver's own demand
is one all the same: CAMEO's 139 is a final demand, and a deadline for the reply to a demand
makes the demand final whatever the reply is to be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.subjects import is_to_infinitive
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.match import Match

# Acts that answer what someone asked for: reply to it, meet it, accept it, comply with it.
_ANSWERING_ACTS = frozenset({
    "respond", "reply", "answer", "meet", "accept", "satisfy", "fulfil", "fulfill", "heed",
    "comply", "accede", "agree", "implement", "address",
})
# What a party demands of another (not an offer, a charge or a question put by a third party).
_DEMAND_NOUNS = frozenset({
    "demand", "request", "ultimatum", "condition", "term", "call", "order", "list",
})
# Possessors that stand for the giver itself ("ITS demand", "THEIR demands"); a named third
# party's demand ("the prosecution's demands") is not the giver's to make final.
_OWN_POSSESSORS = frozenset({"its", "their", "his", "her", "our", "my"})


def answers_demand(found: Match) -> bool:
    """Is a time given ("48 hours", "until Friday", "a deadline") for an answer to a demand ("to
    respond to its demand", "to meet their demands", "to accept its conditions")?"""
    trigger = found.trigger
    heads = [trigger, *(c for c in children_of(trigger) if c.dep_ in ("dobj", "npadvmod"))]
    acts = [c for h in heads for c in children_of(h)
            if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and is_to_infinitive(c)]
    return any(act.lemma_.lower() in _ANSWERING_ACTS and any(_demand(n) for n in _answered(act))
               for act in acts)


def _answered(act: Token) -> list[Token]:
    """What an answering act answers: its object ("meet its demands") or the object of its
    preposition ("respond TO its demand", "comply WITH the request")."""
    out = [c for c in children_of(act) if c.dep_ == "dobj"]
    out += [p for c in children_of(act) if c.dep_ == "prep" and c.lower_ in ("to", "with")
            for p in children_of(c) if p.dep_ == "pobj"]
    return out


def _demand(noun: Token) -> bool:
    """A demand, with no possessor or the giver's own ('its', 'their'): not a third party's."""
    if noun.lemma_.lower() not in _DEMAND_NOUNS:
        return False
    owner = next((c for c in children_of(noun) if c.dep_ == "poss"), None)
    return owner is None or owner.lower_ in _OWN_POSSESSORS
