"""A time given to answer, meet or accept the giver's own demand is an ultimatum (139); a time
given to answer an offer or a third party's request, or to prepare a case, is none."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> set[str]:
    return {e.cameo.code for e in coder.code(text, date="2019-07-20")}


@pytest.mark.parametrize("text", [
    "Iran gave Britain 48 hours to respond to its demand.",
    "Belgrade gave Pristina until Friday to reply to its demands over the licence plates.",
    "The union gave the health ministry 72 hours to meet its demands.",
])
def test_a_deadline_to_answer_a_demand_is_an_ultimatum(coder: Coder, text: str) -> None:
    assert "139" in _codes(coder, text)


@pytest.mark.parametrize("text", [
    "The airline gave passengers 48 hours to respond to its refund offer.",
    "The judge gave the defence two weeks to respond to the prosecution's request.",
])
def test_a_deadline_to_answer_an_offer_or_another_s_request_is_none(coder: Coder, text: str) -> None:
    assert "139" not in _codes(coder, text)
