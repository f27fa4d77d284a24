"""Targets the text implies without naming them where the pattern looks: the doer of a deed an
act judges, the party a response answers, the doer of the sentence before when a bare noun
refers back to its deed, and a group's own government when it demands elections or protests an
arrest no one else is named for; on the real pipeline.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2024-05-02"


def _pairs(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    """(source country, target country, CAMEO root) of the events of ``text``."""
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.country or e.source.cameo_code, e.target.country if e.target else None, e.cameo.root)
            for e in events if e.source is not None}


# -- the doer of the deed an act judges ---------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs the deed's 'by' on the active verb
    ("Croatia's fishermen denounced attacks on their boats by the Slovenian navy.", ("HRV", "SVN", "11")),
    # a possessor that is no actor ("Tuesday's") does not hide the deed's agent
    ("Lebanese doctors condemned Tuesday's strikes on ambulances by Israeli drones.", ("LBN", "ISR", "11")),
])
def test_the_doer_of_a_judged_deed_is_the_target(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _pairs(coder, text)


def test_a_judged_deed_with_no_doer_names_no_target(coder: Coder) -> None:
    pairs = _pairs(coder, "Chile's bishops condemned the rise in attacks on churches.")
    assert ("CHL", None, "11") in pairs


def test_a_deed_drafted_by_another_is_no_target_of_a_signing(coder: Coder) -> None:
    # only judging a deed aims at its doer: not signing a text someone else drafted
    pairs = _pairs(coder, "Georgia did not sign the trade declaration drafted by Ankara.")
    assert not any(t == "TUR" for _, t, _ in pairs)


# -- the party a response answers --------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("In response to Fiji's request after the cyclone, Australia sent medical teams.", ("AUS", "FJI", "07")),
    ("In response to American deployments in the Gulf, Iran threatened to close the strait.",
     ("IRN", "USA", "13")),
])
def test_the_owner_of_an_answered_deed_is_the_target(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _pairs(coder, text)


def test_a_response_to_no_one_names_no_target(coder: Coder) -> None:
    pairs = _pairs(coder, "In response to the floods, Japan sent tents to the affected areas.")
    assert not any(t not in (None, "JPN") for s, t, _ in pairs if s == "JPN")


# -- a bare noun that refers back to the deed of the sentence before ---------------------------


def test_a_bare_reference_to_the_previous_deed_aims_at_its_doer(coder: Coder) -> None:
    text = ("Venezuelan troops seized a Guyanese fishing boat on Tuesday. "
            "Brazil criticised the move as a provocation.")
    assert ("BRA", "VEN", "11") in _pairs(coder, text)


def test_a_reference_with_a_phrase_of_its_own_is_not_the_previous_deed(coder: Coder) -> None:
    text = ("Venezuelan troops seized a Guyanese fishing boat on Tuesday. "
            "Brazil criticised the move toward new tariffs.")
    assert not any(s == "BRA" and t == "VEN" for s, t, _ in _pairs(coder, text))


def test_a_bare_reference_aims_at_the_doer_of_the_reported_clause(coder: Coder) -> None:
    # the deed is the one reported, not the reporter's saying
    text = "The UN said Israeli jets struck Damascus. Syria condemned the strikes."
    pairs = _pairs(coder, text)
    assert ("SYR", "ISR", "11") in pairs
    assert not any(s == "SYR" and t != "ISR" for s, t, _ in pairs)


def test_a_move_a_speaker_announces_is_the_speaker_s(coder: Coder) -> None:
    # "the move" fits any deed: the reported clause's doer is only 'it', so the announcer
    text = "Russia said it would expel ten Estonian diplomats. Latvia condemned the move."
    assert ("LVA", "RUS", "11") in _pairs(coder, text)


def test_a_bare_reference_to_a_deed_the_sentence_before_did_not_tell_has_no_target(coder: Coder) -> None:
    # a meeting is no strike: "the strikes" refer to nothing in the sentence before
    text = "Germany's chancellor met farmers in Berlin on Monday. Ukraine condemned the strikes."
    pairs = _pairs(coder, text)
    assert ("UKR", None, "11") in pairs
    assert not any(s == "UKR" and t is not None for s, t, _ in pairs)


def test_a_bare_reference_in_the_first_sentence_has_no_antecedent(coder: Coder) -> None:
    assert ("BRA", None, "11") in _pairs(coder, "Brazil criticised the move as a provocation.")


# -- a group's own government --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya's opposition party demanded fresh elections.", ("KEN", "KEN", "10")),
    ("Malawian students marched to demand a rerun of the presidential vote.", ("MWI", "MWI", "14")),
    ("Tanzanian journalists protested against the arrest of a colleague.", ("TZA", "TZA", "14")),
])
def test_a_domestic_demand_or_protest_aims_at_the_own_government(coder: Coder, text: str,
                                                                  expected: tuple[str, str, str]) -> None:
    assert expected in _pairs(coder, text)


@pytest.mark.parametrize(("text", "source"), [
    # a state demanding elections may mean another country's; the text must name it
    ("The United States demanded free elections.", "USA"),
    # elections in another country are no ask of the group's own government
    ("Kenya's opposition party demanded fresh elections in Uganda.", "KEN"),
    # an arrest abroad is the other state's
    ("Tanzanian journalists protested against the arrest of a colleague in Uganda.", "TZA"),
])
def test_no_own_government_where_the_text_points_elsewhere(coder: Coder, text: str, source: str) -> None:
    assert not any(s == source and t == source for s, t, _ in _pairs(coder, text))


# -- the doer of an event noun reported by a passive verb ---------------------------------------


def test_an_event_noun_reported_in_the_passive_names_its_own_doer(coder: Coder) -> None:
    text = "The detention of two Turkish nationals by Greek coast guards was announced on Friday."
    assert ("GRC", "TUR", "17") in _pairs(coder, text)


def test_an_event_noun_reported_in_the_passive_with_no_doer_keeps_none(coder: Coder) -> None:
    # the report stays an event of an unknown doer, not one of whoever is named nearby
    pairs = _pairs(coder, "The detention of two Turkish nationals was announced in Athens on Friday.")
    assert ("---", "TUR", "17") in pairs


# -- the 'of' doer of a deed done to no one; the state of the place a state's deed is done in --


def test_the_of_phrase_of_a_deed_done_to_no_one_names_its_doer(coder: Coder) -> None:
    text = "Vietnam lodged a protest over the intrusion of Chinese survey ships into its waters."
    assert ("VNM", "CHN", "11") in _pairs(coder, text)


def test_the_of_phrase_of_remarks_names_their_speaker(coder: Coder) -> None:
    # "remarks" is a plural whose lemma is "remark"
    text = "Vietnam lodged a protest over the remarks of the Chinese ambassador."
    assert ("VNM", "CHN", "11") in _pairs(coder, text)


def test_the_words_of_the_implied_target_rules_are_lemmas() -> None:
    # the lists are compared to a token's lemma: a plural or a hyphenated word never matches
    from dyadwatch.knowledge.words import DEED_ANAPHORS, DOER_OF_NOUNS, RESPONSE_NOUNS

    for words in (DEED_ANAPHORS, DOER_OF_NOUNS, RESPONSE_NOUNS):
        assert not any((w.endswith("s") and w[:-1] in words) or "-" in w for w in words)


def test_the_of_phrase_of_a_deed_done_to_someone_is_not_its_doer(coder: Coder) -> None:
    # 'the arrest OF Iranian nationals': they were arrested, so no protest is aimed at them
    pairs = _pairs(coder, "Iran lodged a protest over the arrest of Iranian nationals.")
    assert ("IRN", None, "11") in pairs


def test_a_state_s_deed_judged_in_a_named_country_aims_at_its_government(coder: Coder) -> None:
    assert ("AUT", "SRB", "11") in _pairs(coder, "Austria criticised the crackdown on students in Serbia.")


def test_a_state_s_deed_in_two_named_countries_names_no_one_state(coder: Coder) -> None:
    pairs = _pairs(coder, "Austria criticised the crackdown on students in Serbia and Hungary.")
    assert not any(t == "SRB" for s, t, _ in pairs if s == "AUT")


def test_a_day_before_a_bare_reference_keeps_it_a_reference(coder: Coder) -> None:
    text = ("Venezuelan troops seized a Guyanese fishing boat on Tuesday. "
            "Brazil criticised Tuesday's seizure.")
    assert ("BRA", "VEN", "11") in _pairs(coder, text)


# -- the doer of a harm judged or looked into, not its victims -----------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("The UN condemned the killing of protesters by security forces in Sudan.", ("IGO", "SDN", "11")),
    ("Amnesty criticised police killings of protesters in Kenya.", ("NGO", "KEN", "11")),
    ("Kenya's police watchdog opened an investigation into police shootings of demonstrators in Nairobi.",
     ("KEN", "KEN", "09")),
])
def test_a_harm_is_judged_against_its_doer(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    events = coder.code(text, date=DATE)
    source, target, root = expected
    assert any(e.cameo.root == root and e.source.cameo_code.startswith(source) and e.target is not None
               and e.target.country == target and e.target.sector in ("MIL", "COP") for e in events), [
        (e.cameo.code, e.target.cameo_code if e.target else None) for e in events]


def test_a_harm_with_no_doer_named_keeps_its_victims(coder: Coder) -> None:
    events = coder.code("Ukrainian prosecutors opened an investigation into the killings of civilians in Bucha.", date=DATE)
    assert any(e.target is not None and e.target.sector == "CVL" for e in events)
