"""Places as targets. Places an act only passes through: a town, village or city stands for the people in it when
they are acted on ("shelled the town", "besieged the city": its people are the target), not when
forces or visitors merely go to, from or through it ("withdrew from the border town", "entered
the village", "visited the city"), where the place is no party to the act. And a struck base
stands for the foreign forces it hosts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from dyadwatch.actors.cues import NO_NATIONALITY
from dyadwatch.knowledge.words import (
    FACILITY_NOUNS,
    FORCE_ROOTS,
    HOSTING_VERBS,
    PASSAGE_CODES,
    PASSAGE_LEMMAS,
    PLACE_ENTITIES,
    SETTING_NOUNS,
)
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.actors.resolve import ArticleActors
    from dyadwatch.events.match import Match
    from dyadwatch.knowledge.base import Knowledge
    from dyadwatch.records import Actor

# Roots of visits and meetings: the country a visited place lies in is the host.
_VISIT_ROOT: Final = "04"


def place_noun(token: Token, knowledge: Knowledge) -> bool:
    """Whether ``token`` is a noun of roles.tsv's 'place' kind ("town", "villages", "city"), or
    the name such a noun gives ("the city of MOSUL"), which is passed through as the noun is."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i \
            and _place_word(token.head.head, knowledge):
        return True
    return _place_word(token, knowledge)


def _place_word(token: Token, knowledge: Knowledge) -> bool:
    for word in (token.lower_, token.lemma_.lower()):
        role = knowledge.roles.get(word)
        if role is not None and role.kind == "place":
            return True
    return False


def named_place(token: Token, actors: ArticleActors) -> Token | None:
    """The place a place noun names when the noun itself gives no country ("the city of MOSUL",
    "the port city of ODESA", "the town of VUHLEDAR"): the name says where it is, where a bare
    'city' would take the story's country by default. None for any other word, for a noun with
    a nationality of its own ("the Russian city of Kazan") and for a name that is no place of a
    known country. Only where the noun is gone to, from or through ("visited", "travelled to"):
    a place acted on keeps the story's country when the name is one the gazetteer may miss."""
    if not _place_word(token, actors.knowledge) or not _gone_to(token):
        return None
    own = actors.resolve(token)
    if own is not None and NO_NATIONALITY not in own.reason:
        return None
    for c in children_of(token):
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in children_of(c):
                if p.dep_ == "pobj" and p.ent_type_ in PLACE_ENTITIES:
                    # a name our lists do not know is a toponym the places stage gives a country
                    found = actors.resolve(p)
                    if found is None or found.country:
                        return p
    return None


def passed_place(
    token: Token, target: Actor | None, sources: list[Actor], match: Match, knowledge: Knowledge,
) -> tuple[bool, Actor | None]:
    """(whether ``target`` is a place the act only passes through, what stands in its stead).
    A visited place abroad whose country the text gives stands for that country, the host
    ("visited the Russian city of Kazan": Russia), and so does a named one our lists miss, which
    the places stage gives its country ("visited the city of Mosul"); any other passed place, a
    place visited at home, and one given a country only by default (the story's), for no one."""
    if target is None or not place_noun(token, knowledge):
        return False, None
    code = match.code
    if code not in PASSAGE_CODES and match.trigger.lemma_.lower() not in PASSAGE_LEMMAS:
        return False, None
    country = target.country
    if code[:2] == _VISIT_ROOT and target.cameo_code == "UNK" and country is None and token.ent_type_:
        # "visited the city of Mosul": a town our lists miss is placed by the gazetteer later,
        # which gives the visited place its country, as for "visited Mosul"
        return False, None
    if code[:2] == _VISIT_ROOT and country and len(country) == 3 and NO_NATIONALITY not in target.reason \
            and all(s.country != country for s in sources):
        host = replace(target, name=country, sector=None, cameo_code=country, kind="state",
                       reason=f"{target.reason}; a visited place stands for its country, the host")
        return True, host
    return True, None


def _gone_to(token: Token) -> bool:
    """Whether ``token`` is the object of a verb of passage, or of its preposition ("visited the
    city", "travelled TO the city")."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in PASSAGE_LEMMAS


# Prepositions of where a protest is held ("rallied IN Minsk", "marched ACROSS the country").
_HELD_IN_PREPS = frozenset({"in", "across", "throughout"})
_VENUE_TAGS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# Nouns that count the places after them ("in DOZENS of cities"), unlike "in FRONT of the embassy".
_COUNT_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "score", "scores", "number", "handful",
                          "several", "many", "some", "most", "all", "both", "each", "series", "string"})


def protest_venue(token: Token, knowledge: Knowledge) -> bool:
    """Whether ``token`` is where a protest is held, no one it is aimed at: a named place or a
    noun of places after 'in' ("protested IN LAGOS", "rallied in DOZENS of Russian cities")."""
    if token.dep_ != "pobj" or token.head.lower_ not in _HELD_IN_PREPS:
        return False
    counted = token.pos_ == "NUM" or token.lemma_.lower() in _COUNT_NOUNS  # "in DOZENS of cities"
    named = [token] + [o for p in children_of(token) if counted and p.dep_ == "prep" and p.lower_ == "of"
                       for o in children_of(p) if o.dep_ == "pobj"]
    # (the tagger takes many a town it does not know for an organisation: "in KANO")
    return any(t.ent_type_ in _VENUE_TAGS or place_noun(t, knowledge) or setting_noun(t) for t in named)


def setting_of(token: Token) -> bool:
    """Whether ``token`` is the place named after a noun of a public place ("the streets OF
    MINSK", "the centre OF TUNIS"): where something happens there."""
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.head.i == token.head.i:
        return False
    return setting_noun(token.head.head)


def setting_noun(noun: Token) -> bool:
    """Whether ``noun`` is a noun of a public place ("streets", "square", "centre")."""
    return noun.lower_ in SETTING_NOUNS or noun.lemma_.lower() in SETTING_NOUNS


def hosted_forces(trigger: Token, code: str, resolve: Callable[[Token], Actor | None]) -> list[Actor]:
    """The forces a struck facility hosts ("fired rockets at an air base HOSTING U.S. TROOPS",
    "attacked bases that house American forces"): an attack on them is one on the guests'
    country's forces, as CAMEO codes it, not on the host's. Empty when the act is no attack or
    its object no facility with guests named."""
    if code[:2] not in FORCE_ROOTS:
        return []
    # the trigger may be the weapon ("fired MISSILES at bases"): look from its verb too
    verbs = [trigger, trigger.head] if trigger.dep_ == "dobj" else [trigger]
    objects = [c for v in verbs for c in children_of(v) if c.dep_ == "dobj"]
    objects += [o for v in verbs for c in children_of(v) if c.dep_ == "prep" for o in children_of(c) if o.dep_ == "pobj"]
    found: list[Actor] = []
    for facility in objects:
        # the word as well as its lemma: "bases" is lemmatised as "basis"
        if not {facility.lemma_.lower(), facility.lower_, facility.lower_.removesuffix("s")} & FACILITY_NOUNS:
            continue
        for clause in children_of(facility):
            if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in HOSTING_VERBS:
                guests = [resolve(o) for o in children_of(clause) if o.dep_ == "dobj"]
                found.extend(g for g in guests if g is not None)
    return found
