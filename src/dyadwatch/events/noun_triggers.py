"""Noun triggers: the lexicon pattern an event noun matches ("talks", "a curfew", "an
ambush"), alone, after 'be' in reported speech (a copula pattern), or as the object of the light
verb that lends it its subject ("held talks", "imposed a curfew"); and the ranking of candidate
patterns that verb and noun matching share (``more_specific``). ``triggers.Matcher`` asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.match import Match
from dyadwatch.events.readings import undergoing_lemma
from dyadwatch.knowledge.ontology import leaf_rank
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.clauses import Clauses
    from dyadwatch.knowledge.lexicon import Lexicon, Pattern


class NounMatcher:
    """Event-noun matching for one article: the best pattern by its object words (the noun's
    modifiers), the light verbs it needs and its prepositions."""

    def __init__(self, lexicon: Lexicon, clauses: Clauses) -> None:
        self.lexicon = lexicon
        self.clauses = clauses

    def match(
        self, noun: Token, kind: str, governor: Token | None = None, *, framed: bool = True
    ) -> Match | None:
        """The best ``kind`` pattern ("noun" or "copula") of ``noun``, alone or, with ``governor``,
        as the object of the light verb that lends it its subject ("held TALKS"); ``framed`` when
        a frame frames it (a pattern of what is only ever framed may then match)."""
        candidates = self.lexicon.candidates(kind, noun.lemma_.lower())  # type: ignore[arg-type]
        if not candidates:
            candidates = self.lexicon.candidates(kind, noun.lower_)  # type: ignore[arg-type]
        if not candidates:
            return None
        mods = self.clauses.noun_lemmas(noun)
        preps = {c.lower_ for c in children_of(noun) if c.dep_ == "prep"}
        if governor is not None:
            preps |= {c.lower_ for c in children_of(governor) if c.dep_ == "prep"}
        gov_lemma = governor.lemma_.lower() if governor is not None else None
        best: tuple[float, Pattern] | None = None
        best_words = 0
        for p in candidates:
            if p.framed_only and not framed:
                continue
            if p.objects and not (p.objects & mods):
                continue
            if p.particles and (gov_lemma or undergoing_lemma(noun)) not in p.particles:
                continue  # a noun pattern's 'particle' names the light verbs it needs
            score = 3 * bool(p.objects) + 2 * bool(p.particles) + (1 if set(p.preps) & preps else 0)
            words = p.object_words(mods)
            if best is None or more_specific((score, words, p), (best[0], best_words, best[1])):
                best, best_words = (score, p), words
        if best is None:
            return None
        p = best[1]
        if governor is None:
            return Match(p, noun, None, p.code, p.code, f"pattern:{p.id}", confidence=CONFIDENCE.noun)
        return Match(p, governor, noun, p.code, p.code, f"pattern:{p.id}+light:{gov_lemma}",
                     noun=noun, confidence=CONFIDENCE.light_verb_noun)


def more_specific(
    new: tuple[float, int, Pattern], old: tuple[float, int, Pattern]
) -> bool:
    """Whether a candidate (score, words of its longest matched object, pattern) beats the
    best so far, whichever table either comes from: the higher score; on a tie, the one whose
    matched object is longer ("overflight rights" over "rights", any object over none); then, within one root, the deeper code, as CAMEO codes the most specific category
    that applies. Otherwise the earlier wins (the core table, then the per-root files)."""
    if new[1] and old[1] and new[1] != old[1] and abs(new[0] - old[0]) <= 1:
        # both matched an object and differ by no more than a preposition's point: the longer
        # object names more ("detonated a nuclear device at the site" is nuclear, not a bomb)
        return new[1] > old[1]
    if new[0] != old[0]:
        return new[0] > old[0]
    if new[1] != old[1]:  # a matched object (0: none) narrows more the longer it is
        return new[1] > old[1]
    return new[2].code[:2] == old[2].code[:2] and leaf_rank(new[2].code) > leaf_rank(old[2].code)
