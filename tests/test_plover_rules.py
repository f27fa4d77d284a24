"""The PLOVER manual's notes on borderline reports, on the real pipeline.

Each note is tested both ways where it has a neighbour (the note moves the report, and the
neighbouring report keeps the crosswalk's type), so a rule that fired everywhere would fail as
surely as one that never fires. The CAMEO code is never changed by a note. Every sentence was
written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2022-06-01"


def _plover(coder: Coder, text: str) -> set[tuple[str | None, str | None, str, str | None]]:
    """(source country, target country, PLOVER type, mode) of every event of ``text``."""
    return {(e.source.country if e.source else None, e.target.country if e.target else None,
             e.plover.type, e.plover.mode) for e in coder.code(text, date=DATE)}


def _types(coder: Coder, text: str) -> set[str]:
    return {t for _, _, t, _ in _plover(coder, text)}


# -- a side of a fight asking to end it states its own intent (AGREE); an outsider asks ----------


def test_a_side_calling_for_a_truce_with_its_enemy_agrees(coder: Coder) -> None:
    text = "Azerbaijan called for a truce with Armenia after three days of border clashes."
    assert ("AZE", "ARM", "AGREE", None) in _plover(coder, text)


def test_a_side_whose_enemy_attacks_it_in_the_article_agrees(coder: Coder) -> None:
    text = ("Russian troops attacked Ukrainian positions near Donetsk on Monday. "
            "Ukraine urged Russia to agree to a ceasefire.")
    found = _plover(coder, text)
    assert ("UKR", "RUS", "AGREE", None) in found
    assert ("UKR", "RUS", "REQUEST", "yield") not in found


def test_an_outside_party_calling_for_a_truce_requests(coder: Coder) -> None:
    text = "Turkey urged Armenia and Azerbaijan to agree to a ceasefire."
    found = _plover(coder, text)
    assert found and {t for _, _, t, _ in found} == {"REQUEST"}


def test_a_ceasefire_call_with_no_fight_between_the_two_stays_a_request(coder: Coder) -> None:
    text = "Germany called on Serbia to back a ceasefire in the region."
    assert "AGREE" not in _types(coder, text)


# -- calls to remove an official ask for a change --------------------------------------------


def test_a_call_for_a_dismissal_is_a_request_for_change(coder: Coder) -> None:
    text = "Opposition parties in Ghana demanded the resignation of the finance minister."
    assert any(t == "REQUEST" and m == "change" for _, _, t, m in _plover(coder, text))


# -- future cooperation is AGREE; a future retreat is CONCEDE ----------------------------------


def test_future_retreat_is_a_concession(coder: Coder) -> None:
    text = "Israel said it would pull its troops out of southern Lebanon next month."
    assert "CONCEDE" in _types(coder, text)
    assert "RETREAT" not in _types(coder, text)


def test_a_retreat_carried_out_stays_a_retreat(coder: Coder) -> None:
    text = "Israel pulled its troops out of southern Lebanon on Sunday."
    assert "RETREAT" in _types(coder, text)


# -- a pardon promises; a release is done ---------------------------------------------------


def test_a_pardon_is_a_concession(coder: Coder) -> None:
    text = "Belarus's president pardoned twelve jailed protesters on Friday."
    assert "CONCEDE" in _types(coder, text)
    assert "RETREAT" not in _types(coder, text)


def test_a_prison_sentence_is_a_conviction_and_an_arrest_stays_coercion(coder: Coder) -> None:
    # the manual's SANCTION 'convict' covers the found guilty and sentenced; CAMEO holds them (173)
    sentenced = "A court in Astana sentenced the blogger to six years in prison."
    assert _types(coder, sentenced) == {"SANCTION"}
    assert {m for *_, m in _plover(coder, sentenced)} == {"convict"}
    assert _types(coder, "Police in Astana arrested the blogger on Tuesday.") == {"COERCE"}


@pytest.mark.parametrize(("text", "code"), [
    ("A court sentenced the journalist to ten years in prison.", "173"),
    ("A court sentenced the man to 40 lashes.", "116"),
    ("A court sentenced him to community service.", "116"),
    ("The court sentenced the official to pay a fine.", "116"),
])
def test_only_a_sentence_to_prison_or_death_holds_the_convict(coder: Coder, text: str, code: str) -> None:
    # lashes, service or a fine hold no one: the sentence is the conviction (116)
    events = coder.code(text, date=DATE)
    assert {e.cameo.code for e in events} == {code}, text
    assert {(e.plover.type, e.plover.mode) for e in events} == {("SANCTION", "convict")}, text


def test_a_release_is_a_retreat(coder: Coder) -> None:
    text = "Belarus released twelve jailed protesters on Friday."
    assert "RETREAT" in _types(coder, text)


# -- combatants taken in a fight are abducted, not arrested ---------------------------------


def test_soldiers_captured_by_soldiers_are_abducted(coder: Coder) -> None:
    text = "Israeli troops captured two Hezbollah fighters near the border."
    assert any(t == "ASSAULT" and m == "abduct" for _, _, t, m in _plover(coder, text))


def test_police_arresting_civilians_is_coercion(coder: Coder) -> None:
    text = "Egyptian police arrested twenty students in Cairo."
    assert "COERCE" in _types(coder, text)
    assert "ASSAULT" not in _types(coder, text)


# -- a warrant in absentia threatens an arrest --------------------------------------------------


def test_a_warrant_in_absentia_is_a_threat(coder: Coder) -> None:
    text = "A Moscow court ordered the arrest in absentia of the exiled opposition leader."
    found = _plover(coder, text)
    assert any(t == "THREATEN" and m == "arrest" for _, _, t, m in found)
    assert "COERCE" not in {t for _, _, t, _ in found}


# -- one country's own drills are MOBILIZE; joint drills COOPERATE -----------------------------


def test_one_countrys_own_drills_are_mobilisation(coder: Coder) -> None:
    text = "China staged naval exercises in the South China Sea on Thursday."
    assert "COOPERATE" not in _types(coder, text)


def test_drills_held_near_another_country_are_mobilisation(coder: Coder) -> None:
    text = "China held air force drills near Taiwan on Saturday."
    assert "COOPERATE" not in _types(coder, text)


def test_two_countries_drilling_together_cooperate(coder: Coder) -> None:
    text = "India and Japan held naval exercises in the Bay of Bengal."
    assert "COOPERATE" in _types(coder, text)
    assert "MOBILIZE" not in _types(coder, text)


def test_joint_drills_are_cooperation(coder: Coder) -> None:
    text = "Chinese and Russian warships staged joint exercises in the Sea of Japan."
    assert "COOPERATE" in _types(coder, text)


# -- forces sent for relief are AID --------------------------------------------------------------


def test_troops_sent_after_a_disaster_are_aid(coder: Coder) -> None:
    text = "Turkey's army deployed soldiers to help earthquake survivors in Hatay."
    assert "AID" in _types(coder, text)
    assert "MOBILIZE" not in _types(coder, text)


def test_troops_sent_to_a_border_are_mobilisation(coder: Coder) -> None:
    text = "Turkey's army deployed soldiers to the Syrian border."
    assert "MOBILIZE" in _types(coder, text)


# -- calling off a meeting rejects it ----------------------------------------------------------


def test_a_cancelled_meeting_is_a_rejection(coder: Coder) -> None:
    text = "China cancelled planned talks with Lithuanian diplomats."
    found = _plover(coder, text)
    assert any(t == "REJECT" and m == "meet" for _, _, t, m in found)


# -- a court ordering a payment sanctions ------------------------------------------------------


def test_a_court_ordering_a_payment_is_a_sanction(coder: Coder) -> None:
    text = "A Paris court ordered Iran to pay damages to the families of the victims."
    assert "SANCTION" in _types(coder, text)
    assert "REQUEST" not in _types(coder, text)


def test_a_government_ordering_a_payment_stays_a_request(coder: Coder) -> None:
    text = "Ghana's government asked Nigeria to pay its gas debts."
    assert "SANCTION" not in _types(coder, text)


# -- an invitation promises a meeting -------------------------------------------------------------


def test_an_invitation_to_visit_is_agree(coder: Coder) -> None:
    text = "Vietnam invited the Philippine president for a state visit to Hanoi."
    found = _types(coder, text)
    assert "AGREE" in found
    assert "REQUEST" not in found


def test_a_request_to_meet_stays_a_request(coder: Coder) -> None:
    text = "Seoul asked Pyongyang to hold talks on family reunions."
    assert "REQUEST" in _types(coder, text)


# -- dropping one's own demand concedes it ----------------------------------------------------


def test_withdrawing_a_demand_is_a_concession(coder: Coder) -> None:
    text = "Teachers' unions in Chile withdrew their demand for a pension reform."
    found = _types(coder, text)
    assert "CONCEDE" in found
    assert "RETREAT" not in found


def test_withdrawing_troops_stays_a_retreat(coder: Coder) -> None:
    text = "Chile withdrew its troops from the border town."
    assert "RETREAT" in _types(coder, text)


# -- captives freed by force are rescued (AID); freed by captors, released ---------------------


def test_hostages_freed_by_troops_in_a_raid_are_aid(coder: Coder) -> None:
    text = "French special forces freed three hostages in a raid in northern Mali."
    found = _types(coder, text)
    assert "AID" in found
    assert "RETREAT" not in found


def test_hostages_freed_by_their_captors_are_a_retreat(coder: Coder) -> None:
    text = "Al-Shabaab militants freed three Kenyan hostages on Tuesday."
    assert "RETREAT" in _types(coder, text)


# -- modes: weapons moved without troops; a beating with no tool named ------------------------


def test_warships_moved_are_mobilize_weapons(coder: Coder) -> None:
    text = "Russia sent two warships to the eastern Mediterranean."
    assert ("MOBILIZE", "weapons") in {(t, m) for _, _, t, m in _plover(coder, text)}


def test_troops_moved_are_not_weapons(coder: Coder) -> None:
    text = "Russia sent two thousand troops to the Belarusian border."
    assert ("MOBILIZE", "weapons") not in {(t, m) for _, _, t, m in _plover(coder, text)}


def test_a_plain_beating_has_the_beat_mode(coder: Coder) -> None:
    text = "Soldiers beat villagers in southern Myanmar."
    assert ("ASSAULT", "beat") in {(t, m) for _, _, t, m in _plover(coder, text)}


# -- a truce agreed to is a commitment (AGREE); one declared alone is a concession ------------


@pytest.mark.parametrize("text", [
    "Sudan's army and the Rapid Support Forces agreed to a week-long truce in Khartoum.",
    "Colombia and the ELN accepted a bilateral ceasefire on Friday.",
])
def test_a_truce_agreed_to_is_agree(coder: Coder, text: str) -> None:
    found = _types(coder, text)
    assert "AGREE" in found and "CONCEDE" not in found


@pytest.mark.parametrize("text", [
    "Myanmar's army declared a unilateral ceasefire after the earthquake.",
    "Russia agreed to pull its troops back from the Zaporizhzhia plant.",
])
def test_a_truce_declared_or_a_pullback_promised_stays_concede(coder: Coder, text: str) -> None:
    assert _types(coder, text) == {"CONCEDE"}


# -- a crowd moved on with no weapon or harm named is restricted (COERCE), with one assaulted ---


@pytest.mark.parametrize("text", [
    "Georgian police pushed back protesters outside the parliament in Tbilisi.",
    "Kenyan police dispersed an opposition rally in Kisumu.",
])
def test_a_crowd_pushed_back_or_dispersed_without_force_is_coerce(coder: Coder, text: str) -> None:
    assert ("COERCE", "restrict") in {(t, m) for _, _, t, m in _plover(coder, text)}


@pytest.mark.parametrize("text", [
    "Chilean police dispersed protesters with tear gas and water cannon in Santiago.",
    "Police in Dhaka fired rubber bullets at protesters.",
])
def test_a_crowd_met_with_weapons_stays_assault(coder: Coder, text: str) -> None:
    found = _types(coder, text)
    assert "ASSAULT" in found and "COERCE" not in found


# -- security forces freeing someone else's captives rescue them (AID) -------------------------


def test_troops_freeing_hostages_held_by_others_is_aid(coder: Coder) -> None:
    assert _types(coder, "Nigerian troops freed twelve hostages held by bandits in Kaduna state.") == {"AID"}


def test_captors_freeing_their_own_hostages_is_a_release(coder: Coder) -> None:
    assert _types(coder, "Yemen's Houthi rebels freed nine hostages on Monday.") == {"RETREAT"}


# -- protesters who damage or storm riot (PROTEST 'riot'); killings and soldiers' arson stay ASSAULT --


@pytest.mark.parametrize("text", [
    "Protesters ransacked the parliament building in Nairobi.",
    "Angry demonstrators torched the ruling party's offices in Dhaka.",
])
def test_a_crowd_of_protesters_damaging_property_riots(coder: Coder, text: str) -> None:
    assert ("PROTEST", "riot") in {(t, m) for _, _, t, m in _plover(coder, text)}


@pytest.mark.parametrize("text", [
    "Soldiers torched villages in Rakhine state.",
    "Protesters beat a policeman to death in Lagos.",
    "Mobs burned the homes of Muslim families in the old city.",
])
def test_soldiers_burning_or_protesters_killing_stay_assault(coder: Coder, text: str) -> None:
    found = _types(coder, text)
    assert "ASSAULT" in found and "PROTEST" not in found


@pytest.mark.parametrize("text", [
    "Angry villagers attacked two police officers with machetes, killing both.",
    "A mob of farmers attacked the police station in Kano, injuring five officers.",
])
def test_civilians_killing_or_injuring_police_stay_assault(coder: Coder, text: str) -> None:
    # harm to people is an assault whoever is hit; only wrecking or storming is a riot
    found = _types(coder, text)
    assert "ASSAULT" in found and "PROTEST" not in found


# -- a cut in relations announced for the future is a SANCTION to come; a conditional one threatens --


@pytest.mark.parametrize("text", [
    "The European Union will impose new sanctions on Iran from Monday.",
    "Kenya announced it will suspend all flights to Somalia starting next week.",
    "Moscow said it would expel ten Estonian diplomats in retaliation.",
])
def test_a_cut_announced_for_the_future_is_sanction(coder: Coder, text: str) -> None:
    found = _types(coder, text)
    assert "SANCTION" in found and "THREATEN" not in found


@pytest.mark.parametrize("text", [
    "The EU said it would impose sanctions on Belarus if the crackdown continued.",
    "Washington threatened to cut aid to Guatemala.",
])
def test_a_cut_made_conditional_or_threatened_stays_threaten(coder: Coder, text: str) -> None:
    found = _types(coder, text)
    assert "THREATEN" in found and "SANCTION" not in found


# -- a riot is aimed at the authorities or another group: civilians wrecking a ruling party's
# -- building riot, with or without the word "protesters" ------------------------------------


def test_civilians_burning_a_ruling_partys_building_riot(coder: Coder) -> None:
    text = "Unemployed youths set fire to the ruling party's headquarters in Kinshasa."
    assert ("PROTEST", "riot") in {(t, m) for _, _, t, m in _plover(coder, text)}


def test_civilians_attacking_a_ruling_partys_members_assault(coder: Coder) -> None:
    # the members a party's name stands for are people, not what the party owns
    text = "Angry villagers attacked ANC members in a township near Durban on Sunday."
    assert {t for _, _, t, _ in _plover(coder, text)} == {"ASSAULT"}


# -- PROTEST is civilian: a road blocked by the state's forces is a restriction (COERCE) -------


def test_police_blocking_a_road_restrict(coder: Coder) -> None:
    text = "Police blocked the main road into Lahore to stop the opposition march."
    found = {(t, m) for _, _, t, m in _plover(coder, text)}
    assert ("COERCE", "restrict") in found and "PROTEST" not in {t for t, _ in found}


def test_drivers_blocking_a_road_protest(coder: Coder) -> None:
    assert ("PROTEST", "obstruct") in {(t, m) for _, _, t, m in _plover(coder, "Truck drivers blocked the main road into Lahore.")}


# -- warplanes flown or sent into a zone are MOBILIZE 'weapons': no visit, no aid ---------------


@pytest.mark.parametrize("text", [
    "China flew fighter jets into Taiwan's air defence zone.",
    "Russia sent warplanes into Syrian airspace.",
])
def test_warplanes_flown_into_a_zone_are_mobilize_weapons(coder: Coder, text: str) -> None:
    found = {(t, m) for _, _, t, m in _plover(coder, text)}
    assert ("MOBILIZE", "weapons") in found and not {t for t, _ in found} & {"AID", "CONSULT"}


@pytest.mark.parametrize(("text", "type_"), [
    ("The Turkish president flew to Baku for talks with Aliyev.", "CONSULT"),
    ("The United States sent fighter jets to Ukraine.", "AID"),
])
def test_a_leader_flying_to_talks_or_jets_sent_to_an_ally_keep_their_type(coder: Coder, text: str, type_: str) -> None:
    assert _types(coder, text) == {type_}


# -- criticism rejected is REJECT; a verbal defence of another stays SUPPORT ---------------------


def test_rejecting_criticism_is_reject(coder: Coder) -> None:
    assert _types(coder, "Hungary rejected criticism from the European Commission.") == {"REJECT"}


def test_defending_another_stays_support(coder: Coder) -> None:
    assert _types(coder, "China defended Russia's right to security guarantees.") == {"SUPPORT"}


# -- both sides agreeing to an exchange is AGREE; one side agreeing to free people concedes ----


def test_a_prisoner_swap_agreed_by_both_is_agree(coder: Coder) -> None:
    assert _types(coder, "Armenia and Azerbaijan agreed to swap prisoners.") == {"AGREE"}


def test_one_side_agreeing_to_free_people_concedes(coder: Coder) -> None:
    assert _types(coder, "Egypt agreed to free 40 detained students.") == {"CONCEDE"}


# -- a raid on civilians' premises with no harm named is COERCE 'seize'; a deadly raid assaults --


def test_police_raiding_an_office_seize(coder: Coder) -> None:
    text = "Police raided the offices of a human rights group in Moscow."
    assert {(t, m) for _, _, t, m in _plover(coder, text)} == {("COERCE", "seize")}


def test_troops_raiding_a_hideout_and_killing_fighters_assault(coder: Coder) -> None:
    text = "Troops raided a militant hideout in North Waziristan, killing six fighters."
    found = _types(coder, text)
    assert "ASSAULT" in found and "COERCE" not in found


# -- a crowd pushed back is COERCE 'restrict' even where the lexicon reads a mass expulsion; people
# -- forced from their homes stay ASSAULT ----------------------------------------------------


def test_supporters_pushed_back_are_restricted(coder: Coder) -> None:
    text = "Riot police pushed back hundreds of opposition supporters who tried to march on parliament in Kampala."
    assert ("COERCE", "restrict") in {(t, m) for _, _, t, m in _plover(coder, text)}


@pytest.mark.parametrize("text", [
    "Thousands of Rohingya were forced from their homes by the Myanmar army.",
    "Militants drove thousands of villagers out of their homes in Borno state.",
])
def test_people_forced_or_driven_from_their_homes_stay_assault(coder: Coder, text: str) -> None:
    assert _types(coder, text) == {"ASSAULT"}


# -- modes the manual names: crowd weapons, services cut, what a threat threatens ------------------


@pytest.mark.parametrize(("text", "type_", "mode"), [
    ("Police fired tear gas at protesters in Nairobi.", "ASSAULT", "crowd-control"),
    ("Iraq shut down the internet across the country during exams.", "COERCE", "withhold"),
    ("Washington threatened Ankara with sanctions over the missile deal.", "THREATEN", "restrict"),
    ("Poland threatened to expel Russian diplomats.", "THREATEN", "expel"),
    ("Iran threatened to strike American bases in the Gulf.", "THREATEN", "violence"),
    ("The European Union will impose new sanctions on Iran from Monday.", "SANCTION", "discontinue"),
    ("Police seized the passports of twelve opposition leaders in Minsk.", "COERCE", "seize"),
])
def test_modes_from_the_manuals_tables(coder: Coder, text: str, type_: str, mode: str) -> None:
    assert (type_, mode) in {(t, m) for _, _, t, m in _plover(coder, text)}


@pytest.mark.parametrize("text", [
    "Iran gave Britain 48 hours to respond to its demand.",
    "Turkey threatened Greece over the army's drills.",
    "Nigerian unions threatened a general strike over fuel prices.",
])
def test_what_a_threat_is_about_is_not_what_it_threatens(coder: Coder, text: str) -> None:
    # a reply, the army of an 'over' phrase or a labour strike threatens no violence
    assert ("THREATEN", "violence") not in {(t, m) for _, _, t, m in _plover(coder, text)}


@pytest.mark.parametrize(("text", "mode"), [
    ("Kenyan nurses warned they would strike next week over unpaid wages.", "restrict"),
    ("Dock workers in Rotterdam warned they would stage a 48-hour stoppage next month.", "restrict"),
    ("South Africa's mining union threatened a nationwide walkout if wage talks collapse.", "restrict"),
    # the army's strike is force
    ("Colombia's army warned it would strike rebel positions if the attacks continued.", "violence"),
])
def test_a_threatened_labour_strike_restricts(coder: Coder, text: str, mode: str) -> None:
    # the manual's THREATEN 'restrict' names strikes beside boycotts and blockades
    assert ("THREATEN", mode) in {(t, m) for _, _, t, m in _plover(coder, text)}


def test_a_threat_with_no_content_named_has_no_mode(coder: Coder) -> None:
    found = {(t, m) for _, _, t, m in _plover(coder, "North Korea threatened South Korea on Monday.")}
    assert found == {("THREATEN", None)}


# -- assets frozen: a state's own people's is repression (COERCE 'seize'), another's a sanction ---


def test_assets_a_state_freezes_at_home_are_seized(coder: Coder) -> None:
    text = "Belarusian authorities froze the assets of an independent news website in Minsk."
    assert ("BLR", "BLR", "COERCE", "seize") in _plover(coder, text)


def test_assets_frozen_abroad_stay_a_sanction(coder: Coder) -> None:
    text = "Canada froze the assets of Belarusian officials over the crackdown."
    assert "SANCTION" in _types(coder, text) and "COERCE" not in _types(coder, text)


# -- a letter to a party, or writing to it, is consultation by a remote medium -------------------


def test_a_letter_sent_to_a_party_is_a_remote_consultation(coder: Coder) -> None:
    text = "Ghana's president sent a letter to the president of Togo on Tuesday."
    assert ("GHA", "TGO", "CONSULT", "phone") in _plover(coder, text)


def test_an_op_ed_is_no_consultation(coder: Coder) -> None:
    assert "CONSULT" not in _types(coder, "Ghana's president wrote an op-ed in a Nigerian newspaper.")


# -- a riot is civilians' violence: armed men burning or looting assault -------------------------
def test_armed_men_burning_vehicles_do_not_riot(coder: Coder) -> None:
    assert _types(coder, "Al Shabaab fighters overran an army base in Lower Shabelle and burned several trucks.") \
        == {"ASSAULT"}
    assert _types(coder, "Protesters burned tyres and looted shops in Lusaka on Monday.") == {"PROTEST"}


def test_soldiers_who_riot_protest(coder: Coder) -> None:
    assert _types(coder, "Soldiers rioted in Bamako over unpaid wages, burning tyres and looting shops.") == {"PROTEST"}
