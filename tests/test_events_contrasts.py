"""Where neighbouring CAMEO roots part, and doers the parser hides; on the real pipeline.

Each contrast is tested both ways (the rule fires, and its neighbour keeps its own code), so a
rule that fired everywhere would fail as surely as one that never fires. Every sentence was
written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2021-03-01"


def _triples(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    events: list[Event] = coder.code(text, date=DATE)
    return {(e.source.country or e.source.cameo_code, e.target.country if e.target else None, e.cameo.code)
            for e in events if e.source is not None}


def _roots(coder: Coder, text: str) -> set[str]:
    return {code[:2] for _, _, code in _triples(coder, text)}


# -- doers the parser hangs elsewhere -----------------------------------------------------------


def test_a_by_phrase_hung_on_the_object_is_the_passive_agent(coder: Coder) -> None:
    # the parser attaches "by the US Treasury" to "officials", not to "imposed"
    text = "New sanctions were imposed on three Venezuelan officials by the US Treasury on Tuesday."
    assert ("USA", "VEN", "163") in _triples(coder, text)


def test_a_date_after_by_is_no_agent(coder: Coder) -> None:
    text = "New sanctions were imposed on three Venezuelan officials by Tuesday."
    assert not any(source == "USA" for source, _, _ in _triples(coder, text))


def test_a_by_phrase_on_the_object_of_an_event_noun_is_its_doer(coder: Coder) -> None:
    text = "The kidnapping of two Italian engineers by Libyan militiamen near Tripoli shocked Rome."
    assert any(source == "LBY" and target == "ITA" and code.startswith("18")
               for source, target, code in _triples(coder, text))


def test_the_subject_of_faced_undergoes_the_act_of_the_from_phrase(coder: Coder) -> None:
    text = "Israel faced sharp criticism from the United States over the settlements."
    assert ("USA", "ISR", "111") in _triples(coder, text)


def test_came_under_attack_from(coder: Coder) -> None:
    text = "Israeli positions came under attack from Hezbollah fighters overnight."
    found = _triples(coder, text)
    assert any(s == "LBN" and t == "ISR" and c.startswith("19") for s, t, c in found), found


def test_critics_in_one_from_phrase_do_not_criticise_each_other(coder: Coder) -> None:
    found = _triples(coder, "The plan drew condemnation from Egypt and Jordan.")
    assert {("EGY", None, "111"), ("JOR", None, "111")} <= found
    assert ("EGY", "JOR", "111") not in found


def test_a_role_in_brokering_is_the_subjects_act(coder: Coder) -> None:
    text = "Egypt played a key role in brokering the ceasefire between Israel and Hamas."
    assert any(s == "EGY" and c == "045" for s, _, c in _triples(coder, text))


# -- appeal (02) or demand (10): the reporter's words -------------------------------------------


def test_should_is_an_appeal_and_must_a_demand(coder: Coder) -> None:
    advised = _triples(coder, "Kenya said Uganda should release the detained fishermen.")
    required = _triples(coder, "Kenya said Uganda must release the detained fishermen.")
    assert ("KEN", "UGA", "0253") in advised, advised
    assert ("KEN", "UGA", "1053") in required, required


# -- appeal to meet (026) or intent to meet (036): who is to meet -------------------------------


def test_calling_for_talks_with_a_counterpart_is_an_intent_to_meet(coder: Coder) -> None:
    assert ("RUS", "UKR", "036") in _triples(coder, "Russia called for talks with Ukraine.")


def test_calling_for_talks_between_others_is_an_appeal(coder: Coder) -> None:
    found = _triples(coder, "The UN called for talks between Russia and Ukraine.")
    assert {code for _, _, code in found} == {"026"}, found


def test_urging_another_to_talk_stays_an_appeal(coder: Coder) -> None:
    found = _triples(coder, "The US urged Israel to hold talks with the Palestinians.")
    assert ("USA", "ISR", "026") in found, found


# -- demand (10) or threat (13): a penalty attached ---------------------------------------------


def test_a_demand_with_a_penalty_is_a_threat(coder: Coder) -> None:
    text = "Turkey demanded that Sweden extradite the suspects or face consequences."
    assert _roots(coder, text) == {"13"}
    assert _roots(coder, "Turkey demanded that Sweden extradite the suspects.") == {"10"}


def test_a_deadline_with_a_penalty_is_an_ultimatum(coder: Coder) -> None:
    text = "Israel gave Hamas 24 hours to release the hostages or face a ground offensive."
    assert any(s == "ISR" and c == "139" for s, _, c in _triples(coder, text))


# -- threat (13) or the act (16): a speaker's own possible act ----------------------------------


def test_an_organisation_saying_it_could_impose_sanctions_threatens(coder: Coder) -> None:
    found = _triples(coder, "The EU said it could impose sanctions on Belarus.")
    assert any(t == "BLR" and c == "1312" for _, t, c in found), found


def test_an_official_speaks_for_the_government_he_serves(coder: Coder) -> None:
    text = "Russia's foreign minister said Moscow might expel British diplomats."
    found = _triples(coder, text)
    assert any(s == "RUS" and c == "1313" for s, _, c in found), found


def test_a_possible_cooperative_act_stays_hedged_not_a_threat(coder: Coder) -> None:
    events = coder.code("Kenya's foreign minister said Nairobi could meet Somali officials soon.", date=DATE)
    assert events and all(not e.cameo.code.startswith("13") for e in events)


def test_needs_to_advises_like_should(coder: Coder) -> None:
    found = _triples(coder, "Washington said Cairo needs to release the detained activists.")
    assert any(s == "USA" and t == "EGY" and c == "0253" for s, t, c in found), found


# -- intent (03) or the act: a decision taken is the act ----------------------------------------


def test_a_decision_taken_is_the_act(coder: Coder) -> None:
    found = _triples(coder, "The EU decided to impose sanctions on Belarus.")
    assert any(t == "BLR" and c == "163" for _, t, c in found), found


def test_a_decision_still_to_come_is_no_act(coder: Coder) -> None:
    text = "The EU will decide next week whether to impose sanctions on Belarus."
    assert not any(c == "163" for _, _, c in _triples(coder, text))


def test_a_plan_stays_an_intent(coder: Coder) -> None:
    found = _triples(coder, "The EU plans to impose sanctions on Belarus.")
    assert found and not any(c == "163" for _, _, c in found), found


# -- in a person's reported speech, 'he' and 'his country' are the speaker ----------------------


def test_he_in_a_titled_speakers_words_is_the_speaker(coder: Coder) -> None:
    text = "Egypt's president said he strongly condemned the attack on the embassy."
    assert any(s == "EGY" and c == "111" for s, _, c in _triples(coder, text))


def test_his_country_in_a_ministers_words_is_his_state(coder: Coder) -> None:
    text = "Iran's foreign minister said his country would not negotiate with Washington."
    assert any(s == "IRN" and t == "USA" and c.startswith("12") for s, t, c in _triples(coder, text))


def test_he_in_a_bodys_words_is_someone_else(coder: Coder) -> None:
    text = "Egypt's foreign ministry said he had condemned the attack on the embassy."
    assert not any(s == "EGY" and c == "111" for s, _, c in _triples(coder, text))


# -- doers the sentence names only as the speaker, the modifier or the participle ---------------


def test_an_official_speakers_passive_measure_is_its_own(coder: Coder) -> None:
    found = _triples(coder, "Pakistan said two Indian spies had been arrested in Lahore.")
    assert any(s == "PAK" and t == "IND" and c.startswith("17") for s, t, c in found), found


def test_a_passive_done_to_the_speakers_own_people_is_not_its_own(coder: Coder) -> None:
    found = _triples(coder, "Kenya said two of its citizens were arrested in Uganda.")
    assert not any(s == "KEN" for s, _, _ in found), found


def test_a_subject_named_by_its_body_before_it(coder: Coder) -> None:
    found = _triples(coder, "The UN human rights chief urged Iran to free detained lawyers.")
    assert any(s == "IGOUNO" and t == "IRN" and c.startswith("02") for s, t, c in found), found


def test_a_title_is_no_mediation(coder: Coder) -> None:
    found = _triples(coder, "The UN envoy for Yemen said the talks would resume in Geneva.")
    assert not any(c == "045" for _, _, c in found), found
    assert any(c == "045" for _, _, c in _triples(coder, "Norway acted as a mediator between Colombia and the rebels."))


def test_an_event_noun_takes_its_parties_from_its_participle(coder: Coder) -> None:
    text = "Sanctions imposed on Iranian officials by the US Treasury took effect on Monday."
    assert ("USA", "IRN", "163") in _triples(coder, text)


def test_a_headline_fragments_participle_is_the_report(coder: Coder) -> None:
    found = _triples(coder, "Kenyan troops battling al Shabaab militants near Kismayo")
    assert any(s == "KEN" and c.startswith("19") for s, _, c in found), found


# -- reject (12), deny (016) or disapprove (110): what is rejected ------------------------------


def test_rejecting_an_accusation_denies_it(coder: Coder) -> None:
    assert {c for _, _, c in _triples(coder, "Kenya rejected the accusation.")} == {"016"}


def test_rejecting_what_another_did_objects_to_it(coder: Coder) -> None:
    found = _triples(coder, "The opposition rejected the election results.")
    assert {c for _, _, c in found} == {"110"}, found


def test_rejecting_a_proposal_stays_a_refusal(coder: Coder) -> None:
    found = _triples(coder, "Hamas rejected the ceasefire proposal.")
    assert found and all(c.startswith("12") for _, _, c in found), found


def test_a_named_region_that_acts_is_a_doer(coder: Coder) -> None:
    found = _triples(coder, "Europe imposed new sanctions on Russia over the annexation.")
    assert any(t == "RUS" and c == "163" for _, t, c in found), found


def test_a_named_region_acted_on_is_no_doer(coder: Coder) -> None:
    found = _triples(coder, "Russia imposed new restrictions on trade with Europe.")
    assert not any(s == "UNK" for s, _, _ in found), found


# -- a charge is an allegation (115), an arrest a coercion (173) ------------------------------
# CAMEO's arrest code sends charges and lawsuits to 115; PLOVER counts indicting, charging and
# bringing to trial as ACCUSE, and arresting or detaining as COERCE.


@pytest.mark.parametrize("text", [
    "Prosecutors in Lima indicted the former Peruvian president on bribery charges.",
    "A court in Ankara put eleven Turkish journalists on trial on Tuesday.",
    "Kenyan prosecutors filed charges against the former finance minister.",
])
def test_a_charge_or_a_trial_is_an_allegation(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {e.cameo.code for e in events} == {"115"}, text
    assert {e.plover.type for e in events} == {"ACCUSE"}


@pytest.mark.parametrize("text", [
    "Egyptian police arrested dozens of protesters in Cairo on Friday.",
    "Security forces put the Ugandan opposition leader under house arrest.",
])
def test_an_arrest_stays_a_coercion(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {e.cameo.code for e in events} == {"173"}, text
    assert {e.plover.type for e in events} == {"COERCE"}


# -- an office given up is a retreat, an eased restriction a concession ------------------------
# PLOVER counts resignations among the retreats (mode 'resign'); the easing of a curfew or of a
# state of emergency stays a concession.


@pytest.mark.parametrize("text", [
    "Peru's prime minister resigned on Friday after weeks of street protests.",
    "The embattled Nepali home minister stepped down on Monday.",
])
def test_a_resignation_is_a_retreat(coder: Coder, text: str) -> None:
    events = [e for e in coder.code(text, date=DATE) if e.cameo.code == "0831"]
    assert events, text
    assert {(e.plover.type, e.plover.mode) for e in events} == {("RETREAT", "resign")}


def test_an_eased_curfew_stays_a_concession(coder: Coder) -> None:
    events = coder.code("The Malian junta lifted the nationwide curfew on Sunday.", date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("0813", "CONCEDE")}


# -- a seized person: detained by the state, abducted by anyone else ----------------------------
# CAMEO keeps hostage-taking (181) out of arrests (173); PLOVER codes a state's detentions as
# COERCE 'arrest' and combatants captured in fighting, like kidnappings, as ASSAULT 'abduct'.


def test_a_person_seized_by_police_is_detained(coder: Coder) -> None:
    events = coder.code("Police seized the opposition leader at his home in Harare on Monday.", date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("173", "COERCE")}


@pytest.mark.parametrize("text", [
    "Gunmen seized two Italian aid workers in northern Mali.",
    "Ukrainian troops seized two Russian soldiers near Kharkiv.",
])
def test_a_person_seized_by_gunmen_or_in_fighting_is_abducted(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("181", "ASSAULT")}, text


def test_a_thing_seized_stays_confiscated(coder: Coder) -> None:
    events = coder.code("Iranian forces seized a British-flagged tanker in the Strait of Hormuz.", date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("1711", "COERCE")}


@pytest.mark.parametrize("text", [
    "Iraqi police seized the rebels' weapons in Mosul.",  # people named only as the owners
    "Iran seized a British tanker in the Strait of Hormuz.",  # a thing named by its country
])
def test_a_thing_a_party_owns_seized_by_a_state_is_confiscated(coder: Coder, text: str) -> None:
    assert {e.cameo.code for e in coder.code(text, date=DATE)} == {"1711"}, text


def test_a_ship_seized_by_pirates_is_hijacked(coder: Coder) -> None:
    text = "Somali pirates seized a Greek cargo ship off the coast on Tuesday."
    assert {e.cameo.code for e in coder.code(text, date=DATE)} == {"181"}


# -- weapons of mass destruction built are a build-up, not an attack --------------------------
# CAMEO's 204 is an attack with such weapons; adding to one's weapons is 154 (PLOVER MOBILIZE).


@pytest.mark.parametrize("text", [
    "Syria produced chemical weapons at a secret site near Damascus, inspectors said.",
    "Iran is developing nuclear weapons, Israel's prime minister said.",
])
def test_weapons_of_mass_destruction_built_are_a_build_up(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("154", "MOBILIZE")}, text


def test_weapons_of_mass_destruction_used_are_an_attack(coder: Coder) -> None:
    text = "Syrian government forces used chemical weapons against rebels in Ghouta."
    assert {e.cameo.code for e in coder.code(text, date=DATE)} == {"2041"}


# -- pulling out of a body or talks reduces relations; out of a place, a retreat ------------------
# The parser reads 'out' of "pulled out of X" as a preposition; X is then what is left, as after
# 'withdrew from'. PLOVER codes leaving an organisation as SANCTION 'withdraw', and a military
# pull-out from territory as RETREAT.


@pytest.mark.parametrize(("text", "code"), [
    ("Armenia pulled out of the Russian-led security bloc.", "160"),
    ("Britain pulled out of the European Union in 2020.", "160"),
    ("Iran pulled out of the negotiations in Vienna.", "164"),
])
def test_pulling_out_of_a_body_or_talks_reduces_relations(coder: Coder, text: str, code: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {(code, "SANCTION")}, text


@pytest.mark.parametrize("text", [
    "Russian forces pulled out of the Kharkiv region.",
    "Syrian troops pulled out of their positions near Aleppo.",
])
def test_pulling_out_of_a_place_is_a_retreat(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("0874", "RETREAT")}, text


# -- a visitor barred is refused (1245); visas or funds withheld are a restriction (16) ---------
# PLOVER codes a state barring a group from its territory as REJECT (and expelling it as
# COERCE); CAMEO's 1245 refuses access to international actors.


@pytest.mark.parametrize("text", [
    "Venezuela denied entry to a European Parliament delegation.",
    "Iran refused entry to IAEA inspectors on Monday.",
])
def test_a_visitor_barred_is_refused(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("1245", "REJECT")}, text


def test_overflights_denied_are_a_restriction(coder: Coder) -> None:
    events = coder.code("Russia denied overflight rights to Lithuanian airlines.", date=DATE)
    assert {e.plover.type for e in events} == {"SANCTION"}


# -- a forecast of a danger is no threat; a warning of what one will do is ----------------------
# CAMEO's threats are coercive warnings of what the threatener may do; a warning that warns no
# one of a danger befalling others is a pessimistic comment (012).


@pytest.mark.parametrize("text", [
    "Aid agencies warned that the cholera outbreak could spread to neighbouring districts.",
    "The UN warned that millions in Yemen could face famine.",
])
def test_a_warning_of_a_danger_is_a_forecast(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {e.cameo.code for e in events} == {"012"}, text


@pytest.mark.parametrize("text", [
    "Russia warned that Ukraine would face consequences for the drone strikes.",
    "China warned that it would respond firmly to any provocation.",
    "The European Union warned Hungary it could lose funds over rule-of-law concerns.",
])
def test_a_warning_of_what_one_will_do_is_a_threat(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {e.cameo.root for e in events} == {"13"}, text


# -- 'met with' a response is a reception, 'met by' a person a meeting --------------------------


def test_met_with_a_response_is_no_meeting(coder: Coder) -> None:
    events = coder.code("Iran warned that any attack would be met with a crushing response.", date=DATE)
    assert {e.cameo.root for e in events} == {"13"}


def test_met_by_a_person_is_a_meeting(coder: Coder) -> None:
    events = coder.code("The Saudi crown prince was met by the French president at the airport.", date=DATE)
    assert {e.cameo.root for e in events} == {"04"}


# -- a place put under siege is blockaded; a person put under arrest is detained ----------------


@pytest.mark.parametrize("text", [
    "The army placed the town under siege.",
    "Saudi-led forces kept the port of Hodeidah under blockade.",
])
def test_a_place_put_under_siege_is_blockaded(coder: Coder, text: str) -> None:
    assert {e.cameo.code for e in coder.code(text, date=DATE)} == {"191"}, text


def test_a_person_put_under_house_arrest_is_detained(coder: Coder) -> None:
    text = "Police placed the opposition leader under house arrest."
    assert {e.cameo.code for e in coder.code(text, date=DATE)} == {"173"}


# -- the direct object names the act, not a noun of a later phrase ------------------------------
# "called off the strike after talks": when a pattern names the direct object, a pattern that
# matched only a noun elsewhere in the clause gives way. CAMEO codes halted negotiations 164 and
# other cancelled meetings 161.


@pytest.mark.parametrize(("text", "code"), [
    ("The union called off the strike after talks with the government.", "082"),
    ("The US president called off negotiations with the Taliban after an attack in Kabul.", "164"),
    ("The Turkish president called off a visit to Israel after the raid.", "161"),
])
def test_the_direct_object_names_what_was_called_off(coder: Coder, text: str, code: str) -> None:
    assert {e.cameo.code for e in coder.code(text, date=DATE)} == {code}, text


# -- regret for one's own acts is an apology, over another's a disapproval ----------------------
# PLOVER counts expressions of regret or remorse as concessions (CAMEO 055, apologize); regret
# over what another did disapproves of it (110).


@pytest.mark.parametrize("text", [
    "Japan expressed regret over its wartime actions.",
    "The army regretted its mistakes in the operation.",
    "Germany voiced remorse for the crimes of the Nazi era.",
])
def test_regret_for_ones_own_acts_is_an_apology(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("055", "CONCEDE")}, text


def test_regret_over_anothers_act_is_a_disapproval(coder: Coder) -> None:
    events = coder.code("Britain expressed regret over the court's ruling.", date=DATE)
    assert {e.cameo.code for e in events} == {"110"}


# -- a legal penalty lifted is a concession; one upheld or imposed is not ------------------------
# CAMEO 081 relaxes or removes administrative penalties; PLOVER counts acquittals and pardons as
# concessions. Withdrawing a case is no military withdrawal.


@pytest.mark.parametrize("text", [
    "The government dropped the charges against the journalists.",
    "Prosecutors withdrew the case against the opposition leader.",
    "A Moscow court acquitted the opposition activist.",
])
def test_a_legal_penalty_lifted_is_a_concession(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert {(e.cameo.code, e.plover.type) for e in events} == {("081", "CONCEDE")}, text


def test_a_conviction_upheld_is_no_concession(coder: Coder) -> None:
    events = coder.code("The appeals court upheld the conviction of the opposition leader.", date=DATE)
    assert {e.cameo.code for e in events} == {"116"}


@pytest.mark.parametrize("text", [
    "Kenyan nurses warned that they would strike next week.",
    "Doctors warned they would strike over pay.",
    "Students warned they would occupy the university.",
])
def test_doers_warning_of_their_own_action_threaten(coder: Coder, text: str) -> None:
    # nurses or students warning of what they will do forecast nothing: they threaten to act
    events = coder.code(text, date=DATE)
    assert "13" in {e.cameo.root for e in events}, text
