"""Outlets named by name are the press (PLOVER's JRN): a name our lists lack that ends in a word
outlets take ("Geo News", "Apple Daily") is an outlet of the story's country when nothing else
gives it one, as the press a story names mostly is; the big international outlets are in our
list with their own country. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

# (sentence, mention, country + sector)
CASES = [
    ("Pakistani regulators suspended the licence of Geo News on Monday.", "Geo News", "PAKJRN"),
    ("Hong Kong police froze the assets of Apple Daily on Thursday.", "Apple Daily", "HKGJRN"),
    ("Kenyan police raided the offices of a newspaper, the Nairobi Daily, on Monday.", "the Nairobi Daily",
     "KENJRN"),
    # an outlet of our list keeps its own country, whatever the story's
    ("Russian officials accused Fox News of spreading lies about the war.", "Fox News", "USAJRN"),
    ("Indian officials accused The New York Times of bias against the government.", "The New York Times",
     "USAJRN"),
]


@pytest.mark.parametrize(("text", "mention", "code"), CASES)
def test_outlet_named_by_name(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date(2022, 8, 8))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason


# Companies named by name: a name our lists lack that ends in a word companies take is a business
# (PLOVER's BUS) of the country its name gives; a ministry "of" such a thing is no company.
COMPANIES = [
    ("Kenya Airways suspended all flights to Mogadishu on Monday.", "Kenya Airways", "KENBUS"),
    ("Angola's Sonangol Energy halted oil exports to China on Friday.", "Sonangol Energy", "AGOBUS"),
    ("Nigeria's Ministry of Petroleum banned fuel exports to Niger.", "Ministry of Petroleum", "NGAGOV"),
]


@pytest.mark.parametrize(("text", "mention", "code"), COMPANIES)
def test_company_named_by_name(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date(2022, 8, 8))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason
