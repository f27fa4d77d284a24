"""Military bodies named by name: an army, a fleet or a forces' press wing is the military
(PLOVER's MIL: troops and all state-military personnel), even when other words of the name
name something else ("Korean People's Army" is no people, "Black Sea Fleet" no sea).
Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

# (sentence, mention, country + sector)
CASES = [
    ("North Korea's Korean People's Army warned the United States against new drills.",
     "North Korea's Korean People's Army", "PRKMIL"),
    ("Russia's Black Sea Fleet fired cruise missiles at Odesa.", "Russia's Black Sea Fleet", "RUSMIL"),
    ("Pakistan's Inter-Services Public Relations said five soldiers were killed.",
     "Pakistan's Inter-Services Public Relations", "PAKMIL"),
    ("The ISPR said militants attacked a checkpoint in North Waziristan.", "The ISPR", "PAKMIL"),
    # a union named by name keeps its members' sector
    ("The Kenya Union of Teachers called a strike.", "The Kenya Union of Teachers", "KENEDU"),
]


@pytest.mark.parametrize(("text", "mention", "code"), CASES)
def test_military_body_named(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date(2023, 5, 1))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason
