"""dyadwatch watch: feeds from a local server (127.0.0.1), faults, politeness, state, CLI."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import main
from dyadwatch.errors import InputError
from dyadwatch.feeds.config import FeedConfig, WatchConfig, load_config
from dyadwatch.feeds.fetch import Fetcher, Limits
from dyadwatch.feeds.watch import Watcher
from dyadwatch.ingest import ingest
from dyadwatch.store.store import Store
from feed_server import FeedServer, Page, build_site, gzip_bomb

from fake_coder import FakeCoder

FAST = Limits(
    host_delay=0.0, read_timeout=2.0, deadline=2.0, max_feed_bytes=10_000_000, max_retry_after=1.0
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer(build_site(12, copies=2, german=1)) as srv:
        yield srv


def config(srv: FeedServer, paths: list[str] | None = None) -> WatchConfig:
    paths = paths or list(srv.site.feeds)
    return WatchConfig(tuple(FeedConfig(srv.base + p, f"Outlet{p}", 900.0) for p in paths))


def watcher(srv: FeedServer, store: Store, **kw: object) -> Watcher:
    return Watcher(
        config(srv, kw.pop("paths", None)),  # type: ignore[arg-type]
        store,
        FakeCoder(),
        fetcher=Fetcher("dyadwatch-test", FAST),
        out=io.StringIO(),
        log=lambda line: None,
        seed=1,
        **kw,  # type: ignore[arg-type]
    )


def test_cycle_stores_codes_and_skips_copies_and_german(server: FeedServer) -> None:
    with Store.open(":memory:") as store:
        report = watcher(server, store).cycle()
        t = report.tally
        assert report.errors == []
        assert (t.new, t.copies, t.not_supported, t.coded) == (15, 2, 1, 12)
        rows = store.connection.execute(
            "SELECT id, copy_of, language, n_mentions, source FROM articles"
        ).fetchall()
        copies = {r[0]: r[1] for r in rows if r[1] is not None}
        base = server.base
        assert copies == {
            f"{base}/syndicated/0.html": f"{base}/news/0.html",
            f"{base}/syndicated/1.html": f"{base}/news/1.html",
        }
        assert {r[2] for r in rows if "/de/" in r[0]} == {"de"}
        assert all(r[3] == 0 for r in rows if r[1] is not None or r[2] != "en")
        assert {r[4] for r in rows} == {
            f"Outlet/feeds/{k}" for k in ("rss", "atom", "json", "sitemap")
        }


def test_second_cycle_uses_conditional_get_and_reads_only_new_items(server: FeedServer) -> None:
    with Store.open(":memory:") as store:
        w = watcher(server, store)
        w.cycle()
        page_hits = server.site.hits.get("/news/0.html")
        second = w.cycle(force=True)
        assert (second.fetched, second.tally.new) == (0, 0)
        assert server.site.hits.get("/news/0.html") == page_hits
        server.site.add_page(
            "/feeds/rss",
            Page(
                "/news/new.html",
                "New",
                "France met Germany in Paris on 2020-09-01. " * 3,
                server.site.pages["/news/0.html"].published,
            ),
        )
        third = w.cycle(force=True)
        assert (third.fetched, third.tally.new, third.tally.coded) == (1, 1, 1)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("malformed", "malformed feed"),
        ("html", "an HTML page, not a feed"),
        ("latin1", "not valid utf-8 text"),
        ("huge", "limit is"),
        ("gzipbomb", "body larger than"),
        ("redirect", "more than 5 redirects"),
        pytest.param("hang", "timed out", marks=pytest.mark.slow),  # waits for the timeout
        ("items100k", "100,000 items"),
        ("500", "HTTP 500"),
    ],
)
def test_a_broken_feed_is_reported_and_the_others_go_on(
    server: FeedServer, fault: str, message: str
) -> None:
    server.site.faults["/feeds/rss"] = fault
    if fault == "gzipbomb":
        gzip_bomb()  # built before the clock starts
    with Store.open(":memory:") as store:
        report = watcher(server, store).cycle()
        [error] = report.errors
        assert error.startswith(server.base + "/feeds/rss: ") and message in error
        assert report.tally.new > 0
        rss = store.connection.execute(
            "SELECT count(*) FROM feed_items WHERE feed_url LIKE '%/feeds/rss'"
        ).fetchone()
        assert rss == (0,)  # nothing half-stored from the broken feed
        state = store.connection.execute(
            "SELECT failures, last_error IS NOT NULL, next_poll > last_poll FROM feeds"
            " WHERE url LIKE '%/feeds/rss'"
        ).fetchone()
        assert state == (1, True, True)


@pytest.mark.slow  # waits for the page deadline
def test_a_page_that_never_ends_is_reported_for_its_feed(server: FeedServer) -> None:
    server.site.faults["/news/0.html"] = "neverending"
    with Store.open(":memory:") as store:
        report = watcher(server, store).cycle()
        [error] = report.errors
        assert "/news/0.html" in error and "did not end in time" in error
        status = store.connection.execute(
            "SELECT status, tries FROM feed_items WHERE url LIKE '%/news/0.html'"
        ).fetchone()
        assert status == ("error", 1)


@pytest.mark.slow  # waits out a Retry-After
def test_410_disables_the_feed_and_429_honours_retry_after(server: FeedServer) -> None:
    server.site.faults["/feeds/rss"] = "410"
    server.site.faults["/feeds/atom"] = "429"
    with Store.open(":memory:") as store:
        w = watcher(server, store)
        w.cycle()
        rows = dict(
            (url.rsplit("/", 1)[1], (disabled, (next_poll - last_poll).total_seconds()))
            for url, disabled, next_poll, last_poll in store.connection.execute(
                "SELECT url, disabled, next_poll, last_poll FROM feeds"
            ).fetchall()
        )
        assert rows["rss"][0] is True
        assert rows["atom"][0] is False and rows["atom"][1] >= 120  # Retry-After: 120
        hits = server.site.hits["/feeds/rss"]
        w.cycle(force=True)
        assert server.site.hits["/feeds/rss"] == hits  # a disabled feed is not polled


def test_robots_txt_is_respected() -> None:
    site = build_site(4)
    site.add_page(
        "/feeds/rss",
        Page(
            "/private/1.html",
            "P",
            "France met Germany. " * 10,
            site.pages["/news/0.html"].published,
        ),
    )
    with FeedServer(site) as srv, Store.open(":memory:") as store:
        report = watcher(srv, store).cycle()
        assert any("disallowed by robots.txt" in e for e in report.errors)
        assert "/private/1.html" not in srv.site.hits


def test_feed_list_errors_name_file_and_entry(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n  - url: https://a.example/rss\n    outlet: A\n    interval: 15m\n"
        "  - url: https://b.example/rss\n    outlet: B\n    interval: soon\n"
    )
    with pytest.raises(InputError, match=r"feeds.yaml: feed 2 \(https://b.example/rss\): interval"):
        load_config(path)
    path.write_text("feeds:\n  - url: ftp://a\n    outlet: A\n    interval: 1h\n")
    with pytest.raises(InputError, match="feed 1: 'url' must be an http"):
        load_config(path)
    path.write_text(
        "feeds:\n  - url: https://a.example/\n    outlet: A\n    interval: 1h\n    include: ['(']\n"
    )
    with pytest.raises(InputError, match="'include' pattern"):
        load_config(path)


def test_ingest_stores_copies_and_languages(tmp_path: Path) -> None:
    site = build_site(3, copies=1, german=1)
    records = [
        {"id": p.path, "text": p.body, "source": "S", "date": p.published.isoformat()}
        for p in site.pages.values()
    ]
    records.append(
        {
            "id": "fr",
            "text": "Le gouvernement a annoncé mardi de nouvelles mesures.",
            "language": "fr",
        }
    )
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    summary = ingest(
        [tmp_path / "in.jsonl"], db=tmp_path / "c.duckdb", coder=FakeCoder()
    )
    assert summary.copies == 1
    assert dict(summary.languages) == {"de": 1, "fr": 1}
    with Store.open(tmp_path / "c.duckdb", read_only=True) as store:
        copy = store.connection.execute(
            "SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL"
        ).fetchall()
        assert copy == [("/syndicated/0.html", "/news/0.html")]
    again = ingest(
        [tmp_path / "in.jsonl"], db=tmp_path / "c.duckdb", coder=FakeCoder()
    )
    assert (again.unchanged, again.copies, again.coded) == (len(records), 0, 0)


def test_cli_watch_once_and_feeds(server: FeedServer, tmp_path: Path) -> None:
    yaml_file = tmp_path / "feeds.yaml"
    yaml_file.write_text(
        "feeds:\n"
        + "".join(
            f"  - url: {server.base}{p}\n    outlet: O{i}\n    interval: 15m\n"
            for i, p in enumerate(server.site.feeds)
        )
    )
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(
        main,
        [
            "watch",
            str(yaml_file),
            "--db",
            str(db),
            "--once",
            "--delay",
            "0",
            "--coder",
            "fake_coder:FakeCoderFactory",
            "--signals-feed",
            str(tmp_path / "s.atom"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        "cycle 1: feeds 4, fetched 15, new 15, copies 2, non-English 1 (de 1), coded 12"
        in result.output
    )
    listing = CliRunner().invoke(main, ["feeds", "--db", str(db)])
    assert listing.exit_code == 0, listing.output
    assert "O0" in listing.output and "UTC" in listing.output
    bad = CliRunner().invoke(main, ["watch", str(tmp_path / "nope.yaml"), "--once"])
    assert bad.exit_code == 1 and "nope.yaml: cannot read" in bad.output


class _StopAfterFirstChunk(FakeCoder):
    """Asks the watcher to stop (as SIGTERM does) while its first chunk is being coded."""

    def __init__(self) -> None:
        super().__init__()
        self.watcher: Watcher | None = None
        self.stopped = False

    def code_articles(self, articles):  # type: ignore[no-untyped-def]
        assert self.watcher is not None
        if not self.stopped:
            self.watcher.request_stop()
            self.stopped = True
        yield from super().code_articles(articles)


def test_stop_ends_the_cycle_after_the_chunk_being_stored(server: FeedServer) -> None:
    coder = _StopAfterFirstChunk()
    with Store.open(":memory:") as store:
        w = Watcher(
            config(server),
            store,
            coder,
            fetcher=Fetcher("t", FAST),
            chunk_size=4,
            out=io.StringIO(),
            log=lambda line: None,
        )
        coder.watcher = w
        report = w.cycle()
        assert report.stopped
        stored = store.connection.execute("SELECT count(*) FROM articles").fetchone()
        assert stored is not None and 4 <= stored[0] < 15
        etags = store.connection.execute("SELECT count(etag) FROM feeds").fetchone()
        assert etags is not None and etags[0] < 4  # feeds with items left keep no validator
        w.stop_requested.clear()
        again = w.cycle(force=True)
        total = store.connection.execute("SELECT count(*) FROM articles").fetchone()
        assert total == (15,) and again.tally.new == 15 - stored[0]


def test_worker_processes_are_kept_from_cycle_to_cycle(server: FeedServer, tmp_path: Path) -> None:
    from fake_coder import FakeCoderFactory

    log = tmp_path / "pids"
    with Store.open(":memory:") as store:
        w = Watcher(
            config(server),
            store,
            FakeCoderFactory(log=str(log)),
            workers=2,
            fetcher=Fetcher("t", FAST),
            chunk_size=4,
            out=io.StringIO(),
            log=lambda line: None,
        )
        try:
            first = w.cycle()
            server.site.add_page(
                "/feeds/rss",
                Page(
                    "/news/late.html",
                    "Late",
                    "Japan met China on 2020-09-02. " * 5,
                    server.site.pages["/news/0.html"].published,
                ),
            )
            second = w.cycle(force=True)
        finally:
            w.close_pool()
    assert (first.tally.coded, second.tally.coded) == (12, 1)
    assert len(log.read_text().split()) <= 2  # each worker built its coder once


def test_a_feed_with_more_new_items_than_a_cycle_takes_is_read_over_cycles(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyadwatch.feeds import harvest

    monkeypatch.setattr(harvest, "MAX_NEW_PER_FEED", 2)
    with Store.open(":memory:") as store:
        w = watcher(server, store)
        first = w.cycle()
        assert first.fetched == 8
        etags = store.connection.execute("SELECT count(etag) FROM feeds").fetchone()
        assert etags == (0,)  # the next poll must list the rest again
        fetched = [w.cycle(force=True).fetched for _ in range(2)]
        assert fetched == [7, 0]
        total = store.connection.execute("SELECT count(*) FROM articles").fetchone()
        assert total == (15,)


def test_new_signals_are_printed_once_with_evidence_and_kept_in_atom(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    from feed_server import demo_site

    with FeedServer(demo_site()) as srv, Store.open(":memory:") as store:
        out = io.StringIO()
        atom = tmp_path / "signals.atom"
        w = watcher(srv, store, signals_feed=atom)
        w.out = out
        report = w.cycle()
        lines = [json.loads(line)["signal"] for line in out.getvalue().splitlines()]
        assert report.signals == len(lines) >= 1
        conflict = [s for s in lines if s["dyad"] == "RUS-UKR" and s["group"] == "conflict"]
        assert {s["kind"] for s in conflict} == {"first", "rise"}
        assert conflict[0]["evidence"][0]["source"] == "RUSGOV"
        assert conflict[0]["evidence"][0]["url"].startswith(srv.base + "/news/")
        # the same signals as `dyadwatch signals` finds for each dyad that received events
        from dyadwatch.feeds.alerts import signal_key
        from dyadwatch.watch.signals import find_signals

        con = store.connection
        expected = {
            signal_key(s) for pair in report.tally.dyads for s in find_signals(con, dyad=pair)
        }
        reported = {r[0] for r in con.execute("SELECT key FROM watch_signals").fetchall()}
        assert reported == expected
        entries = ElementTree.parse(atom).getroot().findall("{http://www.w3.org/2005/Atom}entry")
        assert len(entries) == len(lines)
        srv.site.add_page(
            "/feeds/rss",
            Page(
                "/news/extra.html",
                "Extra",
                "Kenya met Brazil on 2020-06-29. " * 5,
                srv.site.pages["/news/0.html"].published,
            ),
        )
        again = w.cycle(force=True)
        assert again.tally.coded == 1 and again.signals == 0  # nothing new to report


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    import random

    from dyadwatch.feeds.state import MAX_BACKOFF, backoff

    rng = random.Random(5)
    for failures in range(1, 12):
        wait = backoff(600.0, failures, rng)
        base = min(MAX_BACKOFF, 600.0 * 2 ** (failures - 1))
        assert 0.5 * base <= wait < 1.5 * base
    waits = {round(backoff(600.0, 3, rng)) for _ in range(20)}
    assert len(waits) > 10  # jittered, not one value


def test_a_stop_during_fetching_leaves_the_pages_for_the_next_run(server: FeedServer) -> None:
    with Store.open(":memory:") as store:
        w = watcher(server, store)
        w.request_stop()  # as if SIGTERM came while the feeds were polled
        report = w.cycle()
        assert (report.fetched, report.tally.new, report.errors) == (0, 0, [])
        etags = store.connection.execute("SELECT count(etag) FROM feeds").fetchone()
        assert etags == (0,)
        w.stop_requested.clear()
        assert w.cycle(force=True).tally.new == 15


@pytest.mark.slow  # waits for the deadline
def test_a_trickling_response_ends_at_the_deadline_not_when_the_server_stops(
    server: FeedServer,
) -> None:
    import time

    from dyadwatch.feeds.fetch import FetchError

    server.site.faults["/news/0.html"] = "neverending"  # trickles for 8 s
    fetcher = Fetcher("t", FAST)  # deadline 2 s
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not end in time"):
        fetcher.get(server.base + "/news/0.html", "page")
    assert time.monotonic() - started < 6.0


def test_include_and_exclude_patterns_choose_page_urls() -> None:
    feed = FeedConfig(
        "https://a.example/rss", "A", 900.0, include=("/world/",), exclude=("/sport/",)
    )
    assert feed.wants("https://a.example/world/1.html")
    assert not feed.wants("https://a.example/politics/1.html")
    assert not feed.wants("https://a.example/world/sport/1.html")
