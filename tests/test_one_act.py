"""A participle that tells the outcome or the means of its verb's act is that act, not a second
event (``events/duplicates.py``: the ``participle`` link and ``outcome_or_means``).

The sentences are our own, wire style. Each folding case has a contrast where the participle
tells an act of its own (another type, another side, its own subject or time conjunction) and
stays a separate event.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder
from dyadwatch.events.duplicates import _participle_of
from dyadwatch.records import Event

pytestmark = pytest.mark.model


def _events(coder: Coder, text: str, plover: str | None = None) -> list[Event]:
    events = coder.code(text, date="2024-05-14")
    return [e for e in events if plover is None or e.plover.type == plover]


def _restated(text: str, event: Event) -> str | None:
    restated = event.evidence.restated
    if restated is None:
        return None
    assert text[restated.start:restated.end] == restated.text
    return restated.text


@pytest.mark.parametrize(
    ("text", "plover", "trigger", "told"),
    [
        # repression and its casualties: the repression's code and target stay
        ("Kenyan soldiers opened fire on demonstrators in Kisumu on Friday, wounding at least 18 people.",
         "ASSAULT", "opened", "wounding"),
        ("Riot police in Lima fired tear gas at teachers marching on the congress, injuring dozens.",
         "ASSAULT", "fired", "injuring"),
        # the means, as a participle or under 'by'
        ("Zambian police broke up an opposition rally in Lusaka, firing tear gas and water cannon.",
         "ASSAULT", "broke", "firing"),
        ("Police in Abuja dispersed the crowd by firing tear gas.", "ASSAULT", "dispersed", "firing"),
        ("Firing tear gas and rubber bullets, police dispersed the protesters in Dakar.",
         "ASSAULT", "dispersed", "Firing"),
        # a measure and what it consists of
        ("The European Union imposed sanctions on Belarus on Monday, freezing the assets of 30 officials.",
         "SANCTION", "imposed", "freezing"),
        # a visit and the meeting held on it
        ("The Indian foreign minister visited Dhaka on Sunday, meeting Bangladesh's prime minister.",
         "CONSULT", "visited", "meeting"),
    ],
)
def test_a_participle_of_outcome_or_means_is_folded_into_its_verb_s_event(
    coder: Coder, text: str, plover: str, trigger: str, told: str
) -> None:
    events = _events(coder, text, plover)
    assert len(events) == 1, [(e.evidence.trigger.text, e.cameo.code) for e in events]
    event = events[0]
    assert event.evidence.trigger.text == trigger
    assert _restated(text, event) == told
    assert event.evidence.rule.endswith("+restated")


def test_the_folded_repression_keeps_its_code_and_its_victims(coder: Coder) -> None:
    events = _events(coder, "Kenyan soldiers opened fire on demonstrators in Kisumu on Friday, "
                            "wounding at least 18 people.", "ASSAULT")
    assert [e.cameo.code for e in events] == ["175"]  # the casualties' bare 190 is the toll
    assert events[0].target is not None and events[0].target.country == "KEN"


def test_a_sanction_s_target_is_one_side_in_two_mentions(coder: Coder) -> None:
    events = _events(coder, "The European Union imposed sanctions on Belarus on Monday, freezing "
                            "the assets of 30 officials.", "SANCTION")
    assert len(events) == 1 and events[0].target is not None
    assert events[0].target.country == "BLR"


def test_conjoined_participles_are_each_the_outcome(coder: Coder) -> None:
    events = _events(coder, "Turkish jets bombed Kurdish militant positions in northern Iraq, "
                            "destroying shelters and killing several fighters.", "ASSAULT")
    assert len(events) == 1
    assert events[0].cameo.code == "195"  # the bombing's weapon, not the outcome's bare code


def test_a_protest_s_demand_is_its_topic_not_an_event(coder: Coder) -> None:
    text = "Striking nurses marched through Accra on Tuesday, demanding higher pay."
    events = _events(coder, text)
    assert [e.plover.type for e in events] == ["PROTEST"]
    assert _restated(text, events[0]) == "demanding"


def test_a_show_of_force_firing_at_no_one_is_one_show(coder: Coder) -> None:
    events = _events(coder, "Chinese warships held live-fire drills in the South China Sea, "
                            "firing missiles into the water.")
    assert [e.plover.type for e in events] == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a type apart is an act apart
        ("Police arrested 12 people in Kampala on Monday, releasing three of them hours later.",
         {"COERCE", "RETREAT"}),
        ("Police arrested the opposition leader, accusing him of plotting a coup.", {"COERCE", "ACCUSE"}),
        ("The Turkish president met his Russian counterpart in Sochi and signed a deal on Idlib.",
         {"CONSULT", "SUPPORT"}),
        # fire that hits someone is an assault, not part of a drill
        ("Chinese warships held drills near the Second Thomas Shoal, firing water cannon at a "
         "Philippine supply boat.", {"MOBILIZE", "ASSAULT"}),
    ],
)
def test_a_participle_of_another_type_stays_its_own_event(coder: Coder, text: str, kinds: set[str]) -> None:
    events = _events(coder, text)
    assert {e.plover.type for e in events} == kinds
    assert not any(e.evidence.restated for e in events)


def test_a_participle_striking_another_country_stays_its_own_event(coder: Coder) -> None:
    events = _events(coder, "Israel struck Hezbollah positions in southern Lebanon, also hitting a "
                            "Syrian army post across the border.", "ASSAULT")
    assert len(events) == 2
    assert {e.target.country for e in events if e.target is not None} == {"LBN", "SYR"}


@pytest.mark.parametrize(
    ("text", "verb", "clause", "told"),
    [
        ("Troops shelled the town, killing nine.", "shelled", "killing", True),
        ("Police dispersed the crowd by firing tear gas.", "dispersed", "firing", True),
        # a time conjunction sets another act before or beside it
        ("Police arrested five suspects in Lagos after detaining their leader.", "arrested", "detaining", False),
        ("Troops withdrew from the town while shelling its outskirts.", "withdrew", "shelling", False),
        # before the verb, the means; with a conjunction or a subject, an act of its own
        ("Firing tear gas, police dispersed the crowd.", "dispersed", "Firing", True),
        ("While denying the charges, the minister resigned.", "resigned", "denying", False),
        ("Its troops advancing, Russia shelled the town.", "shelled", "advancing", False),
    ],
)
def test_the_shape_of_a_participle_of_outcome_or_means(
    coder: Coder, text: str, verb: str, clause: str, told: bool
) -> None:
    doc = coder.nlp(text)
    words = {t.text: t for t in doc}
    assert _participle_of(words[verb], words[clause]) is told


@pytest.mark.parametrize(
    ("text", "plover", "trigger", "told"),
    [
        # the second verb's object names the first's victims again
        ("Ugandan police opened fire on demonstrators in Kampala and wounded at least 15 of them.",
         "ASSAULT", "opened", "wounded"),
        ("Police arrested 40 protesters in Minsk and detained them overnight.", "COERCE", "arrested", "detained"),
    ],
)
def test_conjoined_verbs_of_one_act_on_one_party_are_one_event(
    coder: Coder, text: str, plover: str, trigger: str, told: str
) -> None:
    events = _events(coder, text, plover)
    assert len(events) == 1, [(e.evidence.trigger.text, e.cameo.code) for e in events]
    assert events[0].evidence.trigger.text == trigger
    assert _restated(text, events[0]) == told


def test_conjoined_verbs_on_one_party_of_two_types_stay_two_events(coder: Coder) -> None:
    events = _events(coder, "Kenyan police detained 30 activists in Nairobi and later released them on bail.")
    assert {e.plover.type for e in events} == {"COERCE", "RETREAT"}


def test_conjoined_measures_each_with_its_own_object_stay_two_acts(coder: Coder) -> None:
    events = _events(coder, "Guinea's junta declared a state of emergency and detained the prime minister.",
                     "COERCE")
    assert len(events) == 2


def test_a_lawsuit_keeps_its_code_over_the_accusation_it_makes(coder: Coder) -> None:
    events = _events(coder, "Ukraine filed a case against Russia at the International Court of Justice, "
                            "accusing it of genocide.", "ACCUSE")
    assert [e.cameo.code for e in events] == ["115"]


def test_a_general_attack_takes_the_code_its_outcome_names(coder: Coder) -> None:
    events = _events(coder, "A mob attacked three traders in a market in Kano, beating them severely.", "ASSAULT")
    assert len(events) == 1
    assert events[0].cameo.code.startswith("182")


@pytest.mark.parametrize(("text", "source", "target", "told"), [
    ("Honduras's security minister survived an assassination attempt when gunmen opened fire on "
     "his car, police said.", "HNDUAF", "HNDGOV", "opened"),
    ("Three Congolese soldiers were killed when rebels ambushed their patrol near Beni.",
     "CODREB", "CODMIL", "ambushed"),
])
def test_a_when_clause_telling_how_an_attack_went_is_that_attack(
        coder: Coder, text: str, source: str, target: str, told: str) -> None:
    events = _events(coder, text, "ASSAULT")
    assert len(events) == 1, [(e.cameo.code, e.source.cameo_code) for e in events]
    event = events[0]
    assert (event.source.cameo_code, event.target.cameo_code if event.target else None) == (source, target)
    assert _restated(text, event) == told


@pytest.mark.parametrize(("text", "kinds"), [
    # two sides: the crowd's storming is its own act
    ("Troops opened fire when protesters stormed the governor's compound in Kisumu.", {"ASSAULT", "PROTEST"}),
    # a use of force under an act of another kind stays apart
    ("Police fired tear gas when students threw stones at the ministry.", {"ASSAULT", "PROTEST"}),
])
def test_a_when_clause_of_another_side_or_kind_stays_its_own_event(coder: Coder, text: str, kinds: set[str]) -> None:
    assert {e.plover.type for e in _events(coder, text)} == kinds


@pytest.mark.parametrize(("text", "trigger", "told"), [
    # a passive with no doer, conjoined after an act: its toll
    ("Nigerian troops raided a Boko Haram camp in Borno state and 30 insurgents were killed.",
     "raided", "killed"),
    ("Turkish warplanes bombed Kurdish militant hideouts in northern Iraq, and 20 militants were "
     "killed.", "bombed", "killed"),
    # the parser hangs it under the attribution that follows
    ("Gunmen ambushed a police convoy in Balochistan on Monday, and six officers were killed, "
     "officials said.", "ambushed", "killed"),
])
def test_an_act_s_toll_told_by_a_conjoined_passive_is_that_act(
    coder: Coder, text: str, trigger: str, told: str
) -> None:
    events = _events(coder, text)
    assert len(events) == 1, [(e.evidence.trigger.text, e.cameo.code) for e in events]
    assert events[0].evidence.trigger.text == trigger
    assert _restated(text, events[0]) == told


@pytest.mark.parametrize(("text", "count"), [
    # the second clause names a doer of its own ('by'), or another type of act
    ("Israeli troops raided Jenin on Monday, and two Israeli soldiers were wounded by gunfire.", 2),
    ("Kenyan police fired tear gas at protesters in Nairobi, and dozens of demonstrators were arrested.", 2),
    ("Russian forces shelled Kharkiv on Sunday, and a Ukrainian drone strike killed two Russian "
     "soldiers in Belgorod.", 2),
    # victims of another kind than the party acted on: a group hit apart
    ("Police raided the opposition party's headquarters in Kampala and 40 supporters were arrested.", 2),
    ("Rebels attacked a village near Beni on Monday and two Congolese soldiers were killed, the army said.", 2),
    # a toll with a place of its own is elsewhere
    ("Russian forces shelled Kharkiv and two people were killed in Kherson.", 2),
])
def test_a_conjoined_clause_with_a_doer_or_a_type_of_its_own_stays_its_own_event(
    coder: Coder, text: str, count: int
) -> None:
    events = _events(coder, text)
    assert len(events) == count, [(e.evidence.trigger.text, e.cameo.code) for e in events]
    assert not any(e.evidence.restated for e in events)


def test_an_outcome_whose_side_the_sentence_leaves_open_is_the_act_s(coder: Coder) -> None:
    # nothing says the tanks are another side's than the positions shelled
    events = _events(coder, "The army shelled rebel positions near Aleppo, destroying two tanks.")
    assert [e.cameo.code for e in events] == ["194"]
    assert events[0].target is not None and events[0].target.sector == "REB"


@pytest.mark.parametrize("text", [
    # the parser takes the first clause for the complement of the second
    "Saudi-led jets bombed a wedding party in Yemen; more than 20 guests were killed.",
    "Russian rockets hit an apartment block in Zaporizhzhia; at least 12 residents were killed.",
])
def test_an_act_parsed_under_its_toll_keeps_its_doer_and_folds_the_toll(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert len(events) == 1, [(e.evidence.trigger.text, e.cameo.code) for e in events]
    assert events[0].source is not None and events[0].source.country in ("SAU", "RUS")
    assert _restated(text, events[0]) == "killed"
