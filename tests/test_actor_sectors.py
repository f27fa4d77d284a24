"""Actor sectors against PLOVER's sector table, on wire-style sentences written for this test.

Each row names an actor as news copy does and the sector PLOVER's definitions give it: the
executive and governing parties GOV, courts JUD, police COP, paramilitaries on the government's
side PRM, organisations of civil society SOC, former officials and officials' families ELI,
the organised members of a trade under that trade's sector (farmers AGR, teachers EDU), and a
state named as the doer with no sector at all. The dateline gives the country ("NAIROBI" ->
Kenya) where the phrase names none.
"""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.actors.resolve import ArticleActors
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

KE = "NAIROBI (Reuters) - "
DAY = date(2015, 6, 1)

# (sentence, mention, country, sector); the mention's head word is resolved.
CASES: list[tuple[str, str, str, str | None]] = [
    # the executive, its bodies and its parties
    (KE + "The interior ministry banned the rally on Monday.", "interior ministry", "KEN", "GOV"),
    (KE + "The defence minister ordered troops to the border.", "minister", "KEN", "GOV"),
    (KE + "The deputy prime minister visited the flood zone.", "minister", "KEN", "GOV"),
    (KE + "A provincial governor sacked his deputy.", "governor", "KEN", "GOV"),
    (KE + "The mayor of Mombasa banned the march.", "mayor", "KEN", "GOV"),
    (KE + "A government spokesman denied the report.", "spokesman", "KEN", "GOV"),
    (KE + "The central bank raised interest rates.", "bank", "KEN", "GOV"),
    (KE + "The electoral commission postponed the vote.", "commission", "KEN", "GOV"),
    (KE + "The military junta dissolved parliament.", "junta", "KEN", "GOV"),
    # officers who took the state govern it: a military government is its executive
    (KE + "The military government banned all rallies.", "government", "KEN", "GOV"),
    (KE + "Envoys met leaders of the military government.", "leaders", "KEN", "GOV"),
    # a soldier heading the state acts as its executive
    (KE + "The military ruler dissolved the cabinet.", "ruler", "KEN", "GOV"),
    (KE + "Military ruler General Odhiambo Ouma dissolved the cabinet.", "Odhiambo Ouma", "KEN", "GOV"),
    (KE + "The attorney general charged the former minister with graft.", "attorney general", "KEN", "GOV"),
    (KE + "The ruling party expelled two members.", "party", "KEN", "GOV"),
    (KE + "The governing coalition approved the budget.", "coalition", "KEN", "GOV"),
    (KE + "The prime minister's office denied the report.", "office", "KEN", "GOV"),
    (KE + "Kenya's government accused Uganda of harbouring rebels.", "government", "KEN", "GOV"),
    # a state named as the doer: the bare country
    (KE + "Kenya accused Uganda of harbouring rebels.", "Kenya", "KEN", None),
    # parties and opposition
    (KE + "A party official said the vote was rigged.", "official", "KEN", "PTY"),
    (KE + "Political parties signed a code of conduct.", "parties", "KEN", "PTY"),
    # a party named by a name of its own, not in our lists, with or without a nationality
    (KE + "The Kenya Farmers Party rejected the budget.", "Party", "KEN", "PTY"),
    (KE + "The Orange Democratic Party called for protests.", "Party", "KEN", "PTY"),
    (KE + "Government critics were arrested at dawn.", "critics", "KEN", "OPP"),
    (KE + "Police detained a prominent critic of the president.", "critic", "KEN", "OPP"),
    (KE + "A spokesman for the opposition denied the report.", "spokesman", "KEN", "OPP"),
    (KE + "The main opposition party boycotted the vote.", "party", "KEN", "OPP"),
    (KE + "The opposition coalition rejected the results.", "coalition", "KEN", "OPP"),
    (KE + "Opposition supporters clashed with police in Kisumu.", "supporters", "KEN", "OPP"),
    (KE + "Opposition activists called for a boycott.", "activists", "KEN", "OPP"),
    (KE + "Anti-government protesters blocked the main road.", "protesters", "KEN", "OPP"),
    (KE + "Exiled dissidents urged sanctions.", "dissidents", "KEN", "OPP"),
    (KE + "Pro-democracy activists marched on parliament.", "activists", "KEN", "OPP"),
    # civilians said to oppose the government or its head are its opposition; other causes not
    (KE + "Anti-regime protesters set fire to the police station.", "protesters", "KEN", "OPP"),
    (KE + "Anti-junta demonstrators marched on the palace.", "demonstrators", "KEN", "OPP"),
    (KE + "Demonstrators against the government blocked the road.", "Demonstrators", "KEN", "OPP"),
    (KE + "Anti-corruption protesters blocked the road.", "protesters", "KEN", "CVL"),
    (KE + "Protesters against the new dam blocked the road.", "Protesters", "KEN", "CVL"),
    # legislature and courts
    (KE + "A ruling-party lawmaker accused the governor of fraud.", "lawmaker", "KEN", "LEG"),
    (KE + "Opposition lawmakers walked out of parliament.", "lawmakers", "KEN", "LEG"),
    # OPP is PLOVER's secondary code: a named person's trade comes first
    (KE + "Opposition lawmaker Amina Wanjiru was arrested.", "Amina Wanjiru", "KEN", "LEG"),
    (KE + "Opposition journalist Amina Wanjiru was arrested.", "Amina Wanjiru", "KEN", "JRN"),
    (KE + "Opposition leader Amina Wanjiru was arrested.", "Amina Wanjiru", "KEN", "OPP"),
    (KE + "Opposition politician Amina Wanjiru was arrested.", "Amina Wanjiru", "KEN", "OPP"),
    (KE + "The speaker of parliament adjourned the session.", "speaker", "KEN", "LEG"),
    (KE + "The country's top court annulled the election result.", "top court", "KEN", "JUD"),
    (KE + "A senior judge resigned on Friday.", "judge", "KEN", "JUD"),
    (KE + "Prosecutors charged two officers with murder.", "Prosecutors", "KEN", "JUD"),
    # police, intelligence, armed forces
    (KE + "Riot police fired tear gas at the crowd.", "Riot police", "KEN", "COP"),
    (KE + "The police chief suspended ten officers.", "chief", "KEN", "COP"),
    (KE + "A police spokesman said three people were arrested.", "spokesman", "KEN", "COP"),
    (KE + "Intelligence officials warned of an attack.", "officials", "KEN", "SPY"),
    # Belarus kept the Soviet name for its security service: its officers are intelligence
    ("MINSK (Reuters) - Belarusian KGB officers detained the editor.", "officers", "BLR", "SPY"),
    ("WASHINGTON (Reuters) - The U.S. Commerce Department tightened export controls.",
     "Department", "USA", "GOV"),
    (KE + "Soldiers opened fire on the crowd.", "Soldiers", "KEN", "MIL"),
    (KE + "Kenyan troops crossed into Somalia.", "troops", "KEN", "MIL"),
    (KE + "The army chief met the president.", "chief", "KEN", "MIL"),
    (KE + "The army spokesman denied the report.", "spokesman", "KEN", "MIL"),
    (KE + "The presidential guard surrounded the palace.", "guard", "KEN", "MIL"),
    (KE + "Mutinous soldiers seized the radio station.", "soldiers", "KEN", "MIL"),
    (KE + "Prison guards beat the inmates.", "guards", "KEN", "COP"),
    # paramilitaries on the government's side, other armed groups, rebels
    (KE + "Pro-government militias attacked the village.", "militias", "KEN", "PRM"),
    (KE + "Government-backed militias attacked the village.", "militias", "KEN", "PRM"),
    (KE + "Pro-government militiamen burned the market.", "militiamen", "KEN", "PRM"),
    (KE + "Army-backed vigilantes patrolled the camp.", "vigilantes", "KEN", "PRM"),
    (KE + "Paramilitary forces raided the opposition headquarters.", "forces", "KEN", "PRM"),
    (KE + "Unknown gunmen killed three people in Lamu.", "gunmen", "KEN", "UAF"),
    (KE + "Militias loyal to a local warlord attacked the village.", "Militias", "KEN", "UAF"),
    (KE + "Insurgents ambushed a convoy.", "Insurgents", "KEN", "REB"),
    (KE + "A rebel commander surrendered to the army.", "commander", "KEN", "REB"),
    (KE + "A rebel spokesman claimed the attack.", "spokesman", "KEN", "REB"),
    (KE + "A spokesman for the rebels denied the report.", "spokesman", "KEN", "REB"),
    # an armed head with an insurgent aim before it is armed opposition; "anti-" reverses it
    (KE + "Rebel soldiers seized the airport.", "soldiers", "KEN", "REB"),
    (KE + "Separatist fighters overran the town.", "fighters", "KEN", "REB"),
    (KE + "Islamist fighters overran the town.", "fighters", "KEN", "REB"),
    (KE + "Opposition gunmen fired on the convoy.", "gunmen", "KEN", "REB"),
    (KE + "The rebel army shelled the city.", "army", "KEN", "REB"),
    (KE + "Anti-rebel militias raided the camp.", "militias", "KEN", "UAF"),
    (KE + "Counter-insurgency forces raided the camp.", "forces", "KEN", "MIL"),
    (KE + "Militants from al-Shabaab attacked a hotel.", "Militants", "SOM", "REB"),
    ("GAZA (Reuters) - Hamas's armed wing fired rockets at Israel.", "wing", "PSE", "REB"),
    (KE + "A spokesman for Hamas denied the report.", "spokesman", "PSE", "REB"),
    # former officials and the families of officials
    (KE + "Former president Kamau Njoroge criticised the new constitution.", "Kamau Njoroge", "KEN", "ELI"),
    (KE + "Ex-minister Kamau Njoroge criticised the new constitution.", "Kamau Njoroge", "KEN", "ELI"),
    (KE + "The former interior minister denied the charges.", "minister", "KEN", "ELI"),
    (KE + "The exiled former prime minister called for protests.", "minister", "KEN", "ELI"),
    (KE + "The ousted president urged his supporters to stay calm.", "president", "KEN", "ELI"),
    (KE + "A retired general accused the government of corruption.", "general", "KEN", "ELI"),
    (KE + "Retired Colonel Otieno Waweru joined the opposition.", "Otieno Waweru", "KEN", "ELI"),
    (KE + "A former army officer was arrested.", "officer", "KEN", "ELI"),
    (KE + "The president's son was arrested on Monday.", "son", "KEN", "ELI"),
    (KE + "The wife of the prime minister opened a clinic.", "wife", "KEN", "ELI"),
    (KE + "The first lady opened the hospital.", "first lady", "KEN", "ELI"),
    (KE + "The royal family mourned the king.", "family", "KEN", "ELI"),
    (KE + "Tribal elders negotiated a truce.", "elders", "KEN", "ELI"),
    # customary authorities hold no office of the state
    (KE + "A traditional ruler called for calm in Kisumu.", "ruler", "KEN", "ELI"),
    (KE + "Traditional ruler Odhiambo Ouma called for calm.", "Odhiambo Ouma", "KEN", "ELI"),
    (KE + "Village chiefs accused the soldiers of looting.", "chiefs", "KEN", "ELI"),
    # civil society organisations and unorganised civilians
    (KE + "Rights groups accused the police of torture.", "groups", "KEN", "SOC"),
    (KE + "A rights group documented the killings.", "group", "KEN", "SOC"),
    (KE + "Civil society groups demanded a recount.", "groups", "KEN", "SOC"),
    (KE + "Local NGOs criticised the new law.", "NGOs", "KEN", "SOC"),
    (KE + "A local charity fed the displaced families.", "charity", "KEN", "SOC"),
    (KE + "Human rights activists urged the release of the detainees.", "activists", "KEN", "CVL"),
    (KE + "Civilians fled the fighting.", "Civilians", "KEN", "CVL"),
    (KE + "Youths threw stones at the police.", "Youths", "KEN", "CVL"),
    (KE + "Pro-government protesters rallied in the capital.", "protesters", "KEN", "CVL"),
    (KE + "Aid workers were kidnapped near the border.", "workers", "KEN", "CVL"),
    (KE + "Refugees crossed the border overnight.", "Refugees", "KEN", "REF"),
    # media, religion, trades and their unions
    (KE + "State television said the president had met the envoy.", "television", "KEN", "JRN"),
    (KE + "State radio reported the arrests.", "radio", "KEN", "JRN"),
    (KE + "Journalists protested against the new media law.", "Journalists", "KEN", "JRN"),
    (KE + "The national union of journalists condemned the arrest.", "union", "KEN", "JRN"),
    (KE + "A senior cleric condemned the attack on the church.", "cleric", "KEN", "REL"),
    (KE + "A Catholic bishop condemned the killings.", "bishop", "KEN", "REL"),
    (KE + "Religious leaders called for calm.", "leaders", "KEN", "REL"),
    (KE + "Students marched on parliament on Tuesday.", "Students", "KEN", "EDU"),
    (KE + "The students' union called off the boycott.", "union", "KEN", "EDU"),
    (KE + "The teachers' union called a nationwide strike.", "union", "KEN", "EDU"),
    (KE + "Nurses went on strike over unpaid wages.", "Nurses", "KEN", "MED"),
    (KE + "Hospital officials said 12 people died.", "officials", "KEN", "MED"),
    (KE + "The doctors' union rejected the pay offer.", "union", "KEN", "MED"),
    (KE + "Farmers' unions threatened to block the highways.", "unions", "KEN", "AGR"),
    (KE + "Herders clashed with farmers in the north.", "Herders", "KEN", "AGR"),
    (KE + "Striking workers blocked the port.", "workers", "KEN", "LAB"),
    (KE + "The trade unions called a general strike.", "unions", "KEN", "LAB"),
    (KE + "Businessmen complained about the new tax.", "Businessmen", "KEN", "BUS"),
    # a firm named by what it makes is a business; so is the association of such firms
    (KE + "Local drugmakers complained about the new tax.", "drugmakers", "KEN", "BUS"),
    (KE + "The manufacturers' association rejected the wage demand.", "association", "KEN", "BUS"),
    (KE + "A drug cartel bribed the officials.", "cartel", "KEN", "CRM"),
    (KE + "Bandits raided the village.", "Bandits", "KEN", "CRM"),
    (KE + "Traffickers abandoned the migrants in the desert.", "Traffickers", "KEN", "CRM"),
    # a faith's leaders and bodies are REL; its believers stay civilians
    (KE + "Christian leaders accused the government of failing to protect churches.", "leaders", "KEN", "REL"),
    (KE + "Muslim leaders condemned the police raid on the mosque.", "leaders", "KEN", "REL"),
    (KE + "A Muslim organisation accused police of harassing worshippers.", "organisation", "KEN", "REL"),
    (KE + "Catholic groups urged parliament to reject the bill.", "groups", "KEN", "REL"),
    (KE + "Muslim worshippers were attacked outside the mosque.", "worshippers", "KEN", "CVL"),
    # civilians organised are civil society; a trade organised keeps its sector
    (KE + "Women's groups accused the police of ignoring the killings.", "groups", "KEN", "SOC"),
    (KE + "A victims' association demanded compensation from the state.", "association", "KEN", "SOC"),
    (KE + "A farmers' association rejected the new tax.", "association", "KEN", "AGR"),
    # a party named by its leader is the party
    (KE + "Raila Odinga's party accused the government of rigging the vote.", "party", "KEN", "PTY"),
    # a government before its own force owns it: the post or station is the force's
    ("MOGADISHU (Reuters) - Militiamen loyal to a local warlord attacked a government army post in "
     "Hiraan region.", "post", "SOM", "MIL"),
    (KE + "Gunmen attacked a government police station near the border.", "station", "KEN", "COP"),
    (KE + "Gunmen attacked a government office near the border.", "office", "KEN", "GOV"),
    # a capitalised role the tagger takes for a people is the role
    ("Jihadists killed 30 civilians and 10 soldiers in an attack on a convoy in Burkina Faso.",
     "Jihadists", "BFA", "REB"),
    # a press secretary speaks for the body named beside the title
    ("WASHINGTON (Reuters) - The Pentagon's press secretary accused Iran of arming the militias.",
     "secretary", "USA", "MIL"),
    ("WASHINGTON (Reuters) - The president's press secretary denied the report.", "secretary", "USA", "GOV"),
]


