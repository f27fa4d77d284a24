"""Two-sided fighting and what it caused: the deaths a fight between named sides caused are that
fight's toll, not a second attack by someone unknown; a fight's sides are a reciprocal pair
however they are joined ("X fought Y", "X and Y fought", "X clashed with Y"), and the place
they fought over ("for control of the town") is no victim.

Every sentence was written for these tests, wire style; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model


def _violent(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(text, date="2023-05-10") if e.cameo.root in ("18", "19", "20")]


def _pairs(events: list[Event]) -> set[tuple[str, str]]:
    return {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "")
            for e in events}


# -- the toll of a fight between named sides ---------------------------------------------------


@pytest.mark.parametrize(("text", "sides"), [
    ("Fighting between the army and rebels killed 12 civilians near the capital.", ("MIL", "REB")),
    ("Clashes between Malian soldiers and jihadist fighters killed nine villagers on Sunday.",
     ("MLIMIL", "MLIREB")),
    ("Renewed fighting between Somali troops and al Shabaab militants killed 20 people in Hiiraan.",
     ("SOMMIL", "SOMREB")),
])
def test_the_deaths_a_fight_between_named_sides_caused_are_that_fight(
    coder: Coder, text: str, sides: tuple[str, str]
) -> None:
    events = _violent(coder, text)
    a, b = sides
    assert _pairs(events) == {(a, b), (b, a)}, _pairs(events)


@pytest.mark.parametrize("text", [
    # no side named: the killing is all the sentence says of the doer
    "The clashes killed 12 civilians near the capital on Sunday.",
    "Heavy fighting killed at least 30 civilians in the city, a doctors' group said.",
])
def test_a_fight_with_no_named_side_keeps_its_victims_with_an_unknown_doer(coder: Coder, text: str) -> None:
    events = _violent(coder, text)
    assert events and all(e.source is not None and e.source.unknown for e in events), _pairs(events)
    assert all(e.target is not None and e.target.sector == "CVL" for e in events), _pairs(events)


def test_a_one_sided_attack_that_killed_is_its_doers(coder: Coder) -> None:
    # one side named: that side did the killing
    pairs = _pairs(_violent(coder, "Russian air strikes killed eight civilians in Kharkiv on Monday."))
    assert pairs == {("RUSMIL", "UKRCVL")}, pairs


# -- the sides of a fight, however joined, and the prize they fought over -----------------------


@pytest.mark.parametrize(("text", "sides"), [
    ("M23 rebels fought Congolese troops for control of the town on Thursday.", ("CODREB", "CODMIL")),
    ("Rebels fought the army for control of the town.", ("REB", "MIL")),
    ("Ethiopian federal forces battled Fano militiamen for control of the town of Lalibela.",
     ("ETHMIL", "ETHREB")),
    ("The army and rebels fought for control of the town.", ("MIL", "REB")),
    ("Government troops clashed with rebels for control of the airport on Monday.", ("MIL", "REB")),
    ("Sudanese soldiers fought RSF fighters near the presidential palace.", ("SDNMIL", "SDNREB")),
])
def test_the_sides_of_a_fight_are_a_reciprocal_pair_and_the_prize_no_victim(
    coder: Coder, text: str, sides: tuple[str, str]
) -> None:
    events = _violent(coder, text)
    a, b = sides
    assert _pairs(events) == {(a, b), (b, a)}, _pairs(events)


@pytest.mark.parametrize(("text", "pair"), [
    # one-sided: the attacked do not attack back in the words of the sentence
    ("Government troops attacked rebel positions near the town.", ("MIL", "REB")),
    ("Rebels ambushed an army convoy for control of the road.", ("REB", "MIL")),
])
def test_a_one_sided_attack_stays_one_way(coder: Coder, text: str, pair: tuple[str, str]) -> None:
    pairs = _pairs(_violent(coder, text))
    assert pair in pairs and pair[::-1] not in pairs, pairs


# -- a state's strike is its military's ---------------------------------------------------------


@pytest.mark.parametrize(("text", "doer"), [
    ("A U.S. drone strike killed a senior al Shabaab commander near Jilib on Friday.", "USAMIL"),
    ("An Israeli air strike killed five militants in Gaza on Tuesday.", "ISRMIL"),
    ("Israel's air strikes killed 20 people in Gaza overnight.", "ISRMIL"),
    ("Russian shelling killed three civilians in Kherson on Sunday.", "RUSMIL"),
    # an armed group named as the striker keeps its own sector
    ("Houthi missile strikes killed two people in southern Saudi Arabia.", "YEMREB"),
])
def test_the_strike_a_state_is_named_by_is_its_military(coder: Coder, text: str, doer: str) -> None:
    sources = {e.source.cameo_code for e in _violent(coder, text) if e.source is not None}
    assert sources == {doer}, sources


# -- where two sides fight, and what their fight went on to do ----------------------------------


@pytest.mark.parametrize(("text", "sides"), [
    # the town they fought in is where, not whom
    ("The army and the RSF fought in Khartoum for a third day.", ("SDNMIL", "SDNREB")),
    ("Government troops and rebels fought in Goma on Sunday.", ("CODMIL", "CODREB")),
    # a participle of the fight's toll is that fight's, not an unknown doer's
    ("Heavy fighting erupted between the army and Tuareg rebels near Kidal, killing 15 soldiers.",
     ("MLIMIL", "MLIREB")),
])
def test_a_fight_in_a_town_or_with_a_toll_is_the_sides_pair_alone(
    coder: Coder, text: str, sides: tuple[str, str]
) -> None:
    a, b = sides
    pairs = _pairs(_violent(coder, text))
    assert pairs == {(a, b), (b, a)}, pairs


def test_an_attack_that_went_on_to_kill_still_names_its_victims(coder: Coder) -> None:
    # one side named as the attack's: the participle's victims are that side's
    pairs = _pairs(_violent(coder, "An Israeli air strike hit a house in Rafah, killing six civilians."))
    assert ("ISRMIL", "PSECVL") in pairs and not any(s == "---" for s, _ in pairs), pairs
