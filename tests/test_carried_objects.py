"""What a verb's object carries decides its leaf; on the real pipeline.

A refusal of a request or an offer is coded by what was asked for or offered ("turned down a
request for tanks" refuses military aid, 1222); a protest's purpose or its 'in protest at' phrase
names what it is for (1412, 1413); an investigation by a newspaper or by scientists is no CAMEO
inquiry. Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2021-03-01"


def _codes(coder: Coder, text: str) -> list[str]:
    return [code for _, _, code, _ in country_codes(coder, text, DATE)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("Austria rejected a Serbian request for armoured vehicles.", "1222"),
    ("Chile turned down Peru's request for a loan.", "1221"),
    ("The junta rejected a call by the African Union for a ceasefire.", "1246"),
    ("Colombia rebuffed an offer from Brazil to mediate between the government and the rebels.", "126"),
    ("Vietnam rejected a Chinese offer to hold joint patrols in the Gulf of Tonkin.", "1212"),
])
def test_a_refused_request_or_offer_is_coded_by_what_it_asks(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text)


@pytest.mark.model
def test_a_bare_request_keeps_the_general_refusal(coder: Coder) -> None:
    # nothing is asked for by name: the refusal stays unspecified, no leaf is guessed
    assert _codes(coder, "Chile turned down Peru's request.")[:1] == ["120"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    ("Nurses rallied in Lisbon to demand higher wages.", "1413"),
    ("Teachers walked out in protest at the education reform.", "1432"),
    ("Spanish miners walked off the job in protest against the pension cuts.", "1432"),
])
def test_what_a_protest_demands_or_opposes_picks_its_leaf(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "An investigation by a local newspaper found that the factory dumped waste in the river.",
    "Researchers are investigating why the glacier retreated so fast.",
])
def test_press_and_research_investigations_are_no_inquiry(coder: Coder, text: str) -> None:
    assert not [c for c in _codes(coder, text) if c.startswith("09")]


@pytest.mark.model
def test_a_states_investigation_still_codes(coder: Coder) -> None:
    assert _codes(coder, "Italian police are investigating the theft of paintings from a museum in Rome.")[:1] == ["091"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The French president called Putin on Friday to urge a ceasefire.",
    "Turkey's foreign minister phoned his Greek counterpart on Monday to press for calm.",
])
def test_a_purpose_clause_lends_no_object_to_a_verb_with_its_own(coder: Coder, text: str) -> None:
    # the call reached a person: the ceasefire it urged was not called (declared), 0871
    codes = _codes(coder, text)
    assert "041" in codes
    assert not any(code.startswith("08") for code in codes)
