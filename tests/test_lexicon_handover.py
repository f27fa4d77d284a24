"""Handing a wanted person over to another state is judicial cooperation (CAMEO 063), whatever
the person is called; handing over a captive soldier or a prisoner is not this row's. Sentences
written for this test, none from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Spain handed over a suspected Russian spy to Poland under a European arrest warrant.",
    "Thailand handed over two Russian hackers to the United States on Friday.",
    "Colombia turned over a drug lord to US authorities.",
])
def test_a_wanted_person_handed_over_is_judicial_cooperation(coder: Coder, text: str) -> None:
    assert "063" in {e.cameo.code for e in coder.code(text, date="2023-05-02")}
