"""Coding chunks of articles serially, in worker processes, or on a Dask cluster, in order.

Every backend yields the coded chunks in the order they were given, so the writer (always the
main process) stores articles in input order and the store ends up the same whichever backend
coded them. Workers build their coder once, through a picklable zero-argument *factory*, and
keep it for every chunk they code.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from dyadwatch.coder import Coded, Coder
from dyadwatch.errors import (
    CoderError,
    DyadwatchError,
    InvalidArgument,
    MissingExtra,
    WorkerError,
)
from dyadwatch.records import Article
from dyadwatch.settings import Settings


@runtime_checkable
class CoderLike(Protocol):
    def code_articles(self, articles: Iterable[Article]) -> Iterator[Coded]: ...


CoderFactory = Callable[[], CoderLike]
"""A picklable callable with no arguments that builds a coder (in each worker)."""


@dataclass(frozen=True)
class ModelCoderFactory:
    """Builds dyadwatch's own Coder with the given settings, whole and frozen: a worker codes
    with the settings of the process that started it, never with its own environment."""

    settings: Settings = field(default_factory=Settings)

    def __call__(self) -> CoderLike:
        return Coder(self.settings)


def load_factory(path: str) -> CoderFactory:
    """The coder factory at ``module:name``: a coder class (called with no arguments in each
    worker), a factory class (instantiated with no arguments), or a factory instance."""
    import importlib

    module_name, _, name = path.partition(":")
    if not module_name or not name:
        raise InvalidArgument("path", f"{path!r} is not MODULE:NAME")
    try:
        module = importlib.import_module(module_name)
        factory = getattr(module, name)
    except (ImportError, AttributeError) as exc:
        raise InvalidArgument("path", f"{path!r}: {exc}") from exc
    if isinstance(factory, type) and not hasattr(factory, "code_articles"):
        factory = factory()
    if not callable(factory):
        raise InvalidArgument("path", f"{path!r} is not callable")
    built: CoderFactory = factory
    return built


DASK_CONNECT_TIMEOUT = "30s"
"""How long to try reaching a Dask scheduler before giving up."""

_CODERS: dict[Hashable, CoderLike] = {}
"""The coders a worker process has built, by factory (filled on first use, never at import)."""


def coder_for(factory: CoderFactory) -> CoderLike:
    """The coder this process built from ``factory``, building it on first use."""
    key: Hashable = factory if isinstance(factory, Hashable) else id(factory)
    coder = _CODERS.get(key)
    if coder is None:
        coder = factory()
        _CODERS[key] = coder
    return coder


def code_chunk(factory: CoderFactory, chunk: Sequence[Article]) -> list[Coded]:
    """Code one chunk in a worker (module level, so it pickles)."""
    return code_with(coder_for(factory), chunk)


def code_with(coder: CoderLike, chunk: Sequence[Article]) -> list[Coded]:
    """Code a chunk; when the coder raises, code the articles one by one so that only the ones
    that fail are reported as errors."""
    try:
        coded = list(coder.code_articles(chunk))
    except Exception:  # noqa: BLE001 - any coder failure is narrowed down below
        coded = []
    if len(coded) == len(chunk) and all(
        c.article.id == a.id for c, a in zip(coded, chunk, strict=True)
    ):
        return coded
    out = []
    for article in chunk:
        try:
            [one] = list(coder.code_articles([article]))
        except Exception as exc:  # noqa: BLE001 - reported as this article's error
            code = exc.code if isinstance(exc, DyadwatchError) else CoderError.code
            one = Coded(article, (), f"coder failed: {type(exc).__name__}: {exc}", error_code=code)
        out.append(one)
    return out


WORKER_GC_THRESHOLD = 10_000
"""Allocations between two young-generation collections in a coding worker (Python's default is
700). Coding an article allocates hundreds of thousands of short-lived objects (tokens, spans,
matches) that reference counting frees, so at the default the collector ran about twice per
article and found little to collect: 1.5 to 2 ms of the worker's time per article, 0.7 at this
threshold, with the same peak memory (measured on 168 synthetic articles)."""

ORPHAN_CHECK_SECONDS = 0.5
"""How often a worker checks that the process that started it is still alive."""


def _exit_when_orphaned(parent: int) -> None:
    # A worker whose parent was killed (SIGKILL cannot be caught, so the pool is never shut
    # down) is re-parented; it then exits at once instead of holding its memory for ever.
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _init_worker(factory: CoderFactory, parent: int) -> None:
    # A forked worker inherits the parent's handler, which only asks the parent's loop to stop
    # after its chunk: a worker told to terminate terminates.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Ctrl-C at a terminal reaches the whole process group; the process that started the worker
    # ends it (``shut_down``), instead of each worker dying with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    coder_for(factory)


def code_in_order(
    chunks: Iterable[Sequence[Article]],
    coder: CoderLike | CoderFactory,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[list[Coded]]:
    """Code every chunk and yield the results chunk by chunk, in input order.

    ``coder`` is a coder (serial only) or a factory. ``workers > 1`` codes in that many local
    processes; ``scheduler`` (a Dask scheduler address such as ``tcp://10.0.0.5:8786``) codes on
    that cluster. At most two chunks per worker are in flight, so memory stays bounded.
    ``pool`` (from ``worker_pool``) is kept open afterwards, so a caller coding batch after
    batch (``watch``) loads the model in its workers once.
    """
    if scheduler is None and workers <= 1:
        serial = coder if isinstance(coder, CoderLike) else coder_for(coder)
        for chunk in chunks:
            yield code_with(serial, chunk)
        return
    if isinstance(coder, CoderLike):
        raise InvalidArgument(
            "coder",
            "parallel coding needs a coder factory (a picklable callable that builds the coder),"
            " not a coder",
        )
    factory = coder
    if scheduler is not None:
        yield from _dask(chunks, factory, scheduler)
    elif pool is not None:
        yield from _in_pool(chunks, factory, workers, pool)
    else:
        with worker_pool(factory, workers) as own:
            yield from _in_pool(chunks, factory, workers, own)


def worker_pool(
    factory: CoderFactory, workers: int, *, share: bool = False
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each coding with the coder ``factory`` builds.

    By default the workers are spawned and each loads its own coder (the model, the knowledge,
    the gazetteer: about 0.5 GB). With ``share``, when this process may safely fork (see
    ``can_fork``), the coder is built and loaded here once and the workers are forked from this
    process at once, before the pool returns: they then share its pages, copy-on-write, and
    start coding without loading anything. The coder stays in this process, which must not
    code with it meanwhile.
    """
    start = "spawn"  # no fork: the writer holds threads and files
    if share and can_fork():
        try:
            coder = coder_for(factory)
            load = getattr(coder, "load", None)
            if callable(load):
                load()
        except DyadwatchError:
            raise
        except Exception as exc:  # a coder of any kind: reported, not a traceback
            raise WorkerError(f"building the coder failed: {type(exc).__name__}: {exc}") from exc
        # Objects alive now are never visited by the collector again, here or in the workers:
        # a collection would write to every page holding them and unshare it.
        gc.collect()
        gc.freeze()
        start = "fork"
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(start),
        initializer=_init_worker,
        initargs=(factory, os.getpid()),
    )
    if start == "fork":
        try:
            pool.submit(os.getpid).result()  # the first task forks every worker, while alone
        except BaseException:  # Ctrl-C meanwhile included: no worker outlives the pool
            shut_down(pool)
            raise
    return pool


