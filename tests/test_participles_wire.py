"""Passives with a 'by' agent and past participles after a noun, on the real pipeline: the noun a
participle describes is the one acted on, never the doer, and the forces a passive says were sent
are the agent's own, not its target.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2022-05-02"


# -- a participle the parser reads as a clause: "sent back soldiers captured in ..." ------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Chad sent back 40 Nigerien soldiers captured in the fighting.", "TCD", "NER"),
    ("Benin handed back 15 Togolese soldiers captured during the clashes.", "BEN", "TGO"),
])
def test_captured_persons_sent_back_are_returned_not_captors(coder: Coder, text: str, source: str,
                                                             target: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert (source, target, "0841", "asserted") in coded
    assert not [c for c in coded if c[2][:2] == "17"]  # the soldiers arrested no one


def test_captured_persons_shown_on_television_are_not_captors(coder: Coder) -> None:
    coded = country_codes(coder, "Three Georgian soldiers captured near the border were shown on state television.",
                          DATE)
    assert not [c for c in coded if c[0] == "GEO" and c[2][:2] == "17"]


def test_a_clause_after_a_verb_of_thinking_keeps_its_subject(coder: Coder) -> None:
    # 'believed' takes a clause: the rebels are the doers of 'attacked'
    coded = country_codes(coder, "Kenyan officials believe Somali militants attacked the village.", DATE)
    assert [c for c in coded if c[0] == "SOM"]


# -- forces sent in the passive are the agent's own ---------------------------------------------


@pytest.mark.parametrize(("text", "source"), [
    ("Warships were sent to the Gulf by Iran.", "IRN"),
    ("Tanks were moved to the frontier by Armenia on Monday.", "ARM"),
])
def test_forces_sent_in_a_passive_are_no_target(coder: Coder, text: str, source: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert [(s, t) for s, t, c, _ in coded if c[:2] == "15"] == [(source, None)]


def test_forces_sent_in_a_passive_to_a_country_target_it(coder: Coder) -> None:
    coded = country_codes(coder, "Thousands of troops were sent to the border with Bangladesh by Myanmar.", DATE)
    assert [(s, t) for s, t, c, _ in coded if c[:2] == "15"] == [("MMR", "BGD")]
