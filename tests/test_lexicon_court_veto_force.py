"""Lexicon rows and senses for court verdicts, vetoes, ultimatums, reinforced forces, and shots
and warnings that are no political act. Sentences of our own (none from an evaluation set); the
guards show the neighbouring readings the new rows must leave alone.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2022-03-15"

PHRASINGS = [
    # 116: a court finds a defendant guilty (the parser makes 'guilty' a clause of its own)
    ("A court in Tunis found the opposition leader guilty of plotting against the state.", "116"),
    # 173: a prison sentence holds the convict (CAMEO 116's note)
    ("A court in Almaty sentenced the journalist to seven years in prison.", "173"),
    # 129: a veto of a statement is still a veto, not an objection to it (110)
    ("Hungary vetoed the bloc's joint statement on Taiwan.", "129"),
    # 139: so many hours or days given to act is an ultimatum, penalty named or not
    ("Kosovo gave the Serbian officials two weeks to leave the municipality.", "139"),
    ("The army gave the rebels 48 hours to lay down their weapons.", "139"),
    ("Sudan's army gave the paramilitary force until midnight to leave the capital.", "139"),
    # 153, 154: police or troops reinforced with more are their own side's force grown
    ("Police in Lagos were reinforced with 500 riot officers.", "153"),
    ("Government troops in Goma were reinforced with 300 soldiers.", "154"),
]

NO_EVENT = [
    # a film shot, a ball shot: no weapon
    "Most of the comedy was shot in the slums of Nairobi over two years.",
    "The Bayern striker shot over the bar in the final minute.",
    # experts warning of a danger with no addressee forecast it
    "Doctors in Japan warned of a sharp rise in heatstroke cases this summer.",
]

GUARDS = [
    # soldiers who shoot protesters still use force (repression, 175)
    ("Soldiers shot two protesters in the capital.", {"17", "18", "19"}),
    # a fine stays a finding against a party (116)
    ("A French court fined the bank for money laundering.", {"11"}),
    # a government's warning to another party stays a threat
    ("Iran's army chief warned Israel against any attack on its nuclear sites.", {"13"}),
]


@pytest.mark.parametrize(("text", "code"), PHRASINGS)
def test_verdict_veto_ultimatum_force_phrasings(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert code in codes, (text, codes)


@pytest.mark.parametrize("text", NO_EVENT)
def test_pictures_balls_and_forecasts_are_no_events(coder: Coder, text: str) -> None:
    assert [e.cameo.code for e in coder.code(text, date=DATE)] == [], text


@pytest.mark.parametrize(("text", "roots"), GUARDS)
def test_neighbouring_readings_stay(coder: Coder, text: str, roots: set[str]) -> None:
    found = {e.cameo.root for e in coder.code(text, date=DATE)}
    assert found & roots, (text, found)


def test_setting_a_timetable_is_no_ultimatum(coder: Coder) -> None:
    codes = {e.cameo.code for e in coder.code("The opposition set a deadline of March for the talks.", date=DATE)}
    assert "139" not in codes, codes


@pytest.mark.parametrize("text", [
    "The court granted the defence two weeks to prepare its case.",
    "Russia gave the inspectors three days to visit the plant.",
])
def test_time_given_for_a_benign_act_is_no_ultimatum(coder: Coder, text: str) -> None:
    # an ultimatum demands a yielding (leave, withdraw, surrender); time to prepare or visit is none
    events = coder.code(text, date=DATE)
    assert "139" not in {e.cameo.code for e in events}, text
