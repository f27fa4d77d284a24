"""Three rules of English for whose people a mention names. A state's bases and positions are
its armed forces' ("U.S. bases", "Ukrainian positions"); people displaced from their homes are
PLOVER's REF ("families displaced by the fighting"); refugees are of the country they come from
("refugees from Eritrea"), not the one they are in. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DAY = date(2019, 4, 9)


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("Houthi drones struck Saudi bases near the border on Monday.", "bases", "SAU"),
    ("Armenian artillery shelled Azerbaijani positions overnight.", "positions", "AZE"),
    ("Rockets hit a Turkish outpost in northern Syria on Sunday.", "outpost", "TUR"),
])
def test_a_state_s_military_posts_are_its_military(coder: Coder, text: str, mention: str, country: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, "MIL"), actor.reason


def test_a_state_s_position_in_the_singular_is_a_stance(coder: Coder) -> None:
    actor = resolve_mention(coder, "Diplomats said the Turkish position on the talks had hardened.", "position", DAY)
    assert actor is None or actor.sector != "MIL", actor.reason


@pytest.mark.parametrize(("text", "mention"), [
    ("The Mozambican Red Cross fed villagers displaced by the cyclone in Beira.", "villagers"),
    ("Aid groups reached Sudanese families displaced by the fighting in Darfur.", "families"),
])
def test_displaced_people_are_ref(coder: Coder, text: str, mention: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert actor.sector == "REF", actor.reason


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("Ethiopia sheltered thousands of refugees from Eritrea in camps near the border.", "refugees", "ERI"),
    ("Chad took in more Darfuri refugees from Sudan last month.", "refugees", "SDN"),
])
def test_refugees_are_of_the_country_they_come_from(coder: Coder, text: str, mention: str, country: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, "REF"), actor.reason
