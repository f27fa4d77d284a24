"""A role coordinated after a role that has a nationality, with none of its own, shares it:
"Colombian soldiers and police" are Colombia's police wherever they act, "Syrian rebels and
government forces" Syria's forces. A word of its own that puts its people elsewhere ("local
police") keeps them out of it. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DAY = date(2014, 8, 19)


@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("Peruvian soldiers and police raided a cocaine lab across the border in Bolivia.", "police", "PER", "COP"),
    ("Libyan militias and government troops fought for control of the airport.", "troops", "LBY", "MIL"),
    ("Nepalese Maoist leaders and government negotiators met in New Delhi on Tuesday.", "negotiators", "NPL", "GOV"),
])
def test_a_coordinated_role_shares_its_partner_s_nationality(
    coder: Coder, text: str, mention: str, country: str, sector: str
) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


def test_local_people_are_not_their_partner_s(coder: Coder) -> None:
    actor = resolve_mention(coder, "Chadian troops and local police patrolled the streets of Bangui on Monday.", "police", DAY)
    # (with no country of its own it may still take the story's, as any bare role does)
    assert actor is None or "shares the nationality" not in actor.reason, actor.reason
