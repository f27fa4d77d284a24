"""Signals over a whole store for the API: the test of ``dyadwatch.signals``, computed from
per-period counts that DuckDB aggregates, with evidence loaded only for the signals returned.

``signals.find_signals`` builds one Python row per event of the store, which takes minutes on
a store of millions of events. The shift test needs only each dyad's event counts per period,
and a "first" only the dyad's first event of a kind and how many came before it; both are
GROUP BY queries here. The candidates' p-values, counts and orientation come from those
aggregates; then one query loads the few hundred events the top signals show. The result is
the same as ``find_signals`` with its defaults (``firsts`` on, ``unit="event"``, asserted
events; tested).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dyadwatch.dyads import (
    EventRow,
    _row,
    check_period,
    corpus_bounds,
    next_period,
    period_range,
    period_start,
    validate_contexts,
)
from dyadwatch.query_run import fetch_dicts
from dyadwatch.signals import Signal, rank_evidence, shift_test

if TYPE_CHECKING:
    import duckdb

MAX_WINDOW = 6
MIN_HISTORY = 3
MIN_PRIOR = 3
EVIDENCE = 5
_CANDIDATES = 60
"""Events per signal ranked in SQL before the exact ranking (which drops repeated sentences)."""

# An event's day as ``dyads.load_events`` gives it: its first date, else (an event of its own
# with a month- or year-precision date, or none) its report's or its article's date. Only
# asserted events between two different known countries, within [?, ?].
_LIGHT = """
light AS (
    SELECT * FROM (
        SELECT event_id AS key, first_date AS day, source_country, target_country, quad_class,
               plover_context, n_mentions, goldstein, modality
        FROM events WHERE first_date IS NOT NULL
        UNION ALL
        SELECT e.event_id, coalesce(m.event_date, a.date), e.source_country, e.target_country,
               e.quad_class, e.plover_context, e.n_mentions, e.goldstein, e.modality
        FROM events e
        JOIN mentions m ON m.article_id = e.root_article_id AND m.idx = e.root_idx
        JOIN articles a ON a.id = e.root_article_id
        WHERE e.first_date IS NULL
    )
    WHERE day IS NOT NULL AND modality = 'asserted' AND source_country IS NOT NULL
      AND target_country IS NOT NULL AND source_country <> target_country
      AND day >= ? AND day <= ?
),
pairs AS (
    SELECT *, least(source_country, target_country) AS x,
           greatest(source_country, target_country) AS y,
           CASE WHEN quad_class IN (1, 2) THEN 'cooperation'
                WHEN quad_class IN (3, 4) THEN 'conflict' END AS grp,
           CAST(date_trunc(?, day) AS DATE) AS p
    FROM light
)
"""


def _bounds(con: duckdb.DuckDBPyConnection, lo: date, hi: date) -> tuple[date | None, date | None]:
    row = fetch_dicts(
        con, f"WITH {_LIGHT} SELECT min(day) AS lo, max(day) AS hi FROM pairs", [lo, hi, "day"]
    )[0]
    return row["lo"], row["hi"]


def whole_store_signals(
    con: duckdb.DuckDBPyConnection,
    *,
    by: str,
    since: date | None,
    until: date | None,
    context: tuple[str, ...],
    top: int,
    min_count: int,
    alpha: float,
) -> list[Signal]:
    """Ranked signals (at most ``top``), as ``find_signals(db, ...)`` gives them."""
    period = check_period(by)
    contexts = validate_contexts(context)
    lo, hi = _bounds(con, since or date.min, until or date.max)
    if lo is None or hi is None:
        return []
    first_day, last_day = corpus_bounds(con)
    first = since or min(d for d in (first_day, lo) if d is not None)
    last = until or max(d for d in (last_day, hi) if d is not None)
    starts = period_range(first, last, period) if first <= last else []
    if len(starts) <= MIN_HISTORY:
        return []
    found = _shifts(con, period, starts, first, last, contexts, min_count, alpha)
    found += _firsts(con, period, starts, first, last, contexts)
    found.sort(key=lambda c: (c["p_value"], -c["count"], c["a"] + "-" + c["b"], c["kind"],
                              c["group"], c["contexts"]))  # fmt: skip
    chosen = found[:top]
    rows = _evidence(con, period, first, last, chosen)
    return [_signal(c, period, starts, rows.get(i, [])) for i, c in enumerate(chosen)]


def _shifts(
    con: duckdb.DuckDBPyConnection,
    by: str,
    starts: list[date],
    first: date,
    last: date,
    contexts: tuple[str, ...],
    min_count: int,
    alpha: float,
) -> list[dict[str, Any]]:
    where = "grp IS NOT NULL" + (" AND list_has_any(plover_context, ?)" if contexts else "")
    params: list[Any] = [first, last, by] + ([list(contexts)] if contexts else [])
    cells = con.execute(
        f"WITH {_LIGHT} SELECT x, y, grp, p, count(*), count(*) FILTER (WHERE source_country = x)"
        f" FROM pairs WHERE {where} GROUP BY ALL",
        params,
    ).fetchall()
    index = {s: i for i, s in enumerate(starts)}
    series: dict[tuple[str, str, str], tuple[list[int], list[int]]] = {}
    for x, y, grp, p, n, nx in cells:
        counts, from_x = series.setdefault((x, y, grp), ([0] * len(starts), [0] * len(starts)))
        counts[index[p]] += n
        from_x[index[p]] += nx
    out = []
    for (x, y, grp), (counts, from_x) in sorted(series.items()):
        shift = shift_test(counts, max_window=MAX_WINDOW, min_count=min_count,
                           min_history=MIN_HISTORY)  # fmt: skip
        if shift is None or shift.p_value > alpha:
            continue
        cut = len(starts) - shift.window
        if shift.direction == "rise":
            shown = range(cut, len(starts))
        else:  # a fall shows what stopped: the last baseline periods before the window
            shown = range(max(0, cut - max(shift.window, 3)), cut)
        n, nx = sum(counts[i] for i in shown), sum(from_x[i] for i in shown)
        if n == 0:
            n, nx = sum(counts), sum(from_x)
        a, b = (y, x) if n - nx > nx else (x, y)
        out.append({
            "kind": shift.direction, "group": grp, "a": a, "b": b, "x": x, "y": y,
            "contexts": contexts, "filter": list(contexts), "at": cut, "window": shift.window,
            "count": shift.count, "baseline_count": shift.baseline_count,
            "baseline_periods": shift.baseline_periods, "expected": shift.expected,
            "p_value": shift.p_value, "lo": starts[shown[0]] if shown else starts[0],
            "hi": starts[shown[-1]] if shown else starts[-1], "first_key": None,
        })  # fmt: skip
    return out


def _firsts(
    con: duckdb.DuckDBPyConnection,
    by: str,
    starts: list[date],
    first: date,
    last: date,
    contexts: tuple[str, ...],
) -> list[dict[str, Any]]:
    """A dyad's first event of a context (or of a group), when it falls in the recent window
    and the dyad has enough earlier events."""
    if contexts:
        kinds = "SELECT unnest(?::VARCHAR[]) AS ctx"
        params: list[Any] = [first, last, by, list(contexts)]
        match = "list_contains(pairs.plover_context, kinds.ctx)"
    else:
        # Every context the dyad's events carry, and NULL: the group whatever the context.
        kinds = "SELECT DISTINCT unnest(plover_context) AS ctx FROM pairs UNION ALL SELECT NULL"
        params = [first, last, by]
        match = "(kinds.ctx IS NULL OR list_contains(pairs.plover_context, kinds.ctx))"
    rows = fetch_dicts(
        con,
        f"""WITH {_LIGHT}, kinds AS ({kinds}),
        firsts AS (
            SELECT x, y, grp, ctx, count(*) AS n,
                   min(struct_pack(d := day, k := key, s := source_country)) AS f
            FROM pairs JOIN kinds ON {match}
            WHERE grp IS NOT NULL GROUP BY ALL
        )
        SELECT x, y, grp, ctx, n, f.d AS day, f.k AS key, f.s AS source,
               (SELECT count(*) FROM pairs q WHERE q.x = firsts.x AND q.y = firsts.y
                AND q.day < f.d) AS prior
        FROM firsts""",
        params,
    )
    recent = len(starts) - MAX_WINDOW
    index = {s: i for i, s in enumerate(starts)}
    out = []
    for r in rows:
        at = index[period_start(r["day"], by)]
        if at < max(recent, MIN_HISTORY) or r["prior"] < MIN_PRIOR:
            continue
        w = len(starts) - at
        x, y = r["x"], r["y"]
        a, b = (y, x) if r["source"] == y else (x, y)
        ctx = (r["ctx"],) if r["ctx"] else ()
        out.append({
            "kind": "first", "group": r["grp"], "a": a, "b": b, "x": x, "y": y,
            "contexts": ctx, "filter": list(ctx), "at": at, "window": w, "count": r["n"],
            "baseline_count": r["prior"], "baseline_periods": at, "expected": 0.0,
            "p_value": (w / (at + w)) ** r["n"], "lo": starts[0], "hi": starts[-1],
            "first_key": r["key"],
        })  # fmt: skip
    return out


def _evidence(
    con: duckdb.DuckDBPyConnection, by: str, first: date, last: date, chosen: list[dict[str, Any]]
) -> dict[int, list[EventRow]]:
    """The candidate evidence of each chosen signal (by its position), as full rows."""
    if not chosen:
        return {}
    quads = {"cooperation": [1, 2], "conflict": [3, 4]}
    wanted = [
        [i, c["x"], c["y"], quads[c["group"]], c["filter"], c["lo"], c["hi"], c["first_key"]]
        for i, c in enumerate(chosen)
    ]
    columns = list(zip(*wanted, strict=True))
    ranked = con.execute(
        f"""WITH {_LIGHT},
        wanted AS (SELECT unnest(?::INTEGER[]) AS i, unnest(?::VARCHAR[]) AS x,
                          unnest(?::VARCHAR[]) AS y, unnest(?::INTEGER[][]) AS quads,
                          unnest(?::VARCHAR[][]) AS ctxs, unnest(?::DATE[]) AS lo,
                          unnest(?::DATE[]) AS hi, unnest(?::VARCHAR[]) AS first_key)
        SELECT i, key FROM (
            SELECT w.i, pairs.key, row_number() OVER (PARTITION BY w.i ORDER BY
                   pairs.key = w.first_key DESC, n_mentions DESC, abs(goldstein) DESC,
                   day DESC, pairs.key) AS r
            FROM pairs JOIN wanted w ON pairs.x = w.x AND pairs.y = w.y
             AND list_contains(w.quads, pairs.quad_class) AND pairs.p BETWEEN w.lo AND w.hi
             AND (len(w.ctxs) = 0 OR list_has_any(pairs.plover_context, w.ctxs))
        ) WHERE r <= ?""",
        [first, last, by, *[list(c) for c in columns], _CANDIDATES],
    ).fetchall()
    rows = _full_rows(con, sorted({k for _, k in ranked}))
    out: dict[int, list[EventRow]] = {}
    for i, key in ranked:
        if key in rows:
            out.setdefault(i, []).append(rows[key])
    return out


_FULL = """
SELECT e.event_id AS key, e.event_id, m.id AS mention_id,
       coalesce(e.first_date, m.event_date, a.date) AS day,
       e.source_country, e.source_sector, e.source_code, e.source_name,
       e.target_country, e.target_sector, e.target_code, e.target_name,
       e.cameo_code, e.cameo_name, e.cameo_root, e.quad_class, e.goldstein,
       e.plover_type, e.plover_mode, e.plover_context, e.modality,
       e.n_mentions, e.n_articles, e.n_sources,
       m.article_id, a.source AS outlet, a.title, a.url,
       m.evidence_sentence, m.sentence_start, m.trigger_text, m.trigger_start, m.trigger_end,
       s.start_char AS s_start, s.end_char AS s_end, t.start_char AS t_start, t.end_char AS t_end,
       r.article_ids, r.outlets
