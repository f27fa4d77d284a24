"""The dashboard's reads that the API has no endpoint for: a sorted page of a query's rows, the
events per week by QuadClass, the actor codes a store holds, map bins and article spans. Each
runs over the query layer's row set (``query.flat_sql``/``where_sql``) with bound parameters."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import InvalidArgument
from dyadwatch.memo import Memo
from dyadwatch.query import EventQuery, flat_sql, where_sql
from dyadwatch.query_run import count, fetch_dicts
from dyadwatch.store.details import evidence_spans
from dyadwatch.watch.periods import next_period

if TYPE_CHECKING:
    import duckdb

SORTS: dict[str, str] = {
    "date": "date",
    "source": "source_code",
    "target": "target_code",
    "cameo": "cameo_code",
    "quad": "quad_class",
    "goldstein": "goldstein",
    "sources": "n_sources",
    "mentions": "n_mentions",
    "confidence": "confidence",
    "added": "added_at",
}
"""Sortable columns of the events table: the name in the URL and the row column (a whitelist:
no URL text reaches the SQL)."""

MAX_OFFSET = 100_000
"""Deepest row a sorted page starts at (further: narrow the filters)."""


def sorted_page(
    con: duckdb.DuckDBPyConnection,
    q: EventQuery,
    sort: str = "date",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Rows of ``q`` (with their representative report's evidence) sorted by ``sort``."""
    if sort not in SORTS:
        raise InvalidArgument("sort", f"one of {', '.join(SORTS)}, not {sort!r}")
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidArgument("page", f"at most {MAX_OFFSET} rows deep; narrow the filters")
    column = SORTS[sort]
    way = "DESC" if descending else "ASC"
    flat, params = flat_sql(q)
    where, where_params = where_sql(q)
    order = f"{column} {way} NULLS LAST, key {way}"
    sql = f"""
WITH flat AS ({flat}),
page AS (SELECT * FROM flat WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?)
SELECT * FROM page ORDER BY {order}
"""
    return fetch_dicts(con, sql, [*params, *where_params, limit, offset])


def total(con: duckdb.DuckDBPyConnection, q: EventQuery) -> int:
    return count(con, q)


def weekly_quads(con: duckdb.DuckDBPyConnection, weeks: int = 52) -> list[dict[str, Any]]:
    """Merged events per ISO week (Monday) and QuadClass over the ``weeks`` weeks ending with
    the store's last dated event; weeks without events included."""
    last = fetch_dicts(con, "SELECT max(first_date) AS d FROM events", [])[0]["d"]
    if last is None:
        return []
    end = last - timedelta(days=last.weekday())
    start = end - timedelta(weeks=weeks - 1)
    found = fetch_dicts(
        con,
        "SELECT CAST(date_trunc('week', first_date) AS DATE) AS week, quad_class, count(*) AS n"
        " FROM events WHERE first_date >= ? AND first_date <= ? GROUP BY ALL",
        [start, last],
    )
    cells = {(r["week"], r["quad_class"]): int(r["n"]) for r in found}
    first_seen = min((r["week"] for r in found), default=end)
    out = []
    day = max(start, first_seen)
    while day <= end:
        counts = {q: cells.get((day, q), 0) for q in (1, 2, 3, 4)}
        out.append({"week": day, "counts": counts, "total": sum(counts.values())})
        day += timedelta(weeks=1)
    return out


def ingest_status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """When articles were last coded and events last added, and the store's languages."""
    row = fetch_dicts(
        con,
        "SELECT max(coded_at) AS last_coded, min(coded_at) AS first_coded,"
        " count(DISTINCT language) AS languages FROM articles",
        [],
    )[0]
    return row


# What changes only when an ingest runs (autocomplete lists, signals), an hour at most.
_REMEMBERED: Memo[tuple[str, Any], Any] = Memo(maxsize=256, ttl=3600.0)


def cached(key: tuple[str, Any], compute: Any) -> Any:
    """``compute()`` remembered for an hour (autocomplete lists, signals): a page load should
    not rescan millions of events for what changes only when an ingest runs, so callers put
    the store's state (last event added, count) in ``key``. Two requests for the same key
    compute it once: the second waits for the first."""
    return _REMEMBERED.get_or_compute(key, compute)


