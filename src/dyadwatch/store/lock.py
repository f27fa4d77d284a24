"""Sharing one DuckDB file between one writing process and reading processes.

DuckDB lets one process open a database file for writing, and then no other process may open it
at all, not even read-only; several processes may open it read-only when nobody writes. So a
reader cannot simply open the file while ``dyadwatch ingest`` runs. We coordinate with advisory
``flock`` locks on three small files beside the database:

* ``.<db>.writer``: held exclusively by the one writer for its whole life (a second writer fails
  at once with a clear message instead of waiting).
* ``.<db>.data``: held exclusively by the writer while its DuckDB connection is open, shared by
  every reader while its read-only connection is open.
* ``.<db>.queue``: a turnstile. A reader takes it, waits for ``data`` (shared), then lets it go.
  After each article it commits, the writer tests whether the turnstile is taken; if it is, a
  reader is waiting, so the writer closes its connection (DuckDB checkpoints), releases ``data``,
  queues on the turnstile behind the reader, and reopens once the readers are done.

Readers therefore see the database as of the last committed article, never a half-stored one, and
wait at most the time the writer takes to store one article. The writer waits while readers hold
the file, so readers should open, read, and close. Locks held by a killed process are released by
the kernel. Where ``fcntl`` is missing (Windows) locking is skipped and DuckDB's own file lock
makes concurrent access fail with an error instead.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from dyadwatch.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_POLL_SECONDS = 0.01


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CANNOT_CREATE = (errno.EACCES, errno.EPERM, errno.EROFS)


class _LockFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: int | None = None
        self.unlocked = False  # a reader of a read-only folder: there is no lock to take

    def _fd(self) -> int | None:
        if self._file is None and not self.unlocked:
            self._file = self._open()
        return self._file

    def _open(self) -> int | None:
        # O_NOFOLLOW: a symlink planted at the lock's path must not be written through.
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC | _NOFOLLOW
        try:
            return os.open(self.path, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise StoreError(
                    f"{self.path}: the lock file is a symlink; remove it (it may have been planted)"
                ) from None
            if exc.errno not in _CANNOT_CREATE:
                raise StoreError(f"{self.path}: cannot open the lock file: {exc.strerror}") from None
        # A folder we cannot write: flock works on a read-only descriptor of an existing lock
        # file; without one, no writer can be using the store through this folder either.
        try:
            return os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | _NOFOLLOW)
        except OSError:
            self.unlocked = True
            return None

    def try_acquire(self, shared: bool = False) -> bool:
        if fcntl is None:
            return True
        mode = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        fd = self._fd()
        if fd is None:
            return True
        try:
            fcntl.flock(fd, mode)
        except BlockingIOError:
            return False
        return True

    def acquire(self, *, shared: bool = False, timeout: float | None = None) -> None:
        """Wait for the lock (for ever when ``timeout`` is None)."""
        if fcntl is None:
            return
        if timeout is None:
            fd = self._fd()
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
            return
        deadline = time.monotonic() + timeout
        while not self.try_acquire(shared):
            if time.monotonic() >= deadline:
                raise TimeoutError(str(self.path))
            time.sleep(_POLL_SECONDS)

    def release(self) -> None:
        if fcntl is not None and self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._file is not None:
            os.close(self._file)  # also releases the lock
            self._file = None


class StoreLock:
    """The lock protocol for one database file (see the module docstring)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        base = db.parent / f".{db.name}"
        self._writer = _LockFile(Path(f"{base}.writer"))
        self._data = _LockFile(Path(f"{base}.data"))
        self._queue = _LockFile(Path(f"{base}.queue"))

    def acquire_writer(self, timeout: float) -> None:
        self._take_writer()
        self._enter(shared=False, timeout=timeout)

    def _take_writer(self) -> None:
        """Take the writer lock, or close and raise when another process writes the database or
        the folder is read-only."""
        if not self._writer.try_acquire():
            self.close()
            raise StoreError(f"{self.db}: another process is writing this database")
        if self._writer.unlocked:
            self.close()
            raise StoreError(f"{self.db}: the folder is read-only; the database can only be read")

    def check_writer_free(self) -> None:
        """Fail now, as :meth:`acquire_writer` would, when another process writes the database
        or the folder is read-only; hold nothing afterwards. For a caller with slow work to do
        before it opens the store (``watch`` loads the model first, for its forked workers)."""
        try:
            self._take_writer()
        finally:
            self.close()

    def acquire_reader(self, timeout: float) -> None:
        self._enter(shared=True, timeout=timeout)

    def _enter(self, *, shared: bool, timeout: float) -> None:
        try:
            self._queue.acquire(timeout=timeout)
            try:
                self._data.acquire(shared=shared, timeout=timeout)
            finally:
                self._queue.release()
        except TimeoutError:
            self.close()
            role = "read" if shared else "write"
            raise StoreError(
                f"{self.db}: timed out after {timeout:g}s waiting to {role} the database"
            ) from None

    def readers_waiting(self) -> bool:
        """True when a reader queues for the data lock (called by the writer, which holds it)."""
        if self._queue.try_acquire():
            self._queue.release()
            return False
        return True

    def step_aside(self) -> None:
        """Writer: let waiting readers in, then take the data lock back (after they finish)."""
        self._data.release()
        self._queue.acquire()
        try:
            self._data.acquire()
        finally:
            self._queue.release()

    def close(self) -> None:
        for lock in (self._data, self._queue, self._writer):
            lock.close()
