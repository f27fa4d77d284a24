"""Actor knowledge: the shipped data files, the lookups over them and the validator."""

from __future__ import annotations

import re
import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.knowledge.base import (
    ROLE_GROUPS,
    SECTORS,
    Knowledge,
    OfficeHolder,
    canonical_role,
    load_knowledge,
)
from dyadwatch.knowledge.load import NON_ISO_COUNTRIES

_AU = """DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA
    GIN GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA ESH STP SEN SYC SLE SOM
    ZAF SSD SDN TZA TGO TUN UGA ZMB ZWE"""
_G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA"
AU_MEMBERS = _AU.split()  # the 55 African Union members, Western Sahara (SADR) included
G20_STATES = _G20.split()  # the 19 G20 states (the EU and AU members are IGOs)
FILES = ("countries.tsv", "igos.tsv", "organisations.tsv", "roles.tsv", "officeholders.tsv")


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def first(kb: Knowledge, text: str, kind: str) -> tuple[str, str | None] | None:
    hits = [h for h in kb.lookup(text) if h.kind == kind]
    return (hits[0].code, hits[0].sector) if hits else None


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Britain's", "GBR"),
        ("UK", "GBR"),
        ("Russian Federation", "RUS"),
        ("South Korea", "KOR"),
        ("DPRK", "PRK"),
        ("Islamic Republic of Iran", "IRN"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("The Gambia", "GMB"),
        ("Mali’s", "MLI"),
    ],
)
def test_country_aliases(kb: Knowledge, text: str, iso3: str) -> None:
    assert first(kb, text, "country") == (iso3, None)


@pytest.mark.parametrize(
    "text", ["us", "is", "un", "who", "car", "turkey", "chad", "white house", "nowhere land"]
)
def test_words_that_are_not_names(kb: Knowledge, text: str) -> None:
    assert kb.lookup(text) == []


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Algerian", "DZA"),
        ("Algerians", "DZA"),
        ("Malian", "MLI"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Briton", "GBR"),
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("Saudis'", "SAU"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("South Sudanese", "SSD"),
        ("Dominican", "DOM"),  # Dominica's "Dominican" is marked shared (~)
        ("Burkinabè", "BFA"),
    ],
)
def test_adjectives(kb: Knowledge, text: str, iso3: str) -> None:
    assert kb.country_of_adjective(text) == iso3


def test_shared_adjective_is_ambiguous(kb: Knowledge) -> None:
    assert kb.country_of_adjective("Congolese") is None
    assert {h.code for h in kb.lookup("Congolese")} == {"COD", "COG"}
    assert kb.country_of_adjective("Algeria") is None  # a name, not an adjective


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Algiers", "DZA"), ("Washington, D.C.", "USA"), ("The Hague", "NLD"), ("Abuja", "NGA")],
)
def test_capitals(kb: Knowledge, text: str, iso3: str) -> None:
    assert first(kb, text, "capital") == (iso3, "GOV")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ECOWAS", "IGOWAS"),
        ("Ecowas", "IGOWAS"),
        ("Economic Community of West African States", "IGOWAS"),
        ("the Arab League", "IGOARL"),
        ("United Nations", "IGOUNO"),
        ("UN", "IGOUNO"),
        ("U.N. Security Council", "IGOUNOUNSC"),
        ("Nato", "IGONAT"),
        ("African Union", "IGOAFU"),
        ("AU", "IGOAFU"),
        ("European Union", "IGOEEC"),
        ("OPEC", "IGOOPC"),
        ("World Bank", "IGOWBK"),
        ("Paris Club", "IGOPCL"),  # not the French capital: the creditors' club
        ("MINUSMA", "IGOUNOMINUSMA"),
        ("WHO", "IGOUNOWHO"),
    ],
)
def test_igos(kb: Knowledge, text: str, code: str) -> None:
    hit = first(kb, text, "igo")
    assert hit is not None and hit[0] == code


