"""State bodies named by name or by what they do, which our lists lacked: a cabinet, an
election board, an emergency service, an atomic energy organisation or a foreign affairs
department is the executive (GOV); criminal investigators and a financial crimes agency are
police (COP); a national security council of a state is that state's, not the UN's. Sentences
are our own."""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

# (sentence, mention, country + sector)
CASES = [
    ("China's State Council approved new rules for foreign firms.", "China's State Council", "CHNGOV"),
    ("Iran's Supreme National Security Council rejected the proposal.",
     "Iran's Supreme National Security Council", "IRNGOV"),
    ("Ukraine's State Emergency Service said two rescuers were killed in Kharkiv.",
     "Ukraine's State Emergency Service", "UKRGOV"),
    ("Iran's Atomic Energy Organization rejected the inspectors' report.", "Iran's Atomic Energy Organization",
     "IRNGOV"),
    ("South Africa's Department of International Relations summoned the Israeli ambassador.",
     "South Africa's Department of International Relations", "ZAFGOV"),
    ("The Philippine Department of Foreign Affairs protested to Beijing.",
     "The Philippine Department of Foreign Affairs", "PHLGOV"),
    ("Ethiopia's National Election Board postponed the vote in Tigray.", "Ethiopia's National Election Board",
     "ETHGOV"),
    ("Kenya's Directorate of Criminal Investigations arrested two suspects in Nairobi.",
     "Kenya's Directorate of Criminal Investigations", "KENCOP"),
    ("India's Enforcement Directorate questioned the opposition leader for a second day.",
     "India's Enforcement Directorate", "INDCOP"),
]


@pytest.mark.parametrize(("text", "mention", "code"), CASES)
def test_state_body(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, date(2023, 5, 1))
    assert actor is not None, mention
    assert f"{actor.country}{actor.sector}" == code, actor.reason
