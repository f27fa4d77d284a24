"""Drills, entry bans and expulsions, from the CAMEO codebook's notes: drills held with another
state's forces are military cooperation (062), one state's own drills a show of force (150);
people barred from entering a country are refused access (1245), not banned from political life
(1722); the staff of a foreign body expelled are no diplomats (166, not 161). Sentences of our
own (none from an evaluation set); each guard keeps the neighbouring reading.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"

# (text, CAMEO code, the target's country or None for no target)
PHRASINGS = [
    ("Russia held naval exercises with China in the Sea of Japan.", "062", "CHN"),
    ("The United States held war games with Japan and Australia.", "062", "AUS"),
    ("Egyptian troops conducted drills alongside Saudi forces.", "062", "SAU"),
    ("Iran staged military exercises near the Strait of Hormuz on Friday.", "150", None),
    ("India held war games near the border with Pakistan.", "150", "PAK"),
    ("Hungary banned two Ukrainian officials from entering its territory on Friday.", "1245", "UKR"),
    ("Israel barred a delegation of French lawmakers from entering the country.", "1245", "FRA"),
    ("Russia banned nine British lawmakers from visiting the country.", "1245", "GBR"),
    ("Russia expelled the staff of a German foundation.", "166", "DEU"),
]

GUARDS = [
    # a show of force 'with' its weapons has no partner
    ("China staged a show of force with live-fire naval drills.", "062"),
    # barred from political life stays a ban on politicians
    ("The court barred the opposition leader from running in the election.", "1245"),
    # diplomats and embassy staff expelled still reduce relations
    ("Russia expelled three embassy staff on Friday.", "166"),
    ("Mali expelled the French ambassador.", "166"),
]


@pytest.mark.parametrize(("text", "code", "target"), PHRASINGS)
def test_phrasings_code_as_written(coder: Coder, text: str, code: str, target: str | None) -> None:
    found = {(e.cameo.code, e.target.country if e.target else None) for e in coder.code(text, date=DATE)}
    assert (code, target) in found, (text, found)


@pytest.mark.parametrize(("text", "code"), GUARDS)
def test_guards_keep_the_neighbouring_reading(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert codes and code not in codes, (text, codes)
