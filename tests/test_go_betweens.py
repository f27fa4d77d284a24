"""Go-betweens and economic figures of speech: the agent of 'brokered', 'mediated' or 'sponsored'
stood between the parties of an accord and is not one of them ("a truce brokered by Qatar" is
no truce of Qatar's); two go-betweens mediate between others, not with each other; an economic
hardship or measure that "hit" an economy attacks no one. Sentences of our own.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-05-10"


def _events(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "", e.cameo.code)
            for e in coder.code(text, date=DATE)}


@pytest.mark.parametrize("text", [
    "A ceasefire brokered by the United States took effect on Sunday.",
    "Saudi Arabia restored diplomatic ties with Iran under a deal brokered by China.",
    "Israel and Hamas agreed to a truce mediated by Qatar.",
])
def test_the_go_between_is_no_party_of_the_accord(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    brokers = {s for s, _, c in events if c[:2] != "04"} & {"USA", "CHN", "QAT"}
    assert not brokers, events


def test_a_go_between_of_the_deal_is_no_partner_of_its_parties(coder: Coder) -> None:
    # the parties of a deal that a third brokered act with each other, not with the broker
    events = _events(coder, "Morocco and Israel restored diplomatic relations in a deal brokered by Washington.")
    assert ("MAR", "ISR", "054") in events and not {t for _, t, c in events if c == "054"} & {"USAGOV", "USA"}, events


def test_go_betweens_mediate_between_others(coder: Coder) -> None:
    events = _events(coder, "The two sides signed a deal brokered by Turkey and the UN.")
    assert events and all(c == "045" and t == "" for _, t, c in events), events


@pytest.mark.parametrize("text", [
    "The recession hit Lebanon's economy hard.",
    "Sanctions imposed on Iran by the United States hit its oil exports.",
    # the owner of a measure named in the subject ("US tariffs") harms no one by it either
    "US tariffs hit Chinese exports hard last quarter.",
    "Western sanctions have battered Russia's economy.",
])
def test_economic_blows_are_no_attacks(coder: Coder, text: str) -> None:
    assert not {c for _, _, c in _events(coder, text) if c[:2] in ("18", "19", "20")}, text


def test_an_owned_measure_keeps_its_doer(coder: Coder) -> None:
    # "Israeli fire killed three": a weapon's owner still fires
    events = _events(coder, "Israeli fire killed three Palestinians in Gaza.")
    assert any(s.startswith("ISR") and c[:2] in ("18", "19") for s, _, c in events), events
