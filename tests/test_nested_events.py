"""Events nested in another act's clause, on the real pipeline: a speaker's verdict on another
party is the speaker's accusation or criticism, a gerund of what an appeal asks for is no act,
and a refusal's participle of preventing tells the refusal's effect.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2024-05-02"


# -- a speaker's verdict: "X said Y's ... breached the law" ---------------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Germany said China's trade practices breached WTO rules.", "DEU", "CHN"),
    ("Kenya's opposition said the government had violated the constitution.", "KEN", "KEN"),
    ("Iran said the American blockade flouted international law.", "IRN", "USA"),
])
def test_a_breach_said_of_another_party_is_the_speaker_s_accusation(
        coder: Coder, text: str, source: str, target: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert (source, target, "112", "asserted") in coded
    assert not [c for c in coded if c[2] == "128"]  # no defiance by the accused


def test_a_denied_breach_is_no_accusation(coder: Coder) -> None:
    coded = country_codes(coder, "Germany said China had not breached WTO rules.", DATE)
    assert not [c for c in coded if c[2][:3] == "112"]


def test_a_breach_reported_without_a_speaker_stays_defiance(coder: Coder) -> None:
    coded = country_codes(coder, "China's trade practices breached WTO rules.", DATE)
    assert [c for c in coded if c[0] == "CHN" and c[2] == "128"]


def test_a_violated_ceasefire_stays_the_doer_s_act(coder: Coder) -> None:
    # CAMEO has a code for the act itself: Russia's, with Ukraine as the one who tells it
    coded = country_codes(coder, "Ukraine said Russia had violated the ceasefire.", DATE)
    assert [c for c in coded if c[0] == "RUS" and c[2] == "196"]
    assert not [c for c in coded if c[0] == "UKR"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Egypt said Israel's plan threatened regional security.", "EGY", "ISR"),
    ("Serbia said Croatia's statements threatened stability in the Balkans.", "SRB", "HRV"),
])
def test_a_thing_said_to_endanger_something_is_criticism(
        coder: Coder, text: str, source: str, target: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert (source, target, "111", "asserted") in coded
    assert not [c for c in coded if c[2][:2] == "13"]


@pytest.mark.parametrize("text", [
    "Israel said Iran threatened to close the Strait of Hormuz.",
    "Kyiv said Russia threatened Ukraine with new strikes.",
])
def test_a_threat_made_to_someone_stays_a_threat(coder: Coder, text: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert [c for c in coded if c[2][:2] == "13"]


# -- what an appeal asks for, as a gerund ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Britain pressed Israel on allowing more aid into Gaza.",
    "The envoy met rebel leaders to press them on releasing the hostages.",
])
def test_a_gerund_an_appeal_asks_for_is_no_act(coder: Coder, text: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert not [c for c in coded if c[2][:2] == "08"]


def test_a_gerund_a_demand_insists_on_is_no_act(coder: Coder) -> None:
    coded = country_codes(coder, "Turkey insisted on expelling the Syrian militants.", DATE)
    assert [c for c in coded if c[2][:2] == "10"]
    assert not [c for c in coded if c[2][:2] == "17"]


def test_a_gerund_of_means_after_a_verb_that_asks_nothing_stays(coder: Coder) -> None:
    coded = country_codes(coder, "Egypt eased the siege by allowing aid trucks into Gaza.", DATE)
    assert [c for c in coded if c[2][:2] == "08"]


# -- a refusal and what it prevents --------------------------------------------------------------


def test_a_veto_and_the_funding_it_blocks_are_one_act(coder: Coder) -> None:
    coded = country_codes(coder, "Slovakia vetoed the aid package for Moldova, blocking 2 billion euros of loans.",
                          DATE)
    assert [c for c in coded if c[0] == "SVK" and c[2] == "129"]
    assert not [c for c in coded if c[2][:2] == "16"]


def test_a_refusal_and_another_act_stay_two(coder: Coder) -> None:
    coded = country_codes(coder, "Russia rejected the peace plan, halting talks with Kyiv.", DATE)
    assert {c[2][:2] for c in coded} >= {"12", "16"}


# -- 'any' before an event noun: whatever act might happen -------------------------------------


def test_any_attack_in_a_warning_is_hypothetical(coder: Coder) -> None:
    coded = country_codes(coder, "Jordan warned that any Israeli assault on Jenin would be a catastrophe.", DATE)
    assert not [c for c in coded if c[2][:2] in ("18", "19") and c[3] == "asserted"]


def test_an_attack_that_took_place_stays_asserted(coder: Coder) -> None:
    coded = country_codes(coder, "The Israeli assault on Jenin killed 12 people.", DATE)
    assert [c for c in coded if c[2][:2] in ("18", "19") and c[3] == "asserted"]


def test_a_threat_of_sanctions_said_of_another_stays_its_threat(coder: Coder) -> None:
    # sanctions are what is threatened, not a thing endangered: the threat is the doer's own
    coded = country_codes(coder, "Iran said the United States threatened sanctions.", DATE)
    assert [c for c in coded if c[0] == "USA" and c[2][:2] == "13"]
    assert not [c for c in coded if c[2] == "111"]


@pytest.mark.parametrize("text", [
    "Reuters reported that Israel violated international law.",
])
def test_a_breach_the_press_reports_is_no_accusation(coder: Coder, text: str) -> None:
    # a news agency reporting a breach accuses no one: the breach stays the doer's defiance
    coded = country_codes(coder, text, DATE)
    assert not [c for c in coded if c[2] == "112"]
    assert [c for c in coded if c[0] == "ISR" and c[2] == "128"]
