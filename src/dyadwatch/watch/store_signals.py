"""Signals over a whole store for the API: the test of ``dyadwatch.watch.signals``, computed from
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

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dyadwatch.query_run import fetch_dicts
from dyadwatch.watch.options import SIGNALS
from dyadwatch.watch.periods import check_period, next_period, period_range, period_start
from dyadwatch.watch.rows import EventRow, corpus_bounds, event_row
from dyadwatch.watch.selection import validate_contexts
from dyadwatch.watch.signals import Signal, rank_evidence, shift_test

if TYPE_CHECKING:
    import duckdb

MAX_WINDOW = SIGNALS.max_window
MIN_HISTORY = SIGNALS.min_history
MIN_PRIOR = SIGNALS.min_prior
EVIDENCE = SIGNALS.evidence
_CANDIDATES = 60
"""Events per signal ranked in SQL before the exact ranking (which drops repeated sentences)."""

# An event's day as ``dyads.load_events`` gives it: its first date, else (an event of its own
# with a month- or year-precision date, or none) its report's or its article's date. Only
# asserted events between two different known countries, within [?, ?].
_UNDATED = """
        UNION ALL
        SELECT e.event_id, coalesce(m.event_date, a.date), e.source_country, e.target_country,
               e.quad_class, e.plover_context, e.n_mentions, e.goldstein, e.modality
        FROM events e
        JOIN mentions m ON m.article_id = e.root_article_id AND m.idx = e.root_idx
        JOIN articles a ON a.id = e.root_article_id
        WHERE e.first_date IS NULL
