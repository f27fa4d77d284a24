"""Who did it to whom where the recipient or the doer sits outside the pattern's own slots: the
subject that undergoes an act named by an 'under' phrase, the addressee of the message an
appeal is made in, a side named again as a topic, an actor as a passive subject, and a party
named once and then as "the country". On the real pipeline; every sentence was written for
these tests, none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2022-06-01"


def _triples(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.country or e.source.cameo_code, e.target.country if e.target else None, e.cameo.code)
            for e in events if e.source is not None}


def test_came_under_attack_by_is_done_to_the_subject(coder: Coder) -> None:
    found = _triples(coder, "Israeli positions came under attack by Hezbollah fighters overnight.")
    assert any(s == "LBN" and t == "ISR" and c.startswith("19") for s, t, c in found), found


def test_placed_under_sanctions_by_is_done_to_the_passive_subject(coder: Coder) -> None:
    text = "Venezuela's defence minister was placed under sanctions by the U.S. Treasury on Monday."
    found = _triples(coder, text)
    assert any(s == "USA" and t == "VEN" and c.startswith("16") for s, t, c in found), found


def test_an_appeal_is_made_to_whom_its_message_is_sent(coder: Coder) -> None:
    text = ("In a plea to Tokyo on Monday, the Philippine defence secretary asked for more coast "
            "guard vessels to patrol the South China Sea.")
    found = _triples(coder, text)
    assert any(s == "PHL" and t == "JPN" and c.startswith("02") for s, t, c in found), found


def test_a_side_named_again_as_the_topic_leaves_the_talks_between_the_sides(coder: Coder) -> None:
    found = _triples(coder, "Indian and Chinese commanders held talks on Beijing's troop build-up along the border.")
    assert {("IND", "CHN", "040"), ("CHN", "IND", "040")} <= found, found
    assert ("CHN", "CHN", "040") not in found, found


def test_a_third_party_of_the_talks_stays_their_target(coder: Coder) -> None:
    found = _triples(coder, "Indian and Chinese commanders held talks with Bhutan's army chief.")
    assert {("IND", "BTN", "040"), ("CHN", "BTN", "040")} <= found, found


def test_an_actor_as_a_light_verbs_passive_subject_is_no_doer(coder: Coder) -> None:
    text = "Russian diplomats were ordered out of Estonia on Tuesday, the foreign ministry in Tallinn said."
    found = _triples(coder, text)
    assert found and not any(s == "RUS" for s, _, _ in found), found


def test_the_keyword_actor_as_passive_subject_is_the_target(coder: Coder) -> None:
    text = "Russian diplomats were ordered out of Estonia on Tuesday, the foreign ministry in Tallinn said."
    found = _triples(coder, text)
    assert any(t == "RUS" and c.startswith("16") for _, t, c in found), found
    assert not any(t == "EST" for _, t, _ in found), found


def test_the_country_as_a_subject_refers_back_to_the_state(coder: Coder) -> None:
    text = ("Mexico's embassy in Quito was raided late on Friday, and hours later the country broke "
            "off diplomatic relations with Ecuador.")
    assert ("MEX", "ECU", "161") in _triples(coder, text)

