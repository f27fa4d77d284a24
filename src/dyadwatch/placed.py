"""Events placed: every toponym mention of an article, each event put where the text says it
happened, and the actors a place settles (an unnamed "police" in a datelined town, a town
attacked that stands for its state). The step after the event stage, run when places are on."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from dyadwatch.actors.cues import FOCUS_GUESS, NO_NATIONALITY
from dyadwatch.actors.people import BARE_NAME
from dyadwatch.actors.resolve import cameo_actor_code
from dyadwatch.context import ArticleContext
from dyadwatch.geo.places import PlaceResolver, event_place, find_place_mentions
from dyadwatch.geo.spans import BIG_CITY
from dyadwatch.records import Actor, Event, Place, PlaceMention


def placed_events(
    context: ArticleContext, events: list[Event], resolver: PlaceResolver,
    not_place: Callable[[str], bool],
) -> tuple[list[Event], list[PlaceMention]]:
    """Every toponym mention of the article (``not_place`` tells an actor's name), and each
    event placed where the text says (its own clause, else the dateline)."""
    doc, dateline = context.doc, context.dateline
    mentions = find_place_mentions(
        doc, resolver=resolver, dateline=dateline, not_place=not_place, entities=context.entities
    )
    dateline_place = next(
        (m.place for m in mentions if dateline is not None and m.start == dateline.start), None
    )
    placed: list[Event] = []
    text = context.text if context.text is not None else doc.text  # Doc.text joins anew per call
    for event in events:
        event = with_city_actors(event, resolver)
        event = with_body_places(with_place_countries(event, mentions), text, mentions)
        trig = event.evidence.trigger
        span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
        countries = {
            a.country
            for a in (event.source, event.target)
            if a is not None and a.country is not None and a.kind != "igo"
        }
        place = (
            event_place(doc, span.root, mentions, dateline_place, countries)
            if span is not None
            else None
        )
        if place is not None and place.country is None:
            place = _within(place, mentions, text)  # "the town of Khan Sheikhoun IN IDLIB PROVINCE"
        if place is not None:
            event = with_event_place_country(replace(event, place=place), place)
        placed.append(event)
    return placed, mentions


# What joins a place the gazetteer lacks to the larger place it lies in ("Khan Sheikhoun IN Idlib
# province", "Kagara, Niger state", "a village IN northern Mozambique").
_WITHIN = re.compile(r"^(?:,|\s)*(?:in|near|of)?\s*(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+|"
                     r"(?:north|south)-?(?:east|west)(?:ern)?\s+)?$", re.IGNORECASE)


def _within(place: Place, mentions: Sequence[PlaceMention], text: str) -> Place:
    """An unresolved ``place`` with the country of the resolved place named right after it as
    the one it lies in ("the town of Khan Sheikhoun in Idlib province": Syria): the town is
    still the place, now of that country."""
    if place.end is None:
        return place
    after = next((m for m in mentions if m.place is not None and m.place.country and m.start >= place.end
                  and m.start - place.end <= 24 and _WITHIN.match(text[place.end:m.start])), None)
    if after is None or after.place is None:
        return place
    return replace(place, country=after.place.country)


# Words by which a mention says its people came from elsewhere than where they act.
_FROM_ELSEWHERE = re.compile(
    r"\b(foreign|international|overseas|expatriate|tourists?|visiting|migrants?|mercenar(y|ies))\b",
    re.IGNORECASE,
)


def with_event_place_country(event: Event, place: Place) -> Event:
    """``event`` with each actor named by role alone ("police", "gunmen", "workers", "five
    villagers") that the actor stage gave no country, or only the article's default one,
    taken as of the country of the place its clause names: "Police arrested 12 militants in
    Karachi" is PAKCOP -> PAKREB, as the actor stage already reads "rebels in Mali" when the
    place is a country it knows (towns need the gazetteer, which comes later). The dateline's
    place only for an actor left with no country at all ("PESHAWAR - Gunmen killed five
    policemen": a town the actor stage could not place; a capital or a country it used as the
    story's setting already), not for people,
    states or bodies, not for a mention that says its people came from elsewhere ("foreign
    fighters"), and not when the place is the other side's own country, named as a state
    ("troops entered Syria": the troops are not Syria's); a town of it acted on, where the event
    is placed, is no such side ("attackers set fire to a station in Lahore": Pakistan's
    attackers, Lahore the target)."""
    country = place.country
    if country is None:
        return event
    roles: dict[str, Actor] = {}
    for role, other in (("source", event.target), ("target", event.source)):
        actor: Actor | None = getattr(event, role)
        if (actor is None or actor.kind not in ("group", "organisation") or actor.sector is None
                or (actor.country is not None and (place.from_dateline or NO_NATIONALITY not in actor.reason))
                or actor.country == country or _FROM_ELSEWHERE.search(actor.text)):  # fmt: skip
            continue
        if other is not None and other.country == country and other.sector is None and not _is_mention(place, other):
            continue
        if other is not None and _names_owner(place, other):
            continue
        roles[role] = replace(
            actor, country=country, cameo_code=cameo_actor_code(country, actor.sector),
            reason=f"{actor.reason}; the event is placed in '{place.name}' -> {country}")
    return _with_roles(event, roles)


def _is_mention(place: Place, actor: Actor) -> bool:
    """Whether the event's place is ``actor``'s own mention, a town acted on ("set fire to a
    station in LAHORE", the target Lahore), not a country named beside the place."""
    return place.feature != "country" and place.start is not None and actor.start <= place.start < actor.end


def _names_owner(place: Place, actor: Actor) -> bool:
    """Whether the event's place is a state named inside ``actor``'s mention as its owner ("a
    US base", "an Indian army camp"): the thing stands elsewhere, so the other side acting on
    it is not of that state ("Iranian-backed militias attacked a US base in Syria")."""
    return (place.feature == "country" and place.start is not None and actor.start <= place.start < actor.end
            and place.country == actor.country)


def with_city_actors(event: Event, resolver: PlaceResolver) -> Event:
    """``event`` with each actor the parser took for a person on its name alone, a single word
    with nothing else said of the person, that is the main name of big cities of one country
    ("M23 rebels shelled Goma"), taken as that state, as CAMEO codes a town attacked or
    speaking. The place finder leaves names tagged as persons alone, so ask the gazetteer."""
    roles: dict[str, Actor] = {}
    for role in ("source", "target"):
        actor: Actor | None = getattr(event, role)
        if actor is None or actor.kind != "person" or actor.reason != BARE_NAME or " " in actor.text:
            continue
        countries = {c.country for c in resolver.known(actor.text) if c.country is not None
                     and not c.alternate and c.population >= BIG_CITY and c.name == actor.text}  # fmt: skip
        if len(countries) == 1:
            country = next(iter(countries))
            roles[role] = replace(
                actor, country=country, sector=None, kind="state", cameo_code=cameo_actor_code(country, None),
                reason=f"the city {actor.text}, in {country} (not a person: nothing else is said of one)")
    return _with_roles(event, roles)


def with_place_countries(event: Event, mentions: Sequence[PlaceMention]) -> Event:
    """``event`` with each actor our lists do not know (code UNK: "Russian forces shelled
    Kherson") that is a resolved place of the text taken as its country (UKR), as CAMEO codes a
    town attacked or speaking by its state. The actor stage cannot ask the gazetteer (it comes
    before it); a place that resolves to no country leaves the actor as it was."""
    roles: dict[str, Actor] = {}
    for role in ("source", "target"):
        actor = getattr(event, role)
        # a person is never a place, even one misnamed after a town ("Denzel Washington")
        if actor is None or actor.cameo_code != "UNK" or actor.country is not None or actor.kind == "person":
            continue
        place = next((m.place for m in mentions if m.place is not None and m.place.country
                      and m.start >= actor.start and m.end <= actor.end), None)  # fmt: skip
        if place is not None and place.country is not None:
            roles[role] = replace(  # (a crowd of a town stays a group: crowds.py)
                actor, country=place.country, kind="group" if actor.kind == "group" else "state",
                cameo_code=cameo_actor_code(place.country, actor.sector),
                reason=f"{actor.reason}; the place {place.name}, in {place.country}")
    return _with_roles(event, roles)


# The state's own bodies, which a town they sit in places in its state ("the junta in Yangon").
_STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# The words that put a body in the town right after it ("the military government in Yangon").
_BODY_PLACING = frozenset({"in", "of", "based in"})


def with_body_places(event: Event, text: str, mentions: Sequence[PlaceMention]) -> Event:
    """``event`` with each unnationalised state body ("the military government", "the junta",
    "police") whose country was only the article's focus guess taken as of the country of the
    town it is placed in right after its mention ("the military government in Yangon"), a town
    the actor stage's lists miss (it places "the junta in Bamako" itself): the body governs or
    serves where it sits, which says more than what the article is mostly about."""
    roles: dict[str, Actor] = {}
    for role in ("source", "target"):
        actor: Actor | None = getattr(event, role)
        if actor is None or actor.sector not in _STATE_BODY_SECTORS or FOCUS_GUESS not in actor.reason \
                or actor.kind not in ("state", "organisation"):
            continue
        place = next((m.place for m in mentions if m.place is not None and m.place.country
                      and m.start >= actor.end and text[actor.end:m.start].strip().lower() in _BODY_PLACING),
                     None)  # fmt: skip
        if place is None or place.country is None or place.country == actor.country:
            continue
        roles[role] = replace(
            actor, country=place.country, cameo_code=cameo_actor_code(place.country, actor.sector),
            reason=f"{actor.reason.split(FOCUS_GUESS)[0]}; placed in '{place.name}' -> {place.country}")
    return _with_roles(event, roles)


def _with_roles(event: Event, roles: dict[str, Actor]) -> Event:
    """``event`` with its source and target replaced where ``roles`` gives them."""
    if not roles:
        return event
    return replace(event, source=roles.get("source", event.source),
                   target=roles.get("target", event.target))  # fmt: skip
