"""Signals: dyads whose cooperation or conflict rose or fell against their own baseline, and
firsts (the first event of a kind between two actors), each with the events that carry it.

The test (``docs/signals.md`` explains it with an example) asks whether the dyad's event rate in
the latest ``w`` periods differs from its rate in the ``n`` periods before. Counts are taken as
Poisson; given the total ``N`` of both, the window's count is then ``Binomial(N, w / (n + w))``
when the rate did not change. This is the exact test for two Poisson rates: unlike a Poisson test
against the baseline mean, it accounts for the baseline being an estimate too. A rise is
``P(X >= count)``, a fall ``P(X <= count)``.

The window ends with the last period (the data's, or ``until``'s). Its length is fixed
(``window``) or scanned from 1 to ``max_window`` periods; the p-value is then multiplied by the
number of lengths and directions tried (Bonferroni), so scanning does not buy false alarms.
A rise needs at least ``min_count`` events in the window, a fall at least ``min_count`` expected,
and both at least ``min_history`` baseline periods: tiny counts never make a signal.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import Any, Literal

from dyadwatch.errors import InvalidArgument, MissingExtra
from dyadwatch.records import UNKNOWN_CODE
from dyadwatch.store.connect import open_connection
from dyadwatch.watch.options import DEFAULT_PERIOD, SIGNALS
from dyadwatch.watch.periods import (
    Period,
    check_period,
    check_range,
    period_end,
    period_label,
    period_range,
    period_start,
)
from dyadwatch.watch.rows import CONFLICT, COOPERATION, EventRow, Unit, corpus_bounds, load_events
from dyadwatch.watch.selection import ActorSpec, igo_root, validate_contexts, with_context

Kind = Literal["rise", "fall", "first"]
Group = Literal["cooperation", "conflict"]
GROUPS: dict[Group, frozenset[int]] = {"cooperation": COOPERATION, "conflict": CONFLICT}

# -- the binomial tails -------------------------------------------------------------------------


def _log_pmf(i: int, n: int, q: float) -> float:
    return (
        math.lgamma(n + 1)
        - math.lgamma(i + 1)
        - math.lgamma(n - i + 1)
        + i * math.log(q)
        + (n - i) * math.log1p(-q)
    )


def _tail(terms: Iterable[int], n: int, q: float) -> float:
    """Sum pmf terms that only decrease (walking away from the mode), stopping once they stop
    mattering: a few dozen terms instead of n."""
    total = 0.0
    for i in terms:
        term = math.exp(_log_pmf(i, n, q))
        total += term
        if term <= total * 1e-17:
            break
    return min(1.0, total)


def binom_sf(k: int, n: int, q: float) -> float:
    """``P(X >= k)`` for ``X ~ Binomial(n, q)``."""
    if k <= 0:
        return 1.0
    if k > n or q <= 0:
        return 0.0
    if q >= 1:
        return 1.0
    if k > math.floor((n + 1) * q):  # above the mode: sum the small upper tail itself
        return _tail(range(k, n + 1), n, q)
    return max(0.0, 1.0 - binom_cdf(k - 1, n, q))


def binom_cdf(k: int, n: int, q: float) -> float:
    """``P(X <= k)`` for ``X ~ Binomial(n, q)``."""
    if k < 0:
        return 0.0
    if k >= n or q <= 0:
        return 1.0
    if q >= 1:
        return 0.0
    if k < math.floor((n + 1) * q):  # below the mode: sum the small lower tail itself
        return _tail(range(k, -1, -1), n, q)
    return max(0.0, 1.0 - binom_sf(k + 1, n, q))


@dataclass(frozen=True)
class Shift:
    """The outcome of the shift test on one count series."""

    direction: Literal["rise", "fall"]
    window: int
    count: int
    baseline_count: int
    baseline_periods: int
    expected: float
    p_value: float
    """Adjusted for the window lengths and directions tried (Bonferroni), at most 1."""


def shift_test(
    counts: Sequence[int],
    *,
    window: int | None = None,
    max_window: int = SIGNALS.max_window,
    min_count: int = SIGNALS.min_count,
    min_history: int = SIGNALS.min_history,
) -> Shift | None:
    """The most significant rise or fall of the last periods of ``counts`` against the periods
    before them (see the module doc); ``None`` when no window is eligible. Pure."""
    if window is not None and window < 1:
        raise InvalidArgument("window", f"must be at least 1 period, not {window}")
    lengths = [window] if window is not None else list(range(1, max(1, max_window) + 1))
    lengths = [w for w in lengths if len(counts) - w >= min_history]
    tries = 2 * len(lengths)
    best: Shift | None = None
    for w in lengths:
        base, recent = counts[:-w], counts[-w:]
        n, baseline, count = len(base), sum(base), sum(recent)
        # Under "no change" each of the total's events falls in the window with chance w/(n+w).
        total, share, expected = baseline + count, w / (n + w), w * baseline / n
        candidates: list[Shift] = []
        if count >= min_count and count > expected:
            p = binom_sf(count, total, share)
            candidates.append(Shift("rise", w, count, baseline, n, expected, min(1.0, p * tries)))
        if expected >= min_count and count < expected:
            p = binom_cdf(count, total, share)
            candidates.append(Shift("fall", w, count, baseline, n, expected, min(1.0, p * tries)))
        for c in candidates:
            if best is None or (c.p_value, -c.count) < (best.p_value, -best.count):
                best = c
    return best


# -- signals ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    """A change in a dyad's relations, with the events that show it."""

    kind: Kind
    group: Group
    a: str
    b: str
    contexts: tuple[str, ...]
    by: Period
    window_start: Date
    window_end: Date
    window_periods: int
    count: int
    baseline_count: int
    baseline_periods: int
    expected: float
    p_value: float
    evidence: tuple[EventRow, ...]

    @property
    def dyad(self) -> str:
        return f"{self.a}-{self.b}"

    @property
    def what(self) -> str:
        """``military cooperation``, ``conflict``, ..."""
        return " ".join([*self.contexts, self.group]) if self.contexts else self.group

    @property
    def summary(self) -> str:
        span = period_label(self.window_start, self.by)
        if self.window_periods > 1:
            span += ".." + period_label(period_start(self.window_end, self.by), self.by)
        if self.kind == "first":
            when = self.evidence[0].date.isoformat() if self.evidence else span
            return (
                f"{self.dyad} first {self.what} event in the corpus on {when}, after "
                f"{self.baseline_count} earlier events of the dyad ({self.count} such since)"
            )
        verb = "rose" if self.kind == "rise" else "fell"
        return (
            f"{self.dyad} {self.what} {verb}: {self.count} events in {span} "
            f"vs {self.expected:.1f} expected from {self.baseline_count} in the "
            f"{self.baseline_periods} {self.by}s before (p={self.p_value:.2g})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "group": self.group,
            "dyad": self.dyad,
            "a": self.a,
            "b": self.b,
            "contexts": list(self.contexts),
            "by": self.by,
            "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(),
            "window_periods": self.window_periods,
            "count": self.count,
            "baseline_count": self.baseline_count,
            "baseline_periods": self.baseline_periods,
            "expected": round(self.expected, 4),
            "p_value": self.p_value,
            "summary": self.summary,
            "evidence": [evidence_dict(r) for r in self.evidence],
        }


