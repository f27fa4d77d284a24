"""Named actors of 2000-2026 news: armed groups, parties, intelligence services and IGOs resolve
by their own names, and a party's side (GOV or OPP) follows the article's date.

The sentences are written for these tests; the facts (country, sector, who governed when) are
general knowledge, kept in organisations.tsv and igos.tsv.
"""

from __future__ import annotations

import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.coder import Coder
from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.base import Knowledge, Organisation, load_knowledge
from dyadwatch.records import Event


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _org(kb: Knowledge, name: str) -> Organisation:
    hits = [h for h in kb.lookup(name) if h.kind == "organisation"]
    assert hits, f"{name!r} is not in organisations.tsv"
    entry = hits[0].entry
    assert isinstance(entry, Organisation)
    return entry


@pytest.mark.parametrize(("name", "country", "sector"), [
    ("BLA", "PAK", "REB"),
    ("Kataib Hezbollah", "IRQ", "PRM"),  # an Iraqi militia, not Lebanon's Hezbollah
    ("Kata'ib Hizballah", "IRQ", "PRM"),
    ("Asaib Ahl al-Haq", "IRQ", "PRM"),
    ("KIA", "MMR", "REB"),
    ("MNDAA", "MMR", "REB"),  # not South Africa's Democratic Alliance inside the name
    ("TNLA", "MMR", "REB"),
    ("People's Defence Force", "MMR", "REB"),
    ("Jabhat al-Nusra", "SYR", "REB"),
    ("PJAK", "IRN", "REB"),
    ("Lashkar-e-Taiba", "PAK", "REB"),
    ("Estado Mayor Central", "COL", "REB"),
    ("Gulf Clan", "COL", "CRM"),
    ("Los Zetas", "MEX", "CRM"),
    ("Comando Vermelho", "BRA", "CRM"),
    ("Lakurawa", "NGA", "REB"),
    ("RED-Tabara", "BDI", "REB"),
    ("ISI", "PAK", "SPY"),
    ("Research and Analysis Wing", "IND", "SPY"),
    ("GUR", "UKR", "SPY"),
    ("CSIS", "CAN", "SPY"),
])
def test_armed_groups_and_services_resolve_by_name(kb: Knowledge, name: str, country: str, sector: str) -> None:
    org = _org(kb, name)
    assert (org.country, org.sector) == (country, sector)


@pytest.mark.parametrize(("name", "code", "sector"), [
    ("SAMIDRC", "IGOSADSAMIDRC", "MIL"),
    ("EAC Regional Force", "IGOEACEACRF", "MIL"),
    ("UNFPA", "IGOUNOUNFPA", None),
    ("CELAC", "IGOCELAC", None),
    ("Kenya-led mission", "IGOMSS", "MIL"),
    ("International Energy Agency", "IGOOECDIEA", None),
])
def test_igo_bodies_resolve_under_their_parent(kb: Knowledge, name: str, code: str, sector: str | None) -> None:
    hits = [h for h in kb.lookup(name) if h.kind == "igo"]
    assert [(h.code, h.sector) for h in hits][:1] == [(code, sector)]


def test_common_words_spelled_by_acronyms_stay_words(kb: Knowledge) -> None:
    # "RAW" is India's foreign intelligence service; "raw" data is not
    assert _org(kb, "RAW").country == "IND"
    assert not kb.lookup("raw")
    assert not kb.lookup("quad")
    assert [h.code for h in kb.lookup("Quad")] == ["IGOQUAD"]


@pytest.mark.parametrize("phrase", ["the Republicans", "move forward", "the popular will", "resolute support",
                                    "Tisza", "Congress"])
def test_party_and_mission_names_do_not_take_everyday_phrases(kb: Knowledge, phrase: str) -> None:
    # US news says "the Republicans"; "move forward" is a verb; the Tisza is also a river;
    # bare "Congress" stays the US Congress (India's is "the Congress party")
    hits = kb.lookup(phrase)
    assert all(h.kind != "organisation" or getattr(h.entry, "country", None) == "USA" for h in hits), hits


