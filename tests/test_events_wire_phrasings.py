"""Ways wire copy tells an event that a verb lexicon misses; on the real pipeline.

A speaker naming the culprit ("said Y was behind the attack", "Y were responsible for the
violence") accuses Y, as PLOVER's ACCUSE takes informal accusations; supplies rushed to a party
are aid; captives sent home are released; a letter to a party is a remote consultation; a time
"until the end of" a period to leave is an ultimatum. Every sentence was written
for these tests from the PLOVER manual's definitions and ordinary English; none comes from an
evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2024-03-12"


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Pakistan's army said India was behind the bombing of a bus in Balochistan.", "PAK", "IND"),
    ("Libya's eastern authorities said Egyptian smugglers were responsible for the killing of two guards.",
     "LBY", "EGY"),
    ("The Malian army said jihadists were to blame for the ambush near Gao.", "MLI", "MLI"),
    ("Colombian police said a Venezuelan gang was responsible for kidnapping the engineers.", "COL", "VEN"),
    ("Georgia's interior minister said Russian troops were the perpetrators of the abduction.", "GEO", "RUS"),
])
def test_a_speaker_naming_the_culprit_accuses_it(coder: Coder, text: str, source: str, target: str) -> None:
    found = country_codes(coder, text, DATE)
    assert (source, target, "112") in [(s, t, c[:3]) for s, t, c, _ in found], (text, found)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "India was behind the bombing of a bus in Balochistan.",  # the reporter's word: no one's charge
    "Officials said the Egyptian interior ministry is responsible for border security.",  # a duty
    "Kenya's health minister said her ministry was responsible for distributing the vaccines.",
    # a guess at the doer charges no one
    "Police in Kabul said a suicide bomber may have been behind the blast at the ministry.",
])
def test_no_accusation_without_a_speaker_or_a_deed(coder: Coder, text: str) -> None:
    found = country_codes(coder, text, DATE)
    assert not [c for _, _, c, _ in found if c[:3] == "112"], (text, found)


@pytest.mark.model
def test_the_charged_deed_is_no_event_of_its_own(coder: Coder) -> None:
    found = country_codes(coder, "Nigeria's army said Boko Haram fighters were responsible for the attack on a "
                                 "school in Borno.", DATE)
    assert [c[:2] for _, _, c, _ in found] == ["11"], found


def _plover(coder: Coder, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(e.source.country if e.source else None, e.target.country if e.target else None, e.plover.type)
            for e in coder.code(text, date=DATE)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Japan rushed fuel and generators to the Philippines after the typhoon.", "JPN", "PHL"),
    ("Germany rushed air defence missiles to Ukraine after the strikes on Kyiv.", "DEU", "UKR"),
])
def test_supplies_rushed_to_a_party_are_aid(coder: Coder, text: str, source: str, target: str) -> None:
    assert (source, target, "AID") in _plover(coder, text), text


@pytest.mark.model
def test_captives_sent_home_are_released_not_deployed(coder: Coder) -> None:
    found = _plover(coder, "Russia sent home 20 Ukrainian soldiers held since the battle for Mariupol.")
    assert ("RUS", "UKR", "RETREAT") in found and "MOBILIZE" not in [t for _, _, t in found], found


@pytest.mark.model
def test_a_banner_left_somewhere_is_no_withdrawal(coder: Coder) -> None:
    found = _plover(coder, "Drug traffickers left a banner in Tijuana threatening the city mayor.")
    assert "RETREAT" not in [t for _, _, t in found], found


@pytest.mark.model
def test_a_time_given_to_leave_ending_a_period_is_an_ultimatum(coder: Coder) -> None:
    found = _plover(coder, "The Taliban gave Turkish troops until the end of August to leave Afghanistan or face "
                           "consequences.")
    assert ("AFG", "TUR", "THREATEN") in found, found


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Brazil's president sent a letter to the Argentine president on Monday.", "BRA", "ARG"),
    ("The Greek prime minister wrote to the Turkish president about the migrants.", "GRC", "TUR"),
])
def test_a_letter_between_parties_is_a_remote_consultation(coder: Coder, text: str, source: str, target: str) -> None:
    assert (source, target, "CONSULT") in _plover(coder, text), text


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Amnesty International alleged that Iranian police had tortured detained protesters.", "IGO", "IRN"),
    ("Georgia's opposition charged that Russian agents had bought votes in the election.", "GEO", "RUS"),
])
def test_an_allegation_made_as_a_clause_accuses_the_clause_doer(coder: Coder, text: str, source: str,
                                                                target: str) -> None:
    found = [(s if s is None or len(s) == 3 else "IGO", t, c[:3]) for s, t, c, _ in country_codes(coder, text, DATE)]
    assert (source, target, "112") in found, (text, found)


@pytest.mark.model
def test_whom_an_attack_is_blamed_on_is_the_accused_not_its_victim(coder: Coder) -> None:
    found = country_codes(coder, "Ethiopia blamed Eritrean troops for the shelling of the town of Adigrat.", DATE)
    assert ("ETH", "ERI") in [(s, t) for s, t, c, _ in found if c[:3] == "112"], found
