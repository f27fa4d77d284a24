"""Orders to leave and a few phrasal verbs, on the real pipeline. Every sentence was written for
these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo.code, e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
            for e in coder.code(text, date="2023-03-03")]


@pytest.mark.parametrize(("text", "code"), [
    ("Russia ordered a BBC correspondent to leave the country.", "174"),  # individuals expelled
    ("Ethiopia ordered seven UN officials to leave the country.", "1663"),  # an aid agency's staff
    ("Mali's military government ordered French troops to leave the country.", "1056"),  # forces
    ("Israel ordered residents to leave the city.", "1056"),  # an evacuation, no one sent abroad
    ("Burkina Faso ordered Russian Wagner mercenaries to leave the country.", "1056"),  # armed men
    ("The government ordered French uranium miner Orano to leave the country.", "1056"),  # a firm
])
def test_who_is_ordered_out_decides_the_code(coder: Coder, text: str, code: str) -> None:
    assert [c for c, _, _ in _codes(coder, text)][:1] == [code]


def test_an_order_to_ones_own_forces_to_leave_is_a_withdrawal(coder: Coder) -> None:
    assert [c for c, _, _ in _codes(coder, "Russia ordered its troops to leave Syria.")] == ["0874"]


def test_an_appeal_to_ones_own_army_to_leave_stays_an_appeal(coder: Coder) -> None:
    codes = _codes(coder, "Bosnian civilians asked Bosnian troops to leave the village.")
    assert [c for c, _, _ in codes] == ["0256"]


def test_a_phrasal_verb_is_not_its_bare_verb(coder: Coder) -> None:
    codes = _codes(coder, "Pakistani police began rounding up Afghan refugees on Wednesday.")
    assert [c[:2] for c, _, _ in codes] == ["17"]  # an arrest, no round of talks (04)


def test_a_weighed_phrasal_act_stays_weighed(coder: Coder) -> None:
    """The bare verb of a phrasal complement still counts for a pattern that lists it."""
    codes = _codes(coder, "The European Union is considering cutting off aid to Niger.")
    assert [c for c, _, _ in codes] == ["014"]


def test_staying_out_of_a_war_is_no_walkout(coder: Coder) -> None:
    assert _codes(coder, "Pakistan's parliament voted to stay out of the war in Yemen.") == []
    assert [c for c, _, _ in _codes(coder, "The opposition stayed away from the talks.")] == ["143"]


def test_calling_something_an_assault_halts_no_attack(coder: Coder) -> None:
    text = "Russia expelled a BBC reporter, a move the broadcaster called a direct assault on media freedom."
    assert [c for c, _, _ in _codes(coder, text)] == ["174"]
    assert [c for c, _, _ in _codes(coder, "The rebels called off their offensive.")] == ["087"]
