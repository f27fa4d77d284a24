"""Crash safety and concurrent readers, with ingest running in a real subprocess.

* SIGKILL at many points of a run, then a rerun, gives the database of one uninterrupted run,
  and the killed database is consistent (no half-stored article, no dangling event).
* A second process reading while ingest writes always sees a consistent database.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dyadwatch.store.store import Store
from test_ingest import dump

TESTS = Path(__file__).resolve().parent

pytestmark = pytest.mark.slow  # processes killed at many points: about two minutes

RUNNER = """
import sys
sys.path.insert(0, {tests!r})
from fake_coder import FakeCoderFactory
from dyadwatch.ingest import ingest
ingest([{corpus!r}], db={db!r}, coder=FakeCoderFactory(delay={delay}),
       chunk_size={chunk})
"""

SENTENCES = [
    "France met Germany in Paris on 2020-09-{d:02d}.",
    "Germany reportedly met France on 2020-09-{d:02d}.",
    "Russia attacked Ukraine on 2020-09-{d:02d}.",
    "China will criticize Japan on 2020-09-{d:02d}.",
    "Kenya praised Brazil.",
]


def write_corpus(folder: Path, n: int, version: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "feed.jsonl").open("w") as stream:
        for i in range(n):
            count = 1 + (i + version) % len(SENTENCES)
            text = " ".join(s.format(d=1 + (i * 7 + version) % 20) for s in SENTENCES[:count])
            if version and i % 3 == 0:
                text += f" Version {version}."
            record = {"id": f"a{i:03d}", "text": text, "source": f"S{i % 5}", "date": "2020-09-21"}
            stream.write(json.dumps(record) + "\n")
    return folder


def start(corpus: Path, db: Path, delay: float, chunk: int = 4) -> subprocess.Popen[bytes]:
    code = RUNNER.format(tests=str(TESTS), corpus=str(corpus), db=str(db), delay=delay, chunk=chunk)
    return subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)


def run(corpus: Path, db: Path, delay: float = 0.0) -> None:
    process = start(corpus, db, delay)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()


def check_consistent(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The invariants a reader may rely on at any moment; returns a few counts."""
    bad_articles = con.execute(
        """
        SELECT a.id FROM articles a
        LEFT JOIN (SELECT article_id, count(*) AS n FROM mentions GROUP BY ALL) m
          ON m.article_id = a.id
        WHERE a.n_mentions <> coalesce(m.n, 0)
        """
    ).fetchall()
    assert bad_articles == [], "an article is stored without all its mentions"
    orphans = con.execute(
        "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
        " OR (event_id IS NOT NULL AND event_id NOT IN (SELECT event_id FROM events))"
    ).fetchone()
    assert orphans == (0,), "a mention points at a missing article or event"
    bad_events = con.execute(
        """
        SELECT e.event_id FROM events e
        JOIN (SELECT event_id, count(*) AS n,
                     count(*) FILTER (WHERE modality = 'asserted') AS k,
                     count(DISTINCT article_id) AS a
              FROM mentions WHERE event_id IS NOT NULL GROUP BY ALL) m USING (event_id)
        WHERE e.n_mentions <> m.n OR e.n_asserted <> m.k OR e.n_articles <> m.a OR m.k = 0
        """
    ).fetchall()
    assert bad_events == [], "an event's counts disagree with its mentions"
    missing = con.execute(
        "SELECT count(*) FROM events WHERE event_id NOT IN"
        " (SELECT event_id FROM mentions WHERE event_id IS NOT NULL)"
    ).fetchone()
    assert missing == (0,), "an event has no mentions"
    actors = con.execute(
        "SELECT count(*) FROM actors a LEFT JOIN mentions m"
        " ON m.article_id = a.article_id AND m.idx = a.mention_idx WHERE m.idx IS NULL"
    ).fetchone()
    assert actors == (0,), "an actor row without its mention"
    row = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)")
    articles, events = row.fetchone() or (0, 0)
    return {"articles": articles, "events": events}


@pytest.fixture(scope="module")
def timing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """A corpus, the database of one uninterrupted run, and how long a slowed run takes."""
    folder = tmp_path_factory.mktemp("crash")
    corpus = write_corpus(folder / "in", 60)
    reference = folder / "reference.duckdb"
    began = time.monotonic()
    run(corpus, reference, delay=0.02)
    return corpus, reference, time.monotonic() - began


@pytest.mark.parametrize("fraction", [0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.97])
def test_sigkill_then_rerun_equals_one_run(
    timing: tuple[Path, Path, float], tmp_path: Path, fraction: float
) -> None:
    corpus, reference, seconds = timing
    db = tmp_path / "killed.duckdb"
    process = start(corpus, db, delay=0.02)
    time.sleep(seconds * fraction)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if db.exists():
        with Store.open(db, read_only=True) as store:
            check_consistent(store.connection)
    run(corpus, db)
    assert dump(db) == dump(reference)


def test_sigkill_while_recoding_changed_articles(tmp_path: Path) -> None:
    """Kill a run that replaces changed articles (their old events are dissolved and rebuilt)."""
    first, second = write_corpus(tmp_path / "v0", 30), write_corpus(tmp_path / "v1", 30, 1)
    reference = tmp_path / "reference.duckdb"
    run(first, reference)
    run(second, reference)
    for n, pause in enumerate([0.9, 1.2, 1.5]):
        db = tmp_path / f"killed{n}.duckdb"
        run(first, db)
        process = start(second, db, delay=0.03, chunk=2)
        time.sleep(pause)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        with Store.open(db, read_only=True) as store:
            check_consistent(store.connection)
        run(second, db)
        assert dump(db) == dump(reference)


def test_reader_sees_consistent_data_while_ingest_writes(
    timing: tuple[Path, Path, float], tmp_path: Path
) -> None:
    corpus, reference, _ = timing
    db = tmp_path / "live.duckdb"
    process = start(corpus, db, delay=0.02, chunk=2)
    seen: list[dict[str, Any]] = []
    try:
        while process.poll() is None:
            if db.exists():
                with Store.open(db, read_only=True, timeout=30) as store:
                    seen.append(check_consistent(store.connection))
            time.sleep(0.05)
    finally:
        _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    partial = [s for s in seen if 0 < s["articles"] < 60]
    assert len(partial) >= 3, f"too few reads during the run: {seen}"
    assert [s["articles"] for s in seen] == sorted(s["articles"] for s in seen)
    assert dump(db) == dump(reference)
