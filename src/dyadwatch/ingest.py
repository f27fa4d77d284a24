"""``ingest``: read articles, code the new and changed ones, store and merge them.

>>> summary = ingest(["news/"], db="corpus.duckdb", workers=2)   # doctest: +SKIP

Two passes over the inputs: the first reads every article and compares its content hash with the
store, so a progress display knows how many articles need coding (and unchanged ones are never
coded); the second codes those, in chunks, serially or in parallel, and the main process stores
each coded chunk in one transaction, in input order. Before coding, each article's language is
detected and near-duplicates of earlier articles are found (``feeds.pipeline``): both are
stored but not coded. The articles to code are kept in memory
between the passes while they fit in ``MEMORY_BUDGET`` bytes of text; beyond that the second
pass reads the inputs again (stdin is always kept).

Killing ingest at any moment loses at most the chunk being stored; running it again codes what
is missing and ends with the same database as one uninterrupted run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dyadwatch.errors import InputError, StoreError
from dyadwatch.feeds.pipeline import Screener, Tally, code_and_store
from dyadwatch.parallel import (
    CoderFactory,
    CoderLike,
    ModelCoderFactory,
    shut_down,
    worker_pool,
)
from dyadwatch.read.articles import StdinFormat, read_articles_with_origin
from dyadwatch.records import Article
from dyadwatch.store.store import MEMORY, WRITER_THREADS, Store
from dyadwatch.terminal import text

if TYPE_CHECKING:
    from rich.console import RenderableType

Reader = Callable[[list[str | Path]], Iterator[tuple[str, Article | InputError]]]
"""Reads inputs as ``read_articles_with_origin`` does, with this run's options bound."""

MEMORY_BUDGET = 256_000_000
"""Characters of article text kept between the two passes before falling back to re-reading."""

DateFrom = Literal["name"]
"""Where ``ingest`` looks for a date besides the metadata: ``"name"``, the file's name."""

DEFAULT_CHUNK = 64
"""Articles per coding task and per store transaction. Each transaction costs about 0.2 s of
fixed DuckDB work (inserts, merging): 64 articles a chunk store in 5.5 ms each, 32 in 8 ms."""


@dataclass(frozen=True)
class Problem:
    """An input that could not be read, or an article that could not be coded."""

    where: str
    problem: str


@dataclass(frozen=True)
class IngestSummary:
    db: str
    seen: int
    """Articles read (valid ones; unreadable inputs are in ``errors``)."""
    new: int
    changed: int
    unchanged: int
    failed: int
    """Articles the coder could not code (not stored; the next run tries again)."""
    mentions: int
    """Mentions (coded Event records) stored by this run."""
    events: int
    """Merged events in the store after the run."""
    merged_events: int
    """Events in the store reported by more than one article."""
    seconds: float
    errors: tuple[Problem, ...] = field(default=())
    stopped: bool = False
    """True when ``should_stop`` ended the run early (after a stored chunk)."""
    undated: int = 0
    """Articles coded with no publication date (none in metadata, ``--date``, the file name or
    the text): their events are dated only where the text gives a full date."""
    undated_mentions: int = 0
    """Mentions of those articles with no date, which no period of a series can count."""
    warnings: tuple[Problem, ...] = field(default=())
    """Problems that did not stop an article (an impossible date, an unreadable dateline)."""
    copies: int = 0
    """Articles stored as copies of an earlier one (``articles.copy_of``), not coded."""
    languages: tuple[tuple[str, int], ...] = ()
    """(language, articles) stored uncoded because the coder does not read that language."""

    @property
    def not_supported(self) -> int:
        return sum(n for _, n in self.languages)

    @property
    def coded(self) -> int:
        """Articles given to the coder (copies and unsupported languages are not)."""
        return self.new + self.changed + self.failed - self.copies - self.not_supported


@dataclass
class _Scan:
    """The first pass: what to code, what failed to read."""

    seen: int = 0
    unchanged: int = 0
    to_code: set[int] = field(default_factory=set)
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    sizes: list[int] = field(default_factory=list)
    unchanged_at: set[int] = field(default_factory=set)
    cache: dict[int, Article] | None = field(default_factory=dict)  # by position, in order
    stdin: dict[int, Article] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    cached_chars: int = 0


