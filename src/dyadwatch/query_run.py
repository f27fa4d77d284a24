"""Running an ``EventQuery``: pages with keyset cursors, every row, counts, and warnings that
explain an empty answer.

>>> with Store.open("corpus.duckdb", read_only=True) as store:          # doctest: +SKIP
...     page = run_page(store.connection, EventQuery(dyad=("ECOWAS", "MLI")), limit=50)
...     page.rows[0]["evidence_sentence"], page.next_cursor

Rows are dicts with the columns of ``ROW_COLUMNS``: the merged event (or unmerged report), then
the evidence of its representative report (sentence, trigger offsets) and that report's article
(outlet, title, url, language). Rows come by date (undated ones last), then key.

**Pagination** is by keyset: a cursor holds the last row's (date, key), the time of the first
page (later pages leave out events stored after it, so an ingest running meanwhile neither
shifts nor repeats rows; fetch those with ``added_since``) and a fingerprint of the query (a
cursor is refused with another query).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import DyadwatchError, InvalidArgument, MissingExtra, StoreError
from dyadwatch.query import EventQuery, flat_sql, sort_day_sql, where_sql

if TYPE_CHECKING:
    import duckdb

ROW_COLUMNS: tuple[str, ...] = (
    "key", "event_id", "global_id", "date", "last_date",
    "source_name", "source_country", "source_sector", "source_code",
    "target_name", "target_country", "target_sector", "target_code",
    "cameo_code", "cameo_name", "cameo_root", "quad_class", "goldstein",
    "plover_type", "plover_mode", "plover_context", "modality", "confidence",
    "place_name", "place_geonames_id", "place_feature", "place_country", "place_admin1",
    "place_lat", "place_lon",
    "n_mentions", "n_asserted", "n_articles", "n_sources", "added_at", "article_id",
    "outlet", "title", "url", "language",
    "evidence_sentence", "sentence_start", "trigger_text", "trigger_start", "trigger_end",
)  # fmt: skip
"""Columns of a query's rows, in order."""

MAX_PAGE = 1000
"""Largest page ``run_page`` serves."""


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    next_cursor: str | None


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the last row's sort date and key, the first page's time, and the
    query's fingerprint."""

    day: date
    key: str
    snapshot: datetime
    fingerprint: str

    def encode(self) -> str:
        raw = json.dumps(
            [self.day.isoformat(), self.key, self.snapshot.isoformat(), self.fingerprint],
            separators=(",", ":"),
        )
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, q: EventQuery) -> Cursor:
        try:
            padded = text + "=" * (-len(text) % 4)
            day, key, snapshot, fingerprint = json.loads(base64.urlsafe_b64decode(padded))
            cursor = cls(
                date.fromisoformat(day), str(key), datetime.fromisoformat(snapshot), fingerprint
            )
        except (ValueError, TypeError, UnicodeDecodeError):
            raise InvalidArgument("cursor", "not a cursor this API gave out") from None
        if cursor.fingerprint != fingerprint_of(q):
            raise InvalidArgument("cursor", "the cursor belongs to another query")
        return cursor


