"""``dyadwatch dyad``: a dyad's events per period, as a table, CSV or JSON, and a plot."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, TextIO

import click

from dyadwatch.cli import errors_to_messages, run_settings, warn_coverage
from dyadwatch.cli.options import (
    all_modalities_option,
    event_filters,
    format_option,
    include_unknown_option,
)
from dyadwatch.terminal import console as make_console

if TYPE_CHECKING:
    from dyadwatch.watch.dyads import DyadSeries


def write_series(out: TextIO, series: DyadSeries, fmt: str) -> None:
    """Print a series as a rich table (periods with events), CSV or JSON."""
    if fmt == "json":
        import json

        payload = {
            "a": series.a,
            "b": series.b,
            "by": series.by,
            "since": series.since.isoformat() if series.since else None,
            "until": series.until.isoformat() if series.until else None,
            "contexts": list(series.contexts),
            "rows": series.to_records(),
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    records = series.to_records()
    if fmt == "csv":
        import csv

        if records:
            writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(records)
        return
    from rich import box
    from rich.table import Table

    busy = {r.period for r in series.rows if r.direction == "both" and r.events}
    context = f", context {', '.join(series.contexts)}" if series.contexts else ""
    table = Table(title=f"{series.a} - {series.b} by {series.by}{context}", box=box.SIMPLE_HEAD)
    headers = (
        "period",
        "dyad",
        "events",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Goldstein",
        "mean",
        "PLOVER",
        "articles",
        "sources",
        "PLOVER types",
    )
    for name in headers:
        wide = name == "PLOVER types"
        table.add_column(
            name,
            justify="left" if name in ("period", "dyad") or wide else "right",
            no_wrap=not wide,
            overflow="fold",
        )
    for r in series.rows:
        if r.period not in busy:
            continue
        mean = "-" if r.goldstein_mean is None else f"{r.goldstein_mean:.1f}"
        types = " ".join(f"{t}:{n}" for t, n in r.plover_counts)
        table.add_row(
            r.period if r.direction == "ab" else "",
            series.label(r.direction),
            *(str(v) for v in (r.events, r.quad1, r.quad2, r.quad3, r.quad4)),
            f"{r.goldstein_total:.1f}",
            mean,
            f"{r.plover_score_total:.1f}",
            str(r.articles),
            str(r.sources),
            types,
            end_section=r.direction == "both",
        )
    # Off a terminal rich assumes 80 columns; a file or pipe can take the whole table.
    console = make_console(file=out, soft_wrap=False, width=None if out.isatty() else 160)
    console.print(table)
    hidden = len(series.direction("both")) - len(busy)
    if hidden:
        console.print(f"{hidden} {series.by} period(s) without events hidden (see --format csv)")


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@event_filters()
@all_modalities_option
@include_unknown_option
@format_option("table", "csv", "json")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw the series into FILE (.png, .svg or .pdf, by its suffix).")
def dyad(
    a: str,
    b: str,
    db: str | None,
    by: str,
    since: date | None,
    until: date | None,
    contexts: tuple[str, ...],
    all_modalities: bool,
    include_unknown: bool,
    fmt: str,
    plot: str | None,
) -> None:
    """Events between actors A and B per period: A->B, B->A and both directions.

    A and B are countries (DZA), country and sector (USAMIL), organisations with their bodies
    (IGOUNO, ECOWAS, OSCE), or UNKNOWN / --- for events whose doer is not named (with
    --include-unknown). Per period: events by QuadClass, Goldstein total and mean, PLOVER score
    total, counts by PLOVER type, distinct articles and sources. A merged event counts once
    however many outlets reported it.

    \b
    Examples:
      dyadwatch dyad USA DZA --context military
      dyadwatch dyad USAMIL DZA --by week --format csv > usa-dza.csv
      dyadwatch dyad USA DZA --since 2020-01-01 --plot usa-dza.png
    """
    with errors_to_messages({"by": "--by", "context": "--context"}):
        from dyadwatch.watch.dyads import dyad_series

        series = dyad_series(
            run_settings(db=db).db,
            a,
            b,
            by=by,
            since=since,
            until=until,
            context=contexts,
            all_modalities=all_modalities,
            include_unknown=include_unknown,
        )
        write_series(sys.stdout, series, fmt)
        warn_coverage(db, (a, b))
        if plot:
            from dyadwatch.watch.reports import plot_series

            path = plot_series(series, plot)
            click.echo(f"plot written to {path}", err=True)
