"""Rallies: CAMEO's 'rally opposition against' (113) is mobilising others against someone, in
words; a crowd that rallies against a law, a leader or a policy ("thousands rallied against the
law", "protesters rallied against the overhaul") takes to the street, a demonstration (141),
which PLOVER codes as PROTEST. Which one the verb reports is read off who rallies and whether
they rally anyone: a state, a body of it or an official rallying others stays 113.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import WALKOUT_SECTORS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from dyadwatch.events.clauses import Clauses
    from dyadwatch.events.match import Match

RALLY_OPPOSITION = "113"
DEMONSTRATE = "141"
# The verbs of 113 that also name taking to the street when a crowd does them unaided.
_RALLYING = frozenset({"rally"})


def crowd_rally_sense(found: Match, clauses: Clauses) -> Match:
    """113 'rallied against X' whose doers are all crowds (civilians, workers, opposition
    supporters; the sectors whose walkouts are dissent) and who rally no one (no direct object)
    is their demonstration against X (141)."""
    verb = found.trigger
    if (found.code != RALLY_OPPOSITION or found.pattern.kind != "verb"
            or verb.lemma_.lower() not in _RALLYING or any(c.dep_ == "dobj" for c in children_of(verb))):
        return found
    doers, passive = clauses.subjects(verb)
    parties = [clauses.actor(d, as_source=True) for d in doers]
    if passive or not parties or not all(
            a is not None and a.kind not in ("state", "igo") and a.sector in WALKOUT_SECTORS for a in parties):
        return found
    return replace(found, code=DEMONSTRATE, base=DEMONSTRATE, rule=found.rule + "+crowd")
