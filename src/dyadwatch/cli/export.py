"""``dyadwatch export``: write the store's merged events (or mentions) to a file."""

from __future__ import annotations

from pathlib import Path

import click

from dyadwatch.cli import errors_to_messages, run_settings
from dyadwatch.cli.options import db_file_option

_SUFFIX_FORMATS = {".parquet": "parquet", ".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl"}


@click.command("export")
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@db_file_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv", "jsonl"]),
    help="parquet or jsonl: our columns; csv: GDELT 2.0 layout [default: from OUT's suffix, "
    "else parquet].",
)
@click.option(
    "--table",
    type=click.Choice(["events", "mentions"]),
    default="events",
    show_default=True,
    help="Merged events, or every mention (GDELT's mentions table for csv).",
)
@click.option(
    "--delimiter",
    type=click.Choice(["tab", "comma"]),
    default="tab",
    show_default=True,
    help="CSV field separator (GDELT uses tab).",
)
@click.option("--no-header", is_flag=True, help="CSV without a header row (like GDELT's files).")
def export(
    out: str, db: str | None, fmt: str | None, table: str, delimiter: str, no_header: bool
) -> None:
    """Export the corpus store to OUT (works while ingest runs).

    \b
    Example:
      dyadwatch export events.csv --db corpus.duckdb --format csv
      dyadwatch export mentions.parquet --table mentions
    """
    from dyadwatch.store.export import export as run_export

    chosen = fmt or _SUFFIX_FORMATS.get(Path(out).suffix.lower(), "parquet")
    with errors_to_messages():
        rows = run_export(
            run_settings(db=db).db,
            out,
            chosen,  # type: ignore[arg-type]
            table=table,  # type: ignore[arg-type]
            delimiter="\t" if delimiter == "tab" else ",",
            header=not no_header,
        )
    click.echo(f"wrote {rows:,} {table} to {out} ({chosen})", err=True)
