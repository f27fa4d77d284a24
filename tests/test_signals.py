"""Signals: the Poisson tails, the shift test on plain counts, and signals on hand-built event
tables (a planted shift is found, a flat series gives none, a tiny count never does, firsts)."""

from __future__ import annotations

import json
import math
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli.signals import signals as signals_command
from dyadwatch.errors import InvalidArgument
from dyadwatch.watch.rows import EventRow
from dyadwatch.watch.signals import (
    binom_cdf,
    binom_sf,
    detect_signals,
    find_signals,
    shift_test,
    signals_to_pandas,
)
from test_dyads import article_with, row, store_with

# -- binomial tails ----------------------------------------------------------------------------


def _sf_by_sum(k: int, n: int, q: float) -> float:
    return sum(math.comb(n, i) * q**i * (1 - q) ** (n - i) for i in range(k, n + 1))


def test_binomial_tails_match_direct_sums() -> None:
    assert binom_sf(2, 2, 0.5) == pytest.approx(0.25)
    assert binom_cdf(0, 3, 0.5) == pytest.approx(0.125)
    for n in (1, 5, 17, 60, 150):
        for q in (0.01, 0.1, 1 / 3, 0.5, 0.9):
            for k in range(0, n + 2, max(1, n // 10)):
                assert binom_sf(k, n, q) == pytest.approx(_sf_by_sum(k, n, q), abs=1e-12)
                assert binom_sf(k + 1, n, q) + binom_cdf(k, n, q) == pytest.approx(1.0, abs=1e-12)


def test_binomial_far_tail_keeps_precision() -> None:
    # 1 - cdf would round to 0; summing the tail itself keeps the relative precision.
    assert binom_sf(40, 40, 0.1) == pytest.approx(1e-40, rel=1e-9)
    assert binom_cdf(0, 500, 0.5) == pytest.approx(0.5**500, rel=1e-9)
    assert binom_sf(0, 10, 0.0) == 1.0 and binom_sf(1, 10, 0.0) == 0.0


# -- the shift test on counts -------------------------------------------------------------------


def test_planted_rise_is_found() -> None:
    shift = shift_test([1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 8])
    assert shift is not None and shift.direction == "rise"
    assert shift.window == 1 and shift.count == 8 and shift.p_value < 1e-3
    # A rise spread over the last three periods is found as a three-period window.
    spread = shift_test([1, 0, 1, 1, 0, 1, 0, 1, 1, 5, 6, 5])
    assert spread is not None and spread.direction == "rise" and spread.window == 3


def test_planted_fall_is_found() -> None:
    shift = shift_test([9, 11, 10, 12, 9, 10, 11, 10, 9, 10, 11, 0])
    assert shift is not None and shift.direction == "fall" and shift.p_value < 1e-3


def test_flat_series_gives_no_signal() -> None:
    shift = shift_test([5] * 12)
    assert shift is None or shift.p_value > 0.5


def test_tiny_counts_never_signal() -> None:
    assert shift_test([0] * 11 + [2]) is None  # a rise needs min_count events
    assert (
        shift_test([0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]) is None
    )  # a fall needs min_count expected
    assert shift_test([0, 0, 9]) is None  # too little history
    assert shift_test([0] * 11 + [2], min_count=2) is not None  # ... which the threshold decides


def test_false_alarm_rate_is_controlled() -> None:
    """Series drawn from one constant rate: the adjusted test rarely fires at alpha = 0.01."""
    rng = random.Random(7)

    def draw(mu: float) -> int:
        # Knuth's method: enough for small rates, and no numpy.
        limit, k, p = math.exp(-mu), 0, rng.random()
        while p > limit:
            k += 1
            p *= rng.random()
        return k

    fired = 0
    for _ in range(400):
        shift = shift_test([draw(4.0) for _ in range(18)])
        fired += shift is not None and shift.p_value <= 0.01
    assert fired <= 8  # 2% of 400; the Bonferroni bound promises at most 1% on average


def test_fixed_window() -> None:
    counts = [1, 0, 1, 1, 0, 1, 0, 1, 1, 5, 6, 5]
    shift = shift_test(counts, window=1)
    assert shift is not None and shift.window == 1 and shift.count == 5
    with pytest.raises(InvalidArgument, match="at least 1"):
        shift_test(counts, window=0)


# -- signals on event tables --------------------------------------------------------------------


def _monthly(start: date, months: int) -> list[date]:
    out, day = [], start
    for _ in range(months):
        out.append(day)
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=day.day)
    return out


def planted() -> list[EventRow]:
    """USA-DZA: one consultation a month for 11 months, then 6 military cooperation events, one
    of them reported by 5 outlets; FRA-MLI: 4 events every month (flat); ETH-EGY: one accusation
    a month, then 2 (a tiny change)."""
    rows: list[EventRow] = []
    months = _monthly(date(2019, 11, 10), 12)
    for day in months[:11]:
        rows.append(row(day, "USAGOV", "DZAGOV", "CONSULT"))
    last = months[11]
    for i in range(6):
        rows.append(
            row(
                last + timedelta(days=i),
                "USAMIL",
                "DZAMIL",
                "COOPERATE",
                ("military",),
                mentions=5 if i == 2 else 1,
            )
        )
    rows.append(row(last, "DZAGOV", "USAMIL", "CONSULT", ("military",)))
    for day in months:
        rows += [row(day + timedelta(days=i), "FRA", "MLI", "CONSULT") for i in range(4)]
        rows.append(row(day, "ETH", "EGY", "ACCUSE"))
    rows.append(row(last + timedelta(days=3), "ETH", "EGY", "ACCUSE"))
    return rows


def test_detect_planted_shift_with_evidence() -> None:
    found = detect_signals(planted(), by="month", firsts=False)
    assert [(s.kind, s.dyad, s.group) for s in found] == [("rise", "USA-DZA", "cooperation")]
    signal = found[0]
    assert signal.count == 7 and signal.baseline_count == 11 and signal.baseline_periods == 11
    assert signal.window_start == date(2020, 10, 1) and signal.window_end == date(2020, 10, 31)
    assert signal.evidence[0].n_mentions == 5  # the most reported event comes first
    assert len(signal.evidence) == 5
    assert "rose" in signal.summary and "USA-DZA" in signal.summary
    json.dumps(signal.to_dict())  # serialisable as is


def test_context_restricts_the_counts() -> None:
    found = detect_signals(planted(), context="military", firsts=False)
    assert [(s.dyad, s.contexts, s.count) for s in found] == [("USA-DZA", ("military",), 7)]
    assert all("military" in e.plover_contexts for e in found[0].evidence)


def test_firsts() -> None:
    found = [s for s in detect_signals(planted()) if s.kind == "first"]
    military = [s for s in found if s.contexts == ("military",)]
    assert [(s.dyad, s.group) for s in military] == [("USA-DZA", "cooperation")]
    first = military[0]
    assert first.evidence[0].date == date(2020, 10, 10)  # the first one leads the evidence
    assert first.baseline_count == 11 and "USA-DZA first military cooperation" in first.summary
    # Without earlier history of the dyad, a first means nothing.
    alone = [r for r in planted() if r.source_country in ("USA", "DZA") and r.plover_contexts]
    assert not [s for s in detect_signals(alone, first_day=date(2019, 11, 1)) if s.kind == "first"]
    # A first long before the window is old news.
    assert not [
        s
        for s in detect_signals(planted(), until=date(2021, 12, 31), max_window=3)
        if s.kind == "first"
    ]


def test_tiny_dyads_and_short_corpora_never_signal() -> None:
    few = [
        row(date(2020, 1, 5), "USA", "DZA"),
        row(date(2020, 6, 5), "USA", "DZA"),
        row(date(2020, 6, 6), "USA", "DZA"),
    ]
    assert detect_signals(few) == []
    short = [row(date(2020, 1, 1) + timedelta(days=i), "USA", "DZA") for i in range(40)]
    assert detect_signals(short, by="month") == []  # two months: no baseline to speak of


def test_signals_from_a_store(tmp_path: Path) -> None:
    """Reports of one meeting merge into one event, so a rise needs real events, not coverage."""
    items = []
    for i, day in enumerate(_monthly(date(2020, 1, 8), 8)):
        items.append(
            article_with(f"b{i}", day, "Wire", [("USA", "Washington", "met", "DZA", "Algiers")])
        )
    last = date(2020, 9, 1)
    items += [
        article_with(
            f"r{i}",
            last + timedelta(days=5 * i),
            "Courier",
            [("USAMIL", "AFRICOM", "trained", "DZAMIL", "Algerian troops")],
        )
        for i in range(5)
    ]
    # Ten outlets report one attack: one event, so no conflict "rise".
    items += [
        article_with(
            f"c{i}", last, f"Outlet{i}", [("USA", "Washington", "attacked", "DZA", "Algiers")]
        )
        for i in range(10)
    ]
    db = store_with(tmp_path / "s.duckdb", items)
    found = find_signals(db, context="military", firsts=False)
    assert [(s.kind, s.dyad, s.group, s.count) for s in found] == [
        ("rise", "USA-DZA", "cooperation", 5)
    ]
    assert all(e.outlet == "Courier" for e in found[0].evidence)
    assert not [s for s in find_signals(db, firsts=False) if s.group == "conflict"]
    by_mention = find_signals(db, firsts=False, unit="mention")
    assert [s.count for s in by_mention if s.group == "conflict"] == [10]
    assert find_signals(db, dyad=("FRA", "MLI")) == []
    import pandas as pd
    assert isinstance(signals_to_pandas(found), pd.DataFrame)

    result = CliRunner().invoke(signals_command, ["--db", str(db), "--context", "military"])
    assert result.exit_code == 0, result.output
    assert "USA-DZA" in result.output and "AFRICOM trained Algerian troops" in result.output
    result = CliRunner().invoke(
        signals_command, ["--db", str(db), "--format", "json", "--top", "1"]
    )
    payload = json.loads(result.output)
    assert len(payload) == 1 and payload[0]["evidence"][0]["article_id"]
    result = CliRunner().invoke(signals_command, ["--db", str(db), "--context", "bogus"])
    assert result.exit_code == 1 and "unknown PLOVER context" in result.output
