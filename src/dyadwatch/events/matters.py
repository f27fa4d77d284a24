"""Matters and messages: the other party an act names outside the places its pattern looks.

An act of disapproval, demand, rejection, threat or reduced relations often names whom it is
aimed at only in the phrase that gives its cause: "broke off relations OVER GUYANA'S oil
exploration", "recalled its ambassador over SPAIN'S decision", "demanded an apology over remarks
BY THE FRENCH PRESIDENT". CAMEO's target of such an act is the party whose deed it answers. A
verbal act may name whom it is addressed to only in the phrase of the letter or the call that
carries it: "IN A LETTER TO the Secretary-General, Iran demanded action", "in a phone call WITH
his Turkish counterpart, Greece proposed talks"; the addressee is its target. An act about
something between two parties is aimed at them: "welcomed the truce BETWEEN ISRAEL AND HAMAS".

Both are asked only when the pattern's own places name no one (``unnamed.unnamed_targets``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.resolve import coordinated
from dyadwatch.events.subjects import agents
from dyadwatch.knowledge.words import (
    MATTER_PREPS,
    MATTER_ROOTS,
    MESSAGE_ROOTS,
    PRESS_SECTORS,
    SENT_MESSAGE_NOUNS,
    TELLING_VERBS,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor

# How far up a chain of complements a message phrase may sit: "In a letter to X, Iran SAID it
# WOULD WITHDRAW": the letter carries the clause two verbs down.
_COMPLEMENT_DEPTH = 4


def named_elsewhere(match: Match, actor: Callable[[Token], Actor | None],
                    named: Callable[[Token], bool], doers: list[Actor]) -> list[Actor]:
    """The target of ``match`` named in the phrase of its cause (``matter_party``) or of the
    message that carries it (``addressee``), or none. ``actor`` resolves a token to its actor
    (looking inside a mention that is none), ``named`` tells whether a token is an actor itself;
    ``doers`` are the act's sources, never their own target."""
    code = match.code
    sides = between_parties([h for h in (match.obj, match.noun) if h is not None], actor, doers)
    if sides:
        return sides
    if match.obj is not None and match.obj.dep_ == "nsubjpass":
        # "SWEDEN'S decision was welcomed by Finland": whose the thing acted on is, as in the
        # active "Finland welcomed Sweden's decision"; a person or body acted on is itself the
        # target ("Haiti's president was assassinated": the president, not Haiti), each of a
        # coordination ("Armenia and Azerbaijan were urged to ...": both)
        if named(match.obj):
            acted = [a for t in coordinated(match.obj) if (a := actor(t)) is not None]
            return [a for i, a in enumerate(acted) if not any(_same(a, x) for x in doers + acted[:i])]
        owner = next((a for t in _doers_of(match.obj, venues=False) if (a := actor(t)) is not None
                      and not any(_same(a, d) for d in doers)), None)
        if owner is not None:
            return [owner]
    found: Actor | None = None
    if code[:2] in MATTER_ROOTS:
        heads = [match.trigger, match.obj, match.noun]
        if match.inner is not None:
            heads += [match.inner.trigger, match.inner.obj, match.inner.noun]
        found = matter_party([h for h in heads if h is not None], actor, doers)
    if found is None and code[:2] in MESSAGE_ROOTS:
        found = addressee(match.trigger, actor, doers)
    return [found] if found is not None else []


