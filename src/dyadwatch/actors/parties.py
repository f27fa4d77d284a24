"""Parties as actors: a party named as the actor is PLOVER's PTY, the manual's note on PTY
keeping GOV and OPP as further codes that tell a governing party from an opposing one; so the
side is given only where the words around the name give it ("the ruling ZANU-PF", "the main
opposition party, the MDC"), even against our dated spans. Those who act for a party (its
supporters, its head) take the side our dates give it, unless those words say otherwise."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.scope import ActorScope, Resolution
from dyadwatch.knowledge.words import FORMER_WORDS, PARTY_SIDE_WORDS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def is_party(scope: ActorScope, res: Resolution) -> bool:
    """Whether ``res`` is a party: PTY in our lists, or dated in and out of government."""
    if res.sector == "PTY":
        return True
    org = scope.knowledge.organisations.get(res.name)
    return org is not None and bool(org.governing)


def party_side(scope: ActorScope, ent: Span, span: Span) -> tuple[str, str] | None:
    """The side a party's name ``ent`` is given in its mention ``span`` by the words before it
    ("the ruling ZANU-PF", "South Africa's opposition Democratic Alliance") or by a noun it
    restates or that restates it ("the main opposition party, the MDC"; "ZANU-PF, the ruling
    party"): GOV or OPP with why; None with no such word, or a past one ("the former ruling
    party")."""
    root = ent.root
    words = [t for t in span if t.i < ent.start]
    if root.dep_ == "appos":
        words += [t for t in root.head.subtree if t.i < root.head.i]
    words += [t for c in children_of(root) if c.dep_ == "appos" for t in c.subtree if t.i <= c.i]
    for t in sorted(words, key=lambda t: -t.i):
        if t.lower_ not in PARTY_SIDE_WORDS:
            continue
        before = scope.doc[t.i - 1] if t.i > 0 else None
        if before is not None and (before.lower_ in FORMER_WORDS or before.lower_.startswith("ex")):
            return None
        return ("OPP" if t.lower_ == "opposition" else "GOV"), f"'{t.text}' gives the party's side"
    return None


def sided(scope: ActorScope, res: Resolution, ent: Span, span: Span) -> Resolution:
    """A party the words around its name give a side: that side's sector, whatever our dates
    say; any other resolution as it is."""
    side = party_side(scope, ent, span) if is_party(scope, res) else None
    return replace(res, sector=side[0], reason=f"{res.reason}; {side[1]}") if side else res


def named_party(scope: ActorScope, res: Resolution, ent: Span, span: Span) -> Resolution:
    """A party named as the actor itself ("the Awami League accused ..."): PTY, or the side the
    words around its name give it ("the ruling ZANU-PF" GOV)."""
    if not is_party(scope, res):
        return res
    side = party_side(scope, ent, span)
    if side is not None:
        return replace(res, sector=side[0], reason=f"{res.reason}; {side[1]}")
    return res if res.sector == "PTY" else replace(res, sector="PTY", reason=f"{res.reason}; named, a party: PTY")


def restated_party(scope: ActorScope, span: Span, head: Token) -> Resolution | None:
    """'party' after a party's name restates it: "Imran Khan's Pakistan Tehreek-e-Insaf party"
    is the party (not the person before it), "Hungary's ruling Fidesz party" the ruling one."""
    if head.lemma_.lower() != "party":
        return None
    for child in children_of(head):
        ent = scope.ents.get(child.i)
        if child.dep_ in ("compound", "amod", "nmod") and ent is not None:
            org = scope.names.entity(ent, ent)
            if org is not None and org.kind != "state" and is_party(scope, org):
                return named_party(scope, replace(org, reason=f"{org.reason}; its {head.text}"), ent, span)
    return None