def fingerprint_of(q: EventQuery) -> str:
    text = json.dumps(q.to_dict(), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def page_sql(
    q: EventQuery, limit: int, after: Cursor | None = None, snapshot: datetime | None = None
) -> tuple[str, list[Any]]:
    """SQL and parameters of the keys and dates of one page (``limit`` rows) after ``after``.

    Only the keys: sorting whole rows makes DuckDB read every column of every matching row,
    while the keys' top ``limit`` reads three; ``rows_by_key`` then reads the page's rows."""
    flat, params = flat_sql(q)
    where, where_params = where_sql(q)
    params += where_params
    day = sort_day_sql()
    if snapshot is not None:
        where += " AND added_at <= ?"
        params.append(snapshot)
    if after is not None:
        where += f" AND ({day} > ? OR ({day} = ? AND key > ?))"
        params += [after.day, after.day, after.key]
    params.append(limit)
    sql = f"WITH flat AS ({flat}) SELECT key FROM flat WHERE {where} ORDER BY {day}, key LIMIT ?"
    return sql, params


def rows_by_key(
    con: duckdb.DuckDBPyConnection, q: EventQuery, keys: list[str]
) -> list[dict[str, Any]]:
    """The query's rows of these keys, in the order given (a key-IN filter DuckDB applies
    inside its scan, before reading the other columns)."""
    if not keys:
        return []
    flat, params = flat_sql(q)
    marks = ", ".join(["?"] * len(keys))
    found = fetch_dicts(con, f"WITH flat AS ({flat}) SELECT * FROM flat WHERE key IN ({marks})",
                        params + keys)  # fmt: skip
    by_key = {r["key"]: r for r in found}
    return [by_key[k] for k in keys if k in by_key]


def run_page(
    con: duckdb.DuckDBPyConnection,
    q: EventQuery,
    limit: int = 100,
    cursor: str | None = None,
    *,
    max_limit: int = MAX_PAGE,
) -> Page:
    """One page of the query's rows, and the cursor of the next page (None after the last)."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= max_limit:
        raise InvalidArgument("limit", f"expected a whole number from 1 to {max_limit}")
    after = Cursor.decode(cursor, q) if cursor else None
    snapshot = after.snapshot if after is not None else _now()
    sql, params = page_sql(q, limit + 1, after, snapshot)
    keys = [r[0] for r in execute(con, sql, params).fetchall()]
    more = len(keys) > limit
    rows = rows_by_key(con, q, keys[:limit])
    next_cursor = None
    if more and rows:
        last = rows[-1]
        day = last["date"] if last["date"] is not None else date(9999, 12, 31)
        next_cursor = Cursor(day, last["key"], snapshot, fingerprint_of(q)).encode()
    return Page(rows, next_cursor)


def all_rows_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """SQL of every row of the query, in order, with evidence (for exports)."""
    flat, params = flat_sql(q)
    where, where_params = where_sql(q)
    day = sort_day_sql()
    sql = f"WITH flat AS ({flat}) SELECT * FROM flat WHERE {where} ORDER BY {day}, key"
    return sql, params + where_params


def iter_rows(
    con: duckdb.DuckDBPyConnection, q: EventQuery, limit: int | None = None, batch: int = 10_000
) -> Iterator[dict[str, Any]]:
    """Every row of the query (at most ``limit``), fetched in batches."""
    sql, params = all_rows_sql(q)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    import duckdb

    try:
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description or []]
        while chunk := cur.fetchmany(batch):
            for values in chunk:
                yield dict(zip(names, values, strict=True))
    except duckdb.Error as exc:
        raise StoreError(f"cannot read events from the store: {exc}") from exc


def count(con: duckdb.DuckDBPyConnection, q: EventQuery) -> int:
    flat, params = flat_sql(q)
    where, where_params = where_sql(q)
    row = execute(con, f"WITH flat AS ({flat}) SELECT count(*) FROM flat WHERE {where}",
                   params + where_params).fetchone()  # fmt: skip
    return int(row[0]) if row is not None else 0


def execute(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Any:
    import duckdb

    try:
        return con.execute(sql, params)
    except duckdb.InterruptException as exc:
        raise QueryTimeout("the query took too long and was stopped") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot read events from the store: {exc}") from exc


def fetch_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]
) -> list[dict[str, Any]]:
    cur = execute(con, sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, values, strict=True)) for values in cur.fetchall()]


class QueryTimeout(DyadwatchError):
    """A query ran past its time limit and was interrupted."""

    code = "DW-TIMEOUT"


# -- explaining an empty answer ------------------------------------------------------------------


def empty_warnings(con: duckdb.DuckDBPyConnection, q: EventQuery) -> list[str]:
    """Why a query may have found nothing: codes, outlets, languages or places the store never
    saw, or a date range outside the store's events. Empty when every filter names something
    the store holds (then nothing matches them together)."""
    out: list[str] = []
    seen: set[str] = set()
    for role, codes in q.actors.items():
        for code in codes:
            if code.code in seen:
                continue
            seen.add(code.code)
            src, src_params = code.sql("source")
            tgt, tgt_params = code.sql("target")
            found = execute(
                con, f"SELECT 1 FROM events WHERE {src} OR {tgt} LIMIT 1", src_params + tgt_params
            ).fetchone()
            if found is None:
                out.append(f"{role}: no event in the store has actor {code.code}")
    checks = (
        ("outlet", q.outlet, "SELECT 1 FROM articles WHERE source = ? LIMIT 1"),
        ("language", q.language, "SELECT 1 FROM articles WHERE lower(language) = ? LIMIT 1"),
        ("place_country", q.place_country, "SELECT 1 FROM events WHERE place_country = ? LIMIT 1"),
    )
    for name, values, sql in checks:
        for value in values:
            if execute(con, sql, [value]).fetchone() is None:
                out.append(f"{name}: the store has no {name.replace('_', ' ')} {value!r}")
    if q.start is not None or q.end is not None:
        row = execute(con, "SELECT min(first_date), max(first_date) FROM events", []).fetchone()
        lo, hi = row if row is not None else (None, None)
        if lo is None or hi is None:
            out.append("start/end: the store holds no dated event")
        elif (q.start is not None and q.start > hi) or (q.end is not None and q.end < lo):
            out.append(f"start/end: the store's events run from {lo} to {hi}")
    return out


# -- the Python entry point ------------------------------------------------------------------------


def build_query(q: EventQuery | None = None, **filters: Any) -> EventQuery:
    """``q`` with ``filters`` applied (keyword names are ``EventQuery`` fields; plain strings
    are accepted for list fields)."""
    base = q if q is not None else EventQuery()
    if not filters:
        return base
    for name, value in list(filters.items()):
        if isinstance(value, str) and name not in ("text",):
            filters[name] = (value,) if name != "dyad" else tuple(value.split(","))
    known = set(base.to_dict())
    for name in filters:
        if name not in known:
            raise InvalidArgument(name, "unknown filter; one of " + ", ".join(sorted(known)))
    return base.replace(**filters)


def rows_to_frame(rows: list[dict[str, Any]]) -> Any:
    """Rows as a ``pandas.DataFrame`` with the ``ROW_COLUMNS`` columns (also when empty)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtra("a data frame", "pandas", "pandas") from exc
    return pd.DataFrame(rows, columns=list(rows[0]) if rows else list(ROW_COLUMNS))
