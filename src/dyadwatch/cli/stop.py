"""Stopping long commands cleanly: SIGTERM asks ``ingest`` to finish the chunk it is storing.

Exit codes shared by every command (docs/limits.md):

* 0: everything asked was done;
* 1: some inputs or records failed (each named on stderr), the rest was done;
* 2: usage error (a bad option or argument; nothing was done);
* 143: stopped by SIGTERM after storing the current chunk (run again to continue).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 128 + signal.SIGTERM


@contextmanager
def sigterm_stops() -> Iterator[Callable[[], bool]]:
    """While inside, SIGTERM sets a flag instead of killing the process; yields the question
    "was a stop asked?" for the library's ``should_stop``."""
    asked = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield asked.is_set  # signals reach only the main thread: nothing to install
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        asked.set()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield asked.is_set
    finally:
        signal.signal(signal.SIGTERM, previous)
