"""The people a named group or person has: its rank and file ("PTI supporters", "fighters
from al-Shabaab", "supporters of the ruling party") act as the group, in its sector on the day;
a leader's followers and fighters take the sector the leader's side gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.actors.cues import hit_of, out_of_office
from dyadwatch.actors.parties import sided
from dyadwatch.actors.scope import ActorScope, Resolution
from dyadwatch.knowledge.words import (
    BREAKAWAY_WORDS,
    MEMBER_GROUP_SECTORS,
    MEMBER_NOUNS,
    WEAK_ROLE_TERMS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyadwatch.knowledge.base import Role

# Armed or criminal bodies that, named before "gunmen" or "attackers", say who they are.
IDENTIFIED_ARMED = frozenset({"CRM", "MIL", "COP", "PRM", "SPY"})
# Armed sectors: between two of them a named group's sector outranks the role's ("Boko Haram
# fighters" are the group's REB, not fighters' UAF), as the group says which armed side they are.
# (events/parties.py has its own ARMED_SECTORS, of the doers of violence, police among them.)
_ARMED = frozenset({"MIL", "REB", "UAF", "PRM"})


def drawn_from(scope: ActorScope, head: Token, *, speaks_for: bool) -> Resolution | None:
    """The named group a role is drawn from, after it ("fighters from al-Shabaab", "fighters
    loyal to the TPLF"); for a weak head, also the body it speaks for ("a spokesman for the
    rebels", "a negotiator for the opposition"): that body's country and sector."""
    loyal = [p for c in children_of(head) if c.lower_ == "loyal" and c.dep_ in ("amod", "acl")
             for p in children_of(c) if p.dep_ == "prep" and p.lower_ == "to"]
    preps = [c for c in children_of(head) if c.dep_ == "prep" and c.lower_ in ("from", "of", "for")]
    broken = any(c.lower_ in BREAKAWAY_WORDS for c in children_of(head))  # "a splinter group of"
    for prep in [*preps, *loyal]:  # "fighters loyal to the TPLF": the TPLF's
        for obj in children_of(prep):
            if obj.dep_ != "pobj":
                continue
            ent = scope.ents.get(obj.i)
            hit = hit_of(ent) if ent is not None else None
            if ent is not None and hit is not None and hit[0] == "organisation" and prep.lower_ != "for":
                named = scope.names.entity(ent, ent)  # "the head of Hungary's ruling Fidesz party"
                return sided(scope, named, ent, scope.phrase(obj)) if named is not None else None
            if ent is None and prep.lower_ == "of" and (head.lemma_.lower() in MEMBER_NOUNS or broken):
                # "supporters of the ruling party": a party or armed group our lists name by
                # role; a state ("supporters of the government") is no group one belongs to
                body = scope.resolve(obj)
                if body is not None and body.kind in ("organisation", "group") \
                        and body.sector in MEMBER_GROUP_SECTORS:
                    return Resolution(body.name, body.country, body.sector, body.kind, f"of '{obj.text}'")
                if body is not None and body.sector == "ELI" and out_of_office(list(obj.subtree)):
                    # "followers of the jailed Kurdish leader": a leader put out of office
                    # leaves followers against those in power (see follower_sector)
                    return Resolution(body.name, body.country, "OPP", "group", f"of '{obj.text}', out of office")
            if speaks_for and prep.lower_ == "for":
                body = scope.resolve(obj)
                if body is not None and body.sector is not None:
                    return Resolution(body.name, body.country, body.sector, body.kind,
                                      f"speaks for '{obj.text}'")
    if head.lemma_.lower() in MEMBER_NOUNS:
        # "the opposition leader's supporters" as "supporters of the opposition leader"; a
        # named possessor is a person or a name, which the resolver reads on its own
        for poss in children_of(head):
            if poss.dep_ != "poss" or poss.pos_ != "NOUN" or poss.i in scope.ents:
                continue
            body = scope.resolve(poss)
            if body is not None and body.kind in ("organisation", "group") and body.sector in MEMBER_GROUP_SECTORS:
                return Resolution(body.name, body.country, body.sector, body.kind, f"of '{poss.text}'")
    return None


def group_member_sector(span: Span, head: Token, role: Role, org: Resolution, sector: str,
                        reasons: list[str]) -> str:
    """The sector of a role's holders named with the group ``org`` they belong to or broke from,
    the reason added to ``reasons`` when it changes: a weak role's ("a Hamas spokesman"), an
    armed role's beside an armed group ("Boko Haram fighters") and the rank and file's ("PTI
    supporters") are the group's; those broken away from it ("FARC dissidents") as
    ``breakaway_sector`` says; else the role's own ``sector``."""
    if org.sector is None:
        return sector
    if role.term in WEAK_ROLE_TERMS or {org.sector, sector} <= _ARMED or rank_and_file(head, org):
        sector = member_sector(org.sector, sector)
        reasons.append(f"{org.name} -> {sector}")
    broken = breakaway_sector(span, org.sector)
    if broken is not None:
        reasons.append(f"broken away from {org.name} -> {broken}")
        return broken
    return sector


def breakaway_sector(span: Span, group: str) -> str | None:
    """The sector of people or a faction broken away from a group in ``group``'s sector ("FARC
    dissidents", "a splinter group of the ELN"), or None when the mention names no break: from
    an armed force they are armed opposition (REB: the force's own side is what they left), from
    criminals still criminals, from a party a party of their own (PTY); dissidents of a party
    keep their own word's sector (OPP)."""
    words = {t.lower_ for t in span}
    if not words & BREAKAWAY_WORDS:
        return None
    if group in ("MIL", "REB", "UAF", "PRM"):
        return "REB"
    if group == "CRM":
        return "CRM"
    if group in ("GOV", "OPP", "PTY") and not words & {"dissident", "dissidents"}:
        return "PTY"
    return None


def member_sector(group: str, role: str) -> str:
    """The sector of a group's member, ``role`` being the sector of the word naming them: the
    group's, except that the armed rank and file of a governing movement ("Taliban fighters"
    once the Taliban rule) are its state's armed forces (MIL), not its government."""
    armed = role in ("MIL", "REB", "UAF", "PRM")
    return "MIL" if group == "GOV" and armed else group


def follower_sector(sector: str, head: Token, owner: Resolution | None, reasons: list[str]) -> str:
    """The sector of people named as ``owner``'s, with the reason added to ``reasons`` when it
    changes: fighters of an armed leader are that leader's force ("Prigozhin's fighters" PRM,
    "the rebel commander's fighters" REB), not unidentified gunmen (UAF); supporters of an
    opposition figure are the opposition (OPP). Supporters of anyone else stay civilians: they
    hold no office of their leader's, unless he was put out of his ("supporters of the ousted
    president"): then they are the opposition too."""
    if owner is None or owner.sector is None:
        return sector
    follows = None
    if sector == "UAF" and owner.sector in (IDENTIFIED_ARMED | {"REB"}):
        follows = owner.sector
    elif sector == "CVL" and head.lemma_.lower() in MEMBER_NOUNS and owner.sector == "OPP":
        follows = "OPP"
    elif sector == "CVL" and head.lemma_.lower() in MEMBER_NOUNS and owner.sector == "ELI" \
            and out_of_office(owner_words(head)):
        # "supporters of jailed former Prime Minister X": a leader ousted, jailed or exiled
        # leaves followers who stand against those now in power, PLOVER's OPP
        follows = "OPP"
    if follows is None:
        return sector
    reasons.append(f"of {owner.name} ({owner.sector}) -> {follows}")
    return follows


def owner_words(head: Token) -> list[Token]:
    """The words naming whose people ``head`` are: its possessor ("Khan's supporters") and the
    object of its 'of' ("supporters of the ousted president")."""
    return [t for c in children_of(head) if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
            for t in c.subtree]


def rank_and_file(head: Token, org: Resolution) -> bool:
    """'CCC activists', 'Taliban fighters', 'PTI supporters': the rank and file of a party or an
    armed group act as the group, in its sector on the day, rather than as a role's own sector
    (activists CVL, fighters UAF)."""
    return (head.lemma_.lower() in MEMBER_NOUNS and org.kind in ("organisation", "group")
            and org.sector in MEMBER_GROUP_SECTORS)
