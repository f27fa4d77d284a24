"""One act reported by two linked triggers of a sentence is one event (``events/duplicates.py``).

The sentences are our own, wire style. Each folding case has a contrast where the two acts are
truly distinct (other targets, other doers, an accusation and what it accuses) and stay apart.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model


def _events(coder: Coder, text: str, plover: str) -> list[Event]:
    return [e for e in coder.code(text, date="2023-03-14") if e.plover.type == plover]


def test_conjoined_verbs_of_one_attack_are_one_event_with_the_finer_code(coder: Coder) -> None:
    events = _events(coder, "Russian troops attacked and shelled the town of Bakhmut on Tuesday.", "ASSAULT")
    assert len(events) == 1
    event = events[0]
    assert event.evidence.trigger.text == "attacked"  # the governing verb is the evidence
    text = "Russian troops attacked and shelled the town of Bakhmut on Tuesday."
    restated = event.evidence.restated
    assert restated is not None and text[restated.start:restated.end] == restated.text == "shelled"
    assert [s.text for s in event.evidence.triggers()] == ["attacked", "shelled"]
    assert event.evidence.rule.endswith("+restated")
    assert event.cameo.code == "194"  # shelling names the weapon: finer than a bare attack


def test_conjoined_verbs_of_one_arrest_are_one_event(coder: Coder) -> None:
    events = _events(coder, "Police arrested and detained 20 protesters in Nairobi on Monday.", "COERCE")
    assert len(events) == 1
    assert events[0].target is not None


def test_an_apposition_restating_the_act_is_one_event_with_the_named_doer(coder: Coder) -> None:
    events = _events(coder, "The attack, a bombing of a market in Kandahar, was carried out by the Taliban.",
                     "ASSAULT")
    assert len(events) == 1
    event = events[0]
    assert event.source is not None and not event.source.unknown  # the doer of the carried-out attack
    assert event.target is not None  # the market's side, from the bombing
    assert event.cameo.root == "18"  # a bombing is finer than an attack


def test_a_relative_clause_restating_the_act_adds_its_target(coder: Coder) -> None:
    events = _events(coder, "The raid, which targeted a militant hideout in Mosul, was carried out by Iraqi forces.",
                     "ASSAULT")
    assert len(events) == 1
    assert events[0].source is not None and events[0].source.sector == "MIL"
    assert events[0].target is not None


def test_conjoined_verbs_with_two_named_targets_stay_two_events(coder: Coder) -> None:
    events = _events(coder, "Ethiopian troops attacked Mekelle and shelled Adigrat on Friday.", "ASSAULT")
    assert len(events) == 2
    assert len({e.target.name for e in events if e.target is not None}) == 2


def test_conjoined_verbs_with_two_doers_stay_two_events(coder: Coder) -> None:
    events = _events(coder, "Kenya arrested two suspects and Uganda detained three others.", "COERCE")
    assert len(events) == 2
    assert len({e.source.country for e in events if e.source is not None}) == 2


def test_an_accusation_and_the_act_it_accuses_stay_apart(coder: Coder) -> None:
    events = coder.code("The rebels denied attacking the convoy and accused the army of shelling it.",
                        date="2023-03-14")
    # the denied attack is a denial (016, PLOVER REJECT), the accused shelling an accusation
    assert {"ACCUSE", "REJECT"} <= {e.plover.type for e in events}
    assert not any("+restated" in e.evidence.rule or e.evidence.restated for e in events)


def test_conjoined_verbs_each_with_its_own_object_stay_two_clauses(coder: Coder) -> None:
    events = _events(coder, "Rebels ambushed a supply convoy and killed four soldiers in northern Mali.", "ASSAULT")
    assert {e.evidence.trigger.text for e in events} == {"ambushed", "killed"}


def test_a_relative_clause_verb_is_the_evidence_over_the_noun_it_describes(coder: Coder) -> None:
    events = _events(coder, "The raid, which targeted a militant hideout in Mosul, was carried out by Iraqi forces.",
                     "ASSAULT")
    assert [e.evidence.trigger.text for e in events] == ["targeted"]
