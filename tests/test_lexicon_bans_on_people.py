"""Bans on what people may do, from the CAMEO codebook's definitions: barring civilians from an
everyday activity (study, work, travel, worship) curbs their rights (172); barring them from a
political act (voting, gathering, protesting, reporting) restricts political freedoms (1721).
A law passed that bans, criminalises or restricts is such a sanction too (172), not a reform (0832).
Sentences of our own (none from an evaluation set); each guard keeps the neighbouring reading.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"

# (text, CAMEO code, the target's country or None for no target)
PHRASINGS = [
    ("The Taliban barred women from attending university in Afghanistan.", "172", "AFG"),
    ("The government prevented thousands of Rohingya from leaving the camps in Myanmar.", "172", "MMR"),
    ("Tajikistan banned women from wearing headscarves in public offices.", "172", "TJK"),
    ("Police barred opposition supporters from gathering outside the court in Harare.", "1721", "ZWE"),
    ("Belarus banned independent journalists from reporting on the election.", "1721", "BLR"),
    ("Ghana's parliament passed a law criminalising LGBT activity.", "172", None),
    ("Uganda's parliament passed a bill restricting the work of foreign NGOs.", "172", None),
]

GUARDS = [
    # barred from entering a country stays a refusal of access
    ("Israel barred a delegation of French lawmakers from entering the country.", "1245"),
    # barred from running stays a ban on politicians
    ("The court barred the opposition leader from running in the election.", "1722"),
    # a law that gives stays a reform
    ("Ghana's parliament passed a law raising the minimum wage.", "0832"),
]


@pytest.mark.parametrize(("text", "code", "target"), PHRASINGS)
def test_phrasings_code_as_written(coder: Coder, text: str, code: str, target: str | None) -> None:
    events = [(e.cameo.code, e.target.country if e.target else None) for e in coder.code(text, date=DATE)]
    assert (code, target) in events, (text, events)


@pytest.mark.parametrize(("text", "code"), GUARDS)
def test_guards_keep_the_neighbouring_reading(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert code in codes, (text, codes)
