"""The gazetteer's own binary cache (``dyadwatch.geo.cache``) against stdlib ``sqlite3``
holding the same index, side by side in one run.

    .venv/bin/python benchmarks/gazetteer_cache.py                 # 3 repeats, 4,000 lookups
    .venv/bin/python benchmarks/gazetteer_cache.py --repeats 5 --no-coding

Both stores are made from one built gazetteer: the binary file as dyadwatch writes it, and an
SQLite file with the same places (a table of cities and one of the other places, each name
index a ``WITHOUT ROWID`` table keyed by name key), written here. ``SqliteGazetteer`` answers
``lookup``/``country``/``demonym`` as ``GeoNamesGazetteer`` does (the same candidates in the
same order: checked on every name looked up before anything is timed).

Each measure runs in a fresh process, the two stores alternating, and the figures are medians
over the repeats:

* **open**: from nothing loaded to the first lookup's answer (the binary file is read whole
  and checksummed; SQLite opens the file and reads a page or two);
* **lookup**: the median and 95th percentile of single ``lookup`` calls on names drawn from the
  gazetteer's keys (hits) and from capitalised words of the bundled corpus (mostly misses);
* **memory**: the process's RSS after the open and all the lookups, less the RSS of the same
  process before the open (same imports);
* **coding**: articles per second of ``Coder.code_articles`` with places on the bundled
  corpus (``src/dyadwatch/samples/corpus.jsonl``), the gazetteer opened inside the clock,
  the spaCy model and the knowledge loaded before it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "dyadwatch" / "samples" / "corpus.jsonl"
BACKENDS = ("binary", "sqlite")

# -- the SQLite store ------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE places (n INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, feature TEXT,
    country TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER, alternate INTEGER,
    capital INTEGER, admin1_name TEXT);
CREATE TABLE place_names (key TEXT, seq INTEGER, n INTEGER, PRIMARY KEY (key, seq))
    WITHOUT ROWID;
CREATE TABLE countries (code TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
CREATE TABLE demonyms (word TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
CREATE TABLE cities (n INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, country TEXT,
    admin1 TEXT, lat REAL, lon REAL, population INTEGER, capital INTEGER, admin1_name TEXT);
CREATE TABLE city_names (key TEXT, seq INTEGER, code INTEGER, PRIMARY KEY (key, seq))
    WITHOUT ROWID;
"""


def write_sqlite(path: Path, built: Any, key: dict[str, Any]) -> None:
    """The built gazetteer as an SQLite file (the cities' province names joined in)."""
    from dyadwatch.geo.names import Candidate

    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.executescript(_SCHEMA)
    numbers: dict[int, int] = {}
    rows: list[tuple[Any, ...]] = []

    def number(cand: Candidate) -> int:
        if id(cand) not in numbers:
            numbers[id(cand)] = len(rows)
            rows.append((len(rows), *dataclasses.astuple(cand)))
        return numbers[id(cand)]

    names = [(k, seq, number(c)) for k, cands in built.index.items() for seq, c in enumerate(cands)]
    countries = [(code, number(c)) for code, c in built.countries.items()]
    demonyms = [(word, number(c)) for word, c in built.demonyms.items()]
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO place_names VALUES (?,?,?)", names)
    con.executemany("INSERT INTO countries VALUES (?,?)", countries)
    con.executemany("INSERT INTO demonyms VALUES (?,?)", demonyms)
    table = built.cities
    cities = []
    for n in range(len(table.ids)):
        c = table.candidate(n << 1)
        province = built.admin1_names.get(f"{c.country}.{c.admin1}") if c.admin1 else None
        cities.append((n, c.geonames_id, c.name, c.country, c.admin1, c.lat, c.lon,
                       c.population, c.capital, province))  # fmt: skip
    con.executemany("INSERT INTO cities VALUES (?,?,?,?,?,?,?,?,?,?)", cities)
    ends, code_ends, keys = table.key_ends, table.code_ends, table.keys
    city_names = []
    for i in range(len(ends)):
        name = bytes(keys[ends[i - 1] if i else 0 : ends[i]]).decode("utf-8")
        codes = table.codes[code_ends[i - 1] if i else 0 : code_ends[i]]
        city_names += [(name, seq, code) for seq, code in enumerate(codes)]
    con.executemany("INSERT INTO city_names VALUES (?,?,?)", city_names)
    con.execute("INSERT INTO meta VALUES ('key', ?)", (json.dumps(key, sort_keys=True),))
    con.commit()
    con.execute("VACUUM")
    con.close()


