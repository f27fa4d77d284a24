"""Who did it, when the clause of the act does not say: the doer of the act a doerless act of
violence was part of, and the maker of a denied claim that was its own boast. On the real
pipeline.

Every sentence here was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.records import Event

pytestmark = pytest.mark.model

DATE = "2024-03-05"


def _by_trigger(events: list[Event], trigger: str) -> list[Event]:
    return [e for e in events if e.evidence.trigger.text == trigger]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # the clause it is coordinated with (Beni, a town in DR Congo, gives the rebels' country)
        ("Rebels attacked the town of Beni on Monday and two soldiers were killed, the army said.",
         "killed", "CODREB"),
        # a weapon as the subject, after the clause that says whose it is
        ("Russian forces shelled Kharkiv overnight, and a rocket hit an apartment block, killing three people.",
         "hit", "RUSMIL"),
        # a 'when' clause below it, not yet coded when the passive is
        ("Five civilians were killed when soldiers opened fire on a crowd in the town.", "killed", "MIL"),
        ("Eleven protesters were wounded as police fired tear gas and rubber bullets in Nairobi.",
         "wounded", "KENCOP"),
        # paramilitaries on the state's side do violence as the army does
        ("Two students were shot dead in Khartoum when government-backed militias opened fire on a march.",
         "shot", "SDNPRM"),
        # the place a 'where' clause describes
        ("Israeli troops raided the Jenin camp, where two Palestinians were killed, the health ministry said.",
         "killed", "ISRMIL"),
    ],
)
def test_a_doerless_act_takes_the_doer_of_the_act_it_was_part_of(
    coder: Coder, text: str, trigger: str, doer: str
) -> None:
    found = _by_trigger(coder.code(text, date=DATE), trigger)
    assert found and {e.source.cameo_code for e in found if e.source is not None} == {doer}, [
        (e.cameo.code, e.source) for e in found]


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "toll"),
    [
        # ... also past the speaker who reports the second act
        ("Israeli jets struck Gaza overnight and a house was destroyed, witnesses said.", "struck", "ISRMIL",
         "destroyed"),
        # an 'after' clause the parser takes for a conjunct of the passive
        ("After the army shelled the village, at least ten people were killed, residents said.", "shelled",
         "MIL", "killed"),
    ],
)
def test_a_doerless_toll_of_the_same_party_is_the_act_it_was_part_of(
    coder: Coder, text: str, trigger: str, doer: str, toll: str
) -> None:
    # one act, one event (duplicates.py, the 'toll' link): the doer's act, the toll restated
    events = coder.code(text, date=DATE)
    assert [(e.evidence.trigger.text, e.source.cameo_code if e.source else None) for e in events] == [
        (trigger, doer)]
    restated = events[0].evidence.restated
    assert restated is not None and restated.text == toll


@pytest.mark.parametrize(
    "text",
    [
        # the dead are the attackers' own: their enemy killed them, whom the text does not name
        "Troops attacked the rebel base and two soldiers were killed.",
        "Four soldiers were killed when troops attacked a rebel camp in North Kivu.",
        # the clause tells no act of an armed actor
        "Twelve people were killed when a bus plunged into a ravine in Nepal.",
        "Two policemen were killed when they tried to stop gunmen at a checkpoint in Peshawar.",
    ],
)
def test_a_doerless_act_keeps_an_unknown_doer_when_none_is_told(coder: Coder, text: str) -> None:
    found = _by_trigger(coder.code(text, date=DATE), "killed")
    assert found and all(e.source is not None and e.source.unknown for e in found), [
        (e.cameo.code, e.source) for e in found]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the claim takes ground, or is about what is the denier's own: its maker's boast
        ("Ukraine denied Russian claims that it had captured the town of Avdiivka.", "RUS"),
        ("Kyiv on Monday denied Moscow's claims that it had taken control of the village.", "RUS"),
        ("Israel rejected Hamas claims that it had shot down an Israeli drone over Gaza.", "PSE"),
        # an accusation: the pronoun is the denier, as before
        ("Russia denied Ukrainian claims that it had shelled a hospital in Kherson.", "RUS"),
        ("Iran denied U.S. claims that it had attacked a tanker in the Gulf.", "IRN"),
        ("Russia on Tuesday dismissed U.S. claims that it had supplied drones to Iran.", "RUS"),
    ],
)
def test_a_pronoun_in_a_denied_boast_is_its_maker(coder: Coder, text: str, country: str) -> None:
    events = coder.code(text, date=DATE)
    found = {e.source.country for e in events if e.source is not None and e.source.text == "it"}
    assert found == {country}, [(e.cameo.code, e.source) for e in events]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The Zandu Liberation Front attacked a police station in central Mali, killing five officers.", "MLIREB"),
        ("The Kelo Liberation Movement shelled army positions near Beni in Congo on Tuesday.", "CODREB"),
    ],
)
def test_an_unlisted_group_doing_armed_violence_is_an_armed_group_of_the_place(
    coder: Coder, text: str, doer: str
) -> None:
    events = [e for e in coder.code(text, date=DATE) if e.cameo.root in ("18", "19", "20")]
    assert events and {e.source.cameo_code for e in events if e.source is not None} == {doer}, [
        (e.cameo.code, e.source) for e in events]


def test_an_unlisted_organisation_keeps_no_country_outside_violence(coder: Coder) -> None:
    events = coder.code("The Orvel Group signed a mining agreement with the government of Guinea.", date=DATE)
    assert events and all(e.source is not None and e.source.country is None for e in events), [
        (e.cameo.code, e.source) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Egyptian troops took part in the assault on the town.", "assault", "EGYMIL"),
        ("Several Chadian soldiers were involved in the attack on the camp.", "attack", "TCDMIL"),
        ("Sudan participated in the talks in Jeddah.", "talks", "SDN"),
    ],
)
def test_who_takes_part_in_an_act_does_it(coder: Coder, text: str, trigger: str, doer: str) -> None:
    found = _by_trigger(coder.code(text, date=DATE), trigger)
    assert found and {e.source.cameo_code for e in found if e.source is not None} == {doer}, [
        (e.cameo.code, e.source) for e in found]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt did not take part in the military exercise near Alexandria.",
        "Sudan will take part in the talks in Jeddah next week.",
    ],
)
def test_a_denied_or_future_part_names_no_doer(coder: Coder, text: str) -> None:
    events = coder.code(text, date=DATE)
    assert not [e for e in events if e.modality == "asserted" and e.source is not None and e.source.country], [
        (e.cameo.code, e.modality, e.source) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        # police using force on protesters is violent repression, also when a 'when' or 'as'
        # clause, not the passive's own, says who used it
        ("Eleven protesters were wounded as police fired tear gas and rubber bullets in Nairobi.", "wounded", "175"),
        ("Three protesters were shot dead when police fired live rounds in Dhaka.", "shot", "175"),
        ("Two demonstrators were killed as security forces fired on the crowd in Khartoum.", "killed", "175"),
    ],
)
def test_the_doer_of_a_telling_clause_refines_the_violence(
    coder: Coder, text: str, trigger: str, code: str
) -> None:
    found = _by_trigger(coder.code(text, date=DATE), trigger)
    assert found and {e.cameo.code for e in found} == {code}, [(e.cameo.code, e.source) for e in found]


@pytest.mark.parametrize(
    ("text", "side", "code"),
    [
        ("The men, all members of the Houthi movement, seized a cargo ship in the Red Sea.", "source", "YEMREB"),
        # the gang takes the country of the town the kidnapping is placed in
        ("The suspects, members of a criminal gang, kidnapped a businessman in Lagos.", "source", "NGACRM"),
        ("Two men, both Iranian nationals, were arrested by Turkish police in Istanbul.", "target", "IRNCVL"),
    ],
)
def test_a_mention_that_is_no_actor_stands_for_its_apposition(
    coder: Coder, text: str, side: str, code: str
) -> None:
    events = coder.code(text, date=DATE)
    found = {getattr(e, side).cameo_code for e in events if getattr(e, side) is not None}
    assert code in found, [(e.cameo.code, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Rebels in eastern Congo seized the mining town of Rubaya on Tuesday. They later attacked an army "
         "post nearby, killing four soldiers.", "attacked", "CODREB"),
        ("The Turkish army launched a new offensive against Kurdish fighters in northern Iraq on Monday. "
         "It said its jets had destroyed 30 targets.", "destroyed", "TURMIL"),
    ],
)
def test_a_pronoun_opening_a_sentence_stands_for_the_subject_before(
    coder: Coder, text: str, trigger: str, doer: str
) -> None:
    found = _by_trigger(coder.code(text, date=DATE), trigger)
    assert found and {e.source.cameo_code for e in found if e.source is not None} == {doer}, [
        (e.cameo.code, e.source) for e in found]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # 'they' for one army: no agreement in number
        ("The army shelled the village on Monday. They then attacked a market nearby, killing two traders.",
         "attacked"),
        # an empty 'it'
        ("Gunmen attacked a police station in Kano on Monday. It is unclear who carried out the raid on "
         "the prison that followed.", "raid"),
    ],
)
def test_a_pronoun_that_does_not_agree_stands_for_no_subject_before(
    coder: Coder, text: str, trigger: str
) -> None:
    found = _by_trigger(coder.code(text, date=DATE), trigger)
    assert all(e.source is None or e.source.country is None for e in found), [
        (e.cameo.code, e.source) for e in found]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("A U.S.-led coalition carried out air strikes on Islamic State targets in Syria.", "USAMIL"),
        ("The Saudi-led coalition bombed a market in Saada province, killing 14 people.", "SAUMIL"),
    ],
)
def test_a_group_a_state_leads_acts_as_its_leader(coder: Coder, text: str, doer: str) -> None:
    events = [e for e in coder.code(text, date=DATE) if e.cameo.root == "19"]
    assert events and {e.source.cameo_code for e in events if e.source is not None} == {doer}, [
        (e.cameo.code, e.source) for e in events]



def test_a_passive_they_stands_for_the_subject_before(coder: Coder) -> None:
    text = "The rebels freed two hostages on Monday. They were later arrested by the army in Goma."
    found = _by_trigger(coder.code(text, date=DATE), "arrested")
    assert found and {e.target.text for e in found if e.target is not None} == {"They"}, [
        (e.cameo.code, e.source, e.target) for e in found]