FROM (SELECT * FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))) e
JOIN mentions m ON m.article_id = e.root_article_id AND m.idx = e.root_idx
JOIN articles a ON a.id = m.article_id
LEFT JOIN actors s ON s.article_id = m.article_id AND s.mention_idx = m.idx AND s.role = 'source'
LEFT JOIN actors t ON t.article_id = m.article_id AND t.mention_idx = m.idx AND t.role = 'target'
LEFT JOIN (
    SELECT rm.event_id, list(DISTINCT rm.article_id) AS article_ids,
           list(DISTINCT coalesce(ra.source, '#' || ra.id)) AS outlets
    FROM mentions rm JOIN articles ra ON ra.id = rm.article_id
    WHERE rm.event_id IN (SELECT unnest(?::VARCHAR[]))
    GROUP BY rm.event_id
) r ON r.event_id = e.event_id
"""


def _full_rows(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, EventRow]:
    if not keys:
        return {}
    return {r["key"]: _row(r) for r in fetch_dicts(con, _FULL, [keys, keys])}


def _signal(c: dict[str, Any], by: str, starts: list[date], rows: list[EventRow]) -> Signal:
    end = next_period(starts[-1], by)
    if c["kind"] == "first":
        first = [r for r in rows if r.key == c["first_key"]]
        later = [r for r in rows if r.key != c["first_key"]]
        evidence = tuple(first + rank_evidence(later, EVIDENCE - 1))
    else:
        evidence = tuple(rank_evidence(rows, EVIDENCE))
    return Signal(
        kind=c["kind"],
        group=c["group"],
        a=c["a"],
        b=c["b"],
        contexts=tuple(c["contexts"]),
        by=by,  # type: ignore[arg-type]
        window_start=starts[c["at"]],
        window_end=end - timedelta(days=1),
        window_periods=c["window"],
        count=c["count"],
        baseline_count=c["baseline_count"],
        baseline_periods=c["baseline_periods"],
        expected=c["expected"],
        p_value=c["p_value"],
        evidence=evidence,
    )
