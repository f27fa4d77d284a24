"""Actor sectors and countries for the nouns, titles and seats of government news uses for each
PLOVER sector, on sentences written for this test.

The rows were found by going through PLOVER's sector table sector by sector: civilian offices
whose title ends in "general" are no army rank, a think tank is no tank, the coastguard is one
word in British copy, a chief justice sits on a court. A name tied to an actor from outside it
("Iranian-backed", "Somali-born") is no nationality; one that leads it ("Saudi-led") is.
"""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

KE = "NAIROBI (Reuters) - "
DAY = date(2019, 6, 1)

# (sentence, mention, country, sector); the mention's head word is resolved.
NOUNS: list[tuple[str, str, str, str | None]] = [
    # civilian offices named "... general" are not generals
    (KE + "The prosecutor general charged two ministers with fraud.", "prosecutor general", "KEN", "JUD"),
    (KE + "The auditor general criticised the ministry's accounts.", "auditor general", "KEN", "GOV"),
    (KE + "Kenya's consul general in Dubai met the stranded workers.", "consul general", "KEN", "GOV"),
    (KE + "A think tank criticised the budget.", "tank", "KEN", "SOC"),
    # courts and prosecutors
    (KE + "The chief justice criticised the president for ignoring court orders.", "chief justice", "KEN", "JUD"),
    (KE + "Judicial authorities opened an inquiry into the killings.", "authorities", "KEN", "JUD"),
    # police, coastguard and prison staff, not soldiers
    (KE + "The coastguard rescued 40 migrants off Lamu.", "coastguard", "KEN", "COP"),
    (KE + "Riot officers fired tear gas at the crowd.", "officers", "KEN", "COP"),
    (KE + "Prison officers beat the inmates.", "officers", "KEN", "COP"),
    (KE + "The police force denied the allegations.", "force", "KEN", "COP"),
    (KE + "Detectives arrested three suspects in Mombasa.", "Detectives", "KEN", "COP"),
    # soldiers policing an army, units and service members
    (KE + "Military police detained the mutineers.", "police", "KEN", "MIL"),
    (KE + "Commandos stormed the hideout at dawn.", "Commandos", "KEN", "MIL"),
    (KE + "The defence chief visited the troops in Garissa.", "chief", "KEN", "MIL"),
    # legislatures, the opposition and protesters
    (KE + "The upper chamber rejected the bill.", "chamber", "KEN", "LEG"),
    (KE + "A parliamentary committee summoned the minister.", "committee", "KEN", "LEG"),
    (KE + "An opposition politician was arrested in Kisumu.", "politician", "KEN", "OPP"),
    (KE + "Protest leaders called off the march.", "leaders", "KEN", "OPP"),
    # armed opposition and unidentified gunmen
    (KE + "Secessionists attacked a police post near the coast.", "Secessionists", "KEN", "REB"),
    (KE + "Police broke up a militant cell in Mombasa.", "cell", "KEN", "REB"),
    (KE + "Snipers fired on the protesters.", "Snipers", "KEN", "UAF"),
    # trades, media, faiths and civil society
    (KE + "Striking trade unionists blocked the port.", "unionists", "KEN", "LAB"),
    (KE + "Surgeons at the national hospital went on strike.", "Surgeons", "KEN", "MED"),
    (KE + "A private television station criticised the ban.", "station", "KEN", "JRN"),
    (KE + "A columnist was arrested over the article.", "columnist", "KEN", "JRN"),
    (KE + "Muslim preachers condemned the attack.", "preachers", "KEN", "REL"),
    (KE + "Advocacy groups urged the government to free the detainees.", "groups", "KEN", "SOC"),
    (KE + "Entrepreneurs complained about the new tax.", "Entrepreneurs", "KEN", "BUS"),
    (KE + "Evacuees returned to their homes.", "Evacuees", "KEN", "REF"),
    (KE + "Schoolteachers marched on parliament.", "Schoolteachers", "KEN", "EDU"),
    (KE + "Ranchers clashed with herders in Laikipia.", "Ranchers", "KEN", "AGR"),
    (KE + "Gangsters robbed the bank.", "Gangsters", "KEN", "CRM"),
    # officers of a police-like service are not the army's officers
    (KE + "Immigration officers detained the journalists at the airport.", "officers", "KEN", "COP"),
    (KE + "Correctional officers beat the inmates.", "officers", "KEN", "COP"),
    (KE + "The bar association criticised the arrests.", "association", "KEN", "SOC"),
    # a former holder named with "ex-", however the parser splits it
    (KE + "The ex-president criticised the new constitution.", "ex-president", "KEN", "ELI"),
]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), NOUNS)
def test_noun_takes_its_plover_sector(coder: Coder, text: str, mention: str, country: str,
                                      sector: str | None) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


