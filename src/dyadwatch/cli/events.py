"""``dyadwatch events``: run an event query and print or write its rows."""

from __future__ import annotations

import contextlib
import sys
from typing import Any

import click

from dyadwatch.cli import errors_to_messages
from dyadwatch.cli.options import corpus_db_option
from dyadwatch.cli.query_options import query_filters, query_from_options, warn_if_empty


@click.command("events")
@corpus_db_option
@query_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl", "parquet", "geojson"]),
    default="table",
    show_default=True,
    help="table for people; csv, jsonl, geojson or parquet (needs --out) for machines.",
)
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
def events(db: str | None, fmt: str, limit: int | None, out: str | None, **options: Any) -> None:
    """Events matching the filters, by date (undated last), with their evidence.

    \b
    Examples:
      dyadwatch events --dyad ECOWAS MLI --since 2024-01-01
      dyadwatch events --source USAMIL --cameo 19 --min-sources 2 --format csv > strikes.csv
      dyadwatch events --near 12.65,-8.0,50 --text "convoy" --format geojson --out bamako.geojson
    """
    from dyadwatch.query_write import write_parquet, write_rows
    from dyadwatch.store.connect import open_connection

    with errors_to_messages():
        query = query_from_options(options)
        if fmt == "parquet":
            if out is None:
                raise click.UsageError("--format parquet writes a file: give --out FILE")
            with open_connection(db) as con:
                n = write_parquet(con, query, out, limit)
        else:
            from dyadwatch.query_run import iter_rows

            with contextlib.ExitStack() as stack:
                handle = (
                    stack.enter_context(open(out, "w", encoding="utf-8", newline=""))
                    if out
                    else sys.stdout
                )
                con = stack.enter_context(open_connection(db))
                n = write_rows(handle, iter_rows(con, query, limit), fmt)
        if n == 0:
            warn_if_empty(db, query)
        elif out:
            click.echo(f"wrote {n:,} events to {out} ({fmt})", err=True)
