"""Writing a query's rows: CSV, JSON Lines, GeoJSON, Parquet and a table for people. Shared by
``dyadwatch events`` and the HTTP API's streamed downloads."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dyadwatch.errors import StoreError
from dyadwatch.query import EventQuery
from dyadwatch.query_run import ROW_COLUMNS, all_rows_sql
from dyadwatch.terminal import console as make_console
from dyadwatch.terminal import text

if TYPE_CHECKING:
    import duckdb

TABLE_COLUMNS = ("date", "source_code", "cameo_code", "target_code", "plover_type",
                 "n_sources", "place_name", "outlet", "evidence_sentence")  # fmt: skip


def jsonable(value: Any) -> Any:
    """A value JSON can hold: dates as ISO text, tuples as lists."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: jsonable(v) for k, v in row.items()}


def feature(row: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON feature: the event's place as a point (null geometry when it has none)."""
    lat, lon = row.get("place_lat"), row.get("place_lon")
    geometry = (
        {"type": "Point", "coordinates": [lon, lat]}
        if lat is not None and lon is not None
        else None
    )
    return {
        "type": "Feature",
        "id": row.get("key"),
        "geometry": geometry,
        "properties": json_row(row),
    }


def csv_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text (header first, lists joined with ``|``) in chunks of about 1000 rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ROW_COLUMNS)
    for n, row in enumerate(rows, 1):
        writer.writerow([_cell(row.get(c)) for c in ROW_COLUMNS])
        if n % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return "" if value is None else value


def geojson_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A GeoJSON FeatureCollection, written feature by feature."""
    yield '{"type": "FeatureCollection", "features": ['
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(feature(row), ensure_ascii=False)
    yield "\n]}\n"


def jsonl_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(json_row(row), ensure_ascii=False) + "\n"


def write_rows(out: TextIO, rows: Iterable[dict[str, Any]], fmt: str) -> int:
    """Write rows as ``table``, ``csv``, ``jsonl`` or ``geojson``; return how many."""
    counted: list[int] = [0]

    def tally() -> Iterator[dict[str, Any]]:
        for row in rows:
            counted[0] += 1
            yield row

    if fmt == "table":
        _table(out, list(tally()))
        return counted[0]
    chunks = {"csv": csv_chunks, "jsonl": jsonl_chunks, "geojson": geojson_chunks}[fmt](tally())
    for chunk in chunks:
        out.write(chunk)
    return counted[0]


def _table(out: TextIO, rows: list[dict[str, Any]]) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD)
    for name in TABLE_COLUMNS:
        table.add_column(name, overflow="fold", no_wrap=name != "evidence_sentence")
    for row in rows:
        table.add_row(*(text(_cell(row.get(c))) for c in TABLE_COLUMNS))
    console = make_console(file=out, soft_wrap=False, width=None if out.isatty() else 200)
    console.print(table)
    console.print(f"{len(rows)} event(s)")


def write_parquet(
    con: duckdb.DuckDBPyConnection, q: EventQuery, out: str | Path, limit: int | None = None
) -> int:
    """Write the query's rows to a Parquet file (beside, then renamed); return how many."""
    import duckdb

    sql, params = all_rows_sql(q)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    target = Path(out)
    partial = target.with_name(f".{target.name}.partial")
    try:
        path = str(partial).replace("'", "''")
        con.execute(f"COPY ({sql}) TO '{path}' (FORMAT parquet)", params)
        row = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    except duckdb.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write {target}: {exc}") from exc
    os.replace(partial, target)
    return int(row[0]) if row is not None else 0
