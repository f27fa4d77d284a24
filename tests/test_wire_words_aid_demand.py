"""Wire wordings of aid, appeals, demands and sport discipline the lexicon codes, or leaves alone.

The sentences are our own, wire style. Stepping up, speeding up or resuming food or relief
deliveries provides humanitarian aid (073), and urging a party to do so appeals for it (0233);
food deliveries or distributions are an event noun of the same code. Prevailing on a party to act
urges it ("prevailed on X to free" is an appeal for a release, 0253). Clamouring for something
demands it, by what is demanded (a release 1053, new elections 1044), while clamouring for a
product is no event. A player or athlete banned, suspended or fined by a league is sport
discipline, not a political sanction (``data/nonevent_objects.tsv``); a government banning a party
still is (1722).
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> set[str]:
    return {e.cameo.code for e in coder.code(text, date="2024-03-12")}


@pytest.mark.parametrize(("text", "code"), [
    ("Aid agencies stepped up food deliveries to Darfur.", "073"),
    ("Jordan resumed aid deliveries to Gaza on Sunday.", "073"),
    ("The UN urged Israel to speed up food deliveries to Gaza.", "0233"),
    ("The WFP began food distributions in Tigray.", "073"),
    ("Qatar prevailed on Hamas to free the hostages.", "0253"),
    ("The envoy prevailed upon both sides to observe the truce.", "0256"),
    ("Students clamoured for the release of their teachers.", "1053"),
    ("The opposition clamoured for fresh elections.", "1044"),
    ("Villagers clamored for food aid after the floods.", "1033"),
    ("The junta banned the main opposition party.", "1722"),
])
def test_a_wire_wording_codes_its_event(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text)


@pytest.mark.parametrize("text", [
    "Shoppers clamoured for the new phone.",
    "The midfielder was suspended for two games for a red card.",
    "The federation banned the sprinter for four years for doping.",
    "The league fined the goalkeeper for time-wasting.",
    "Factories increased shipments of cars.",
    "Calm prevailed on the streets of the capital.",
    "The tradition prevailed on the island for centuries.",
])
def test_the_same_words_in_ordinary_news_are_no_event(coder: Coder, text: str) -> None:
    assert _codes(coder, text) == set()
