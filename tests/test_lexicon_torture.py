"""Torture named as a noun is CAMEO's 1822 when it is the torture of people; on the real pipeline.

"The torture of prisoners by guards" reports the act; "allegations of torture", "a convention
against torture" or testimony about it name torture as a topic. Every sentence was written for
these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The torture of prisoners by Sudanese guards was routine, the UN panel said.",
    "Witnesses described the torture of activists by Nicaraguan police.",
    "The torture of migrants by Libyan militiamen has been widely reported.",
    "The torture of activists by Nicaraguan police continued in 2019, their families said.",
])
def test_the_torture_of_people_is_torture(coder: Coder, text: str) -> None:
    found = country_codes(coder, text, DATE)
    assert "1822" in [c for _, _, c, _ in found], (text, found)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Sudan rejected allegations of torture in its prisons.",
    "Nicaragua ratified the convention against torture in 2005.",
    "The film about torture in medieval Spain won the jury prize.",
])
def test_torture_as_a_topic_is_not(coder: Coder, text: str) -> None:
    found = country_codes(coder, text, DATE)
    assert "1822" not in [c for _, _, c, _ in found], (text, found)