def ingest(
    paths: Sequence[str | Path],
    *,
    db: str | Path | None = None,
    coder: CoderLike | CoderFactory | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    merge_window_days: int | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    stdin_format: StdinFormat = "auto",
    on_read: Callable[[int], None] | None = None,
    on_chunk: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    date: Date | None = None,
    date_from: DateFrom | None = None,
    follow_symlinks: bool = False,
) -> IngestSummary:
    """Ingest articles from ``paths`` (files, folders, globs, ``-``) into the store at ``db``.

    ``coder`` is a coder (serial coding) or a picklable factory that builds one in each worker;
    by default dyadwatch's own Coder with the default settings (the CLI passes
    ``ModelCoderFactory(settings)`` with the environment's and its options). ``workers`` codes in that many
    local processes; ``scheduler`` codes on an existing Dask cluster at that address.
    The library draws nothing: ``on_read(read)`` is called as the first pass reads each
    article (articles read so far), and ``on_chunk(done, total)`` once when the first pass ends,
    with ``done`` 0, then after each stored chunk (articles coded so far, and to code in all);
    the CLI draws its progress bar from them. ``should_stop()`` is asked after each stored chunk;
    when it answers true the run ends there (the summary says ``stopped``) and a later run codes
    the rest. ``date`` dates every article its own metadata does not date; ``date_from="name"``
    takes that date from each file's name (``2024-03-14-kyiv.txt``) instead, then ``date``.
    Articles still undated are dated from their dateline (see read/dateline.py). Symlinks in a
    folder that lead out of it are reported, not read, unless ``follow_symlinks``.
    """
    started = time.monotonic()
    dating = _Dating(date, date_from)
    factory = coder if coder is not None else ModelCoderFactory()
    read = partial(
        read_articles_with_origin, stdin_format=stdin_format, follow_symlinks=follow_symlinks
    )

    def code(store: Store, scan: _Scan, pool: ProcessPoolExecutor | None) -> IngestSummary:
        if on_chunk is not None:
            on_chunk(0, len(scan.to_code))
        tally = Tally(unchanged=scan.unchanged)
        done = 0

        def stored(n: int) -> None:
            nonlocal done
            done += n
            if on_chunk is not None:
                on_chunk(done, len(scan.to_code))

        try:
            stopped = code_and_store(
                _articles_to_code(paths, scan, read, dating),
                store,
                factory,
                screener=Screener(store),
                tally=tally,
                workers=workers,
                scheduler=scheduler,
                chunk_size=chunk_size,
                on_chunk=stored,
                stop=should_stop,
                pool=pool,
            )
        except StoreError as exc:
            kept = tally.new + tally.changed + tally.copies + tally.not_supported
            raise StoreError(
                f"{exc}; {kept} article(s) of this run were stored before it, the rest were "
                "not: fix the cause and run the same command again to continue"
            ) from exc
        errors = list(scan.errors)
        for article, problem in tally.failures:
            where = scan.origins.get((article.id, article.content_hash), article.id)
            errors.append(Problem(where, problem))
        totals = store.counts()
        where = str(store.path) if store.path is not None else MEMORY
        return IngestSummary(
            db=where,
            seen=scan.seen,
            new=tally.new,
            changed=tally.changed,
            unchanged=tally.unchanged,
            failed=tally.failed,
            mentions=tally.mentions,
            events=totals.events,
            merged_events=totals.merged_events,
            seconds=time.monotonic() - started,
            errors=tuple(errors),
            stopped=stopped,
            undated=tally.undated,
            undated_mentions=tally.undated_mentions,
            warnings=tuple(Problem(where, what) for where, what in tally.warnings),
            copies=tally.copies,
            languages=tuple(sorted(tally.languages.items())),
        )

    with Store.open(db, merge_window_days=merge_window_days, threads=WRITER_THREADS) as store:
        scan = _scan(paths, store, read, on_read, dating)
        local = workers > 1 and scheduler is None and store.path is not None
        if isinstance(factory, CoderLike) or not (local and scan.to_code):
            return code(store, scan, None)
    # The store is closed, and with it the database's threads: this process may now be one
    # thread, the one state in which it can load the model once and fork workers that share it.
    pool = worker_pool(factory, workers, share=True)
    try:
        with Store.open(db, merge_window_days=merge_window_days, threads=WRITER_THREADS) as store:
            return code(store, scan, pool)
    finally:
        shut_down(pool)  # a bounded wait, also after Ctrl-C, which the workers ignore


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


def date_in_name(name: str) -> Date | str | None:
    """The date a file name holds ("2024-03-14-kyiv.txt", "kyiv_20240314.txt"); a message when
    it holds one that is no date ("2020-13-45-x.txt"); None when it holds none."""
    m = _NAME_DATE.search(Path(name).name)
    if m is None:
        return None
    try:
        return Date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return f"no date in the file name: {m.group()!r} is not a real date (ignored)"


@dataclass(frozen=True)
class _Dating:
    """The dates ``ingest`` gives articles their metadata leaves undated."""

    date: Date | None
    date_from: DateFrom | None

    def apply(self, article: Article, origin: str) -> Article:
        if article.date is not None or (self.date is None and self.date_from is None):
            return article
        if self.date_from == "name" and origin != "<stdin>":
            file = re.sub(r":\d+$", "", origin)  # "feed.jsonl:3": the record's file
            found = date_in_name(file)
            if isinstance(found, Date):
                return replace(article, date=found)
            if isinstance(found, str):
                article = replace(article, warnings=(*article.warnings, f"{file}: {found}"))
        return replace(article, date=self.date) if self.date is not None else article


def _warning(message: str, article_id: str) -> Problem:
    """A coder warning as a Problem: "where: what" when it names its place, else the article."""
    where, sep, what = message.partition(": ")
    return Problem(where, what) if sep else Problem(article_id, message)


