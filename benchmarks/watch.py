"""Articles per second of ``dyadwatch watch --once`` from the local feed server, side by side
with ``dyadwatch ingest`` of the same articles as HTML files, both with the same coder and
workers, each in a fresh process, wall time including model loading.

    .venv/bin/python benchmarks/watch.py                       # 200 articles, 2 workers
    .venv/bin/python benchmarks/watch.py --repeats 3           # medians, runs alternating
    .venv/bin/python benchmarks/watch.py --articles 50 --coder fake_coder:FakeCoderFactory

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
import time
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


def run(args: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", CLI, *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed:\n{result.stderr[-2000:]}")
    return time.monotonic() - started


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
        times: dict[str, list[float]] = {"ingest": [], "watch": []}
        counts: dict[str, int] = {}
        for r in range(args.repeats):
            for name in ("ingest", "watch") if r % 2 == 0 else ("watch", "ingest"):
                db = folder / f"{name}{r}.duckdb"
                if name == "ingest":
                    command = ["ingest", str(pages), "--db", str(db), "-q"]
                else:
                    command = ["watch", str(feeds), "--db", str(db), "--once", "--delay", "0"]
                times[name].append(run([*command, *workers, *coder], env))
                counts[name] = stored(db)
    ingest_s, watch_s = (statistics.median(times[n]) for n in ("ingest", "watch"))
    n_ingest, n_watch = counts["ingest"], counts["watch"]
    rate_i, rate_w = n_ingest / ingest_s, n_watch / watch_s
    print(
        f"{args.articles} articles, {args.workers} workers, coder {args.coder or 'model'},"
        f" median of {args.repeats} run(s) each, wall time including model loading"
    )
    print(
        f"ingest (HTML files)    {n_ingest:5d} stored  {ingest_s:7.1f} s  {rate_i:6.2f} articles/s"
    )
    print(f"watch --once (feeds)   {n_watch:5d} stored  {watch_s:7.1f} s  {rate_w:6.2f} articles/s")
    print(f"ratio watch/ingest     {rate_w / rate_i:.2f}")


if __name__ == "__main__":
    main()
