"""Accords ended, from the CAMEO codebook's definition of 16 (reduce relations): a state that
revokes, cancels or terminates an agreement with another reduces its relations with it (160).
Sentences of our own (none from an evaluation set).
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2024-05-10"


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Niger revoked a military cooperation agreement with the United States.", "NER", "USA"),
    ("Mali terminated its defence accords with France.", "MLI", "FRA"),
    ("Burkina Faso cancelled its tax treaty with France on Thursday.", "BFA", "FRA"),
])
def test_an_accord_ended_reduces_relations(coder: Coder, text: str, source: str, target: str) -> None:
    got = {(e.source.country if e.source else None, e.target.country if e.target else None, e.cameo.code)
           for e in coder.code(text, date=DATE)}
    assert (source, target, "160") in got, got


def test_an_accord_signed_is_no_reduction(coder: Coder) -> None:
    codes = {e.cameo.code for e in coder.code("Niger signed a military cooperation agreement with Russia.", date=DATE)}
    assert codes and not any(c.startswith("16") for c in codes), codes
