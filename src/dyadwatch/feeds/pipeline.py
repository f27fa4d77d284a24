"""Screen, code and store: the path every new article takes, from ``ingest`` and ``watch``.

Screening, in the main process and in input order, decides each article's fate before any
coding: its language (``language.language_of``: an unsupported one is stored, counted and not
coded) and whether it copies an earlier article (``dedup``: a copy is stored with ``copy_of``
and not coded). The rest go to the coder in chunks (serially, in worker processes or on Dask,
``parallel.code_in_order``), and each chunk is stored in one transaction with its skipped
articles, their copy links and dedup signatures, in input order. So the store is the same
whichever backend coded, and a kill loses at most the chunk being stored.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import batched
from typing import Literal

import duckdb

from dyadwatch.coder import Coded
from dyadwatch.feeds.dedup import DEFAULT_CAPACITY, DedupIndex, Signature, signature
from dyadwatch.feeds.language import language_of, supported
from dyadwatch.parallel import CoderFactory, CoderLike, code_in_order
from dyadwatch.read.dateline import beyond_horizon
from dyadwatch.records import Article, Event
from dyadwatch.store.store import Store

Fate = Literal["code", "copy", "language"]


@dataclass(frozen=True)
class Screened:
    """An article (its language filled in) and what to do with it."""

    article: Article
    fate: Fate
    copy_of: str | None = None
    signature: Signature | None = None
    seq: int | None = None


class Screener:
    """Language and copy checks, with the dedup index rebuilt from the store."""

    def __init__(self, store: Store, capacity: int = DEFAULT_CAPACITY) -> None:
        self.index = DedupIndex.load(store.connection, capacity)

    def screen(self, article: Article) -> Screened:
        language = language_of(article)
        if language != article.language:
            article = dataclasses.replace(article, language=language)
        self.index.discard(article.id)  # a changed text is judged afresh
        if not supported(language):
            return Screened(article, "language")
        sig = signature(article.text)
        if sig is None:
            return Screened(article, "code")
        original = self.index.original_of(article.id, sig)
        if original is not None:
            return Screened(article, "copy", copy_of=original)
        return Screened(article, "code", signature=sig, seq=self.index.add(article.id, sig))

    def forget(self, article_id: str) -> None:
        """An original that could not be coded (not stored) leaves the index."""
        self.index.discard(article_id)


@dataclass
class Tally:
    """What a run of the pipeline did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    copies: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    """Articles stored uncoded because of their language, by language."""
    coded: int = 0
    mentions: int = 0
    dyads: set[tuple[str, str]] = field(default_factory=set)
    """Country pairs (sorted) of the events stored."""
    failures: list[tuple[Article, str]] = field(default_factory=list)
    undated: int = 0
    """Articles coded with no publication date (none in metadata, ``--date``, the file name or
    the text): their events are dated only where the text gives a full date."""
    undated_mentions: int = 0
    """Mentions of those articles with no date, which no period of a series can count."""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(where, what) of problems that did not stop an article (an impossible date, an
    unreadable dateline)."""

    @property
    def not_supported(self) -> int:
        return sum(self.languages.values())


Also = Callable[[duckdb.DuckDBPyConnection, Sequence[Article], Sequence[tuple[Article, str]]], None]
"""Writes more rows in a chunk's transaction, given the articles stored and those that failed."""


