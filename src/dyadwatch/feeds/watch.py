"""The watch cycle: poll the due feeds, fetch their new pages, code and store the new articles
through the ingest pipeline, report new signals. ``docs/watch.md`` explains running it.

Feeds and pages are fetched by a pool of threads, each request bounded in time and size
(``fetch.Fetcher``), so one hanging or broken feed never stalls the others; every problem is
reported for its feed or page and the cycle goes on. Articles are stored in chunks, each in one
transaction with its ``feed_items`` rows; a feed's validators (ETag, Last-Modified) are saved
only once all its new items are stored. A stop request (SIGTERM) ends the cycle after the chunk
being stored.
"""

from __future__ import annotations

import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import duckdb

from dyadwatch.errors import WorkerError
from dyadwatch.feeds import state
from dyadwatch.feeds.alerts import new_signals, print_signals, write_atom
from dyadwatch.feeds.config import FeedConfig, WatchConfig
from dyadwatch.feeds.fetch import Fetcher, FetchError, Limits
from dyadwatch.feeds.harvest import Poll, fetch_page, new_items, poll_feed
from dyadwatch.feeds.parse import FeedItem
from dyadwatch.feeds.pipeline import Screener, Tally, code_and_store
from dyadwatch.parallel import CoderFactory, CoderLike, shut_down, worker_pool
from dyadwatch.records import Article
from dyadwatch.store.store import Store, check_writable


