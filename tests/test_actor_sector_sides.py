"""Whose side an actor is on, as PLOVER's sector table puts it: followers of a leader put out of
office are the opposition (OPP), people or factions broken from an armed group are armed
opposition (REB) and from a party a party (PTY), a territory's chief executive is its
government (GOV) or, once out of office, the elite (ELI), and the forces of a region at war with
its state are rebels; and the trades and forces some role words name. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

# (date, sentence, mention, country + sector)
CASES = [
    # a leader ousted, jailed or exiled leaves followers against those in power
    ("2013-08-20", "Supporters of deposed President Mohamed Morsi blocked a highway near Cairo.",
     "Supporters of deposed President Mohamed Morsi", "EGYOPP"),
    ("2024-02-09", "Thousands of followers of jailed former Prime Minister Imran Khan marched in Karachi.",
     "followers of jailed former Prime Minister Imran Khan", "PAKOPP"),
    ("2021-05-01", "NAIROBI (Reuters) - The opposition leader's supporters burned tyres in Kisumu on Monday.",
     "The opposition leader's supporters", "KENOPP"),
    ("2021-05-01", "ANKARA (Reuters) - Followers of the jailed Kurdish leader rallied in Diyarbakir on Sunday.",
     "Followers of the jailed Kurdish leader", "TUROPP"),
    # a critic of the Kremlin opposes those in power; he is not the Kremlin
    ("2022-04-11", "A prominent Kremlin critic was detained in Moscow on Monday.",
     "A prominent Kremlin critic", "RUSOPP"),
    # ... but a leader who died in office leaves his movement, and a sitting one civilians
    ("2015-03-05", "Supporters of the late President Hugo Chavez gathered in Caracas on Thursday.",
     "Supporters of the late President Hugo Chavez", "VENCVL"),
    ("2015-03-05", "Supporters of President Nicolas Maduro gathered in Caracas on Thursday.",
     "Supporters of President Nicolas Maduro", "VENCVL"),
    # broken from an armed group: armed opposition, whatever the word for them
    ("2023-02-11", "FARC dissidents kidnapped two soldiers in the Colombian province of Guaviare.",
     "FARC dissidents", "COLREB"),
    ("2021-08-14", "A splinter group of the ELN bombed an oil pipeline in Colombia's Arauca department.",
     "A splinter group of the ELN", "COLREB"),
    ("2014-09-03", "A Pakistani Taliban splinter faction attacked a checkpoint in Pakistan's Khyber district.",
     "A Pakistani Taliban splinter faction", "PAKREB"),
    # dissidents of a state stay the political opposition
    ("2021-08-14", "Chinese dissidents accused Beijing of harassing their families abroad.",
     "Chinese dissidents", "CHNOPP"),
    # the leaders of a party named by its founding lead a party, not the government
    ("2019-07-25", "NAIROBI (Reuters) - Leaders of a newly formed party asked the electoral commission for more time.",
     "Leaders of a newly formed party", "KENPTY"),
    # a territory's office, not a firm's
    ("2020-11-12", "Hong Kong's former chief executive criticised the protesters on Thursday.",
     "Hong Kong's former chief executive", "HKGELI"),
    ("2020-11-12", "A British chief executive criticised regulators in London on Thursday.",
     "A British chief executive", "GBRBUS"),
    # the forces of a region at war with the federal army, and a broadcaster's language service
    ("2021-11-02", "Tigrayan forces seized two towns on the highway to Addis Ababa.",
     "Tigrayan forces", "ETHREB"),
    ("2022-10-05", "Iran's foreign ministry summoned the British envoy over BBC Persian's coverage.",
     "BBC Persian", "GBRJRN"),
]

# the trades and forces a role word names (its head word resolved, the dateline giving Kenya)
KE = "NAIROBI (Reuters) - "
ROLES = [
    # the executive's second, not the assembly's deputies
    (KE + "The deputy president accused the electoral commission of bias.", "president", "GOV"),
    (KE + "Hospital workers walked out over unpaid salaries.", "workers", "MED"),
    (KE + "Police reservists shot dead two suspected raiders.", "reservists", "COP"),
    (KE + "Army rangers were flown to the northern border.", "rangers", "MIL"),
    (KE + "Cattle rustlers killed four herders in Turkana.", "rustlers", "CRM"),
]


@pytest.mark.parametrize(("text", "mention", "sector"), ROLES)
def test_sector_of_a_role_word(coder: Coder, text: str, mention: str, sector: str) -> None:
    actor = resolve_mention(coder, text, mention, date(2019, 7, 25))
    assert actor is not None, mention
    assert (actor.country, actor.sector) == ("KEN", sector), actor.reason


@pytest.mark.parametrize(("day", "text", "mention", "code"), CASES)
def test_sector_by_side(coder: Coder, day: str, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date.fromisoformat(day))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason


def test_a_faction_broken_from_a_party_is_a_party(coder: Coder) -> None:
    text = "HARARE (Reuters) - A breakaway faction of the ruling party launched its own movement on Sunday."
    actor = resolve_mention(coder, text, "A breakaway faction of the ruling party", date(2021, 8, 14))
    assert actor is not None
    assert actor.sector == "PTY", actor.reason
