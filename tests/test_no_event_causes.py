"""Harm done by no actor: named storms, mishaps, plagues and animals as subjects, and fires,
floods and sickness fought by crews and doctors, yield no event; the same verbs with an actor as
doer or foe still code. CAMEO codes acts of political actors; none of these is one. Sentences of
our own, written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

DATE = "2024-05-14"

NO_ACTOR = [
    "Typhoon Haiyan killed thousands of people in the central Philippines.",
    "Hurricane Ian destroyed hundreds of homes in southwest Florida.",
    "The sinking of the ferry killed 30 passengers off the coast of Senegal.",
    "A stampede at the stadium killed twelve fans in Malang.",
    "A shark attacked a surfer off the coast of Western Australia on Monday.",
    "The plague killed millions of people across medieval Asia.",
    "Firefighters battled a huge blaze at a warehouse in the port of Piraeus.",
    "Health workers in Malawi are fighting an outbreak of cholera in the south.",
    "Crews fought bushfires north of Sydney through the night.",
]

STILL_EVENTS = [
    ("Gunmen killed five villagers in northern Nigeria.", "18"),
    ("Troops battled militants near the Afghan border on Sunday.", "19"),
    ("Militants attacked a police post in Khyber Pakhtunkhwa on Monday.", "18"),
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_ACTOR)
def test_harm_by_no_actor_is_no_event(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert events == [], [(e.cameo.code, e.source, e.evidence.rule) for e in events]


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), STILL_EVENTS)
def test_the_same_verbs_with_armed_actors_still_code(coder: Coder, text: str, root: str) -> None:
    roots = {e.cameo.code[:2] for e in coder.code(text, date=DATE)}
    assert root in roots or (root == "18" and "19" in roots), (text, roots)


# Care, shows and lessons given are no concession ("gave in") and no aid between political actors.
GIVEN_NOT_YIELDED = [
    # 'given ... IN a ten-hour operation' reads as 'gave in' but for its object
    "A hospital in Perth said its surgeons had given a rare lung transplant to a teenage boy in a ten-hour operation.",
    "A Japanese hospital said its doctors had given a kidney transplant to a girl of six.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", GIVEN_NOT_YIELDED)
def test_care_given_is_no_concession(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert events == [], [(e.cameo.code, e.source, e.evidence.rule) for e in events]


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), [
    ("Iran gave in to demands from the IAEA to allow inspectors back.", "08"),
    ("Qatar gave 50 million dollars to the Palestinian Authority.", "07"),
])
def test_giving_in_and_giving_aid_still_code(coder: Coder, text: str, root: str) -> None:
    roots = {e.cameo.code[:2] for e in coder.code(text, date=DATE)}
    assert root in roots, (text, roots)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # people led or forced along march no protest of their own
    "The kidnappers marched the schoolgirls into the forest on Friday night.",
    # goods flown somewhere make no visit by the carrier
    "The World Food Programme flew 30 tonnes of biscuits to Port-au-Prince on Sunday.",
])
def test_a_verb_of_protest_or_travel_with_an_ordinary_object_is_no_such_act(coder: Coder, text: str) -> None:
    assert [e.cameo.root for e in coder.code(text, date="2021-03-01") if e.cameo.root in ("04", "14")] == [], text
