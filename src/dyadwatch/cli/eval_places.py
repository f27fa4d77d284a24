"""``dyadwatch eval-places``: measure toponym resolution or event locations on a gold file."""

from __future__ import annotations

from pathlib import Path

import click

from dyadwatch.cli import errors_to_messages


@click.command("eval-places")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records.")
def command(gold: Path, limit: int | None) -> None:
    """Score place finding against GOLD (JSON Lines), whose kind is read from its records.

    \b
    geowebnews-style (records with "toponyms"): toponym recall, share of found toponyms
    within 161 km of the gold point, share in the right country.
    event-location style (events[0].trigger and events[0].locations): precision, recall
    and F1 of the event's place against the gold locations.

    \b
    Example:
      dyadwatch eval-places ../shared/eval/dev/event_location_dev.jsonl --limit 1000
    """
    from rich.console import Console
    from rich.table import Table

    from dyadwatch.evaluation.places import EventLocationScores, evaluate

    with errors_to_messages():
        kind, scores = evaluate(gold, limit=limit)
    table = Table(title=f"{gold.name} ({kind})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("count", justify="right")
    if isinstance(scores, EventLocationScores):
        table.add_row("records", str(scores.records), "")
        table.add_row(
            "precision", f"{scores.precision:.3f}", f"{scores.tp}/{scores.tp + scores.fp}"
        )
        table.add_row("recall", f"{scores.recall:.3f}", f"{scores.tp}/{scores.tp + scores.fn}")
        table.add_row("F1", f"{scores.f1:.3f}", "")
    else:
        table.add_row("gold toponyms with coordinates", "", str(scores.gold))
        table.add_row(
            "detected (any mention)",
            f"{scores.detected / max(scores.gold, 1):.3f}",
            str(scores.detected),
        )
        table.add_row("recall (found with coordinates)", f"{scores.recall:.3f}", str(scores.found))
        table.add_row("within 161 km, of found", f"{scores.acc161:.3f}", str(scores.within_161))
        table.add_row(
            "right country, of found with known gold id",
            f"{scores.country_share:.3f}",
            f"{scores.right_country}/{scores.country_known}",
        )
    Console().print(table)
