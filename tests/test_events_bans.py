"""A state barring its own people from a place curbs their rights (CAMEO 172); refusing access
to international actors (observers, investigators, aid agencies) is CAMEO 1245, whose targets
they are. Every sentence was written for these tests; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran banned women from entering football stadiums for the new season.", ("IRN", "IRN", "172")),
    ("Chinese authorities barred Tibetans from entering monasteries in Lhasa.", ("CHN", "CHN", "172")),
    ("Israel barred UN investigators from entering Gaza.", ("ISR", "IGOUNO", "1245")),
])
def test_who_is_barred_decides_the_code(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    codes = country_codes(coder, text, "2022-01-20")
    assert expected in [(s, t, c) for s, t, c, _ in codes], codes
