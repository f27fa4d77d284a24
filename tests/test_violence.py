"""Violent acts coded by who does them, to whom and with what (``events/violence.py``).

The sentences are our own, wire style; each rule is checked against a sentence where it must
not fire, so the code does not come from the verb alone.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> list[str]:
    return [e.cameo.code for e in coder.code(text, date="2023-03-14")]


@pytest.mark.parametrize(("text", "code"), [
    ("A roadside bomb hit a police convoy outside Kirkuk, killing four officers.", "1833"),
    ("A truck bomb ripped through a busy bus station in Mogadishu on Saturday.", "1832"),
    ("Artillery shells struck a hospital in Donetsk overnight, local officials said.", "194"),
    ("Israeli jets struck a weapons depot near Damascus airport early on Sunday.", "195"),
    ("Shells filled with chlorine hit a residential district of Aleppo, medics said.", "2041"),
])
def test_a_weapon_subject_names_the_kind_of_attack(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text)


def test_without_a_weapon_subject_an_attack_stays_conventional(coder: Coder) -> None:
    codes = _codes(coder, "Ethiopian troops struck rebel positions in Tigray on Friday.")
    assert codes and codes[0][:2] == "19"


def test_killing_hundreds_of_civilians_is_mass_killing(coder: Coder) -> None:
    assert "202" in _codes(coder, "Militiamen killed more than 300 villagers in eastern Congo last week, the UN said.")
    assert "202" in _codes(coder, "Soldiers massacred hundreds of unarmed civilians in the town, witnesses said.")


@pytest.mark.parametrize("text", [
    "Militiamen killed 12 villagers in eastern Congo last week, the UN said.",  # few
    "Government troops killed 300 rebels in eastern Congo last week, the army said.",  # combatants
])
def test_few_victims_or_combatants_are_not_mass_killing(coder: Coder, text: str) -> None:
    codes = _codes(coder, text)
    assert codes and "202" not in codes


def test_killing_a_prominent_person_is_an_assassination(coder: Coder) -> None:
    assert "186" in _codes(coder, "Gunmen shot dead a provincial governor in Helmand on Monday.")
    assert "186" in _codes(coder, "Unidentified attackers killed an opposition lawmaker outside his home in Lagos.")
    # shooting him without killing him is not an assassination
    assert "186" not in _codes(coder, "Gunmen shot at a provincial governor's convoy in Helmand on Monday.")


def test_security_forces_using_force_on_protesters_is_repression(coder: Coder) -> None:
    assert "175" in _codes(coder, "Kenyan police opened fire on demonstrators in Nairobi on Tuesday.")
    assert "175" in _codes(coder, "Soldiers beat workers protesting over unpaid wages in Harare, a union said.")
    # the same act against an armed group is fighting
    codes = _codes(coder, "Kenyan police opened fire on Al Shabaab militants near the border on Tuesday.")
    assert codes and "175" not in codes


def test_a_lone_gunman_turning_on_civilians_is_unconventional_violence(coder: Coder) -> None:
    assert "180" in _codes(coder, "A gunman killed nine shoppers at a mall in Munich on Friday.")
    codes = _codes(coder, "Soldiers killed nine insurgents near Kandahar on Friday.")
    assert codes and "180" not in codes


def test_private_people_neither_blockade_nor_advance(coder: Coder) -> None:
    assert _codes(coder, "Commuters pushed into the station as the doors opened on Monday.") == []
    assert _codes(coder, "Engineers sealed off the road while the bridge was inspected.") == []
    # the same acts by armed forces are a push into territory and a blockade
    assert "192" in _codes(coder, "Rebel fighters pushed into the provincial capital on Monday.")
    assert "191" in _codes(coder, "Troops sealed off the town after the ambush, residents said.")
