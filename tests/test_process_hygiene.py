"""Hard stops of the ``dyadwatch ingest`` command: SIGTERM ends after the chunk being stored and
says so; SIGKILL of the main process leaves no worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from test_ingest import dump
from test_store_crash import check_consistent, write_corpus

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
pytestmark = pytest.mark.slow


def command(corpus: Path, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(SRC)])}
    return subprocess.Popen(
        [sys.executable, "-c", "from dyadwatch.cli import main; main()", "ingest", str(corpus),
         "--db", str(db), "--coder", "fake_coder:SlowFakeCoderFactory", "--quiet", *extra],
        stderr=subprocess.PIPE, env=env,
    )


def test_sigterm_finishes_the_chunk_and_says_so(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 200)
    db = tmp_path / "c.duckdb"
    process = command(corpus, db)
    time.sleep(3.0)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143, err.decode()
    assert "stopped by SIGTERM" in err.decode()
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        counts = check_consistent(con)
    assert 0 < counts["articles"] < 200
    rerun = command(corpus, db)
    assert rerun.wait(timeout=120) == 0
    reference = tmp_path / "ref.duckdb"
    assert command(corpus, reference).wait(timeout=120) == 0
    assert dump(db) == dump(reference)


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 400)
    db = tmp_path / "c.duckdb"
    process = command(corpus, db, "--workers", "2")
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + 60
    # two workers (forked, or spawned beside multiprocessing's resource tracker)
    while len(parent.children(recursive=True)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)  # whatever else is started with them
    children = parent.children(recursive=True)
    assert len(children) >= 2
    process.kill()
    process.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=20)
    assert alive == [], [p.cmdline() for p in alive]
