"""Places and bodies as targets: a state's envoy to an international organisation, CAMEO's
regional actor WST for the West, places that stand for their people only when acted on, security
forces taking to the streets, and a base standing for the foreign troops it hosts.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.events.build import PASSED_PLACE

pytestmark = pytest.mark.model

DATE = "2023-04-01"


def _dyads(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    """(source code, target code, CAMEO code) of the events of ``text``, any modality."""
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None, e.cameo.code)
            for e in coder.code(text, date=DATE)}


def _codes(coder: Coder, text: str) -> set[str]:
    """The source and target actor codes of the events of ``text``."""
    return {c for s, t, _ in _dyads(coder, text) for c in (s, t) if c}


# -- an envoy to an international organisation is their own state's --------------------------


@pytest.mark.parametrize(("text", "envoy"), [
    ("Syria's U.N. envoy accused Israel of violating its airspace.", "SYRGOV"),
    ("Pakistan's UN ambassador criticised India over the dam project.", "PAKGOV"),
    ("Hungary's EU envoy rejected the bloc's migration plan.", "HUNGOV"),
])
def test_a_states_envoy_to_an_igo_is_the_states(coder: Coder, text: str, envoy: str) -> None:
    assert envoy in {s for s, _, _ in _dyads(coder, text)}


def test_the_igos_own_envoy_stays_the_igos(coder: Coder) -> None:
    found = _dyads(coder, "The U.N. envoy for Yemen met Houthi leaders in Sanaa on Monday.")
    assert "IGOUNO" in {s for s, _, _ in found}


# -- the West ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "actor"), [
    ("Iran accused the West of hypocrisy over its human rights record.", "WST"),
    ("Beijing condemned Western powers for interfering in Hong Kong.", "WST"),
    ("Western governments urged Serbia to recognise Kosovo.", "WSTGOV"),
    ("Western officials criticised the junta in Bamako.", "WSTGOV"),
])
def test_the_west_is_cameos_wst(coder: Coder, text: str, actor: str) -> None:
    assert actor in _codes(coder, text)


@pytest.mark.parametrize("text", [
    "Israeli soldiers raided the West Bank town of Tubas on Monday, Palestinian officials said.",
    "West African leaders threatened Niger's junta with sanctions.",
])
def test_west_opening_another_name_is_not_the_west(coder: Coder, text: str) -> None:
    assert not any(c.startswith("WST") for c in _codes(coder, text))


# -- a place only passed through is no party ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "Eritrean troops withdrew from the border town of Zalambessa on Friday, residents said.",
    "Congolese soldiers pulled out of the village of Kibumba on Sunday, residents said.",
])
def test_a_place_withdrawn_from_is_no_target(coder: Coder, text: str) -> None:
    found = {(s, t) for s, t, c in _dyads(coder, text) if c.startswith("087")}
    assert found and all(t is None for _, t in found)


def test_a_place_passed_through_is_marked_in_the_rule(coder: Coder) -> None:
    text = "Eritrean troops withdrew from the border town of Zalambessa on Friday, residents said."
    events = [e for e in coder.code(text, date=DATE) if e.cameo.code.startswith("087")]
    assert events and all(PASSED_PLACE in e.evidence.rule and e.target is None for e in events)


def test_a_visited_place_abroad_is_its_country(coder: Coder) -> None:
    found = _dyads(coder, "French President Emmanuel Macron visited the Lebanese city of Tripoli on Friday.")
    assert ("FRAGOV", "LBN", "042") in found


@pytest.mark.parametrize(("text", "target"), [
    ("Sudanese paramilitary forces shelled the town of Babanusa on Monday, residents said.", "CVL"),
    ("Myanmar's military bombed a village in Magway region, killing 15 people, witnesses said.", "CVL"),
])
def test_a_place_acted_on_stands_for_its_people(coder: Coder, text: str, target: str) -> None:
    assert any(t and t.endswith(target) for _, t, _ in _dyads(coder, text))


# -- security forces in the streets --------------------------------------------------------------


@pytest.mark.parametrize(("text", "code"), [
    ("Riot police poured onto the streets of Tbilisi ahead of an opposition rally.", "153"),
    ("Police officers flooded the streets of Dhaka on Saturday before the vote.", "153"),
    ("Soldiers took to the streets of Bamako hours after the coup, witnesses said.", "154"),
])
def test_forces_in_the_streets_show_force(coder: Coder, text: str, code: str) -> None:
    codes = {c for _, _, c in _dyads(coder, text)}
    assert code in codes and not any(c[:2] in ("11", "14") for c in codes)


def test_police_protesting_still_protest(coder: Coder) -> None:
    codes = {c for _, _, c in _dyads(coder, "Police officers in Lima protested against pay cuts on Monday.")}
    assert any(c.startswith("14") for c in codes)


# -- a base stands for the foreign forces it hosts ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Militants fired rockets at an air base hosting U.S. troops in Syria on Tuesday.",
    "Drones attacked a base that houses American forces in eastern Syria.",
])
def test_a_struck_base_is_its_guests(coder: Coder, text: str) -> None:
    assert "USAMIL" in {t for _, t, _ in _dyads(coder, text)}
