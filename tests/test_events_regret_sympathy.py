"""Regret over a loss of life is sympathy, regret over a decision disapproval; on the real pipeline.

CAMEO codes condolences and sorrow as an empathetic comment (018). "Expressed regret over the
deaths of migrants" names no one to blame, so it is that, not a disapproval (110) of an act;
regret over another's decision stays a disapproval, and over one's own acts an apology (055).
Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


def _codes(coder: Coder, text: str) -> list[str]:
    return [c for _, _, c, _ in country_codes(coder, text, DATE)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Malta's government expressed regret over the deaths of Libyan migrants at sea.",
    "Peru's president voiced regret over the loss of life in the landslide.",
    "Norway regretted the deaths of two Norwegian aid workers in Sudan.",
    "Canada expressed deep regret over the casualties of the ferry disaster.",
])
def test_regret_over_deaths_is_sympathy(coder: Coder, text: str) -> None:
    assert _codes(coder, text)[:1] == ["018"], text


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("Malta's government expressed regret over Italy's decision to close its ports.", "110"),
    ("Peru expressed regret over Chile's refusal to extradite the suspect.", "110"),
    ("Norway expressed regret over the deaths of protesters killed by Sudanese troops.", "110"),
    ("Japan's government expressed regret over its own wartime actions.", "055"),
])
def test_regret_over_a_deed_is_not_sympathy(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text), text
