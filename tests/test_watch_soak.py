"""Watch over many cycles and through kills: every article stored once, none coded twice,
copies linked, the store equal to one ingest of the same articles, memory flat."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psutil
import pytest

from dyadwatch.feeds.config import FeedConfig, WatchConfig
from dyadwatch.feeds.fetch import Fetcher, Limits
from dyadwatch.feeds.watch import Watcher
from dyadwatch.ingest import ingest
from dyadwatch.store.store import Store
from feed_server import GERMAN, FeedServer, Page, Site, build_site, english_text

from fake_coder import LoggingFakeCoderFactory

# killed processes and twenty watch cycles: many seconds each
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
FAST = Limits(host_delay=0.0, read_timeout=2.0, deadline=3.0, max_retry_after=1.0)
FEED_FAULTS = ["500", "malformed", "html", "429", "latin1"]


def dump(db: Path, order: str = "id") -> tuple[list[Any], ...]:
    with Store.open(db, read_only=True) as store:
        con = store.connection
        return (
            con.execute("SELECT * EXCLUDE (coded_at) FROM articles ORDER BY id").fetchall(),
            con.execute("SELECT * FROM mentions ORDER BY article_id, idx").fetchall(),
            con.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
            con.execute("SELECT * EXCLUDE (added_at) FROM events ORDER BY event_id").fetchall(),
        )


def publish(
    site: Site, rng: random.Random, start: int, n: int, day0: date, family: dict[str, str]
) -> None:
    feeds = list(site.feeds)
    for i in range(start, start + n):
        day = day0 + timedelta(days=i // 10)
        roll = rng.random()
        news = [p for p in list(site.pages)[-30:] if p.startswith("/news/")]
        if roll < 0.05 and news:
            original = site.pages[rng.choice(news)]
            family[f"/copy/{i}.html"] = original.path
            if original is not None:
                text = original.body.replace("from the desk", "from a partner agency")
                site.add_page(
                    rng.choice(feeds),
                    Page(f"/copy/{i}.html", original.title, text, original.published),
                )
                continue
        if roll < 0.07:
            site.add_page(
                rng.choice(feeds),
                Page(f"/de/{i}.html", f"Bericht {i}", GERMAN + f" Nummer {i}.", day, "de"),
            )
            continue
        site.add_page(
            rng.choice(feeds), Page(f"/news/{i}.html", f"Story {i}", english_text(i, day), day)
        )


def export_in_store_order(db: Path, out: Path) -> None:
    with Store.open(db, read_only=True) as store:
        rows = store.connection.execute(
            "SELECT a.id, a.text, a.title, a.url, a.source, a.date FROM articles a"
            " JOIN feed_items f ON f.article_id = a.id ORDER BY a.rowid"
        ).fetchall()
    with out.open("w") as stream:
        for id_, text, title, url, source, day in rows:
            record = {
                "id": id_,
                "text": text,
                "title": title,
                "url": url,
                "source": source,
                "date": day.isoformat() if day else None,
            }
            stream.write(json.dumps(record) + "\n")


def test_soak_twenty_cycles_with_faults(tmp_path: Path) -> None:
    rng = random.Random(7)
    site = build_site(0)
    site.window = 60
    log = tmp_path / "coded.log"
    with FeedServer(site) as srv:
        config = WatchConfig(tuple(FeedConfig(srv.base + p, f"O{p}", 900.0) for p in site.feeds))
        db = tmp_path / "watch.duckdb"
        process = psutil.Process()
        rss: list[int] = []
        faulted_pages: set[str] = set()
        family: dict[str, str] = {}
        with Store.open(db) as store:
            w = Watcher(
                config,
                store,
                LoggingFakeCoderFactory(str(log)),
                fetcher=Fetcher("t", FAST),
                out=io.StringIO(),
                log=lambda line: None,
                seed=3,
                chunk_size=64,
            )
            for cycle in range(20):
                publish(site, rng, cycle * 50, 50, date(2020, 1, 6), family)
                site.faults.clear()
                if cycle < 19:  # the last cycle runs clean so that everything lands
                    site.faults[rng.choice(list(site.feeds))] = rng.choice(FEED_FAULTS)
                    page = rng.choice([p for p in site.pages if p not in faulted_pages])
                    faulted_pages.add(page)
                    site.faults[page] = "500"
                w.cycle(force=True)
                rss.append(process.memory_info().rss)
            w.cycle(force=True)  # failed pages are tried again
        coded = Counter(log.read_text().split())
    assert coded and max(coded.values()) == 1, "an article was coded twice"
    with Store.open(db, read_only=True) as store:
        con = store.connection
        ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
        links = con.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL").fetchall()
        languages = dict(
            con.execute("SELECT language, count(*) FROM articles GROUP BY 1").fetchall()
        )
    assert len(ids) == len(set(ids)) == len(site.pages) == 1000
    assert {srv.base + p for p in site.pages} == set(ids)
    # Each syndicated copy and its original form a family: the first of them stored is the
    # original (a copy in a healthy feed can come before its original in a faulted one).
    copy_of = dict(links)
    families: dict[str, set[str]] = {}
    for copy, original in family.items():
        families.setdefault(srv.base + original, {srv.base + original}).add(srv.base + copy)
    for members in families.values():
        originals = [m for m in members if m not in copy_of]
        assert len(originals) == 1, members
        assert all(copy_of[m] == originals[0] for m in members if m != originals[0])
    assert set(copy_of) <= {m for ms in families.values() for m in ms}
    assert languages["de"] == sum(1 for p in site.pages if p.startswith("/de/"))
    assert set(coded) == {i for i in ids if i not in copy_of and "/de/" not in i}
    export_in_store_order(db, tmp_path / "same.jsonl")
    ingest(
        [tmp_path / "same.jsonl"],
        db=tmp_path / "ingest.duckdb",
        coder=LoggingFakeCoderFactory(str(tmp_path / "i.log")),
    )
    assert dump(db) == dump(tmp_path / "ingest.duckdb")
    growth = rss[-1] - rss[4]
    assert growth < 60_000_000, f"RSS grew by {growth / 1e6:.0f} MB over 15 cycles"


def test_sigkill_during_a_cycle_loses_nothing_and_codes_nothing_twice(tmp_path: Path) -> None:
    site = build_site(160, copies=8, german=4)
    with FeedServer(site) as srv:
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(
            "feeds:\n"
            + "".join(
                f"  - url: {srv.base}{p}\n    outlet: O{p}\n    interval: 1m\n" for p in site.feeds
            )
        )
        env = {
            **os.environ,
            "PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'tests'}",
            "DYADWATCH_TEST_CODED_LOG": str(tmp_path / "coded.log"),
        }
        command = [
            sys.executable,
            "-m",
            "dyadwatch.cli",
            "watch",
            str(feeds),
            "--db",
            str(tmp_path / "k.duckdb"),
            "--once",
            "--delay",
            "0",
            "--coder",
            "fake_coder:slow_logging_factory",
        ]
        code = "import sys; from dyadwatch.cli import main; sys.exit(main())"
        command[1:3] = ["-c", code]
        kills = 0
        for wait in (1.5, 3.0, 4.5, None, None):
            proc = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            if wait is None:
                _, err = proc.communicate(timeout=300)
                assert proc.returncode == 0, err.decode()
                continue
            try:
                proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
                kills += 1
            # the feeds were polled by a killed run: make them due again
            time.sleep(0.1)
        assert kills >= 1
        with Store.open(tmp_path / "k.duckdb", read_only=True) as store:
            ids = [r[0] for r in store.connection.execute("SELECT id FROM articles").fetchall()]
            stored = dict(store.connection.execute("SELECT url, status FROM feed_items").fetchall())
            originals = {
                r[0]
                for r in store.connection.execute(
                    "SELECT id FROM articles WHERE copy_of IS NULL AND language = 'en'"
                ).fetchall()
            }
            copies = store.connection.execute(
                "SELECT count(*) FROM articles WHERE copy_of IS NOT NULL"
            ).fetchone()
    assert sorted(ids) == sorted(srv.base + p for p in site.pages)
    assert set(stored.values()) == {"stored"}
    coded = Counter((tmp_path / "coded.log").read_text().split())
    assert set(coded) == originals
    # Only the chunk being coded when a kill came is coded again (its first coding was never
    # stored); every stored article has its events once (the ids and feed items above).
    assert sum(n - 1 for n in coded.values()) <= 64 * kills
    assert copies == (8,)


def test_sigterm_ends_after_the_chunk_being_stored(tmp_path: Path) -> None:
    site = build_site(160)
    with FeedServer(site) as srv:
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(
            "feeds:\n"
            + "".join(
                f"  - url: {srv.base}{p}\n    outlet: O\n    interval: 1m\n" for p in site.feeds
            )
        )
        env = {
            **os.environ,
            "PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'tests'}",
            "DYADWATCH_TEST_CODED_LOG": str(tmp_path / "coded.log"),
        }
        code = "import sys; from dyadwatch.cli import main; sys.exit(main())"
        db = tmp_path / "t.duckdb"
        command = [sys.executable, "-c", code, "watch", str(feeds), "--db", str(db), "--once",
                   "--delay", "0", "--coder", "fake_coder:slow_logging_factory"]  # fmt: skip
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        log = tmp_path / "coded.log"
        deadline = time.monotonic() + 120
        while not log.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)  # coding has begun
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        with Store.open(db, read_only=True) as store:
            [(stored,)] = store.connection.execute("SELECT count(*) FROM articles").fetchall()
    assert "stopped" in err.decode()
    assert 0 < stored < 160 and stored % 64 == 0  # whole chunks only
