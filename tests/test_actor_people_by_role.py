"""People named by what they do or went through, and office holders between two terms, on
wire-style sentences written for this test.

PLOVER's sector table files unarmed people with no organised affiliation under CVL, so a
survivor, a rescuer or a hiker is a civilian of the nationality the text gives
them; state security officers and security agents are an intelligence service's (SPY), drug
agents police (COP), and an opposition member of a legislature sits in it (LEG, OPP being
PLOVER's secondary code). A person who held an office before the article's date and holds none
on it is a former official (ELI), even when a later term is on our list. The adjective of a
region that lies in one country gives that country as the region's name does ("Bavarian
police" are Germany's). A body our lists lack whose name ends in a newspaper's word ("Post",
"Times", "Herald") is a newspaper (JRN). Supporters of a leader hold no office of the leader's:
civilians, or the opposition when their leader is in it, while the rank and file of a party or
armed group stay the group's; fighters of an armed leader are the leader's force, not
unidentified gunmen; witnesses are civilians and a ruling military council the executive. A
press officer speaks for a body, as a spokesman does, and is no journalist; a broadcasting
corporation is a broadcaster (JRN), not a business.
"""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.actors.regions import region_country
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

KE = "NAIROBI (Reuters) - "
DAY = date(2020, 3, 2)

