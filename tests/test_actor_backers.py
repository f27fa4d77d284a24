"""Forces named with a backer, a trainer or an occupier that installed them: the backer is not the
actor ("Rwandan-backed rebels" in Congo are Congo's, "Moscow-installed officials" in an occupied
Ukrainian region are Ukraine's), whether it comes before the noun ("X-backed") or after it ("backed
by X"), and a group that backs armed men does not make them its own fighters ("Hezbollah-backed
gunmen" are unidentified armed men, UAF). A leader stays the actor's own ("Saudi-led coalition",
"Hamas-led militants"). Parties' supporters take the side the party's dated spans give it.
Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder
from dyadwatch.knowledge.base import load_knowledge

pytestmark = pytest.mark.model

# (date, sentence, mention, country + sector)
CASES = [
    # a language names a community, not a state
    ("2007-04-27", "Estonian police dispersed Russian-speaking protesters in Tallinn.",
     "Russian-speaking protesters", "ESTCVL"),
    # an occupier's appointees are of the land they govern
    ("2022-09-20", "Russian-installed authorities in occupied Zaporizhzhia arrested a Ukrainian priest.",
     "Russian-installed authorities", "UKRGOV"),
    ("2023-06-02", "The Moscow-appointed head of occupied Kherson accused Ukrainian troops of shelling a school.",
     "The Moscow-appointed head of occupied Kherson", "UKRGOV"),
    # the agent of a backing participle after the noun is no nationality, nor the article's focus
    ("2012-11-20", "Rebels backed by Rwanda captured Goma on Tuesday, Congolese officials said.",
     "Rebels", "CODREB"),
    ("2012-07-10", "Rebels supported by Uganda took the eastern Congolese town of Rutshuru.",
     "Rebels", "CODREB"),
    # a group before '-backed' or '-trained' does not make the armed men its own
    ("2008-05-09", "Hezbollah-backed gunmen took over streets in west Beirut on Friday.",
     "Hezbollah-backed gunmen", "LBNUAF"),
    ("2007-06-12", "Hezbollah-trained militiamen attacked an Iraqi police station in Basra.",
     "Hezbollah-trained militiamen", "IRQUAF"),
    # controls: a leader is the actor's own; a group's own fighters are the group's
    ("2023-10-09", "Hamas-led fighters attacked Israeli villages near Gaza.", "Hamas-led fighters", "PSEREB"),
    ("2008-05-09", "Hezbollah gunmen took over streets in west Beirut on Friday.", "Hezbollah gunmen", "LBNREB"),
    ("2012-11-20", "Rwanda backed the rebels who captured Goma, a U.N. report said.", "Rwanda", "RWA"),
    # the supporters of a party take its dated side
    ("2015-03-02", "RENAMO supporters blocked a road in Sofala province.", "RENAMO supporters", "MOZOPP"),
    ("2005-06-14", "Sandinista supporters blocked roads in Managua on Tuesday.", "Sandinista supporters", "NICOPP"),
    ("2018-06-14", "Sandinista supporters blocked roads in Managua on Tuesday.", "Sandinista supporters", "NICGOV"),
    ("2010-03-08", "Inkatha Freedom Party supporters marched in Ulundi on Monday.",
     "Inkatha Freedom Party supporters", "ZAFOPP"),
]


@pytest.mark.parametrize(("day", "text", "mention", "code"), CASES)
def test_backer_is_not_the_actor(coder: Coder, day: str, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date.fromisoformat(day))
    assert actor is not None, mention
    assert f"{actor.country or ''}{actor.sector or ''}" == code, actor.reason


@pytest.mark.parametrize(("name", "day", "side"), [
    ("RENAMO", date(2019, 1, 1), "OPP"),
    ("Sandinista National Liberation Front", date(1985, 1, 1), "GOV"),
    ("Sandinista National Liberation Front", date(2000, 1, 1), "OPP"),
    ("Inkatha Freedom Party", date(2000, 1, 1), "GOV"),
    ("Inkatha Freedom Party", date(2015, 1, 1), "OPP"),
    ("Sudan People's Liberation Movement", date(2014, 1, 1), "GOV"),
])
def test_party_sides_are_dated(name: str, day: date, side: str) -> None:
    org = load_knowledge().organisations[name]
    assert org.sector_on(day) == side
