"""Roles whose sector comes from what they are of rather than from the word itself: a party named
by its founding ("a newly formed party") and those who lead it are PLOVER's PTY, and a firm's
title that a territory gives its head of government ("Hong Kong's chief executive") is GOV."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.cues import Cue, is_former
from dyadwatch.knowledge.base import Role
from dyadwatch.knowledge.words import FOUNDING_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyadwatch.actors.scope import ActorScope


def founded_party(head: Token) -> tuple[Role, str] | None:
    """"A newly formed party", "a splinter party", "Imran Khan's party": a party named by its
    founding or its leader, not as ruling, is PLOVER's PTY ("party" alone may be a side to a
    dispute, so is no role term)."""
    if head.lemma_.lower() != "party" or head.pos_ != "NOUN":
        return None
    founding = next((t for t in head.lefts for t in t.subtree if t.lower_ in FOUNDING_WORDS), None)
    if founding is not None:
        return Role("party", "PTY", "body", ""), f"party named by its founding ('{founding.text}') -> PTY"
    # "Imran Khan's party": a person's party is a political party named by its leader, the
    # party acting, not the person (PTY, as a party named by its name is)
    leader = next((c for c in head.lefts if c.dep_ == "poss" and c.ent_type_ == "PERSON"), None)
    if leader is None:
        return None
    return Role("party", "PTY", "body", ""), f"party named by its leader ('{leader.text}') -> PTY"


def of_founded_party(head: Token) -> tuple[Role, str] | None:
    """The party a weak role's holders lead or speak for, when named by its founding ("leaders
    of a newly formed party"): its PTY, not the government a bare 'leaders' would suggest."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := founded_party(obj)) is not None:
                    return found[0], f"{head.lower_} of a {found[1]}"
    return None


def territory_office(scope: ActorScope, span: Span, head: Token, role: Role, cue: Cue | None,
                     sector: str, reasons: list[str]) -> str:
    """GOV (ELI once former) for a firm's title that a territory our office list knows gives its
    head of government ("Hong Kong's chief executive"), when the mention places the title in the
    territory itself rather than in a firm or the story's setting, the reason added to
    ``reasons``; else ``sector`` unchanged."""
    if cue is None or role.kind != "title" or sector != "BUS" or cue.kind in ("organisation", "focus"):
        return sector
    if not scope.knowledge.has_office(cue.code, role.term):
        return sector
    office = "ELI" if is_former([t for t in span if t.i < head.i]) else "GOV"
    reasons.append(f"an office of {cue.code}'s government -> {office}")
    return office