@pytest.mark.parametrize(("text", "mention", "code"), [
    # a backer is not the actor's country: the place named or the story's setting is
    ("Iranian-backed militias in Iraq fired rockets at a US base.", "militias", "IRQUAF"),
    ("KABUL (Reuters) - Pakistani-backed insurgents attacked a checkpoint.", "insurgents", "AFGREB"),
    ("DONETSK, Ukraine (Reuters) - Russian-backed separatists shelled the town.", "separatists", "UKRREB"),
    ("ADEN, Yemen (Reuters) - Saudi-backed government forces retook the port.", "forces", "YEMMIL"),
    # nor is a birthplace
    ("THE HAGUE (Reuters) - A Somali-born lawmaker criticised the bill.", "lawmaker", "NLDLEG"),
    # a leader is
    ("ADEN, Yemen (Reuters) - Saudi-led coalition aircraft struck the port.", "aircraft", "SAUMIL"),
    # and a nationality beside a tie stands
    ("A London-based Saudi dissident criticised Riyadh.", "dissident", "SAUOPP"),
])
def test_an_outside_tie_is_no_nationality(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert actor.cameo_code == code, actor.reason


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Palazzo Chigi criticised the European Commission.", "Palazzo Chigi", "ITAGOV"),
    ("Moncloa rejected the demand from Rabat.", "Moncloa", "ESPGOV"),
    ("Matignon denied the report.", "Matignon", "FRAGOV"),
    ("South Block summoned the Pakistani envoy.", "South Block", "INDGOV"),
    ("The Home Office deported the men to Rwanda.", "Home Office", "GBRGOV"),
    ("Malacanang Palace condemned the Chinese manoeuvres.", "Malacanang Palace", "PHLGOV"),
    ("Baabda Palace denied the report.", "Baabda Palace", "LBNGOV"),
])
def test_a_seat_of_government_stands_for_the_government(coder: Coder, text: str, mention: str,
                                                          code: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert actor.cameo_code == code, actor.reason


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("KCNA accused Seoul of staging provocations.", "KCNA", "PRKJRN"),
    ("Al Jazeera accused the army of killing its correspondent.", "Al Jazeera", "QATJRN"),
    ("Moscow banned VOA from broadcasting in Russia.", "VOA", "USAJRN"),
    ("China expelled three BBC journalists.", "journalists", "GBRJRN"),
])
def test_a_news_outlet_is_its_country_s_media(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert actor.cameo_code == code, actor.reason


@pytest.mark.parametrize(("text", "mention", "code"), [
    # the head of a body is of the body's sector, however the body is named
    (KE + "The senate president criticised the finance minister.", "president", "KENLEG"),
    (KE + "The president of the supreme court criticised the finance minister.", "president", "KENJUD"),
    (KE + "The union chairman called off the strike.", "chairman", "KENLAB"),
    (KE + "The rebel chief rejected the truce.", "chief", "KENREB"),
    (KE + "The head of the army denied the report.", "head", "KENMIL"),
    (KE + "The hospital director said 12 people had died.", "director", "KENMED"),
    (KE + "The university chancellor suspended the students.", "chancellor", "KENEDU"),
    # a role word inside a name is the name's
    ("The chairman of the African Union Commission condemned the coup.", "chairman", "IGOAFUAUC"),
    # a named person whose weak title is beside a group's name is of the group
    ("Hamas spokesman Sami Abu Zuhri rejected the proposal.", "Sami Abu Zuhri", "PSEREB"),
])
def test_the_head_of_a_body_takes_the_body_s_sector(coder: Coder, text: str, mention: str,
                                                     code: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert actor.cameo_code == code, actor.reason


@pytest.mark.parametrize(("text", "mention", "code"), [
    # with no body beside it the title stays the state's office
    ("The Kenyan president criticised the finance minister.", "president", "KENGOV"),
    ("Kenya's president met the Ugandan president in Kampala.", "president", "KENGOV"),
])
def test_a_head_of_state_stays_government(coder: Coder, text: str, mention: str, code: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert actor.cameo_code == code, actor.reason


@pytest.mark.parametrize(("text", "mention"), [
    # a region of several states is no one country, least of all the story's own
    ("Nordic officials criticised the junta in Bamako.", "officials"),
    ("African leaders condemned the coup in Niger.", "leaders"),
    ("Arab foreign ministers condemned the Israeli raid on Jenin.", "ministers"),
])
def test_a_region_of_several_states_gives_no_country(coder: Coder, text: str, mention: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (None, "GOV"), actor.reason


def test_a_nationality_beside_a_region_stands(coder: Coder) -> None:
    actor = resolve_mention(coder, "Nigerian and other African leaders met in Niamey.", "Nigerian", DAY)
    assert actor is not None
    assert actor.country == "NGA", actor.reason


def test_no_listed_news_outlet_hides_a_place_in_its_name() -> None:
    """An outlet listed under a name that holds a country, its people or its capital ("Voice of
    America", "Korean Central News Agency") would make that place part of an organisation and
    lose it as a place mention: such outlets go by their initials."""
    from dyadwatch.knowledge.base import load_knowledge

    kb = load_knowledge()
    places = {w.lower() for c in kb.countries.values()
              for w in (c.name, *c.aliases, *c.adjectives, *c.capitals)}  # fmt: skip
    hiding = [name for o in kb.organisations.values() if o.sector == "JRN"
              for name in (o.name, *o.aliases)
              if any(" ".join(words).lower() in places
                     for n in range(1, 4) for words in _ngrams(name.split(), n))]  # fmt: skip
    assert hiding == []


def _ngrams(words: list[str], n: int) -> list[list[str]]:
    return [words[i:i + n] for i in range(len(words) - n + 1)]
