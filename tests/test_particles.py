"""A phrasal verb is its particle: "pulled out of the camp" is a withdrawal, "pulled down the
homes" a demolition. On the real pipeline; sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> set[str]:
    return {e.cameo.code for e in coder.code(text, date="2024-03-02")}


@pytest.mark.parametrize(("text", "code", "not_code"), [
    ("Israeli forces pulled out of the refugee camp on Friday.", "0874", "1712"),
    ("Ethiopian troops pulled out of the camps near the border overnight.", "0874", "1712"),
    ("Police pulled down dozens of shacks in the settlement.", "1712", "0874"),
    ("Soldiers tore down the protest camp in the square.", "1712", "0874"),
])
def test_the_particle_decides_between_leaving_and_demolishing(
        coder: Coder, text: str, code: str, not_code: str) -> None:
    codes = _codes(coder, text)
    assert code in codes and not_code not in codes, codes
