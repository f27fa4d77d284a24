"""Wars on things: a fight named against an abstraction is no use of force.

"The prime minister declared war on poverty", "the central bank is waging a battle against
inflation", "the fight against corruption": the words of armed conflict (CAMEO root 19) set
against a social ill, a price or an idea report a policy, not a fight. Such a fight has no party
on its other side: what its 'on' or 'against' phrase names is no actor (not a state, a body, a
group or people of a role), no name and no place or position. "Mexico waged war on drug
cartels", "the war on the rebels", "an offensive against rebel positions" keep theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import FIGHT_NOUNS, FOUGHT_PLACES
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match

_FIGHT_ROOT = "19"
_OPPOSING_PREPS = ("on", "against")


def figurative_fight(found: Match, clauses: Clauses) -> bool:
    """Whether a fight's noun ("war", "battle", "fight") is set against no party: every
    'on'/'against' object of it is an abstraction ("declared war on poverty")."""
    if found.code[:2] != _FIGHT_ROOT:
        return False
    noun = next((w for w in (found.noun, found.obj, found.trigger)
                 if w is not None and w.pos_ == "NOUN" and w.lemma_.lower() in FIGHT_NOUNS), None)
    if noun is None:
        return False
    # the parser may hang the phrase on the verb whose object the noun is ("declared war ON poverty")
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    opposed = [p for h in holders for prep in children_of(h) if prep.dep_ == "prep" and prep.lower_ in _OPPOSING_PREPS
               for p in children_of(prep) if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
    return bool(opposed) and all(_abstraction(p, clauses) for p in opposed)


def _abstraction(word: Token, clauses: Clauses) -> bool:
    """A common noun that stands for no one and nowhere: no actor, no name, no role, no place."""
    if word.pos_ != "NOUN" or word.ent_type_:
        return False
    if any(c.ent_type_ or c.pos_ == "PROPN" for c in word.subtree if c.i < word.i):
        return False  # "war on Kurdish separatists", "the fight against Islamic State fighters"
    lemma = word.lemma_.lower()
    if lemma in FOUGHT_PLACES or word.lower_ in FOUGHT_PLACES:
        return False
    if clauses.actors.knowledge.role(lemma) is not None or clauses.actors.knowledge.role(word.lower_) is not None:
        return False
    return clauses.actor(word) is None
