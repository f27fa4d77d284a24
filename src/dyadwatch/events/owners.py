"""Owners: the recipient of an act named only as the owner of what the act is done to.

"Met ALL of the students' demands", "rejected MOST of the union's conditions": a portion word
as the verb's object stands for the thing its 'of' phrase names, the pattern's own keyword,
whose owner is whom the demand is met for or the condition refused (the codebook's usage notes
for yielding, 08, and rejecting, 12: the target is whose demand or proposal it is). "Scrapped
the tax IN A CONCESSION TO the protesters": a phrase that calls the clause's act a concession
names whom it is made to, when the act names no one itself.

Kept apart from :mod:`~dyadwatch.events.targets`, which is at its size limit; ``Clauses``
asks this module's ``targets`` for a verb's targets, and it asks ``Targets``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import CONCESSION_NOUNS, PORTION_WORDS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.mentions import Mentions
    from dyadwatch.events.targets import Targets

# Prepositions under which a concession noun describes the clause's own act ("IN a concession
# to X", "AS a concession to X"); not 'after' or 'despite' (someone else's concession).
_DESCRIBING_PREPS = frozenset({"in", "as"})


class Owners:
    """Targets of a verb, reading a portion of the pattern's object as that object, and a
    concession phrase of the clause when the act names no recipient."""

    def __init__(self, targets: Targets, mentions: Mentions) -> None:
        self._targets = targets
        self._mentions = mentions

    def targets(self, verb: Token, obj: Token | None, preps: tuple[str, ...],
                objects: frozenset[str]) -> list[Token]:
        found = self._targets.targets(verb, portioned(obj, objects), preps, objects)
        if any(self._mentions.actor(t) is not None for t in found):
            return found
        conceded = self._conceded_to(verb)
        return [conceded] if conceded is not None else found

    def _conceded_to(self, verb: Token) -> Token | None:
        """The actor of the 'to' phrase of a concession noun under an 'in'/'as' phrase of
        ``verb`` ("dropped the tax in a concession TO THE PROTESTERS"), or None."""
        for prep in children_of(verb):
            if prep.dep_ != "prep" or prep.lower_ not in _DESCRIBING_PREPS:
                continue
            for noun in children_of(prep):
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in CONCESSION_NOUNS:
                    continue
                for to in children_of(noun):
                    if to.dep_ == "prep" and to.lower_ in ("to", "toward", "towards"):
                        for p in children_of(to):
                            head = self._targets.inside(p) if p.dep_ == "pobj" else None
                            if head is not None and self._mentions.actor(head) is not None:
                                return head
        return None


def portioned(obj: Token | None, objects: frozenset[str]) -> Token | None:
    """The noun a portion word as the object stands for ("met ALL of the demands": the
    demands) when that noun is the pattern's own keyword; ``obj`` otherwise. A pattern with no
    keyword finds the actor inside the portion as it is ("killed two of the soldiers")."""
    if obj is None or not objects or obj.lemma_.lower() in objects:
        return obj
    if obj.lemma_.lower() not in PORTION_WORDS and obj.tag_ != "CD":
        return obj
    for prep in children_of(obj):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in children_of(prep):
                if p.dep_ == "pobj" and (p.lemma_.lower() in objects or p.lower_ in objects):
                    return p
    return obj