class SqliteGazetteer:
    """``GeoNamesGazetteer``'s answers from the SQLite file (opened on first use)."""

    def __init__(self, path: Path, key: dict[str, Any]) -> None:
        self._path, self._key = path, key
        self._con: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._con is None:
            con = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True)
            stored = con.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
            if stored is None or json.loads(stored[0]) != self._key:
                raise ValueError("built from other data")  # the binary cache checks this too
            self._con = con
        return self._con

    def _place(self, n: int) -> Any:
        from dyadwatch.geo.names import Candidate

        row = self._db().execute("SELECT * FROM places WHERE n = ?", (n,)).fetchone()
        g, name, feature, country, admin1, lat, lon, pop, alt, capital, province = row[1:]
        return Candidate(g, name, feature, country, admin1, lat, lon, pop, bool(alt),
                         bool(capital), province)  # fmt: skip

    def lookup(self, name: str) -> list[Any]:
        from dyadwatch.geo.names import Candidate, feature_rank, name_key

        key = name_key(name)
        db = self._db()
        out = [
            self._place(n)
            for (n,) in db.execute("SELECT n FROM place_names WHERE key = ? ORDER BY seq", (key,))
        ]
        rows = db.execute(
            "SELECT c.code, t.* FROM city_names c JOIN cities t ON t.n = c.code >> 1"
            " WHERE c.key = ? ORDER BY c.seq",
            (key,),
        )
        for code, _n, g, cname, country, admin1, lat, lon, pop, capital, province in rows:
            out.append(Candidate(g, cname, "city", country, admin1, lat, lon, pop,
                                 bool(code & 1), bool(capital), province))  # fmt: skip
        out.sort(key=lambda c: (c.alternate, -feature_rank(c.feature), -c.population))
        return out

    def country(self, code: str) -> Any:
        row = self._db().execute("SELECT n FROM countries WHERE code = ?", (code.upper(),))
        found = row.fetchone()
        return self._place(found[0]) if found else None

    def demonym(self, word: str) -> Any:
        from dyadwatch.geo.names import name_key

        key = name_key(word)
        for k in (key, key[:-1] if key[-1:] == "s" else ""):
            found = self._db().execute("SELECT n FROM demonyms WHERE word = ?", (k,)).fetchone()
            if found:
                return self._place(found[0])
        return None


# -- the measured runs (each in a fresh process) ---------------------------------------------


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _open(backend: str, setup: dict[str, Any]) -> Any:
    from dyadwatch.geo.gazetteer import GeoNamesGazetteer

    if backend == "binary":
        return GeoNamesGazetteer(cache_dir=Path(setup["cache_dir"]))
    return SqliteGazetteer(Path(setup["sqlite"]), setup["key"])


def child_lookups(backend: str, setup: dict[str, Any]) -> dict[str, Any]:
    # What both stores import, loaded before the baseline RSS is read.
    import dyadwatch.geo.build
    import dyadwatch.geo.gazetteer  # noqa: F401

    names = json.loads(Path(setup["names"]).read_text())
    before = _rss()
    t0 = time.perf_counter()
    gaz = _open(backend, setup)
    gaz.lookup(names[0])
    opened = time.perf_counter() - t0
    times = []
    for name in names:
        t = time.perf_counter_ns()
        gaz.lookup(name)
        times.append(time.perf_counter_ns() - t)
    times.sort()
    return {
        "open_ms": opened * 1000,
        "lookup_median_us": statistics.median(times) / 1000,
        "lookup_p95_us": times[int(len(times) * 0.95)] / 1000,
        "rss_mb": (_rss() - before) / 1e6,
    }


def child_coding(backend: str, setup: dict[str, Any]) -> dict[str, Any]:
    from dyadwatch.coder import Coder
    from dyadwatch.geo.gazetteer import PlaceResolver
    from dyadwatch.read.articles import read_articles
    from dyadwatch.settings import Settings

    articles = [a for a in read_articles([CORPUS]) if not isinstance(a, Exception)]
    coder = Coder(Settings.from_env({}))
    for _ in (coder.nlp, coder.prefilter, coder.ontology, coder.lexicon, coder.contexts):
        pass  # everything but the gazetteer loaded before the clock
    t0 = time.perf_counter()
    coder._places = PlaceResolver(_open(backend, setup))  # the Coder's own slot for it
    events = sum(len(c.events) for c in coder.code_articles(articles))
    took = time.perf_counter() - t0
    return {"articles_per_s": len(articles) / took, "articles": len(articles), "events": events}


def _run_child(kind: str, backend: str, setup_file: Path) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DYADWATCH_")}
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, backend, str(setup_file)],
        check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# -- setup and report ------------------------------------------------------------------------