def evidence_dict(row: EventRow) -> dict[str, Any]:
    """The parts of an event an analyst checks: what, who, where it was reported."""
    return {
        "date": row.date.isoformat(),
        "event_id": row.key,
        "source": row.source_code,
        "target": row.target_code,
        "cameo": f"{row.cameo_code} {row.cameo_name}",
        "plover": row.plover_type,
        "goldstein": row.goldstein,
        "mentions": row.n_mentions,
        "sources": row.n_sources,
        "sentence": row.sentence,
        "trigger": row.trigger_text,
        "article_id": row.article_id,
        "title": row.title,
        "outlet": row.outlet,
        "url": row.url,
        "articles": list(row.article_ids),
    }


def rank_evidence(rows: Iterable[EventRow], limit: int | None = None) -> list[EventRow]:
    """Most reported first, then the strongest (Goldstein magnitude), then the latest; one event
    per sentence (a sentence coding two events would otherwise show twice)."""
    ranked = sorted(
        rows, key=lambda r: (-r.n_mentions, -abs(r.goldstein), -r.date.toordinal(), r.key)
    )
    seen: set[tuple[str, int]] = set()
    out: list[EventRow] = []
    for r in ranked:
        if (r.article_id, r.sentence_start) not in seen:
            seen.add((r.article_id, r.sentence_start))
            out.append(r)
    return out[:limit]


