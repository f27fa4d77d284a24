"""Role words for actors the sector table names but our lists lacked: lenders and factory owners
are business (PLOVER's BUS: companies and enterprises), an electoral council is a state body
(GOV), as an electoral commission is. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

# (sentence, mention, country + sector)
CASES = [
    ("Kenya's treasury asked Chinese lenders for more time to repay the railway loans.", "Chinese lenders",
     "CHNBUS"),
    ("A state lender in Ghana froze the accounts of two ministers.", "A state lender in Ghana", "GHABUS"),
    ("Bangladeshi garment workers accused factory owners of withholding wages.", "factory owners", "BGDBUS"),
    ("Haiti's provisional electoral council postponed the vote again.", "Haiti's provisional electoral council",
     "HTIGOV"),
    ("The opposition accused Venezuela's National Electoral Council of fraud.",
     "Venezuela's National Electoral Council", "VENGOV"),
]


@pytest.mark.parametrize(("text", "mention", "code"), CASES)
def test_business_and_state_body_terms(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date(2023, 5, 1))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason
