"""``dyadwatch signals``: dyads whose cooperation or conflict changed, and firsts, with evidence."""

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
from dyadwatch.terminal import text
from dyadwatch.watch.options import SIGNALS

if TYPE_CHECKING:
    from dyadwatch.watch.signals import Signal


def write_signals(out: TextIO, signals: list[Signal], fmt: str) -> None:
    """Print signals as JSON, or for people: one block per signal with its evidence."""
    if fmt == "json":
        import json

        json.dump([s.to_dict() for s in signals], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    console = make_console(file=out, soft_wrap=True)
    if not signals:
        console.print("No signals at these settings (see `dyadwatch signals --help`).")
    colour = {"rise": "green", "fall": "red", "first": "magenta"}
    for rank, s in enumerate(signals, 1):
        console.print(text(f"{rank}. ", "bold") + text(s.summary, colour[s.kind]))
        for r in s.evidence:
            console.print(
                text(f"    {r.date.isoformat()} {r.source_code or '-'}->{r.target_code or '-'} "
                     f"{r.plover_type} ({r.n_mentions} reports) ")
                + text(f"{r.outlet or '-'}: {r.title or r.article_id} [{r.article_id}]", "dim")
            )
            console.print(text(f"      \u201c{' '.join(r.sentence.split())}\u201d"))
        console.print()


@click.command("signals")
@event_filters(
    periods=("week", "month"),
    since_help="Ignore events before this day (YYYY-MM-DD).",
    until_help="The window ends with the period of this day (default: the data's last).",
)
@click.option(
    "--min-count",
    type=click.IntRange(1),
    default=SIGNALS.min_count,
    show_default=True,
    help="Fewest events in the window for a rise (expected for a fall).",
)
@click.option(
    "--alpha",
    type=click.FloatRange(0, 1),
    default=SIGNALS.alpha,
    show_default=True,
    help="Largest adjusted p-value reported.",
)
@click.option(
    "--window",
    type=click.IntRange(1),
    default=None,
    help="Window length in periods (default: the most significant of 1..--max-window).",
)
@click.option(
    "--max-window",
    type=click.IntRange(1),
    default=SIGNALS.max_window,
    show_default=True,
    help="Longest window tried when --window is not given.",
)
@click.option(
    "--min-history",
    type=click.IntRange(1),
    default=SIGNALS.min_history,
    show_default=True,
    help="Fewest baseline periods before the window.",
)
@click.option("--no-firsts", is_flag=True, help="Leave out firsts.")
@click.option(
    "--evidence",
    type=click.IntRange(1),
    default=SIGNALS.evidence,
    show_default=True,
    help="Events shown per signal.",
)
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Signals shown.")
@all_modalities_option
@include_unknown_option
@format_option("table", "json")
def signals(
    db: str | None,
    by: str,
    since: date | None,
    until: date | None,
    contexts: tuple[str, ...],
    min_count: int,
    alpha: float,
    window: int | None,
    max_window: int,
    min_history: int,
    no_firsts: bool,
    evidence: int,
    top: int,
    all_modalities: bool,
    include_unknown: bool,
    fmt: str,
) -> None:
    """Dyads whose cooperation (QuadClass 1+2) or conflict (3+4) rose or fell against their own
    baseline, and firsts, ranked by p-value, each with the events that carry it.

    The test: the latest window's event count against the dyad's rate in the
    periods before it, by the exact test for two Poisson rates, adjusted for
    the window lengths tried (docs/signals.md).

    \b
    Examples:
      dyadwatch signals --context military
      dyadwatch signals --by week --since 2020-01-01 --top 5 --format json
    """
    with errors_to_messages({"by": "--by", "context": "--context", "window": "--window"}):
        from dyadwatch.watch.signals import find_signals

        found = find_signals(
            run_settings(db=db).db,
            by=by,
            since=since,
            until=until,
            context=contexts,
            window=window,
            max_window=max_window,
            min_count=min_count,
            min_history=min_history,
            alpha=alpha,
            evidence=evidence,
            firsts=not no_firsts,
            top=top,
            all_modalities=all_modalities,
            include_unknown=include_unknown,
        )
        write_signals(sys.stdout, found, fmt)
        warn_coverage(db)
