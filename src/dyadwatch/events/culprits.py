"""Naming the culprit in reported speech: "X said Y was BEHIND the attack", "... that Y were
RESPONSIBLE for the violence", "... Y was TO BLAME", "... Y bore RESPONSIBILITY for the strike".

PLOVER's ACCUSE covers informal accusations ("formally or informally accuse"). Such a predicate,
put in a speaker's mouth, lays an act at its subject's door: the speaker accuses the subject. It
is matched as a copula pattern (the lexicon's ``copula`` rows: the speaker is the source, the
subject of 'be' or 'bear' the target), never on the reporter's own word: "Y was behind the
attack" told by no one is no one's accusation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Roots of the deeds a culprit is named for: material conflict, protest to mass violence
# ("responsible for the violence", "for the arrests"), not duties ("for border security").
CULPRIT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# Modals of a guess: "police said a bomber may have been behind the blast" charges no one.
GUESSES = frozenset({"may", "might", "could"})
# Verbs by which a subject carries the weight of an act ("Turkey BORE responsibility for").
BEARING = frozenset({"bear", "carry", "shoulder"})


def culprit_spot(token: Token, is_act: Callable[[Token], bool]) -> Token | None:
    """The word of a culprit predicate whose copula pattern ``token`` looks up, or None: the
    adjective after 'be' ("were responsible for"), the infinitive of 'be to blame', the object
    of 'bear' ("bore responsibility"), or 'behind' after 'be' for the event noun it governs
    ("was behind the attack"; the screen passes the noun, as 'behind' itself is no trigger).
    An adjective or 'responsibility' must name its deed after 'for' or 'of', a hostile event
    noun or gerund (``is_act``): "the ministry is responsible for security" lays nothing at its
    door."""
    head = token.head
    # the shape first: most tokens are none, and only a found predicate's verb is read for a guess
    if token.pos_ == "VERB" and token.dep_ == "xcomp" and head.lemma_ == "be" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children_of(token)
    ):
        return None if _guessed(head) else token
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and head.lower_ == "behind" and head.head.lemma_ == "be":
        return None if _guessed(head.head) else head
    if (token.pos_ == "ADJ" and token.dep_ == "acomp" and head.lemma_ == "be") or (
        token.pos_ == "NOUN" and token.dep_ == "dobj" and head.lemma_.lower() in BEARING
    ):
        if _guessed(head):
            return None
        acts = [a for p in children_of(token) if p.dep_ == "prep" and p.lower_ in ("for", "of")
                for a in children_of(p) if a.dep_ in ("pcomp", "pobj") and is_act(a)]
        return token if acts else None
    return None


def _guessed(verb: Token) -> bool:
    """"A suicide bomber MAY have been behind the blast": a guess at the doer charges no one."""
    return any(c.dep_ == "aux" and c.lower_ in GUESSES for c in children_of(verb))


def is_accusation(code: str) -> bool:
    """Whether a copula pattern's code names the subject a culprit (CAMEO 112, accuse): only
    such rows take a predicate adjective or infinitive ("Y is a threat" keeps to the noun)."""
    return code[:3] == "112"


def culprit_deeds(spot: Token) -> set[int]:
    """The deed a culprit predicate lays at its subject's door ("behind the ATTACK", "responsible
    for the VIOLENCE", "for KILLING"): told only as the speaker's charge, it is no event of its own."""
    preps = [spot] if spot.lower_ == "behind" else [
        p for p in children_of(spot) if p.dep_ == "prep" and p.lower_ in ("for", "of")]
    return {a.i for p in preps for a in children_of(p) if a.dep_ in ("pobj", "pcomp")}


def charged_doers(verb: Token) -> list[Token]:
    """Whom an allegation made as a that-clause accuses: the active subject of the clause
    ("charged that Ethiopian SOLDIERS had executed civilians"), as PLOVER's ACCUSE 'allege'
    names the accused its recipient. A pronoun or a passive clause names no one here."""
    return [s for c in children_of(verb) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
            for s in children_of(c) if s.dep_ == "nsubj" and s.pos_ != "PRON"]