# (sentence, mention, country, sector); the mention's head word is resolved.
CASES: list[tuple[str, str, str, str]] = [
    # civilians named by what happened to them or what they were doing
    (KE + "Survivors of the landslide accused the county of ignoring warnings.", "Survivors", "KEN", "CVL"),
    (KE + "A survivor of the bus crash sued the operator.", "survivor", "KEN", "CVL"),
    (KE + "Rescuers dug through the mud for a second day.", "Rescuers", "KEN", "CVL"),
    (KE + "Rescue workers pulled two children from a collapsed school.", "workers", "KEN", "CVL"),
    ("Police in Oslo found a Dutch hiker alive after a week.", "hiker", "NLD", "CVL"),
    (KE + "Police beat street vendors near the bus station.", "vendors", "KEN", "CVL"),
    (KE + "Robbers attacked commuters on a night bus.", "commuters", "KEN", "CVL"),
    # armed state bodies named by their agents
    ("Russian security agents searched the office of a rights group in Moscow.", "agents", "RUS", "SPY"),
    ("Chinese state security officers questioned a diplomat in Shanghai.", "officers", "CHN", "SPY"),
    ("U.S. drug agents seized a tonne of cocaine off the coast of Florida.", "agents", "USA", "COP"),
    # a body's press officers speak for it; a broadcaster is press, not business
    ("A press officer for the Ugandan army denied the report.", "officer", "UGA", "MIL"),
    ("The press attache of the Chinese embassy rejected the accusation.", "attache", "CHN", "GOV"),
    ("The state-owned Kenya Broadcasting Corporation sacked its news editor.", "Corporation", "KEN", "JRN"),
    # a member of a legislature in opposition sits in the legislature
    (KE + "Opposition MPs walked out of the budget debate.", "MPs", "KEN", "LEG"),
    (KE + "Opposition senators demanded an audit of the health fund.", "senators", "KEN", "LEG"),
]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), CASES)
def test_people_named_by_role(coder: Coder, text: str, mention: str, country: str, sector: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


@pytest.mark.parametrize(("text", "mention", "day", "code"), [
    # between two terms of the same office: out of office on the day, so a former official
    ("Donald Trump criticised the Federal Reserve's rate rise.", "Donald Trump", date(2023, 5, 3), "USAELI"),
    ("Luiz Inacio Lula da Silva criticised the pension reform.", "Luiz Inacio Lula da Silva",
     date(2019, 5, 3), "BRAELI"),
    # in either term, the office
    ("Donald Trump criticised the Federal Reserve's rate rise.", "Donald Trump", date(2018, 5, 3), "USAGOV"),
    ("Donald Trump criticised the Federal Reserve's rate rise.", "Donald Trump", date(2025, 5, 3), "USAGOV"),
])
def test_an_office_holder_between_terms_is_a_former_official(
    coder: Coder, text: str, mention: str, day: date, code: str
) -> None:
    actor = resolve_mention(coder, text, mention, day)
    assert actor is not None and actor.cameo_code == code, actor.reason if actor else mention


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Bavarian police detained two climate activists on a motorway bridge.", "police", "DEUCOP"),
    ("Tibetan monks held a silent vigil outside the monastery.", "monks", "CHNREL"),
    ("Basque separatists bombed an empty tax office overnight.", "separatists", "ESPREB"),
    ("Tigrayan civilians crossed the river into Sudan.", "civilians", "ETHCVL"),
    # a named person's title with a region's adjective
    ("Bavarian premier Markus Soeder criticised the federal budget.", "Markus Soeder", "DEUGOV"),
    ("Chechen leader Ramzan Kadyrov sent more fighters to the front.", "Ramzan Kadyrov", "RUSGOV"),
])
def test_a_region_s_adjective_gives_its_country(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None and actor.cameo_code == code, actor.reason if actor else mention


def test_region_adjectives_in_the_table() -> None:
    assert region_country("Tigrayan") == "ETH"
    assert region_country("Catalan") == "ESP"
    assert region_country("Kashmiri") is None  # a region across a disputed border: no country


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("The Bangkok Post criticised the army's purchase of submarines.", "The Bangkok Post", "THAJRN"),
    ("The Jerusalem Post reported that the cabinet had approved the deal.", "The Jerusalem Post", "ISRJRN"),
])
def test_a_newspaper_is_known_by_the_end_of_its_name(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None and actor.cameo_code == code, actor.reason if actor else mention


@pytest.mark.parametrize(("text", "mention", "day", "code"), [
    ("Supporters of President Donald Trump marched on the Capitol.", "Supporters", date(2021, 1, 6), "USACVL"),
    ("Supporters of Russian opposition leader Alexei Navalny rallied in the snow.", "Supporters",
     date(2021, 1, 23), "RUSOPP"),
    ("Supporters of the ruling party attacked opposition offices in Nairobi.", "Supporters", DAY, "KENGOV"),
    ("Wagner chief Yevgeny Prigozhin ordered his fighters to turn back.", "fighters", date(2023, 6, 24), "RUSPRM"),
    ("Israeli jets struck a house in Gaza overnight, Palestinian witnesses said.", "witnesses", DAY, "PSECVL"),
    (KE + "Protesters demanded that the military council hand power to civilians.", "council", DAY, "KENGOV"),
])
def test_followers_fighters_and_witnesses(coder: Coder, text: str, mention: str, day: date, code: str) -> None:
    actor = resolve_mention(coder, text, mention, day)
    assert actor is not None and actor.cameo_code == code, actor.reason if actor else mention


@pytest.mark.parametrize(("text", "date", "code"), [
    # the name the recogniser misses before a time phrase is still the office holder's
    ("Pope Francis on Sunday urged Nicaragua's government to free the jailed bishop.", "2023-02-12", "VATREL"),
    ("Pro-democracy lawmakers in Hong Kong called on Chief Executive Carrie Lam to withdraw the bill.",
     "2019-06-10", "HKGGOV"),
])
def test_popes_and_hong_kong_s_chief_executives_are_office_holders(coder: Coder, text: str, date: str, code: str) -> None:
    codes = {a.cameo_code for e in coder.code(text, date=date) for a in (e.source, e.target) if a is not None}
    assert code in codes, codes


@pytest.mark.parametrize(("text", "target"), [
    # a counterpart named by a name our lists miss still holds the office
    ("Chinese Foreign Minister Wang Yi held talks in Beijing with his Pakistani counterpart, Ishaq Dar.", "PAKGOV"),
    # whose counterpart: the clause's subject, not the nearest noun ("intelligence")
    ("Colombian police shared intelligence with their Ecuadorean counterparts.", "ECUCOP"),
])
def test_a_counterpart_holds_the_office_of_the_subject(coder: Coder, text: str, target: str) -> None:
    targets = {e.target.cameo_code for e in coder.code(text, date="2024-05-14") if e.target is not None}
    assert target in targets, targets


@pytest.mark.parametrize(("text", "source"), [
    # a longer role in the body's whole name says what it is: a federation of unions, no legislature
    ("The Nigeria Labour Congress urged President Bola Tinubu to reverse the removal of petrol subsidies.", "NGALAB"),
    ("The Ghana Trades Union Congress threatened a strike.", "GHALAB"),
    # a country's congress is its legislature
    ("The Brazilian Congress approved the bill on Tuesday.", "BRALEG"),
])
def test_a_body_named_after_a_country_takes_its_name_s_role(coder: Coder, text: str, source: str) -> None:
    sources = {e.source.cameo_code for e in coder.code(text, date="2023-06-01") if e.source is not None}
    assert source in sources, sources
