"""Match: one trigger matched to a lexicon pattern, and the tokens it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.knowledge.words import ABOUT_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.knowledge.lexicon import Pattern


@dataclass(frozen=True)
class Match:
    """One trigger matched: the pattern, the token whose clause gives the source, the code."""

    pattern: Pattern
    trigger: Token
    obj: Token | None
    code: str
    base: str | None  # the complement's code before a frame shift; None: nothing coded under it
    rule: str
    noun: Token | None = None  # the event noun under a light verb
    inner: Match | None = None  # a frame's complement
    confidence: float = CONFIDENCE.specific_verb

    @property
    def consumed(self) -> set[int]:
        """Tokens that yield no event of their own: the trigger, its event noun, a frame's
        complement, and what an accusation or a praise is about ("accused X of violating")."""
        out = {self.trigger.i}
        if self.noun is not None:
            out.add(self.noun.i)
        if self.inner is not None:
            out |= self.inner.consumed
        for prep in self.trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in ABOUT_PREPS:
                for c in prep.children:
                    if c.dep_ == "pcomp":
                        out |= {c.i} | conjuncts(c)
        for c in self.trigger.children:  # "declined to comment": the infinitive is the object
            if c.dep_ == "xcomp" and c.lemma_.lower() in self.pattern.objects:
                out.add(c.i)
        if self.inner is not None and self.inner.trigger.pos_ == "VERB":
            out |= conjuncts(self.inner.trigger)  # "urged X to unite and mobilize"
        return out



def conjuncts(token: Token) -> set[int]:
    """The tokens coordinated with ``token`` of its own part of speech, all the way down."""
    out: set[int] = set()
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ == token.pos_:
            out |= {c.i} | conjuncts(c)
    return out