def test_the_table_is_large_and_covers_the_sectors() -> None:
    assert len(CASES) >= 60
    assert {sector for *_, sector in CASES} >= {
        None, "GOV", "PTY", "OPP", "LEG", "JUD", "COP", "SPY", "MIL", "PRM", "UAF", "REB", "ELI",
        "SOC", "CVL", "REF", "JRN", "REL", "EDU", "MED", "AGR", "LAB", "BUS", "CRM",
    }


@pytest.mark.parametrize(("text", "mention", "country", "sector"), CASES)
def test_sector_follows_plover(coder: Coder, text: str, mention: str, country: str,
                               sector: str | None) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


@pytest.mark.parametrize(("text", "mention"), [
    # a soldier is no office holder: his widow is no member of the elite
    (KE + "A soldier's widow appealed for help.", "widow"),
    # the kin of people with no office
    (KE + "The villagers' sons were abducted.", "sons"),
])
def test_kin_of_people_without_office_are_not_elite(coder: Coder, text: str, mention: str) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is None or actor.sector != "ELI", actor.reason


def test_a_relative_named_by_pronoun_takes_the_office_of_the_person_before(coder: Coder) -> None:
    text = KE + "Interior Minister Kamau Njoroge resigned on Monday. His son was arrested last week."
    actor = resolve_mention(coder, text, "son", DAY)
    assert actor is not None
    assert (actor.country, actor.sector) == ("KEN", "ELI"), actor.reason
    assert "Kamau Njoroge" in actor.reason


