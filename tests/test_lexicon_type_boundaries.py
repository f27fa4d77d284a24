"""Lexicon rows written for PLOVER's type boundaries, in sentences of our own (none from an
evaluation set): each phrasing must come out with its CAMEO code, and each guard shows the
neighbouring reading the row must not take over.
"""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2022-06-01"

PHRASINGS = [
    # COERCE short of ASSAULT: crowds pushed back, places cordoned off, phone services cut
    ("Turkish police pushed back protesters trying to reach Taksim Square.", "175"),
    ("Police in Lagos pushed the crowd back from the governor's office.", "175"),
    ("Armenian police cordoned off the main square in Yerevan ahead of the rally.", "172"),
    ("Indian authorities suspended mobile phone services across Manipur.", "1721"),
    # ACCUSE, not an arrest: placed under investigation
    ("French judges placed the former budget minister under formal investigation.", "09"),
    # SUPPORT, not an intent: support reaffirmed; recognition switched; a member readmitted
    ("Canada reaffirmed its support for Ukraine's territorial integrity.", "051"),
    ("Nicaragua switched diplomatic recognition from Taiwan to China.", "054"),
    ("The Arab League voted to restore Syria's membership.", "054"),
    ("Russia recognised the legitimacy of the election in Venezuela.", "054"),
    # SANCTION 'convict': a court finding an act unconstitutional or striking a law down
    ("Kenya's high court ruled the deployment unconstitutional.", "116"),
    # AID: captives rescued by a third party
    ("Pakistani commandos rescued twenty passengers from the hijacked train.", "073"),
    ("Nigerian troops rescued thirty kidnapped schoolgirls in Zamfara.", "073"),
    ("Police in Haiti freed twelve kidnapped missionaries.", "0841"),
    # PROTEST, not ASSAULT or COERCE: symbolic damage, harmless missiles, produce dumped
    ("Activists threw red paint at the Russian embassy in Warsaw.", "145"),
    ("Demonstrators toppled a statue of a slave trader in Bristol.", "145"),
    ("Students pelted the governor with eggs in Lusaka.", "145"),
    ("Farmers dumped manure outside the prefecture in Agen.", "140"),
    # REJECT: entry banned to visitors
    ("Russia banned entry to five hundred Americans.", "1245"),
    # RETREAT 'access': aid workers let in
    ("Sudan's army allowed humanitarian workers into El Fasher.", "0863"),
]

GUARDS = [
    # an intent stays an intent; an arrest stays an arrest
    ("Japan renewed its commitment to the alliance with the United States.", "051"),
    ("Police placed the opposition leader under house arrest in Harare.", "090"),
    # a government toppled is still overthrown
    ("Rebels toppled the government of the Central African Republic.", "14"),
    # ruling out talks refuses them; ruling a country is no ruling against anyone
    ("The opposition ruled out talks with the government in Harare.", "116"),
    # pushing a government is pressing it, not repressing it; migrants pushed back are deported
    ("The United States pushed Israel to allow more aid into Gaza.", "175"),
    ("Greek coastguards pushed back migrant boats toward Turkey.", "175"),
]


@pytest.mark.parametrize(("text", "code"), PHRASINGS)
def test_boundary_phrasings_code_as_written(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert any(c.startswith(code) for c in codes), (text, codes)


@pytest.mark.parametrize(("text", "code"), GUARDS)
def test_boundary_guards(coder: Coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in coder.code(text, date=DATE)}
    assert codes and code not in {c[: len(code)] for c in codes}, (text, codes)


@pytest.mark.parametrize(("text", "code"), [
    # CAMEO 174: deporting people is an expulsion of individuals, however many are deported
    ("Algeria deported hundreds of Malian migrants across the desert border.", "174"),
    ("The United States deported thousands of Haitians last month.", "174"),
    # CAMEO 201: driving a people out of their land is a mass expulsion
    ("Serbian forces drove out thousands of ethnic Albanians from Kosovo.", "201"),
])
def test_deporting_people_is_174_and_driving_a_people_out_is_201(coder: Coder, text: str, code: str) -> None:
    assert code in {e.cameo.code for e in coder.code(text, date="2019-04-20")}
