"""Members, supporters, activists, loyalists, followers and fighters of a named party or armed
group act, and are acted on, as the group: its country, and its sector on the article's date (a
party out of government OPP, in government as our dated list says, an armed group its own).
Acted on, they are the target rather than the place named beside them. Sentences are our own."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Actor

pytestmark = pytest.mark.model


def _code(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return f"{actor.country or ''}{actor.sector or ''}"


def _sides(coder: Coder, text: str, day: str) -> list[tuple[str, str]]:
    return [(_code(e.source), _code(e.target)) for e in coder.code(text, date=day)]


# (date, sentence, expected target) for the rank and file acted on
ACTED_ON = [
    ("2023-05-14", "Police arrested 30 PTI supporters in Peshawar on Sunday.", "PAKOPP"),
    ("2025-03-22", "Turkish police detained 12 CHP members in Izmir.", "TUROPP"),
    ("2025-03-20", "Police detained dozens of CHP members in Istanbul.", "TUROPP"),
    ("2023-08-22", "Security forces arrested dozens of CCC activists in Gweru.", "ZWEOPP"),
    ("2017-10-26", "Police fired tear gas at ODM supporters in Nairobi.", "KENOPP"),
    ("2025-02-10", "Police detained Awami League supporters in Dhaka.", "BGDOPP"),
    ("2021-01-12", "Ugandan police arrested NUP supporters in Masaka.", "UGAOPP"),
    ("2019-06-01", "Afghan troops killed 12 Taliban fighters in Helmand.", "AFGREB"),
    ("2023-11-02", "Israeli troops arrested Hamas members in Jenin.", "PSEREB"),
    ("2014-02-01", "Egyptian police arrested Muslim Brotherhood supporters in Giza.", "EGYPTY"),
    ("2025-03-21", "Police arrested members of the Republican People's Party in Istanbul.", "TUROPP"),
    ("2021-01-13", "Police detained supporters of the National Unity Platform in Kampala.", "UGAOPP"),
    ("2019-03-11", "Police arrested followers of the PDP in Kano.", "NGAOPP"),
    ("2010-03-11", "Police arrested PDP supporters in Kano.", "NGAGOV"),
    ("2022-07-04", "Riot police detained CCC loyalists outside a court in Harare.", "ZWEOPP"),
    ("2019-06-01", "Nigerian soldiers killed 10 Boko Haram fighters in Borno.", "NGAREB"),
]

# (date, sentence, expected source) for the rank and file acting
ACTING = [
    ("2023-05-10", "PTI supporters set fire to a police van in Lahore.", "PAKOPP"),
    ("2023-05-09", "PTI supporters clashed with police in Lahore on Tuesday.", "PAKOPP"),
    ("2017-10-26", "ODM supporters clashed with police in Kisumu.", "KENOPP"),
    ("2013-12-01", "Awami League activists attacked BNP supporters in Dhaka.", "BGDGOV"),
    # the armed rank and file of a governing movement are its state's armed forces (PLOVER MIL)
    ("2022-06-01", "Taliban fighters beat women protesters in Kabul.", "AFGMIL"),
    ("2022-09-05", "Al-Shabaab militants attacked an army base in Lower Shabelle.", "SOMREB"),
    ("2022-11-02", "PTI activists beat up a journalist in Rawalpindi, police said.", "PAKOPP"),
]


@pytest.mark.parametrize(("day", "text", "target"), ACTED_ON)
def test_rank_and_file_acted_on_are_the_target(coder: Coder, day: str, text: str, target: str) -> None:
    assert target in [t for _, t in _sides(coder, text, day)]


@pytest.mark.parametrize(("day", "text", "source"), ACTING)
def test_rank_and_file_act_as_their_group(coder: Coder, day: str, text: str, source: str) -> None:
    assert source in [s for s, _ in _sides(coder, text, day)]


@pytest.mark.parametrize(("text", "target"), [
    ("Police arrested activists in Harare.", "ZWECVL"),  # no group named: activists stay CVL
    ("Police arrested union members in Harare.", "ZWELAB"),  # a union's members: its sector
])
def test_without_a_named_party_the_role_decides(coder: Coder, text: str, target: str) -> None:
    assert [t for _, t in _sides(coder, text, "2023-08-22")] == [target]


def test_the_party_sector_follows_the_date(coder: Coder) -> None:
    # the Awami League governed Bangladesh until August 2024: its supporters were GOV, then OPP
    text = "Police detained Awami League supporters in Dhaka."
    assert [t for _, t in _sides(coder, text, "2013-06-01")] == ["BGDGOV"]
    assert [t for _, t in _sides(coder, text, "2025-02-10")] == ["BGDOPP"]
