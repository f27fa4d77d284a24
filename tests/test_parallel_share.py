"""Workers that share the coder loaded once: forked from a process with one thread, else spawned.

Each case runs in a fresh interpreter, so that threads left by other tests cannot decide it.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import threading
from pathlib import Path

from rich.console import Console

from dyadwatch.cli.ingest import IngestProgress

TESTS = Path(__file__).resolve().parent

SCRIPT = """
import gc, json, os, signal, sys, threading
sys.path.insert(0, {tests!r})
from fake_coder import FakeCoderFactory
from dyadwatch.parallel import WORKER_GC_THRESHOLD, can_fork, code_in_order, code_with, worker_pool
from dyadwatch.records import Article

if {with_thread!r}:
    hold = threading.Event()
    threading.Thread(target=hold.wait, daemon=True).start()
factory = FakeCoderFactory(log={log!r})
articles = [Article(id=str(i), text=f"France met Germany on 2020-09-{{i + 1:02d}}.")
            for i in range(12)]
chunks = [articles[i:i + 4] for i in range(0, 12, 4)]
signal.signal(signal.SIGTERM, lambda *_: None)  # as the CLI's "stop after this chunk"
forkable = can_fork()
frozen = gc.get_freeze_count()
with worker_pool(factory, 2, share=True) as pool:
    workers = sorted(set(pool.submit(os.getpid).result() for _ in range(8)))
    terminates = pool.submit(signal.getsignal, signal.SIGTERM).result() == signal.SIG_DFL
    young = pool.submit(gc.get_threshold).result()[0] == WORKER_GC_THRESHOLD != gc.get_threshold()[0]
    coded = [c for chunk in code_in_order(chunks, factory, workers=2, pool=pool) for c in chunk]
serial = code_with(FakeCoderFactory()(), articles)
print(json.dumps({{
    "parent": os.getpid(), "can_fork": forkable, "workers": workers,
    "frozen": gc.get_freeze_count() - frozen, "same": coded == serial, "n": len(coded),
    "terminates": terminates, "young": young,
}}))
"""


def run(tmp_path: Path, *, with_thread: bool) -> tuple[dict[str, object], list[int]]:
    log = tmp_path / "builds.log"
    code = SCRIPT.format(tests=str(TESTS), log=str(log), with_thread=with_thread)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    built = [int(pid) for pid in log.read_text().split()]
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result, built


def test_one_thread_loads_the_coder_once_and_forks_workers_that_share_it(tmp_path: Path) -> None:
    result, built = run(tmp_path, with_thread=False)
    assert result["can_fork"] is True
    assert built == [result["parent"]]  # built here, once; no worker built its own
    workers = result["workers"]
    assert isinstance(workers, list) and workers and result["parent"] not in workers
    assert isinstance(result["frozen"], int) and result["frozen"] > 0  # the collector leaves them be
    assert result["same"] is True and result["n"] == 12
    assert result["terminates"] is True  # the parent's SIGTERM handler is not the workers'
    assert result["young"] is True  # the workers' collector, not the parent's, runs less often


def test_another_thread_alive_means_spawned_workers_that_load_their_own(tmp_path: Path) -> None:
    result, built = run(tmp_path, with_thread=True)
    assert result["can_fork"] is False
    assert result["parent"] not in built
    assert 1 <= len(built) <= 2 and len(set(built)) == len(built)  # each worker loads its own
    assert result["frozen"] == 0
    assert result["same"] is True and result["n"] == 12
    assert result["young"] is True


def test_ingest_progress_draws_without_a_thread_of_its_own() -> None:
    before = threading.active_count()
    out = io.StringIO()
    with IngestProgress(Console(file=out, force_terminal=True, width=100)) as progress:
        progress.read(5)
        assert threading.active_count() == before  # else ingest could not fork its workers
        progress.chunk(0, 10)
        progress.chunk(4, 10)
    assert "coding" in out.getvalue() and "4/10" in out.getvalue()


def test_ingest_with_workers_forks_after_closing_its_store(tmp_path: Path) -> None:
    log = tmp_path / "builds.log"
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(10):
        (folder / f"{i}.txt").write_text(f"France met Germany on 2020-09-{i + 1:02d}.\n")
    code = f"""
import json, os, sys
sys.path.insert(0, {str(TESTS)!r})
from fake_coder import FakeCoderFactory
from dyadwatch.ingest import ingest
summary = ingest([{str(folder)!r}], db={str(tmp_path / "w.duckdb")!r},
                 coder=FakeCoderFactory(log={str(log)!r}), workers=2, chunk_size=4)
again = ingest([{str(folder)!r}], db={str(tmp_path / "w.duckdb")!r},
               coder=FakeCoderFactory(log={str(log)!r}), workers=2, chunk_size=4)
print(json.dumps({{"parent": os.getpid(), "new": summary.new, "mentions": summary.mentions,
                  "again": again.new, "unchanged": again.unchanged}}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["new"] == 10 and result["mentions"] == 10
    # the coder was built once, in the ingesting process; the second run, with nothing to
    # code, built none
    assert [int(pid) for pid in log.read_text().split()] == [result["parent"]]
    assert result["again"] == 0 and result["unchanged"] == 10


def test_a_coder_that_cannot_be_built_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("France met Germany on 2020-09-01.\n")
    code = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from fake_coder import BrokenFactory
from dyadwatch.errors import WorkerError
from dyadwatch.ingest import ingest
try:
    ingest([{str(tmp_path / "a.txt")!r}], db={str(tmp_path / "b.duckdb")!r}, coder=BrokenFactory(),
           workers=2)
except WorkerError as exc:
    print("WorkerError:", exc)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "WorkerError: building the coder failed: RuntimeError: the model file is damaged" in out.stdout
