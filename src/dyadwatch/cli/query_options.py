"""The ``EventQuery`` filters as command-line options, declared once for ``events`` and
``export`` (``--source``, ``--dyad``, ``--cameo``, ...). Values reach ``EventQuery.from_params``
as strings, so the command line, the HTTP API and Python check them the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from dyadwatch.cli import F

# (option, EventQuery field, help); every option may repeat or take comma-separated values.
_FILTERS: tuple[tuple[str, str, str], ...] = (
    ("--source", "source", "Source actor code: USA, USAMIL, ECOWAS, OSCE, --- (unknown)."),
    ("--target", "target", "Target actor code."),
    ("--cameo", "cameo", "CAMEO event code or root prefix, e.g. 19 or 190."),
    ("--quad-class", "quad_class", "QuadClass 1-4."),
    ("--plover-type", "plover_type", "PLOVER event type, e.g. ASSAULT."),
    ("--plover-mode", "plover_mode", "PLOVER mode."),
    ("--context", "plover_context", "PLOVER context, e.g. military."),
    ("--modality", "modality", "Modality [default: asserted]."),
    ("--place-country", "place_country", "ISO alpha-3 country of the event's place."),
    ("--place-admin1", "place_admin1", "Admin1 code of the event's place (with --place-country)."),
    ("--language", "language", "Language of any report's article, e.g. en."),
    ("--outlet", "outlet", "Outlet (articles.source) of any report."),
)
_SINGLE: tuple[tuple[str, str, str], ...] = (
    ("--since", "start", "First day of the event, YYYY-MM-DD."),
    ("--until", "end", "Last day, YYYY-MM-DD."),
    ("--min-confidence", "min_confidence", "Lowest confidence, 0-1."),
    ("--min-sources", "min_sources", "Fewest distinct outlets reporting the event."),
    ("--min-mentions", "min_mentions", "Fewest reports of the event."),
    ("--near", "near", "LAT,LON,KM: events placed within KM of a point."),
    ("--text", "text", "Words any report's evidence sentence contains."),
    ("--added-since", "added_since", "Only events first stored after this ISO timestamp."),
)


def query_filters(f: F) -> F:
    """Add every filter option, then ``--dyad A B``."""
    decorators: list[Callable[[F], F]] = [
        click.option("--dyad", nargs=2, default=None, help="Two actor codes: either direction.")
    ]
    for flag, name, text in _FILTERS:
        decorators.append(click.option(flag, "q_" + name, multiple=True, help=text))
    for flag, name, text in _SINGLE:
        decorators.append(click.option(flag, "q_" + name, default=None, help=text))
    for decorator in reversed(decorators):
        f = decorator(f)
    return f


def query_from_options(options: dict[str, Any]) -> Any:
    """The ``EventQuery`` the filter options describe (they are removed from ``options``)."""
    from dyadwatch.query import EventQuery

    params: dict[str, Any] = {}
    for key in [k for k in options if k.startswith("q_")]:
        params[key[2:]] = options.pop(key)
    dyad = options.pop("dyad", None)
    if dyad:
        params["dyad"] = list(dyad)
    return EventQuery.from_params(params)


def warn_if_empty(db: str | None, query: Any) -> None:
    """On stderr, why a query found nothing (codes or values the store never saw)."""
    from dyadwatch.query_run import empty_warnings
    from dyadwatch.store.connect import open_connection

    with open_connection(db) as con:
        reasons = empty_warnings(con, query)
    click.echo("warning: no events match", err=True)
    for reason in reasons:
        click.echo(f"warning: {reason}", err=True)
