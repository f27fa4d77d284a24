"""Match: one trigger matched to a lexicon pattern, and the tokens it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.events.confidence import CONFIDENCE
from dyadwatch.events.culprits import culprit_deeds, is_accusation
from dyadwatch.events.modality import DENIAL_GOVERNORS
from dyadwatch.events.protested import protest_topics
from dyadwatch.knowledge.words import (
    ABOUT_PREPS,
    PROTEST_TOPIC_PREPS,
    PROTESTED_POLICIES,
    TALK_HOSTING_VERBS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Iterator

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
        if self.noun is not None and not (self.pattern.kind == "verb" and hosted_talks(self.noun)):
            out.add(self.noun.i)  # hosted talks are also the parties' own meeting
        if self.inner is not None:
            out |= self.inner.consumed
        for prep in children_of(self.trigger):
            if prep.dep_ == "prep" and prep.lower_ in ABOUT_PREPS:
                for c in children_of(prep):
                    if c.dep_ == "pcomp":  # and what it embeds: "accused X of helping Russia DEPORT"
                        out |= _clause_verbs(c) | conjuncts(c)
        for c in children_of(self.trigger):  # "declined to comment": the infinitive is the object
            if c.dep_ == "xcomp" and c.lemma_.lower() in self.pattern.objects:
                out.add(c.i)
        if self.inner is not None and self.inner.trigger.pos_ == "VERB":
            out |= conjuncts(self.inner.trigger)  # "urged X to unite and mobilize"
        asked = for_clause(self.trigger)
        if asked is not None and self.pattern.objects and self.pattern.kind != "frame":
            out.add(asked[1].i)  # "appealed for troops to restore order": the aim of the appeal
        if self.code[:2] in FRAMING_ROOTS:
            out |= framed_content(self)
        out |= denied_clause(self)
        if self.pattern.kind == "copula" and is_accusation(self.code):
            out |= culprit_deeds(self.trigger)  # "said Y was behind the ATTACK": Y's deed is only alleged
        if self.code[:2] == PROTEST_ROOT:
            out |= _protest_topics(self)
        return out


PROTEST_ROOT = "14"


def _protest_topics(match: Match) -> set[int]:
    """The policies a protest is against ("struck against the pension REFORM"), which PLOVER
    codes as the protest's topic, not as events of their own; and the participle that says
    whose a thing protested is ("against a finance bill PROPOSED by the government", "a bill
    PUSHED by the ruling party"), which tells the topic's author, no act of its own."""
    heads = [match.trigger, *([match.noun] if match.noun is not None else [])]
    topics = [p for h in heads for c in children_of(h) if c.dep_ == "prep" and c.lower_ in PROTEST_TOPIC_PREPS
              for p in children_of(c) if p.dep_ == "pobj"]
    topics += protest_topics(match)
    return {p.i for p in topics if p.lemma_.lower() in PROTESTED_POLICIES} | {
        c.i for p in topics for c in children_of(p) if c.dep_ == "acl" and c.tag_ == "VBN"
        and any(a.dep_ == "agent" for a in children_of(c))}


# The roots whose acts frame another act: an appeal (02), a promise (03), a demand (10), a
# refusal (12) and a threat (13) are about an act that has not happened, which is no event.
FRAMING_ROOTS = frozenset({"02", "03", "10", "12", "13"})


def _clause_verbs(verb: Token) -> set[int]:
    """A framed verb and the verbs of its own complement and conjuncts ("stop ARRESTING",
    "withdraw and DISARM"), never its adverbial clauses, which may report what did happen."""
    out = {verb.i}
    for c in children_of(verb):
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            out |= _clause_verbs(c)
        elif c.dep_ == "conj" and c.tag_ in ("VB", "VBG") and not any(
                k.dep_ in ("nsubj", "nsubjpass") for k in children_of(c)):
            out |= _clause_verbs(c)  # a finite conjunct or one with its own subject is told as done
    return out


def framed_content(match: Match) -> set[int]:
    """The tokens of the act an appeal, promise, demand, refusal or threat is about, coded or
    not: a frame verb's to-infinitive ("urged X to stop arresting ..."), an appeal's, demand's or
    threat's that-clause, the infinitive of 'for X to do Y', and a to-infinitive after the
    object noun of such an act ("rejected calls TO ATTACK", "renewed its appeal to X TO FREE")."""
    trigger = match.trigger
    heads: list[Token] = []
    if match.pattern.kind == "frame":
        clause_ok = match.pattern.family in ("appeal", "demand") or match.pattern.code[:2] == "13"
        heads += [c for c in children_of(trigger) if c.pos_ in ("VERB", "AUX") and (
            c.dep_ == "xcomp" or (c.dep_ == "ccomp" and clause_ok))]
    nouns = [n for n in (match.obj, match.noun, trigger) if n is not None and n.pos_ == "NOUN"]
    for noun in nouns:
        heads += [c for c in children_of(noun) if c.dep_ in ("acl", "advcl") and c.pos_ == "VERB"
                  and ("aux", "to") in {(k.dep_, k.lower_) for k in children_of(c)}]
    late = for_infinitive(trigger) if trigger.pos_ == "VERB" else None
    if late is not None and (match.pattern.kind == "frame" or match.obj is not None):
        heads.append(late)
    out: set[int] = set()
    for head in heads:
        out |= _clause_verbs(head)
    if match.code[:2] == "13" and match.pattern.kind == "verb":
        # "was threatened WITH SANCTIONS by Turkey": the keyword the threat was matched by,
        # in its 'with' or 'of' phrase, is what is threatened, not a sanction imposed (the
        # 'by' phrase the parser hangs on it names the threat's maker)
        out |= {p.i for c in children_of(trigger) if c.dep_ == "prep" and c.lower_ in ("with", "of")
                for p in children_of(c) if p.dep_ == "pobj" and _forms(p) & match.pattern.objects}
    return out


def _forms(noun: Token) -> set[str]:
    """A noun as a pattern's object column may name it: alone or with a modifier ("embargo",
    "trade embargo")."""
    alone = {noun.lemma_.lower(), noun.lower_}
    return alone | {f"{m.lower_} {a}" for m in children_of(noun) if m.dep_ in ("compound", "amod") for a in alone}


def denied_clause(match: Match) -> set[int]:
    """The clause a denial (016) is about, a that-clause or a gerund ("denied that its troops
    had attacked", "denied ARMING the rebels"): the speaker says it did not happen, so it is no
    event of its own; the denial is the one act the sentence reports."""
    trigger = match.trigger
    if "(clause)" not in match.pattern.objects or trigger.lemma_.lower() not in DENIAL_GOVERNORS:
        return set()
    return {i for c in children_of(trigger) if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.tag_ == "VBG")) for i in _clause_verbs(c)}


