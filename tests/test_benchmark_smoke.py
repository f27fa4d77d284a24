"""The throughput benchmark still runs: a tiny corpus, its harness end to end (no timings)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

pytestmark = pytest.mark.slow  # each test runs a benchmark in a process of its own


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(tmp_path: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT / "src")])}
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "throughput.py"), "--articles", "5",
         "--keep", str(tmp_path), *args],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_synthetic_corpus_is_article_length_news() -> None:
    corpus = _module("corpus")
    records = corpus.synthetic_corpus(40, seed=3)
    assert records == corpus.synthetic_corpus(40, seed=3)  # deterministic for a seed
    assert len({r["id"] for r in records}) == 40
    words = sum(len(r["text"].split()) for r in records) / len(records)
    assert 350 < words < 650
    assert {r["kind"] for r in records} == {"diplomacy", "security", "other"}
    for record in records:
        assert record["text"].split(",", 1)[0].isupper()  # a dateline: "CAIRO, May 2 -"
        assert record["text"].count("\n\n") >= 5  # paragraphs


def test_harness_runs_with_a_fake_coder(tmp_path: Path) -> None:
    out = _run(
        tmp_path, "--workers", "1", "2", "--coder", "fake_coder:FakeCoderFactory",
        "--skip-model-runs",
    )  # fmt: skip
    for label in ("pre-filter, 1 worker", "pre-filter, 2 workers", "no pre-filter, 1 worker"):
        assert f"ingest, {label}" in out
    assert "5 of 5 articles identical" in out
    assert (tmp_path / "corpus.jsonl").exists()


@pytest.mark.model
def test_harness_runs_with_the_model(tmp_path: Path) -> None:
    out = _run(tmp_path, "--workers", "1")
    assert "full parse" in out and "ingest, pre-filter, 1 worker" in out
    assert "articles identical" in out
    assert "bundled sample corpus" in out


@pytest.mark.model
def test_attribute_benchmark_finds_the_same_matches() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT / "src")])}
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "attributes.py"), "--articles", "3", "--repeats", "1"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("synthetic corpus"))
    assert "3 docs" in line and ", 0 documents differ" in line


@pytest.mark.model
def test_lemma_benchmark_finds_the_same_lemmas() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT / "src")])}
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "lemmas.py"), "--articles", "3", "--repeats", "1"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("synthetic corpus"))
    assert "3 docs" in line and ", 0 documents differ" in line


@pytest.mark.model
def test_stage_benchmark_times_every_step_of_what_the_coder_codes() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT / "src")])}
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "stages.py"), "--articles", "3", "--repeats", "1"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    steps = {line[:28].strip() for line in result.stdout.splitlines()}
    assert {"pre-filter", "tok2vec", "ner", "events", "places", "store", "total"} <= steps
    assert "0 articles differ" in result.stdout


def test_writer_benchmark_runs_with_a_fake_coder() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT / "src")])}
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "writer.py"), "--articles", "140", "--no-samples",
         "--coder", "fake_coder:FakeCoderFactory", "--repeats", "1"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "140 articles coded once" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.startswith("this tree"))
    cpu, wall, whole = (float(v) for v in row.split()[-3:])
    assert cpu > 0 and wall > 0 and whole > 0
