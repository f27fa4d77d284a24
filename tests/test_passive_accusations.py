"""Accusations in the passive, on the real pipeline with sentences written for this test: the
accused is the subject and the accuser the 'by' phrase, also when the parser hangs 'by' on the
gerund of what is alleged ("accused of harbouring rebels by Kenya"); what is alleged ("of
harbouring rebels") names the deed, never a second target.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _pairs(coder: Coder, text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None,
             e.cameo.root) for e in coder.code(text, date="2023-06-01")}


@pytest.mark.parametrize("text", [
    "Uganda was accused of harbouring rebels by Kenya.",
    "Uganda was accused by Kenya of harbouring rebels.",
    "Uganda was accused by Kenya on Tuesday of arming the rebels.",
])
def test_the_accuser_of_a_passive_accusation_accuses_the_subject_alone(coder: Coder, text: str) -> None:
    assert _pairs(coder, text) == {("KEN", "UGA", "11")}


def test_a_gerund_in_the_passive_keeps_its_own_agent(coder: Coder) -> None:
    # "of being bribed BY a businessman": the businessman bribed; he accused no one
    assert not any(source == "BUS" for source, _, _ in _pairs(
        coder, "The Kenyan minister was accused of being bribed by a businessman."))
