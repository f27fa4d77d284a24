"""Targets deeper than the clause: whom an act is aimed at where the party sits two or three
dependency steps below the trigger, read only along a path a word list licenses.

- whom a demand for a handover is made of: the 'from' party of "sought the extradition of a
  banker FROM the United States" (the 'of' object is what is asked for);
- the doer of a wrong a demand is about: "called for accountability for the crimes OF X";
- the doer a reaction's object names in its relative clause: "condemned the strike THAT THE
  CIA carried out", "the massacre, which was carried out BY X";
- whom a measure or an attack is aimed at by its participle: "sanctions TARGETING X",
  "bans AIMED AT X", "strikes targeting positions held BY X";
- the doer of the deed an answering act follows: "lodged a protest AFTER NORTH KOREA carried
  out a test";
- the counterpart of the talks an agreement follows: "signed a pact after talks WITH CHAD".

Kept apart from :mod:`~dyadwatch.events.targets` and :mod:`~dyadwatch.events.build`, both at
their size limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.parties import same
from dyadwatch.knowledge.words import (
    AIMING_PARTICIPLES,
    AIMING_ROOTS,
    DOER_CLAUSE_ROOTS,
    GATHERING_NOUNS,
    HANDOVER_ASKS,
    RESPONSE_MARKS,
    RESPONSE_ROOTS,
    SPEECH_VERBS,
    TALKS_PREPS,
    TALKS_ROOTS,
    WRONG_DEED_NOUNS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor

# Roots of appeals (02) and demands (10): what they ask for and of whom.
_ASKING_ROOTS = ("02", "10")
# Clauses of their own below a trigger: talks named in them set another act's time.
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl"})
# Words that stand for a party named before, never a new one ("which", "it", "they").
_STAND_INS = ("PRP", "WDT", "WP", "EX")


def asked_from(match: Match, code: str, actor: Callable[[Token], Actor | None],
               sources: list[Actor]) -> list[Actor]:
    """Whom a demand for a handover is made of: the party of the 'from' phrase on the handover
    noun, or on its 'of' object where the parser hangs it there ("the extradition of a banker
    FROM the United States"), not what is to be handed over. [] for any other act."""
    obj = _object(match)
    if code[:2] not in _ASKING_ROOTS or obj is None or obj.lemma_.lower() not in HANDOVER_ASKS:
        return []
    owners = [obj] + [p for c in _preps(obj, ("of",)) for p in _pobjs(c)]
    return _first(actor, sources, (p for h in owners for c in _preps(h, ("from",)) for p in _pobjs(c)))


def deeper_targets(match: Match, code: str, actor: Callable[[Token], Actor | None],
                   sources: list[Actor]) -> list[Actor]:
    """The target of an act the pattern and the clause name none for, read along the paths of
    this module's docstring; [] when none fits."""
    trigger, obj = match.trigger, _object(match)
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    found: list[Actor] = []
    if code[:2] in _ASKING_ROOTS:
        found = _first(actor, sources, _wrongdoers([h for h in (verb, obj) if h is not None]))
    if not found and obj is not None and code[:2] in DOER_CLAUSE_ROOTS:
        found = _first(actor, sources, _clause_doers(obj))
    if not found and obj is not None and code[:2] in AIMING_ROOTS:
        found = _first(actor, sources, _aimed_by_participle(obj, actor))
    if not found and code[:2] in RESPONSE_ROOTS:
        found = _first(actor, sources, _answered_doers(verb))
    if not found and code[:2] in TALKS_ROOTS:
        found = _first(actor, sources, _talks_partners(verb))
    return found


def _object(match: Match) -> Token | None:
    """The act's object: the pattern's, or the direct object of its verb."""
    if match.obj is not None:
        return match.obj
    return next((c for c in children_of(match.trigger) if c.dep_ == "dobj"), None)


def _first(actor: Callable[[Token], Actor | None], sources: list[Actor], tokens: Iterator[Token]) -> list[Actor]:
    """The first of ``tokens`` that is an actor other than the act's own doers."""
    for tok in tokens:
        if tok.tag_ in _STAND_INS:
            continue
        found = actor(tok)
        if found is not None and not any(same(found, s) for s in sources):
            return [found]
    return []


def _preps(head: Token, words: tuple[str, ...]) -> list[Token]:
    return [c for c in children_of(head) if c.dep_ in ("prep", "agent") and c.lower_ in words]


def _pobjs(prep: Token) -> list[Token]:
    return [p for p in children_of(prep) if p.dep_ == "pobj"]


def _wrongdoers(heads: list[Token]) -> Iterator[Token]:
    """'for the CRIMES of X': the doer of a wrong a 'for' phrase names."""
    for head in heads:
        for deed in (p for c in _preps(head, ("for",)) for p in _pobjs(c)):
            if deed.lemma_.lower() in WRONG_DEED_NOUNS or deed.lower_ in WRONG_DEED_NOUNS:
                yield from (p for c in _preps(deed, ("of", "by")) for p in _pobjs(c))


def _clause_doers(obj: Token) -> Iterator[Token]:
    """The subject of the object's relative clause ("the strike that THE CIA carried out") or
    the 'by' party of its passive or participle ("which was carried out BY X")."""
    for c in children_of(obj):
        if c.dep_ not in ("relcl", "acl"):
            continue
        if c.dep_ == "relcl" or _relative(c):
            yield from (s for s in children_of(c) if s.dep_ == "nsubj")
        yield from (p for a in _preps(c, ("by",)) for p in _pobjs(a))


def _relative(clause: Token) -> bool:
    """Whether a clause the parser labels a noun's modifier is a relative one: a relative word
    fills its object ("the raid THAT commandos carried out"), unlike the content of "the claim
    that X attacked", whose 'that' only marks it."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.tag_ in ("WDT", "WP") or c.lower_ == "that")
               for c in children_of(clause))


def _aimed_by_participle(obj: Token, actor: Callable[[Token], Actor | None]) -> Iterator[Token]:
    """'sanctions TARGETING X', 'bans AIMED AT X': the object of the aiming participle, or,
    when that is a thing, the 'by' party of the participle describing it ("positions HELD BY X")."""
    for c in children_of(obj):
        if c.dep_ != "acl" or c.lemma_.lower() not in AIMING_PARTICIPLES:
            continue
        aimed = [d for d in children_of(c) if d.dep_ == "dobj"] + [
            p for d in _preps(c, ("at", "against", "on")) for p in _pobjs(d)]
        for a in aimed:
            if actor(a) is not None:
                yield a
            else:
                yield from (p for d in children_of(a) if d.dep_ == "acl" and d.tag_ == "VBN"
                            for b in _preps(d, ("by",)) for p in _pobjs(b))


def _answered_doers(verb: Token) -> Iterator[Token]:
    """The subject of an 'after', 'when' or 'because' clause under the verb: whose deed the
    act answers ("lodged a protest AFTER NORTH KOREA carried out a test")."""
    for c in children_of(verb):
        if c.dep_ == "advcl" and c.lemma_.lower() not in SPEECH_VERBS and any(
                m.dep_ == "mark" and m.lower_ in RESPONSE_MARKS for m in children_of(c)):
            # who reported or said it is no doer: "condemned the crackdown after Amnesty reported
            # hundreds of arrests"
            yield from (s for s in children_of(c) if s.dep_ == "nsubj")


def _talks_partners(verb: Token) -> Iterator[Token]:
    """The 'with' party of the talks an act follows, in the act's own clause ("signed a pact
    after talks WITH CHAD", "following talks WITH TURKEY")."""
    for tok in verb.subtree:
        if tok.lower_ not in TALKS_PREPS or _elsewhere(tok, verb):
            continue
        for talks in (p for p in children_of(tok) if p.dep_ == "pobj" and p.lemma_.lower() in GATHERING_NOUNS):
            yield from (p for c in _preps(talks, ("with",)) for p in _pobjs(c))


def _elsewhere(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` sits in a clause of its own below ``verb`` (another act's time); the
    parser's hanging of 'following' on a noun as a participle is not one."""
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ in _OWN_CLAUSES and tok.lower_ not in TALKS_PREPS:
            return True
        tok = tok.head
    return False
