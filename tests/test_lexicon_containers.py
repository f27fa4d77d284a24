"""An event inside a container noun: 'carried out a wave of arrests', 'launched a string of
bombings'. The light verb and the container ('wave', 'spate', 'string', 'series') do not hide
the 'of' noun, which names the act; on the real pipeline. Every sentence was written for these
tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2021-11-10"


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("Ethiopian police carried out a wave of arrests of ethnic Tigrayans in Addis Ababa.", "173"),
    ("Belarusian police conducted a series of arrests of opposition activists in Minsk.", "173"),
    ("Insurgents launched a string of bombings against police stations in Peshawar.", "183"),
    ("Militants carried out a spate of bombings on markets in northeast Nigeria.", "183"),
])
def test_the_act_inside_a_container_is_coded(coder: Coder, text: str, code: str) -> None:
    found = country_codes(coder, text, DATE)
    assert code in [c for _, _, c, _ in found], (text, found)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the parser takes 'a nationwide day' for a predicate noun (and a date): still the object
    "Tunisian unions called a nationwide day of protests against President Kais Saied's government.",
    "Iraqi opposition parties called a nationwide day of protests against the election result.",
    # a day of rage or of action is a protest by name
    "Egyptian activists held a day of rage in Cairo against President Hosni Mubarak.",
    "British unions called a day of action against the public sector pay freeze.",
])
def test_a_day_of_protest_is_a_protest(coder: Coder, text: str) -> None:
    found = country_codes(coder, text, DATE)
    assert "141" in [c for _, _, c, _ in found], (text, found)
