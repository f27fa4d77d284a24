"""Arms sent to a border are a show of force, arms sent to a country are aid; a host of foreign
troops cooperates with their country. On the real pipeline; every sentence was written for
these tests, none comes from an evaluation set. Each contrast is tested both ways, so a rule
that fired everywhere would fail as surely as one that never fires.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2022-05-10"


def _triples(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.country or e.source.cameo_code, e.target.country if e.target else None, e.cameo.code)
            for e in events if e.source is not None}


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Algeria sent tanks to its border with Morocco on Thursday.", "DZA", "MAR"),
    ("Sudan sent missiles to the frontier with South Sudan, officials said.", "SDN", "SSD"),
    ("Kenya sent armoured vehicles to the Somali border after the raid.", "KEN", "SOM"),
])
def test_weapons_sent_to_a_border_are_the_senders_own_forces_massed(
        coder: Coder, text: str, source: str, target: str) -> None:
    found = _triples(coder, text)
    assert (source, target, "154") in found
    assert not any(code == "072" for _, _, code in found)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("France sent tanks to Ukraine on Thursday.", "FRA", "UKR"),
    ("Russia sent missiles to Syria, officials said.", "RUS", "SYR"),
])
def test_weapons_sent_to_a_country_stay_military_aid(coder: Coder, text: str, source: str, target: str) -> None:
    assert (source, target, "072") in _triples(coder, text)


@pytest.mark.parametrize(("text", "host", "guest"), [
    ("Spain hosted American troops at a naval base.", "ESP", "USA"),
    ("Estonia hosts British soldiers near Tapa.", "EST", "GBR"),
    ("Niger hosted French troops in Niamey for a decade.", "NER", "FRA"),
])
def test_a_host_of_foreign_troops_cooperates_with_their_country(
        coder: Coder, text: str, host: str, guest: str) -> None:
    found = _triples(coder, text)
    assert (host, guest, "062") in found
    assert not any(target == host for _, target, _ in found)  # the place hosted in is no party


def test_troops_of_no_named_country_give_the_host_no_target(coder: Coder) -> None:
    found = _triples(coder, "Hungary hosted foreign troops on its soil.")
    assert found and all(target is None for _, target, _ in found)


@pytest.mark.parametrize(("text", "source", "target", "code"), [
    ("North Korea shipped attack drones to Russia, Seoul's spy agency said.", "PRK", "RUS", "072"),
    ("Britain will send kamikaze drones to Ukraine, the defence ministry said.", "GBR", "UKR", "0332"),
])
def test_attack_drones_sent_to_a_country_are_military_aid(
        coder: Coder, text: str, source: str, target: str, code: str) -> None:
    found = _triples(coder, text)
    assert (source, target, code) in found
    assert not any(c.startswith(("13", "19")) for _, _, c in found)  # no attack, no threat


def test_attack_drones_sent_into_a_country_are_an_attack(coder: Coder) -> None:
    found = _triples(coder, "Russia sent attack drones into Ukrainian cities overnight.")
    assert ("RUS", "UKR", "195") in found


@pytest.mark.parametrize(("text", "code"), [
    ("The militants used villagers as human shields, the army said.", "184"),
    ("Government forces used cluster bombs against civilians in the east.", "195"),
])
def test_what_is_used_names_the_act(coder: Coder, text: str, code: str) -> None:
    codes = {c for _, _, c in _triples(coder, text)}
    assert code in codes and not ({"184", "195"} - {code}) & codes, codes
