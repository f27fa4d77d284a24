"""A deed named a wrong is the speaker's accusation; a military strike is no walkout; on the
real pipeline.

"Jordan called Israel's strikes a violation of international law" accuses Israel (CAMEO 112);
"called" there neither calls a labour strike (143) nor calls off a raid (087). A strike launched
by a state, named by its weapon or aimed on a place is an attack, not a walkout; a union's
strike stays one. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("Lebanon called Israel's strikes a violation of its sovereignty.", "112"),
    ("Armenia called the Azerbaijani raid a flagrant breach of the ceasefire.", "112"),
    ("Syria described the Turkish air strikes as a violation of international law.", "112"),
    ("Somalia called the Ethiopian incursion an act of aggression.", "1123"),
    ("Ukraine called Russia's shelling of the city a war crime.", "1124"),
])
def test_a_deed_named_a_wrong_is_an_accusation(coder: Coder, text: str, code: str) -> None:
    found = country_codes(coder, text, DATE)
    assert [c for _, _, c, _ in found] == [code], (text, found)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Israel launched strikes on southern Lebanon overnight.",
    "Russia began new missile strikes on Ukrainian power plants.",
    "Turkey continued its strikes on Kurdish positions in Syria.",
])
def test_a_military_strike_is_no_walkout(coder: Coder, text: str) -> None:
    codes = [c for _, _, c, _ in country_codes(coder, text, DATE)]
    assert codes and "143" not in codes and all(c[:2] == "19" for c in codes), (text, codes)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chilean copper miners called a strike at the Escondida mine.",
    "Nigeria's labour unions began a nationwide strike over fuel prices.",
    "Finnish dock workers staged a 48-hour strike at the port of Helsinki.",
])
def test_a_walkout_stays_a_strike(coder: Coder, text: str) -> None:
    assert "143" in [c[:3] for _, _, c, _ in country_codes(coder, text, DATE)], text
