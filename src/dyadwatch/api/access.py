"""Read access for a long-running server: one read-only connection, shared by request threads
and given up whenever another process queues for the database.

The store's lock protocol (``dyadwatch.store.lock``) lets one writer and many readers take
turns. A server that kept its connection open for ever would starve ``dyadwatch ingest``, and
one that opened the file per request would pay DuckDB's start-up and lose its cache each time.
So the server keeps the file open while nobody else waits, and as soon as a process queues
(a writer between two chunks, or ingest starting) it stops handing out cursors, lets the running
requests finish, closes, and reopens through the queue: behind the writer's next chunk.
Each request runs on its own cursor with a time limit (DuckDB's ``interrupt``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.store.store import Store

if TYPE_CHECKING:
    import duckdb

_POLL_SECONDS = 0.05


class StoreReader:
    """Hands out read-only cursors on the store at ``path``; see the module docstring."""

    def __init__(self, path: Path, *, query_seconds: float, open_timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.query_seconds = query_seconds
        self.open_timeout = open_timeout
        self._store: Store | None = None
        self._users = 0
        self._draining = False
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="store-reader", daemon=True)
        self._watcher.start()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request; interrupted after ``query_seconds``."""
        with self._cond:
            while self._draining:
                self._cond.wait()
            if self._store is not None and self._store.others_waiting():
                self._drain()
            if self._store is None:
                self._store = Store.open(self.path, read_only=True, timeout=self.open_timeout)
            cur = self._store.connection.cursor()
            self._users += 1
        timer = threading.Timer(self.query_seconds, cur.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield cur
        finally:
            timer.cancel()
            cur.close()
            with self._cond:
                self._users -= 1
                self._cond.notify_all()

    def _drain(self) -> None:
        """Stop new requests, wait for the running ones, close (caller holds ``_cond``)."""
        self._draining = True
        try:
            while self._users:
                self._cond.wait()
            if self._store is not None:
                self._store.close()
                self._store = None
        finally:
            self._draining = False
            self._cond.notify_all()

    def _watch(self) -> None:
        """Close an idle connection when another process waits (no request would notice)."""
        while not self._stop.wait(_POLL_SECONDS):
            with self._cond:
                store = self._store
                if store is not None and not self._users and store.others_waiting():
                    self._drain()

    def close(self) -> None:
        self._stop.set()
        self._watcher.join(timeout=1)
        with self._cond:
            self._drain()
