"""Joint doers: they act on each other only when the act is mutual by nature (meetings, deals,
exchanges, clashes) or the text says so ("accused each other"); allies who condemn or strike a
third party together do not condemn or strike each other. On the real pipeline; every sentence
was written for these tests, none comes from an evaluation set."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2023-03-14"


def _pairs(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    return {(e.source.country or "", e.target.country if e.target else None, e.cameo.root)
            for e in coder.code(text, date=DATE) if e.source is not None}


@pytest.mark.parametrize(("text", "allies"), [
    ("Britain, France and Germany condemned the missile test.", {"GBR", "FRA", "DEU"}),
    ("Russia and Syria launched air strikes overnight.", {"RUS", "SYR"}),
    ("Canada and Australia criticised the verdict on Tuesday.", {"CAN", "AUS"}),
])
def test_allies_acting_together_do_not_act_on_each_other(coder: Coder, text: str, allies: set[str]) -> None:
    pairs = _pairs(coder, text)
    assert {s for s, _, _ in pairs} == allies, pairs
    assert not any(t in allies for _, t, _ in pairs), pairs


@pytest.mark.parametrize(("text", "sides", "root"), [
    ("Armenia and Azerbaijan accused each other of shelling border villages.", ("ARM", "AZE"), "11"),
    ("Ethiopia and Eritrea criticised each other on Monday.", ("ETH", "ERI"), "11"),
    ("Israeli and Palestinian gunmen exchanged fire in Jenin.", ("ISR", "PSE"), "19"),
    ("Armenian and Azerbaijani forces fought along the border.", ("ARM", "AZE"), "19"),
])
def test_sides_said_to_act_on_each_other_do(coder: Coder, text: str, sides: tuple[str, str], root: str) -> None:
    a, b = sides
    assert {(a, b, root), (b, a, root)} <= _pairs(coder, text), _pairs(coder, text)


def test_a_list_of_states_the_parser_splits_at_an_apposition_is_one_list(coder: Coder) -> None:
    # the parser hangs "Bahrain" on "Saudi Arabia" as an apposition and the rest on Bahrain
    pairs = _pairs(coder, "Saudi Arabia, Bahrain, the United Arab Emirates and Egypt cut diplomatic ties with Qatar.")
    assert {s for s, _, _ in pairs} == {"SAU", "BHR", "ARE", "EGY"}, pairs
    # a place after another says where it is: one target, no list
    pairs = _pairs(coder, "Russian missiles struck Odesa, Ukraine, killing three civilians.")
    assert {t for _, t, _ in pairs} == {"UKR"}, pairs


def test_joint_doers_who_find_common_ground_find_it_with_each_other(coder: Coder) -> None:
    pairs = _pairs(coder, "Canada and Mexico found common ground on trade at a meeting in Ottawa.")
    assert {("CAN", "MEX", "01"), ("MEX", "CAN", "01")} <= pairs, pairs


@pytest.mark.parametrize(("text", "expected"), [
    ("The leaders of Kenya and Ethiopia jointly inaugurated a cross-border power line on Saturday.",
     {("KEN", "ETH", "06"), ("ETH", "KEN", "06")}),
    ("Russia and Turkey inaugurated the TurkStream gas pipeline in Istanbul.", {("RUS", "TUR", "06"), ("TUR", "RUS", "06")}),
    ("China opened a railway line with Laos on Friday.", {("CHN", "LAO", "06")}),
])
def test_a_project_opened_together_is_economic_cooperation(coder: Coder, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= _pairs(coder, text), _pairs(coder, text)


@pytest.mark.parametrize("text", [
    "Kenya opened a new bridge over the Tana river.",
    "The president opened a new power plant in Mombasa.",
])
def test_a_state_opening_its_own_project_is_no_event(coder: Coder, text: str) -> None:
    assert not _pairs(coder, text)


def test_a_mutual_verb_with_a_with_partner_keeps_it(coder: Coder) -> None:
    # the 'with' names the other side: the joint doers do not clash with each other
    pairs = _pairs(coder, "Police and soldiers clashed with protesters in Nairobi.")
    assert ("KEN", "KEN", "19") in pairs
    events = coder.code("Police and soldiers clashed with protesters in Nairobi.", date=DATE)
    assert not any(e.source is not None and e.target is not None and {e.source.sector, e.target.sector} == {"COP", "MIL"}
                   for e in events)


def test_reopening_a_border_crossing_is_no_joint_project(coder: Coder) -> None:
    assert not any(r == "06" for _, _, r in _pairs(coder, "Egypt opened the Rafah border crossing with Gaza."))
