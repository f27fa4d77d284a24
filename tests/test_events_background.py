"""A fight a sentence names only in passing is no event; on the real pipeline.

A violent act told in a relative clause about a party of another act ("accused Sudan of arming
rebels who attacked a town"), or in a clause that dates or conditions a non-violent act ("called
for calm after gunmen killed five officers"), is background (events/background.py). A fight that
is the sentence's own act, one reported beside it, or a clause under another violent act stays.
Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"
VIOLENT = ("18", "19", "20")


def _violent(coder: Coder, text: str) -> list[str]:
    return [c for _, _, c, _ in country_codes(coder, text, DATE) if c[:2] in VIOLENT]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chad accused Sudan of arming rebels who attacked a border town in the east.",
    "Kenya's president called for calm after gunmen killed five police officers in Lamu county.",
    "The Thai prime minister met Malaysian officials in Kuala Lumpur on Tuesday, a week after insurgents bombed a market in Yala.",
])
def test_a_fight_told_in_passing_is_no_event(coder: Coder, text: str) -> None:
    assert _violent(coder, text) == [], text


@pytest.mark.model
def test_a_relative_clause_under_a_fight_is_background_too(coder: Coder) -> None:
    # the militants' ambush says which militants the army killed: one act, the killing
    text = "Ghana's army killed 12 militants who ambushed a convoy near the northern border."
    assert len(_violent(coder, text)) == 1


@pytest.mark.model
@pytest.mark.parametrize(("text", "n"), [
    ("Israeli jets struck Gaza and killed 20 people, medics said.", 2),
    ("Pakistani troops shelled militant hideouts after the militants attacked a checkpoint in North Waziristan.", 2),
    ("Two protesters were killed when police opened fire in Khartoum.", 1),
])
def test_the_sentence_s_own_fights_stay(coder: Coder, text: str, n: int) -> None:
    assert len(_violent(coder, text)) == n, text