"""

_LIGHT = """
light AS (
    SELECT * FROM (
        SELECT event_id AS key, first_date AS day, source_country, target_country, quad_class,
               plover_context, n_mentions, goldstein, modality
        FROM events WHERE first_date IS NOT NULL
        {undated}
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


@contextmanager
def _pairs_table(con: duckdb.DuckDBPyConnection, lo: date, hi: date, by: str) -> Iterator[str]:
    """The light rows of the events within [lo, hi], in a temporary table read by every query
    of one signals request (a temporary table belongs to its connection: no other request sees
    it)."""
    name = f"dw_signal_pairs_{uuid.uuid4().hex}"
    # The join that dates undated events scans the reports: only when there are some.
    undated = con.execute("SELECT count(*) FROM events WHERE first_date IS NULL").fetchall()
    light = _LIGHT.format(undated=_UNDATED if undated[0][0] else "")
    con.execute(f"CREATE TEMP TABLE {name} AS WITH {light} SELECT * FROM pairs", [lo, hi, by])
    try:
        yield name
    finally:
        con.execute(f"DROP TABLE IF EXISTS {name}")


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
    with _pairs_table(con, since or date.min, until or date.max, period) as table:
        lo, hi = con.execute(f"SELECT min(day), max(day) FROM {table}").fetchall()[0]
        if lo is None or hi is None:
            return []
        first_day, last_day = corpus_bounds(con)
        first = since or min(d for d in (first_day, lo) if d is not None)
        last = until or max(d for d in (last_day, hi) if d is not None)
        starts = period_range(first, last, period) if first <= last else []
        if len(starts) <= MIN_HISTORY:
            return []
        found = _shifts(con, table, starts, contexts, min_count, alpha)
        found += _firsts(con, table, period, starts, contexts)
        found.sort(key=lambda c: (c["p_value"], -c["count"], c["a"] + "-" + c["b"], c["kind"],
                                  c["group"], c["contexts"]))  # fmt: skip
        chosen = found[:top]
        rows = _evidence(con, table, chosen)
    return [_signal(c, period, starts, rows.get(i, [])) for i, c in enumerate(chosen)]


def _shifts(
    con: duckdb.DuckDBPyConnection,
    table: str,
    starts: list[date],
    contexts: tuple[str, ...],
    min_count: int,
    alpha: float,
) -> list[dict[str, Any]]:
    where = "grp IS NOT NULL" + (" AND list_has_any(plover_context, ?)" if contexts else "")
    params: list[Any] = [list(contexts)] if contexts else []
    cells = con.execute(
        f"SELECT x, y, grp, p, count(*), count(*) FILTER (WHERE source_country = x)"
        f" FROM {table} WHERE {where} GROUP BY ALL",
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
    table: str,
    by: str,
    starts: list[date],
    contexts: tuple[str, ...],
) -> list[dict[str, Any]]:
    """A dyad's first event of a context (or of a group), when it falls in the recent window
    and the dyad has enough earlier events."""
    recent = len(starts) - MAX_WINDOW
    earliest = max(recent, MIN_HISTORY)
    if earliest >= len(starts):
        return []
    if contexts:
        kinds = "unnest(list_intersect(plover_context, ?::VARCHAR[]))"
        params: list[Any] = [list(contexts)]
    else:
        # Every context the event carries, and NULL: the group whatever the context.
        kinds = "unnest(list_concat(plover_context, [NULL]))"
        params = []
    rows = fetch_dicts(
        con,
        f"""WITH expanded AS (
            SELECT x, y, grp, day, key, source_country, {kinds} AS ctx
            FROM {table} WHERE grp IS NOT NULL
        ),
        counted AS (
            SELECT x, y, grp, ctx, count(*) AS n, min(day) AS d
            FROM expanded GROUP BY ALL HAVING min(day) >= ?
        ),
        firsts AS (  -- the first event itself: the smallest key on the first day
            SELECT c.x, c.y, c.grp, c.ctx, c.n, c.d,
                   min(struct_pack(k := e.key, s := e.source_country)) AS f
            FROM counted c JOIN expanded e
              ON e.x = c.x AND e.y = c.y AND e.grp = c.grp AND e.day = c.d
             AND e.ctx IS NOT DISTINCT FROM c.ctx
            GROUP BY ALL
        ),
        days AS (SELECT x, y, day, count(*) AS n FROM {table} GROUP BY ALL),
        before AS (
            SELECT x, y, day, sum(n) OVER (PARTITION BY x, y ORDER BY day) - n AS prior
            FROM days
        )
        SELECT firsts.x, firsts.y, grp, ctx, firsts.n, firsts.d AS day, f.k AS key,
               f.s AS source, before.prior
        FROM firsts JOIN before
          ON before.x = firsts.x AND before.y = firsts.y AND before.day = firsts.d""",
        [*params, starts[earliest]],
    )
    recent = len(starts) - MAX_WINDOW
    index = {s: i for i, s in enumerate(starts)}
    out = []
    for r in rows:
        at = index[period_start(r["day"], by)]
        if at < earliest or r["prior"] < MIN_PRIOR:
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
    con: duckdb.DuckDBPyConnection, table: str, chosen: list[dict[str, Any]]
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
        f"""WITH pairs AS (SELECT * FROM {table}),
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
        [*[list(c) for c in columns], _CANDIDATES],
    ).fetchall()
    rows = _full_rows(con, sorted({k for _, k in ranked}))
    out: dict[int, list[EventRow]] = {}
    for i, key in ranked:
        if key in rows:
            out.setdefault(i, []).append(rows[key])
    return out


_FULL = """
SELECT event_id AS key, event_id, root_article_id || '#' || root_idx AS mention_id,
       first_date AS day, source_country, source_sector, source_code, source_name,
       target_country, target_sector, target_code, target_name, cameo_code, cameo_name,
       cameo_root, quad_class, goldstein, plover_type, plover_mode, plover_context, modality,
       n_mentions, n_articles, n_sources, root_article_id AS article_id, root_idx, outlet, title,
       url, evidence_sentence, sentence_start, trigger_text, trigger_start, trigger_end
FROM events WHERE event_id IN ({marks})
"""


def _full_rows(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, EventRow]:
    """Full rows of a few events: two queries with a key-IN filter, which DuckDB applies inside
    its scans (a join on the keys would read every report)."""
    if not keys:
        return {}
    marks = ", ".join(["?"] * len(keys))
    events = fetch_dicts(con, _FULL.format(marks=marks), keys)
    reports: dict[str, list[tuple[Any, ...]]] = {}
    for row in con.execute(
        "SELECT event_id, article_id, idx, event_date, event_json FROM mentions"
        f" WHERE event_id IN ({marks})",
        keys,
    ).fetchall():
        reports.setdefault(row[0], []).append(row[1:])
    out: dict[str, EventRow] = {}
    for r in events:
        mine = reports.get(r["key"], [])
        spans: dict[str, Any] = {}
        for article_id, idx, event_date, coded in mine:
            if (article_id, idx) == (r["article_id"], r["root_idx"]):
                spans = json.loads(coded)
                if r["day"] is None:  # an undated event's day, as load_events gives it
                    r["day"] = event_date or _article_date(con, article_id)
        for role, prefix in (("source", "s"), ("target", "t")):
            actor = spans.get(role) or {}
            r[f"{prefix}_start"], r[f"{prefix}_end"] = actor.get("start"), actor.get("end")
        r["article_ids"] = sorted({a for a, *_ in mine})
        r["outlets"] = []  # not shown with signals; finding them would read every article
        del r["root_idx"]
        out[r["key"]] = event_row(r)
    return out


def _article_date(con: duckdb.DuckDBPyConnection, article_id: str) -> date | None:
    row = con.execute("SELECT date FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row is not None else None


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