def dyad_key(row: EventRow, include_unknown: bool = False) -> tuple[str, str] | None:
    """The unordered country pair of an event; ``None`` without two different countries. With
    ``include_unknown``, an unknown actor (``---``) counts as a party of its own."""
    s, t = igo_root(row.source_country), igo_root(row.target_country)  # the UN for its agencies
    if include_unknown:
        s = s or (UNKNOWN_CODE if row.source_code == UNKNOWN_CODE else None)
        t = t or (UNKNOWN_CODE if row.target_code == UNKNOWN_CODE else None)
    if s is None or t is None or s == t:
        return None
    return (s, t) if s < t else (t, s)


def _oriented(pair: tuple[str, str], rows: Sequence[EventRow]) -> tuple[str, str]:
    # Name the dyad after the more frequent initiator of the signal's events (USA-DZA when the
    # US acts more), alphabetically on a tie.
    sources = Counter(igo_root(r.source_country) or r.source_code for r in rows)
    x, y = pair
    return (y, x) if sources[y] > sources[x] else (x, y)


def detect_signals(
    rows: Sequence[EventRow],
    *,
    by: str = DEFAULT_PERIOD,
    since: Date | None = None,
    until: Date | None = None,
    first_day: Date | None = None,
    last_day: Date | None = None,
    context: Iterable[str] | str | None = None,
    window: int | None = None,
    max_window: int = SIGNALS.max_window,
    min_count: int = SIGNALS.min_count,
    min_history: int = SIGNALS.min_history,
    min_prior: int = SIGNALS.min_prior,
    alpha: float = SIGNALS.alpha,
    evidence: int = SIGNALS.evidence,
    firsts: bool = True,
    include_unknown: bool = False,
) -> list[Signal]:
    """Ranked signals from a flat event table (pure: no database). Events of an unknown actor
    (``---``) make no dyad unless ``include_unknown``.

    The periods run from ``since`` (else ``first_day``, else the first event) to ``until`` (else
    ``last_day``, else the last event); periods without events count as zeros. Rows outside are
    ignored. Ranked by p-value, then by count.
    """
    period = check_period(by)
    contexts = validate_contexts(context)
    dated = list(rows)
    if not dated:
        return []
    first = since or min([d for d in (first_day, min(r.date for r in dated)) if d is not None])
    last = until or max([d for d in (last_day, max(r.date for r in dated)) if d is not None])
    starts = period_range(first, last, period) if first <= last else []
    if len(starts) <= min_history:
        return []
    index = {start: i for i, start in enumerate(starts)}
    by_dyad: dict[tuple[str, str], list[EventRow]] = {}
    for row in dated:
        pair = dyad_key(row, include_unknown)
        if pair is not None and first <= row.date <= last:
            by_dyad.setdefault(pair, []).append(row)
    settings = _Settings(
        period, starts, index, window, max_window, min_count, min_history, min_prior, evidence
    )
    out: list[Signal] = []
    for pair, dyad_rows in sorted(by_dyad.items()):
        chosen = with_context(dyad_rows, contexts)
        for group, quads in GROUPS.items():
            signal = _shift_signal(
                settings, pair, group, contexts, [r for r in chosen if r.quad_class in quads]
            )
            if signal is not None and signal.p_value <= alpha:
                out.append(signal)
        if firsts:
            out += _firsts(settings, pair, dyad_rows, contexts)
    out.sort(key=lambda s: (s.p_value, -s.count, s.dyad, s.kind, s.group, s.contexts))
    return out


@dataclass(frozen=True)
class _Settings:
    by: Period
    starts: list[Date]
    index: dict[Date, int]
    window: int | None
    max_window: int
    min_count: int
    min_history: int
    min_prior: int
    evidence: int

    def period_of(self, day: Date) -> int:
        return self.index[period_start(day, self.by)]

    def end_of_last(self) -> Date:
        return period_end(self.starts[-1], self.by)


def _shift_signal(
    s: _Settings,
    pair: tuple[str, str],
    group: Group,
    contexts: tuple[str, ...],
    rows: list[EventRow],
) -> Signal | None:
    counts = [0] * len(s.starts)
    for r in rows:
        counts[s.period_of(r.date)] += 1
    shift = shift_test(
        counts,
        window=s.window,
        max_window=s.max_window,
        min_count=s.min_count,
        min_history=s.min_history,
    )
    if shift is None:
        return None
    cut = len(s.starts) - shift.window
    if shift.direction == "rise":
        shown = [r for r in rows if s.period_of(r.date) >= cut]
    else:
        # A fall shows what stopped: the events of the last baseline periods before the window.
        shown = [r for r in rows if cut - max(shift.window, 3) <= s.period_of(r.date) < cut]
    a, b = _oriented(pair, shown or rows)
    return Signal(
        kind=shift.direction,
        group=group,
        a=a,
        b=b,
        contexts=contexts,
        by=s.by,
        window_start=s.starts[cut],
        window_end=s.end_of_last(),
        window_periods=shift.window,
        count=shift.count,
        baseline_count=shift.baseline_count,
        baseline_periods=shift.baseline_periods,
        expected=shift.expected,
        p_value=shift.p_value,
        evidence=tuple(rank_evidence(shown, s.evidence)),
    )


