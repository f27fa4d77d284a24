"""Whom a protest is aimed at through the deed it protests (events/protested.py and its callers),
on the real pipeline: those a deed was done to are whom the protesters stand up for, never
whom they oppose; the doer a protest's purpose names is; a state named by its country's name is
its government; a group held in another state protests that state's deed.

Each rule is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2024-05-02"


def _protests(coder: Coder, text: str, date: str = DATE) -> set[tuple[str, str | None]]:
    """(source code, target code) of the protest events (CAMEO root 14) of ``text``."""
    events: list[Event] = coder.code(text, date=date)
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None)
            for e in events if e.source is not None and e.cameo.root == "14"}


# -- those a protested deed was done to are no target -------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # the arrested cleric is whom they protest for; an arrest is the state's deed
    ("Pakistani students protested in Lahore against the arrest of a prominent cleric.", ("PAKEDU", "PAKGOV")),
    # a deed no state alone does, with no doer named, is aimed at no one
    ("Pakistani activists marched in Islamabad over the deportation of Afghan refugees.", ("PAKCVL", None)),
    # nor is one a clause after the protest names
    ("Rioters looted shops in Durban during unrest that followed the jailing of former President Jacob Zuma.",
     ("ZAFCVL", None)),
])
def test_the_victims_of_a_protested_deed_are_not_its_target(coder: Coder, text: str,
                                                            expected: tuple[str, str | None]) -> None:
    assert _protests(coder, text) == {expected}


def test_a_named_party_against_whom_a_protest_is_stays(coder: Coder) -> None:
    """A neighbour: the object of a protest that is itself an actor is untouched."""
    assert _protests(coder, "Thousands of South Koreans marched in Seoul against President Yoon Suk Yeol.") == {
        ("KORCVL", "KORGOV")}


# -- the doer a protest's purpose names ---------------------------------------------------------


@pytest.mark.parametrize(("text", "date", "expected"), [
    # the place boycotted names no one; the purpose names whose deed is protested
    ("Lawyers across Pakistan boycotted the courts to protest against President Pervez Musharraf's "
     "suspension of the chief justice.", "2007-03-15", ("PAKJUD", "PAKGOV")),
    ("Thousands marched in Lyon to protest the killing of a teenager by police.", DATE, ("FRACVL", "FRACOP")),
    # an armed body named before the deed is its doer
    ("Nurses in Myanmar walked off the job to protest against the military coup.", "2021-02-03",
     ("MMRMED", "MMRMIL")),
])
def test_the_doer_of_the_deed_a_protest_s_purpose_names_is_its_target(
        coder: Coder, text: str, date: str, expected: tuple[str, str]) -> None:
    assert _protests(coder, text, date) == {expected}


def test_the_protest_s_own_noun_names_no_doer(coder: Coder) -> None:
    """A neighbour: "a GENERAL strike" is the protest itself, no army's deed."""
    pairs = _protests(coder, "Kenya's opposition party called a general strike to protest against the government.")
    assert pairs and not any(t is not None and t.endswith("MIL") for _, t in pairs)


# -- a state named by its country's name --------------------------------------------------------


def test_the_protesters_own_state_named_is_its_government(coder: Coder) -> None:
    text = "Thousands of Serbians protested in Belgrade against Serbia's decision to join the sanctions."
    assert _protests(coder, text) == {("SRBCVL", "SRBGOV")}


def test_a_town_of_the_protesters_own_state_is_where_not_whom(coder: Coder) -> None:
    text = "Thousands of Bangladeshi workers blocked roads in Dhaka to demand higher wages."
    assert _protests(coder, text) == {("BGDLAB", None)}


# -- a group held in another state --------------------------------------------------------------


def test_a_group_held_abroad_protests_the_host_state_s_deed(coder: Coder) -> None:
    text = "Afghan refugees in Iran went on hunger strike to protest against the detention of their relatives."
    assert _protests(coder, text) == {("AFGREF", "IRNGOV")}


def test_a_group_at_home_protests_its_own_government_s_deed(coder: Coder) -> None:
    text = "Tanzanian journalists protested against the arrest of a colleague."
    assert _protests(coder, text) == {("TZAJRN", "TZAGOV")}


# -- whose the thing protested is ---------------------------------------------------------------


def test_the_author_of_a_protested_bill_is_no_act_of_its_own(coder: Coder) -> None:
    """"a bill PROPOSED by the government": the participle tells whose the topic is; PLOVER codes
    the protest, not its topic."""
    text = "Thousands of young Kenyans marched through Nairobi against a finance bill proposed by the government."
    roots = {e.cameo.root for e in coder.code(text, date=DATE)}
    assert roots == {"14"}


def test_a_deed_told_of_those_a_protest_is_for_stays_an_event(coder: Coder) -> None:
    """A neighbour: a discrete act that moved people to protest is coded, as the manual says."""
    text = "Hundreds protested in Yerevan against the killing of a soldier shot by Azerbaijani troops."
    roots = {e.cameo.root for e in coder.code(text, date=DATE)}
    assert {"14", "19"} <= roots


# -- a firm named by its trade ------------------------------------------------------------------


def test_a_firm_named_by_its_trade_is_a_business(coder: Coder) -> None:
    text = "Workers at Amazon's warehouses in Germany went on strike in a pay dispute with the U.S. online retailer."
    assert _protests(coder, text) == {("DEULAB", "USABUS")}
