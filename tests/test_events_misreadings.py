"""Readings that made an event out of words that report none, or the wrong one: talks that
"broke down" crack down on no one, a deal honoured praises no one, what a thing is called is
no act, a congress that acts is a body, an act asked for deeper down is not done, "the wounded"
are people, not a wounding, and a news outlet's report names no object of its own. On the real pipeline; every sentence was written
for these tests (none from an evaluation set)."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2024-03-14"


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, date=DATE)


def _codes(coder: Coder, text: str) -> set[str]:
    return {e.cameo.code for e in _events(coder, text)}


def test_talks_that_broke_down_are_no_crackdown(coder: Coder) -> None:
    text = "Azerbaijan moved tanks to the front line a day after talks with Armenia broke down."
    assert not any(c.startswith("17") for c in _codes(coder, text))
    # a crackdown still is one, and breaking up a protest is repression
    assert "175" in _codes(coder, "Police cracked down on protesters in Minsk on Sunday.")
    assert "175" in _codes(coder, "Police broke up a protest in Minsk on Sunday.")


def test_a_deal_honoured_praises_no_one(coder: Coder) -> None:
    text = "Striking doctors marched through Nairobi to protest against the government's failure to honour a pay deal."
    assert not any(c.startswith("05") for c in _codes(coder, text))
    assert "051" in _codes(coder, "Kenya honoured its Olympic athletes at State House on Friday.")


def test_what_a_thing_is_called_is_no_act(coder: Coder) -> None:
    text = "Mexico objected to the U.S. plan on Tuesday, calling it an attack on Mexican sovereignty."
    codes = _codes(coder, text)
    assert not any(c.startswith("19") for c in codes), codes
    assert any(c.startswith("11") for c in codes), codes


def test_a_congress_that_acts_is_a_legislature_not_a_meeting(coder: Coder) -> None:
    events = _events(coder, "Peru's congress rejected the president's request for a vote of confidence.")
    assert not any(e.cameo.root == "04" for e in events)
    assert any(e.cameo.root == "12" and e.source is not None and e.source.sector == "LEG" for e in events)


def test_an_act_asked_for_deeper_down_is_not_done(coder: Coder) -> None:
    text = "Niger's ousted president urged the United States to help restore constitutional order."
    events = _events(coder, text)
    assert any(e.plover.type == "REQUEST" and e.modality == "asserted" for e in events)
    asked = [e for e in events if e.plover.type != "REQUEST"]
    assert all(e.modality == "hypothetical" for e in asked), [(e.cameo.code, e.modality) for e in asked]


def test_a_news_outlet_is_no_object_pronoun_of_the_act_it_reports(coder: Coder) -> None:
    text = ("The Iranian navy seized a foreign oil tanker in the Gulf on Thursday, accusing it of "
            "smuggling fuel, state television reported.")
    accused = [e for e in _events(coder, text) if e.cameo.root == "11"]
    assert accused and all(e.target is None or e.target.sector != "JRN" for e in accused)
    # in its own words the outlet is the subject 'it' stands for
    banned = _events(coder, "Al Jazeera said it had been banned from reporting in Israel.")
    assert any(e.target is not None and e.target.sector == "JRN" for e in banned)


def test_power_seized_is_a_coup_not_property_confiscated(coder: Coder) -> None:
    codes = _codes(coder, "The army seized power in Niger on Wednesday.")
    assert "180" in codes and "1711" not in codes, codes
    assert "1711" in _codes(coder, "Customs officers seized a shipment of Iranian oil on Friday.")


def test_what_an_accusation_alleges_is_no_event_however_deep(coder: Coder) -> None:
    # "of helping Russia DEPORT children": the deporting is alleged, as the helping is
    text = "Ukraine's foreign ministry accused Belarus of helping Russia deport Ukrainian children."
    assert {e.cameo.root for e in _events(coder, text)} == {"11"}


@pytest.mark.parametrize("text", [
    "Jordan set up field hospitals for Gaza's wounded.",
    "The army said the wounded were flown to Kabul.",
    "Doctors in Beirut struggled to treat the injured.",
])
def test_a_participle_that_names_people_is_no_act(coder: Coder, text: str) -> None:
    # "the wounded" are people the act befell; the wounding is not reported here
    assert not any(c[:2] in ("18", "19", "20") for c in _codes(coder, text)), text


def test_a_participle_with_its_clause_still_acts(coder: Coder) -> None:
    text = "Three Afghan soldiers were wounded in a roadside bombing near Kandahar."
    assert any(c[:2] in ("18", "19") for c in _codes(coder, text))
