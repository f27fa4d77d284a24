"""How fast the dashboard's overview and dyad explorer become usable on a large store, timed in
a real browser (Debian's chromium through playwright).

    .venv/bin/python benchmarks/dashboard.py --events 1000000        # the quicker run
    .venv/bin/python benchmarks/dashboard.py                         # 10 million events
    .venv/bin/python benchmarks/dashboard.py --db big.duckdb --keep  # build once, reuse

The store is ``benchmarks/api.py``'s synthetic one (same builder). The script starts
``dyadwatch serve`` on a free 127.0.0.1 port and, one page at a time, measures from navigation
start:

* **interactive**: the page's ``load`` event (HTML, stylesheet and script in, the server's
  queries done: totals, weekly chart, latest events; or the dyad's series and charts). This is
  the figure the target (< 1 s) is about;
* **complete**: the parts the page's script fetches afterwards: the overview's top signals
  (the signal test over the whole store, then cached for a minute) and the actor-code list
  of the autocomplete.

Each kind is measured cold (first visit after the server starts: nothing cached) and warm
(the next visits), over the 10 busiest and 10 random dyads for the explorer. Requests leaving
127.0.0.1 are refused and counted (there should be none).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


def _api_bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_api", ROOT / "benchmarks" / "api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def visit(page: Any, url: str, then: str | None = None) -> tuple[float, float]:
    """Milliseconds to the load event, and to ``then`` (a selector) appearing."""
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=300_000)
    loaded = time.perf_counter()
    if then:
        page.wait_for_selector(then, state="attached", timeout=300_000)
    done = time.perf_counter()
    return (loaded - start) * 1000, (done - start) * 1000


def summary(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:8.0f} ms"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):6.0f} ms  p95 {p95:6.0f} ms  (n={len(values)})"


def measure(db: Path, dyads: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    api = _api_bench()
    rng = random.Random(7)
    pairs = api.busy_dyads(db, dyads) + [tuple(rng.sample(api.COUNTRIES, 2)) for _ in range(dyads)]
    port = api.free_port()
    base = f"http://127.0.0.1:{port}"
    out: dict[str, list[float]] = {}
    outside: list[str] = []
    with api.served(db, port, 300), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()

        def guard(route: Any) -> None:
            if route.request.url.startswith(base + "/"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        signals = "#top-signals[data-loaded]"
        codes = "datalist#actor-codes[data-loaded]"
        cold = [visit(page, base + "/", signals)]
        warm = [visit(page, base + "/", signals) for _ in range(5)]
        out["overview interactive, cold"] = [cold[0][0]]
        out["overview with signals, cold"] = [cold[0][1]]
        out["overview interactive, warm"] = [w[0] for w in warm]
        out["overview with signals, warm"] = [w[1] for w in warm]
        first = visit(page, f"{base}/dyad?a={pairs[0][0]}&b={pairs[0][1]}&by=month", codes)
        out["dyad interactive, first"] = [first[0]]
        out["dyad with autocomplete, first"] = [first[1]]
        runs = [visit(page, f"{base}/dyad?a={a}&b={b}&by=month", codes) for a, b in pairs]
        out["dyad interactive (month)"] = [r[0] for r in runs]
        out["dyad with autocomplete"] = [r[1] for r in runs]
        weeks = [visit(page, f"{base}/dyad?a={a}&b={b}&by=week&start=2023-01-01")[0]
                 for a, b in pairs[:dyads]]  # fmt: skip
        out["dyad interactive (week, 2 years)"] = weeks
        browser.close()
    out["requests leaving 127.0.0.1"] = [float(len(outside))]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    api = _api_bench()
    api.store_arguments(parser)
    parser.add_argument("--dyads", type=int, default=10, help="Busy (and random) dyads visited.")
    args = parser.parse_args(argv)
    if not Path("/usr/bin/chromium").exists():
        print("needs Debian's chromium at /usr/bin/chromium", file=sys.stderr)
        return 1
    with api.bench_store(args, "dyadwatch-dash-") as db:
        with duckdb.connect(str(db), read_only=True) as con:
            n = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        print(f"store: {n:,} events; load average {os.getloadavg()[0]:.1f}")
        for name, values in measure(db, args.dyads).items():
            if name.startswith("requests"):
                print(f"{name:36s} {values[0]:.0f}")
            else:
                print(f"{name:36s} {summary(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
