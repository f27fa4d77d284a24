"""Common wire phrasings read by what the verb carries: a loan, letter or warning received FROM
X is X's act (a visitor received is a hosting); telling X to act is a demand ("told reporters" is
none); pressure stepped up on X is a demand; a softened stance is a yielding; protesters breaking
into parliament riot; a footballer clashing with the referee fights no one political. Sentences
of our own, written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

# (sentence, CAMEO code, source country, target country); None: any
CODED = [
    ("Pakistan received a $2 billion loan from China on Monday.", "071", "CHN", "PAK"),
    ("Hungary got a $1 billion loan from China for the railway.", "071", "CHN", "HUN"),
    ("Serbia received a sharp warning from Croatia over the border incident.", "130", "HRV", "SRB"),
    ("Kuwait's emir received a letter from the Iranian president on Monday.", "010", "IRN", "KWT"),
    ("Ghana's president received the Nigerian foreign minister in Accra.", "043", "GHA", "NGA"),
    ("Japan told China to stop the incursions near the islands.", "1056", "JPN", "CHN"),
    ("Poland told Belarus to pull its troops back from the border.", "1056", "POL", "BLR"),
    ("Turkey told Sweden to stop protecting the militants.", "100", "TUR", "SWE"),
    ("Washington stepped up pressure on Nicaragua over the arrests of opposition leaders.", "100", "USA", "NIC"),
    ("France piled pressure on Lebanon's leaders on Thursday.", "100", "FRA", "LBN"),
    ("Greece softened its stance towards Turkey after the earthquake.", "080", "GRC", "TUR"),
    ("Hungary eased its opposition to Ukraine's aid package on Friday.", "080", "HUN", "UKR"),
    ("The junta ordered the French troops out of Niger.", "1056", "NER", None),
    ("Protesters broke into the parliament in Colombo on Saturday.", "145", "LKA", "LKA"),
]

# The same verbs with no political act, or none on their own.
NOTHING = [
    "The coach stepped up pressure on his players before the derby.",
    "The minister told reporters in Nairobi on Tuesday.",
    "The Argentine midfielder clashed with the referee after the penalty.",
    "The striker brawled with a teammate during training.",
    "Bond yields softened on Monday.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "source", "target"), CODED)
def test_wire_phrasings_code(coder: Coder, text: str, code: str, source: str, target: str | None) -> None:
    events = coder.code(text, date="2024-05-14")
    found = {(e.cameo.code, e.source.country if e.source else None, e.target.country if e.target else None)
             for e in events}
    assert any(c == code and s == source and target in (None, t) for c, s, t in found), (text, found)


@pytest.mark.model
@pytest.mark.parametrize("text", NOTHING)
def test_no_political_reading(coder: Coder, text: str) -> None:
    events = coder.code(text, date="2024-05-14")
    assert not events, (text, [(e.cameo.code, e.evidence.rule) for e in events])


@pytest.mark.model
def test_a_received_loan_is_no_hosting(coder: Coder) -> None:
    codes = {e.cameo.code for e in coder.code("Pakistan received a $2 billion loan from China on Monday.", date="2024-05-14")}
    assert "043" not in codes, codes


# Agentless passives of acts only a state does to an envoy: the place names the state.
IMPLIED = [
    ("Two Chinese diplomats were expelled from Lithuania on Monday.", "161", "LTU"),
    ("The Iranian ambassador in Paris was summoned over the arrests.", "114", "FRA"),
    ("The Swedish ambassador was summoned to the foreign ministry in Ankara.", "114", "TUR"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "doer"), IMPLIED)
def test_the_place_names_the_state_that_acts(coder: Coder, text: str, code: str, doer: str) -> None:
    found = {(e.cameo.code, e.source.cameo_code if e.source else None) for e in coder.code(text, date="2024-05-14")}
    assert (code, doer + "GOV") in found, (text, found)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The new ambassador was summoned to the stage in Paris to receive an award.",
    "Three players were expelled from the tournament in Madrid.",
    "Two students were expelled from the school in Warsaw.",
    "The Iranian ambassador was summoned by Germany's foreign ministry in Paris.",
])
def test_no_state_is_implied_outside_diplomacy(coder: Coder, text: str) -> None:
    # a stage, a tournament or a school names no state that acts; 'by' names the doer itself
    for e in coder.code(text, date="2024-05-14"):
        assert e.source is None or e.source.country not in ("FRA", "ESP", "POL"), (text, e.cameo.code, e.source)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The government kept pressure on prices with a fuel subsidy.",
    "The central bank softened its stance on interest rates.",
])
def test_pressure_and_softening_need_a_party(coder: Coder, text: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date="2024-05-14")}
    assert not codes & {"100", "080"}, (text, codes)


@pytest.mark.model
def test_a_recalled_envoy_is_his_own_states_act_on_his_post(coder: Coder) -> None:
    text = "The Danish ambassador to Tehran was recalled for consultations."
    found = {(e.cameo.code, e.source.cameo_code if e.source else None, e.target.country if e.target else None)
             for e in coder.code(text, date="2024-05-14")}
    assert ("161", "DNKGOV", "IRN") in found, found
