"""Dyad time series: how events between two actors add up per day, week or month.

>>> series = dyad_series("corpus.duckdb", "USA", "DZA", context="military")  # doctest: +SKIP
>>> series.rows[0].goldstein_total                                            # doctest: +SKIP

The analysis reads the store through one narrow seam, ``watch.rows.load_events``; the actors,
contexts and directions a question picks are in ``watch.selection``, the calendar in
``watch.periods``. ``docs/signals.md`` documents the choices.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date as Date
from typing import Any

from dyadwatch.errors import InvalidArgument, MissingExtra
from dyadwatch.knowledge.ontology import load_ontology
from dyadwatch.store.connect import open_connection
from dyadwatch.watch.options import DEFAULT_PERIOD
from dyadwatch.watch.periods import (
    Period,
    check_period,
    check_range,
    period_end,
    period_label,
    period_range,
    period_start,
)
from dyadwatch.watch.rows import EventRow, Unit, load_events
from dyadwatch.watch.selection import (
    ActorSpec,
    Direction,
    direction_of,
    validate_contexts,
    with_context,
)

# -- series -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodRow:
    """Events of one direction of a dyad in one period."""

    period: str
    start: Date
    end: Date
    direction: Direction
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_total: float
    goldstein_mean: float | None
    plover_score_total: float
    plover_counts: tuple[tuple[str, int], ...]
    mentions: int
    articles: int
    sources: int

    @property
    def cooperation(self) -> int:
        return self.quad1 + self.quad2

    @property
    def conflict(self) -> int:
        return self.quad3 + self.quad4


@dataclass(frozen=True)
class DyadSeries:
    """A dyad's per-period table: for each period, rows for A->B, B->A and both directions."""

    a: str
    b: str
    by: Period
    since: Date | None
    until: Date | None
    contexts: tuple[str, ...]
    rows: tuple[PeriodRow, ...]
    events: tuple[EventRow, ...]
    """The dyad's events (either direction) behind the rows, by date."""
    plover_types: tuple[str, ...] = ()

    def label(self, direction: Direction) -> str:
        return {"ab": f"{self.a}->{self.b}", "ba": f"{self.b}->{self.a}"}.get(
            direction, f"{self.a}<->{self.b}"
        )

    def direction(self, direction: Direction) -> tuple[PeriodRow, ...]:
        return tuple(r for r in self.rows if r.direction == direction)

    def to_records(self) -> list[dict[str, Any]]:
        """Flat dicts, one per row, with one ``plover_<TYPE>`` column for every PLOVER type."""
        out = []
        for r in self.rows:
            fields = asdict(r)
            counts = dict(fields.pop("plover_counts"))
            fields.update(start=r.start.isoformat(), end=r.end.isoformat())
            record: dict[str, Any] = {}
            for name, value in fields.items():
                record[name] = round(value, 3) if isinstance(value, float) else value
                if name == "direction":
                    record["dyad"] = self.label(r.direction)
                elif name == "quad4":
                    record.update(cooperation=r.cooperation, conflict=r.conflict)
            record.update({f"plover_{t}": counts.get(t, 0) for t in self.plover_types})
            out.append(record)
        return out

    def to_pandas(self) -> Any:
        """The records as a ``pandas.DataFrame`` (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise MissingExtra("to_pandas", "pandas", "pandas") from exc
        return pd.DataFrame(self.to_records())


def plover_scores() -> dict[str, float]:
    """PLOVER type -> its conflict/cooperation score, from the ontology."""
    return {t.name: t.score for t in load_ontology().plover_types()}


def summarize(
    rows: Sequence[EventRow], scores: dict[str, float]
) -> tuple[int, list[int], float, float, Counter[str], int, int, int]:
    """Counts of a group of rows: events, per QuadClass, Goldstein and PLOVER score totals,
    PLOVER types, mentions, distinct articles, distinct sources."""
    quads = [0, 0, 0, 0]
    for r in rows:
        if 1 <= r.quad_class <= 4:
            quads[r.quad_class - 1] += 1
    types = Counter(r.plover_type for r in rows)
    articles = {a for r in rows for a in (r.article_ids or (r.article_id,))}
    sources = {s for r in rows for s in (r.outlets or (r.outlet or "#" + r.article_id,))}
    return (
        len(rows),
        quads,
        sum((r.goldstein for r in rows), 0.0),
        # A type the ontology does not know scores 0 rather than failing the whole series.
        sum((scores.get(r.plover_type, 0.0) for r in rows), 0.0),
        types,
        sum(r.n_mentions for r in rows),
        len(articles),
        len(sources),
    )


def build_series(
    rows: Iterable[EventRow],
    a: str,
    b: str,
    *,
    by: str = DEFAULT_PERIOD,
    since: Date | None = None,
    until: Date | None = None,
    context: Iterable[str] | str | None = None,
    scores: dict[str, float] | None = None,
) -> DyadSeries:
    """The per-period table of dyad A-B from a flat event table (pure: no database)."""
    period = check_period(by)
    spec_a, spec_b = ActorSpec.parse(a), ActorSpec.parse(b)
    if spec_a.code == spec_b.code:
        raise InvalidArgument("b", f"the two actors of dyad {a} {b} must differ")
    contexts = validate_contexts(context)
    scores = plover_scores() if scores is None else scores
    picked: list[tuple[Direction, EventRow]] = []
    for row in with_context(rows, contexts):
        if (since is not None and row.date < since) or (until is not None and row.date > until):
            continue
        direction = direction_of(row, spec_a, spec_b)
        if direction is not None:
            picked.append((direction, row))
    picked.sort(key=lambda x: (x[1].date, x[1].key))
    events = tuple(r for _, r in picked)
    first = since or (events[0].date if events else None)
    last = until or (events[-1].date if events else None)
    starts = period_range(first, last, period) if first and last and first <= last else []
    buckets: dict[tuple[Date, Direction], list[EventRow]] = {}
    for direction, row in picked:
        buckets.setdefault((period_start(row.date, period), direction), []).append(row)
    out: list[PeriodRow] = []
    for start in starts:
        end = period_end(start, period)
        ab, ba = buckets.get((start, "ab"), []), buckets.get((start, "ba"), [])
        groups: list[tuple[Direction, list[EventRow]]] = [("ab", ab), ("ba", ba), ("both", ab + ba)]
        for direction, group in groups:
            out.append(
                _period_row(period_label(start, period), start, end, direction, group, scores)
            )
    known = list(scores)
    extra = sorted({r.plover_type for r in events} - set(known))
    return DyadSeries(
        a=spec_a.code,
        b=spec_b.code,
        by=period,
        since=since,
        until=until,
        contexts=contexts,
        rows=tuple(out),
        events=events,
        plover_types=tuple(known + extra),
    )


def _period_row(
    label: str,
    start: Date,
    end: Date,
    direction: Direction,
    rows: Sequence[EventRow],
    scores: dict[str, float],
) -> PeriodRow:
    n, quads, gold, score, types, mentions, articles, sources = summarize(rows, scores)
    return PeriodRow(
        period=label,
        start=start,
        end=end,
        direction=direction,
        events=n,
        quad1=quads[0],
        quad2=quads[1],
        quad3=quads[2],
        quad4=quads[3],
        goldstein_total=gold,
        goldstein_mean=gold / n if n else None,
        plover_score_total=score,
        plover_counts=tuple(sorted(types.items())),
        mentions=mentions,
        articles=articles,
        sources=sources,
    )


def dyad_series(
    db: Any,
    a: str,
    b: str,
    *,
    by: str = DEFAULT_PERIOD,
    since: Date | None = None,
    until: Date | None = None,
    context: Iterable[str] | str | None = None,
    all_modalities: bool = False,
    unit: Unit = "event",
    include_unknown: bool = False,
) -> DyadSeries:
    """The per-period table of dyad A-B from a store.

    ``db`` is a database path (``None``: the ``db`` setting), an open ``Store`` or a DuckDB
    connection. ``a`` and ``b`` are countries (``DZA``), country+sector codes (``USAMIL``),
    IGO codes (``IGOUNO``), or ``---`` for the unknown actor, which needs ``include_unknown``.
    """
    check_period(by)
    spec_a, spec_b = ActorSpec.parse(a), ActorSpec.parse(b)
    validate_contexts(context)
    check_range(since, until)
    with open_connection(db) as con:
        rows = load_events(
            con,
            since=since,
            until=until,
            countries=spec_a.covered() | spec_b.covered(),
            all_modalities=all_modalities,
            unit=unit,
            include_unknown=include_unknown,
        )
    return build_series(rows, a, b, by=by, since=since, until=until, context=context)