def _scan(
    paths: Sequence[str | Path],
    store: Store,
    read: Reader,
    on_read: Callable[[int], None] | None,
    dating: _Dating,
) -> _Scan:
    scan = _Scan()
    stored = store.stored_hashes()
    seen_at: dict[str, tuple[int, str]] = {}  # id -> (position, where) of its latest record
    position = 0
    for path in paths:
        start = position
        for origin, item in read([path]):
            position += 1
            if isinstance(item, InputError):
                scan.errors.append(Problem(item.where, item.problem))
                continue
            item = dating.apply(item, origin)
            earlier = seen_at.get(item.id)
            if earlier is not None:
                # The later record of an id replaces the earlier one (a corrected copy), and
                # says so: nothing is dropped silently and only one of them is coded.
                scan.errors.append(Problem(
                    origin,
                    f"duplicate id {item.id!r}: replaces the record read at {earlier[1]}",
                ))
                _forget(scan, earlier[0])
            else:
                scan.seen += 1
            seen_at[item.id] = (position - 1, origin)
            if on_read is not None:
                on_read(scan.seen)
            if scan.seen % 500 == 0:
                store.yield_to_readers()  # a long scan must not lock readers out
            if stored.get(item.id) == item.content_hash:
                scan.unchanged += 1
                scan.unchanged_at.add(position - 1)
                continue
            scan.to_code.add(position - 1)
            scan.origins[(item.id, item.content_hash)] = origin
            if str(path) == "-":  # stdin cannot be read twice: keep its articles
                scan.stdin[position - 1] = item
            if scan.cache is not None:
                scan.cache[position - 1] = item
                scan.cached_chars += len(item.text)
                if scan.cached_chars > MEMORY_BUDGET:
                    scan.cache = None
        scan.sizes.append(position - start)
    return scan


def _forget(scan: _Scan, position: int) -> None:
    """Undo what the first pass recorded for the record at ``position``."""
    if position in scan.unchanged_at:
        scan.unchanged_at.discard(position)
        scan.unchanged -= 1
    scan.to_code.discard(position)
    scan.stdin.pop(position, None)
    if scan.cache is not None:
        gone = scan.cache.pop(position, None)
        scan.cached_chars -= len(gone.text) if gone is not None else 0


def _articles_to_code(
    paths: Sequence[str | Path], scan: _Scan, read: Reader, dating: _Dating
) -> Iterator[Article]:
    """The second pass: the articles to code, from memory or read again."""
    if scan.cache is not None:
        yield from scan.cache.values()
        return
    position = 0
    for path, size in zip(paths, scan.sizes, strict=True):
        if str(path) == "-":
            yield from (scan.stdin[p] for p in range(position, position + size) if p in scan.stdin)
            position += size
            continue
        for origin, item in read([path]):
            if isinstance(item, Article) and position in scan.to_code:
                yield dating.apply(item, origin)
            position += 1


# -- display ------------------------------------------------------------------------------------


def summary_table(summary: IngestSummary, *, max_errors: int = 20) -> RenderableType:
    """The end-of-run summary (counts, then the errors with their files) for rich to print."""
    from rich.console import Group
    from rich.table import Table

    table = Table(title=text(f"ingest into {summary.db}"), show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("count", justify="right")
    rate = summary.coded / summary.seconds if summary.seconds > 0 else 0.0
    rows = [
        ("articles read", summary.seen),
        ("  new", summary.new),
        ("  changed (re-coded)", summary.changed),
        ("  unchanged (skipped)", summary.unchanged),
        ("  failed to code", summary.failed),
        ("  copies of earlier articles (not coded)", summary.copies),
        *((f"  in {lang} (not coded)", n) for lang, n in summary.languages),
        ("unreadable inputs", len(summary.errors) - summary.failed),
        ("mentions stored", summary.mentions),
        ("events in store", summary.events),
        ("  reported by 2+ articles", summary.merged_events),
        ("articles with no date", summary.undated),
        ("  their mentions left out of series", summary.undated_mentions),
        ("warnings", len(summary.warnings)),
    ]
    for name, value in rows:
        table.add_row(name, f"{value:,}")
    table.add_row("time", f"{summary.seconds:,.1f} s ({rate:,.1f} articles/s coded)")
    parts: list[RenderableType] = [table]
    for title, style, problems in (
        ("warnings", "yellow", summary.warnings),
        ("errors", "red", summary.errors),
    ):
        if not problems:
            continue
        listing = Table(title=title, title_justify="left", title_style=style)
        listing.add_column("where", style="bold", overflow="fold")
        listing.add_column("problem", overflow="fold")
        for problem in problems[:max_errors]:
            listing.add_row(text(problem.where), text(problem.problem))
        if len(problems) > max_errors:
            listing.add_row("...", f"{len(problems) - max_errors} more")
        parts.append(listing)
    return Group(*parts) if len(parts) > 1 else table
