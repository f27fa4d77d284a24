"""Articles per second of ``dyadwatch watch --once`` from the local feed server, side by side
with ``dyadwatch ingest`` of the same articles as HTML files, both with the same coder and
workers, each in a fresh process, wall time including model loading.

    .venv/bin/python benchmarks/watch.py                       # 200 articles, 2 workers
    .venv/bin/python benchmarks/watch.py --repeats 3           # medians, runs alternating
    .venv/bin/python benchmarks/watch.py --articles 50 --coder fake_coder:FakeCoderFactory
    .venv/bin/python benchmarks/watch.py --articles 40 --only watch   # watch's memory alone

Each run's memory is sampled every 0.2 s: the peak, over the run, of the PSS summed over the
run's process tree (``/proc/PID/smaps_rollup``: a page shared by N processes counts 1/N in each,
so the sum counts it once), and the most processes seen at once.

The articles are benchmarks/corpus.py's synthetic wire copy (about 500 words each), served as
pages by tests/feed_server.py on 127.0.0.1 over four feeds (RSS, Atom, JSON Feed, sitemap).
Watch runs with ``--delay 0`` (no per-host pacing: every page comes from one local host, and
the default of one request a second would measure the pacing, not dyadwatch). The ratio
watch/ingest is the figure to read; the target is at least 0.9.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from corpus import synthetic_corpus  # noqa: E402

from feed_server import FeedServer, Page, Site, page_html  # noqa: E402

CLI = "import sys; from dyadwatch.cli import main; sys.exit(main())"


def site_of(records: list[dict[str, object]]) -> Site:
    site = Site()
    for kind in ("rss", "atom", "json", "sitemap"):
        site.feeds[f"/feeds/{kind}"] = (kind, [])
    kinds = list(site.feeds)
    for i, r in enumerate(records):
        day = date.fromisoformat(str(r["date"]))
        body = str(r["text"]).replace("\n\n", " ")
        site.add_page(kinds[i % 4], Page(f"/news/{i}.html", str(r["title"]), body, day))
    return site


@dataclass(frozen=True)
class Run:
    seconds: float
    pss_mb: float
    """Peak PSS of the process tree, in MB."""
    processes: int
    """Most processes of the tree alive at one sample."""


def tree_of(root: int) -> list[int]:
    """``root`` and its descendants, from each process's parent in ``/proc/PID/stat``."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])  # the name may hold spaces
        parents.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(parents.get(pid, []))
    return tree


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:  # ended meanwhile
        pass
    return 0


def run(args: list[str], env: dict[str, str]) -> Run:
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CLI, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = {"pss": 0, "processes": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            tree = tree_of(child.pid)
            peak["pss"] = max(peak["pss"], sum(pss_kb(pid) for pid in tree))
            peak["processes"] = max(peak["processes"], len(tree))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = child.communicate()
    done.set()
    sampler.join()
    seconds = time.monotonic() - started
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed:\n{stderr[-2000:]}")
    return Run(seconds, peak["pss"] / 1000, peak["processes"])


def stored(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
    finally:
        con.close()
    return int(row[0]) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--coder", help="MODULE:NAME coder factory (default: the real model)")
    parser.add_argument(
        "--repeats", type=int, default=1, help="runs of each, alternating; medians reported"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["ingest", "watch"],
        default=["ingest", "watch"],
        help="run only these (the memory of one, say)",
    )
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])}
    coder = ["--coder", args.coder] if args.coder else []
    records = synthetic_corpus(args.articles)
    site = site_of(records)
    with tempfile.TemporaryDirectory() as tmp, FeedServer(site) as server:
        folder = Path(tmp)
        pages = folder / "pages"
        pages.mkdir()
        for path, page in site.pages.items():
            # the same page, named so that ingest's id (the file stem) is unique
            (pages / f"{Path(path).stem}.html").write_text(page_html(page), encoding="utf-8")
        feeds = folder / "feeds.yaml"
        feeds.write_text(
            "feeds:\n"
            + "".join(
                f"  - url: {server.base}{p}\n    outlet: Bench {p}\n    interval: 15m\n"
                for p in site.feeds
            )
        )
        workers = ["--workers", str(args.workers)]
        runs: dict[str, list[Run]] = {name: [] for name in args.only}
        counts: dict[str, int] = {}
        for r in range(args.repeats):
            for name in args.only if r % 2 == 0 else args.only[::-1]:
                db = folder / f"{name}{r}.duckdb"
                if name == "ingest":
                    command = ["ingest", str(pages), "--db", str(db), "-q"]
                else:
                    command = ["watch", str(feeds), "--db", str(db), "--once", "--delay", "0"]
                runs[name].append(run([*command, *workers, *coder], env))
                counts[name] = stored(db)
    print(
        f"{args.articles} articles, {args.workers} workers, coder {args.coder or 'model'},"
        f" median of {args.repeats} run(s) each, wall time including model loading;"
        " memory: peak PSS of the process tree"
    )
    rates: dict[str, float] = {}
    for name, label in (("ingest", "ingest (HTML files)"), ("watch", "watch --once (feeds)")):
        if name not in runs:
            continue
        seconds = statistics.median(r.seconds for r in runs[name])
        pss = statistics.median(r.pss_mb for r in runs[name])
        processes = max(r.processes for r in runs[name])
        rates[name] = counts[name] / seconds
        print(
            f"{label:22} {counts[name]:5d} stored  {seconds:7.1f} s  {rates[name]:6.2f} articles/s"
            f"  PSS {pss:7,.0f} MB  ({processes} processes)"
        )
    if len(rates) == 2:
        print(f"ratio watch/ingest     {rates['watch'] / rates['ingest']:.2f}")

if __name__ == "__main__":
    main()
