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