@pytest.mark.parametrize(("name", "day", "sector"), [
    ("BJP", date(2003, 1, 1), "GOV"),
    ("BJP", date(2010, 1, 1), "OPP"),
    ("BJP", date(2014, 5, 26), "GOV"),  # the first day of a span is in government
    ("Congress party", date(2014, 5, 25), "GOV"),
    ("Congress party", date(2014, 5, 26), "OPP"),  # the last date is the handover
    ("Awami League", date(2005, 6, 1), "OPP"),
    ("Awami League", date(2015, 6, 1), "GOV"),
    ("Awami League", date(2025, 6, 1), "OPP"),
    ("Law and Justice", date(2020, 1, 1), "GOV"),
    ("Civic Platform", date(2020, 1, 1), "OPP"),
    ("CHP", date(2025, 3, 19), "OPP"),  # never in government in our range
    ("ANC", date(2009, 4, 22), "GOV"),
    ("GOP", date(2010, 6, 1), "OPP"),
    ("GOP", date(2019, 6, 1), "GOV"),
    ("DNC", date(2019, 6, 1), "OPP"),
    ("CCP", date(2001, 6, 1), "GOV"),
    ("NUP", date(2021, 1, 14), "OPP"),
])
def test_party_side_follows_the_date(kb: Knowledge, name: str, day: date, sector: str) -> None:
    assert _org(kb, name).sector_on(day) == sector


def test_party_with_no_date_takes_todays_side(kb: Knowledge) -> None:
    assert _org(kb, "BJP").sector_on(None) == "GOV"  # an open span: still governing
    assert _org(kb, "Awami League").sector_on(None) == "OPP"
    assert _org(kb, "Hamas").sector_on(None) == "REB"  # not a dated party: its own sector


def _data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("dyadwatch") / "data")), data)
    return data


@pytest.mark.parametrize("note", [
    "in government 2014-05-26..2004-05-22",  # ends before it starts
    "in government 2004-05-22.., 2014-05-26..",  # an open span before another
    "in government 2004-02-30..2014-05-26",  # no such day
    "in government from 2004 to 2014",  # no spans at all
])
def test_bad_government_spans_name_the_file_and_line(tmp_path: Path, note: str) -> None:
    data = _data_copy(tmp_path)
    path = data / "organisations.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(f"Test Party\t\tIND\tOPP\torganisation\t{note}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"organisations\.tsv:{len(lines)}"):
        load_knowledge(data)


def _pair(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.source.cameo_code if e.source else "", e.target.cameo_code if e.target else "") for e in events]


@pytest.mark.model
def test_named_parties_are_parties_whatever_the_date(coder: Coder) -> None:
    # PLOVER's PTY with the side as a further code: the side only where the text gives it
    text = "The BJP accused the Congress party of insulting the armed forces."
    assert ("INDPTY", "INDPTY") in _pair(coder.code(text, date="2019-03-01"))
    assert ("INDPTY", "INDPTY") in _pair(coder.code(text, date="2010-03-01"))
    sided = "India's ruling BJP accused the opposition Congress party of insulting the armed forces."
    assert ("INDGOV", "INDOPP") in _pair(coder.code(sided, date="2019-03-01"))


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Baloch Liberation Army fighters attacked a Pakistani army convoy near Quetta.", "PAKREB", "PAKMIL"),
    ("Kataib Hezbollah fighters attacked a U.S. base in western Iraq.", "IRQPRM", None),
    ("The Kachin Independence Army accused the Myanmar junta of bombing a camp.", "MMRREB", None),
    ("Pakistan's Inter-Services Intelligence accused India's Research and Analysis Wing of arming rebels.",
     "PAKSPY", "INDSPY"),
    ("Morena accused the National Action Party of sabotaging the reform.", "MEXPTY", "MEXPTY"),
])
def test_named_actors_in_wire_sentences(coder: Coder, text: str, source: str, target: str | None) -> None:
    pairs = _pair(coder.code(text, date="2024-06-01"))
    assert any(s == source and (target is None or t == target) for s, t in pairs), pairs


@pytest.mark.model
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Rioters stormed the Brazilian Congress in Brasilia on Sunday.", "BRACVL", "BRALEG"),
    ("Protesters stormed the Peruvian Congress in Lima, police said.", "PERCVL", "PERLEG"),
    ("The US Congress approved new sanctions on Iran.", "USALEG", "IRN"),
])
def test_a_generic_body_name_after_another_countrys_name_is_that_countrys(
        coder: Coder, text: str, source: str, target: str) -> None:
    assert (source, target) in _pair(coder.code(text, date="2023-01-09"))


@pytest.mark.model
@pytest.mark.parametrize(("text", "source"), [
    ("Uganda's ruling NRM accused opposition leader Bobi Wine of inciting violence.", "UGAGOV"),
    ("The NRM accused opposition leader Bobi Wine of inciting violence.", "UGAPTY"),
    ("FRELIMO accused RENAMO of attacking a bus in Sofala province.", "MOZPTY"),
    ("The MPLA rejected UNITA's call for a recount.", "AGOPTY"),
])
def test_long_ruling_parties_are_parties_unless_called_ruling(coder: Coder, text: str, source: str) -> None:
    # named alone a party is PTY, however long it has governed (its dated span still gives its
    # supporters' side); called ruling, it is the government
    assert any(s == source for s, _ in _pair(coder.code(text, date="2021-03-01")))
