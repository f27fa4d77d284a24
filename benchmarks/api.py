"""Latency of the HTTP API on a large synthetic store.

    .venv/bin/python benchmarks/api.py --events 1000000      # the quicker run (a few minutes)
    .venv/bin/python benchmarks/api.py                       # 10 million events (the target size)
    .venv/bin/python benchmarks/api.py --db big.duckdb --keep  # build once, measure again later

It builds a store with the real schema (``Store.open`` runs the migrations) filled by SQL:
``--events`` merged events between about 60 countries (skewed, so a few dyads are busy and most
are quiet) over five years, 1 to 8 reports each (3 on average, the busiest events reported
most), three reports per article, two actors per report, a place on 40 % of events, 500
outlets, four languages. Article texts are short templated paragraphs: the store is smaller
than a real one of the same size (real articles run to several kilobytes), which matters for
the disk figure, not for the queries measured.

Then it starts ``dyadwatch serve`` on a free 127.0.0.1 port and times, one request at a time
after a warm-up, with an HTTP client in this process:

* **series**: ``/dyads/A/B/series?by=month`` over the 50 busiest dyads and 50 random ones;
* **page**: ``/events`` pages of 100 with a mix of filters (source, dyad, CAMEO root, date
  range, minimum sources, place country), including following one ``next_cursor``;
* **detail**: ``/events/{id}`` of random events, with every report;
* **signals**: ``/signals`` over the whole store (month periods), three times;

and reports p50 and p95 per kind (ms), the server's peak RSS (sampled every 50 ms) and the
store's size on disk. Targets: series p95 < 100 ms, page p95 < 150 ms, detail p95 < 50 ms,
signals < 3 s, RSS < 1.5 GB.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import httpx
import psutil

from dyadwatch.store.store import Store

ROOT = Path(__file__).resolve().parents[1]

COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "UKR",
    "FRA",
    "DEU",
    "GBR",
    "ISR",
    "PSE",
    "IRN",
    "IRQ",
    "SYR",
    "TUR",
    "SAU",
    "EGY",
    "IND",
    "PAK",
    "AFG",
    "MLI",
    "NER",
    "BFA",
    "NGA",
    "ETH",
    "SOM",
    "SDN",
    "KEN",
    "COD",
    "JPN",
    "KOR",
    "PRK",
    "TWN",
    "VNM",
    "PHL",
    "IDN",
    "AUS",
    "BRA",
    "VEN",
    "COL",
    "MEX",
    "CAN",
    "ARG",
    "ZAF",
    "DZA",
    "MAR",
    "LBY",
    "TUN",
    "YEM",
    "QAT",
    "ARE",
    "JOR",
    "LBN",
    "ARM",
    "AZE",
    "GEO",
    "BLR",
    "POL",
    "HUN",
    "SRB",
    "ITA",
    "ESP",
]
SECTORS = ["GOV", "MIL", "COP", "REB", "OPP", "CVL", "LEG", "JUD", "BUS", "MED"]
# (CAMEO code, root, quad class, PLOVER type, Goldstein, verb)
CODES = [
    ("040", "04", 1, "CONSULT", 1.0, "met"),
    ("043", "04", 1, "CONSULT", 2.8, "hosted"),
    ("046", "04", 1, "CONSULT", 7.0, "negotiated with"),
    ("051", "05", 1, "SUPPORT", 3.4, "praised"),
    ("057", "05", 1, "AGREE", 8.0, "signed an agreement with"),
    ("061", "06", 2, "COOPERATE", 6.4, "cooperated economically with"),
    ("070", "07", 2, "AID", 7.0, "sent aid to"),
    ("111", "11", 3, "DISAPPROVE", -2.0, "criticized"),
    ("112", "11", 3, "ACCUSE", -2.0, "accused"),
    ("130", "13", 3, "THREATEN", -4.4, "threatened"),
    ("163", "16", 3, "SANCTION", -5.6, "imposed an embargo on"),
    ("172", "17", 4, "SANCTION", -5.0, "sanctioned"),
    ("173", "17", 4, "COERCE", -5.0, "arrested members of"),
    ("190", "19", 4, "ASSAULT", -10.0, "attacked"),
    ("193", "19", 4, "ASSAULT", -10.0, "fought"),
    ("195", "19", 4, "ASSAULT", -10.0, "bombed"),
]
LANGUAGES = ["en", "en", "en", "fr", "es", "ar"]


def build_store(path: Path, events: int, seed: float = 0.42) -> None:
    """A store of ``events`` merged events with their reports, articles and actors."""
    with Store.open(path):
        pass  # creates the file with the current schema
    con = duckdb.connect(str(path))
    con.execute("SET preserve_insertion_order = false")
    con.execute("SELECT setseed(?)", [seed])
    n_countries = len(COUNTRIES)
    con.execute(
        """
        CREATE TEMP TABLE ev AS
        SELECT i,
               1 + CAST(floor(pow(random(), 2.2) * 8) AS INTEGER) AS n,
               1 + CAST(floor(pow(random(), 2.5) * ?) AS INTEGER) AS si,
               1 + CAST(floor(pow(random(), 2.5) * ?) AS INTEGER) AS ti_raw,
               1 + CAST(floor(random() * ?) AS INTEGER) AS ss,
               1 + CAST(floor(random() * ?) AS INTEGER) AS ts,
               1 + CAST(floor(random() * ?) AS INTEGER) AS ci,
               DATE '2020-01-01' + CAST(floor(random() * 1826) AS INTEGER) AS day,
               random() < 0.4 AS placed, random() * 60 - 10 AS lat, random() * 120 - 20 AS lon
        FROM range(?) t(i)
        """,
        [n_countries, n_countries, len(SECTORS), len(SECTORS), len(CODES), events],
    )
    con.execute(
        "CREATE TEMP TABLE mm AS SELECT i, j, row_number() OVER (ORDER BY i, j) - 1 AS m"
        " FROM (SELECT i, unnest(range(n)) AS j FROM ev)"
    )
    total = con.execute("SELECT count(*) FROM mm").fetchone()
    assert total is not None
    params: dict[str, Any] = {
        "countries": COUNTRIES,
        "sectors": SECTORS,
        "codes": [c[0] for c in CODES],
        "roots": [c[1] for c in CODES],
        "quads": [c[2] for c in CODES],
        "types": [c[3] for c in CODES],
        "gold": [c[4] for c in CODES],
        "verbs": [c[5] for c in CODES],
    }
    # The target country: never the source (the next one along instead).
    base = """
        SELECT ev.*, mm.j, mm.m, 'a' || lpad(CAST(mm.m // 3 AS VARCHAR), 10, '0') AS article_id,
               CAST(mm.m % 3 AS INTEGER) AS idx,
               $countries[si] AS sc,
               $countries[CASE WHEN ti_raw = si THEN ti_raw % len($countries) + 1 ELSE ti_raw END] AS tc,
               $sectors[ss] AS ssec, $sectors[ts] AS tsec, $codes[ci] AS code, $roots[ci] AS root,
               $quads[ci] AS quad, $types[ci] AS ptype, $gold[ci] AS gold, $verbs[ci] AS verb,
               'ev' || lpad(printf('%x', ev.i), 16, '0') AS event_id
        FROM ev JOIN mm USING (i)
    """
    con.execute(f"CREATE TEMP TABLE rep AS {base}", params)
    con.execute(
        """
        INSERT INTO articles
        SELECT article_id, md5(article_id), 'Report ' || article_id,
               'https://news.example/' || article_id, 'outlet' || CAST(hash(article_id) % 500 AS BIGINT),
               min(day), $langs[CAST(1 + hash(article_id) % len($langs) AS BIGINT)],
               string_agg(sc || ' ' || verb || ' ' || tc || ' on ' || day || '. '
                          || 'Officials described the talks and the fighting at length, '
                          || 'and analysts expected more statements in the coming days.', ' '
                          ORDER BY idx),
               count(*), TIMESTAMP '2025-01-01' + to_microseconds(min(m)),
               NULL  -- copy_of
        FROM rep GROUP BY article_id
        """,
        {"langs": LANGUAGES},
    )
    con.execute(
        """
        INSERT INTO mentions
        SELECT article_id, idx, article_id || '#' || idx, event_id, 0, 'asserted', 0.9, day,
               'day', day, sc || '|' || ssec || '|' || tc || '|' || tsec, code, 'CAMEO ' || code,
               root, quad, gold, ptype, NULL, CASE WHEN quad = 4 THEN ['military'] ELSE [] END,
               sc || ' ' || ssec, sc, ssec, sc || ssec, tc || ' ' || tsec, tc, tsec, tc || tsec,
               sc || ' ' || verb || ' ' || tc || ' on ' || day || '.', 0, verb,
               length(sc) + 1, length(sc) + 1 + length(verb), 'synthetic', NULL,
               CASE WHEN placed THEN 'Place ' || (i % 5000) END,
               CASE WHEN placed THEN 1000000 + i % 5000 END, CASE WHEN placed THEN 'city' END,
               CASE WHEN placed THEN tc END, CASE WHEN placed THEN '01' END,
               CASE WHEN placed THEN lat END, CASE WHEN placed THEN lon END,
               json_object('source', json_object('text', sc, 'start', 0, 'end', 3,
                                                 'cameo_code', sc || ssec, 'reason', 'synthetic'),
                           'target', json_object('text', tc, 'start', length(sc) + length(verb) + 2,
                                                 'end', length(sc) + length(verb) + 5,
                                                 'cameo_code', tc || tsec, 'reason', 'synthetic')),
               NULL, NULL, NULL, NULL, NULL, NULL,  -- modality cue and attribution
               'synthetic', false, false, NULL  -- merge reason, dateline place, headline, admin1
        FROM rep
        """
    )
    con.execute(
        """
        INSERT INTO actors
        SELECT article_id, idx, role, CASE role WHEN 'source' THEN sc ELSE tc END,
               CASE role WHEN 'source' THEN 0 ELSE length(sc) + length(verb) + 2 END,
               CASE role WHEN 'source' THEN 3 ELSE length(sc) + length(verb) + 5 END,
               CASE role WHEN 'source' THEN sc ELSE tc END,
               CASE role WHEN 'source' THEN sc ELSE tc END,
               CASE role WHEN 'source' THEN ssec ELSE tsec END,
               CASE role WHEN 'source' THEN sc || ssec ELSE tc || tsec END, 'state', 'synthetic'
        FROM rep, (SELECT unnest(['source', 'target']) AS role)
        """
    )
    con.execute(
        """
        INSERT INTO events
        SELECT event_id, i, true, sc || '|' || ssec || '|' || tc || '|' || tsec,
               article_id, idx,
               sc || ' ' || ssec, sc, ssec, sc || ssec, tc || ' ' || tsec, tc, tsec, tc || tsec,
               code, 'CAMEO ' || code, root, quad, gold, ptype, NULL,
               CASE WHEN quad = 4 THEN ['military'] ELSE [] END, 'asserted', 0.9, day, day,
               CASE WHEN placed THEN 'Place ' || (i % 5000) END,
               CASE WHEN placed THEN 1000000 + i % 5000 END, CASE WHEN placed THEN 'city' END,
               CASE WHEN placed THEN tc END, CASE WHEN placed THEN '01' END,
               CASE WHEN placed THEN lat END, CASE WHEN placed THEN lon END,
               CASE WHEN placed THEN article_id END,
               CASE WHEN placed THEN 0 END, n, n, n, least(n, 500),
               TIMESTAMP '2025-01-01' + to_microseconds(m),
               r_sentence, r_start, r_trigger, r_trigger_start, r_trigger_end,
               a_source, a_title, a_url, a_language, NULL
        FROM rep
        JOIN (SELECT article_id AS r_article, idx AS r_idx, evidence_sentence AS r_sentence,
                     sentence_start AS r_start, trigger_text AS r_trigger,
                     trigger_start AS r_trigger_start, trigger_end AS r_trigger_end
              FROM mentions) ON r_article = rep.article_id AND r_idx = rep.idx
        JOIN (SELECT id AS a_id, source AS a_source, title AS a_title, url AS a_url,
                     language AS a_language FROM articles) ON a_id = rep.article_id
        WHERE j = 0  -- an event's first report is its representative
        """
    )
    con.execute("CHECKPOINT")
    con.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Peak(threading.Thread):
    """Samples a process's RSS every 50 ms and keeps the highest."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.05):
            try:
                self.peak = max(self.peak, self.process.memory_info().rss)
            except psutil.Error:
                return


def timed(client: httpx.Client, url: str, params: dict[str, Any] | None = None) -> float:
    start = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{url} {params}: {response.status_code} {response.text[:300]}")
    return elapsed * 1000


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


# -- shared with benchmarks/dashboard.py ---------------------------------------------------------


def store_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, help="Store to build (or reuse, with --keep).")
    parser.add_argument("--keep", action="store_true", help="Keep the store; reuse it if present.")


@contextlib.contextmanager
def bench_store(args: argparse.Namespace, prefix: str) -> Iterator[Path]:
    """The store ``--db`` names (a temporary one without it), built unless ``--keep`` finds it
    there; removed afterwards unless ``--keep``."""
    folder = None
    db: Path = args.db
    if db is None:
        folder = tempfile.TemporaryDirectory(prefix=prefix)
        db = Path(folder.name) / "bench.duckdb"
    try:
        if not (args.keep and db.exists()):
            db.unlink(missing_ok=True)
            start = time.perf_counter()
            build_store(db, args.events)
            print(f"built {args.events:,} events in {time.perf_counter() - start:.0f} s")
        yield db
    finally:
        if folder is not None and not args.keep:
            folder.cleanup()


def busy_dyads(db: Path, n: int) -> list[tuple[str, str]]:
    """The ``n`` dyads with the most events."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT source_country, target_country FROM events GROUP BY ALL"
            " ORDER BY count(*) DESC LIMIT ?",
            [n],
        ).fetchall()
    return [(str(a), str(b)) for a, b in rows]


@contextlib.contextmanager
def served(db: Path, port: int, query_seconds: int) -> Iterator[subprocess.Popen[bytes]]:
    """``dyadwatch serve`` on 127.0.0.1:``port``, up (``/api/v1/stats`` answers, within a
    minute) until the block ends."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [sys.executable, "-c", "from dyadwatch.cli import main; main()", "serve", "--db", str(db),
         "--port", str(port), "--query-seconds", str(query_seconds)],
        env=env, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/stats", timeout=5):
                    break
            except OSError:
                time.sleep(0.1)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=60)


