"""An act a sentence names only in passing is no event; on the real pipeline.

A violent act told in a relative clause about a party of another act ("accused Sudan of arming
rebels who attacked a town"), or in a clause that dates or conditions a non-violent act ("called
for calm after gunmen killed five officers"), is background (events/background.py). So is a peaceful act told to say who a party is, when
another act happened, what another act answers, or who backs a party. A fight that is the
sentence's own act, one reported beside it, or a clause under another violent act stays, and so
does any act told beside another.
Every sentence was written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from coding import country_codes
from dyadwatch.coder import Coder

DATE = "2023-04-12"
VIOLENT = ("18", "19", "20")


def _violent(coder: Coder, text: str) -> list[str]:
    return [c for _, _, c, _ in country_codes(coder, text, DATE) if c[:2] in VIOLENT]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chad accused Sudan of arming rebels who attacked a border town in the east.",
    "Kenya's president called for calm after gunmen killed five police officers in Lamu county.",
    "The Thai prime minister met Malaysian officials in Kuala Lumpur on Tuesday, a week after insurgents bombed a market in Yala.",
    # a party described inside what an accusation says is described still
    "Kabul rejected Islamabad's claim that it sheltered gunmen who ambushed a Pakistani convoy.",
])
def test_a_fight_told_in_passing_is_no_event(coder: Coder, text: str) -> None:
    assert _violent(coder, text) == [], text


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [
    # a closed crossing (191) is a coercion, no fight the strikes could be part of
    ("Egypt closed the Rafah crossing because of Israeli air strikes on the border.", "191"),
])
def test_a_fight_that_is_another_act_s_topic_is_no_event(coder: Coder, text: str, code: str) -> None:
    assert [c for _, _, c, _ in country_codes(coder, text, DATE)] == [code], text


@pytest.mark.model
def test_a_relative_clause_under_a_fight_is_background_too(coder: Coder) -> None:
    # the militants' ambush says which militants the army killed: one act, the killing
    text = "Ghana's army killed 12 militants who ambushed a convoy near the northern border."
    assert len(_violent(coder, text)) == 1


@pytest.mark.model
@pytest.mark.parametrize(("text", "n"), [
    ("Israeli jets struck Gaza and killed 20 people, medics said.", 2),
    ("Pakistani troops shelled militant hideouts after the militants attacked a checkpoint in North Waziristan.", 2),
    ("Two protesters were killed when police opened fire in Khartoum.", 1),
])
def test_the_sentence_s_own_fights_stay(coder: Coder, text: str, n: int) -> None:
    assert len(_violent(coder, text)) == n, text


def _codes(coder: Coder, text: str) -> list[str]:
    return [c for _, _, c, _ in country_codes(coder, text, DATE)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), [
    # a relative clause that says which party
    ("Zambian police arrested three traders who had signed a contract with a Chinese mining firm.", "17"),
    ("Beijing summoned the Czech ambassador over a senator who had visited Taipei in August.", "11"),
    # a clause that dates the sentence's act, under a peaceful act and under a use of force
    ("Moscow expelled a Finnish diplomat after Helsinki joined a NATO exercise near the border.", "16"),
    ("Riot police in Dakar fired tear gas at students after they marched on the presidential palace.", "17"),
    # the deed another act answers
    ("Italy voiced support for Greece's refusal to accept the new border checks.", "05"),
    ("Kenyan police detained 12 Somalis because of their protest outside the Ethiopian embassy.", "17"),
    # a condition, and a clause that hangs from an event noun's light verb
    ("Moscow said it would not resume grain exports until Kyiv lifted its blockade of the port.", "12"),
    ("Ecuador received a visit from the Colombian president after Quito signed a border accord.", "04"),
    # who backs a party
    ("Militias financed by Tehran detained two journalists in Basra on Sunday.", "17"),
    # an act conjoined to one told in passing is told in passing too
    ("Police in Minsk detained students who had signed a petition and marched on parliament.", "17"),
])
def test_a_peaceful_act_told_in_passing_is_no_event(coder: Coder, text: str, root: str) -> None:
    assert [c[:2] for c in _codes(coder, text)] == [root], text


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Latvia expelled two Russian diplomats on Monday, accusing them of spying for Moscow.",
    "Spain recognised the new government in Caracas and called for fresh elections.",
    # a broker names no party: its mediation is an act of its own
    "Armenia freed ten Azerbaijani soldiers under an accord brokered by Qatar.",
])
def test_acts_told_beside_each_other_stay(coder: Coder, text: str) -> None:
    assert len({c[:2] for c in _codes(coder, text)}) == 2, text


@pytest.mark.model
def test_a_contrast_under_while_is_told_as_done(coder: Coder) -> None:
    text = "Jordan sent medical teams to Gaza while Egypt delivered fuel to the enclave."
    assert len(_codes(coder, text)) == 2


@pytest.mark.model
@pytest.mark.parametrize(("text", "n"), [
    # violent repression is a use of force: under another fight its clause of time is that fight's
    ("Soldiers shot dead three protesters in Khartoum after police fired tear gas at the crowd.", 2),
    # what a report says stays, when the report is a noun's content clause too
    ("Russia complained to the UN over reports that Ukraine had shelled the Zaporizhzhia nuclear plant.", 2),
    # a gerund under 'before' is the same party's next act, done in its own right
    ("Trump met Kim in Singapore before visiting Seoul.", 2),
])
def test_what_is_not_told_in_passing_stays(coder: Coder, text: str, n: int) -> None:
    assert len(_codes(coder, text)) == n, text


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Hundreds of Sudanese rallied in Khartoum against the Israeli air strikes on Yemen.",
    "Hundreds of Filipinos protested in Manila against Beijing's seizure of a reef off Palawan.",
    "Thousands rallied in Tbilisi after police detained an opposition leader.",
])
def test_a_discrete_act_that_moved_people_to_protest_stays(coder: Coder, text: str) -> None:
    # PLOVER's manual: a protest's topic is not coded, but a discrete act that motivated it is
    assert len({c[:2] for c in _codes(coder, text)}) == 2, text


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # what goes on beside a protest, or after it, moved no one to protest
    "Truckers in Ottawa blocked the city centre on Friday, as the prime minister promised new talks.",
    "Nurses marched in Helsinki on Tuesday before parliament voted on the health budget.",
    # the parser hangs the clause from the attribution: it still sets the act the speaker tells
    "Sudan's army moved reinforcements towards El Fasher, residents said, as the rebels prepared a new assault.",
])
def test_a_clause_beside_an_act_is_no_event_of_its_own(coder: Coder, text: str) -> None:
    assert len(_codes(coder, text)) == 1, (text, _codes(coder, text))