@dataclass
class CycleReport:
    number: int
    feeds: int = 0
    fetched: int = 0
    """Pages fetched."""
    tally: Tally = field(default_factory=Tally)
    signals: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    stopped: bool = False

    def line(self) -> str:
        t = self.tally
        langs = ", ".join(f"{k} {v}" for k, v in sorted(t.languages.items()))
        return (
            f"cycle {self.number}: feeds {self.feeds}, fetched {self.fetched},"
            f" new {t.new + t.changed}, copies {t.copies},"
            f" non-English {t.not_supported}{f' ({langs})' if langs else ''}, coded {t.coded},"
            f" events {t.mentions}, new signals {self.signals}, errors {len(self.errors)}"
            f" ({self.seconds:.1f} s){' - stopped' if self.stopped else ''}"
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Watcher:
    """Runs watch cycles over one feed list and one store."""

    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        coder: CoderLike | CoderFactory,
        *,
        fetcher: Fetcher | None = None,
        workers: int = 1,
        scheduler: str | None = None,
        chunk_size: int = 64,
        threads: int = 8,
        signals_feed: Path | None = None,
        signals_by: str = "month",
        out: TextIO | None = None,
        log: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] = _now,
        seed: int | None = None,
        pool: ProcessPoolExecutor | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        """``pool``: worker processes built by the caller (``watch`` builds them before any
        thread starts, to fork them), which the watcher then owns and shuts down; ``stop``: the
        event that asks it to stop (a signal handler's)."""
        self.config = config
        self.store = store
        self.coder = coder
        self.fetcher = fetcher or Fetcher(config.user_agent)
        self.workers = workers
        self.scheduler = scheduler
        self.chunk_size = chunk_size
        self.threads = threads
        self.signals_feed = signals_feed
        self.signals_by = signals_by
        self.out = out or sys.stdout
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.clock = clock
        self.rng = random.Random(seed)
        self.stop_requested = stop if stop is not None else threading.Event()
        self.cycles = 0
        self.screener = Screener(store)
        self._pool = pool
        state.sync_feeds(self.store.connection, config.feeds)

    def request_stop(self) -> None:
        self.stop_requested.set()

    def _worker_pool(self) -> ProcessPoolExecutor | None:
        """Worker processes kept from cycle to cycle: the caller's, else spawned here (each
        loads the model once). The store is open, so its database's threads are alive: a pool
        made here, first or after a worker died, is never forked."""
        if self.workers <= 1 or self.scheduler is not None or isinstance(self.coder, CoderLike):
            return None
        if self._pool is None:
            self._pool = worker_pool(self.coder, self.workers)
        return self._pool

    def close_pool(self) -> None:
        """End the worker processes, waiting a bounded time (``parallel.shut_down``)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            shut_down(pool)

    # -- the loop ---------------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> None:
        """Cycle until asked to stop (``once``: one cycle over the due feeds)."""
        try:
            while not self.stop_requested.is_set():
                self.cycle()
                if once:
                    return
                self.stop_requested.wait(self.seconds_to_next())
        finally:
            self.close_pool()

    def seconds_to_next(self) -> float:
        """Seconds until the next feed is due (at least 1, at most an hour)."""
        states = state.load_states(self.store.connection)
        now = self.clock()
        waits = [
            (s.next_poll - now).total_seconds() if s.next_poll is not None else 0.0
            for f in self.config.feeds
            if (s := states.get(f.url)) is not None and not s.disabled
        ]
        return min(3600.0, max(1.0, min(waits, default=3600.0)))

    # -- one cycle --------------------------------------------------------------------------------

    def cycle(self, *, force: bool = False) -> CycleReport:
        """Poll the due feeds (``force``: every enabled feed), store what is new."""
        started = time.monotonic()
        self.cycles += 1
        report = CycleReport(self.cycles)
        now = self.clock()
        con = self.store.connection
        states = state.load_states(con)
        due = [
            f
            for f in self.config.feeds
            if (s := states.get(f.url)) is not None
            and not s.disabled
            and (force or s.next_poll is None or s.next_poll <= now)
        ]
        report.feeds = len(due)
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            polls = list(pool.map(lambda f: poll_feed(self.fetcher, f, states[f.url]), due))
            work = new_items(con, polls)
            # After a stop request the pages not yet fetched are left for the next run.
            pages = list(pool.map(lambda fi: self._fetch(*fi), work))
        report.fetched = sum(1 for p in pages if isinstance(p, Article))
        for poll in polls:
            if poll.error is not None:
                report.errors.append(f"{poll.feed.url}: {poll.problem}")
        failed_pages: list[tuple[str, str, str | None, str, str | None]] = []
        articles: list[Article] = []
        owner: dict[str, str] = {}
        skipped: set[str] = set()
        for (feed, item), page in zip(work, pages, strict=True):
            if page is None:
                skipped.add(feed.url)
            elif isinstance(page, str):
                report.errors.append(f"{feed.url}: {item.url}: {page}")
                failed_pages.append((item.url, feed.url, None, "error", page))
            elif item.url not in owner:
                owner[item.url] = feed.url
                articles.append(page)
        state.mark_items(con, failed_pages, now)

        def also(
            con: duckdb.DuckDBPyConnection,
            stored: Sequence[Article],
            failed: Sequence[tuple[Article, str]],
        ) -> None:
            rows: list[tuple[str, str, str | None, str, str | None]] = [
                (a.id, owner[a.id], a.id, "stored", None) for a in stored if a.id in owner
            ]
            rows += [(a.id, owner[a.id], None, "failed", p) for a, p in failed if a.id in owner]
            state.mark_items(con, rows, now)

        tally = report.tally
        try:
            code_and_store(
                articles,
                self.store,
                self.coder,
                screener=self.screener,
                tally=tally,
                workers=self.workers,
                scheduler=self.scheduler,
                chunk_size=self.chunk_size,
                also=also,
                stop=self.stop_requested.is_set,
                pool=self._worker_pool(),
            )
        except WorkerError as exc:
            # The articles not stored are listed again by the next cycle; new workers then.
            report.errors.append(f"coding: {exc}")
            self.close_pool()
            self.screener = Screener(self.store)
        for article, problem in tally.failures:
            report.errors.append(f"{owner.get(article.id, '?')}: {article.id}: {problem}")
        report.stopped = self.stop_requested.is_set()
        self._save_polls(polls, articles, owner, now, skipped)
        if tally.dyads and not report.stopped:
            fresh = new_signals(self.store.connection, tally.dyads, now, by=self.signals_by)
            report.signals = len(fresh)
            print_signals(self.out, fresh)
            if self.signals_feed is not None and fresh:
                write_atom(self.signals_feed, self.store.connection)
        self.fetcher.pacer.forget_idle()
        report.seconds = time.monotonic() - started
        self.log(report.line())
        for problem in report.errors[:20]:
            self.log(f"  error: {problem}")
        if len(report.errors) > 20:
            self.log(f"  ... and {len(report.errors) - 20} more errors")
        return report

    def _fetch(self, feed: FeedConfig, item: FeedItem) -> Article | str | None:
        if self.stop_requested.is_set():
            return None
        return fetch_page(self.fetcher, feed, item)

    def _save_polls(
        self,
        polls: list[Poll],
        articles: list[Article],
        owner: dict[str, str],
        now: datetime,
        skipped: set[str],
    ) -> None:
        """Save each feed's state; its validators only when every item it listed this cycle
        is in ``feed_items`` (stored, or failed and to be tried again)."""
        con = self.store.connection
        met = dict(
            con.execute(
                "SELECT url, status FROM feed_items WHERE url IN (SELECT unnest(?::VARCHAR[]))",
                [[a.id for a in articles]],
            ).fetchall()
        )
        per_feed: Counter[str] = Counter()
        missing = set(skipped)
        for article in articles:
            feed_url = owner[article.id]
            if met.get(article.id) == "stored":
                per_feed[feed_url] += 1
            elif article.id not in met:
                missing.add(feed_url)
        for poll in polls:
            feed = poll.feed
            if poll.error is not None:
                self._save_error(poll, now)
                continue
            assert poll.response is not None
            complete = feed.url not in missing and not poll.truncated
            headers = poll.response.headers if complete else {}
            state.record_success(
                con,
                feed.url,
                now,
                state.after(now, feed.interval),
                etag=headers.get("etag"),
                last_modified=headers.get("last-modified"),
                articles=per_feed[feed.url],
            )

    def _save_error(self, poll: Poll, now: datetime) -> None:
        con = self.store.connection
        feed, error = poll.feed, poll.error
        assert error is not None
        row = con.execute("SELECT failures FROM feeds WHERE url = ?", [feed.url]).fetchone()
        failures = (int(row[0]) if row is not None else 0) + 1
        wait = state.backoff(feed.interval, failures, self.rng)
        gone = isinstance(error, FetchError) and error.status == 410
        if isinstance(error, FetchError) and error.retry_after is not None:
            wait = max(wait, min(error.retry_after, state.MAX_BACKOFF))
        if gone:
            self.log(f"warning: {feed.url} answered 410 Gone: feed disabled")
        state.record_error(con, feed.url, now, poll.problem, state.after(now, wait), disable=gone)


def watch(
    config: WatchConfig,
    db: str | Path | None,
    coder: CoderLike | CoderFactory,
    *,
    once: bool = False,
    workers: int = 1,
    scheduler: str | None = None,
    limits: Limits | None = None,
    chunk_size: int = 64,
    signals_feed: Path | None = None,
    signals_by: str = "month",
    stop: threading.Event | None = None,
    out: TextIO | None = None,
    log: Callable[[str], None] | None = None,
) -> int:
    """Watch the feeds of ``config`` into the store at ``db`` until ``stop`` is set (``once``:
    one cycle over the due feeds, then return); returns the number of cycles run.

    With ``workers`` > 1 and a coder factory (no ``scheduler``), the worker processes are made
    first, before anything starts a thread (the fetching threads, the store's database): on
    Linux the coder is then loaded once here and the workers are forked from this process,
    sharing its pages (``parallel.worker_pool``); where forking is not safe they are spawned and
    each loads its own. The same workers code every cycle, and are ended when the run ends,
    normally, by Ctrl-C or by an error, within a bounded wait (``parallel.shut_down``).
    """
    pool = None
    if workers > 1 and scheduler is None and not isinstance(coder, CoderLike):
        # Made before the store is opened, also so that no worker inherits its lock files; but a
        # store another process writes is refused first, not after loading the model.
        check_writable(db)
        pool = worker_pool(coder, workers, share=True)
    fetcher = Fetcher(config.user_agent, limits if limits is not None else Limits())
    try:
        with Store.open(db) as store:
            watcher = Watcher(
                config,
                store,
                coder,
                fetcher=fetcher,
                workers=workers,
                scheduler=scheduler,
                chunk_size=chunk_size,
                signals_feed=signals_feed,
                signals_by=signals_by,
                out=out,
                log=log,
                pool=pool,
                stop=stop,
            )
            pool = None  # the watcher's now: it shuts the workers down when it stops
            watcher.run(once=once)
            return watcher.cycles
    finally:
        if pool is not None:
            shut_down(pool)
        fetcher.close()
