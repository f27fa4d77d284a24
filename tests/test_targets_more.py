"""Whom an act is aimed at when the verb's object is the doer's own forces, a person of a
nationality, or a thing owned by someone named elsewhere; on the real pipeline.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2022-05-10"


def _dyads(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    """(source country, target code, CAMEO root) of the events of ``text``."""
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.country or e.source.cameo_code, e.target.cameo_code if e.target else None, e.cameo.code[:2])
            for e in events if e.source is not None}


def _targets(coder: Coder, text: str) -> set[str | None]:
    return {t for _, t, _ in _dyads(coder, text)}


# -- the forces a verb moves are the doer's own, never its target ---------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Romania sent more soldiers to the border with Moldova.", "ROU", "MDA"),
    ("Egypt rushed tanks to its frontier with Libya after the attack.", "EGY", "LBY"),
    ("Kenya moved extra police units closer to the border with Somalia.", "KEN", "SOM"),
    ("Japan sent destroyers to waters near North Korea.", "JPN", "PRK"),
])
def test_forces_sent_to_a_border_face_the_country_across_it(coder: Coder, text: str, source: str,
                                                            target: str) -> None:
    assert any((s, t) == (source, target) for s, t, _ in _dyads(coder, text))


def test_forces_sent_under_a_vow_face_the_country_of_the_border(coder: Coder) -> None:
    dyads = _dyads(coder, "Belarus vowed to send more troops to the border with Lithuania.")
    assert any(s == "BLR" and t == "LTU" for s, t, _ in dyads)
    assert not any(t is not None and t.startswith("BLR") for _, t, _ in dyads)


@pytest.mark.parametrize("text", [
    "Poland deployed more troops on Friday.",
    "Morocco moved additional soldiers to its southern border.",
])
def test_forces_sent_with_no_counterpart_leave_the_target_empty(coder: Coder, text: str) -> None:
    targets = _targets(coder, text)
    assert targets == {None}


def test_foreign_forces_a_verb_names_keep_their_country(coder: Coder) -> None:
    # the doer's own forces are dropped, not forces of another country it acts on
    assert ("CHN", "INDMIL", "11") in _dyads(coder, "China accused Indian troops of crossing the line.")


# -- people of a nationality released --------------------------------------------------------------


@pytest.mark.parametrize(("text", "source", "country"), [
    ("Myanmar freed four Australian prisoners in an amnesty.", "MMR", "AUS"),
    ("Al-Shabaab released three Kenyan hostages after talks.", None, "KEN"),
    ("Russia released two Japanese detainees on Thursday.", "RUS", "JPN"),
])
def test_released_people_of_a_nationality_are_its_people(coder: Coder, text: str, source: str | None,
                                                         country: str) -> None:
    dyads = _dyads(coder, text)
    assert any(t is not None and t.startswith(country) and r == "08" and (source is None or s == source)
               for s, t, r in dyads)


def test_released_people_of_the_doers_own_country_are_its_people(coder: Coder) -> None:
    """A state freeing its own prisoners acts on its own people (CAMEO codes the domestic dyad)."""
    assert _targets(coder, "Egypt released two hundred Egyptian prisoners ahead of the holiday.") == {"EGYCVL"}


# -- a place an act applies to --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "country"), [
    ("Russian rockets hit a rail depot near Kharkiv.", "UKR"),
    ("Israeli warplanes struck a storage facility outside Beirut.", "LBN"),
    ("Turkish jets bombed a power station near Kirkuk.", "IRQ"),
])
def test_a_thing_hit_near_a_place_is_the_places_country(coder: Coder, text: str, country: str) -> None:
    assert any(t is not None and t.startswith(country) for t in _targets(coder, text))


def test_a_place_the_doer_acts_from_is_not_the_target(coder: Coder) -> None:
    # 'from' names where the doer stands, not what is hit
    targets = _targets(coder, "Russian jets took off from a base near Kaliningrad.")
    assert not any(t is not None and t.startswith("RUS") for t in targets)


# -- a possessive pronoun's owner -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Iranian police arrested the bloggers and confiscated their laptops.",
    "Turkish police detained the reporters and seized their notebooks.",
])
def test_their_things_belong_to_the_people_named_before(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    seized = [e for e in events if e.cameo.code == "1711"]
    arrested = [e for e in events if e.cameo.code == "173"]
    assert seized and arrested
    assert {e.target.cameo_code if e.target else None for e in seized} == {
        e.target.cameo_code if e.target else None for e in arrested} != {None}


def test_their_own_things_are_no_target(coder: Coder) -> None:
    # the doer's own possessions name no one acted on
    assert _targets(coder, "The soldiers destroyed their own weapons before the surrender.") <= {None}


# -- repression that names no victim ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "country"), [
    ("Algeria cracked down on dissent before the referendum.", "DZA"),
    ("Tajik authorities launched a crackdown on dissent in the mountains.", "TJK"),
])
def test_repression_naming_no_victim_is_on_the_doers_own_people(coder: Coder, text: str, country: str) -> None:
    assert (country, country + "CVL", "17") in _dyads(coder, text)


def test_repression_of_named_victims_keeps_them(coder: Coder) -> None:
    targets = _targets(coder, "Zambian police cracked down on opposition supporters in Lusaka.")
    assert "ZMBOPP" in targets and "ZMBCVL" not in targets


# -- people a state arrests, with no nationality or body named ----------------------------------------


@pytest.mark.parametrize(("text", "country"), [
    ("Tunisian authorities detained seven suspects after the raid.", "TUN"),
    ("Georgian police arrested four men near the parliament.", "GEO"),
])
def test_people_a_state_arrests_unnamed_are_its_own(coder: Coder, text: str, country: str) -> None:
    assert (country, country + "CVL", "17") in _dyads(coder, text)


@pytest.mark.parametrize(("text", "target"), [
    ("Tunisian authorities detained seven Libyan suspects after the raid.", "LBY"),
    ("Georgian police arrested him near the parliament.", None),
])
def test_arrested_people_of_a_nationality_or_unresolved_pronouns_stay_so(coder: Coder, text: str,
                                                                        target: str | None) -> None:
    targets = _targets(coder, text)
    assert not any(t is not None and t.startswith("GEO") and t != "GEOCOP" for t in targets)
    assert target is None or any(t is not None and t.startswith(target) for t in targets)


@pytest.mark.parametrize(("text", "target"), [
    ("Belarus executed a man convicted of a bombing in the Minsk metro.", "BLRCVL"),
    ("Vietnam executed three men for drug trafficking on Thursday.", "VNMCVL"),
    # a nationality named stays that country's
    ("Malaysia executed a Nigerian man for drug trafficking.", "NGA"),
])
def test_people_a_state_executes_unnamed_are_its_own(coder: Coder, text: str, target: str) -> None:
    assert any(t is not None and t.startswith(target) for t in _targets(coder, text)), _dyads(coder, text)