def test_igo_kinds_and_parents(kb: Knowledge) -> None:
    assert kb.igos["NGOMSF"].kind == "ngo"
    assert kb.igos["IGOICC"].sector == "JUD"
    assert kb.igos["IGOUNOMINUSMA"].parent == "IGOUNO"
    assert kb.igos["IGONAT"].note == "cameo"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("AFRICOM", "USA", "MIL"),
        ("US Africa Command", "USA", "MIL"),
        ("CENTCOM", "USA", "MIL"),
        ("Pentagon", "USA", "MIL"),
        ("State Department", "USA", "GOV"),
        ("CIA", "USA", "SPY"),
        ("Kremlin", "RUS", "GOV"),
        ("Mossad", "ISR", "SPY"),
        ("al-Shabaab", "SOM", "REB"),
        ("Boko Haram", "NGA", "REB"),
        ("Wagner Group", "RUS", "PRM"),  # a private army on its state's side
        ("RSF", "SDN", "REB"),  # armed opposition since 2023 (PRM before: see the row's note)
        ("Hashd al-Shaabi", "IRQ", "PRM"),  # a state-sanctioned militia: PLOVER PRM
        ("Justice Department", "USA", "GOV"),  # an executive department
        ("M23", "COD", "REB"),
        ("Polisario", "ESH", "REB"),
        ("Islamic State", None, "REB"),
        ("IS", None, "REB"),
        # the table writes one spelling of the initials; wire copy uses both
        ("U.S. Treasury Department", "USA", "GOV"),
        ("US Justice Department", "USA", "GOV"),
    ],
)
def test_organisations(kb: Knowledge, text: str, country: str | None, sector: str) -> None:
    hits = [h for h in kb.lookup(text) if h.kind == "organisation"]
    assert hits, text
    entry = hits[0].entry
    assert (getattr(entry, "country", "?"), hits[0].sector) == (country, sector)


def test_persons_in_lookup(kb: Knowledge) -> None:
    hits = kb.lookup("Tebboune")
    assert [(h.kind, h.code) for h in hits] == [("person", "Abdelmadjid Tebboune")]


# --- roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "term", "sector"),
    [
        ("Army Chief of Staff", "army chief of staff", "MIL"),
        ("Foreign Minister", "foreign minister", "GOV"),
        ("embassy", "embassy", "GOV"),
        ("the defence-ministry", "defence ministry", "GOV"),
        ("rebel commander", "rebel", "REB"),
        ("government troops", "government troops", "MIL"),
        ("White House chief of staff", "white house chief of staff", "GOV"),
        ("riot police", "riot police", "COP"),
        ("a judge", "judge", "JUD"),
        ("opposition leader", "opposition leader", "OPP"),
        ("protesters", "protesters", "CVL"),
        ("anti-government protesters", "anti-government protesters", "OPP"),
        ("a protester", "protester", "CVL"),
        ("two teenagers", "teenagers", "CVL"),
        ("a Pakistani man", "man", "CVL"),
        ("three men", "men", "CVL"),
        ("two armed men", "armed men", "UAF"),
        ("worshippers", "worshippers", "CVL"),
        ("clerics", "clerics", "REL"),
        ("Refugees", "refugees", "REF"),
        ("MPs", "mps", "LEG"),
        ("jihadist groups", "jihadist groups", "REB"),
        ("health ministry", "health ministry", "GOV"),
        ("doctors", "doctors", "MED"),
    ],
)
def test_roles(kb: Knowledge, phrase: str, term: str, sector: str) -> None:
    role = kb.role(phrase)
    assert role is not None and (role.term, role.sector) == (term, sector)


def test_roles_in_offsets(kb: Knowledge) -> None:
    phrase = "Mali's army chief met opposition leaders and journalists"
    found = [(phrase[s:e], r.sector) for s, e, r in kb.roles_in(phrase)]
    # "opposition leaders" is the plural of the term "opposition leader"
    assert found == [("army chief", "MIL"), ("opposition leaders", "OPP"),
                     ("journalists", "JRN")]  # fmt: skip
    phrase = "border officials and senior officials"
    found = [(phrase[s:e], r.term) for s, e, r in kb.roles_in(phrase)]
    assert found == [("officials", "officials"), ("senior officials", "senior official")]
    assert kb.role("the weather today") is None


# --- office holders ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("DZA", "president", date(2018, 6, 1), "Abdelaziz Bouteflika"),
        ("DZA", "president", date(2021, 6, 1), "Abdelmadjid Tebboune"),
        ("DZA", "president", date(2019, 6, 1), "Abdelkader Bensalah"),
        ("DZA", "president", date(2019, 12, 19), "Abdelmadjid Tebboune"),  # handover day
        ("DZA", "army chief", date(2019, 1, 1), "Ahmed Gaid Salah"),
        ("DZA", "foreign minister", date(2020, 1, 1), "Sabri Boukadoum"),
        ("USA", "secretary of state", date(2020, 1, 1), "Mike Pompeo"),
        ("USA", "Secretary of Defense", date(2023, 1, 1), "Lloyd Austin"),
        ("USA", "chairman of the joint chiefs of staff", date(2021, 1, 1), "Mark Milley"),
        ("USA", "africom commander", date(2020, 1, 1), "Stephen Townsend"),
        ("USA", "africom commander", date(2023, 1, 1), "Michael Langley"),
        ("MLI", "president", date(2015, 1, 1), "Ibrahim Boubacar Keïta"),
        ("MLI", "president", date(2021, 1, 1), "Bah Ndaw"),
        ("MLI", "president", date(2020, 9, 1), "Assimi Goïta"),  # junta head of state
        ("NGA", "president", date(2010, 3, 1), "Goodluck Jonathan"),  # acting beats the ill
        ("KOR", "president", date(2025, 1, 10), "Choi Sang-mok"),
        ("GBR", "head of state", date(2023, 1, 1), "Charles III"),
        ("DEU", "head of government", date(2020, 1, 1), "Angela Merkel"),
        ("SAU", "monarch", date(2020, 1, 1), "Salman bin Abdulaziz Al Saud"),
    ],
)
def test_holder(kb: Knowledge, country: str, role: str, day: date, name: str) -> None:
    found = kb.holder(country, role, day)
    assert found is not None and found.name == name


def test_holder_none_before_any_term(kb: Knowledge) -> None:
    assert kb.holder("DZA", "president", date(1990, 1, 1)) is None
    assert kb.holder("ZZZ", "president", date(2020, 1, 1)) is None


def test_person_by_alias(kb: Knowledge) -> None:
    found = kb.person("Keita")
    assert found and (found[0].country, found[0].sector) == ("MLI", "GOV")
    assert found[0].name == "Ibrahim Boubacar Keïta"
    assert kb.person("IBK")[0].name == "Ibrahim Boubacar Keïta"
    assert kb.person("Abdelmajid Tebboune")[0].role == "president"


def test_person_orders_by_date(kb: Knowledge) -> None:
    terms = kb.person("Ramtane Lamamra", on=date(2014, 1, 1))
    assert terms[0].start == date(2013, 9, 11)
    terms = kb.person("Lamamra", on=date(2022, 1, 1))
    assert terms[0].start == date(2021, 7, 7)
    assert kb.person("Tebboune")[0].end is None  # no date: current office first


def test_holds_on_is_inclusive() -> None:
    h = OfficeHolder("X", (), "MLI", "GOV", "president", date(2020, 1, 1), date(2020, 12, 31))
    assert h.holds_on(date(2020, 1, 1)) and h.holds_on(date(2020, 12, 31))
    assert not h.holds_on(date(2019, 12, 31)) and not h.holds_on(date(2021, 1, 1))


def test_canonical_role() -> None:
    assert canonical_role("Secretary of State") == "foreign minister"
    assert canonical_role("acting defense minister") == "acting defence minister"
    assert canonical_role("President") == "president"


# --- coverage ------------------------------------------------------------------------------


@pytest.mark.parametrize("iso3", sorted(set(AU_MEMBERS) | set(G20_STATES)))
def test_head_of_state_rows(kb: Knowledge, iso3: str) -> None:
    heads = ROLE_GROUPS["head of state"]
    qualifiers = ("acting ", "interim ", "transitional ", "caretaker ")
    rows = [
        p
        for p in kb.officeholders
        if p.country == iso3 and p.role.removeprefix(next(
            (q for q in qualifiers if p.role.startswith(q)), "")) in heads
    ]  # fmt: skip
    assert rows, f"no head-of-state row for {iso3}"
    assert kb.holder(iso3, "head of state", date(2024, 6, 1)) is not None


def test_every_iso_country_with_an_adjective(kb: Knowledge) -> None:
    assert len(set(AU_MEMBERS)) == 55 and len(set(G20_STATES)) == 19
    assert {c.alpha_3 for c in pycountry.countries} | set(NON_ISO_COUNTRIES) == set(kb.countries)
    assert [iso for iso, c in kb.countries.items() if not c.adjectives] == []


def test_data_is_consistent(kb: Knowledge) -> None:
    assert len(kb.organisations) >= 100
    assert all(o.sector in SECTORS for o in kb.organisations.values())
    assert all(p.end is None or p.start <= p.end for p in kb.officeholders)
    assert set(kb.versions) == set(FILES)
    assert all(re.fullmatch(r"[a-z ]+ v1 \(\d{4}-\d{2}-\d{2}\)", v) for v in kb.versions.values())


def test_gazetteer_terms(kb: Knowledge) -> None:
    terms = {(form, hit.kind, hit.code) for form, hit in kb.gazetteer_terms()}
    assert ("AFRICOM", "organisation", "US Africa Command") in terms
    assert ("Algerian", "adjective", "DZA") in terms
    assert ("Algiers", "capital", "DZA") in terms
    assert ("ECOWAS", "igo", "IGOWAS") in terms
    assert ("Abdelmadjid Tebboune", "person", "Abdelmadjid Tebboune") in terms
    assert ("Tebboune", "person", "Abdelmadjid Tebboune") not in terms  # one token
    assert kb.case_rule("US") == "exact" and kb.case_rule("NATO") == "any"
    assert kb.case_rule("Turkey") == "capitalised"


def test_load_is_cached() -> None:
    assert load_knowledge() is load_knowledge()


# --- validation ----------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    source = resources.files("dyadwatch.data")
    for name in FILES:
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"), "utf-8")
    return tmp_path


def append(path: Path, line: str) -> int:
    """Append a line and return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_copied_data_loads(data_dir: Path) -> None:
    assert len(load_knowledge(data_dir).countries) == len(load_knowledge().countries)


@pytest.mark.parametrize(
    ("name", "row", "problem"),
    [
        ("countries.tsv", "XXX\tNowhere\t\tNowherian\t", "ISO 3166"),
        ("countries.tsv", "DZA\tAlgeria again\t\tAlgerian\t", "duplicate"),
        ("countries.tsv", "FRA\tFrance", "columns"),
        ("igos.tsv", "IGOFOO\tFoo Org\t\tXYZ\tigo\t\tours", "sector"),
        ("igos.tsv", "FRA\tFake\t\t\tigo\t\tours", "IGO or NGO"),
        ("igos.tsv", "IGOFOO\tFoo Org\t\t\tigo\tIGOUNO\tours", "extend its parent"),
        ("officeholders.tsv", "A B\t\tUNO\tGOV\tsecretary-general\t2020-01-01\t\t", "country"),
        ("organisations.tsv", "Foo Army\t\tMLI\tARMY\torganisation\t", "sector"),
        ("organisations.tsv", "Foo Army\t\tXYZ\tMIL\torganisation\t", "country"),
        ("organisations.tsv", "Foo Army\t\tMLI\tMIL\tcompany\t", "kind"),
        ("roles.tsv", "warlord\tUAF", "columns"),
        ("roles.tsv", "Warlord\tUAF\tgroup\t", "lowercase"),
        ("officeholders.tsv", "A B\t\tMLI\tGOV\tpresident\t2020-05-01\t2020-01-01\t", "before"),
        ("officeholders.tsv", "A B\t\tMLI\tGOV\tpresident\t2020-13-01\t\t", "ISO date"),
        ("officeholders.tsv", "A B\t\tMLI\tGOV\tpresident\t\t\t", "start"),
        ("officeholders.tsv", "A B\t\tMLI\tXXX\tpresident\t2020-01-01\t\t", "sector"),
    ],
)
def test_validator_names_file_and_line(data_dir: Path, name: str, row: str, problem: str) -> None:
    line = append(data_dir / name, row)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data_dir)
    assert caught.value.path.endswith(name)
    assert caught.value.line == line
    assert problem in caught.value.problem
    assert f"{name}:{line}" in str(caught.value)


def test_validator_needs_version_and_header(data_dir: Path) -> None:
    path = data_dir / "roles.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")  # drop the version line
    with pytest.raises(KnowledgeError, match="version"):
        load_knowledge(data_dir)
    path.write_text("# dyadwatch role terms v1 (2026-11-29)\nterm\tsector\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="header") as caught:
        load_knowledge(data_dir)
    assert caught.value.line == 2


def test_missing_file(data_dir: Path) -> None:
    (data_dir / "igos.tsv").unlink()
    with pytest.raises(KnowledgeError, match="cannot read"):
        load_knowledge(data_dir)


# --- user actors ---------------------------------------------------------------------------

USER_YAML = """\
# my actors
- name: Abdelmadjid Tebboune
  aliases: [Tebboune, President Tebboune]
  country: DZA
  sector: GOV
  role: president
  start: 2019-12-19
- name: Sahel Freedom Front
  aliases: SFF|Freedom Front
  country: MLI
  sector: REB
  kind: group
- name: Pentagon
  country: USA
  sector: GOV
"""


def test_user_actors_override(kb: Knowledge, tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    mine = kb.with_user_actors(path)
    assert len(mine.person("Abdelmadjid Tebboune")) == 1  # both of ours replaced
    assert mine.person("President Tebboune")[0].start == date(2019, 12, 19)
    assert first(mine, "SFF", "organisation") == ("Sahel Freedom Front", "REB")
    assert first(mine, "Pentagon", "organisation") == ("Pentagon", "GOV")
    assert first(mine, "Department of Defense", "organisation") is None  # our aliases went too
    assert first(kb, "Pentagon", "organisation") == ("Pentagon", "MIL")  # original untouched
    assert len(kb.person("Abdelmadjid Tebboune")) == 2


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("- name: A\n  country: MLI\n  sector: ARMY\n", 3, "sector"),
        ("- name: A\n  country: MLI\n  sector: GOV\n- name: B\n  country: XYZ\n  sector: GOV\n",
         5, "country"),
        ("- name: A\n  country: MLI\n  sector: GOV\n  role: president\n  start: 2020-02-30\n",
         5, "ISO date"),
        ("- name: A\n  country: MLI\n  sector: GOV\n  role: president\n  start: 2020-02-01\n"
         "  end: 2019-01-01\n", 6, "before"),
        ("- name: A\n  country: MLI\n  sector: GOV\n  role: president\n", 1, "start"),
        ("- name: A\n  country: MLI\n  sector: GOV\n  colour: red\n", 4, "unknown key"),
        ("- name: A\n  aliases: [B, C\n  country: MLI\n", 3, "invalid YAML"),
        ("name: A\n", 1, "list"),
        ("- just a string\n", 1, "mapping"),
    ],
)  # fmt: skip
def test_user_yaml_errors(
    kb: Knowledge, tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        kb.with_user_actors(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert problem in caught.value.problem


def test_empty_user_file(kb: Knowledge, tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert len(kb.with_user_actors(path).officeholders) == len(kb.officeholders)


def test_packaged_directory_as_data_dir(tmp_path: Path) -> None:
    # the packaged directory itself can be passed as data_dir
    target = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("dyadwatch.data"))), target)
    assert load_knowledge(target).igos["IGOUNO"].name == "United Nations"


# --- the 2000-2026 office-holder list ---------------------------------------------------------

# The countries most present in international news: P5 and G20, the Middle East, North Africa,
# the Sahel, East Africa and the Horn, South and East Asia, Eastern Europe.
_PRIORITY = """USA GBR FRA RUS CHN DEU ITA JPN CAN AUS KOR IND BRA ARG MEX IDN SAU TUR ZAF ISR PSE IRN
    IRQ SYR LBN JOR EGY LBY TUN DZA MAR MRT MLI NER BFA TCD SDN SSD ETH ERI DJI SOM KEN UGA TZA RWA
    COD NGA PAK AFG BGD LKA PRK TWN VNM PHL THA MMR UKR BLR POL GEO ARM AZE SRB XKX QAT ARE YEM KWT
    OMN BHR"""
PRIORITY = _PRIORITY.split()
# Days on which a priority country had no head of state (or was not yet a state).
NO_HEAD = {("SSD", date(2010, 6, 1))}  # independent from 2011-07-09


@pytest.mark.parametrize("day", [date(2010, 6, 1), date(2020, 6, 1), date(2025, 6, 1)])
def test_priority_countries_have_a_head_of_state(kb: Knowledge, day: date) -> None:
    assert len(PRIORITY) == len(set(PRIORITY)) == 72
    missing = [c for c in PRIORITY if kb.holder(c, "head of state", day) is None
               and (c, day) not in NO_HEAD]
    assert missing == []


@pytest.mark.parametrize("day", [date(2005, 6, 1), date(2015, 6, 1), date(2024, 6, 1)])
def test_major_countries_have_a_foreign_minister(kb: Knowledge, day: date) -> None:
    major = "USA GBR FRA RUS CHN DEU ITA JPN CAN AUS IND BRA MEX IDN SAU TUR ZAF ISR IRN IRQ EGY DZA"
    assert [c for c in major.split() if kb.holder(c, "foreign minister", day) is None] == []


def test_office_holders_do_not_overlap(kb: Knowledge) -> None:
    """Two holders of one office overlap by a handover (ends are inclusive) at most, unless an
    acting holder or a note (rival claimants, a suspension) explains it; one person's terms
    follow each other."""
    qualifiers = ("acting ", "interim ", "transitional ", "caretaker ")
    offices: dict[tuple[str, str], list[OfficeHolder]] = {}
    for h in kb.officeholders:
        role = next((h.role[len(q):] for q in qualifiers if h.role.startswith(q)), h.role)
        if role != "vice president":  # several at once in some countries
            offices.setdefault((h.country, role), []).append(h)
    never = date(2100, 1, 1)
    problems = []
    for office, holders in offices.items():
        holders.sort(key=lambda h: h.start)
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                if b.start > (a.end or never):
                    continue
                overlap = ((min(a.end or never, b.end or never)) - b.start).days
                explained = a.note or b.note or a.role != b.role
                if overlap > (1 if a.name == b.name else 3) and not explained:
                    problems.append((office, a.name, a.start, b.name, b.start))
    assert problems == []


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("ISR", "prime minister", date(2015, 1, 1), "Benjamin Netanyahu"),
        ("ISR", "prime minister", date(2022, 1, 1), "Naftali Bennett"),
        ("IRN", "president", date(2010, 6, 1), "Mahmoud Ahmadinejad"),
        ("IRN", "supreme leader", date(2015, 6, 1), "Ali Khamenei"),
        ("UKR", "president", date(2022, 3, 1), "Volodymyr Zelensky"),
        ("UKR", "president", date(2012, 3, 1), "Viktor Yanukovych"),
        ("PAK", "army chief", date(2020, 1, 1), "Qamar Javed Bajwa"),
        ("PAK", "prime minister", date(2019, 1, 1), "Imran Khan"),
        ("JPN", "foreign minister", date(2015, 1, 1), "Fumio Kishida"),
        ("JPN", "defence minister", date(2016, 1, 1), "Gen Nakatani"),
        ("CHN", "defence minister", date(2005, 1, 1), "Cao Gangchuan"),
        ("TUR", "chief of the general staff", date(2007, 1, 1), "Yaşar Büyükanıt"),
        ("RUS", "prime minister", date(2010, 1, 1), "Vladimir Putin"),
        ("RUS", "head of the presidential administration", date(2020, 3, 11), "Anton Vaino"),
        ("USA", "white house chief of staff", date(2014, 1, 1), "Denis McDonough"),
        ("XKX", "president", date(2022, 1, 1), "Vjosa Osmani"),
        ("XKX", "prime minister", date(2019, 1, 1), "Ramush Haradinaj"),
        ("THA", "monarch", date(2010, 1, 1), "Bhumibol Adulyadej"),
        ("POL", "president", date(2010, 6, 1), "Bronisław Komorowski"),  # acting
        ("IGOUNOWHO", "director-general", date(2020, 4, 1), "Tedros Adhanom Ghebreyesus"),
        ("IGOICC", "prosecutor", date(2015, 1, 1), "Fatou Bensouda"),
    ],
)
def test_holder_2000_2026(kb: Knowledge, country: str, role: str, day: date, name: str) -> None:
    found = kb.holder(country, role, day)
    assert found is not None and found.name == name


def test_new_roles_have_their_sectors(kb: Knowledge) -> None:
    sectors = {h.role: h.sector for h in kb.officeholders}
    assert sectors["prosecutor"] == "JUD" and sectors["army chief"] == "MIL"
    assert sectors["white house chief of staff"] == "GOV"
    assert kb.person("Dmitry Kozak", on=date(2020, 3, 11))[0].sector == "GOV"


def test_office_holder_list_is_large_and_loads_fast() -> None:
    import time

    load_knowledge.cache_clear()
    began = time.perf_counter()
    kb = load_knowledge()
    elapsed = time.perf_counter() - began
    assert len(kb.officeholders) >= 1500
    assert elapsed < 2.0, f"knowledge took {elapsed:.2f} s to load"


def test_no_office_holder_alias_is_a_place_name(kb: Knowledge) -> None:
    """A surname alias that is also a country or capital name ("Montenegro") would make the
    place a person wherever the name alone is tagged; such people go by their full name."""
    places = {form.casefold() for c in kb.countries.values()
              for form in (c.name, *c.aliases, *c.capitals)}
    clashes = [(h.name, a) for h in kb.officeholders for a in h.aliases if a.casefold() in places]
    assert clashes == []


def test_initials_spelled_both_ways_only_for_initials(kb: Knowledge) -> None:
    # "U.N." and "UN" name the same body; a first word that is no initials gains nothing
    assert [h.code for h in kb.lookup("U.N. Security Council")] == [
        h.code for h in kb.lookup("UN Security Council")
    ]
    assert not kb.lookup("U.S. Pentagon Department")
