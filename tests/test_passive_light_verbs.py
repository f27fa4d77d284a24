"""A light verb in the passive ("talks between X and Y were held") takes its parties from the
event noun it has as its subject. Sentences written for these tests, in wire style."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(places=False, prefilter=False))


def _pairs(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    return {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else None, e.cameo.root)
            for e in coder.code(text, date="2023-05-20")}  # fmt: skip


@pytest.mark.parametrize(("text", "a", "b"), [
    ("Talks between Ethiopia and Eritrea were held in Asmara on Saturday.", "ETH", "ERI"),
    ("Fresh negotiations between Serbia and Kosovo were launched in Brussels.", "SRB", "XKX"),
])
def test_the_nouns_parties_meet_each_other(coder: Coder, text: str, a: str, b: str) -> None:
    pairs = {(s, t) for s, t, root in _pairs(coder, text) if root == "04"}
    assert {(a, b), (b, a)} <= pairs, pairs


def test_victims_of_a_passive_are_not_its_doers(coder: Coder) -> None:
    """'killed' is no light verb: the soldiers' owner did not kill them."""
    found = _pairs(coder, "Two of Ethiopia's soldiers were killed near the border on Saturday.")
    assert not any(s.startswith("ETH") for s, _, _ in found), found


def _coded(coder: Coder, text: str) -> set[tuple[str, str | None, str, str]]:
    return {(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else None, e.cameo.root,
             e.modality) for e in coder.code(text, date="2023-05-20")}  # fmt: skip


@pytest.mark.parametrize("text", [
    "Talks between Ethiopia and Eritrea are expected to resume in Asmara next week.",
    "A meeting between Ethiopia and Eritrea is scheduled for next week.",
])
def test_a_planned_event_noun_is_the_event_to_come(coder: Coder, text: str) -> None:
    """A planning verb in the passive names no one who plans: its subject is the event, future."""
    found = {(s, t, m) for s, t, root, m in _coded(coder, text) if root == "04"}
    assert {("ETH", "ERI", "future"), ("ERI", "ETH", "future")} <= found, _coded(coder, text)


def test_a_named_party_expected_to_act_keeps_the_frame(coder: Coder) -> None:
    found = _coded(coder, "Eritrea is expected to expel the Ethiopian ambassador.")
    assert any(s == "ERI" and m == "future" for s, _, _, m in found), found


def test_an_official_expected_to_travel_is_an_intent_not_a_planned_event(coder: Coder) -> None:
    """A common-noun subject that is no event noun ("the minister") keeps the frame: 036."""
    found = _coded(coder, "Ethiopia's foreign minister is expected to travel to Asmara next week.")
    assert any(root == "03" and s.startswith("ETH") for s, _, root, _ in found), found


@pytest.mark.parametrize(("text", "absent", "present"), [
    # a later preposition of a passive verb is its own phrase, not the particle of "back in"
    ("Nigerien troops were backed by American drones in an operation against the militants.", "08", "05"),
    ("Kurdish fighters were supported by coalition aircraft in a push on the town.", "08", "05"),
])
def test_a_passive_verbs_prepositions_are_no_particle(coder: Coder, text: str, absent: str, present: str) -> None:
    roots = {root for _s, _t, root in _pairs(coder, text)}
    assert absent not in roots and present in roots, roots


def test_an_active_phrasal_verb_keeps_its_particle(coder: Coder) -> None:
    roots = {root for _s, _t, root in _pairs(coder, "The Senegalese government backed down on the fuel price rise.")}
    assert "08" in roots, roots
