"""A dyad's series computed in SQL: one GROUP BY over the query's events, so it answers in
milliseconds on a large store (``dyadwatch.watch.dyads`` builds the richer CLI series, with distinct
articles and outlets, in Python)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dyadwatch.query import EventQuery, flat_sql, where_sql
from dyadwatch.query_run import fetch_dicts
from dyadwatch.watch.dyads import plover_scores
from dyadwatch.watch.periods import next_period, period_label, period_range

if TYPE_CHECKING:
    import duckdb


def dyad_series_sql(con: duckdb.DuckDBPyConnection, q: EventQuery, by: str) -> list[dict[str, Any]]:
    """Rows per period and direction (``ab``, ``ba``, ``both``) for ``q``'s dyad; periods
    without events are included from the first to the last (or ``start`` to ``end``)."""
    a, b = q.actors["dyad"]
    (sa, pa), (tb, pb) = a.sql("source"), b.sql("target")
    flat, params = flat_sql(q)
    where, where_params = where_sql(q)
    scores = plover_scores()
    sql = f"""
WITH flat AS ({flat}),
picked AS (
    SELECT CASE WHEN {sa} AND {tb} THEN 'ab' ELSE 'ba' END AS direction,
           CAST(date_trunc(?, date) AS DATE) AS period, quad_class, goldstein, plover_type,
           n_mentions
    FROM flat WHERE date IS NOT NULL AND {where}
),
scores AS (SELECT unnest(?::VARCHAR[]) AS plover_type, unnest(?::DOUBLE[]) AS score)
SELECT period, direction, count(*) AS events,
       count(*) FILTER (WHERE quad_class = 1) AS quad1,
       count(*) FILTER (WHERE quad_class = 2) AS quad2,
       count(*) FILTER (WHERE quad_class = 3) AS quad3,
       count(*) FILTER (WHERE quad_class = 4) AS quad4,
       sum(goldstein) AS goldstein_total,
       sum(coalesce(s.score, 0)) AS plover_score_total,
       sum(n_mentions) AS mentions,
       histogram(picked.plover_type) AS plover_counts
FROM picked LEFT JOIN scores s USING (plover_type)
GROUP BY ALL ORDER BY period, direction
"""
    # Parameters in the order their ``?`` appear: the flat rows' CTE, the CASE, date_trunc,
    # the filters, then the scores.
    args = [*params, *pa, *pb, by, *where_params, list(scores), list(scores.values())]
    found = fetch_dicts(con, sql, args)
    cells = {(r["period"], r["direction"]): r for r in found}
    days = [r["period"] for r in found]
    first = q.start or (min(days) if days else None)
    last = q.end or (max(days) if days else None)
    out: list[dict[str, Any]] = []
    if first is None or last is None:
        return out
    for start in period_range(first, last, by):
        ab, ba = cells.get((start, "ab")), cells.get((start, "ba"))
        for direction, parts in (("ab", [ab]), ("ba", [ba]), ("both", [ab, ba])):
            out.append(
                _row(start, by, direction, [p for p in parts if p is not None], a.code, b.code)
            )
    return out


def _row(
    start: date, by: str, direction: str, parts: list[dict[str, Any]], a: str, b: str
) -> dict[str, Any]:
    events = sum(p["events"] for p in parts)
    gold = sum(p["goldstein_total"] for p in parts)
    counts: dict[str, int] = {}
    for p in parts:
        for name, n in (p["plover_counts"] or {}).items():
            counts[name] = counts.get(name, 0) + int(n)
    quads = [sum(p[f"quad{i}"] for p in parts) for i in (1, 2, 3, 4)]
    label = {"ab": f"{a}->{b}", "ba": f"{b}->{a}"}.get(direction, f"{a}<->{b}")
    return {
        "period": period_label(start, by),
        "start": start.isoformat(),
        "end": (next_period(start, by) - timedelta(days=1)).isoformat(),
        "direction": direction,
        "dyad": label,
        "events": events,
        "quad1": quads[0], "quad2": quads[1], "quad3": quads[2], "quad4": quads[3],
        "cooperation": quads[0] + quads[1],
        "conflict": quads[2] + quads[3],
        "goldstein_total": round(gold, 3),
        "goldstein_mean": round(gold / events, 3) if events else None,
        "plover_score_total": round(sum(p["plover_score_total"] for p in parts), 3),
        "plover_counts": dict(sorted(counts.items())),
        "mentions": sum(p["mentions"] for p in parts),
    }  # fmt: skip
