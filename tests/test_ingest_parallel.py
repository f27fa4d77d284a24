"""Parallel coding: worker processes and a Dask LocalCluster give the serial result."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import CoderError, DyadwatchError, InvalidArgument
from dyadwatch.ingest import ingest
from dyadwatch.parallel import code_in_order, code_with
from dyadwatch.records import Article
from test_ingest import dump, write_corpus

from fake_coder import FakeCoder, FakeCoderFactory


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "in", n=60)


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serial") / "serial.duckdb"
    ingest([corpus], db=db, coder=FakeCoder(), chunk_size=8)
    return db


def builds(log: Path) -> list[str]:
    return log.read_text().split() if log.exists() else []


@pytest.mark.slow  # starts worker processes, each importing the coder
def test_worker_processes_match_serial(corpus: Path, serial: Path, tmp_path: Path) -> None:
    log = tmp_path / "builds.log"
    db = tmp_path / "workers.duckdb"
    summary = ingest(
        [corpus],
        db=db,
        coder=FakeCoderFactory(log=str(log)),
        workers=2,
        chunk_size=8,
    )
    assert summary.new == 62
    assert dump(db) == dump(serial)
    pids = builds(log)
    assert 1 <= len(pids) <= 2
    assert len(set(pids)) == len(pids)  # each worker built its coder once


@pytest.mark.slow  # starts worker processes, each importing the coder
def test_dask_local_cluster_matches_serial(corpus: Path, serial: Path, tmp_path: Path) -> None:
    import distributed
    log = tmp_path / "builds.log"
    db = tmp_path / "dask.duckdb"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = ingest(
            [corpus],
            db=db,
            coder=FakeCoderFactory(log=str(log)),
            scheduler=cluster.scheduler_address,
            chunk_size=8,
        )
    assert summary.new == 62
    assert dump(db) == dump(serial)
    pids = builds(log)
    assert 1 <= len(pids) <= 2 and len(set(pids)) == len(pids)


@pytest.mark.slow  # waits for the connection timeout
def test_unreachable_scheduler_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dyadwatch.parallel.DASK_CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text("France met Germany.")
    with pytest.raises(DyadwatchError, match="Dask"):
        ingest(
            [tmp_path / "a.txt"],
            db=tmp_path / "c.duckdb",
            coder=FakeCoderFactory(),
            scheduler="tcp://127.0.0.1:9",
        )


def test_parallel_needs_a_factory() -> None:
    chunks = [[Article("a", "France met Germany.")]]
    with pytest.raises(InvalidArgument, match="factory"):
        list(code_in_order(chunks, FakeCoder(), workers=2))


def test_results_keep_input_order_and_isolate_failures() -> None:
    articles = [Article(f"a{i}", "France met Germany.") for i in range(5)]
    articles[2] = Article("a2", "CRASHCODE")
    coded = code_with(FakeCoder(), articles)
    assert [c.article.id for c in coded] == [a.id for a in articles]
    assert [c.error is not None for c in coded] == [False, False, True, False, False]
    assert coded[2].error_code == CoderError.code  # an unforeseen failure, with its code
