"""``dyadwatch export``: write the store's merged events (or their mentions or articles) to a
file, optionally only those an event query selects."""

from __future__ import annotations

from typing import Any

import click

from dyadwatch.cli import errors_to_messages, run_settings
from dyadwatch.cli.options import db_file_option
from dyadwatch.cli.query_options import query_filters, query_from_options


@click.command("export")
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@db_file_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv", "jsonl"]),
    help="parquet or jsonl: our columns; csv: GDELT 2.0 layout [default: from OUT's suffix "
    "(.parquet, .csv, .tsv, .jsonl, .ndjson); any other suffix is refused].",
)
@click.option(
    "--table",
    type=click.Choice(["events", "mentions", "articles"]),
    default="events",
    show_default=True,
    help="Merged events, their mentions (GDELT's mentions table for csv), or their articles.",
)
@click.option(
    "--delimiter",
    type=click.Choice(["tab", "comma"]),
    default="tab",
    show_default=True,
    help="CSV field separator (GDELT uses tab).",
)
@click.option("--no-header", is_flag=True, help="CSV without a header row (like GDELT's files).")
@click.option(
    "--gdelt-strict",
    is_flag=True,
    help="Events CSV as GDELT loaders expect: no header, no undated events (counted on "
    "stderr), FIPS 10-4 place country codes, CAMEO type codes, 3-character group codes.",
)
@query_filters
def export(
    out: str,
    db: str | None,
    fmt: str | None,
    table: str,
    delimiter: str,
    no_header: bool,
    gdelt_strict: bool,
    **options: Any,
) -> None:
    """Export the corpus store to OUT (works while ingest runs).

    The filter options (as for `dyadwatch events`) choose the events; mentions and articles
    follow the chosen events.

    \b
    Example:
      dyadwatch export events.csv --db corpus.duckdb --gdelt-strict
      dyadwatch export mali.parquet --dyad ECOWAS MLI --since 2024-01-01
      dyadwatch export mentions.parquet --table mentions
    """
    from dyadwatch.store.export import export_store, format_for

    with errors_to_messages():
        query = query_from_options(options)
        chosen = format_for(out, fmt)
        result = export_store(
            run_settings(db=db).db,
            out,
            chosen,
            table=table,  # type: ignore[arg-type]
            delimiter="\t" if delimiter == "tab" else ",",
            header=not no_header,
            query=query,
            gdelt_strict=gdelt_strict,
        )
    click.echo(f"wrote {result.rows:,} {table} to {out} ({chosen})", err=True)
    if result.undated:
        click.echo(f"left out {result.undated:,} undated events (GDELT needs a date)", err=True)
