"""Actors whose country is not the one the text places them in or writes about, on wire-style
sentences written for this test.

A people whose home state is known (the Rohingya, the Uyghurs) stays that state's wherever it is
("Rohingya refugees in Bangladesh" are Myanmar's), and settlers in the occupied Palestinian
territories are Israel's; a state's name or nationality before "Red Cross" or "Red Crescent"
names its national society (SOC), not the ICRC; the pope is the Holy See's, whatever the
story's country, unless another church's pope is meant; partisans of a state's people are
armed opposition (REB); a party named by its founding is a party (PTY).
"""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DAY = date(2021, 5, 18)

# (sentence, mention, country, sector); the mention's head word is resolved.
CASES: list[tuple[str, str, str | None, str | None]] = [
    # a people of a known home state, placed elsewhere
    ("Rohingya refugees in Bangladesh marched through the camps on Sunday.", "refugees", "MMR", "REF"),
    ("Uighur students in Kazakhstan urged the government to help their families.", "students", "CHN", "EDU"),
    ("Uyghur activists in Germany held a vigil in Munich.", "activists", "CHN", "CVL"),
    # ... while a people named by a state's nationality is already that state's
    ("Syrian refugees in Lebanon protested against evictions.", "refugees", "SYR", "REF"),
    # settlers in the occupied Palestinian territories
    ("Jewish settlers torched olive groves near Ramallah on Friday.", "settlers", "ISR", "CVL"),
    ("Settlers threw stones at Palestinian cars near Nablus in the West Bank.", "Settlers", "ISR", "CVL"),
    # a national Red Cross or Red Crescent society
    ("The Lebanese Red Cross evacuated wounded people from the port.", "Cross", "LBN", "SOC"),
    ("The Iraqi Red Crescent Society sent tents to Mosul.", "Society", "IRQ", "SOC"),
    ("The Red Cross visited prisoners in Yemen on Tuesday.", "Cross", "NGOICRC", None),
    # the pope
    ("Pope Francis met the Iraqi president in Baghdad on Saturday.", "Pope Francis", "VAT", "REL"),
    ("The pontiff urged Colombians to embrace peace.", "pontiff", "VAT", "REL"),
    ("Coptic Pope Tawadros II condemned the attack on a church in Minya, Egypt.", "Tawadros II", "EGY", "REL"),
    # partisans of a state's people
    ("Belarusian partisans sabotaged a railway line near Minsk.", "partisans", "BLR", "REB"),
    # a party named by its founding
    ("A newly founded party in Peru accused the electoral board of bias.", "party", "PER", "PTY"),
    ("A splinter party in Kenya rejected the coalition deal.", "party", "KEN", "PTY"),
]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), CASES)
def test_actor_takes_its_home_state(coder: Coder, text: str, mention: str, country: str | None,
                                    sector: str | None) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason
