"""The GeoNames gazetteer (built from a tiny fake data folder) and the place resolver."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import KnowledgeError
from dyadwatch.geo.gazetteer import (
    Candidate,
    GeoNamesGazetteer,
    PlaceResolver,
    distance_km,
    name_key,
    to_place,
)
from test_places_docs import (
    ALGERIA,
    ALGIERS,
    ATLANTA,
    DC,
    GARDEN_CITY,
    GEORGIA,
    GEORGIA_US,
    MALI,
    MARYLAND,
    NYC,
    SEVERN_MD,
    FakeGazetteer,
)

from geonames_data import city, write_geonames


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S.", "us"),
        ("US", "us"),
        ("St. Louis", "st louis"),
        ("  New   York ", "new york"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("ALGIERS", "algiers"),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_distance_km_paris_london() -> None:
    assert distance_km(48.8566, 2.3522, 51.5072, -0.1276) == pytest.approx(344, abs=5)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cities = {
        "1": city(
            2507480, "Algiers", "DZ", 2_364_230, 36.73, 3.09, alts=["Alger", "ALG", "الجزائر"]
        ),
        "2": city(2460596, "Bamako", "ML", 1_297_281, 12.65, -8.0),
        "3": city(2451185, "Sikasso", "ML", 225_753, 11.32, -5.67),
        "4": city(4140963, "Washington", "US", 689_545, 38.9, -77.04, admin1="DC"),
        "5": city(5809844, "Seattle", "US", 737_015, 47.61, -122.33, admin1="WA"),
    }
    return write_geonames(tmp_path_factory.mktemp("geonames"), cities)


@pytest.fixture(scope="module")
def gazetteer(data_dir: Path) -> GeoNamesGazetteer:
    return GeoNamesGazetteer(data_dir, cache=False)  # the disk cache: test_gazetteer_cache.py


def test_nothing_is_read_before_the_first_lookup(tmp_path: Path) -> None:
    gaz = GeoNamesGazetteer(tmp_path / "missing")  # would fail if it read at construction
    with pytest.raises(KnowledgeError, match=r"countries\.json"):
        gaz.lookup("Algiers")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Algiers", [("Algiers", "city", "DZA", False)]),
        ("Alger", [("Algiers", "city", "DZA", True)]),
        ("ALG", []),  # airport codes are no names
        ("Mali", [("Mali", "country", "MLI", False)]),
        ("U.S.", [("United States", "country", "USA", False)]),
        ("EU", []),  # the European Union is an actor (an IGO), not the continent
        ("Wash.", [("Washington", "admin", "USA", False)]),
        ("Timbuktu", []),
    ],
)
def test_lookup(
    gazetteer: GeoNamesGazetteer, name: str, expected: list[tuple[object, ...]]
) -> None:
    got = [(c.name, c.feature, c.country, c.alternate) for c in gazetteer.lookup(name)]
    assert got == expected


def test_countries_and_states_get_points(gazetteer: GeoNamesGazetteer) -> None:
    algeria = gazetteer.country("DZ")
    assert algeria is not None and (algeria.lat, algeria.lon) == (28.0, 3.0)  # listed point
    mali = gazetteer.country("MLI")
    # Mali's towns lie in its south (here Bamako and Sikasso): its listed point is its centre.
    assert mali is not None and (mali.lat, mali.lon) == (17.0, -4.0)
    (state,) = [c for c in gazetteer.lookup("Washington") if c.feature == "admin"]
    # Washington state: the centre of the 1-degree cell holding Seattle.
    assert state.lat == pytest.approx(47.5) and state.lon == pytest.approx(-122.5)


def test_capital_and_demonyms(gazetteer: GeoNamesGazetteer) -> None:
    (algiers,) = gazetteer.lookup("Algiers")
    assert algiers.capital
    assert [c.capital for c in gazetteer.lookup("Sikasso")] == [False]
    for word, country in [("Algerian", "DZA"), ("Algerians", "DZA"), ("American", "USA")]:
        found = gazetteer.demonym(word)
        assert found is not None and found.country == country
    african = gazetteer.demonym("African")
    assert african is not None and african.feature == "continent"
    assert gazetteer.demonym("Martian") is None


# -- resolver ---------------------------------------------------------------------------------


@pytest.fixture
def resolver() -> PlaceResolver:
    return PlaceResolver(FakeGazetteer())


@pytest.mark.parametrize(
    ("name", "focus", "near", "expected"),
    [
        ("Mali", (), (), MALI),  # a country name means the country
        ("Washington", (), (), DC),  # the capital beats the state and a British town
        ("Georgia", (), (), GEORGIA),
        ("Georgia", ("USA",), (to_place(ATLANTA), to_place(GEORGIA_US)), GEORGIA_US),
        ("Severn", (), (), None),  # decided below: the bigger British town, without context
        ("Severn", (), (to_place(MARYLAND),), SEVERN_MD),
        ("New York", (), (), NYC),  # the big city sharing the state's name
        ("Garden City", (), (), GARDEN_CITY),  # an alternate name of Singapore loses
        ("the Algiers", (), (), ALGIERS),
        ("Nowhere", (), (), None),
    ],
)
def test_resolve(
    resolver: PlaceResolver,
    name: str,
    focus: tuple[str, ...],
    near: tuple[object, ...],
    expected: object,
) -> None:
    got = resolver.resolve(name, focus=focus, near=near)  # type: ignore[arg-type]
    if name == "Severn" and not near:
        assert got is not None and got.country == "GBR"
    elif expected is None:
        assert got is None
    else:
        assert got == to_place(expected)  # type: ignore[arg-type]


def test_demonym_resolves_to_country(resolver: PlaceResolver) -> None:
    place = resolver.demonym("Algerians")
    assert place is not None and place.country == "DZA" and place.feature == "country"


class _CountingGazetteer(FakeGazetteer):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def lookup(self, name: str) -> list[Candidate]:
        self.calls.append(name)
        return list(super().lookup(name))

    def demonym(self, word: str) -> Candidate | None:
        self.calls.append(word)
        return super().demonym(word)


def test_resolver_remembers_names() -> None:
    gaz = _CountingGazetteer()
    resolver = PlaceResolver(gaz)
    for _ in range(3):
        assert resolver.names_area("Mali") and not resolver.names_area("Algiers")
        assert resolver.known("the Algiers") == tuple(resolver.candidates("Algiers"))
        assert resolver.demonym_candidate("Algerian") == ALGERIA
        assert resolver.demonym_candidate("Martian") is None
    # Each name asked of the gazetteer once ("the Algiers" is another name than "Algiers").
    assert sorted(gaz.calls) == ["Algerian", "Algiers", "Algiers", "Mali", "Martian"]
    got = resolver.candidates("Mali")
    got.clear()  # a copy: the resolver's own list is untouched
    assert resolver.candidates("Mali")


# -- provinces (admin1) -----------------------------------------------------------------------

_PROVINCES = [
    # name, ISO code, GeoNames code, GeoNames id, type, aliases, level, parent, country
    ["Alger", "DZ-16", "DZ.01", "2507475", "Province", "Algiers Province|الجزائر", "1", "", "4"],
    ["Sikasso", "ML-3", "ML.01", "2451184", "Region", "Sikasso Region", "1", "", "7"],
    ["Central", "XX-C", "ML.02", "1", "Region", "", "1", "", "7"],
    ["Bamako District", "", "ML.01.123", "9", "Cercle", "", "2", "5", "7"],
]


def test_provinces_are_indexed_and_name_their_cities(data_dir: Path, tmp_path: Path) -> None:
    table = tmp_path / "subdivisions.tsv"
    table.write_text("".join("\t".join(row) + "\n" for row in _PROVINCES), encoding="utf-8")
    gaz = GeoNamesGazetteer(data_dir, cache=False, admin1=table)
    (province,) = [c for c in gaz.lookup("Sikasso") if c.feature == "admin"]
    assert (province.country, province.admin1, province.admin1_name) == ("MLI", "01", "Sikasso")
    # Its point: the centre of its cities' cells (all of ML.01 here).
    assert province.lat is not None and 11 < province.lat < 13
    assert [c.alternate for c in gaz.lookup("Algiers Province")] == [True]
    (algiers,) = [c for c in gaz.lookup("Algiers") if c.feature == "city"]
    assert algiers.admin1_name == "Alger"
    assert gaz.lookup("Central") == []  # an ordinary word is not indexed as a province
    assert gaz.lookup("Bamako District") == []  # level 2: not a first-level division
    # The city that names a province wins over it.
    resolver = PlaceResolver(gaz)
    place = resolver.resolve("Sikasso", focus=["MLI"])
    assert place is not None and place.feature == "city" and place.admin1_name == "Sikasso"


def test_a_province_table_of_another_layout_is_an_error(data_dir: Path, tmp_path: Path) -> None:
    table = tmp_path / "subdivisions.tsv"
    table.write_text("Alger\tDZ-16\tDZ.01\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"subdivisions\.tsv.*9 columns"):
        GeoNamesGazetteer(data_dir, cache=False, admin1=table).lookup("Alger")


def test_waters_resolve_whole(gazetteer: GeoNamesGazetteer) -> None:
    assert [(c.name, c.feature) for c in gazetteer.lookup("Sea of Japan")] == [
        ("Sea of Japan", "region")
    ]
    assert [c.name for c in gazetteer.lookup("Strait of Hormuz")] == ["Strait of Hormuz"]


def test_the_additions_table_reads_by_kind_and_names_a_bad_row(tmp_path: Path) -> None:
    from dyadwatch.geo.build import read_additions

    table = read_additions()
    assert {a.code for a in table["point"]} >= {"US", "RU"}
    assert all(a.lat is not None for a in table["region"] + table["water"])
    bad = tmp_path / "gazetteer.tsv"
    head = "# dyadwatch gazetteer additions v1 (2026-12-05)\nkind\tcode\tname\tlat\tlon\n"
    bad.write_text(head + "region\t\tSomewhere\tnorth\t3\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"gazetteer.tsv:3: latitude"):
        read_additions(bad)
    bad.write_text(head + "lake\t\tChad\t13\t14\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown kind"):
        read_additions(bad)
    bad.write_text(head + "region\t\tSomewhere\n", encoding="utf-8")  # a row short of cells
    with pytest.raises(KnowledgeError, match=r"gazetteer.tsv:3"):
        read_additions(bad)
