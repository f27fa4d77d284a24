"""``dyadwatch report``: one self-contained HTML (or Markdown) report on a dyad."""

from __future__ import annotations

from datetime import date

import click

from dyadwatch.cli import errors_to_messages, run_settings, warn_coverage
from dyadwatch.cli.options import all_modalities_option, event_filters


@click.command("report")
@click.argument("a")
@click.argument("b")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="Report file: .html (self-contained, chart inline) or .md.",
)
@event_filters()
@all_modalities_option
def report(
    a: str,
    b: str,
    out: str,
    db: str | None,
    by: str,
    since: date | None,
    until: date | None,
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
    with errors_to_messages({"by": "--by", "context": "--context", "out": "--out"}):
        from dyadwatch.watch.reports import write_report

        path = write_report(
            run_settings(db=db).db,
            a,
            b,
            out,
            by=by,
            since=since,
            until=until,
            context=contexts,
            all_modalities=all_modalities,
        )
        click.echo(f"report written to {path}")
        warn_coverage(db, (a, b))
