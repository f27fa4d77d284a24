"""The crowd of a protest told without its protesters.

A protest always has protesters: "Protests erupted in Tbilisi against the government" and "a
rally against the president was held in Belgrade" tell a crowd that protested as surely as
"thousands protested in Tbilisi" does. The words name no doer, but the noun of protesting says
who acted: people, who are civilians (CVL) unless the text names them as something else
("opposition supporters", "students"), as "protesters" are in the actor lists. Their country is
the one the protest happens in: the place the protest's own phrase or its verb of happening gives
it, also as what that verb sweeps or reaches ("protests rocked NAIROBI", "swept KENYA"). With no
place named the crowd stays unnamed (``---``): a protest about a far country is often held abroad.

Only a protest told as taking place takes a crowd (``happening_verbs``), and only when no doer is
named: a bombing told without its doer ("a bomb exploded in a market") has no doer the words
imply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dyadwatch.actors.resolve import cameo_actor_code
from dyadwatch.events.match import PROTEST_ROOT
from dyadwatch.knowledge.words import HAPPENING_VERBS
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.events.parties import Parties

CROWD_SECTOR: Final = "CVL"
# The code of an actor our lists do not know ("Lagos" as a mention of its own).
UNKNOWN_CODE: Final = "UNK"
# A verb of happening's phrases: where the protest is, where it reaches, whom it is against.
_SETTING_PREPS: Final = frozenset({"in", "across", "near", "throughout"})
_REACHED_PREPS: Final = frozenset({"to", "into", "across", "through"})
_OPPOSED_PREPS: Final = frozenset({"against"})
# How a protest noun hangs from its verb of happening: its subject, or what "there were" names.
_HAPPENING_DEPS: Final = frozenset({"nsubj", "nsubjpass", "attr"})


def protesting_crowd(parties: Parties, match: Match) -> Actor | None:
    """The civilians of the place a protest with no named doer happens in, or None when the act
    is no protest or the sentence places it nowhere."""
    if match.code[:2] != PROTEST_ROOT or not _told_as_happening(match.trigger):
        return None
    located = _own_place(parties, match) or _swept_place(parties, match.trigger)
    if located is None or located.kind == "igo":
        return None
    country = located.country
    if country is None:
        # a town our lists do not hold ("protests erupted in Lagos"): the crowd spans its name,
        # whose country the places stage gives it (placed.py), as it does a town attacked
        return Actor(text=located.text, start=located.start, end=located.end, name="protesters", country=None,
                     sector=CROWD_SECTOR, cameo_code=UNKNOWN_CODE, kind="group",
                     reason=f"a protest names no doer: its crowd, civilians of '{located.text}'")
    at = match.trigger.idx
    return Actor(text="", start=at, end=at, name="protesters", country=country, sector=CROWD_SECTOR,
                 cameo_code=cameo_actor_code(country, CROWD_SECTOR), kind="group",
                 reason=f"a protest names no doer: its crowd, civilians of '{located.text}' -> {country}")


def _told_as_happening(trigger: Token) -> bool:
    """Is the protest told as taking place: the verb of staging it ("a rally WAS HELD"), or a
    noun of protesting as the subject of a verb of happening ("protests ERUPTED", "demonstrations
    TOOK PLACE") or after "there were"? A noun in passing ("amid protests", "the protests were
    the largest in years") tells no new act, often one told before with its protesters."""
    if trigger.pos_ == "VERB":  # staged with no subject; a subject no list names stays unnamed
        return not any(c.dep_ == "nsubj" for c in children_of(trigger))
    head = trigger.head
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in HAPPENING_VERBS:
        return True
    return trigger.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in children_of(head))


def _own_place(parties: Parties, match: Match) -> Actor | None:
    """The place of the protest's own phrase or of its verb of happening ("protests erupted IN
    TBILISI"), never one inside what it is about ("against the war IN UKRAINE")."""
    place = parties.clauses.located_target(match.trigger, match.noun or match.obj)
    if place is None:  # a town the actor lists do not hold, which the places stage knows
        trigger = match.trigger
        verb = trigger if trigger.pos_ == "VERB" else trigger.head if trigger.dep_ in _HAPPENING_DEPS else None
        own = [trigger, match.noun or match.obj] + ([verb] if verb is not None else [])
        place = next((o for t in own if t is not None for o in _phrase_objects(t, _SETTING_PREPS)
                      if o.pos_ == "PROPN"), None)
    located = parties.clauses.actor(place) if place is not None else None
    return located if located is not None and (located.country is not None or _unlisted_place(located)) else None


def _unlisted_place(actor: Actor) -> bool:
    """Is ``actor`` a named place our lists do not hold (code UNK), which the places stage may
    know ("Lagos")?"""
    return actor.cameo_code == UNKNOWN_CODE and actor.kind == "state" and actor.country is None


def _swept_place(parties: Parties, trigger: Token) -> Actor | None:
    """The place a protest's verb of happening names as its object or its destination
    ("protests ROCKED Nairobi", "protests spread TO Basra"): where the protest happens."""
    verb = trigger.head
    if trigger.dep_ != "nsubj" or verb.lemma_.lower() not in HAPPENING_VERBS:
        return None
    places = [c for c in children_of(verb) if c.dep_ == "dobj"] + _phrase_objects(verb, _REACHED_PREPS)
    for place in places:
        if place.pos_ == "PROPN":
            located = parties.clauses.actor(place)
            if located is not None and located.country is not None:
                return located
    return None


def opposed_by_happening(noun: Token) -> list[Token]:
    """Whom a protest noun's verb of happening says it is against ("protests erupted in Tbilisi
    AGAINST the government"): the phrase hangs from the verb, not from the noun. Only 'against':
    the verb's other phrases are places ("spread TO Basra"); and only an intransitive verb."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in children_of(verb)):
        return []
    return _phrase_objects(verb, _OPPOSED_PREPS)


def _phrase_objects(verb: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of ``verb``'s phrases under ``preps``, in order."""
    return [o for p in children_of(verb) if p.dep_ == "prep" and p.lower_ in preps
            for o in children_of(p) if o.dep_ == "pobj"]
