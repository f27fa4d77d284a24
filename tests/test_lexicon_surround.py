"""A crowd that surrounds, rings or mobs a building (an embassy, a parliament, a ministry)
obstructs it: CAMEO's 144, aimed at whoever the building stands for; forces doing the same
blockade it (191). On the real pipeline; every sentence was written for these tests; none
comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2019-08-03"


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "target"), [
    ("Hundreds of South Korean protesters surrounded the Japanese embassy in Seoul on Saturday.", "144", "JPN"),
    ("Angry farmers ringed the parliament building in Lisbon with tractors.", "144", "PRT"),
    ("Troops surrounded the presidential palace in Niamey.", "191", "NER"),
])
def test_surrounding_a_building(coder: Coder, text: str, code: str, target: str) -> None:
    found = country_codes(coder, text, DATE)
    assert (code, target) in [(c, t) for _, t, c, _ in found], (text, found)


@pytest.mark.model
def test_what_surrounds_a_matter_is_no_event(coder: Coder) -> None:
    found = country_codes(coder, "Questions surrounded the ministry's handling of the crisis.", DATE)
    assert not found, found
