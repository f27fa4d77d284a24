"""A state body named without a nationality ("the government", "the junta", "the authorities",
"the army", "police") takes the country of the place its sentence names for it before the
article's focus country: the land it orders people out of ("was ordered out of Niger by the
military government"), and a town the gazetteer knows that it is put in ("the military
government in Yangon"). Sentences written for these tests, in wire style."""

from __future__ import annotations

from datetime import date

import pytest

from coding import code_wire, resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "mention", "day", "code"), [
    ("The French ambassador was ordered out of Niger by the military government on Friday.", "government",
     date(2023, 8, 25), "NERGOV"),
    ("Two Ivorian diplomats were expelled from Burkina Faso by the military authorities.", "authorities",
     date(2023, 9, 12), "BFAGOV"),
    ("A Czech diplomat was ordered out of Moscow by the government on Monday.", "government",
     date(2021, 6, 21), "RUSGOV"),
    ("The government ordered the Dutch ambassador out of Venezuela on Friday.", "government",
     date(2019, 1, 25), "VENGOV"),
])
def test_the_body_ordering_people_out_is_the_place_s(
    coder: Coder, text: str, mention: str, day: date, code: str
) -> None:
    actor = resolve_mention(coder, text, mention, day)
    assert actor is not None and actor.cameo_code == code, actor and actor.reason


@pytest.mark.parametrize(("text", "mention", "day"), [
    # its own people ordered out of another land: a withdrawal, the place is not the body's
    ("The government ordered its diplomats out of Niger, the Swiss foreign ministry said.", "government",
     date(2023, 8, 4)),
    # a place the people come from, not one the verb takes
    ("The army expelled diplomats from Sudan, the Chadian foreign ministry said.", "army", date(2023, 4, 5)),
])
def test_a_place_that_is_not_the_body_s_does_not_place_it(coder: Coder, text: str, mention: str, day: date) -> None:
    actor = resolve_mention(coder, text, mention, day)
    assert actor is not None and "out of" not in actor.reason, actor and actor.reason


@pytest.fixture(scope="module")
def wire_coder(places_coder: Coder) -> Coder:
    return places_coder


@pytest.mark.parametrize(("text", "day", "source"), [
    ("A Polish journalist was detained by the military government in Yangon on Monday.", "2021-03-15", "MMRGOV"),
    ("The government in Lahore detained an Indian fisherman, Pakistani media said.", "2019-03-04", "PAKGOV"),
])
def test_a_gazetteer_town_after_a_body_gives_it_its_country(
    wire_coder: Coder, text: str, day: str, source: str
) -> None:
    sources = {e.source.cameo_code for e in code_wire(wire_coder, text, day).events if e.source}
    assert source in sources, sources
