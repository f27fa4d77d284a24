"""What a protest is about, and whom it is therefore aimed at.

CAMEO's target of a protest (141-145) is "the party the protest is directed against" (for a
demand of leadership change, "the actor who is expected to relinquish power"); PLOVER's
recipient is likewise whom the demonstrators oppose. A protest often names that party only
through the deed it protests: "to protest against PRESIDENT MUSHARRAF'S suspension of the chief
justice", "to protest the killing of a teenager BY POLICE", "against the MILITARY coup". Those it
was done to are whom the protesters stand up for, not whom they oppose: "against the arrest of
A CLERIC" is no protest at the clergy, "over the deportation of AFGHAN REFUGEES" none at the
refugees. When the deed names no doer, a deed only a state does is the protesters' own
government's (``unnamed.own_government``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import (
    HARMING_SECTORS,
    PROTEST_TOPIC_NOUNS,
    PROTEST_TOPIC_PREPS,
    PROTESTING_VERBS,
    SUFFERED_DEED_NOUNS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor

# CAMEO's root of protest.
PROTEST_ROOT = "14"
# Prepositions whose object is the one a deed was done to ("the arrest OF X", "the ban ON X",
# "attacks AGAINST X").
_SUFFERER_PREPS = ("of", "on", "against")
# Dependencies a noun phrase's words hang by, up which a mention is followed to the deed whose
# phrase holds it ("the arrest of members OF THE PARTY", "of X AND Y", "of its leader, X").
_PHRASE_DEPS = frozenset({"pobj", "conj", "appos", "compound", "poss", "nmod", "amod"})
# How many words up a mention is followed to find the deed: the arrest of the leader of the party.
_DEPTH = 6


def protest_topics(match: Match) -> list[Token]:
    """What a protest act is against beyond its verb's own object and 'against' phrase: an
    'over' phrase on its verb or noun, or an 'against' phrase on its noun ("marched OVER the
    deportation of ...", "enforced a strike AGAINST the execution of ..."), the phrase of a
    noun of protesting under it ("went on strike IN PROTEST AT the suspension"), and what a
    purpose clause of protesting names ("walked off the job TO PROTEST AGAINST the coup", "to
    protest THE KILLING of a teenager"). Empty for any other root."""
    if match.code[:2] != PROTEST_ROOT:
        return []
    # the trigger, and the protest noun of a light verb ("enforced a STRIKE against X")
    nouns = [n for n in (match.noun, match.obj) if n is not None and n.pos_ == "NOUN"]
    out: list[Token] = []
    for head in [match.trigger, *nouns]:
        for c in children_of(head):
            if c.dep_ == "prep" and (c.lower_ == "over" or (head is not match.trigger and c.lower_ == "against")):
                out += [p for p in children_of(c) if p.dep_ == "pobj"]
            elif c.dep_ == "prep":
                out += [q for p in children_of(c) if p.dep_ == "pobj" and p.lemma_.lower() in PROTEST_TOPIC_NOUNS
                        for t in children_of(p) if t.dep_ == "prep" and t.lower_ in PROTEST_TOPIC_PREPS
                        for q in children_of(t) if q.dep_ == "pobj"]
            elif c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and c.lemma_.lower() in PROTESTING_VERBS:
                out += [q for q in children_of(c) if q.dep_ == "dobj"]
                out += [q for t in children_of(c) if t.dep_ == "prep" and t.lower_ in PROTEST_TOPIC_PREPS
                        for q in children_of(t) if q.dep_ == "pobj"]
    return [t for t in out if t.pos_ in ("NOUN", "PROPN")]


def suffers(tok: Token) -> bool:
    """Whether ``tok`` is in the phrase naming whom a deed was done to: the 'of', 'on' or
    'against' phrase of a noun of such a deed ("the jailing OF FORMER PRESIDENT ZUMA", "the
    detention of OPPOSITION CANDIDATES", "the ban ON THE PARTY"), followed up through the words
    of noun phrases only, never across a verb."""
    node = tok
    for _ in range(_DEPTH):
        if node.dep_ not in _PHRASE_DEPS or node.head.i == node.i:
            return False
        head = node.head
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _SUFFERER_PREPS \
                and head.head.lemma_.lower() in SUFFERED_DEED_NOUNS:
            return True
        node = head.head if node.dep_ == "pobj" and head.dep_ == "prep" else head
    return False


def suffered(doc: Doc, actor: Actor) -> bool:
    """Whether the mention of ``actor`` names whom a deed was done to (``suffers``): its span's
    head word is. A mention the text does not hold (an unknown doer) is not."""
    words = [t for t in doc if actor.start <= t.idx < actor.end]
    head = next((t for t in words if not actor.start <= t.head.idx < actor.end or t.head.i == t.i), None)
    return head is not None and suffers(head)


def armed_doer(deed: Token, actor: Callable[[Token], Actor | None]) -> Token | None:
    """The armed body a word before a deed names as its doer ("the MILITARY coup", "POLICE
    brutality", "an ARMY crackdown"): a modifier that resolves to the military, the police or
    another armed sector (a nationality or a name before it is read by ``matters._doers_of``)."""
    for c in children_of(deed):
        if c.dep_ in ("amod", "compound") and c.i < deed.i:
            found = actor(c)
            if found is not None and not found.unknown and found.sector in HARMING_SECTORS:
                return c
    return None