STOP_SECONDS = 5.0
"""How long ``shut_down`` lets a worker finish the chunk it is coding before terminating it."""


def shut_down(pool: ProcessPoolExecutor, timeout: float = STOP_SECONDS) -> None:
    """Close ``pool`` and end its workers within about ``timeout`` seconds: chunks not started
    are cancelled, idle workers exit at once, and a worker still coding after ``timeout`` is
    terminated (its chunk would be dropped anyway: the caller is stopping), then killed. Unlike
    ``pool.shutdown(wait=True)``, which waits for every chunk already handed to the workers,
    this never waits without bound, so Ctrl-C or an error ends a run promptly and leaves no
    worker behind."""
    # The executor forgets its processes and its manager thread on shutdown: keep them.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + timeout
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(1.0)
        if process.is_alive():
            process.kill()  # a coder may have set a SIGTERM handler of its own
            process.join(1.0)
    if isinstance(manager, threading.Thread):
        # With its workers gone the manager thread ends at once; joined so that it never
        # outlives the pool (the interpreter would wait for it at exit).
        manager.join(1.0)


def can_fork() -> bool:
    """Whether this process can fork workers safely: on Linux (on macOS, system libraries are
    not fork-safe) and with no other Python thread alive (a lock one of them held would stay
    locked in the child for ever; Python itself warns of such forks). Native thread pools are
    the caller's care: ``ingest`` closes its store, and with it DuckDB's threads, before it
    forks; OpenBLAS, which numpy starts, shuts its pool down around a fork."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _in_pool(
    chunks: Iterable[Sequence[Article]],
    factory: CoderFactory,
    workers: int,
    pool: ProcessPoolExecutor,
) -> Iterator[list[Coded]]:
    window: deque[Future[list[Coded]]] = deque()
    try:
        for chunk in chunks:
            window.append(pool.submit(code_chunk, factory, list(chunk)))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    except BrokenProcessPool as exc:
        raise WorkerError(f"a coding worker died: {exc}") from exc
    finally:
        for future in window:
            future.cancel()


def _dask(
    chunks: Iterable[Sequence[Article]], factory: CoderFactory, scheduler: str
) -> Iterator[list[Coded]]:
    try:
        from distributed import Client, KilledWorker
    except ImportError as exc:
        raise MissingExtra("coding on a Dask cluster", "dask", "dask[distributed]") from exc

    try:
        client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise WorkerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window: deque[Any] = deque()
        try:
            for chunk in chunks:
                window.append(client.submit(code_chunk, factory, list(chunk), pure=False))
                if len(window) >= 2 * n_workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except (OSError, TimeoutError, KilledWorker) as exc:
            raise WorkerError(f"the Dask cluster failed: {exc}") from exc
        finally:
            for future in window:
                future.cancel()
