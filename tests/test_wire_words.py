"""Common wire-news event words the lexicon (``data/lexicon/NN_*.tsv``, ``data/verbs.tsv``) codes, and
their ordinary uses that must stay no event (``data/nonevent_objects.tsv``).

The sentences are our own, wire style. A judicial hanging is coded as an execution is (190); a mob's
lynching is a killing (1823); "stood up for" a party defends it in words (052), "stood up to" one
refuses to yield (124); police "picked up" activists is an arrest (173); regret expressed *to* a
party is an apology (055), regret *over* a decision still disapproval (110); welcoming a leader *to*
a capital hosts him (043), while "welcomed X in a statement" praises (051); a mutiny is
unconventional violence (180); correspondents expelled one by one are individuals (174), not an
organisation (166); fighters who "cut off the road" blockade it (191), a landslide that does is no
party. A verb whose own particle made its pattern keeps it: "stepped down after the protests" is a
resignation (0831), not a light verb with the noun 'protests' (``events/triggers.py``). The parser
leaves some past tenses unlemmatised ('overran', 'forgave'): the rows name them too. Burning houses
destroys property (1712); only driving people out, or burning whole neighbourhoods, is the cleansing of 20. People
"forcibly disappeared" are abducted (181); a reporter who disappeared names no one who did it.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model


def _codes(coder: Coder, text: str) -> set[str]:
    return {e.cameo.code for e in coder.code(text, date="2024-03-12")}


@pytest.mark.parametrize(("text", "code"), [
    ("Saudi Arabia hanged a Jordanian man for drug smuggling on Sunday.", "190"),
    ("Two men were hanged in public in the city of Mashhad.", "190"),
    ("A mob lynched two men suspected of cattle theft, police said.", "1823"),
    ("France stood up for Armenia at the summit in Granada.", "052"),
    ("Police picked up the opposition leader at his home in Kampala.", "173"),
    ("Japan expressed regret to South Korea for its wartime conduct.", "055"),
    ("Soldiers mutinied at a barracks near the capital on Tuesday.", "180"),
    ("China expelled three Wall Street Journal correspondents.", "174"),
    ("Xi welcomed Putin to Beijing on Tuesday.", "043"),
    ("Rebels cut off the road between Goma and Rutshuru.", "191"),
    ("Al Shabaab fighters cut off the main highway to Baidoa.", "191"),
    ("The prime minister stepped down after the protests.", "0831"),
    ("The World Bank suspended lending to Uganda.", "1621"),
    ("Insurgents overran an army base in Borno.", "192"),
    ("Mandela forgave his jailers.", "056"),
    ("The attackers burned houses and a church.", "1712"),
    ("The storming of the Capitol by Trump supporters shocked the world.", "190"),
    ("The Philippines stood up to Beijing over the shoal.", "124"),
    ("Three activists were forcibly disappeared in Sindh province.", "181"),
    ("Police shoved reporters outside the court in Harare.", "182"),
    ("China came out in support of Russia's position.", "051"),
    ("Mobs burned Muslim neighbourhoods in the city.", "203"),
])
def test_a_common_wire_word_codes_its_event(coder: Coder, text: str, code: str) -> None:
    assert code in _codes(coder, text)


@pytest.mark.parametrize(("text", "code"), [
    ("China expressed regret at the vote in the Security Council.", "110"),
    ("The senator expressed regret over the decision to close the base.", "110"),
])
def test_regret_over_a_decision_stays_disapproval(coder: Coder, text: str, code: str) -> None:
    assert _codes(coder, text) == {code}


@pytest.mark.parametrize("text", [
    "Kenya welcomed the ruling in a statement.",
    "France welcomed Finland in a statement.",
])
def test_welcoming_in_a_statement_is_praise_not_hosting(coder: Coder, text: str) -> None:
    assert _codes(coder, text) == {"051"}


@pytest.mark.parametrize("text", [
    "Workers hung banners and flags along the avenue before the festival.",
    "She hung up the phone and left the office.",
    "The museum hung a portrait of the queen in the main hall.",
    "The prisoner hanged himself in his cell, officials said.",
    "The team picked up the pace in the second half.",
    "The film picked up three awards at the festival.",
    "He stood up for the national anthem.",
    "Fans stormed the pitch after the final whistle.",
    "Fans invaded the pitch to celebrate the title.",
    "The singer stormed the charts with her new album.",
    "The Spanish player beat the seven-time champion in five sets.",
    "The photographer captured the eruption of the volcano on camera.",
    "A landslide cut off the main road to the village.",
    "The council cut the road budget by a third.",
    "The team overran its budget.",
    "The storming of the pitch by fans delayed the match.",
    "The journalist disappeared in 2019.",
    "Shoppers jostled for bargains on Black Friday.",
    "The report came out on Monday.",
])
def test_the_same_words_in_ordinary_news_are_no_event(coder: Coder, text: str) -> None:
    assert _codes(coder, text) == set()
