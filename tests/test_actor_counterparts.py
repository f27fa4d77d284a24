"""A counterpart holds the same office as the one it is the counterpart of, in its own country:
"the Egyptian interior minister met his Sudanese counterpart" names Sudan's government, "the
Brazilian army trained with its Paraguayan counterpart" Paraguay's army. The country comes from
the counterpart's own words, the sector from the actor named before it. Sentences written for
this test."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DAY = date(2018, 5, 2)

CASES = [
    ("Egypt's interior minister met his Sudanese counterpart in Cairo on Sunday.", "counterpart", "SDN", "GOV"),
    ("Dutch prosecutors shared the suspects' phone records with their Belgian counterparts.",
     "counterparts", "BEL", "JUD"),
    ("The Brazilian army held border drills with its Paraguayan counterpart last week.", "counterpart", "PRY", "MIL"),
    ("Chilean police trained alongside their Bolivian counterparts in La Paz.", "counterparts", "BOL", "COP"),
    # the country word itself, as the event stage asks for it
    ("Egypt's interior minister met his Sudanese counterpart in Cairo on Sunday.", "Sudanese", "SDN", "GOV"),
]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), CASES)
def test_a_counterpart_takes_the_office_of_the_actor_before_it(
    coder: Coder, text: str, mention: str, country: str, sector: str
) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


def test_an_event_with_a_counterpart_codes_both_offices(coder: Coder) -> None:
    events = coder.code("Kenya's foreign minister met his Tanzanian counterpart in Arusha on Friday.", date=DAY)
    assert ("KENGOV", "TZAGOV") in {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "")
                                    for e in events}


def test_a_counterpart_of_no_sector_stays_the_bare_country(coder: Coder) -> None:
    # "Kenya" names the state with no sector: its counterpart is the other state
    events = coder.code("Kenya signed a border deal with its Ugandan counterpart on Friday.", date=DAY)
    assert all(e.target is None or e.target.sector is None for e in events)
