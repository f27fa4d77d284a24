"""Using force, and threatening to: CAMEO 190 and 138. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(places=False, prefilter=False))


@pytest.mark.parametrize(("text", "code", "target"), [
    ("Beijing threatened to use force against Taipei if it declared independence.", "138", "TWN"),
    ("Serbia warned it would use military force against Kosovo.", "138", "XKX"),
    ("Turkey used military force against Kurdish fighters in northern Iraq.", "190", None),
])
def test_force_used_or_threatened(coder: Coder, text: str, code: str, target: str | None) -> None:
    found = coder.code(text, date="2023-04-02")
    assert any(e.cameo.code == code and (target is None or (e.target and e.target.country == target))
               for e in found), [(e.cameo.code, e.target) for e in found]  # fmt: skip


@pytest.mark.parametrize("text", [
    "The retailer used its market force to cut supplier prices.",
    "The coach used the force of his personality to rally the squad.",
])
def test_force_with_no_one_acted_on_is_no_attack(coder: Coder, text: str) -> None:
    assert not [e for e in coder.code(text, date="2023-04-02") if e.cameo.root == "19"]
