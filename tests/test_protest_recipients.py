"""Whom a protest is aimed at: PLOVER codes a protest against a state, its embassy or its
policy as aimed at that state's government; a body of the state named as such keeps its
sector.

Every sentence was written for these tests, wire style; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _protest_targets(coder: Coder, text: str) -> set[str]:
    return {e.target.cameo_code if e.target else "" for e in coder.code(text, date="2023-10-20")
            if e.plover.type == "PROTEST"}


@pytest.mark.parametrize(("text", "target"), [
    ("Pakistani students marched in Karachi on Friday to protest against Israel's bombing of Gaza.", "ISRGOV"),
    ("Hundreds of Iraqis protested outside the U.S. embassy in Baghdad against American air strikes.",
     "USAGOV"),
    ("Activists in Taipei marched to protest against Beijing's military drills near the island.", "CHNGOV"),
    ("British doctors walked out on Tuesday in a dispute with the government over pay.", "GBRGOV"),
])
def test_a_protest_against_a_state_is_aimed_at_its_government(coder: Coder, text: str, target: str) -> None:
    assert _protest_targets(coder, text) == {target}


@pytest.mark.parametrize(("text", "target"), [
    # a body of the state named as such keeps its sector
    ("Thousands of Sudanese protesters marched on the army headquarters in Khartoum.", "SDNMIL"),
    ("Kenyan teachers marched on the education ministry in Nairobi.", "KENGOV"),
])
def test_a_protested_body_with_a_sector_keeps_it(coder: Coder, text: str, target: str) -> None:
    assert _protest_targets(coder, text) == {target}


def test_a_state_accused_in_words_stays_the_state(coder: Coder) -> None:
    events = coder.code("Pakistan condemned Israel's bombing of Gaza on Friday.", date="2023-10-20")
    assert any(e.plover.type == "ACCUSE" and e.target is not None and e.target.cameo_code == "ISR"
               for e in events), [(e.plover.type, e.target) for e in events]


def test_a_blockade_by_forces_is_no_protest_and_keeps_the_state(coder: Coder) -> None:
    # the blockade lexicon row sits under protest, but forces blockading a port coerce the state
    events = coder.code("Russian forces blockaded the Ukrainian port of Berdyansk on Monday.", date="2022-03-01")
    assert [(e.plover.type, e.target.cameo_code if e.target else None) for e in events] == [("COERCE", "UKR")]


# -- a crowd that rallies against something demonstrates ----------------------------------------


@pytest.mark.parametrize("text", [
    "Israeli protesters rallied in Tel Aviv against the government's judicial overhaul.",
    "Thousands rallied in Tbilisi on Saturday against a new media law.",
    "Union members rallied in Seoul against the government's labour reforms.",
    "Opposition supporters rallied against President William Ruto in Nairobi on Monday.",
])
def test_a_crowd_rallying_against_something_is_a_protest(coder: Coder, text: str) -> None:
    types = [e.plover.type for e in coder.code(text, date="2023-03-11") if e.cameo.code[:3] in ("113", "141")]
    assert types == ["PROTEST"], types


def test_a_state_rallying_others_against_someone_is_no_street_protest(coder: Coder) -> None:
    # CAMEO's 'rally opposition against': a state or an official mobilising others, in words
    events = coder.code("The foreign minister rallied opposition against the sanctions at the summit.",
                        date="2023-03-11")
    assert not any(e.plover.type == "PROTEST" for e in events), [e.cameo.code for e in events]


# -- where a protest happens is no one it is aimed at -------------------------------------------


@pytest.mark.parametrize("text", [
    "Garment workers blocked roads in Dhaka on Thursday to demand higher wages.",
    "French farmers blocked motorways around Paris on Monday in protest against low prices.",
    "Taxi drivers blocked the main roads into Nairobi on Wednesday over fuel costs.",
])
def test_the_town_a_protest_is_held_in_is_not_its_recipient(coder: Coder, text: str) -> None:
    assert _protest_targets(coder, text) == {""}


@pytest.mark.parametrize(("text", "expected"), [
    # an arrest with no doer named is the protesters' own government's deed (unnamed.own_government)
    ("Hundreds of Kenyan journalists marched through Nairobi on Wednesday to protest the arrest of two reporters.",
     {"KENGOV"}),
    ("University lecturers in Nigeria extended their strike over funding for public universities.", {""}),
])
def test_protesters_do_not_protest_against_their_own_kind(coder: Coder, text: str, expected: set[str]) -> None:
    # the jailed reporters are whom the protest is for; the protesters' own body is no recipient
    assert _protest_targets(coder, text) == expected


# -- the policy a protest is against is its topic, no event of its own --------------------------


@pytest.mark.parametrize("text", [
    "French rail workers went on strike on Tuesday against President Emmanuel Macron's pension reform.",
    "Union members marched in Seoul against the government's labour reforms.",
    "Israeli protesters rallied in Tel Aviv against the government's judicial overhaul.",
])
def test_the_policy_protested_is_no_event_of_its_own(coder: Coder, text: str) -> None:
    types = [e.plover.type for e in coder.code(text, date="2023-03-11")]
    assert types == ["PROTEST"], types


def test_a_reform_outside_a_protest_is_still_read(coder: Coder) -> None:
    types = [e.plover.type for e in coder.code("Parliament approved the president's pension reform on Monday.",
                                               date="2023-03-11")]
    assert types, types


def test_lawmakers_walking_out_of_their_chamber_still_aim_at_it(coder: Coder) -> None:
    # an official's own body is what a walkout leaves, so it stays the recipient
    text = "TBILISI, May 2 - Opposition deputies walked out of parliament in protest at the new budget."
    targets = {e.target.cameo_code for e in coder.code(text, date="2021-05-02")
               if e.plover.type == "PROTEST" and e.target is not None}
    assert targets == {"GEOLEG"}, targets


@pytest.mark.parametrize("text", [
    "Protesters burned an effigy of the US president outside the American embassy in Baghdad.",
    "Demonstrators in Karachi torched French flags over the cartoons published in Paris.",
])
def test_burning_a_flag_or_an_effigy_is_a_protest_not_a_gesture_of_support(coder: Coder, text: str) -> None:
    # CAMEO's symbolic act (017) is a gesture of empathy: a vigil, a wreath, a flag at half-mast
    events = coder.code(text, date="2020-01-03")
    assert [(e.cameo.code, e.plover.type) for e in events] == [("141", "PROTEST")]


@pytest.mark.parametrize(("text", "modality"), [
    ("Thousands gathered in Lima on Saturday to protest against the new president.", "asserted"),
    ("Farmers drove their tractors into Brussels to protest against EU trade deals.", "asserted"),
    ("Opposition supporters will gather in Harare on Friday to protest against the election results.",
     "future"),
])
def test_a_protest_a_crowd_gathers_for_is_told_as_the_gathering_is(
    coder: Coder, text: str, modality: str
) -> None:
    events = [e for e in coder.code(text, date="2023-08-30") if e.plover.type == "PROTEST"]
    assert [e.modality for e in events] == [modality]


@pytest.mark.parametrize("text", [
    "Activists raised money to protest against the pipeline.",
    # a gathering that did not take place
    "Thousands did not gather to protest the deal.",
])
def test_a_protest_s_aim_after_a_verb_of_no_gathering_is_still_an_aim(coder: Coder, text: str) -> None:
    events = coder.code(text, date="2023-08-30")
    assert all(e.modality != "asserted" for e in events if e.plover.type == "PROTEST")


def test_a_deal_protested_against_is_the_protest_s_topic_not_an_event(coder: Coder) -> None:
    events = coder.code("Farmers protested in Paris against the EU trade deal with Mercosur.", date="2024-01-29")
    assert [e.plover.type for e in events] == ["PROTEST"]
