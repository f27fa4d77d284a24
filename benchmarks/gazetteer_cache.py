"""The gazetteer's SQLite cache (``dyadwatch.geo.cache``) against the gazetteer held in memory
(what a process has with the cache turned off), side by side in one run.

    .venv/bin/python benchmarks/gazetteer_cache.py                 # 3 repeats, 4,000 lookups
    .venv/bin/python benchmarks/gazetteer_cache.py --repeats 5 --no-coding

The SQLite file is the one dyadwatch writes; the in-memory gazetteer is the ``Built`` one
(cities as arrays, the other places in a dict), built in the process. Both must give the same
answers (``lookup``/``country``/``demonym``, compared as text on every name looked up) before
anything is timed. Until this store, the cache was a binary file of those arrays, read whole:
its figures against SQLite's are in benchmarks/README.md.

Each measure runs in a fresh process, the two stores alternating, and the figures are medians
over the repeats:

* **open**: from nothing loaded to the first lookup's answer (in memory: the build; SQLite:
  opening the file and reading a page or two);
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
import json
import os
import random
import re
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
BACKENDS = ("memory", "sqlite")


# -- the measured runs (each in a fresh process) ---------------------------------------------


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _open(backend: str, setup: dict[str, Any]) -> Any:
    from dyadwatch.geo.gazetteer import GeoNamesGazetteer

    if backend == "memory":
        return GeoNamesGazetteer(cache=False)
    return GeoNamesGazetteer(cache_dir=Path(setup["cache_dir"]))


def child_lookups(backend: str, setup: dict[str, Any]) -> dict[str, Any]:
    # What both stores import, loaded before the baseline RSS is read.
    import sqlite3  # noqa: F401

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
    from dyadwatch.geo.build import Built
    from dyadwatch.geo.gazetteer import GeoNamesGazetteer

    built = GeoNamesGazetteer(cache=False)._load()
    assert isinstance(built, Built)
    stored = GeoNamesGazetteer(cache_dir=folder)
    stored.lookup("")  # writes the file
    names = _names(built, count)
    (folder / "names.json").write_text(json.dumps(names))
    for name in names:  # the same answers, or the comparison means nothing
        if repr(built.lookup(name)) != repr(stored.lookup(name)):
            raise SystemExit(f"the stores differ on {name!r}")
    for code in ("DZ", "DZA", "us", "XX"):
        assert repr(built.country(code)) == repr(stored.country(code))
    for word in ("Algerian", "Americans", "Xyz"):
        assert repr(built.demonym(word)) == repr(stored.demonym(word))
    (cache_file,) = folder.glob("gazetteer-*.sqlite")
    return {
        "cache_dir": str(folder), "names": str(folder / "names.json"),
        "size_mb": cache_file.stat().st_size / 1e6,
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
    print(f"{args.repeats} repeats, {args.lookups} lookups; medians (sqlite / memory ratio)")
    print(f"{'measure':32} {'memory':>12} {'sqlite':>12} {'ratio':>8}")
    print(f"{'file size, MB':32} {'-':>12} {conf['size_mb']:12.1f} {'-':>8}")
    fields = [("open + first lookup, ms", "lookups", "open_ms"),
              ("lookup median, us", "lookups", "lookup_median_us"),
              ("lookup p95, us", "lookups", "lookup_p95_us"),
              ("RSS after open + lookups, MB", "lookups", "rss_mb"),
              ("coding, articles/s", "coding", "articles_per_s")]  # fmt: skip
    for label, kind, field in fields:
        if (kind, "memory") not in runs:
            continue
        a, b = _median(runs[(kind, "memory")], field), _median(runs[(kind, "sqlite")], field)
        print(f"{label:32} {a:12.3f} {b:12.3f} {b / a if a else float('nan'):8.2f}")
    if ("coding", "memory") in runs:
        events = {r["events"] for k in BACKENDS for r in runs[("coding", k)]}
        print(f"events coded: {sorted(events)} (one value: both stores gave the same places)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
