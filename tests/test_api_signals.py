"""The API's whole-store signals equal ``signals.find_signals`` on the same store."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from dyadwatch.store.store import Store
from dyadwatch.watch.signals import Signal, find_signals
from dyadwatch.watch.store_signals import whole_store_signals
from test_signals import _monthly, article_with, store_with

ROOT = Path(__file__).resolve().parents[1]


def summary(signals: list[Signal]) -> list[tuple[object, ...]]:
    return [
        (s.kind, s.dyad, s.group, s.contexts, s.count, s.baseline_count, round(s.p_value, 12),
         [(e.key, e.sentence, e.outlet, e.article_ids) for e in s.evidence])
        for s in signals
    ]  # fmt: skip


def test_whole_store_signals_equal_find_signals(tmp_path: Path) -> None:
    items = [
        article_with(f"b{i}", day, "Wire", [("USA", "Washington", "met", "DZA", "Algiers")])
        for i, day in enumerate(_monthly(date(2020, 1, 8), 8))
    ]
    last = date(2020, 9, 1)
    items += [
        article_with(f"r{i}", last + timedelta(days=5 * i), f"Courier{i % 2}",
                     [("USAMIL", "AFRICOM", "trained", "DZAMIL", "Algerian troops")])
        for i in range(6)
    ]  # fmt: skip
    # Three attacks a month from January to June, then none: a fall.
    items += [
        article_with(f"f{i}{j}", day + timedelta(days=7 * j), "Post",
                     [("FRA", "Paris", "attacked", "MLI", "Bamako")])
        for i, day in enumerate(_monthly(date(2020, 1, 3), 6))
        for j in range(3)
    ]  # fmt: skip
    items.append(
        article_with(
            "late", date(2020, 12, 20), "Post", [("KEN", "Nairobi", "met", "BRA", "Brasilia")]
        )
    )
    db = store_with(tmp_path / "s.duckdb", items)
    kinds: set[str] = set()
    for context in ((), ("military",)):
        for by in ("month", "week"):
            expected = find_signals(db, by=by, context=context, alpha=0.5, top=20)
            with Store.open(db, read_only=True) as store:
                got = whole_store_signals(
                    store.connection, by=by, since=None, until=None, context=context, top=20,
                    min_count=3, alpha=0.5,
                )  # fmt: skip
            assert summary(got) == summary(expected)
            kinds |= {s.kind for s in expected}
    assert kinds == {"rise", "fall", "first"}


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_api", ROOT / "benchmarks" / "api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # a synthetic store of many dyads, signals computed twice
def test_equal_on_a_synthetic_store_with_many_dyads(tmp_path: Path) -> None:
    db = tmp_path / "bench.duckdb"
    _benchmark().build_store(db, 4000)
    kinds: set[str] = set()
    for context in ((), ("military",)):
        for by, since in (("month", None), ("week", date(2024, 1, 1))):
            expected = find_signals(db, by=by, since=since, context=context, alpha=0.3, top=40)
            with Store.open(db, read_only=True) as store:
                got = whole_store_signals(
                    store.connection, by=by, since=since, until=None, context=context, top=40,
                    min_count=3, alpha=0.3,
                )  # fmt: skip
            assert summary(got) == summary(expected)
            kinds |= {s.kind for s in expected}
    assert {"rise", "first"} <= kinds
