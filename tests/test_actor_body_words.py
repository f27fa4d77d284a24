"""People, units and posts named by the body they belong to ("army engineers", "government
representatives", "rebel positions", "the police headquarters") act, and are acted on, as that
body; "gunmen" a body names ("cartel gunmen") are no longer unidentified. Sentences written for
this test."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DAY = date(2016, 9, 20)

CASES = [
    ("Jordanian army engineers cleared mines near the Syrian border.", "engineers", "JOR", "MIL"),
    ("Kenyan government representatives attended the talks in Addis Ababa.", "representatives", "KEN", "GOV"),
    ("Nepalese police teams searched the collapsed buildings in Kathmandu.", "teams", "NPL", "COP"),
    ("Ukrainian troops shelled separatist positions near Donetsk overnight.", "positions", "UKR", "REB"),
    ("Angry crowds marched on the Nigerian police headquarters in Lagos.", "headquarters", "NGA", "COP"),
    ("Gang gunmen shot dead a shopkeeper in Port-au-Prince on Sunday.", "gunmen", "HTI", "CRM"),
    # the outermost body word names the body
    ("Egyptian military medical teams treated the wounded in Gaza.", "teams", "EGY", "MIL"),
    # the head of a body named in two words ("armed forces") is of that body, as of "the military"
    ("The head of Ghana's armed forces met the Togolese army chief in Lome.", "head", "GHA", "MIL"),
    ("The chief of Peru's armed forces resigned on Friday.", "chief", "PER", "MIL"),
]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), CASES)
def test_people_and_posts_of_a_body_take_its_sector(
    coder: Coder, text: str, mention: str, country: str, sector: str
) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


@pytest.mark.parametrize(("text", "mention"), [
    # a thing of a body is no actor
    ("The army budget was cut by a fifth this year.", "budget"),
    ("Government spending rose sharply in Nairobi last year.", "spending"),
])
def test_things_of_a_body_stay_no_actor(coder: Coder, text: str, mention: str) -> None:
    assert resolve_mention(coder, text, mention, DAY) is None


def test_unnamed_gunmen_stay_unidentified(coder: Coder) -> None:
    actor = resolve_mention(coder, "Masked gunmen shot dead a shopkeeper in Port-au-Prince on Sunday.", "gunmen", DAY)
    assert actor is not None and actor.sector == "UAF", actor and actor.reason
