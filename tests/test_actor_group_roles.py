"""Collective nouns of people who act together in unrest, in prisons, in a trade or a tribe
are actors of the sector their role gives, in the country of the place they are put in, not
unknown doers. On the real pipeline; every sentence was written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2021-07-12"


def _sources(coder: Coder, text: str) -> set[str]:
    return {e.source.cameo_code for e in coder.code(text, date=DATE) if e.source is not None}


@pytest.mark.parametrize(("text", "code"), [
    ("Armed tribesmen in Yemen's Marib province kidnapped two foreign engineers on Sunday.", "YEMSOC"),
    ("Striking truckers in Chile blocked highways near Santiago to protest against rising fuel prices.", "CHLLAB"),
    ("Inmates at a prison in Ecuador took six guards hostage on Monday.", "ECUCVL"),
    ("A mob in northern Nigeria attacked a police station and freed several suspects.", "NGACVL"),
    ("Taxi drivers in Kenya blocked roads in Nairobi over a new fuel levy.", "KENLAB"),
])
def test_a_collective_of_people_is_an_actor_of_its_place(coder: Coder, text: str, code: str) -> None:
    found = _sources(coder, text)
    assert code in found and "---" not in found, found


def test_a_drivers_word_that_names_no_people_is_no_actor(coder: Coder) -> None:
    # 'drivers' alone is no trade ("the drivers of inflation"), and stays out of the role list
    found = _sources(coder, "Rising food prices were the main drivers of unrest in Kenya, analysts said.")
    assert not any(code.endswith("LAB") for code in found), found
