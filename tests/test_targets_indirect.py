"""Parties wire copy gives only indirectly: a place noun with a nationality ("the Syrian town
of X"), aid dropped over a place, 'it' standing for the object of the clause before, a passive
expulsion from a country, a count that is no agent ("by the thousands"); on the real pipeline.

Each shape is tested with the rule firing and with a neighbour it must leave alone. Every
sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2024-05-10"


def _triples(coder: Coder, text: str) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO root) of the events of ``text``."""
    return {(s, t, code[:2]) for s, t, code, _ in country_codes(coder, text, DATE)}


# -- a place named by a nationality and a place noun is that country's ---------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Turkish drones struck a convoy near the Syrian town of Qamishli.", ("TUR", "SYR", "19")),
    ("Russian troops shelled a bridge near a Ukrainian village.", ("RUS", "UKR", "19")),
    ("Israeli jets bombed a house in a Lebanese village on Sunday.", ("ISR", "LBN", "19")),
])
def test_a_struck_place_with_a_nationality_is_that_countrys(coder: Coder, text: str,
                                                            want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_a_place_noun_located_by_a_region_before_it_is_the_regions(coder: Coder) -> None:
    # the story's country is only a default; "West Bank" says where the city is
    assert ("ISR", "PSE", "19") in _triples(coder, "Israeli troops raided the West Bank city of Jenin.")


def test_an_ethnic_adjective_on_a_place_names_no_state(coder: Coder) -> None:
    # "Kurdish" is no state's nationality: the town gives no target country
    triples = _triples(coder, "Turkish drones struck a convoy near a Kurdish town.")
    assert ("TUR", None, "19") in triples


# -- aid handed out in or over a place abroad goes to that country ---------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Jordanian aircraft dropped food and medical supplies over northern Gaza.", ("JOR", "PSE", "07")),
    ("Egyptian planes dropped medicine over Sudan on Friday.", ("EGY", "SDN", "07")),
])
def test_aid_dropped_over_a_place_abroad_goes_to_its_country(coder: Coder, text: str,
                                                             want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_aid_handed_out_at_home_names_no_recipient_country(coder: Coder) -> None:
    # the doer's own country is no other party: the event keeps no target rather than vanishing
    assert _triples(coder, "Kenya distributed food in Turkana on Monday.") == {("KEN", None, "07")}


# -- 'it' as the object of a second verb is the first verb's object --------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Pakistan criticised India and threatened it with a firm response.", ("PAK", "IND", "13")),
    ("The United States praised Vietnam and urged it to open its markets.", ("USA", "VNM", "02")),
])
def test_it_after_a_coordinated_verb_is_the_object_before(coder: Coder, text: str,
                                                          want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


@pytest.mark.parametrize(("text", "want"), [
    ("Japan's foreign minister met her South Korean counterpart and invited her to Tokyo.", ("JPN", "KOR", "02")),
    ("The Kenyan president phoned his Somali counterpart and urged him to resume talks.", ("KEN", "SOM", "02")),
])
def test_him_or_her_after_a_counterpart_is_the_counterpart(coder: Coder, text: str,
                                                          want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_it_of_a_clause_with_its_own_subject_is_left_alone(coder: Coder) -> None:
    # a second subject opens a new clause: 'it' may be anything, and names no target from before
    triples = _triples(coder, "Pakistan criticised India and the army threatened it with a response.")
    assert not any(t == "IND" and root == "13" for _, t, root in triples)


# -- "by the thousands" counts those acted on; it names no doer -------------------------------------


def _sources(coder: Coder, text: str) -> set[str]:
    return {e.source.cameo_code for e in coder.code(text, date=DATE) if e.source is not None}


def test_a_count_after_by_the_is_no_agent(coder: Coder) -> None:
    assert _sources(coder, "Migrants were arrested by the hundreds at the border.") == {"---"}


def test_a_count_of_people_after_by_is_still_the_agent(coder: Coder) -> None:
    # "by hundreds of rebels": the rebels did it
    assert _sources(coder, "The town was attacked by hundreds of rebels.") == {"REB"}


# -- a passive deportation from a country is that country's act ------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Haitians fleeing gang violence were deported from the Dominican Republic by the thousands.",
     ("DOM", "HTI", "17")),
    ("Hundreds of Afghans were deported from Iran on Monday.", ("IRN", "AFG", "20")),
    ("Two Russian journalists were expelled from Latvia on Friday.", ("LVA", "RUS", "17")),
])
def test_people_deported_from_a_country_were_deported_by_it(coder: Coder, text: str,
                                                            want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_people_expelled_from_a_village_name_no_state(coder: Coder) -> None:
    # anyone may empty a village: the doer stays unknown
    assert _sources(coder, "Hundreds of families were expelled from the village.") == {"---"}


# -- a release is asked of whoever holds the people ------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Washington demanded the release of an American journalist held in Russia.", ("USA", "RUS", "10")),
    ("Britain called for the release of two aid workers detained by Iran.", ("GBR", "IRN", "02")),
])
def test_a_release_is_asked_of_the_holder(coder: Coder, text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_a_release_with_no_holder_named_keeps_the_people(coder: Coder) -> None:
    assert ("FRA", "FRA", "10") in _triples(coder, "France demanded the release of two French citizens.")


# -- a protest at a public policy is aimed at the protesters' own government -----------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Kenyans protested in Nairobi on Tuesday against a proposed tax increase.", ("KEN", "KEN", "14")),
    ("Millions of Indian workers walked off the job in a general strike against labour reforms.",
     ("IND", "IND", "14")),
])
def test_a_protest_at_a_policy_is_aimed_at_the_government(coder: Coder, text: str,
                                                         want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_a_protest_at_pay_names_no_government(coder: Coder) -> None:
    # pay is an employer's to answer, whoever that is
    assert ("ARG", None, "14") in _triples(coder, "Police officers in Buenos Aires protested against pay cuts on Wednesday.")


# -- a body sent from a state is that state's -----------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Vietnam hosted a delegation from Laos on Tuesday.", ("VNM", "LAO", "04")),
    ("Egypt hosted envoys from Sudan on Monday.", ("EGY", "SDN", "04")),
    # the parser hangs the 'from' phrase on a verb of meeting, which comes from nowhere itself
    ("Putin met a delegation from China in Moscow.", ("RUS", "CHN", "04")),
    # sent from an international body, they are that body, as "IAEA inspectors" are
    ("Iran refused to host a delegation from the IAEA.", ("IRN", "IGOUNOIAE", "12")),
    ("A delegation from the IAEA criticised Iran.", ("IGOUNOIAE", "IRN", "11")),
])
def test_a_body_from_a_state_is_that_states(coder: Coder, text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_fighters_who_crossed_from_a_state_are_that_states(coder: Coder) -> None:
    # the story's country is only a default: where they came over from says whose they are
    text = "Pakistan's army said it killed six militants who crossed from Afghanistan."
    assert ("PAK", "AFG", "19") in _triples(coder, text)


def test_a_body_with_its_own_nationality_keeps_it(coder: Coder) -> None:
    # (soldiers arriving somewhere are deployed there, no visit: the withdrawal shows whose they are)
    triples = _triples(coder, "French soldiers who withdrew from Mali arrived in Niger.")
    assert ("FRA", "MLI", "08") in triples and not [t for t in triples if t[0] == "MLI"], triples


def test_the_two_sides_after_a_delegation_are_its_state_and_the_host(coder: Coder) -> None:
    text = "Vietnam hosted a delegation from Laos on Tuesday, and the two sides signed an agreement on trade."
    assert {("VNM", "LAO", "05"), ("LAO", "VNM", "05")} <= _triples(coder, text)


# -- a weapon met in flight is the side's it was launched from --------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Saudi air defences intercepted a missile fired from Yemen.", ("SAU", "YEM", "19")),
    ("Ukraine shot down 30 drones launched from Russia overnight.", ("UKR", "RUS", "19")),
    ("Israel intercepted rockets fired from Gaza.", ("ISR", "PSE", "19")),
])
def test_a_weapon_intercepted_is_its_launchers(coder: Coder, text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


# -- "the city of X" is one place acted on, not two ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rebels seized the town of Bunia.",
    "Rwandan-backed rebels seized the Congolese city of Goma.",
])
def test_a_place_noun_and_its_name_are_one_target(coder: Coder, text: str) -> None:
    targets = [(e.target.text, e.target.country) for e in coder.code(text, date=DATE) if e.target is not None]
    assert len(targets) == 1 and targets[0][1] == "COD", targets


