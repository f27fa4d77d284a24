"""Per-feed state in the store (``feeds`` and ``feed_items`` tables, schema migration 2).

``feeds`` keeps what polite polling needs across restarts: the validators of the last answer
(ETag, Last-Modified), when the next poll is due, consecutive failures (for back-off), the last
success and error, and whether the feed was disabled (it answered 410 Gone). ``feed_items``
keeps every page URL met: stored (with its article id, written in the same transaction as the
article), or failed with its number of tries. A validator is saved only after every new item of
that answer is stored, so a kill before then makes the next poll list the items again.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import duckdb

from dyadwatch.feeds.config import FeedConfig

MAX_TRIES = 3
"""Cycles a page that fails (fetch, extraction or coding) is tried in before it is given up."""
MAX_BACKOFF = 86_400.0


@dataclass(frozen=True)
class FeedState:
    url: str
    outlet: str
    etag: str | None
    last_modified: str | None
    last_poll: datetime | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    failures: int
    next_poll: datetime | None
    disabled: bool
    articles: int


_FIELDS = (
    "url, outlet, etag, last_modified, last_poll, last_success, last_error, last_error_at,"
    " failures, next_poll, disabled, articles"
)


def sync_feeds(con: duckdb.DuckDBPyConnection, feeds: Sequence[FeedConfig]) -> None:
    """Add the listed feeds the store does not know yet (their state starts empty)."""
    con.execute(
        "INSERT INTO feeds (url, outlet) SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])"
        " ON CONFLICT (url) DO UPDATE SET outlet = excluded.outlet",
        [[f.url for f in feeds], [f.outlet for f in feeds]],
    )


def load_states(con: duckdb.DuckDBPyConnection) -> dict[str, FeedState]:
    rows = con.execute(f"SELECT {_FIELDS} FROM feeds ORDER BY url").fetchall()
    return {str(r[0]): FeedState(*r) for r in rows}


def backoff(interval: float, failures: int, rng: random.Random) -> float:
    """Seconds to wait after ``failures`` consecutive failures: the interval doubled per failure,
    capped at a day, times a random factor in [0.5, 1.5) so that feeds failing together (one
    host down) do not come back together."""
    base = min(MAX_BACKOFF, interval * 2.0 ** max(0, failures - 1))
    return base * (0.5 + rng.random())


def record_success(
    con: duckdb.DuckDBPyConnection,
    url: str,
    now: datetime,
    next_poll: datetime,
    *,
    etag: str | None,
    last_modified: str | None,
    articles: int,
) -> None:
    con.execute(
        "UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),"
        " last_poll = ?, last_success = ?, failures = 0, next_poll = ?,"
        " articles = articles + ? WHERE url = ?",
        [etag, last_modified, now, now, next_poll, articles, url],
    )


def record_error(
    con: duckdb.DuckDBPyConnection,
    url: str,
    now: datetime,
    problem: str,
    next_poll: datetime,
    *,
    disable: bool = False,
) -> None:
    con.execute(
        "UPDATE feeds SET last_poll = ?, last_error = ?, last_error_at = ?,"
        " failures = failures + 1, next_poll = ?, disabled = disabled OR ? WHERE url = ?",
        [now, problem, now, next_poll, disable, url],
    )


def known_items(con: duckdb.DuckDBPyConnection, urls: Sequence[str]) -> dict[str, tuple[str, int]]:
    """URL -> (status, tries) of the items already met."""
    if not urls:
        return {}
    rows = con.execute(
        "SELECT url, status, tries FROM feed_items WHERE url IN (SELECT unnest(?::VARCHAR[]))",
        [list(urls)],
    ).fetchall()
    return {str(u): (str(s), int(t)) for u, s, t in rows}


def retry_items(con: duckdb.DuckDBPyConnection, feed_url: str) -> list[str]:
    """Items of a feed that failed fewer than ``MAX_TRIES`` times (tried again each poll)."""
    rows = con.execute(
        "SELECT url FROM feed_items WHERE feed_url = ? AND status <> 'stored' AND tries < ?"
        " ORDER BY seen_at, url",
        [feed_url, MAX_TRIES],
    ).fetchall()
    return [str(r[0]) for r in rows]


def mark_items(
    con: duckdb.DuckDBPyConnection,
    rows: Sequence[tuple[str, str, str | None, str, str | None]],
    now: datetime,
) -> None:
    """Record items as (url, feed_url, article_id, status, problem); a failure adds a try."""
    if not rows:
        return
    columns: list[list[Any]] = [list(c) for c in zip(*rows, strict=True)]
    con.execute(
        "INSERT INTO feed_items SELECT u, f, a, s, p, 1, ? FROM (SELECT unnest(?::VARCHAR[]) u,"
        " unnest(?::VARCHAR[]) f, unnest(?::VARCHAR[]) a, unnest(?::VARCHAR[]) s,"
        " unnest(?::VARCHAR[]) p) ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id,"
        " status = excluded.status, problem = excluded.problem,"
        " tries = feed_items.tries + CASE WHEN excluded.status = 'stored' THEN 0 ELSE 1 END",
        [now, *columns],
    )


def after(now: datetime, seconds: float) -> datetime:
    return now + timedelta(seconds=seconds)
