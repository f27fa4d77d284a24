"""The state implied as the doer of an agentless passive of a diplomatic act.

Only a state summons a foreign envoy, expels a diplomat or declares one persona non grata, so
"The British ambassador was summoned to the foreign ministry in Tehran" and "Two Russian
diplomats were expelled from Poland" name their doer by the place: the state whose ministry or
territory the text names. Nothing is implied for other verbs ("was summoned to the stage"), for
other readings of these verbs (a diplomatic pattern must have matched: 'summon the ambassador'
is a complaint, 11; an expulsion of diplomats a cut in relations, 16), or when 'by' names the
doer. Recalling one's own envoy is the other way round: "the Dutch ambassador to Moscow was
recalled" is the Netherlands' act (the envoy's own state) on Russia (where the envoy serves).
People deported from a country are so too ("Haitians were deported from the Dominican
Republic": ``deporting_state``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.events.subjects import agents
from dyadwatch.knowledge.words import (
    FROM_PLACE_PREPS,
    OWN_ENVOY_VERBS,
    STATE_ACT_ROOTS,
    STATE_ACT_VERBS,
    TO_PLACE_PREPS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor


def implied_state(match: Match, actor: Callable[[Token], Actor | None]) -> Actor | None:
    """The state government that did an agentless passive diplomatic act, or None."""
    verb = match.trigger
    lemma = verb.lemma_.lower()
    if (match.pattern.kind != "verb" or lemma not in STATE_ACT_VERBS | OWN_ENVOY_VERBS
            or match.code[:2] not in STATE_ACT_ROOTS):
        return None
    children = list(children_of(verb))
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return None
    places = [(s, False) for s in _subjects(verb)] if lemma in OWN_ENVOY_VERBS else _places(verb)
    for place, office in places:
        found = actor(place)
        # a place ("in Tehran": its people) or a ministry stands for its state's government; what
        # one is summoned TO must be an office ("to the stage in Paris" is no French act)
        if (found is not None and found.kind != "igo" and found.country is not None and not found.unknown
                and (not office or found.sector == "GOV")):
            return found.with_sector("GOV", f"only a state does '{verb.lemma_}' to an envoy")
    return None


# Verbs of removing people from a country by law, and the codes of their reading as that
# (deportation, 174; mass expulsion, 201): only a state does them to people on its soil.
_DEPORTING = frozenset({"deport", "expel", "extradite", "repatriate"})
_DEPORTING_CODES = ("174", "201")


def deporting_state(match: Match, actor: Callable[[Token], Actor | None]) -> Actor | None:
    """'Haitians were deported FROM the Dominican Republic', 'hundreds of Afghans were expelled
    from Iran': the state an agentless passive deportation names as where people were removed
    from is the one that removed them (its government), as with envoys above. Only a country
    named as such: a town or a region ("expelled from the village") may be emptied by anyone."""
    verb = match.trigger
    if (match.pattern.kind != "verb" or verb.lemma_.lower() not in _DEPORTING
            or match.code[:3] not in _DEPORTING_CODES):
        return None
    children = list(children_of(verb))
    if not any(c.dep_ == "auxpass" for c in children) or agents(verb):  # a named deporter is the doer
        return None
    for obj in (o for p in children if p.dep_ == "prep" and p.lower_ == "from" for o in children_of(p)):
        found = actor(obj) if obj.dep_ == "pobj" and obj.ent_type_ == "GPE" else None
        if found is not None and found.kind == "state" and found.sector is None and found.country and not found.unknown:
            return found.with_sector("GOV", "only a state deports people from its soil")
    return None


def _places(verb: Token) -> list[tuple[Token, bool]]:
    """The place phrases of a passive, nearest to the act first, each with whether it must be
    an office."""
    out: list[tuple[Token, bool]] = []
    for prep in children_of(verb):
        if prep.dep_ != "prep":
            continue
        for obj in children_of(prep):
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ in FROM_PLACE_PREPS:
                out.append((obj, False))
            elif prep.lower_ in TO_PLACE_PREPS:
                out.append((obj, True))  # "the foreign ministry in Tehran" resolves as Iran's
    for subject in children_of(verb):
        if subject.dep_ == "nsubjpass":
            out.extend((o, False) for o in _in_phrase(subject))  # the ambassador IN Berlin
    return out


def _in_phrase(noun: Token) -> list[Token]:
    return [o for p in children_of(noun) if p.dep_ == "prep" and p.lower_ == "in"
            for o in children_of(p) if o.dep_ == "pobj"]


def envoy_targets(match: Match, actor: Callable[[Token], Actor | None]) -> list[Actor]:
    """Whom an implied state acted on: the envoys of the passive subject ("the British
    ambassador was summoned to the ministry": Britain's envoy, not the ministry), or for a recall
    the state of the envoy's post ("the Dutch ambassador TO Moscow was recalled": Russia)."""
    subjects = _subjects(match.trigger)
    if match.trigger.lemma_.lower() in OWN_ENVOY_VERBS:
        subjects = [o for s in subjects for p in children_of(s) if p.dep_ == "prep" and p.lower_ in ("to", "in")
                    for o in children_of(p) if o.dep_ == "pobj"]
    return [found for head in subjects if (found := actor(head)) is not None]


def _subjects(verb: Token) -> list[Token]:
    """The passive subject of ``verb`` and its conjuncts."""
    return [h for s in children_of(verb) if s.dep_ == "nsubjpass"
            for h in (s, *(c for c in children_of(s) if c.dep_ == "conj"))]
