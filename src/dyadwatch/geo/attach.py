"""The place of an event: the literal place attached to the trigger's clause, else the
dateline's when the event is local to it (docs/places.md, "The place of an event")."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import TYPE_CHECKING

from dyadwatch.geo.names import feature_rank
from dyadwatch.knowledge.words import (
    GEO_ACTOR_NOUNS,
    GEO_ORIGIN_PREPS,
    GEO_SPEECH_VERBS,
    GEO_TOPIC_NOUNS,
)
from dyadwatch.records import Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_MAX_COST = 10.0


def _ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def attachment_cost(mention_root: Token, trigger: Token) -> float | None:
    """How loosely a place hangs from the event's clause; None when it belongs elsewhere.

    The cost is the length of the dependency path between the place and the trigger, plus
    penalties where the path leaves the event: through another verb's clause on the place's
    side (a relative clause, reported speech), through a body the place locates ("the embassy
    in Algeria") and up from the trigger through a verb of saying; a place after "from" is where
    something came from, never the event's place.
    A place hanging from a topic noun is not the event's place at all ("the situation in Mali"
    is what talks were about, not where they were held). A place that is a
    party to the event (a metonym, "relations with Algeria") never gets here: only literal
    mentions are costed. The trigger's direct object is the event's place when it is a place
    ("visited Mali", "shelled Donetsk").
    """
    if mention_root.dep_ == "pobj" and mention_root.head.lower_ in GEO_ORIGIN_PREPS:
        return None  # "fighters from Chad", "flew in from Paris": where it came from
    up = _ancestors(mention_root)
    trigger_up = _ancestors(trigger)
    common = next((t for t in up if any(t.i == u.i for u in trigger_up)), None)
    if common is None:
        return None
    place_side = up[: [t.i for t in up].index(common.i)]
    event_side = trigger_up[: [t.i for t in trigger_up].index(common.i)]
    cost = float(len(place_side) + len(event_side))
    for k, tok in enumerate(place_side[1:], 1):
        if tok.pos_ in {"VERB", "AUX"}:
            cost += 3.0  # the place sits in another clause
        elif (
            tok.pos_ in {"NOUN", "PROPN"}
            and place_side[k - 1].dep_ in {"pobj", "prep"}
            and (tok.lemma_.lower() in GEO_TOPIC_NOUNS or tok.lower_ in GEO_TOPIC_NOUNS)
        ):
            return None
        elif (
            tok.pos_ in {"NOUN", "PROPN"}
            and place_side[k - 1].dep_ == "prep"
            and (tok.lemma_.lower() in GEO_ACTOR_NOUNS or tok.lower_ in GEO_ACTOR_NOUNS)
        ):
            cost += 2.0  # "the embassy in Algeria": where a body sits, not where it acted
        elif tok.dep_ in {"nsubj", "nsubjpass"} or place_side[k - 1].dep_ == "poss":
            cost += 2.0  # the place describes a participant ("Brazil's drug lord was caught")
    for tok in event_side[1:]:
        if tok.lemma_ in GEO_SPEECH_VERBS:
            cost += 2.0  # "X said": the place belongs to the saying, not the event
    if common.pos_ not in {"VERB", "AUX"} and common.i != trigger.i:
        cost += 1.0
    return cost if cost <= _MAX_COST else None


def event_place(
    doc: Doc,
    trigger: Token,
    mentions: list[PlaceMention],
    dateline_place: Place | None,
    actor_countries: Collection[str] = (),
) -> Place | None:
    """The place of the event ``trigger`` names (see ``attachment_cost`` and module doc).

    Among literal places in the trigger's sentence the most closely attached wins, and at
    equal cost the more specific (a city over its country: "in the West Bank city of Nablus").
    With none, the dateline place is used (``from_dateline=True``) when no literal place in
    the sentence lies outside the dateline's country: a wire story's events happen where it
    was filed unless the text says otherwise.
    """
    sent = trigger.sent
    best: tuple[float, int, PlaceMention] | None = None
    foreign = False
    for m in mentions:
        if not (sent.start_char <= m.start < sent.end_char) or _is_dateline(m, dateline_place):
            continue  # the dateline is where the story was filed, not a place of the clause
        if m.place is not None and m.place.feature == "continent":
            continue  # a continent is never where an event is placed ("talks with Europe")
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if m.role != "literal":
            continue
        if dateline_place is None or m.place is None or m.place.country != dateline_place.country:
            foreign = True
        cost = attachment_cost(span.root, trigger)
        if cost is None:
            continue
        # A place the gazetteer lacks is most often a small one (a village, a district, a
        # site): at equal cost it is as specific as a city.
        rank = feature_rank(m.place.feature) if m.place else 0
        key = (cost + 0.5 * rank, rank, m)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is not None:
        m = best[2]
        if m.place is not None:
            return m.place
        return Place(m.text, None, "unknown", None, None, None, None, start=m.start, end=m.end)
    if dateline_place is not None and actor_countries and dateline_place.country:
        # "Haitian gangs attacked police", filed from Nairobi: when no actor is of the
        # dateline's country, the event happened elsewhere than the story was filed.
        foreign = foreign or dateline_place.country not in actor_countries
    if dateline_place is not None and not foreign:
        return dataclasses.replace(dateline_place, from_dateline=True)
    return None


def _is_dateline(mention: PlaceMention, dateline_place: Place | None) -> bool:
    return dateline_place is not None and mention.start == dateline_place.start