def _to_infinitives(verb: Token) -> Iterator[tuple[Token, list[Token]]]:
    """The to-infinitive clauses after ``verb`` that hang on it, each with its dependents."""
    for c in children_of(verb):
        if c.dep_ not in ("advcl", "ccomp", "xcomp") or c.pos_ != "VERB" or c.i < verb.i:
            continue
        kids = list(children_of(c))
        if any(k.dep_ == "aux" and k.lower_ == "to" for k in kids):
            yield c, kids


def for_clause(verb: Token) -> tuple[Token, Token] | None:
    """(subject, infinitive) of a 'for X to do Y' clause under ``verb``: the parser reads
    "appealed for troops to restore order" as a clause whose subject is the troops, where the
    troops are what is appealed for, as in "appealed for troops". A third parse hangs the
    infinitive on the verb beside a 'for' phrase ("asked for soldiers | to secure the city")."""
    asked = next((p for c in children_of(verb) if c.dep_ == "prep" and c.lower_ == "for"
                  for p in children_of(c) if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
    for c, kids in _to_infinitives(verb):
        mark = next((k for k in kids if k.dep_ == "mark" and k.lower_ == "for"), None)
        if mark is None:
            if asked is not None and asked.i < c.i and c.dep_ == "advcl" and not any(
                    k.dep_ in ("nsubj", "nsubjpass") for k in kids):
                return asked, c
            continue
        # the subject, or (a parse seen too) the object of the 'for' itself
        subjects = [k for k in kids if k.dep_ in ("nsubj", "nsubjpass")] + [
            k for k in children_of(mark) if k.dep_ == "pobj"]
        if subjects and subjects[0].pos_ == "NOUN":
            return subjects[0], c
    return None


def for_infinitive(verb: Token) -> Token | None:
    """The infinitive of a 'for X to do Y' clause under ``verb``, whoever X is: "called for
    Israel to withdraw" asks Israel to withdraw, as "called on Israel to withdraw" does. A
    second parse makes X the object of 'for' and hangs a subjectless infinitive on the verb
    ("pressed for | the EU | to ease ..."); that X must be a name, as a common noun there is
    more often the thing asked for ("called for calm to allow talks": calm)."""
    named = next((p for c in children_of(verb) if c.dep_ == "prep" and c.lower_ == "for"
                  for p in children_of(c) if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
    for c, kids in _to_infinitives(verb):
        if any(k.dep_ == "mark" and k.lower_ == "for" for k in kids):
            return c
        if named is not None and named.i < c.i and not any(
                k.dep_ in ("nsubj", "nsubjpass", "mark") or (k.dep_ == "advmod" and k.lower_ == "so")
                for k in kids):
            return c
    return None


def conjuncts(token: Token) -> set[int]:
    """The tokens coordinated with ``token`` of its own part of speech, all the way down."""
    out: set[int] = set()
    for c in children_of(token):
        if c.dep_ == "conj" and c.pos_ == token.pos_:
            out |= {c.i} | conjuncts(c)
    return out


def hosted_talks(noun: Token) -> bool:
    """Is ``noun`` the object of a verb of hosting talks ("hosted TALKS between X and Y", "talks
    ... were hosted by Z")?"""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in TALK_HOSTING_VERBS
