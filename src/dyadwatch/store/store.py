"""The corpus store: one embedded DuckDB file holding articles, mentions, actors and merged events.

>>> with Store.open("corpus.duckdb") as store:           # doctest: +SKIP
...     store.add(article, events)                      # one transaction per article
...     rows = store.events(source="FRA", min_mentions=2)      # or events_frame: pandas

One process writes (``dyadwatch ingest``); other processes read with ``Store.open(path,
read_only=True)``, which waits its turn under the lock protocol of ``dyadwatch.store.lock`` and
always sees whole articles. Readers should open, read and close: the writer waits while they hold
the file. ``docs/store.md`` documents the schema and the design.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import duckdb

from dyadwatch.errors import InvalidArgument, StoreError
from dyadwatch.query_run import build_query, fetch_dicts, iter_rows, rows_to_frame
from dyadwatch.records import Article, Event
from dyadwatch.settings import Settings
from dyadwatch.store.lock import StoreLock
from dyadwatch.store.schema import LATEST_VERSION, MENTION_COLUMNS, MIGRATIONS
from dyadwatch.store.write import AddOutcome, BatchWriter

if TYPE_CHECKING:
    from dyadwatch.query import EventQuery
MEMORY = ":memory:"

WRITER_THREADS = 1
"""DuckDB threads for the store ``ingest`` writes to. Its statements are small (one chunk of
articles at a time), so spreading each over the cores cost more in hand-offs than it saved (about
a tenth of the writing process's CPU, measured on 545 articles), and DuckDB's threads competed
with the coding workers for those very cores. (``watch`` keeps DuckDB's default: it also
computes signals over the whole store on that connection.)"""


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    mentions: int
    events: int
    merged_events: int
    """Events reported by more than one article."""
    actors: int


class Store:
    """An open corpus database; use ``Store.open``."""

    def __init__(
        self,
        path: Path | None,
        con: duckdb.DuckDBPyConnection,
        lock: StoreLock | None,
        *,
        read_only: bool,
        merge_window_days: int,
        threads: int | None = None,
    ) -> None:
        self.path = path
        self._con: duckdb.DuckDBPyConnection | None = con
        self._lock = lock
        self.read_only = read_only
        self.merge_window_days = merge_window_days
        self.threads = threads

    # -- opening and closing --------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        merge_window_days: int | None = None,
        timeout: float = 60.0,
        threads: int | None = None,
    ) -> Store:
        """Open (creating and migrating when writing) the database at ``path``.

        ``path`` defaults to the ``db`` setting's default (``./dyadwatch.duckdb``) and
        ``merge_window_days`` to the setting's default (3): the environment is the caller's
        business (``Settings.from_env``). ``":memory:"`` opens a private in-memory database.
        ``timeout`` bounds the wait for the lock; ``threads`` caps DuckDB's (``WRITER_THREADS``).
        """
        defaults = Settings()
        window = defaults.merge_window_days if merge_window_days is None else merge_window_days
        if window < 0:
            raise InvalidArgument("merge_window_days", f"must be >= 0 days, not {window}")
        _check_threads(threads)
        raw = defaults.db if path is None else str(path)
        if raw == MEMORY:
            if read_only:
                raise InvalidArgument(
                    "read_only", "an in-memory database cannot be opened read-only"
                )
            con = duckdb.connect(MEMORY, config=_config(threads))
            _migrate(con, MEMORY)
            return cls(None, con, None, read_only=False, merge_window_days=window, threads=threads)
        db = Path(raw)
        if read_only and not db.is_file():
            raise StoreError(f"{db}: no such database (run `dyadwatch ingest` first)")
        _check_folder(db)
        lock = StoreLock(db)
        if read_only:
            lock.acquire_reader(timeout)
        else:
            lock.acquire_writer(timeout)
        try:
            if not read_only and not db.exists():
                _create(db, timeout)
            con = _connect(db, read_only=read_only, timeout=timeout, threads=threads)
            if read_only:
                _check_version(con, db)
            else:
                _migrate(con, str(db))
        except BaseException:
            lock.close()
            raise
        return cls(db, con, lock, read_only=read_only, merge_window_days=window, threads=threads)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The live DuckDB connection (the writer reopens it when readers take a turn, so fetch
        it again rather than keeping it)."""
        if self._con is None:
            raise StoreError("the store is closed")
        return self._con

    # -- writing --------------------------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event]) -> AddOutcome:
        """Store one coded article and merge its events, in one transaction.

        An article already stored with the same content hash is left alone (``"unchanged"``);
        one stored with another hash has its old mentions replaced (``"changed"``).
        """
        return self.add_many([(article, events)])[0]

    def add_many(
        self,
        items: Sequence[tuple[Article, Sequence[Event]]],
        *,
        also: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    ) -> list[AddOutcome]:
        """Store several coded articles in one transaction: all of them or, after a crash, none.

        The outcome is the same as calling ``add`` for each in order, only faster (DuckDB charges
        per statement, and the writer spends a few statements per batch). ``also`` writes more
        rows in the same transaction (copy links, dedup signatures, feed items), so they are
        stored with the articles or not at all.
        """
        con = self._writer()
        if not items and also is None:
            return []
        coded_at = datetime.now(UTC).replace(tzinfo=None)
        try:
            con.begin()
            outcomes = BatchWriter(con, self.merge_window_days).write(items, coded_at)
            if also is not None:
                also(con)
            con.commit()
        except duckdb.Error as exc:
            _rollback(con)
            ids = ", ".join(repr(article.id) for article, _ in items[:3])
            more = f" and {len(items) - 3} more" if len(items) > 3 else ""
            raise StoreError(f"cannot store article {ids}{more} (not stored): {exc}") from exc
        try:
            self.yield_to_readers()
        except duckdb.Error as exc:  # a full disk can strike after the commit, at checkpoint
            raise StoreError(
                f"stored {len(items)} article(s), then could not hand the database to its "
                f"readers: {exc}"
            ) from exc
        return outcomes

    def remerge(self) -> StoreCounts:
        """Rebuild every merged event in canonical order (after changing the merge window, or to
        make the events independent of the order articles were ingested in)."""
        con = self._writer()
        try:
            con.begin()
            BatchWriter(con, self.merge_window_days).remerge()
            con.commit()
        except duckdb.Error as exc:
            _rollback(con)
            raise StoreError(f"cannot merge events: {exc}") from exc
        return self.counts()

    def _writer(self) -> duckdb.DuckDBPyConnection:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        return self.connection

    def yield_to_readers(self) -> None:
        """Close the file for a moment when another process waits to read (the writer calls this
        between transactions: ``add_many`` does after each commit)."""
        if self._lock is None or self.path is None or not self._lock.readers_waiting():
            return
        self.connection.close()
        self._con = None
        self._lock.step_aside()
        self._con = _connect(self.path, read_only=False, timeout=60.0, threads=self.threads)

    def others_waiting(self) -> bool:
        """True when another process queues for the database: a long-lived reader (the HTTP
        API) closes then, so a writer waiting for its turn gets it."""
        return self._lock is not None and self._lock.readers_waiting()

    # -- reading --------------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        return [
            r[0] for r in self.connection.execute("SELECT id FROM articles ORDER BY id").fetchall()
        ]

    def stored_hashes(self) -> dict[str, str]:
        """Article id -> content hash of every stored article."""
        rows = self.connection.execute("SELECT id, content_hash FROM articles").fetchall()
        return {str(i): str(h) for i, h in rows}

    def article(self, article_id: str) -> Article | None:
        row = self.connection.execute(
            "SELECT id, text, title, url, source, date, language, content_hash FROM articles"
            " WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        return Article(*row)

    def article_events(self, article_id: str) -> list[Event]:
        """The coded Event records of one article, as stored."""
        rows = self.connection.execute(
            "SELECT event_json FROM mentions WHERE article_id = ? ORDER BY idx", [article_id]
        ).fetchall()
        return [Event.from_json(r[0]) for r in rows]

    def counts(self) -> StoreCounts:
        row = self.connection.execute(
            """
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions),
                   (SELECT count(*) FROM events),
                   (SELECT count(*) FROM events WHERE n_articles > 1),
                   (SELECT count(*) FROM actors)
            """
        ).fetchone()
        assert row is not None
        return StoreCounts(*(int(v) for v in row))

    def schema_version(self) -> int:
        return _version(self.connection)

    def events(self, query: EventQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Merged events matching an ``EventQuery`` and/or its fields as keywords (``source``,
        ``target``, ``dyad``, ``start``, ``end``, ``min_sources``...; see ``dyadwatch.query``),
        as dicts of ``query_run.ROW_COLUMNS``, by first date then id."""
        return list(iter_rows(self.connection, build_query(query, **filters)))

    def events_frame(self, query: EventQuery | None = None, **filters: Any) -> Any:
        """``events`` as a ``pandas.DataFrame``."""
        return rows_to_frame(self.events(query, **filters))

    def mentions_frame(
        self, *, event_id: str | None = None, article_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Mentions as rows (dicts of ``mentions`` columns, without the Event JSON)."""
        where, params = [], []
        for column, value in (("event_id", event_id), ("article_id", article_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        columns = ", ".join(c for c, _ in MENTION_COLUMNS if c != "event_json")
        sql = f"SELECT {columns} FROM mentions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return fetch_dicts(self.connection, sql + " ORDER BY article_id, idx", params)


# -- helpers ------------------------------------------------------------------------------------


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.Error):  # no transaction was open
        con.rollback()


def _create(db: Path, timeout: float) -> None:
    """Create a new database whole: migrate a scratch file, then rename it into place, so a
    database file exists only with its complete schema (a kill before the rename leaves none)."""
    scratch = db.with_name(f".{db.name}.creating")
    for leftover in (scratch, scratch.with_name(scratch.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = _connect(scratch, read_only=False, timeout=timeout)
    try:
        _migrate(con, str(db))
    finally:
        con.close()
    scratch.replace(db)


def _connect(
    db: Path, *, read_only: bool, timeout: float, threads: int | None = None
) -> duckdb.DuckDBPyConnection:
    """Connect (on at most ``threads`` threads), retrying while a process outside our lock
    protocol holds DuckDB's file lock."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only, config=_config(threads))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise StoreError(f"{db}: cannot open the database: {exc}") from exc
            time.sleep(0.05)
        except duckdb.Error as exc:
            raise StoreError(f"{db}: cannot open the database: {exc}") from exc


def _check_threads(threads: int | None) -> None:
    if threads is not None and threads < 1:
        raise InvalidArgument("threads", f"must be >= 1, not {threads}")


def _config(threads: int | None) -> dict[str, str | bool | int | float | list[str]]:
    return {} if threads is None else {"threads": threads}


def _version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if exists is None or exists[0] == 0:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row is not None else 0


def _check_version(con: duckdb.DuckDBPyConnection, where: Path) -> None:
    version = _version(con)
    if version != LATEST_VERSION:
        con.close()
        raise StoreError(
            f"{where}: schema version {version}, this dyadwatch reads version {LATEST_VERSION}"
            + (
                " (open it for writing, e.g. with `dyadwatch ingest`, to migrate)"
                if version < LATEST_VERSION
                else " (upgrade dyadwatch)"
            )
        )


def _migrate(con: duckdb.DuckDBPyConnection, where: str) -> None:
    """Apply the migrations the database lacks, each in its own transaction."""
    try:
        current = _version(con)
        if current > LATEST_VERSION:
            raise StoreError(
                f"{where}: schema version {current} is newer than this dyadwatch "
                f"({LATEST_VERSION}); upgrade dyadwatch"
            )
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            con.begin()
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                " description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
            )
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [migration.version, migration.description, datetime.now(UTC).replace(tzinfo=None)],
            )
            con.commit()
    except duckdb.Error as exc:
        _rollback(con)
        con.close()
        raise StoreError(f"{where}: cannot migrate the database: {exc}") from exc


def check_writable(path: str | Path | None = None) -> None:
    """Raise the :class:`StoreError` that opening ``path`` to write would raise when its
    folder is missing or read-only or another process writes it, without opening it."""
    raw = Settings().db if path is None else str(path)
    if raw == MEMORY:
        return
    db = Path(raw)
    _check_folder(db)
    StoreLock(db).check_writer_free()


def _check_folder(db: Path) -> None:
    if not db.parent.is_dir():
        raise StoreError(f"{db}: folder {db.parent} does not exist")
