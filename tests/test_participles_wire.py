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


# -- a participle with its doer, describing a subject: what it describes was acted on ------------


@pytest.mark.parametrize(("text", "event"), [
    ("Two journalists detained by police in Minsk were released on Friday.", ("BLR", "BLR", "173")),
    ("Sanctions imposed on Cuba by the United States were eased on Monday.", ("USA", "CUB", "163")),
])
def test_a_participle_with_a_by_agent_acts_on_the_subject_it_describes(coder: Coder, text: str,
                                                                        event: tuple[str, str, str]) -> None:
    assert (*event, "asserted") in country_codes(coder, text, DATE)


def test_aid_delivered_by_a_state_is_one_act(coder: Coder) -> None:
    coded = country_codes(coder, "Aid delivered to Yemen by Oman reached the port on Tuesday.", DATE)
    assert [c for c in coded if c[2][:2] == "07"] == [("OMN", "YEM", "070", "asserted")]


def test_a_participle_describing_an_object_makes_no_event_of_its_own(coder: Coder) -> None:
    # "dismissed the accusations made by Beirut": the accusations are what was dismissed
    coded = country_codes(coder, "Syria dismissed the accusations made by Lebanon as baseless.", DATE)
    assert not [c for c in coded if c[0] == "LBN"]


# -- a participle with its 'by' agent describing the subject: "weapons supplied by X arrived" ----


@pytest.mark.parametrize(("text", "source", "target", "code"), [
    ("Tanks delivered to Poland by South Korea arrived at the port of Gdynia.", "KOR", "POL", "072"),
    ("Howitzers supplied to Armenia by India reached the border last month.", "IND", "ARM", "072"),
    ("Peacekeepers deployed to Lebanon by Ireland began their patrols on Monday.", "IRL", "LBN", "074"),
])
def test_a_participle_with_its_agent_describing_the_subject_is_the_agents_act(
        coder: Coder, text: str, source: str, target: str, code: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert (source, target, code, "asserted") in coded
    # what the subject did next (arrived, began) is not the agent's
    assert not [c for c in coded if c[0] == source and c[2] != code]


# -- a passive whose particle follows the verb, and a 'by' hung under its phrase ----------------


@pytest.mark.parametrize(("text", "source"), [
    ("Border troops were put on alert by Azerbaijan on Friday.", "AZE"),
    ("Three brigades in the south were placed on combat alert by Belarus.", "BLR"),
])
def test_forces_put_on_alert_in_the_passive_are_the_agents_posture(coder: Coder, text: str, source: str) -> None:
    coded = country_codes(coder, text, DATE)
    assert [(s, c) for s, t, c, _ in coded if c.startswith("15")] == [(source, "152")]
    assert not [t for s, t, c, _ in coded if t == source]  # the agent is not its own target


@pytest.mark.parametrize(("text", "source", "target"), [
    ("A delegation was dispatched to Riga by Estonia on Tuesday.", "EST", "LVA"),
    ("Norway sent a parliamentary delegation to Bogota last week.", "NOR", "COL"),
])
def test_a_delegation_sent_is_a_visit_of_the_sender_active_or_passive(
        coder: Coder, text: str, source: str, target: str) -> None:
    assert (source, target, "042", "asserted") in country_codes(coder, text, DATE)
