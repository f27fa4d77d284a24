"""One bounded, thread-safe memo for long-lived look-ups (docs/architecture.md, "Caches").

>>> names = Memo[str, int](maxsize=2)
>>> names.get_or_compute("a", lambda: 1), names.get_or_compute("b", lambda: 2)
(1, 2)
>>> names.get_or_compute("c", lambda: 3)  # "a", the least recently used, makes room
3
>>> "a" in names, len(names)
(False, 2)

The other two caches of the package are the standard library's: ``functools.cached_property``
for a resource one object builds lazily, ``functools.cache`` for a process-wide singleton (a
loaded data file). A ``Memo`` is for what grows with the input (per-key results of a server or
of a coder that runs for months), where an unbounded dict is a slow leak and emptying it when
full throws the useful entries away with the rest.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from dyadwatch.errors import InvalidArgument


class Memo[K: Hashable, V]:
    """The ``maxsize`` most recently used results, each for at most ``ttl`` seconds (``None``:
    until evicted). Safe to share between threads; ``get_or_compute`` runs ``compute`` once
    per key even when several threads ask at the same time (the others wait for its result),
    so a slow computation a server caches is not started again by every request that misses.
    """

    def __init__(
        self,
        maxsize: int,
        *,
        ttl: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(maxsize, bool) or not isinstance(maxsize, int) or maxsize < 1:
            raise InvalidArgument("maxsize", f"expected a whole number >= 1, not {maxsize!r}")
        if ttl is not None and not ttl > 0:
            raise InvalidArgument("ttl", f"expected seconds > 0 or None, not {ttl!r}")
        self.maxsize = maxsize
        self.ttl = ttl
        self._clock = clock
        self._items: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[K, threading.Lock] = {}

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __contains__(self, key: K) -> bool:
        with self._lock:
            return self._fresh(key) is not None

    def get(self, key: K, default: V | None = None) -> V | None:
        """The remembered value, or ``default`` (counts as a use: it delays eviction)."""
        with self._lock:
            found = self._fresh(key)
        return default if found is None else found[1]

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._put(key, value)

    def get_or_compute(self, key: K, compute: Callable[[], V]) -> V:
        """The remembered value, else ``compute()``'s, remembered. An exception of ``compute``
        is raised and nothing is remembered."""
        with self._lock:
            if self.ttl is None:  # nothing expires: ``_fresh`` inlined (asked ~100 times an article)
                entry = self._items.get(key)
                if entry is not None:
                    self._items.move_to_end(key)
                    return entry[1]
            else:
                found = self._fresh(key)
                if found is not None:
                    return found[1]
            gate = self._computing.setdefault(key, threading.Lock())
        try:
            with gate:
                with self._lock:  # another thread may have computed it while this one waited
                    found = self._fresh(key)
                if found is not None:
                    return found[1]
                value = compute()
                with self._lock:
                    self._put(key, value)
                return value
        finally:
            with self._lock:
                if self._computing.get(key) is gate and not gate.locked():
                    del self._computing[key]

    def get_or_compute_many(self, keys: Iterable[K], compute: Callable[[K], V]) -> dict[K, V]:
        """Each distinct key's value, remembered or ``compute(key)``'s (then remembered), with
        one lock for all the remembered ones: for the per-token look-ups of a parsed document,
        where a lock per key costs more than what is looked up. Meant for cheap, pure
        computations: two threads missing the same key at once may both compute it (and
        ``get_or_compute`` runs a computation once). An exception of ``compute`` is raised and
        nothing it missed is remembered."""
        out: dict[K, V] = {}
        missing: list[K] = []
        with self._lock:
            if self.ttl is None:
                # nothing expires: ``_fresh`` inlined (a parsed document asks for some hundred
                # keys, and the call per key cost as much as the look-up)
                items = self._items
                get, used = items.get, items.move_to_end
                for key in dict.fromkeys(keys):
                    entry = get(key)
                    if entry is None:
                        missing.append(key)
                    else:
                        used(key)
                        out[key] = entry[1]
            else:
                for key in dict.fromkeys(keys):
                    found = self._fresh(key)
                    if found is None:
                        missing.append(key)
                    else:
                        out[key] = found[1]
        if missing:
            for key in missing:
                out[key] = compute(key)
            with self._lock:
                for key in missing:
                    self._put(key, out[key])
        return out

    def __getstate__(self) -> dict[str, Any]:
        # a copy (pickled into a worker, or deep-copied with a pipeline) starts empty: locks do
        # not pickle, and what one process remembered is only a saving
        return {"maxsize": self.maxsize, "ttl": self.ttl, "clock": self._clock}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["maxsize"], ttl=state["ttl"], clock=state["clock"])  # type: ignore[misc]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def _fresh(self, key: K) -> tuple[float, V] | None:
        """The entry (marking it used) unless missing or expired; the caller holds the lock."""
        entry = self._items.get(key)
        if entry is None:
            return None
        if self.ttl is not None and self._clock() - entry[0] >= self.ttl:
            del self._items[key]
            return None
        self._items.move_to_end(key)
        return entry

    def _put(self, key: K, value: V) -> None:
        self._items[key] = (self._clock(), value)
        self._items.move_to_end(key)
        while len(self._items) > self.maxsize:
            self._items.popitem(last=False)
