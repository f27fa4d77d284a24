"""Attitude adjectives ("critical of", "wary of") as acts and as descriptions, on the real
pipeline with sentences written for this test: a clause that reports the stance is an event; a
relative clause that says what someone is, or a stance held "long", is a description of the
actor and no dated event.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _roots(coder: Coder, text: str) -> list[str]:
    return [e.cameo.root for e in coder.code(text, date="2023-06-01")]


@pytest.mark.parametrize("text", [
    "Kenya was critical of Uganda's decision to close the border on Tuesday.",
    "Kenya said it was wary of Uganda's intentions along the lake.",
])
def test_a_reported_stance_is_an_event(coder: Coder, text: str) -> None:
    assert "11" in _roots(coder, text) or "01" in _roots(coder, text)


@pytest.mark.parametrize(("text", "roots"), [
    ("The opposition leader, who is critical of the government, was arrested on Monday.", ["17"]),
    ("Kenya, which has long been wary of its neighbour, expelled Uganda's ambassador.", ["16"]),
    ("Kenya has long been critical of Uganda's human rights record.", []),
])
def test_a_described_or_standing_stance_is_no_event(coder: Coder, text: str, roots: list[str]) -> None:
    assert _roots(coder, text) == roots