def _firsts(
    s: _Settings, pair: tuple[str, str], rows: list[EventRow], contexts: tuple[str, ...]
) -> list[Signal]:
    """First events of a context (or of a group at all, without ``--context``) that fall in the
    recent window, for dyads with at least ``min_prior`` earlier events."""
    recent = len(s.starts) - (s.window or s.max_window)
    kinds: list[str | None] = list(contexts) or [
        *sorted({c for r in rows for c in r.plover_contexts}),
        None,
    ]
    out: list[Signal] = []
    for ctx in kinds:
        for group, quads in GROUPS.items():
            chosen = [
                r
                for r in rows
                if r.quad_class in quads and (ctx is None or ctx in r.plover_contexts)
            ]
            if not chosen:
                continue
            first = min(chosen, key=lambda r: (r.date, r.key))
            at = s.period_of(first.date)
            prior = sum(1 for r in rows if r.date < first.date)
            # Enough corpus before it and enough dyad history for "first" to mean something.
            if at < max(recent, s.min_history) or prior < s.min_prior:
                continue
            later = [r for r in chosen if r.key != first.key]
            w = len(s.starts) - at
            a, b = _oriented(pair, [first])
            out.append(
                Signal(
                    kind="first",
                    group=group,
                    a=a,
                    b=b,
                    contexts=(ctx,) if ctx else (),
                    by=s.by,
                    window_start=s.starts[at],
                    window_end=s.end_of_last(),
                    window_periods=w,
                    count=len(chosen),
                    baseline_count=prior,
                    baseline_periods=at,
                    expected=0.0,
                    # The rise test's p-value for a context never seen before the window.
                    p_value=(w / (at + w)) ** len(chosen),
                    evidence=(first, *rank_evidence(later, s.evidence - 1)),
                )
            )
    return out


def find_signals(
    db: Any = None,
    *,
    by: str = DEFAULT_PERIOD,
    since: Date | None = None,
    until: Date | None = None,
    context: Iterable[str] | str | None = None,
    dyad: tuple[str, str] | None = None,
    window: int | None = None,
    max_window: int = SIGNALS.max_window,
    min_count: int = SIGNALS.min_count,
    min_history: int = SIGNALS.min_history,
    min_prior: int = SIGNALS.min_prior,
    alpha: float = SIGNALS.alpha,
    evidence: int = SIGNALS.evidence,
    firsts: bool = True,
    top: int | None = None,
    all_modalities: bool = False,
    unit: Unit = "event",
    include_unknown: bool = False,
) -> list[Signal]:
    """Ranked signals from a store (``db``: a path, ``None`` for the ``db`` setting, an open
    ``Store`` or a DuckDB connection). ``dyad`` restricts them to one pair of countries."""
    check_period(by)
    validate_contexts(context)
    check_range(since, until)
    countries = None
    if dyad is not None:
        countries = set().union(*(ActorSpec.parse(code).covered() for code in dyad))
    with open_connection(db) as con:
        first_day, last_day = corpus_bounds(con)
        rows = load_events(
            con,
            since=since,
            until=until,
            countries=countries,
            all_modalities=all_modalities,
            unit=unit,
            include_unknown=include_unknown,
        )
    found = detect_signals(
        rows,
        by=by,
        since=since,
        until=until,
        first_day=first_day,
        last_day=last_day,
        context=context,
        window=window,
        max_window=max_window,
        min_count=min_count,
        min_history=min_history,
        min_prior=min_prior,
        alpha=alpha,
        evidence=evidence,
        firsts=firsts,
        include_unknown=include_unknown,
    )
    if countries is not None:
        found = [s for s in found if {s.a, s.b} == countries]
    return found[:top] if top is not None else found


def signals_to_pandas(signals: Sequence[Signal]) -> Any:
    """One row per signal (evidence as a list column); needs pandas."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtra("signals_to_pandas", "pandas", "pandas") from exc
    return pd.DataFrame([s.to_dict() for s in signals])
