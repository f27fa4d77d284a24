"""``dyadwatch eval``: score the coder on a gold event file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dyadwatch.cli import errors_to_messages, run_settings
from dyadwatch.cli.options import model_option
from dyadwatch.terminal import console as make_console
from dyadwatch.terminal import text


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Score only the first N records.")
@click.option("--misses", type=int, default=0, show_default=True, help="List N misses to study.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@model_option
def command(gold: Path, limit: int | None, misses: int, fmt: str, model: str | None) -> None:
    """Score event coding against GOLD.jsonl (CAMEO codes, PLOVER types with actors, or
    trigger spans).

    \b
    Texts are coded as `ingest` codes them (pre-filter and places included). Reports CAMEO exact and root
    accuracy with a per-root table, PLOVER type accuracy, (source, target, type) triple
    precision/recall/F1 (and, for CAMEO gold with actors, (source country, target country, CAMEO root) triples),
    gold-actor country and country+sector accuracy with coverage, a
    per-category table, trigger recall (records with a gold trigger span that some predicted
    trigger overlaps), the false-positive rate of records that expect no event, and modality
    agreement where the gold gives a modality. Events of every modality count.

    \b
    Example:
      dyadwatch eval ../shared/eval/dev/cameo_manual_dev.jsonl --misses 10
      dyadwatch eval ../shared/eval/dev/event_location_dev.jsonl --limit 2000
    """
    from rich.table import Table

    from dyadwatch.coder import Coder
    from dyadwatch.evaluation.evaluate import category_rows, evaluate, read_gold, root_rows

    with errors_to_messages():
        coder = Coder(run_settings(model=model))
        renames = {k: coder.ontology.plover_from_v05(k) for k in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT")}
        report = evaluate(coder, read_gold(gold, limit=limit, v05=renames), misses=misses)
    summary = report.summary()
    if fmt == "json":
        summary["per_category"] = {k: {"n": n, "accuracy": round(r, 4)} for k, n, r in category_rows(report)}
        if report.per_root:
            summary["per_root"] = {k: {"n": n, "root": round(r, 4), "exact": round(x, 4)}
                                   for k, n, r, x in root_rows(report)}
        summary["misses"] = [m.__dict__ for m in report.misses]
        click.echo(json.dumps(summary, indent=2))
        return
    console = make_console()
    table = Table(title=f"dyadwatch eval {gold.name}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        table.add_row(key, f"{value:.1%}" if isinstance(value, float) else str(value))
    console.print(table)
    cats = Table(title="per category (gold code root or PLOVER type)")
    for col in ("category", "n", "accuracy"):
        cats.add_column(col, justify="right" if col != "category" else "left")
    for key, n, rate in category_rows(report):
        cats.add_row(key, str(n), f"{rate:.0%}")
    if report.per_category:
        console.print(cats)
    if report.per_root:
        roots = Table(title="per CAMEO root (gold root)")
        for col in ("root", "n", "root acc", "exact acc"):
            roots.add_column(col, justify="right" if col != "root" else "left")
        for key, n, rate, exact in root_rows(report):
            roots.add_row(key, str(n), f"{rate:.0%}", f"{exact:.0%}")
        console.print(roots)
    for m in report.misses:
        console.print(text(m.id, "yellow") + text(f" gold={m.gold} predicted={m.predicted}\n  {m.text}"))
