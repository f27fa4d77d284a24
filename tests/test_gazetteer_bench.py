"""The gazetteer cache benchmark still runs: the SQLite store and the in-memory gazetteer built,
compared and measured on a few lookups (no timings asserted; the figures are in
benchmarks/README.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow  # builds an SQLite copy of the gazetteer in a process of its own


def test_the_two_stores_give_the_same_answers_and_are_measured() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "gazetteer_cache.py"), "--repeats", "1",
         "--lookups", "40", "--no-coding"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {line.split("  ")[0]: line.split()[-3:] for line in result.stdout.splitlines()[2:]}
    assert float(rows["file size, MB"][1]) > 0  # the SQLite file's (memory has none)
    for label in ("open + first lookup, ms", "lookup median, us"):
        memory, sqlite, _ratio = rows[label]
        assert float(memory) > 0 and float(sqlite) > 0
