"""The API's whole-store signals equal ``signals.find_signals`` on the same store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from dyadwatch.api.signals import whole_store_signals
from dyadwatch.signals import Signal, find_signals
from dyadwatch.store import Store
from test_signals import _monthly, article_with, store_with


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
    items += [
        article_with(f"f{i}", day, "Post", [("FRA", "Paris", "attacked", "MLI", "Bamako")])
        for i, day in enumerate(_monthly(date(2020, 2, 3), 7))
    ]
    db = store_with(tmp_path / "s.duckdb", items)
    for context in ((), ("military",)):
        for by in ("month", "week"):
            expected = find_signals(db, by=by, context=context, alpha=0.5, top=20)
            with Store.open(db, read_only=True) as store:
                got = whole_store_signals(
                    store.connection, by=by, since=None, until=None, context=context, top=20,
                    min_count=3, alpha=0.5,
                )  # fmt: skip
            assert expected, (by, context)
            assert summary(got) == summary(expected)
