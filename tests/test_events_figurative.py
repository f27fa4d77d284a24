"""A war on a thing is no fight: the words of armed conflict set against an abstraction report a
policy ("declared war on poverty", "a battle against inflation"); set against a party, a name
or a place they stay a fight. Every sentence was written for these tests; none comes from an
evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2024-02-20"


@pytest.mark.parametrize("text", [
    "The prime minister declared war on poverty in his first speech to parliament.",
    "The central bank is waging a battle against inflation, its governor said.",
    "The mayor of Lagos declared war on prejudice at a rally on Sunday.",
    "Kenya waged a campaign against illegal logging in the Mau forest.",
])
def test_a_fight_against_an_abstraction_is_no_use_of_force(coder: Coder, text: str) -> None:
    roots = [e.cameo.root for e in coder.code(text, date=DATE)]
    assert "19" not in roots, roots


@pytest.mark.parametrize(("text", "target"), [
    ("Mexico's government waged war on drug cartels.", "MEXCRM"),
    ("The United States declared war on Japan.", "JPN"),
    ("Israel declared war on Hamas after the attack.", None),
    ("The army launched an offensive against rebel positions in the north.", None),
])
def test_a_fight_against_a_party_or_a_place_stays_one(coder: Coder, text: str, target: str | None) -> None:
    found = [e for e in coder.code(text, date="1941-12-11" if "Japan" in text else DATE) if e.cameo.root == "19"]
    assert found, text
    assert target is None or any(e.target is not None and e.target.cameo_code == target for e in found)
