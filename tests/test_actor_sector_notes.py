"""Sectors the PLOVER sector table decides where a word alone would mislead, on wire-style
sentences written for this test.

ELI is for former officials of the state and their families, so "former" or "exiled" makes a
cleric or a journalist no member of the elite, while "the son of the late leader" is one; fighters
of a people or movement are an armed group (REB), not unidentified gunmen (UAF); a body's name may
hold a role word that is only an adjective in it ("National", "Civilian"); armed men loyal to a
named group are that group's; a clergy title before a name gives the person REL.
"""

from __future__ import annotations

from datetime import date

import pytest

from coding import resolve_mention
from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DAY = date(2019, 3, 12)

# (sentence, mention, country, sector); the mention's head word is resolved.
CASES: list[tuple[str, str, str | None, str | None]] = [
    # "former", "exiled", "late" make state office holders ELI, and no one else
    ("An exiled Egyptian cleric called for calm in Cairo.", "cleric", "EGY", "REL"),
    ("A former Zambian journalist criticised the new media law.", "journalist", "ZMB", "JRN"),
    ("A former Colombian rebel commander urged the government to keep its promises.",
     "commander", "COL", "REB"),
    ("An exiled former Zambian defence minister urged voters to boycott the poll.", "minister", "ZMB", "ELI"),
    ("The former Ghanaian army chief criticised the budget.", "chief", "GHA", "ELI"),
    # kin of an office holder in apposition to a name
    ("Kofi Mensah, the son of Ghana's late president, denied the charges.", "Kofi Mensah", "GHA", "ELI"),
    ("Amina Bello, the wife of the Nigerian interior minister, opened a clinic in Kano.",
     "Amina Bello", "NGA", "ELI"),
    # a current title of the person's own is theirs, whatever office their kin held
    ("Prime Minister Shehbaz Sharif, the brother of former premier Nawaz Sharif, met the army chief "
     "in Islamabad.", "Shehbaz Sharif", "PAK", "GOV"),
    ("Amina Bello, a Nigerian interior ministry official, opened a clinic in Kano.",
     "Amina Bello", "NGA", "GOV"),
    # fighters of a people or movement are armed opposition; of a state, not said
    ("Kurdish fighters ambushed a Turkish patrol near the Iraqi border.", "fighters", "TUR", "REB"),
    ("Druze fighters clashed with government troops near Sweida in Syria.", "fighters", "SYR", "REB"),
    ("Pro-government Druze fighters clashed with jihadists near Sweida in Syria.", "fighters", "SYR", "PRM"),
    ("Somali fighters attacked a base near Mogadishu.", "fighters", "SOM", "UAF"),
    # armed men said to be loyal to a named group are that group's
    ("Militiamen loyal to Hezbollah fired on protesters in Beirut.", "Militiamen", "LBN", "REB"),
    ("Unidentified gunmen attacked a bus near Mogadishu.", "gunmen", "SOM", "UAF"),
    # a role word that is only an adjective inside a body's name
    ("Uganda's National Emergency Management Agency sent tents to Kasese.", "Agency", "UGA", "GOV"),
    ("The Civilian Joint Task Force handed suspects to the Nigerian army.", "Force", "NGA", "PRM"),
    ("The Ghana National Association of Teachers called off its strike.", "Association", "GHA", "EDU"),
    # paramilitaries, intelligence, media, health, unorganised nationalists
    ("Basij militiamen beat protesters in Shiraz, Iran.", "militiamen", "IRN", "PRM"),
    ("Iran's intelligence ministry said it had arrested a spy.", "ministry", "IRN", "SPY"),
    ("Kenya's revenue agency froze the accounts of a businessman.", "agency", "KEN", "GOV"),
    ("Ghana's anti-drug agency arrested ten traffickers in Tema.", "agency", "GHA", "COP"),
    ("The Malaysian news portal Malaysiakini accused police of harassment.", "Malaysiakini", "MYS", "JRN"),
    ("The Ghana Medical Association called off its strike.", "Association", "GHA", "MED"),
    ("Serbian nationalists marched through Belgrade.", "nationalists", "SRB", "CVL"),
    # a clergy title before a name
    ("Grand Ayatollah Bashir al-Najafi urged Iraqis to vote.", "Bashir al-Najafi", "IRQ", "REL"),
    ("Imam Mahmoud Dicko led a rally against the government in Bamako.", "Mahmoud Dicko", "MLI", "REL"),
    # ... unless the person holds a state office on the day: the office is the primary role
    ("Ayatollah Ali Khamenei accused Washington of stoking unrest.", "Ali Khamenei", "IRN", "GOV"),
]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), CASES)
def test_sector_follows_plover(coder: Coder, text: str, mention: str, country: str | None,
                               sector: str | None) -> None:
    actor = resolve_mention(coder, text, mention, DAY)
    assert actor is not None, mention
    assert (actor.country, actor.sector) == (country, sector), actor.reason


def test_every_combatant_word_is_a_role_term() -> None:
    # the fighters-of-a-people rule compares a role's term: a word no role has never matches
    from dyadwatch.actors.roles import COMBATANTS
    from dyadwatch.knowledge.base import load_knowledge

    terms = {r.term for r in load_knowledge().roles.values()}
    assert terms >= COMBATANTS