def test_control_of_a_place_still_takes_the_place(coder: Coder) -> None:
    # the 'of' of the verb's own object that is no place noun still names the target
    assert ("RUS", "UKR", "19") in _triples(coder, "Russian troops took control of the town of Bakhmut.")


# -- "received a call from Y": Y did it ------------------------------------------------------------


def test_a_call_received_from_someone_is_theirs(coder: Coder) -> None:
    assert _triples(coder, "Kuwait's emir received a call from the Iranian president.") == {("IRN", "KWT", "04")}


@pytest.mark.parametrize(("text", "want"), [
    ("Troops freed 20 schoolgirls abducted by Boko Haram in Nigeria.", ("NGA", "NGA", "18")),
    ("Ukraine exhumed Ukrainian civilians executed by Russian forces.", ("RUS", "UKR", "19")),
    ("Colombia apologised to the families of civilians killed by soldiers in 2008.", ("COL", "COL", "19")),
])
def test_a_participle_with_its_doer_acts_on_the_noun_it_describes(
        coder: Coder, text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_a_participle_describing_a_place_makes_no_new_event(coder: Coder) -> None:
    # "positions held by X": no act of X's, only who holds them
    got = _triples(coder, "Sudan's army shelled positions held by the Rapid Support Forces in Khartoum.")
    assert got == {("SDN", "SDN", "19")}, got


def test_a_hosts_guests_from_somewhere_are_its_guests(coder: Coder) -> None:
    # a host receives guests: their 'from' tells where they came from, not who gave anything
    got = _triples(coder, "Chinese President Xi Jinping received a delegation from Ghana in Beijing.")
    assert got == {("CHN", "GHA", "04")}, got


def test_a_call_held_with_someone_is_the_subjects(coder: Coder) -> None:
    assert _triples(coder, "Kuwait's emir held a call with the Iranian president.") == {("KWT", "IRN", "04")}


# -- "his hosts" after a visit are whom the visit was to -------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("Kenya's president visited Ethiopia, where he signed a security pact with his host.", ("KEN", "ETH", "05")),
    ("The French president visited Morocco on Monday and held talks with his hosts on migration.",
     ("FRA", "MAR", "04")),
])
def test_the_host_of_a_visit_before_is_its_target(coder: Coder, text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_a_host_with_no_visit_before_names_no_one(coder: Coder) -> None:
    assert _triples(coder, "Kenya's president signed a security pact with his host.") == {("KEN", None, "05")}


def test_a_weapon_fired_from_a_country_was_fired_by_it(coder: Coder) -> None:
    # a doer named only by where its weapon came from, over an unknown one
    assert ("PSE", "ISR", "19") in _triples(coder, "Rockets fired from Gaza wounded two Israelis in Sderot.")


def test_a_weapon_from_nowhere_named_keeps_an_unknown_doer(coder: Coder) -> None:
    assert ("---", "ISR", "19") in {(s or "---", t, r) for s, t, r in _triples(coder, "A rocket hit a school in Sderot.")}


# -- in reported speech, 'its' on what an act hits is the speaker's --------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("The Philippine navy said Chinese ships harassed its vessels near the shoal.", ("CHN", "PHL", "17")),
    ("Kyiv said Russian drones struck its power plants overnight.", ("RUS", "UKR", "19")),
])
def test_its_in_reported_speech_is_the_speakers(coder: Coder, text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(coder, text)


def test_its_of_a_speaker_of_the_doers_country_names_no_one(coder: Coder) -> None:
    assert ("CHN", None, "19") in _triples(coder, "China said its coast guard boarded its own vessels.")
