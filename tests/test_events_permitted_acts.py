"""A permission is the event, not the act it permits; on the real pipeline.

"Egypt allowed the envoy to visit Gaza" reports that Egypt let the envoy in (CAMEO 086, allow
international involvement); whether the visit took place is not said, so it is no visit (042)
of its own. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import Coded, country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


def _codes(coder: Coder, text: str) -> list[Coded]:
    return country_codes(coder, text, DATE)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kenya allowed the UN envoy to visit the refugee camps in Dadaab.",
    "Serbia permitted a team of EU monitors to visit the northern towns.",
    "Ethiopia authorised AU monitors to travel to Mekelle.",
    "Kenya's government allowed the UN envoy to meet opposition leaders in Nairobi.",
])
def test_the_permitted_act_is_no_event(coder: Coder, text: str) -> None:
    codes = [c for _, _, c, _ in _codes(coder, text)]
    assert codes, text  # the permission itself is coded
    assert all(c[:2] == "08" for c in codes), (text, codes)


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("The UN envoy visited the refugee camps in Dadaab on Monday.", "042"),
    ("The UN envoy was expected to visit Dadaab after Kenya reopened the road.", "042"),
])
def test_a_visit_not_permitted_stays(coder: Coder, text: str, code: str) -> None:
    assert code in [c for _, _, c, _ in _codes(coder, text)], text
