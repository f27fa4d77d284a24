"""The body that orders people out of a place is that place's state: "the French ambassador
was ordered out of Niger by the military government" is Niger's government, whatever country
the article is mostly about, for only a state can order people out of its own land."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.cues import NO_NATIONALITY, Cue, hit_of
from dyadwatch.knowledge.words import EXPELLING_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Possessors that make the people ordered out the orderer's own ("the government ordered its
# diplomats out of Niger": a withdrawal from another land, not an expulsion from its own).
_OWN = frozenset({"its", "their", "our"})


def expeller_cue(head: Token, ents: dict[int, Span]) -> Cue | None:
    """The country a body is of when it orders someone out of a country or capital: the agent
    of a passive ("was expelled from Russia by the government") or the subject of an active
    expelling verb ("the junta ordered the envoy out of Bamako"). Only a place the verb itself
    takes ("out of X", "from X"): "the diplomats from Sudan" may say where they came from."""
    verb = _expelling_verb(head)
    if verb is None or _own_people(verb):
        return None
    for prep in _out_of_preps(verb):
        for obj in children_of(prep):
            if obj.dep_ != "pobj":
                continue
            ent = ents.get(obj.i)
            hit = hit_of(ent) if ent is not None else None
            if ent is not None and hit is not None and hit[0] in ("country", "capital"):
                return Cue(hit[1], f"{NO_NATIONALITY}; it orders people out of '{ent.text}' -> {hit[1]}",
                           "place")
    return None


def _expelling_verb(head: Token) -> Token | None:
    """The expelling verb whose doer ``head`` is, if any."""
    if head.dep_ == "nsubj":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.dep_ == "agent":
        verb = head.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in EXPELLING_VERBS else None


def _own_people(verb: Token) -> bool:
    """Whether the people ordered out are named as the orderer's own ("its diplomats")."""
    for child in children_of(verb):
        if child.dep_ in ("dobj", "nsubjpass") and any(
            c.dep_ == "poss" and c.lower_ in _OWN for c in children_of(child)
        ):
            return True
    return False


def _out_of_preps(verb: Token) -> list[Token]:
    """The verb's own "from" and "out of" prepositions ("out" may be taken as a particle or a
    preposition, with "of" below it)."""
    out: list[Token] = []
    for child in children_of(verb):
        if child.dep_ == "prep" and child.lower_ == "from":
            out.append(child)
        elif child.lower_ == "out" and child.dep_ in ("prep", "prt", "advmod"):
            out.extend(c for c in children_of(child) if c.dep_ == "prep" and c.lower_ == "of")
    return out