def between_parties(objects: list[Token], actor: Callable[[Token], Actor | None],
                    doers: list[Actor]) -> list[Actor]:
    """The two sides an act's object names after 'between': "welcomed the truce BETWEEN ISRAEL
    AND HAMAS", "condemned the clashes between Armenian and Azerbaijani troops": the act is
    aimed at the parties to what it is about (the doer is not its own target: "Israel welcomed
    the truce between Israel and Hamas" is aimed at Hamas). A coordination the parser hangs
    inside a possessor ("between Ethiopia and Tigray's leaders") names the sides too."""
    out: list[Actor] = []
    for obj in objects:
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "between"):
            for p in (q for q in prep.children if q.dep_ == "pobj"):
                heads = [p] if actor(p) is not None else [c for c in p.children if c.dep_ == "poss"]
                for t in (t for h in heads for t in coordinated(h)):
                    found = actor(t)
                    # a name the actor lists do not know ("the two Koreas") is no side to code
                    if found is not None and (found.country is not None or found.kind == "igo") \
                            and not any(_same(found, x) for x in doers + out):
                        out.append(found)
    return out


def matter_party(heads: list[Token], actor: Callable[[Token], Actor | None],
                 doers: list[Actor]) -> Actor | None:
    """The party whose deed an act answers, named in an 'over' (about, regarding) phrase of the
    verb, its object or its noun: the deed's owner ("over GUYANA'S exploration"), its 'by' agent
    ("over remarks BY the French president", "over comments made BY X"), or the nationality
    before it ("over ISRAELI air strikes"). Not the deed's object ("over the arrest OF Iranian
    nationals": they are who it was done to), nor a pronoun ("over ITS handling"), nor a place
    named as the matter itself ("talks over Taiwan": the issue, not a party)."""
    seen: set[int] = set()
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in MATTER_PREPS or prep.i in seen:
                continue
            seen.add(prep.i)
            for deed in (p for p in prep.children if p.dep_ == "pobj"):
                for tok in _doers_of(deed):
                    found = actor(tok)
                    if found is not None and not any(_same(found, d) for d in doers):
                        return found
    return None


def _doers_of(deed: Token, venues: bool = True) -> list[Token]:
    """Who did the deed a noun names: its possessor (not a pronoun), its 'by' agent, the agent
    of a participle describing it, or a nationality or name before it; without ``venues``, not
    a place name before it, which may name where a thing was made ("the Minsk agreement")."""
    out = [c for c in deed.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    out += [p for c in deed.children if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"]
    out += [p for c in deed.children if c.dep_ == "acl" and c.tag_ == "VBN" for p in agents(c)]
    out += [c for c in deed.children if c.dep_ in ("amod", "compound") and c.i < deed.i
            and c.ent_type_ in (("NORP", "GPE", "ORG") if venues else ("NORP", "ORG"))]
    return out


def addressee(trigger: Token, actor: Callable[[Token], Actor | None],
              doers: list[Actor]) -> Actor | None:
    """Whom a verbal act is addressed to through the message that carries it: "IN A LETTER TO
    X, Y demanded", "Y said IN A MESSAGE TO X that it would ...", "in a phone call WITH X, Y
    proposed". The phrase may hang on the trigger or on a verb whose complement it heads; so
    may the object of a verb of telling ("TOLD ERDOGAN that Russia was ready to ..."). The
    press is no addressee ("in a call with reporters", "told reporters"): it carries the words
    to everyone."""
    node = trigger
    for _ in range(_COMPLEMENT_DEPTH):
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for message in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in SENT_MESSAGE_NOUNS):
                for to in (c for c in message.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
                    for p in (q for q in to.children if q.dep_ == "pobj"):
                        found = actor(p)
                        if found is not None and found.sector not in PRESS_SECTORS \
                                and not any(_same(found, d) for d in doers):
                            return found
        if node.dep_ not in ("ccomp", "xcomp", "acomp") or node.head.i == node.i:
            break
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in TELLING_VERBS:
            # "Putin TOLD ERDOGAN that Russia was ready to ...": whom the words are told
            for told in (c for c in node.head.children if c.dep_ in ("dobj", "dative") and c.i < node.i):
                found = actor(told)
                if found is not None and found.sector not in PRESS_SECTORS \
                        and not any(_same(found, d) for d in doers):
                    return found
        node = node.head
    return None


def _same(a: Actor, b: Actor) -> bool:
    return a.cameo_code == b.cameo_code
