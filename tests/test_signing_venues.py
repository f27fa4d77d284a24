"""Signing: where a text is signed is no party to it ("signed a ceasefire IN JEDDAH" covers no
Saudis), as where a meeting is held is none; and two sides that sign one text both sign it, each
with the other. Sentences of our own (none from an evaluation set).
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-20"


def _triples(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "", e.cameo.code)
            for e in coder.code(text, date=DATE)}


def test_the_place_of_signing_is_no_target(coder: Coder) -> None:
    got = _triples(coder, "Sudan's army and the Rapid Support Forces signed a ceasefire in Jeddah.")
    assert got == {("SDNMIL", "SDNREB", "0871"), ("SDNREB", "SDNMIL", "0871")}, got


def test_the_place_a_ceasefire_covers_stays_its_target(coder: Coder) -> None:
    got = _triples(coder, "Israel and Hamas declared a ceasefire in Gaza.")
    assert ("ISR", "PSE", "0871") in got, got