def _names(built: Any, count: int) -> list[str]:
    """Half the gazetteer's own keys (cities and other places), half capitalised runs of the
    bundled corpus, in a fixed pseudo-random order."""
    rng = random.Random(7)
    table = built.cities
    ends = table.key_ends
    picks = rng.sample(range(len(ends)), count // 2 - count // 10)
    hits = [bytes(table.keys[ends[i - 1] if i else 0 : ends[i]]).decode() for i in picks]
    hits += rng.sample(sorted(built.index), count // 10)
    words: list[str] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        text = json.loads(line).get("text", "")
        words += re.findall(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}", text)
    corpus = rng.sample(sorted(set(words)), min(count - len(hits), len(set(words))))
    names = hits + corpus
    rng.shuffle(names)
    return names


def setup(folder: Path, count: int) -> dict[str, Any]:
    from dyadwatch.geo import build, cache
    from dyadwatch.geo.admin1 import admin1_file
    from dyadwatch.geo.gazetteer import GeoNamesGazetteer

    gaz = GeoNamesGazetteer(cache_dir=folder)
    data_dir, admin1 = gaz._dir(), admin1_file()
    key = cache.cache_key(data_dir, "cities500.json", admin1)
    built = cache.load_or_build(
        data_dir, "cities500.json", folder, lambda: build.build(data_dir, "cities500.json", admin1),
        admin1,
    )  # fmt: skip
    sqlite = folder / "gazetteer.sqlite"
    write_sqlite(sqlite, built, key or {})
    names = _names(built, count)
    (folder / "names.json").write_text(json.dumps(names))
    binary, other = GeoNamesGazetteer(cache_dir=folder), SqliteGazetteer(sqlite, key or {})
    for name in names:  # the same answers, or the comparison means nothing
        if list(binary.lookup(name)) != other.lookup(name):
            raise SystemExit(f"the stores differ on {name!r}")
    for code in ("DZ", "DZA", "us"):
        assert binary.country(code) == other.country(code)
    for word in ("Algerian", "Americans", "Xyz"):
        assert binary.demonym(word) == other.demonym(word)
    (cache_file,) = folder.glob("gazetteer-*.bin")
    return {
        "cache_dir": str(folder), "sqlite": str(sqlite), "names": str(folder / "names.json"),
        "key": key or {}, "sizes_mb": {"binary": cache_file.stat().st_size / 1e6,
                                       "sqlite": sqlite.stat().st_size / 1e6},
    }  # fmt: skip


def _median(runs: Sequence[dict[str, Any]], field: str) -> float:
    return float(statistics.median(r[field] for r in runs))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lookups", type=int, default=4000)
    parser.add_argument("--no-coding", action="store_true", help="skip the coding throughput")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, backend, setup_file = args.child
        conf = json.loads(Path(setup_file).read_text())
        run = child_lookups if kind == "lookups" else child_coding
        print(json.dumps(run(backend, conf)))
        return
    with tempfile.TemporaryDirectory(prefix="gazetteer-bench-") as tmp:
        conf = setup(Path(tmp), args.lookups)
        setup_file = Path(tmp) / "setup.json"
        setup_file.write_text(json.dumps(conf))
        kinds = ["lookups"] + ([] if args.no_coding else ["coding"])
        runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for repeat in range(args.repeats):
            for kind in kinds:
                order = BACKENDS if repeat % 2 == 0 else BACKENDS[::-1]  # alternate who goes first
                for backend in order:
                    runs.setdefault((kind, backend), []).append(
                        _run_child(kind, backend, setup_file)
                    )
    rows = [("file size, MB", "sizes", "", 1)]
    print(f"{args.repeats} repeats, {args.lookups} lookups; medians (sqlite / binary ratio)")
    print(f"{'measure':32} {'binary':>12} {'sqlite':>12} {'ratio':>8}")
    sizes = conf["sizes_mb"]
    print(f"{rows[0][0]:32} {sizes['binary']:12.1f} {sizes['sqlite']:12.1f} "
          f"{sizes['sqlite'] / sizes['binary']:8.2f}")  # fmt: skip
    fields = [("open + first lookup, ms", "lookups", "open_ms"),
              ("lookup median, us", "lookups", "lookup_median_us"),
              ("lookup p95, us", "lookups", "lookup_p95_us"),
              ("RSS after open + lookups, MB", "lookups", "rss_mb"),
              ("coding, articles/s", "coding", "articles_per_s")]  # fmt: skip
    for label, kind, field in fields:
        if (kind, "binary") not in runs:
            continue
        a, b = _median(runs[(kind, "binary")], field), _median(runs[(kind, "sqlite")], field)
        print(f"{label:32} {a:12.3f} {b:12.3f} {b / a if a else float('nan'):8.2f}")
    if ("coding", "binary") in runs:
        events = {r["events"] for k in BACKENDS for r in runs[("coding", k)]}
        print(f"events coded: {sorted(events)} (one value: both stores gave the same places)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
