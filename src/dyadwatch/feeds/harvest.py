"""Polling one feed and fetching one page (each run by the watcher's threads), and choosing
the items of a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from dyadwatch.feeds import state
from dyadwatch.feeds.config import FeedConfig
from dyadwatch.feeds.fetch import Fetcher, FetchError, Response
from dyadwatch.feeds.pages import PageError, page_article
from dyadwatch.feeds.parse import FeedError, FeedItem, parse_feed
from dyadwatch.records import Article

MAX_NEW_PER_FEED = 500
"""New pages fetched from one feed in one cycle (the rest wait for the next)."""


@dataclass
class Poll:
    """One feed's answer in a cycle."""

    feed: FeedConfig
    response: Response | None = None
    items: list[FeedItem] = field(default_factory=list)
    error: FetchError | FeedError | None = None
    truncated: bool = False
    """More new items than one cycle takes: the validators are not saved, so that the next
    poll lists them again."""

    @property
    def problem(self) -> str:
        """The error without the feed URL (which reports put first)."""
        if isinstance(self.error, FetchError):
            return self.error.problem
        return str(self.error)


def poll_feed(fetcher: Fetcher, feed: FeedConfig, s: state.FeedState) -> Poll:
    """A conditional GET of the feed and its items (none for a 304 or an error)."""
    headers = {}
    if s.etag:
        headers["If-None-Match"] = s.etag
    if s.last_modified:
        headers["If-Modified-Since"] = s.last_modified
    poll = Poll(feed)
    try:
        poll.response = fetcher.get(feed.url, "feed", headers)
        if poll.response.status != 304:
            r = poll.response
            poll.items = parse_feed(r.body, r.url, r.content_type, r.charset)
    except (FetchError, FeedError) as exc:
        poll.error = exc
    return poll


def new_items(
    con: duckdb.DuckDBPyConnection, polls: list[Poll]
) -> list[tuple[FeedConfig, FeedItem]]:
    """The items to fetch: those no feed listed before (passing the feed's include/exclude),
    then those that failed fewer than ``state.MAX_TRIES`` times; each URL once per cycle."""
    work: list[tuple[FeedConfig, FeedItem]] = []
    taken: set[str] = set()
    for poll in polls:
        if poll.error is not None:
            continue
        items = [i for i in poll.items if poll.feed.wants(i.url)]
        known = state.known_items(con, [i.url for i in items])
        fresh = [i for i in items if i.url not in known and i.url not in taken]
        retry = [FeedItem(u) for u in state.retry_items(con, poll.feed.url) if u not in taken]
        chosen = (fresh + retry)[:MAX_NEW_PER_FEED]
        poll.truncated = len(fresh) + len(retry) > len(chosen)
        for item in chosen:
            taken.add(item.url)
            work.append((poll.feed, item))
    return work


def fetch_page(fetcher: Fetcher, feed: FeedConfig, item: FeedItem) -> Article | str:
    """The item's article, or what went wrong."""
    try:
        response = fetcher.get(item.url, "page")
        return page_article(response, item, feed)
    except FetchError as exc:
        return exc.problem
    except PageError as exc:
        return str(exc)
