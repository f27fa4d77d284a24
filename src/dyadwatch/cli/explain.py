"""``dyadwatch explain``: the reports of a stored event and why each was attached to it."""

from __future__ import annotations

import json

import click

from dyadwatch.cli import errors_to_messages
from dyadwatch.cli.options import db_file_option
from dyadwatch.terminal import clean


@click.command("explain")
@click.argument("event_id")
@db_file_option
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
def command(event_id: str, db: str | None, as_json: bool) -> None:
    """List the reports of the stored event EVENT_ID and why each was merged into it.

    \b
    Example:
      dyadwatch explain ev3f2a9c0d1e4b5a6c --db corpus.duckdb
    """
    from dyadwatch.store.explain import explain, format_explanation
    from dyadwatch.store.store import Store

    with errors_to_messages(), Store.open(db, read_only=True) as store:
        ex = explain(store.connection, event_id)
    if as_json:
        click.echo(json.dumps(ex.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(clean(format_explanation(ex)))
