"""People named by a count, an attack, a membership or an occupation get the sector the PLOVER
sector table gives them, and a ship its flag's country. On the real pipeline; every sentence
was written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coder import Coder

pytestmark = pytest.mark.model

DATE = "2022-03-14"


def _codes(coder: Coder, text: str) -> tuple[set[str], set[str]]:
    events = coder.code(text, date=DATE)
    return ({e.source.cameo_code for e in events if e.source is not None},
            {e.target.cameo_code for e in events if e.target is not None})


@pytest.mark.parametrize(("text", "code"), [
    ("Thousands marched through Tirana on Saturday, demanding early elections.", "ALBCVL"),
    ("Tens of thousands rallied in Bucharest on Sunday.", "ROUCVL"),
    ("Hundreds protested outside the presidential palace in Lima.", "PERCVL"),
])
def test_a_crowd_given_by_number_is_civilians(coder: Coder, text: str, code: str) -> None:
    sources, _ = _codes(coder, text)
    assert code in sources, sources


def test_a_crowd_given_by_number_is_the_target_too(coder: Coder) -> None:
    _, targets = _codes(coder, "Police in Baku detained dozens after the march.")
    assert "AZECVL" in targets, targets


@pytest.mark.parametrize(("text", "counted"), [
    ("Syrian troops fired dozens of shells at rebel positions near Idlib.", "SYRREB"),
    ("Police in Baku detained dozens of opposition activists after the march.", "AZEOPP"),
])
def test_a_count_of_something_is_what_it_counts(coder: Coder, text: str, counted: str) -> None:
    # "dozens of shells" are no crowd; "dozens of activists" are the activists
    _, targets = _codes(coder, text)
    assert counted in targets and not any(t.endswith("CVL") for t in targets), targets


@pytest.mark.parametrize("text", [
    "A suicide bomber killed eleven people at a wedding hall in Kabul.",
    "Two suicide attackers stormed a police academy in Mogadishu.",
])
def test_a_suicide_bomber_is_an_unidentified_attacker_not_an_army(coder: Coder, text: str) -> None:
    sources, _ = _codes(coder, text)
    assert any(s.endswith("UAF") for s in sources) and not any(s.endswith("MIL") for s in sources), sources


@pytest.mark.parametrize(("text", "flag"), [
    ("Iranian commandos seized a Marshall Islands-flagged tanker in the Gulf of Oman.", "MHL"),
    ("Houthi rebels attacked a Liberian-flagged bulk carrier off the coast of Yemen.", "LBR"),
    ("Somali pirates hijacked a Greek-owned tanker in the Gulf of Aden.", "GRC"),
    ("The Russian navy seized a Panama-registered cargo ship in the Black Sea.", "PAN"),
])
def test_a_ship_belongs_to_its_flag_registry_or_owner(coder: Coder, text: str, flag: str) -> None:
    _, targets = _codes(coder, text)
    assert flag in targets, targets


def test_a_warship_does_not_take_the_country_of_its_waters(coder: Coder) -> None:
    # a frigate is an armed force's (MIL), but which country's the sentence does not say
    _, targets = _codes(coder, "An Iranian drone struck a frigate off the coast of Oman.")
    assert not any(t.startswith("OMN") for t in targets), targets


def test_a_navy_ship_is_its_navy(coder: Coder) -> None:
    sources, _ = _codes(coder, "A Russian navy ship fired on a Ukrainian patrol boat.")
    assert "RUSMIL" in sources, sources


@pytest.mark.parametrize(("text", "code"), [
    ("Mexican cartel members killed two soldiers in Michoacan.", "MEXCRM"),
    ("Iraqi militia members fired rockets at a Turkish base near Mosul.", "IRQUAF"),
    ("Colombian union members marched on the labour ministry in Bogota.", "COLLAB"),
])
def test_members_of_a_body_take_its_sector(coder: Coder, text: str, code: str) -> None:
    sources, _ = _codes(coder, text)
    assert code in sources, sources


@pytest.mark.parametrize(("text", "code"), [
    ("Ukrainian deputies accused Moscow of blackmail.", "UKRLEG"),
    ("Spanish councillors criticised the Spanish government's water plan.", "ESPGOV"),
    ("A Lebanese ayatollah condemned the Israeli strikes.", "LBNREL"),
    ("Tanzanian poachers killed two elephants in the Selous reserve.", "TZACRM"),
    ("Egyptian bankers met Saudi investors in Cairo.", "EGYBUS"),
    ("Israeli reservists protested against the government in Jerusalem.", "ISRMIL"),
    ("Bahraini hunger strikers accused prison guards of abuse.", "BHRCVL"),
    ("Ghanaian university lecturers went on strike over unpaid allowances.", "GHAEDU"),
    ("Chadian nomads accused Chadian soldiers of stealing their cattle.", "TCDAGR"),
    ("Colombian drug lords threatened local officials in Cauca.", "COLCRM"),
    ("Kenyan farm unions blocked a highway near Eldoret.", "KENAGR"),
])
def test_an_occupation_gives_its_sector(coder: Coder, text: str, code: str) -> None:
    sources, _ = _codes(coder, text)
    assert code in sources, sources


def test_pupils_are_education(coder: Coder) -> None:
    _, targets = _codes(coder, "Gunmen kidnapped forty pupils from a school in northern Nigeria.")
    assert "NGAEDU" in targets, targets


@pytest.mark.parametrize(("text", "code"), [
    ("Police in Accra said officers fired tear gas at stone-throwing youths.", "GHACOP"),
    ("Kenyan police said officers had arrested six suspects in Mombasa.", "KENCOP"),
    ("The Malian army said officers had repelled an attack near Gao.", "MLIMIL"),
])
def test_officers_belong_to_the_force_named_before_them(coder: Coder, text: str, code: str) -> None:
    actors = {a.cameo_code for e in coder.code(text, date=DATE) for a in (e.source, e.target) if a is not None}
    assert code in actors, actors