def measure(db: Path, requests: int, rng: random.Random) -> dict[str, Any]:
    busy = busy_dyads(db, 50)
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute(
            "SELECT event_id FROM events USING SAMPLE reservoir(2000 ROWS) REPEATABLE (7)"
        ).fetchall()]  # fmt: skip
    port = free_port()
    out: dict[str, Any] = {}
    with served(db, port, 120) as server:
        peak = Peak(server.pid)
        peak.start()
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v1", timeout=300) as client:
                _measure(client, psutil.Process(server.pid), busy, ids, requests, rng, out)
        finally:
            peak.stop.set()
            peak.join()
    out["rss"] = peak.peak
    return out


def _measure(client: httpx.Client, process: psutil.Process, busy: list[tuple[str, str]],
             ids: list[str], requests: int, rng: random.Random, out: dict[str, Any]) -> None:
    def cpu() -> float:
        times = process.cpu_times()
        return float(times.user + times.system)

    dyads = busy + [tuple(rng.sample(COUNTRIES, 2)) for _ in range(50)]
    for a, b in dyads[:5]:  # warm-up
        timed(client, f"/dyads/{a}/{b}/series", {"by": "month"})
    before = cpu()
    out["series"] = [
        timed(client, f"/dyads/{a}/{b}/series", {"by": "month"})
        for a, b in (dyads[i % len(dyads)] for i in range(requests))
    ]
    out["series_cpu"] = (cpu() - before) * 1000 / requests
    pages = []
    before = cpu()
    for i in range(requests):
        a, b = rng.choice(dyads)
        params = rng.choice([
            {"source": a},
            {"dyad": f"{a},{b}"},
            {"source": a + "MIL", "cameo": "19"},
            {"cameo": rng.choice(["04", "11", "19", "172"]), "start": "2022-01-01",
             "end": "2022-06-30"},
            {"target": b, "min_sources": "3"},
            {"place_country": b, "quad_class": "4"},
            {},
        ])  # fmt: skip
        params["limit"] = "100"
        if i % 5 == 4:
            first = client.get("/events", params=params).json()
            if first["next_cursor"]:
                params["cursor"] = first["next_cursor"]
        pages.append(timed(client, "/events", params))
    out["page"] = pages
    out["page_cpu"] = (cpu() - before) * 1000 / (requests + requests // 5)
    before = cpu()
    out["detail"] = [
        timed(client, f"/events/{rng.choice(ids)}") for _ in range(requests * 2)
    ]
    out["detail_cpu"] = (cpu() - before) * 1000 / (requests * 2)
    before = cpu()
    out["signals"] = [timed(client, "/signals", {"by": "month"}) for _ in range(3)]
    out["signals_cpu"] = (cpu() - before) * 1000 / 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    store_arguments(parser)
    parser.add_argument("--requests", type=int, default=100, help="Requests per kind.")
    args = parser.parse_args(argv)
    with bench_store(args, "dyadwatch-api-") as db:
        with duckdb.connect(str(db), read_only=True) as con:
            counts = [con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                      for t in ("events", "mentions", "articles", "actors")]  # fmt: skip
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
        print("events {:,}  mentions {:,}  articles {:,}  actors {:,}".format(*counts))
        print(f"store on disk: {size / 1e9:.2f} GB")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        result = measure(db, args.requests, random.Random(7))
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        targets = {"series": 100, "page": 150, "detail": 50}
        for kind, target in targets.items():
            p50, p95 = percentiles(result[kind])
            verdict = "ok" if p95 < target else "MISSED"
            print(
                f"{kind:8s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  (target p95 < {target} ms:"
                f" {verdict}); server CPU {result[kind + '_cpu']:.1f} ms a request"
            )
        signals = result["signals"]
        print("signals  " + ", ".join(f"{s / 1000:.2f} s" for s in signals)
              + f"  (target < 3 s: {'ok' if max(signals) < 3000 else 'MISSED'});"
              f" server CPU {result['signals_cpu'] / 1000:.2f} s a request")  # fmt: skip
        rss = result["rss"] / 1e9
        print(f"server peak RSS {rss:.2f} GB  (target < 1.5 GB: {'ok' if rss < 1.5 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
