"""Events that would lose a side: the other party named only in the phrase of the act's cause
("over X's decision"), in the message that carries a verbal act ("in a letter to X"), and a
place of the doer's own country named as where something leaves from, which is no party.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2022-06-01"


def _sides(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    """(source code, target code, CAMEO root) of the events of ``text``, any modality."""
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None, e.cameo.code[:2])
            for e in coder.code(text, date=DATE)}


def _targets(coder: Coder, text: str, root: str) -> set[str | None]:
    """The country (else the code) of each target of the events of ``root`` in ``text``."""
    return {(e.target.country or e.target.cameo_code) if e.target else None
            for e in coder.code(text, date=DATE) if e.cameo.code[:2] == root}


# -- the party whose deed an act answers ------------------------------------------------------


@pytest.mark.parametrize(("text", "root", "target"), [
    ("Ghana broke off diplomatic ties over Togo's support for the rebels.", "16", "TGO"),
    ("Peru recalled its ambassador over Mexico's decision to grant asylum to the former president.",
     "16", "MEX"),
    ("Lebanon lodged a protest over Israel's construction of a wall near the border.", "11", "ISR"),
    ("Iraq demanded an apology over comments by the Turkish foreign minister.", "10", "TUR"),
    ("Seoul suspended military talks over Pyongyang's missile launches.", "16", "PRK"),
])
def test_the_doer_of_the_deed_an_act_answers_is_its_target(coder: Coder, text: str, root: str,
                                                            target: str) -> None:
    assert _targets(coder, text, root) == {target}


@pytest.mark.parametrize(("text", "root"), [
    # the doer's own concerns name no one else
    ("Ghana broke off diplomatic ties over its security concerns.", "16"),
    # those a deed was done to are not whom the answer is aimed at
    ("Peru recalled its ambassador over the arrest of Peruvian nationals.", "16"),
])
def test_a_matter_without_another_doer_names_no_target(coder: Coder, text: str, root: str) -> None:
    assert _targets(coder, text, root) == {None}


# -- the sides of what the act is about, named after 'between' --------------------------------


@pytest.mark.parametrize(("text", "root", "targets"), [
    ("Chile welcomed the agreement between Serbia and Kosovo on Thursday.", "05", {"SRB", "XKX"}),
    # the doer is never its own target
    ("Egypt welcomed the truce between Egypt and Sudan's rebels.", "05", {"SDN"}),
])
def test_the_sides_of_an_object_between_two_parties_are_the_targets(coder: Coder, text: str, root: str,
                                                                    targets: set[str]) -> None:
    assert _targets(coder, text, root) == targets


def test_an_object_between_no_parties_names_no_target(coder: Coder) -> None:
    assert _targets(coder, "Ghana's president hailed the deal as historic.", "05") == {None}


# -- whose the thing a passive acts on is ------------------------------------------------------


def test_the_owner_of_a_passive_subject_is_the_target(coder: Coder) -> None:
    events = coder.code("Norway's decision to recognise Palestine was welcomed by Jordan.", date=DATE)
    assert {e.target.country if e.target else None for e in events
            if e.cameo.code[:2] == "05" and e.source.country == "JOR"} == {"NOR"}


@pytest.mark.parametrize(("text", "target"), [
    ("Ecuador's vice president was assassinated at his home in Quito.", "ECUGOV"),
    ("Lebanon's prime minister was assassinated at his home.", "LBNGOV"),
])
def test_a_person_a_passive_acts_on_is_the_target_not_their_country(coder: Coder, text: str,
                                                                    target: str) -> None:
    events = coder.code(text, date=DATE)
    assert {e.target.cameo_code if e.target else None for e in events if e.cameo.code[:2] == "18"} == {target}


def test_each_of_a_coordinated_passive_subject_is_a_target(coder: Coder) -> None:
    assert _targets(coder, "Serbia and Kosovo were urged by the EU to resume talks.", "02") == {"SRB", "XKX"}


def test_a_pronoun_owner_of_a_passive_subject_names_no_target(coder: Coder) -> None:
    assert _targets(coder, "Its decision was welcomed by the European Union.", "05") == {None}


# -- the addressee of the message that carries a verbal act -----------------------------------


@pytest.mark.parametrize(("text", "root", "target"), [
    ("In a letter to the Kenyan president, Tanzania's president asked for help in fighting the fires.",
     "02", "KEN"),
    ("Iran said in a message to the Saudi king that it was ready to restore ties.", "03", "SAU"),
])
def test_the_addressee_of_a_letter_or_message_is_the_target(coder: Coder, text: str, root: str,
                                                            target: str) -> None:
    assert _targets(coder, text, root) == {target}


def test_whom_the_words_are_told_is_the_target_of_what_they_report(coder: Coder) -> None:
    text = "Putin told Erdogan that Russia was ready to resume grain exports."
    assert _targets(coder, text, "03") == {"TUR"}


def test_the_press_told_is_no_addressee(coder: Coder) -> None:
    text = "The Brazilian president told reporters that Brazil was ready to send food aid."
    assert "JRN" not in {e.target.sector for e in coder.code(text, date=DATE) if e.target is not None}


def test_a_speech_has_an_audience_not_an_addressee(coder: Coder) -> None:
    text = "In a speech to parliament, the Indian prime minister promised to build more roads."
    assert _targets(coder, text, "03") == {None}


# -- a home place named as where something leaves from ----------------------------------------


def test_the_doers_own_city_after_from_is_no_party(coder: Coder) -> None:
    sides = _sides(coder, "Estonia expelled a Russian diplomat from Tallinn.")
    assert {t for s, t, root in sides if root == "16"} == {"RUSGOV"}


def test_a_city_abroad_after_from_is_its_country(coder: Coder) -> None:
    assert _targets(coder, "Mexico withdrew its ambassador from Lima.", "16") == {"PER"}


def test_the_doers_own_city_an_embassy_is_closed_in_is_no_party(coder: Coder) -> None:
    assert _targets(coder, "Nicaragua closed the Taiwanese embassy in Managua.", "16") == {"TWN"}


def test_a_home_place_a_measure_applies_to_stays_the_target(coder: Coder) -> None:
    assert _targets(coder, "The Nigerian government imposed a curfew in Kano.", "17") == {"NGA"}


# -- the two sides of a fight or talks that are said to take place ------------------------------


@pytest.mark.parametrize(("text", "a", "b", "root"), [
    ("Fighting broke out between Kyrgyz and Tajik border guards on Wednesday.", "KGZ", "TJK", "19"),
    ("Clashes erupted between Sudanese and Ethiopian troops near the disputed farmland.", "SDN", "ETH", "19"),
    ("Heavy fighting raged between Congolese soldiers and M23 rebels north of Goma.", "COD", "COD", "19"),
    ("Talks resumed between Guyana and Venezuela in Brasilia.", "GUY", "VEN", "04"),
])
def test_sides_hung_on_the_verb_of_taking_place(coder: Coder, text: str, a: str, b: str, root: str) -> None:
    pairs = {(s[:3], (t or "")[:3]) for s, t, r in _sides(coder, text) if r == root}
    assert (a, b) in pairs and (b, a) in pairs, pairs


def test_a_fight_said_to_take_place_with_no_sides_has_no_event(coder: Coder) -> None:
    assert not _sides(coder, "Clashes erupted in the old city after Friday prayers.")
