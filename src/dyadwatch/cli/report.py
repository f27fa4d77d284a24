"""``dyadwatch report``: one self-contained HTML (or Markdown) report on a dyad."""

from __future__ import annotations

from datetime import datetime

import click

from dyadwatch.cli import errors_to_messages

DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.command("report")
@click.argument("a")
@click.argument("b")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="Report file: .html (self-contained, chart inline) or .md.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    help="Corpus database (default: the db setting, ./dyadwatch.duckdb).",
)
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
    help="Period length.",
)
@click.option("--since", type=DATE, help="First day, YYYY-MM-DD.")
@click.option("--until", type=DATE, help="Last day, YYYY-MM-DD.")
@click.option(
    "--context",
    "contexts",
    multiple=True,
    help="Only events with this PLOVER context (repeatable), e.g. military.",
)
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Also count hedged, negated, future... events (default: asserted only).",
)
def report(
    a: str,
    b: str,
    out: str,
    db: str | None,
    by: str,
    since: datetime | None,
    until: datetime | None,
    contexts: tuple[str, ...],
    all_modalities: bool,
) -> None:
    """Write a report on actors A and B: summary, chart, signals, per-period table and every
    event with its sentence, trigger and actors highlighted and its article.

    \b
    Examples:
      dyadwatch report USA DZA --out usa-dza.html --context military
      dyadwatch report USAMIL DZA --out usa-dza.md
    """
    with errors_to_messages():
        from dyadwatch.reports import write_report

        path = write_report(
            db,
            a,
            b,
            out,
            by=by,
            since=since.date() if since else None,
            until=until.date() if until else None,
            context=contexts,
            all_modalities=all_modalities,
        )
        click.echo(f"report written to {path}")