def code_and_store(
    articles: Iterable[Article],
    store: Store,
    coder: CoderLike | CoderFactory,
    *,
    screener: Screener,
    tally: Tally,
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int = 64,
    also: Also | None = None,
    on_chunk: Callable[[int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> bool:
    """Screen ``articles`` in order, code those to code, store every chunk in one transaction.

    ``on_chunk(n)`` is called after each stored chunk with its number of articles; ``stop()`` is
    asked after each: when true, the run ends there (the chunks in flight are dropped, and the
    next run screens and codes them again) and True is returned."""
    pending: deque[list[Screened]] = deque()

    def to_code() -> Iterator[list[Article]]:
        for chunk in batched(articles, chunk_size):
            screened = [screener.screen(a) for a in chunk]
            pending.append(screened)
            yield [s.article for s in screened if s.fate == "code"]

    results = code_in_order(to_code(), coder, workers=workers, scheduler=scheduler, pool=pool)
    try:
        for coded in results:
            _store_chunk(store, pending.popleft(), coded, screener, tally, also)
            if on_chunk is not None:
                on_chunk(len(coded))
            if stop is not None and stop():
                return True
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    return False


def _store_chunk(
    store: Store,
    screened: list[Screened],
    coded: list[Coded],
    screener: Screener,
    tally: Tally,
    also: Also | None,
) -> None:
    results = iter(coded)
    items: list[tuple[Article, Sequence[Event]]] = []
    failed: list[tuple[Article, str]] = []
    links: list[tuple[str, str | None]] = []
    signatures: list[tuple[str, int, bytes]] = []
    kept: list[Screened] = []
    for s in screened:
        if s.fate == "code":
            result = next(results)
            if result.error is not None:
                failed.append((s.article, result.error))
                screener.forget(s.article.id)
                continue
            items.append((_dated(s.article, result, tally), result.events))
            if s.signature is not None and s.seq is not None:
                signatures.append((s.article.id, s.seq, s.signature.to_bytes()))
        else:
            items.append((s.article, ()))
        links.append((s.article.id, s.copy_of))
        kept.append(s)
    stored = [a for a, _ in items]

    def write(con: duckdb.DuckDBPyConnection) -> None:
        if links:
            ids = [i for i, _ in links]
            con.execute(
                "UPDATE articles SET copy_of = v.c FROM (SELECT unnest(?::VARCHAR[]) AS i,"
                " unnest(?::VARCHAR[]) AS c) v WHERE articles.id = v.i",
                [ids, [c for _, c in links]],
            )
            con.execute(
                "DELETE FROM article_minhash WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            )
        if signatures:
            con.execute(
                "INSERT INTO article_minhash SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]),"
                " unnest(?::BLOB[])",
                [
                    [a for a, _, _ in signatures],
                    [q for _, q, _ in signatures],
                    [b for _, _, b in signatures],
                ],
            )
        if also is not None:
            also(con, stored, failed)

    outcomes = store.add_many(items, also=write)
    for (article, events), outcome, fate in zip(items, outcomes, kept, strict=True):
        setattr(tally, outcome, getattr(tally, outcome) + 1)
        if outcome == "unchanged":
            continue
        if fate.fate == "copy":
            tally.copies += 1
        elif fate.fate == "language":
            tally.languages[article.language] += 1
        else:
            tally.coded += 1
            tally.mentions += len(events)
            for event in events:
                pair = _pair(event)
                if pair is not None:
                    tally.dyads.add(pair)
    tally.failed += len(failed)
    tally.failures.extend(failed)


def _dated(article: Article, coded: Coded, tally: Tally) -> Article:
    """The article as stored: its date as the coder used it (none beyond the horizon, else the
    one read from its text), with the undated counted and the coder's warnings kept."""
    if article.date is not None and beyond_horizon(article.date):
        article = dataclasses.replace(article, date=None)  # the coder ignored it too
    if article.date is None and coded.published is not None:
        article = dataclasses.replace(article, date=coded.published)  # from the text
    if article.date is None:
        tally.undated += 1
        tally.undated_mentions += sum(e.date.value is None for e in coded.events)
    for message in dict.fromkeys((*coded.article.warnings, *coded.warnings)):
        where, sep, what = message.partition(": ")
        tally.warnings.append((where, what) if sep else (article.id, message))
    return article


def _pair(event: Event) -> tuple[str, str] | None:
    source = event.source.country if event.source is not None else None
    target = event.target.country if event.target is not None else None
    if source is None or target is None or source == target:
        return None
    return (source, target) if source < target else (target, source)
