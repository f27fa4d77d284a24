"""Whom an event acts on, where the parse puts the target away from the verb's object; on the
real pipeline.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2021-03-01"


def _dyads(coder: Coder, text: str, modality: str = "asserted") -> set[tuple[str, str | None, str]]:
    """(source country, target country, PLOVER type) of the events of ``text``."""
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.country or e.source.cameo_code, e.target.country if e.target else None, e.plover.type)
            for e in events if e.source is not None and e.modality == modality}


# -- appeals: whom a 'for X to do Y' clause asks ------------------------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Egypt called for Israel to withdraw its forces from Gaza.", "EGY", "ISR"),
    ("France pushed for Iran to return to the nuclear talks.", "FRA", "IRN"),
    ("Canada called for China to release the two detained Canadians.", "CAN", "CHN"),
    ("Kenya's opposition called for the government to resign over the tax hikes.", "KEN", "KEN"),
])
def test_the_subject_of_a_for_clause_is_whom_an_appeal_asks(coder: Coder, text: str, source: str,
                                                             target: str) -> None:
    assert (source, target, "REQUEST") in _dyads(coder, text)


def test_what_a_for_clause_asks_for_is_not_whom_it_asks(coder: Coder) -> None:
    # a common noun as the subject of a passive is what is asked for, not whom the call asks
    dyads = _dyads(coder, "Togo's opposition called for fresh elections to be held before the end of the year.")
    assert ("TGO", None, "REQUEST") in dyads


# -- a plural target of two countries: one event each ------------------------------------------


@pytest.mark.parametrize(("text", "source", "targets", "kind"), [
    ("Chinese President Xi Jinping met the prime ministers of Vietnam and Laos in Beijing.", "CHN",
     {"VNM", "LAO"}, "CONSULT"),
    ("Kenya expelled the envoys of Somalia and Eritrea.", "KEN", {"SOM", "ERI"}, "SANCTION"),
    ("The French president telephoned the leaders of Egypt and Qatar on Sunday.", "FRA", {"EGY", "QAT"},
     "CONSULT"),
])
def test_each_country_of_a_plural_target_is_a_target(coder: Coder, text: str, source: str,
                                                     targets: set[str], kind: str) -> None:
    dyads = _dyads(coder, text)
    assert {t for s, t, k in dyads if s == source and k == kind} == targets


def test_a_plural_target_of_one_country_stays_one_target(coder: Coder) -> None:
    dyads = _dyads(coder, "Kenya expelled two diplomats of Somalia on Monday.")
    assert {t for s, t, k in dyads if s == "KEN"} == {"SOM"}


# -- taking by force: whom a place or a thing is taken from ------------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Ukrainian forces recaptured the village from Russian troops on Monday.", "UKR", "RUS"),
    ("M23 rebels seized the town of Bunagana from Congolese troops.", "COD", "COD"),
])
def test_whom_a_place_is_taken_from_is_the_target(coder: Coder, text: str, source: str, target: str) -> None:
    events = coder.code(text, date=DATE)
    takings = [e for e in events if e.cameo.code == "192"]
    assert takings, [(e.cameo.code, e.evidence.rule) for e in events]
    assert {(e.source.country if e.source else None, e.target.country if e.target else None,
             e.target.sector if e.target else None) for e in takings} == {(source, target, "MIL")}


def test_a_from_phrase_that_names_no_party_leaves_the_place(coder: Coder) -> None:
    # 'from the north' is a direction: the capture still has the place's target, not none
    events = coder.code("Syrian troops seized the town of Saraqeb from the north on Monday.", date=DATE)
    assert any(e.cameo.code == "192" and e.source is not None and e.source.country == "SYR" for e in events)


# -- a complaint or a case: the adversary, not the forum ---------------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Lebanon filed a complaint with the United Nations against Israel.", "LBN", "ISR"),
    ("Guyana lodged a protest with the UN Security Council against Venezuela over the border region.",
     "GUY", "VEN"),
    ("Ukraine filed a case at the International Court of Justice against Russia.", "UKR", "RUS"),
])
def test_a_complaint_is_aimed_at_its_adversary_not_its_forum(coder: Coder, text: str, source: str,
                                                            target: str) -> None:
    assert {t for s, t, k in _dyads(coder, text) if s == source and k == "ACCUSE"} == {target}


def test_a_complaint_lodged_with_the_adversary_stays_with_it(coder: Coder) -> None:
    dyads = _dyads(coder, "Japan lodged a protest with China over the detention of its citizen.")
    assert ("JPN", "CHN", "ACCUSE") in dyads


# -- 'them' in a report by those it was done to --------------------------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Kenyan opposition leaders said police had threatened to arrest them.", "KENCOP", "KENOPP"),
    ("Ugandan journalists said soldiers threatened them at the polling station.", "UGAMIL", "UGAJRN"),
    ("Protesters in Khartoum said soldiers beat them with sticks.", "SDNMIL", "SDNCVL"),
])
def test_them_in_a_witness_report_is_the_witnesses(coder: Coder, text: str, source: str, target: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
            for e in events} == {(source, target)}


@pytest.mark.parametrize("text", [
    "Somali officials said gunmen had kidnapped them.",  # officials report what others suffered
    "Kenyan rebels said they had attacked them near the border.",  # 'they', the speakers, did it
])
def test_them_is_not_the_speaker_when_an_official_or_the_doer_speaks(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert events and all(e.target is None for e in events), [(e.source, e.target) for e in events]


# -- the aim of an act: 'in a bid to', 'used X to' ---------------------------------------------


@pytest.mark.parametrize(("text", "source", "target", "kind"), [
    ("Russia massed troops on the border in a bid to intimidate Ukraine.", "RUS", "UKR", "MOBILIZE"),
    ("Israeli troops stormed the camp in an attempt to arrest Palestinian militants.", "ISR", "PSE", "ASSAULT"),
])
def test_the_aim_in_a_bid_or_an_attempt_names_the_target(coder: Coder, text: str, source: str, target: str,
                                                         kind: str) -> None:
    assert (source, target, kind) in _dyads(coder, text)


def test_what_a_means_was_used_for_is_the_act_s_aim_not_a_second_act(coder: Coder) -> None:
    events = coder.code("Riot police used water cannon to disperse opposition supporters in Harare.", date=DATE)
    assert [(e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
            for e in events] == [("ZWECOP", "ZWEOPP")]


def test_a_tried_act_is_still_its_own_event(coder: Coder) -> None:
    events = coder.code("Zimbabwean police tried to disperse opposition supporters in Harare.", date=DATE)
    assert any(e.evidence.trigger.text == "disperse" for e in events)


# -- rejections and threats: the other party named after the act -------------------------------


@pytest.mark.parametrize(("text", "source", "target", "kind"), [
    ("Israel rejected a ceasefire plan drafted by Egyptian mediators.", "ISR", "EGY", "REJECT"),
    ("Russia warned of retaliation over Finland's bid to join NATO.", "RUS", "FIN", "THREATEN"),
    ("Beijing threatened retaliation after the Australian government banned Huawei.", "CHN", "AUS", "THREATEN"),
])
def test_a_rejection_or_threat_is_aimed_at_the_party_its_clause_names(coder: Coder, text: str, source: str,
                                                                     target: str, kind: str) -> None:
    assert {t for s, t, k in _dyads(coder, text) if s == source and k == kind} == {target}


@pytest.mark.parametrize(("text", "source", "kind"), [
    ("Russia, backed by China, threatened retaliation.", "RUS", "THREATEN"),  # an ally, before the act
    ("Iran rejected the proposal, a senior official told Reuters.", "IRN", "REJECT"),  # the outlet told
])
def test_an_ally_or_an_outlet_is_no_target(coder: Coder, text: str, source: str, kind: str) -> None:
    assert {t for s, t, k in _dyads(coder, text) if s == source and k == kind} == {None}


def test_an_appeal_to_yield_is_aimed_at_the_party_its_clause_names(coder: Coder) -> None:
    assert ("KEN", "UGA", "REQUEST") in _dyads(coder, "Kenya urged calm after Ugandan troops crossed the border.")


def test_an_appeal_for_aid_is_not_aimed_at_the_stricken_country(coder: Coder) -> None:
    # whom an aid appeal is aimed at is who is to give; the country hit is whom it is for
    dyads = _dyads(coder, "The Norwegian Red Cross appealed for aid after floods hit Pakistan.")
    targets = [t for _, t, k in dyads if k == "REQUEST"]
    assert targets and "PAK" not in targets, dyads


def _codes(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    """(source code, target code with sector, PLOVER type) of the events of ``text``."""
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.cameo_code, e.target.cameo_code if e.target else None, e.plover.type)
            for e in events if e.source is not None}


# -- a march's route is its setting, not whom it is aimed at -----------------------------------


@pytest.mark.parametrize("text", [
    "Thousands of people marched through Lisbon on Saturday to protest against rising rents.",
    "Tens of thousands marched through Rome to protest against violence against women.",
])
def test_the_town_a_march_goes_through_is_no_target(coder: Coder, text: str) -> None:
    protests = {t for _, t, k in _dyads(coder, text) if k == "PROTEST"}
    assert protests == {None}


def test_a_march_through_a_town_against_the_government_is_aimed_at_it(coder: Coder) -> None:
    text = "Thousands marched through central London to protest against the government."
    assert ("GBRCVL", "GBRGOV", "PROTEST") in _codes(coder, text)


# -- a body's premises stand for the body, not for the town they are in ------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("Zambian police raided the main opposition party's offices in Lusaka on Monday.", "ZMBOPP"),
    ("Zambian police raided the offices of the main opposition party in Lusaka on Monday.", "ZMBOPP"),
])
def test_a_raid_on_a_party_s_offices_is_aimed_at_the_party(coder: Coder, text: str, target: str) -> None:
    assert {t for _, t, k in _codes(coder, text) if k == "COERCE"} == {target}


# -- the weapon a shelling uses is no target ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "Azerbaijani forces pounded Stepanakert with artillery on Tuesday.",
    "Russian troops hammered Vuhledar with rockets overnight.",
])
def test_the_weapon_of_a_bombardment_is_not_its_target(coder: Coder, text: str) -> None:
    codes = _codes(coder, text)
    assert codes and all(t != s for s, t, _ in codes), codes


def test_a_bombardment_with_artillery_still_hits_its_object(coder: Coder) -> None:
    text = "Ukrainian forces pounded Russian positions with artillery."
    assert ("UKRMIL", "RUSMIL", "ASSAULT") in _codes(coder, text)


# -- a denial answers whoever made the accusation -----------------------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Pakistan rejected India's accusations of supporting militants.", "PAK", "IND"),
    ("Israel rejected Hamas's accusations against its soldiers.", "ISR", "PSE"),
    ("Rwanda dismissed Congo's accusations of backing rebels in the east.", "RWA", "COD"),
])
def test_a_denial_is_aimed_at_the_accuser(coder: Coder, text: str, source: str, target: str) -> None:
    assert {t for s, t, k in _dyads(coder, text) if s == source and k == "REJECT"} == {target}


# -- a name before the pattern's own object says whose it is -----------------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("Polish air defences shot down three Belarusian drones on Sunday.", "BLRMIL"),
    ("Ukrainian forces shot down 20 Russian drones overnight.", "RUSMIL"),
    ("Israel intercepted a Hezbollah drone over the Golan Heights.", "LBNREB"),
])
def test_the_craft_shot_down_are_their_country_s_forces(coder: Coder, text: str, target: str) -> None:
    assert {t for _, t, k in _codes(coder, text) if k == "ASSAULT"} == {target}


@pytest.mark.parametrize("text", [
    "Iran refused to free a detained British-Iranian aid worker despite appeals from London.",
    "Ukraine deployed Ukrainian drones along the front.",
])
def test_a_double_name_or_the_doer_s_own_name_is_no_owner(coder: Coder, text: str) -> None:
    codes = _codes(coder, text)
    assert not any(t is not None and t[:3] == s[:3] for s, t, _ in codes), codes


# -- what is let into a place abroad is let in for its people ----------------------------------


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Israel allowed fuel trucks into Gaza on Sunday.", "ISR", "PSE"),
    ("Egypt let aid convoys into Gaza.", "EGY", "PSE"),
    ("Jordan allowed food shipments to enter Syria through the Jaber crossing.", "JOR", "SYR"),
])
def test_a_place_things_are_let_into_names_whom_they_are_let_in_for(coder: Coder, text: str, source: str,
                                                                    target: str) -> None:
    assert {t for s, t, k in _dyads(coder, text) if s == source and k in ("CONCEDE", "RETREAT", "AID")} == {target}


def test_a_place_at_home_let_into_names_no_one(coder: Coder) -> None:
    dyads = _dyads(coder, "Sudan's army allowed aid into the besieged town of El Fasher.")
    assert all(t in (None, "SDN") for _, t, _ in dyads), dyads


# -- a protest named as against a party is aimed at it ------------------------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("Thousands of Pakistanis staged anti-American protests in Lahore on Friday.", "USAGOV"),
    ("Hundreds of Iraqis held an anti-Turkish demonstration in Basra.", "TURGOV"),
    ("Thousands of Serbs joined anti-government protests in Novi Sad on Saturday.", "SRBGOV"),
])
def test_an_anti_protest_is_aimed_at_the_party_it_names(coder: Coder, text: str, target: str) -> None:
    assert {t for _, t, k in _codes(coder, text) if k == "PROTEST"} == {target}


def test_the_protesters_name_does_not_replace_whom_their_clash_is_with(coder: Coder) -> None:
    codes = _codes(coder, "Anti-government protesters clashed with police in Dhaka.")
    assert ("BGDOPP", "BGDCOP", "PROTEST") in codes or ("BGDCVL", "BGDCOP", "PROTEST") in codes, codes


# -- a relative pronoun stands for the noun its clause describes ------------------------------


@pytest.mark.parametrize(("text", "source", "target", "kind"), [
    ("Police arrested the opposition leader, whom the government accuses of treason.", "GOV", "OPP", "ACCUSE"),
    ("Turkey extradited a Uyghur activist whom China had accused of terrorism.", "CHN", "CHNCVL", "ACCUSE"),
])
def test_whom_a_relative_clause_acts_on_is_its_noun(coder: Coder, text: str, source: str, target: str,
                                                    kind: str) -> None:
    assert (source, target, kind) in _codes(coder, text)


# -- an alert moves the doer's own forces, whatever it calls them -------------------------------


@pytest.mark.parametrize("text", [
    "North Korea's military put its front-line artillery units on high alert on Friday.",
    "Azerbaijan put its air defence units on high alert on Sunday.",
])
def test_forces_put_on_alert_are_the_doer_s_own(coder: Coder, text: str) -> None:
    assert {t for _, t, k in _dyads(coder, text) if k == "MOBILIZE"} == {None}


# -- an appeal about a matter between two parties is addressed to both --------------------------


@pytest.mark.parametrize(("text", "source", "targets"), [
    ("The Pope called for an end to the war between Russia and Ukraine.", "VAT", {"RUS", "UKR"}),
    ("China called for restraint in the dispute between India and Pakistan.", "CHN", {"IND", "PAK"}),
])
def test_an_appeal_about_a_matter_between_two_parties_asks_both(coder: Coder, text: str, source: str,
                                                                targets: set[str]) -> None:
    assert {t for s, t, _ in _dyads(coder, text) if s == source} == targets


def test_a_between_phrase_naming_the_doer_is_not_both_sides(coder: Coder) -> None:
    dyads = _dyads(coder, "Russia warned of a war between NATO and Russia.")
    assert all(t != "RUS" for s, t, _ in dyads if s == "RUS"), dyads
