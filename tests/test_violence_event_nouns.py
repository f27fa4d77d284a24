"""A violent event noun as the subject of a verb telling what it did ("the shelling killed ten",
"fighting between X and Y left 12 dead", "Russia's strikes on power plants left millions
without electricity"): the sentence reports that attack, done by the noun's parties to whom the
verb names (``events/build.py``, ``arguments.py``, ``targets.py``).

The sentences are our own, wire style. CAMEO codes the act by its doer and means, so the
outcome verb ("left", "damaged", "destroyed") never turns it into a withdrawal or a seizure of
property; a fight between two sides is coded both ways, and its victims are that fight's toll,
not a second attack by an unknown doer.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, date="2024-03-12")


def _pairs(events: list[Event]) -> set[tuple[str, str]]:
    """(source, target) CAMEO actor codes of the violent events (roots 18-20)."""
    return {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "")
            for e in events if e.cameo.root in ("18", "19", "20")}


@pytest.mark.parametrize(("text", "source", "target", "code"), [
    ("Ukrainian drone strikes damaged an oil refinery in southern Russia.", "UKR", "RUS", "195"),
    ("Saudi-led air strikes destroyed a bridge in northern Yemen.", "SAU", "YEM", "195"),
    ("Houthi missile strikes damaged a Saudi oil facility.", "YEM", "SAU", "194"),
    ("Israeli shelling destroyed three houses in southern Lebanon.", "ISR", "LBN", "194"),
    ("Turkish air strikes destroyed a Kurdish militia depot in northern Iraq.", "TUR", "IRQ", "195"),
    ("Israeli tank fire destroyed a house in southern Lebanon.", "ISR", "LBN", "194"),
])
def test_an_attack_that_damaged_or_destroyed_something_is_the_attack(
    coder: Coder, text: str, source: str, target: str, code: str
) -> None:
    events = _events(coder, text)
    assert [e.cameo.root for e in events] == ["19"], [e.cameo.code for e in events]
    event = events[0]
    assert event.cameo.code == code
    assert event.source is not None and event.source.country == source
    assert event.target is not None and event.target.country == target


@pytest.mark.parametrize("text", [
    "Russia's strikes on power plants left millions without electricity.",
    "Russian air strikes on Odesa left 200,000 homes without power on Thursday.",
])
def test_strikes_that_left_people_without_power_are_no_withdrawal(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert events and all(e.cameo.root == "19" for e in events), [e.cameo.code for e in events]
    assert all(e.source is not None and e.source.country == "RUS" for e in events)


@pytest.mark.parametrize(("text", "sides"), [
    ("Fighting between the army and rebels killed 12 people.", {"MIL", "REB"}),
    ("Fighting between Malian soldiers and jihadist fighters killed nine civilians near Mopti.",
     {"MLIMIL", "MLIREB"}),
    ("Renewed clashes between Kenyan police and opposition supporters left two dead in Kisumu.",
     {"KENCOP", "KENOPP"}),
    ("India-Pakistan clashes along the Line of Control killed three soldiers.", {"IND", "PAK"}),
    ("Armenia-Azerbaijan clashes left 50 soldiers dead on Tuesday.", {"ARM", "AZE"}),
    ("Chinese-Indian clashes in the Himalayas left 20 Indian soldiers dead.", {"CHN", "IND"}),
])
def test_a_fight_between_two_sides_is_coded_both_ways(coder: Coder, text: str, sides: set[str]) -> None:
    pairs = _pairs(_events(coder, text))
    a, b = sorted(sides)
    assert (a, b) in pairs and (b, a) in pairs, pairs


@pytest.mark.parametrize("text", [
    "Fighting between the army and rebels killed 12 people.",
    "India-Pakistan clashes along the Line of Control killed three soldiers.",
    "Serbian police clashes with Kosovo Albanians left 30 people injured.",
    "Armenia-Azerbaijan clashes left 50 soldiers dead on Tuesday.",
])
def test_victims_of_a_fight_between_two_sides_are_its_toll_not_another_attack(coder: Coder, text: str) -> None:
    events = [e for e in _events(coder, text) if e.cameo.root in ("18", "19", "20")]
    assert events, [e.cameo.code for e in _events(coder, text)]
    assert not any(e.source is not None and e.source.unknown for e in events), _pairs(events)


def test_the_people_of_the_place_an_attack_struck_are_its_victims(coder: Coder) -> None:
    events = _events(coder, "Russia's missile attack on Kyiv killed five civilians.")
    assert [(e.source.country if e.source else None, e.target.cameo_code if e.target else None)
            for e in events] == [("RUS", "UKRCVL")]
    # a nationality the text gives is kept
    events = _events(coder, "Russia's missile attack on Kyiv killed five Belarusian volunteers.")
    assert all(e.target is None or e.target.country != "UKR" for e in events)


@pytest.mark.parametrize("text", [
    "The government's budget cuts left thousands of teachers jobless.",
    "The decision left millions without power.",
    "A general strike left commuters stranded across France.",
    "A fire destroyed 40 homes in a Nairobi slum on Sunday.",
])
def test_a_walkout_a_blaze_or_a_measure_is_neither_attack_nor_withdrawal(coder: Coder, text: str) -> None:
    codes = [e.cameo.code for e in _events(coder, text)]
    assert not any(c[:2] in ("08", "18", "19", "20") for c in codes), codes


def test_a_force_that_left_a_place_still_withdrew(coder: Coder) -> None:
    codes = [e.cameo.code for e in _events(coder, "Russian troops left Kherson on Friday.")]
    assert codes and codes[0][:2] == "08"