def actor_codes(con: duckdb.DuckDBPyConnection, limit: int = 3000) -> list[dict[str, Any]]:
    """The actor codes of the store, most frequent first: every country or organisation code
    (``USA``, ``ECOWAS``) and every full code (``USAMIL``), with a name and a count."""
    return fetch_dicts(
        con,
        """
WITH sides AS (
    SELECT source_country AS entity, source_code AS code, source_name AS name FROM events
    UNION ALL
    SELECT target_country, target_code, target_name FROM events
),
entities AS (SELECT entity AS code, NULL AS name, count(*) AS n FROM sides
             WHERE entity IS NOT NULL GROUP BY entity),
codes AS (SELECT code, min(name) AS name, count(*) AS n FROM sides
          WHERE code IS NOT NULL AND code <> '---' GROUP BY code)
SELECT code, max(name) AS name, max(n) AS n FROM (SELECT * FROM entities UNION ALL
                                                   SELECT * FROM codes)
GROUP BY code ORDER BY n DESC, code LIMIT ?
""",
        [limit],
    )


MAX_BINS = 1500


def map_bins(con: duckdb.DuckDBPyConnection, q: EventQuery) -> tuple[float, list[dict[str, Any]]]:
    """The query's placed events grouped by place: at 0.01 degree when that gives at most
    ``MAX_BINS`` groups, else in cells of 1, 2 or 5 degrees; each with counts per QuadClass.
    Returns the cell size and the bins. One scan estimates the groups of every size (DuckDB's
    HyperLogLog count), a second groups at the chosen one."""
    flat, params = flat_sql(q)
    where, where_params = where_sql(q)
    sizes = (0.01, 1.0, 2.0, 5.0)
    placed = f"FROM flat WHERE {where} AND place_lat IS NOT NULL AND place_lon IS NOT NULL"
    cell = "round(place_lat / {0}) * 100000 + round(place_lon / {0})"  # lon / 0.01 < 18001
    estimate = ", ".join(f"approx_count_distinct({cell.format(s)})" for s in sizes)
    row = fetch_dicts(
        con, f"WITH flat AS ({flat}) SELECT {estimate} {placed}", [*params, *where_params]
    )[0]
    counts = list(row.values())
    # The estimate errs by a few per cent: aim below the limit so the grouping rarely overflows.
    size = next((s for s, n in zip(sizes, counts, strict=True) if n <= MAX_BINS * 0.9), 5.0)
    rows = fetch_dicts(
        con,
        f"""
WITH flat AS ({flat})
SELECT round(place_lat / ?) * ? AS lat, round(place_lon / ?) * ? AS lon, count(*) AS n,
       count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
       count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
       min(place_name) AS place
{placed}
GROUP BY 1, 2 ORDER BY n DESC LIMIT ?
""",
        [*params, size, size, size, size, *where_params, MAX_BINS],
    )
    return size, rows


def article_spans(con: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """Every coded span of an article's reports (source, target, trigger and the word restating
    the act, place, the modality cue and attributed speaker), with the report they belong to."""
    rows = fetch_dicts(
        con,
        "SELECT idx, event_id, modality, cameo_code, cameo_name, source_code, target_code,"
        " trigger_start, trigger_end, trigger_text, event_json FROM mentions"
        " WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    out = []
    for row in rows:
        coded = json.loads(row.pop("event_json") or "{}")
        spans = [("trigger", row["trigger_start"], row["trigger_end"], row["trigger_text"])]
        for role in ("source", "target", "place"):
            part = coded.get(role) or {}
            spans.append((role, part.get("start"), part.get("end"), part.get("text")))
        extra = evidence_spans(coded)
        for role, name in (("trigger", "restated"), ("cue", "modality_cue"), ("speaker", "speaker")):
            part = extra[name] or {}
            spans.append((role, part.get("start"), part.get("end"), part.get("text")))
        row["spans"] = [
            {"role": r, "start": s, "end": e, "text": t}
            for r, s, e, t in spans
            if isinstance(s, int) and isinstance(e, int) and e > s
        ]
        out.append(row)
    return out


def period_bounds(start: date, by: str) -> tuple[date, date]:
    return start, next_period(start, by) - timedelta(days=1)