@pytest.mark.parametrize(("text", "mention", "day", "code"), [
    # a rank before the name of a head of state in office: the office is the primary role
    ("CAIRO (Reuters) - Field Marshal Abdel Fattah al-Sisi met the Saudi king.",
     "Abdel Fattah al-Sisi", date(2016, 3, 1), "EGYGOV"),
    ("BAMAKO (Reuters) - Colonel Assimi Goita met the ECOWAS envoy.", "Assimi Goita",
     date(2021, 7, 1), "MLIGOV"),
    # "military" beside the title says where the holder comes from, no post in the army
    ("OUAGADOUGOU (Reuters) - Burkina Faso's military leader Captain Ibrahim Traore met the Russian "
     "envoy.", "Ibrahim Traore", date(2023, 5, 10), "BFAGOV"),
    # no office in our list: the rank stands
    (KE + "General Otieno Waweru met the envoy.", "Otieno Waweru", date(2021, 7, 1), "KENMIL"),
    # in office only later: the rank stands on the article's date
    ("BAMAKO (Reuters) - Colonel Assimi Goita inspected the troops in Gao.", "Assimi Goita",
     date(2019, 7, 1), "MLIMIL"),
])
def test_a_rank_gives_way_to_the_office_held_on_the_day(coder: Coder, text: str, mention: str,
                                                        day: date, code: str) -> None:
    actors = ArticleActors(coder.nlp(text), coder.knowledge, day)
    start = text.index(mention)
    span = actors.doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert span is not None
    actor = actors.resolve(span.root)
    assert actor is not None and actor.cameo_code == code, actor.reason if actor else mention
